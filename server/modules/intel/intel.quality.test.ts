import { describe, expect, it } from 'vitest';
import { evaluateHeldOut } from './evaluate.ts';

/** The quality bars, measured on held-out data nothing was tuned on (docs/intel.md). */
describe('quality on held-out data', () => {
  const s = evaluateHeldOut();
  it('classifies the six fraud types with macro-F1 ≥ 0.85', () => {
    expect(s.macroF1).toBeGreaterThanOrEqual(0.85);
  });
  it('raises no medium or high warning on more than 5% of ordinary texts', () => {
    expect(s.scamFalsePositiveRate).toBeLessThanOrEqual(0.05);
  });
  it('extracts figures with precision ≥ 0.9 and recall ≥ 0.85, and lists every masked number', () => {
    expect(s.figurePrecision).toBeGreaterThanOrEqual(0.9);
    expect(s.figureRecall).toBeGreaterThanOrEqual(0.85);
    expect(s.maskedExact).toBe(1);
  });
});
