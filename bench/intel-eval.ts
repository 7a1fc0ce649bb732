/** Prints the held-out evaluation of the offline analysis (docs/intel.md records the results). */
import { evaluateHeldOut } from '../server/modules/intel/evaluate.ts';
import { FRAUD_TYPES } from '../shared/domain.ts';
import { evaluateRealFigures, formatRealFigureScores } from '../server/modules/intel/evaluate-real.ts';
import { evaluateDetection, formatDetection } from '../server/modules/intel/evaluate-detection.ts';

const s = evaluateHeldOut();
console.log('== Invented data (written inside the project, issue 4) ==');
console.log('| type | precision | recall | F1 | n |\n|---|---|---|---|---|');
for (const [code, m] of Object.entries(s.perType)) console.log(`| ${FRAUD_TYPES[code as keyof typeof FRAUD_TYPES]} | ${m.precision} | ${m.recall} | ${m.f1} | ${m.support} |`);
console.log(`\nmacro-F1 ${s.macroF1}`);
console.log(`self-check on ordinary texts: medium/high ${s.scamFalsePositiveRate}, any sign ${s.scamAnyFlagRate}; on fraud tips medium/high ${s.scamTruePositiveRate}`);
console.log(`figures: precision ${s.figurePrecision}, recall ${s.figureRecall}; masked lists exact ${s.maskedExact}`);
console.log(`\n== Real data (issue 14) ==\n${formatRealFigureScores('figure extraction, real work summaries, HELD-OUT split', evaluateRealFigures())}`);
console.log(`\n${formatDetection(evaluateDetection('heldout'), FRAUD_TYPES)}`);
