/** Prints the held-out evaluation of the offline analysis (docs/intel.md records the results). */
import { evaluateHeldOut } from '../server/modules/intel/evaluate.ts';
import { FRAUD_TYPES } from '../shared/domain.ts';

const s = evaluateHeldOut();
console.log('| type | precision | recall | F1 | n |\n|---|---|---|---|---|');
for (const [code, m] of Object.entries(s.perType)) console.log(`| ${FRAUD_TYPES[code as keyof typeof FRAUD_TYPES]} | ${m.precision} | ${m.recall} | ${m.f1} | ${m.support} |`);
console.log(`\nmacro-F1 ${s.macroF1}`);
console.log(`self-check on ordinary texts: medium/high ${s.scamFalsePositiveRate}, any sign ${s.scamAnyFlagRate}; on fraud tips medium/high ${s.scamTruePositiveRate}`);
console.log(`figures: precision ${s.figurePrecision}, recall ${s.figureRecall}; masked lists exact ${s.maskedExact}`);
import { evaluateDetection, formatDetection } from '../server/modules/intel/evaluate-detection.ts';
console.log(`\n${formatDetection(evaluateDetection('heldout'), FRAUD_TYPES)}`);
