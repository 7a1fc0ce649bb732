/**
 * Scores only the dev items of a collection from a given id on (docs/intel.md, "Seventh collection" and later):
 * how the rules and the shipped model do on dev text they were not written from. Dev split only; per item.
 * An id starting with m reads scam messages (counts flagged); an id starting with o reads ordinary texts
 * (counts false alarms and unsure ones).
 *
 *   npx tsx bench/intel-new-dev.ts m124 [--rules] [--quiet]
 *   npx tsx bench/intel-new-dev.ts o628 [--rules] [--quiet]
 */
import { loadReal, flagged, type RealCase, type RealOrdinary } from '../server/modules/intel/evaluate-detection.ts';
import { loadModel } from '../server/modules/intel/model.ts';
import { judge } from '../server/modules/intel/verdict.ts';

const arg = process.argv[2] ?? 'm124';
const ordinary = arg.startsWith('o');
const from = Number(arg.slice(1));
const model = process.argv.includes('--rules') ? null : loadModel();
const quiet = process.argv.includes('--quiet');
const items: { id: string; text: string }[] = ordinary
  ? loadReal<RealOrdinary>('ordinary', 'dev').filter((c) => Number(c.id.slice(1)) >= from)
  : loadReal<RealCase>('scams', 'dev').filter((c) => Number(c.id.slice(1)) >= from);
let hit = 0;
let unsure = 0;
for (const c of items) {
  const v = judge(c.text, model);
  if (flagged(v)) hit++;
  if (v.level === 'unsure') unsure++;
  if (!quiet) {
    const why = `${v.signs.map((s) => `${s.code}:${s.quote}`).join(' ')} harm=${v.harm ?? '-'} p=${v.pFraud?.toFixed(2) ?? '-'}`;
    const tag = ordinary ? (flagged(v) ? 'FALSE' : 'ok   ') : flagged(v) ? 'HIT ' : 'MISS';
    console.log(`${tag} ${c.id} → ${v.level} ${why}\n    ${c.text.replace(/\s+/g, ' ').slice(0, 120)}`);
  }
}
const what = ordinary ? 'false alarms' : 'flagged';
console.log(`${model ? 'rules + shipped model' : 'rules alone'}: ${what} ${hit}/${items.length} = ${(hit / Math.max(1, items.length)).toFixed(3)}, unsure ${unsure}`);
