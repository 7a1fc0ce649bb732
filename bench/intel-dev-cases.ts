/**
 * Six-type reading of the DEV cases only (docs/intel.md, issue 14), optionally only those from an id on
 * (`--from c126`: a new collection, read before any rule was changed for it — the honest estimate of how
 * the type choice generalises). Prints each dev case's verdict, the type accuracy and the confusions
 * (label → chosen). Never reads the held-out split.
 *
 *   npx tsx bench/intel-dev-cases.ts [--from cNNN] [--rules] [--quiet]
 */
import { loadReal, flagged, type RealCase } from '../server/modules/intel/evaluate-detection.ts';
import { loadModel } from '../server/modules/intel/model.ts';
import { judge } from '../server/modules/intel/verdict.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : undefined; };
const from = Number((arg('--from') ?? 'c0').slice(1));
const model = process.argv.includes('--rules') ? null : loadModel();
const quiet = process.argv.includes('--quiet');
const cases = loadReal<RealCase>('cases', 'dev').filter((c) => Number(c.id.slice(1)) >= from);
let right = 0;
let flaggedN = 0;
const confusions = new Map<string, string[]>();
for (const c of cases) {
  const v = judge(c.text, model);
  const top = v.fraudTypes[0]?.code ?? 'none';
  if (top === c.label) right++;
  else confusions.set(`${c.label} → ${top}`, [...(confusions.get(`${c.label} → ${top}`) ?? []), c.id]);
  if (flagged(v)) flaggedN++;
  if (!quiet) console.log(`${top === c.label ? 'ok  ' : 'TYPE'} ${c.id} [${c.label}] → ${v.level} ${v.fraudTypes.map((t) => `${t.code}:${t.confidence}`).join(',')} p=${v.pFraud?.toFixed(2) ?? '-'}\n     ${c.text.replace(/\s+/g, ' ').slice(0, 120)}`);
}
console.log(`\n${model ? 'rules + shipped model' : 'rules alone'}, dev cases${from ? ` from c${from}` : ''}: n ${cases.length}, type accuracy ${(right / cases.length).toFixed(3)} (${right}/${cases.length}), flagged ${flaggedN}/${cases.length}`);
for (const [k, ids] of [...confusions].sort()) console.log(`  ${k}: ${ids.join(' ')}`);
