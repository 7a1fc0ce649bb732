/**
 * Prints the verdict's mistakes on the DEV split of the real data (docs/intel.md, issue 14) — the only
 * per-item output anyone looks at; the held-out split is scored in aggregate by `npm run eval:intel`.
 * Fraud texts not flagged, ordinary messages flagged or unsure, and wrong types, each with its id.
 *
 *   npx tsx bench/intel-dev-real.ts [--rules]   (--rules: without the model)
 */
import { loadReal, flagged, type RealCase, type RealOrdinary } from '../server/modules/intel/evaluate-detection.ts';
import { loadModel } from '../server/modules/intel/model.ts';
import { judge } from '../server/modules/intel/verdict.ts';

const model = process.argv.includes('--rules') ? null : loadModel();
const show = (id: string, want: string, text: string) => {
  const v = judge(text, model);
  const why = `${v.signs.map((s) => `${s.code}:${s.quote}`).join(' ')} harm=${v.harm ?? '-'} p=${v.pFraud?.toFixed(2) ?? '-'} types=${v.fraudTypes.map((t) => `${t.code}:${t.confidence}`).join(',')}`;
  return { v, line: `${id} [${want}] → ${v.level} ${why}\n    ${text.replace(/\s+/g, ' ').slice(0, 160)}` };
};
for (const c of [...loadReal<RealCase>('cases', 'dev'), ...loadReal<RealCase>('scams', 'dev')]) {
  const { v, line } = show(c.id, c.label, c.text);
  const typeWrong = c.id.startsWith('c') && v.fraudTypes[0]?.code !== c.label;
  if (!flagged(v) || typeWrong) console.log(`${flagged(v) ? 'TYPE' : 'MISS'} ${line}`);
}
for (const o of loadReal<RealOrdinary>('ordinary', 'dev')) {
  const { v, line } = show(o.id, o.category, o.text);
  if (v.level !== 'none' && v.level !== 'low') console.log(`${flagged(v) ? 'FALSE' : 'UNSURE'} ${line}`);
}
