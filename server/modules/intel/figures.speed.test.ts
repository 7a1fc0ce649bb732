import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/helpers.ts';
import { MAX_TEXT } from './analyze.ts';
import { extractFigures } from './figures.ts';

// Issue 7 fault 9: 20,000 characters of "1 " held the event loop for seconds (each number re-read its
// whole unbroken clause). The bound is generous on purpose: the point is milliseconds, not seconds
// (the quadratic version took several seconds on these texts; a loaded 2-core CI machine took 526 ms
// for a linear one, over the 500 ms this bound used to be).
const SHAPES: Record<string, string> = {
  'ones and spaces': '1 '.repeat(10_000),
  'Chinese numerals': '一二三'.repeat(7_000).slice(0, MAX_TEXT),
  'Chinese numerals and spaces': '一 '.repeat(10_000),
  'one long digit run': '1'.repeat(MAX_TEXT),
  'comma-separated ones': '1,'.repeat(10_000),
  'dot-separated ones': '1.'.repeat(10_000),
  'masked digits': 'X 1'.repeat(6_666),
  'figures in one unbroken clause': '排查养老机构1家 '.repeat(2_200).slice(0, MAX_TEXT),
  // Session 14: every count read for a verb after it and for a comparison, an average or an intake before it.
  'counts with their verb after them': '对1名嫌疑人已依法逮捕'.repeat(2_000).slice(0, MAX_TEXT),
  // Review (session 14): repeated 共计 before a failing end backtracked exponentially in BARE_CLAUSE (39 of them: hours).
  'repeated totals before a count': ('共计'.repeat(39) + '甲1起').repeat(240).slice(0, MAX_TEXT),
  'comparisons and intake in one clause': '较同比增加1起受理1件1人最高的一'.repeat(1_200).slice(0, MAX_TEXT),
  // Session 15: every count framed by 将 reads the words after it for the first verb that is no modifier (…的).
  'framed counts with only modifiers after them': ('将1名' + '抓获的'.repeat(26) + ',').repeat(250).slice(0, MAX_TEXT),
  'framed counts in one unbroken clause': '将甲1名嫌疑人不予逮捕'.repeat(2_000).slice(0, MAX_TEXT),
  'frame markers across a list before each count': ('将甲、'.repeat(12) + '对1名抓获').repeat(500).slice(0, MAX_TEXT),
  // Session 16: an audience before the count with its verb after, modifiers between 对 and the count, check lead-ins before
  // breakdowns, goods seized across a list.
  'audience, modifiers, lead-ins and seizures': ('为社区居民1名参加对已宣判的1起经核查，其中甲的1条扣押甲、' + '设备1台').repeat(600).slice(0, MAX_TEXT),
  // Review (after the held-out reading): counts with no sentence end read their sentence back to the text's start (PLAN).
  'counts with no sentence end': '5条、'.repeat(7_000).slice(0, MAX_TEXT),
  'counts framed by 对 with no sentence end': '对5家'.repeat(7_000).slice(0, MAX_TEXT),
};

describe('figure extraction stays linear', () => {
  for (const [name, text] of Object.entries(SHAPES)) {
    it(`${name} (${text.length} characters) in well under a second`, () => {
      const t0 = performance.now();
      extractFigures(text);
      expect(performance.now() - t0).toBeLessThan(1500);
    });
  }

  it('still reads every figure of a long clause', () => {
    const r = extractFigures('排查养老机构1家 '.repeat(2_000));
    expect(r.figures).toHaveLength(2_000);
    expect(r.figures[1999]).toMatchObject({ indicator: 'entities_screened', value: 1 });
  });

  describe('through the route', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());
    const post = async (text: string) =>
      t.app.inject({ method: 'POST', url: '/api/intel/extract-figures', payload: { text }, headers: { cookie: await t.login('yt_viewer') } });

    it('answers the adversarial text at the cap quickly, and refuses one character more with 400', async () => {
      const t0 = performance.now();
      const ok = await post('1 '.repeat(MAX_TEXT / 2 - 1) + '1');
      expect(ok.statusCode).toBe(200);
      expect(performance.now() - t0).toBeLessThan(1_000);
      const over = await post('1'.repeat(MAX_TEXT + 1));
      expect(over.statusCode).toBe(400);
      expect(json(over).error.fields[0]).toMatchObject({ path: 'text', message: expect.stringMatching(/不能超过 20000 字/) });
    });
  });
});
