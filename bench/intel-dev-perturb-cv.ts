/**
 * The robustness probe of bench/intel-dev-perturb.ts with a model that never saw the case: 5-fold over
 * the dev training texts (the folds of `npm run train:intel -- --cv`), each dev case and its
 * one-sentence-left-out variants judged with the rules and the model of the folds it was not in.
 * DEV only; nothing is written.
 *
 *   npx tsx bench/intel-dev-perturb-cv.ts [--show]
 */
import { loadReal, type RealCase } from '../server/modules/intel/evaluate-detection.ts';
import { judge } from '../server/modules/intel/verdict.ts';
import { devExamples, train } from './train-intel.ts';

const folds = 5;
const show = process.argv.includes('--show');
const examples = devExamples();
const cases = loadReal<RealCase>('cases', 'dev'); // devExamples() lists the dev cases first, in this order
let n = 0;
let right = 0;
let fullRight = 0;
const wrong = new Map<string, number>();
for (let f = 0; f < folds; f++) {
  const model = train(examples.filter((_, i) => i % folds !== f), 'cv');
  cases.forEach((c, i) => {
    if (i % folds !== f) return;
    const sentences = c.text.split(/(?<=[。！？!?；\n])/).filter((s) => s.trim());
    const variants = [c.text, ...(sentences.length > 1 ? sentences.map((_, k) => sentences.filter((__, j) => j !== k).join('')) : [])];
    variants.forEach((text, k) => {
      const top: string = judge(text, model).fraudTypes[0]?.code ?? 'none';
      n++;
      if (top === c.label) { right++; if (k === 0) fullRight++; }
      else if (show) console.log(`${c.id} [${c.label}] → ${top}: ${text.replace(/\s+/g, ' ').slice(0, 150)}`);
      if (top !== c.label) wrong.set(`${c.label} → ${top}`, (wrong.get(`${c.label} → ${top}`) ?? 0) + 1);
    });
  });
}
console.log(`rules + fold model (5-fold, dev): full texts ${fullRight}/${cases.length}; with one sentence left out, ${n} variants, type accuracy ${(right / n).toFixed(3)} (${right})`);
for (const [k, v] of [...wrong].sort((a, b) => b[1] - a[1])) console.log(`  ${k}: ${v}`);
