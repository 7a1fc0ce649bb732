/**
 * Scores only the dev scam messages from a given id on (docs/intel.md, "Seventh collection"): how the
 * rules and the shipped model do on dev text they were not written from. Dev split only; per item.
 *
 *   npx tsx bench/intel-new-dev.ts m124 [--rules] [--quiet]
 */
import { loadReal, flagged, type RealCase } from '../server/modules/intel/evaluate-detection.ts';
import { loadModel } from '../server/modules/intel/model.ts';
import { judge } from '../server/modules/intel/verdict.ts';

const from = Number((process.argv[2] ?? 'm124').slice(1));
const model = process.argv.includes('--rules') ? null : loadModel();
const quiet = process.argv.includes('--quiet');
const items = loadReal<RealCase>('scams', 'dev').filter((c) => Number(c.id.slice(1)) >= from);
let hit = 0;
let unsure = 0;
for (const c of items) {
  const v = judge(c.text, model);
  if (flagged(v)) hit++;
  if (v.level === 'unsure') unsure++;
  if (!quiet) {
    const why = `${v.signs.map((s) => `${s.code}:${s.quote}`).join(' ')} harm=${v.harm ?? '-'} p=${v.pFraud?.toFixed(2) ?? '-'}`;
    console.log(`${flagged(v) ? 'HIT ' : 'MISS'} ${c.id} → ${v.level} ${why}\n    ${c.text.replace(/\s+/g, ' ').slice(0, 120)}`);
  }
}
console.log(`${model ? 'rules + shipped model' : 'rules alone'}: flagged ${hit}/${items.length} = ${(hit / Math.max(1, items.length)).toFixed(3)}, unsure ${unsure}`);
