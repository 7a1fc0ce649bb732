/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axe, chooseOptions, consoleLogin, fillHazard, shot, startE2E, tick, type E2E } from './harness.ts';
import { registryWorkbook, testUscc } from '../server/modules/subjects/registry.fixtures.ts';

describe('a county clerk keeps the registry from Excel', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  it('imports a care-institution file with a bad row, watches it finish, and downloads the bad-rows sheet', async () => {
    const page = await consoleLogin(e, 'lk_intake');
    await page.goto(`${e.url}/console/registry`);
    await page.getByText('主体名录导入与导出').waitFor();
    const bad = testUscc(7).slice(0, 17) + (testUscc(7)[17] === '0' ? '1' : '0');
    const file = await registryWorkbook('elderly_care_institution', [
      ['龙口市东江颐养院', testUscc(5), '370681', '东江街道2号', '是', '', 80],
      ['错码颐养院', bad, '370681'],
      ['龙口市徐福颐养院', '', '龙口市', '徐福街道9号', '', '', 40],
    ]);
    await page.locator('input[type=file]').setInputFiles({ name: '养老机构.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    await page.getByText('共 3 行：新登记 2 个，更新 0 个，无变化 0 个，有误 1 行').waitFor();
    await page.getByText(/第 3 行：统一社会信用代码：统一社会信用代码无效/).waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'console-registry-import');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载错误行（Excel）' }).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe(3);
    expect(String(sheet.getRow(2).getCell(2).value)).toContain('校验位');
    expect(sheet.getRow(2).getCell(3).value).toBe('错码颐养院');
    await page.context().close();
  });

  it('opens a round over the imported institutions, inspects one on a 1024 × 768 tablet, plans for it; the round counts it as the API does, and so does the official table', async () => {
    const page = await consoleLogin(e, 'lk_intake');
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`${e.url}/console/rounds`);
    await page.getByRole('button', { name: '新建排查批次' }).click();
    const create = page.getByRole('dialog');
    await create.getByLabel('批次名称').fill('龙口市养老机构集中排查');
    await chooseOptions(page, create, '排查行业', ['养老机构（已登记）']);
    await create.getByLabel('批次名称').click(); // closes the multiple select's dropdown
    await create.getByRole('button', { name: '确认创建' }).click();
    await page.getByRole('heading', { name: '龙口市养老机构集中排查' }).waitFor();
    const roundId = Number(/\/console\/rounds\/(\d+)/.exec(page.url())![1]);
    await coverageAgrees(page, roundId, '2 家', '0 家', '0.0%');

    // The first imported institution, reached from the round's row (the registry of its region and sector).
    await page.getByTestId('coverage-table').getByRole('link', { name: '养老机构（已登记）' }).first().click();
    await page.getByRole('link', { name: '龙口市东江颐养院' }).click();
    await page.getByRole('heading', { name: '龙口市东江颐养院' }).waitFor();
    expect(await sideways(page)).toEqual([]);
    await page.getByRole('button', { name: '录入检查' }).click();
    const form = page.getByRole('dialog');
    await chooseOptions(page, form, '排查批次（可不选）', ['龙口市养老机构集中排查（' + (await roundPeriod(page, roundId)) + '）'], false);
    await tick(form.getByLabel('销售预付卡、会员卡或收取会员费、床位费'));
    await form.getByRole('button', { name: '+ 添加隐患' }).click();
    await fillHazard(page, form, { description: '收取老人“床位预订费”未开收据', category: '预付费、会员费、押金', measure: '责令整改', responsible: '院长 李某' });
    // Usable on a tablet: nothing spills sideways (page or dialog), and the submit button can be reached and is on screen, not covered.
    expect(await sideways(page)).toEqual([]);
    await reachable(page, form.getByRole('button', { name: '确认录入' }));
    await shot(page, 'console-registry-tablet-inspection');
    await form.getByRole('button', { name: '确认录入' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('subject-grade').getByText('橙色').waitFor();

    // 一院一策 for the orange institution, on the same screen.
    const card = page.getByTestId('plan-card');
    await card.getByText('该主体为红色或橙色，尚未制定整治方案').waitFor();
    await card.getByRole('button', { name: '制定方案' }).click();
    const plan = page.getByRole('dialog');
    await plan.getByLabel('整治目标和总体安排').fill('一个月内停止预收费用并全部退还');
    await plan.getByLabel('措施内容').fill('清退床位预订费并公示');
    await chooseOptions(page, plan, '责任单位', ['龙口市民政局'], false);
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
    const due = new Date(Date.now() + 8 * 3600_000 + 30 * 86400_000).toISOString().slice(0, 10);
    await plan.getByLabel('完成期限').fill(due);
    await plan.getByLabel('完成期限').press('Tab'); // leaves the date: its calendar closes (Enter would submit the form)
    await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'detached' });
    expect(await plan.getByLabel('完成期限').inputValue()).toBe(due);
    expect(await sideways(page)).toEqual([]);
    await reachable(page, plan.getByRole('button', { name: '保存方案' }));
    await plan.getByRole('button', { name: '保存方案' }).click();
    await plan.waitFor({ state: 'detached' });
    await card.getByRole('cell', { name: '清退床位预订费并公示' }).waitFor();
    await card.getByRole('cell', { name: '龙口市民政局' }).waitFor();
    expect(await sideways(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);

    // Back on the round: one of the two inspected, as the API counts it.
    await page.getByRole('link', { name: '龙口市养老机构集中排查' }).click();
    await page.getByRole('heading', { name: '龙口市养老机构集中排查' }).waitFor();
    await coverageAgrees(page, roundId, '2 家', '1 家', '50.0%');
    expect(await sideways(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'console-round-tablet');

    // The official table of the county counts the same: 2 in the register, 1 screened (50 %), its hazard.
    await page.goto(`${e.url}/console/subjects?tab=ledger`);
    const [table] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '养老服务机构排查情况统计表' }).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await table.path())!) as unknown as ArrayBuffer);
    let sheet = book.worksheets[0];
    // The link covers this year as the page read it on opening. A run that crossed Beijing's New Year (16:00 UTC on
    // 31 December) since the inspection asks for the inspection's year by name instead: the same table, same counts.
    const [{ year }] = await e.db.query<{ year: string }>(
      `select to_char(max(i.inspected_on), 'YYYY') as year from inspections i join subjects s on s.id = i.subject_id where s.name = '龙口市东江颐养院'`);
    if (!String(sheet.getCell('A2').value).includes(`统计期：${year}-01-01 至 `)) {
      const r = await page.request.get(`${e.url}/api/screening/tables/institutions.xlsx?from=${year}-01-01&to=${year}-12-31`);
      expect(r.status()).toBe(200);
      const again = new ExcelJS.Workbook();
      await again.xlsx.load((await r.body()) as unknown as ArrayBuffer);
      sheet = again.worksheets[0];
    }
    expect((sheet.getRow(sheet.rowCount).values as unknown[]).slice(1, 9)).toEqual(['合计', 2, 1, 50, 1, 0, 1, 0]);
    await page.context().close();
  });
});

