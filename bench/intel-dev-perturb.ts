/**
 * A robustness probe of the six-type choice on DEV cases only (docs/intel.md, session 10): each dev
 * case is judged again with one of its sentences left out, so that a case keeps its scheme but loses
 * some of its words — as a text written by another office would. Type accuracy over all such variants
 * (the full text included) says how much the choice leans on single cue sentences. `--from cNNN`
 * limits it to cases the shipped model never saw (it was trained before the third collection, c102).
 *
 *   npx tsx bench/intel-dev-perturb.ts [--from c102] [--rules] [--show]
 */
import { loadReal, type RealCase } from '../server/modules/intel/evaluate-detection.ts';
import { loadModel } from '../server/modules/intel/model.ts';
import { judge } from '../server/modules/intel/verdict.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : undefined; };
const from = Number((arg('--from') ?? 'c0').slice(1));
const model = process.argv.includes('--rules') ? null : loadModel();
const show = process.argv.includes('--show');
let n = 0;
let right = 0;
let typed = 0;
const wrong = new Map<string, number>();
for (const c of loadReal<RealCase>('cases', 'dev').filter((c) => Number(c.id.slice(1)) >= from)) {
  const sentences = c.text.split(/(?<=[。！？!?；\n])/).filter((s) => s.trim());
  const variants = [c.text, ...(sentences.length > 1 ? sentences.map((_, i) => sentences.filter((__, j) => j !== i).join('')) : [])];
  for (const text of variants) {
    const v = judge(text, model);
    const top: string = v.fraudTypes[0]?.code ?? 'none';
    if (show && top !== c.label) console.log(`${c.id} [${c.label}] → ${top} (${v.level}; ${v.fraudTypes.map((t) => `${t.code}:${t.confidence}`).join(',')})\n    ${text.replace(/\s+/g, ' ').slice(0, 140)}`);
    n++;
    if (top !== 'none') typed++;
    if (top === c.label) right++;
    else wrong.set(`${c.label} → ${top}`, (wrong.get(`${c.label} → ${top}`) ?? 0) + 1);
  }
}
console.log(`${model ? 'rules + shipped model' : 'rules alone'}${from ? `, cases from c${from}` : ''}: ${n} variants, type accuracy ${(right / n).toFixed(3)} (${right}), typed ${typed}`);
for (const [k, v] of [...wrong].sort((a, b) => b[1] - a[1])) console.log(`  ${k}: ${v}`);
