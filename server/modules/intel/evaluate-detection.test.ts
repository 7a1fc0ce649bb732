import { describe, expect, it } from 'vitest';
import { formatRecallByAsk, recallByAsk } from './evaluate-detection.ts';

/** The ask/opening breakdown of scam-message recall, on tiny inline inputs (no real data read). */
describe('scam-message recall by ask and opening', () => {
  const asks = new Map([['m1', true], ['m2', true], ['m3', true], ['m4', false], ['m5', false]]);

  it('counts flagged messages within each label and leaves unlabelled ids out of both', () => {
    const scams = [{ id: 'm1' }, { id: 'm2' }, { id: 'm3' }, { id: 'm4' }, { id: 'm5' }, { id: 'm9' }];
    const b = recallByAsk(scams, [true, true, false, false, true, true], asks);
    expect(b.ask).toEqual({ n: 3, flagged: 2, recall: 0.667 });
    expect(b.opening).toEqual({ n: 2, flagged: 1, recall: 0.5 });
    expect(b.unlabelled).toBe(1);
  });

  it('gives recall 0 with n 0 for a label with no message, not NaN', () => {
    const b = recallByAsk([{ id: 'm1' }], [true], asks);
    expect(b.opening).toEqual({ n: 0, flagged: 0, recall: 0 });
    expect(b.ask.recall).toBe(1);
  });

  it('prints both parts with counts, and the unlabelled count only when there is one', () => {
    const b = recallByAsk([{ id: 'm1' }, { id: 'm4' }], [true, false], asks);
    expect(formatRecallByAsk(b)).toBe('scam messages by ask/opening: ask 1 (1/1), opening 0 (0/1)');
    expect(formatRecallByAsk({ ...b, unlabelled: 2 })).toMatch(/; 2 unlabelled$/);
  });
});