/** What spills sideways: the page wider than the window, or an open dialog wider than its box. */
function sideways(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > innerWidth) out.push(`page ${document.documentElement.scrollWidth} > ${innerWidth}`);
    for (const el of document.querySelectorAll<HTMLElement>('.ant-modal-content, .ant-modal-body')) {
      if (el.scrollWidth > el.clientWidth) out.push(`dialog ${el.scrollWidth} > ${el.clientWidth}`);
      const r = el.getBoundingClientRect();
      if (r.left < 0 || r.right > innerWidth) out.push(`dialog at ${Math.round(r.left)}–${Math.round(r.right)} of ${innerWidth}`);
    }
    return out;
  });
}

/** Scrolls to a button and checks it lies wholly inside the window and is what a tap on its middle hits. */
async function reachable(page: Page, button: import('playwright-core').Locator) {
  await button.scrollIntoViewIfNeeded();
  const box = (await button.boundingBox())!;
  const size = page.viewportSize()!;
  expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height).toBe(true);
  expect(await button.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
  })).toBe(true);
}

async function roundPeriod(page: Page, id: number): Promise<string> {
  const r = await (await page.request.get(`${new URL(page.url()).origin}/api/screening/rounds/${id}`)).json() as { periodFrom: string; periodTo: string };
  return `${r.periodFrom} 至 ${r.periodTo}`;
}

/** The round page's 合计 row shows what the coverage API answers (and the numbers expected). */
async function coverageAgrees(page: Page, id: number, inScope: string, inspected: string, coverage: string) {
  const api = await (await page.request.get(`${new URL(page.url()).origin}/api/screening/rounds/${id}/coverage?by=child`)).json() as { total: { inScope: number; inspected: number; coverage: number } };
  expect([`${api.total.inScope} 家`, `${api.total.inspected} 家`, `${(api.total.coverage * 100).toFixed(1)}%`]).toEqual([inScope, inspected, coverage]);
  const total = page.getByTestId('coverage-table').locator('.ant-table-summary tr');
  await total.getByText(inspected, { exact: true }).waitFor();
  expect((await total.locator('td').allInnerTexts()).slice(0, 4).map((t) => t.trim())).toEqual(['合计', inScope, inspected, coverage]);
}
