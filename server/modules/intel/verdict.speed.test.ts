import { describe, expect, it } from 'vitest';
import { analyze, MAX_TEXT } from './analyze.ts';
import { extractEntities } from './entities.ts';
import { judge } from './verdict.ts';

// Session 13: the public self-check reads whatever a visitor pastes, up to MAX_TEXT. A dev scam message
// repeated to the cap ("你的包裹被海关扣了要交税", m152) held the event loop for 414 s: every pretext was
// paired with every action and each pair re-read its clause across the whole unbroken text; one sign
// repeated ("转账到安全账户") took 0.7 s, each match re-reading the whole text for warning words; a bare
// domain's label ran on through "a-a-a-…" (0.3 s), and 6,000 addresses were each compared with every other
// (0.1 s). After the fix each is tens of milliseconds (bench/intel). The bound is generous on purpose, as in
// figures.speed.test.ts: the point is milliseconds, not seconds, on a loaded CI machine. So it catches a return of the
// quadratic pairing (the first shape failed here before the fix) or anything as slow; the sub-second costs the other
// shapes had are measured by bench/intel, not by this test (review, session 13).
const fill = (unit: string) => unit.repeat(Math.ceil(MAX_TEXT / unit.length)).slice(0, MAX_TEXT);
const SHAPES: Record<string, string> = {
  'a short scam message repeated': fill('你的包裹被海关扣了要交税'),
  'one sign repeated': fill('转账到安全账户'),
  'a scam message with line breaks repeated': fill('尊敬的車主您好!\n您的ETC賬戶将于明日到期,\n為避免影響通行,\n需要重新升級,\n請登錄網站完成辦理!'),
  'hyphenated letters': 'a-'.repeat(MAX_TEXT / 2),
  'addresses': fill('路1号'),
  'one warning repeated': fill('请不要转账到安全账户。'),
};

describe('the verdict stays linear on hostile input', () => {
  for (const [name, text] of Object.entries(SHAPES)) {
    it(`${name} (${text.length} characters) within 1.5 s`, () => {
      const t0 = performance.now();
      analyze(text);
      expect(performance.now() - t0).toBeLessThan(1500);
    });
  }

  it('still reads a repeated scam message as one', () => {
    expect(analyze(SHAPES['a short scam message repeated']).verdict.level).toBe(analyze('你的包裹被海关扣了要交税').verdict.level);
    expect(['high', 'medium']).toContain(analyze(SHAPES['one sign repeated']).verdict.level);
  });

  it('reads a sign that follows many negated mentions of it (the match cap counts only the ones read further)', () => {
    const v = judge(`${'请不要转账到安全账户。'.repeat(100)}现在请把钱转账到安全账户，卡号6222020200112233445。`, null);
    expect(v.signs.map((s) => s.code)).toContain('transfer_request');
  });

  it('keeps every entity that does not overlap a longer one', () => {
    const e = extractEntities(SHAPES.addresses);
    expect(e.length).toBeGreaterThan(1_000);
    for (let i = 1; i < e.length; i++) expect(e[i].start).toBeGreaterThanOrEqual(e[i - 1].end);
    expect(extractEntities('访问 sub-domain.example.cn 或 a-b.com')).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'url', value: 'a-b.com' })]));
  });
});
