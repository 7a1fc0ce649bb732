/**
 * Prints the verdict's mistakes on the DEV split of the real data (docs/intel.md, issue 14) — the only
 * per-item output anyone looks at; the held-out split is scored in aggregate by `npm run eval:intel`.
 * Fraud texts not flagged, ordinary messages flagged or unsure, and wrong types, each with its id.
 *
 *   npx tsx bench/intel-dev-real.ts [--rules] [--before m160]   (--rules: without the model; --before: only
 *   scam messages before that id, to keep a newer collection's dev half unseen)
 */
import { loadReal, flagged, type RealCase, type RealOrdinary } from '../server/modules/intel/evaluate-detection.ts';
import { loadModel } from '../server/modules/intel/model.ts';
import { judge } from '../server/modules/intel/verdict.ts';

const model = process.argv.includes('--rules') ? null : loadModel();
const at = process.argv.indexOf('--before');
const before = at >= 0 ? Number(process.argv[at + 1].slice(1)) : Infinity;
const show = (id: string, want: string, text: string) => {
  const v = judge(text, model);
  const why = `${v.signs.map((s) => `${s.code}:${s.quote}`).join(' ')} harm=${v.harm ?? '-'} p=${v.pFraud?.toFixed(2) ?? '-'} types=${v.fraudTypes.map((t) => `${t.code}:${t.confidence}`).join(',')}`;
  return { v, line: `${id} [${want}] → ${v.level} ${why}\n    ${text.replace(/\s+/g, ' ').slice(0, 160)}` };
};
const tally = { scams: [0, 0], cases: [0, 0], falseAlarms: [0, 0], unsureOrdinary: 0, types: [0, 0] };
for (const c of [...loadReal<RealCase>('cases', 'dev'), ...loadReal<RealCase>('scams', 'dev').filter((c) => Number(c.id.slice(1)) < before)]) {
  const { v, line } = show(c.id, c.label, c.text);
  const typeWrong = c.id.startsWith('c') && v.fraudTypes[0]?.code !== c.label;
  if (!flagged(v) || typeWrong) console.log(`${flagged(v) ? 'TYPE' : 'MISS'} ${line}`);
  const t = c.id.startsWith('c') ? tally.cases : tally.scams;
  t[0] += flagged(v) ? 1 : 0;
  t[1]++;
  if (c.id.startsWith('c') && flagged(v)) { tally.types[0] += typeWrong ? 0 : 1; tally.types[1]++; }
}
for (const o of loadReal<RealOrdinary>('ordinary', 'dev')) {
  const { v, line } = show(o.id, o.category, o.text);
  if (v.level !== 'none' && v.level !== 'low') console.log(`${flagged(v) ? 'FALSE' : 'UNSURE'} ${line}`);
  tally.falseAlarms[0] += flagged(v) ? 1 : 0;
  tally.falseAlarms[1]++;
  tally.unsureOrdinary += v.level === 'unsure' ? 1 : 0;
}
const r = ([a, n]: number[]) => `${(a / Math.max(1, n)).toFixed(3)} (${a}/${n})`;
console.log(`${model ? 'rules + shipped model' : 'rules alone'}: scam messages ${r(tally.scams)}, cases ${r(tally.cases)}, false alarms ${r(tally.falseAlarms)}, unsure ordinary ${tally.unsureOrdinary}, types of flagged cases ${r(tally.types)}`);
