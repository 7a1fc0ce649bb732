/**
 * Validates the real public data of issue 14 (server/modules/intel/data/real/*.jsonl) without ever
 * running the analysis on it: every line parses, has exactly the fields of its file, a known label or
 * category, an id of the right shape used once, a source URL, and the split the protocol demands —
 * "heldout" when the first hex digit of sha256(source + "#" + text) is below 8, else "dev". No text
 * appears twice (after trimming) in any file or across files. scams.asks.jsonl (the hand-made ask/opening
 * label of each scam message, docs/intel.md "Openings and asks") must hold exactly one label for every
 * scams.jsonl id and no other id. Prints counts; exits 1 on any fault.
 *
 *   npx tsx bench/real-msg-check.ts
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FRAUD_TYPE_CODES } from '../shared/domain.ts';

const DIR = fileURLToPath(new URL('../server/modules/intel/data/real/', import.meta.url));
const CATEGORIES = ['bank', 'hospital', 'community', 'social_security', 'delivery', 'government', 'shop', 'family', 'telecom', 'other'];

interface Spec {
  file: string;
  prefix: string;
  fields: string[];
  /** The field holding the class and the values it may take. */
  classField: string;
  classes: readonly string[];
}
const SPECS: Spec[] = [
  { file: 'cases.jsonl', prefix: 'c', fields: ['id', 'source', 'title', 'text', 'label', 'split'], classField: 'label', classes: FRAUD_TYPE_CODES },
  { file: 'ordinary.jsonl', prefix: 'o', fields: ['id', 'source', 'category', 'text', 'split'], classField: 'category', classes: CATEGORIES },
  { file: 'scams.jsonl', prefix: 'm', fields: ['id', 'source', 'text', 'label', 'split'], classField: 'label', classes: [...FRAUD_TYPE_CODES, 'other_fraud'] },
];

export function expectedSplit(source: string, text: string): 'heldout' | 'dev' {
  const first = createHash('sha256').update(`${source}#${text}`, 'utf8').digest('hex')[0];
  return parseInt(first, 16) < 8 ? 'heldout' : 'dev';
}

const faults: string[] = [];
const seenText = new Map<string, string>();
/** The ids of each file, in line order (scams.asks.jsonl is checked against scams.jsonl's). */
const idsOf = new Map<string, string[]>();

/** The non-empty lines of a data file, each parsed with its place; a line that is not JSON is a fault and left out. */
function readRows(file: string): { lines: number; rows: { where: string; row: Record<string, unknown> }[] } {
  const lines = readFileSync(DIR + file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const rows: { where: string; row: Record<string, unknown> }[] = [];
  lines.forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    try {
      rows.push({ where, row: JSON.parse(line) as Record<string, unknown> });
    } catch {
      faults.push(`${where}: not JSON`);
    }
  });
  return { lines: lines.length, rows };
}

for (const spec of SPECS) {
  const { lines, rows } = readRows(spec.file);
  const ids = new Set<string>();
  const perClass = new Map<string, { dev: number; heldout: number }>();
  for (const { where, row } of rows) {
    const keys = Object.keys(row).sort();
    if (keys.join() !== [...spec.fields].sort().join()) faults.push(`${where}: fields ${keys.join(',')} ≠ ${spec.fields.join(',')}`);
    for (const f of spec.fields) if (typeof row[f] !== 'string' || (row[f] as string).trim() === '') faults.push(`${where}: ${f} missing or empty`);
    const { id, source, text, split } = row as Record<string, string>;
    const cls = row[spec.classField] as string;
    if (!new RegExp(`^${spec.prefix}\\d{3,}$`).test(id ?? '')) faults.push(`${where}: id ${id} is not ${spec.prefix}NNN`);
    if (ids.has(id)) faults.push(`${where}: id ${id} used twice`);
    ids.add(id);
    if (!/^https?:\/\/\S+$/.test(source ?? '')) faults.push(`${where}: source is not a URL`);
    if (!spec.classes.includes(cls)) faults.push(`${where}: ${spec.classField} ${cls} unknown`);
    if (typeof source === 'string' && typeof text === 'string' && split !== expectedSplit(source, text)) {
      faults.push(`${where}: split ${split} but the rule gives ${expectedSplit(source, text)}`);
    }
    const key = (text ?? '').replace(/\s+/g, '');
    const before = seenText.get(key);
    if (before) faults.push(`${where}: same text as ${before}`);
    else seenText.set(key, `${spec.file} ${id}`);
    const c = perClass.get(cls) ?? { dev: 0, heldout: 0 };
    if (split === 'dev' || split === 'heldout') c[split]++;
    perClass.set(cls, c);
  }
  idsOf.set(spec.file, rows.map(({ row }) => row.id).filter((id): id is string => typeof id === 'string'));
  console.log(`${spec.file}: ${lines} lines`);
  for (const [cls, c] of [...perClass].sort()) console.log(`  ${cls.padEnd(20)} dev ${String(c.dev).padStart(3)}  heldout ${String(c.heldout).padStart(3)}`);
}

// scams.asks.jsonl: exactly one {"id","ask"[,"doubt"]} line per scams.jsonl id, in id order, and no other id.
{
  const scamIds = idsOf.get('scams.jsonl')!;
  const { lines, rows } = readRows('scams.asks.jsonl');
  const labelled = new Map<string, number>();
  const order: string[] = [];
  let ask = 0;
  let doubt = 0;
  for (const { where, row } of rows) {
    const extra = Object.keys(row).filter((k) => !['id', 'ask', 'doubt'].includes(k));
    if (extra.length) faults.push(`${where}: unknown fields ${extra.join(',')}`);
    if (typeof row.id !== 'string') { faults.push(`${where}: id missing`); continue; }
    if (typeof row.ask !== 'boolean') faults.push(`${where}: ask is not true/false`);
    if ('doubt' in row && (typeof row.doubt !== 'string' || row.doubt.trim() === '')) faults.push(`${where}: doubt empty`);
    labelled.set(row.id, (labelled.get(row.id) ?? 0) + 1);
    order.push(row.id);
    if (row.ask === true) ask++;
    if ('doubt' in row) doubt++;
  }
  const scamSet = new Set(scamIds);
  const missing = scamIds.filter((id) => !labelled.has(id));
  const twice = [...labelled].filter(([, n]) => n > 1).map(([id]) => id);
  const unknown = [...labelled.keys()].filter((id) => !scamSet.has(id));
  if (missing.length) faults.push(`scams.asks.jsonl: no label for ${missing.length} scam id(s): ${missing.join(' ')}`);
  if (twice.length) faults.push(`scams.asks.jsonl: labelled more than once: ${twice.join(' ')}`);
  if (unknown.length) faults.push(`scams.asks.jsonl: ids not in scams.jsonl: ${unknown.join(' ')}`);
  const byNumber = (a: string, b: string) => Number(a.slice(1)) - Number(b.slice(1));
  if (order.join() !== [...order].sort(byNumber).join()) faults.push('scams.asks.jsonl: lines not in id order');
  console.log(`scams.asks.jsonl: ${lines} lines (ask ${ask}, opening ${lines - ask}, with a doubt ${doubt})`);
}

if (faults.length > 0) {
  for (const f of faults) console.error(`✗ ${f}`);
  process.exit(1);
}
console.log('all lines valid');
