import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/helpers.ts';
import { loadReal, type RealCase, type RealOrdinary } from './evaluate-detection.ts';

/**
 * One verdict (issue 14): the public self-check and the staff analysis give the same answer — level,
 * score and types — for every real DEV text (cases, scam messages, ordinary messages).
 */
describe('one verdict for the public self-check and the staff analysis', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('agrees on every real dev text', async () => {
    const texts = [
      ...loadReal<RealCase>('cases', 'dev'), ...loadReal<RealCase>('scams', 'dev'), ...loadReal<RealOrdinary>('ordinary', 'dev'),
    ].map((r) => ({ id: r.id, text: r.text.trim().slice(0, 5000) }));
    expect(texts.length).toBeGreaterThan(150);
    const cookie = await t.login('lk_intake');
    const levels = new Set<string>();
    for (const { id, text } of texts) {
      const pub = json(await t.app.inject({ method: 'POST', url: '/api/public/scam-check', payload: { text } }));
      const staff = json(await t.app.inject({ method: 'POST', url: '/api/intel/analyze', payload: { text }, headers: { cookie } }));
      expect({ level: staff.verdict.level, score: staff.verdict.score, label: staff.verdict.label, types: staff.fraudTypes }, id)
        .toEqual({ level: pub.riskLevel, score: pub.score, label: pub.label, types: pub.fraudTypes });
      expect(staff.redFlags.map((f: any) => f.quote), id).toEqual(pub.redFlags.map((f: any) => f.quote));
      levels.add(pub.riskLevel);
    }
    // The set spans verdicts: agreement is not agreement on one constant answer.
    expect(levels.has('none') && (levels.has('high') || levels.has('medium'))).toBe(true);
  });
});
