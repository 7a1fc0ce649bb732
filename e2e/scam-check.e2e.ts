/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, elderChecks, newPage, shot, startE2E, type E2E } from './harness.ts';

describe('the public scam self-check', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  it('explains the warning signs in plain words and carries the text into a report', async () => {
    const page = await newPage(e, 'phone');
    await page.goto(e.url);
    await page.getByRole('button', { name: '这是不是骗局？帮我看看' }).click();
    await page.getByRole('button', { name: '帮我看看' }).click();
    await page.getByText('请先把对方说的话').waitFor();
    const pitch = '阿姨您好，我们的养老公寓项目保本保息，年化收益18%，名额有限今天最后一天，千万不要告诉您子女。';
    await page.getByLabel('对方说了什么、发了什么？').fill(pitch);
    await page.getByRole('button', { name: '帮我看看' }).click();
    expect(await page.getByTestId('risk').innerText()).toBe('很可能是骗局');
    await page.getByText('叮嘱不要告诉子女', { exact: true }).waitFor();
    await page.getByText('让您瞒着家人的，几乎都是骗子').waitFor();
    expect(await axe(page)).toEqual([]);
    expect(await elderChecks(page)).toEqual([]);
    await shot(page, 'portal-7-scam-check-360');
    // Nothing was stored by checking.
    const [{ n }] = await e.db.query<{ n: number }>('select count(*)::int as n from tips');
    expect(n).toBe(0);
    await page.getByRole('button', { name: '一键举报（内容已帮您填好）' }).click();
    await page.getByText('第 1 步，共 4 步').waitFor();
    await page.getByText('养老项目投资骗局').click();
    await page.getByLabel('省（自治区、直辖市）').selectOption({ label: '山东省' });
    await page.getByLabel('市', { exact: true }).selectOption({ label: '烟台市' });
    await page.getByRole('button', { name: '下一步' }).click();
    expect(await page.getByLabel('发生了什么？').inputValue()).toContain('保本保息');

    // An ordinary notice is not called a scam.
    await page.goto(`${e.url}/check`);
    await page.getByLabel('对方说了什么、发了什么？').fill('社区卫生服务中心本周六为六十五岁以上老人免费接种流感疫苗，请携带身份证。');
    await page.getByRole('button', { name: '帮我看看' }).click();
    expect(await page.getByTestId('risk').innerText()).toBe('没有发现常见的骗局说法');
    await page.context().close();
  });
});
