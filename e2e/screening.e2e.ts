/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, chooseOptions, consoleLogin, fillHazard, shot, startE2E, tick, type E2E } from './harness.ts';

describe('screening a care home and crossing off its hazard', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  it('registers, inspects with a hazard (orange), rectifies, verifies, re-inspects (green)', async () => {
    const clerk = await consoleLogin(e, 'lk_market_regulation');
    await clerk.getByRole('menuitem', { name: '排查整治' }).click();
    await clerk.getByRole('button', { name: '登记主体' }).click();
    const create = clerk.getByRole('dialog');
    await create.getByLabel('名称').fill('龙口市夕阳红颐养院');
    await chooseOptions(clerk, create, '类型', ['养老机构（已登记）'], false);
    await create.getByRole('button', { name: '确认登记' }).click();
    await clerk.getByRole('heading', { name: '龙口市夕阳红颐养院' }).waitFor();
    await clerk.getByText('尚未排查，暂无评级。').waitFor();

    await clerk.getByRole('button', { name: '录入检查' }).click();
    const form = clerk.getByRole('dialog');
    await tick(form.getByLabel('销售预付卡、会员卡或收取会员费、床位费'));
    await form.getByLabel('检查情况（可不填）').fill('前台摆放“终身会员卡”宣传单');
    await form.getByRole('button', { name: '+ 添加隐患' }).click();
    await fillHazard(clerk, form, { description: '向老人销售终身会员卡，预收费用', category: '预付费、会员费、押金', measure: '责令整改', responsible: '院长 王某' });
    await form.getByRole('button', { name: '确认录入' }).click();
    await form.waitFor({ state: 'detached' });
    await clerk.getByTestId('subject-grade').getByText('橙色').waitFor();
    // exact: the 评级历史 below repeats the reasons after 依据：
    await clerk.getByText('1 个预付费或虚假宣传隐患尚未销号', { exact: true }).waitFor();
    expect(await axe(clerk)).toEqual([]);
    await shot(clerk, 'console-11-subject');

    await clerk.getByRole('button', { name: '报告已整改' }).click();
    await clerk.getByRole('dialog').getByLabel('整改情况').fill('已停止销售会员卡，预收费用全部退还');
    await clerk.getByRole('dialog').getByRole('button', { name: '确认报告已整改' }).click();
    await clerk.getByText('已整改待验收').waitFor();
    const url = clerk.url();
    await clerk.context().close();

    const lead = await consoleLogin(e, 'lk_lead');
    await lead.goto(url);
    await lead.getByRole('button', { name: '验收销号' }).click();
    await lead.getByRole('button', { name: '销号', exact: true }).click();
    // The status tag on the page, not the toast that says the same.
    await lead.locator('#root').getByText('已销号', { exact: true }).waitFor();
    await lead.getByRole('button', { name: '录入检查' }).click();
    await lead.getByRole('dialog').getByRole('button', { name: '确认录入' }).click();
    await lead.getByTestId('subject-grade').getByText('绿色').waitFor();
    await lead.getByText('已排查，未发现问题', { exact: true }).waitFor();

    // The registry and the ledger list it.
    await lead.getByRole('button', { name: '← 主体名录' }).click();
    await lead.getByRole('link', { name: '龙口市夕阳红颐养院' }).waitFor();
    await lead.getByRole('tab', { name: '整改台账' }).click();
    await lead.getByRole('cell', { name: /向老人销售终身会员卡/ }).waitFor();
    const download = lead.waitForEvent('download');
    await lead.getByRole('link', { name: '导出 Excel' }).click();
    expect((await download).suggestedFilename()).toMatch(/^隐患整改台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    // The official table of the jurisdiction for this year (issue 13 item 6), from the same page.
    const table = lead.waitForEvent('download');
    await lead.getByRole('link', { name: '养老服务机构排查情况统计表' }).click();
    expect((await table).suggestedFilename()).toMatch(/^养老服务机构诈骗风险隐患排查情况统计表-\d{4}-\d{2}-\d{2}\.xlsx$/);
    // This year's figures count the two inspections above (2 inspectors each) and the crossed-off hazard.
    const stat = (title: string) => lead.locator('.ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content-value').innerText();
    expect(await stat('出动检查')).toBe('4');
    expect(await stat('整改销号')).toBe('1');
    expect(await stat('排查主体')).toBe('1');
    expect(await axe(lead)).toEqual([]);
    await shot(lead, 'console-12-ledger');
    await lead.context().close();
  });

  it('records a hazard from a complaint on the subject page (Chinese messages for what is missing) and finds it in the ledger by its source', async () => {
    const page = await consoleLogin(e, 'lk_intake');
    await page.goto(`${e.url}/console/subjects`);
    await page.getByRole('link', { name: '龙口市夕阳红颐养院' }).click();
    await page.getByRole('button', { name: '登记隐患' }).click();
    const form = page.getByRole('dialog');
    await form.getByRole('button', { name: '确认登记' }).click();
    for (const text of ['请说明投诉来源（如投诉人、渠道、日期）', '请描述隐患（至少 4 个字）', '请选择类别', '请填写整改责任人']) await form.getByText(text).waitFor();
    await form.getByLabel('投诉情况').fill('老人家属来电投诉');
    await fillHazard(page, form, { description: '以床位预订名义收取押金未开收据', category: '预付费、会员费、押金', measure: '约谈', responsible: '院长 王某' });
    await form.getByRole('button', { name: '确认登记' }).click();
    await form.waitFor({ state: 'detached' });
    const row = page.locator('tr', { hasText: '以床位预订名义收取押金未开收据' });
    await row.getByRole('cell', { name: '投诉' }).waitFor();

    await page.getByRole('button', { name: '← 主体名录' }).click();
    await page.getByRole('tab', { name: '整改台账' }).click();
    await chooseOptions(page, page, '隐患来源', ['投诉'], false);
    await page.waitForURL(/source=complaint/);
    // The hazard of the inspection (source 排查检查) leaves the list; the complaint's stays.
    await page.locator('tr', { hasText: '向老人销售终身会员卡' }).waitFor({ state: 'detached' });
    await page.locator('tr', { hasText: '以床位预订名义收取押金未开收据' }).waitFor();
    expect(await page.getByRole('tabpanel').locator('tbody tr.ant-table-row').count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  });
});
