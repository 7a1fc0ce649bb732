/**
 * Validates the real, hand-labelled data of issue 14 (server/modules/intel/data/real/*.jsonl) without
 * running the project's analysis on it: schema, that every quote and span sits where it says, that the
 * labelled value is what the written number says (read here by its own small reader, not numbers.ts,
 * so a bug there cannot hide a labelling slip), and that each item's split follows the rule written in
 * docs/intel.md (sha256 of "source#index", first hex digit < 8 → heldout). Exit code 1 on any error.
 *   npx tsx bench/real-data-check.ts [file.jsonl]
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { INDICATOR_KEYS } from '../shared/indicators.ts';

const FILE = process.argv[2] ?? new URL('../server/modules/intel/data/real/summaries.jsonl', import.meta.url);

const Figure = z.strictObject({
  indicator: z.enum(INDICATOR_KEYS),
  value: z.number().nonnegative(),
  unit: z.string().max(6),
  approx: z.boolean(),
  quote: z.string().min(1).max(40),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  note: z.string().optional(),
});
const Item = z.strictObject({
  id: z.string().regex(/^s\d{3}$/),
  source: z.url({ protocol: /^https?$/ }),
  index: z.number().int().nonnegative().optional(),
  title: z.string().min(1),
  publisher: z.string().min(1).optional(),
  date: z.string().regex(/^\d{4}(-\d{2}){0,2}$/).optional(),
  text: z.string().min(100).max(1500),
  split: z.enum(['dev', 'heldout']),
  figures: z.array(Figure),
  masked: z.array(z.string().min(1).max(40)),
});
type Item = z.infer<typeof Item>;

/** The split rule: decided by the address alone, before anyone looks at a label or a result. */
export function splitOf(source: string, index = 0): 'dev' | 'heldout' {
  const first = createHash('sha256').update(`${source}#${index}`).digest('hex')[0];
  return parseInt(first, 16) < 8 ? 'heldout' : 'dev';
}

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 亿: 1e8 };

/** Chinese numerals: 三十一, 两千, 一百. */
function chinese(s: string): number | null {
  let total = 0, section = 0, digit = 0;
  for (const ch of s) {
    if (ch in DIGIT) digit = DIGIT[ch];
    else if (ch === '万' || ch === '亿') { section = (section + digit) * UNIT[ch]; total += section; section = 0; digit = 0; }
    else if (ch in UNIT) { section += (digit || 1) * UNIT[ch]; digit = 0; }
    else return null;
  }
  return total + section + digit;
}

/** What a written number says: "4.71亿" = 471000000, "300余亿" = 3e10, "4千" = 4000, "亿" = 1e8. */
export function readWritten(span: string): number | null {
  // A space pasted inside a numeral ("1.61 亿", "5400 余") is no part of its value.
  const s = span.replace(/\s/g, '').replace(/^[近约超逾上]/, '').replace(/[余多]/g, '');
  const m = /^([0-9]+(?:\.[0-9]+)?)?([十百千万亿]*)$/.exec(s);
  if (m && (m[1] || m[2])) {
    let v = m[1] ? Number(m[1]) : 1;
    for (const ch of m[2]) v *= UNIT[ch];
    return v;
  }
  return chinese(s);
}

const APPROX_BEFORE = /[近约超逾上]$/;
function looksApprox(text: string, f: { start: number; end: number }) {
  const span = text.slice(f.start, f.end);
  return APPROX_BEFORE.test(text.slice(Math.max(0, f.start - 1), f.start)) || /[余多]/.test(span) ||
    /^%?(?:余|多|\+|以上)/.test(text.slice(f.end, f.end + 3));
}

const errors: string[] = [];
const items: Item[] = [];
const lines = readFileSync(FILE, 'utf8').split('\n').filter((l) => l.trim());
lines.forEach((line, n) => {
  let raw: unknown;
  try { raw = JSON.parse(line); } catch { errors.push(`line ${n + 1}: not JSON`); return; }
  const parsed = Item.safeParse(raw);
  if (!parsed.success) { errors.push(`line ${n + 1}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`); return; }
  items.push(parsed.data);
});

const ids = new Set<string>();
const sources = new Set<string>();
for (const it of items) {
  const where = it.id;
  if (ids.has(it.id)) errors.push(`${where}: duplicate id`);
  ids.add(it.id);
  const key = `${it.source}#${it.index ?? 0}`;
  if (sources.has(key)) errors.push(`${where}: duplicate source ${key}`);
  sources.add(key);
  if (splitOf(it.source, it.index) !== it.split) errors.push(`${where}: split ${it.split} breaks the rule`);
  const spans: [number, number][] = [];
  for (const [k, f] of it.figures.entries()) {
    const at = `${where} figure ${k} (${f.quote})`;
    if (f.end <= f.start || f.end > it.text.length) { errors.push(`${at}: bad span ${f.start}-${f.end}`); continue; }
    let inQuote = false;
    for (let i = it.text.indexOf(f.quote); i >= 0; i = it.text.indexOf(f.quote, i + 1)) {
      if (i <= f.start && f.end <= i + f.quote.length) inQuote = true;
    }
    if (!it.text.includes(f.quote)) errors.push(`${at}: quote not in text`);
    else if (!inQuote) errors.push(`${at}: span ${f.start}-${f.end} lies outside every occurrence of the quote`);
    const span = it.text.slice(f.start, f.end);
    const read = readWritten(span);
    if (read === null) errors.push(`${at}: span "${span}" is not a number`);
    else if (Math.abs(read - f.value) > 1e-9 * Math.max(1, f.value)) errors.push(`${at}: "${span}" says ${read}, labelled ${f.value}`);
    if (looksApprox(it.text, f) && !f.approx) errors.push(`${at}: written as approximate but approx is false`);
    if (f.approx && !looksApprox(it.text, f) && !f.note) errors.push(`${at}: approx without an approximate word needs a note`);
    if (/[xX×*＊_]/.test(span)) errors.push(`${at}: a masked number labelled as a figure`);
    if ((f.unit === '元') !== f.indicator.endsWith('_yuan') && f.indicator !== 'other') errors.push(`${at}: money indicator and unit 元 must go together`);
    if ((f.unit === '%') !== f.indicator.endsWith('_pct') && f.indicator !== 'other') errors.push(`${at}: rate indicator and unit % must go together`);
    for (const [s, e] of spans) if (f.start < e && s < f.end) errors.push(`${at}: overlaps another figure`);
    spans.push([f.start, f.end]);
  }
  for (const q of it.masked) {
    if (!it.text.includes(q)) errors.push(`${where} masked "${q}": not in text`);
    if (!/[xX×*＊_]/.test(q)) errors.push(`${where} masked "${q}": has no mask character`);
  }
}

const tally = (split: string) => {
  const set = items.filter((i) => i.split === split);
  const figs = set.flatMap((i) => i.figures);
  return `${split}: ${set.length} items, ${figs.length} figures (${figs.filter((f) => f.indicator !== 'other').length} with an indicator key, ${figs.filter((f) => f.indicator === 'other').length} other), ${set.reduce((a, i) => a + i.masked.length, 0)} masked`;
};
console.log(`${items.length} items; ${tally('dev')}; ${tally('heldout')}`);
if (errors.length) {
  for (const e of errors) console.error(`✗ ${e}`);
  console.error(`${errors.length} error(s)`);
  process.exit(1);
}
console.log('all checks pass');
