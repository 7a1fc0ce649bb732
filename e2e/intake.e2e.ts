/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, chooseOptions, consoleLogin, shot, startE2E, type E2E } from './harness.ts';
import { batchRow, batchWorkbook, beijing } from '../server/modules/intake/intake.fixtures.ts';

describe('staff intake in the console: a hotline tip by form, a 12337 batch by file', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  }, 300_000);
  afterAll(() => e?.close());

  it('a clerk registers a hotline tip with its number; the same number again is flagged and needs a confirmation', async () => {
    const page = await consoleLogin(e, 'lk_intake');
    await page.getByRole('menuitem', { name: '线索登记' }).click();
    await page.getByRole('tab', { name: '登记线索' }).waitFor();
    const fill = async (ref: string) => {
      await chooseOptions(page, page, '线索来源', ['电话举报'], false);
      await page.getByLabel(/^来源编号/).fill(ref);
      // The region: typed, then picked from the search's options (retried: a click while the list loads is lost).
      const field = page.getByLabel('线索所在地区');
      const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '山东省 / 烟台市 / 龙口市' }).first();
      for (let attempt = 0; ; attempt++) {
        await field.click();
        await field.fill('龙口');
        if (await option.waitFor({ timeout: 5000 }).then(() => true, () => false)) {
          await option.click();
          break;
        }
        if (attempt === 2) throw new Error('地区选项未出现');
      }
      await page.getByLabel('线索内容').fill('来电反映：有人在东莱街道以免费体检为名向老人推销“量子理疗仪”，每台一万八千元。');
      await page.getByLabel('被举报对象（单位或个人）').fill('康乐源养生会馆');
    };
    await fill('热线-2026-1130-01');
    expect(await axe(page)).toEqual([]);
    await shot(page, 'console-12-intake-form');
    await page.getByRole('button', { name: '登记线索' }).click();
    await page.getByText(/已登记，查询码/).waitFor();
    const [{ n }] = await e.db.query<{ n: number }>(`select count(*)::int as n from tips where source = 'hotline' and source_ref = '热线-2026-1130-01'`);
    expect(n).toBe(1);

    // The same number again: the form asks first; going back creates nothing, confirming creates the second.
    await fill('热线-2026-1130-01');
    await page.getByRole('button', { name: '登记线索' }).click();
    const ask = page.getByRole('dialog', { name: '该编号已登记过' });
    await ask.waitFor();
    await page.getByText('该来源编号已登记过，请先查看是否同一件事：').waitFor();
    await ask.getByRole('button', { name: '返回查看' }).click();
    expect((await e.db.query(`select 1 from tips where source_ref = '热线-2026-1130-01'`)).length).toBe(1);
    await page.getByRole('button', { name: '登记线索' }).click();
    await page.getByRole('dialog', { name: '该编号已登记过' }).getByRole('button', { name: '确认，仍然登记' }).click();
    // The first registration's 已登记 line can still be on the page, so the wait for it may pass before the second is
    // written (a loaded CI run, session 16): the count is polled until the second row is there.
    await page.getByText(/已登记，查询码/).waitFor();
    await expect.poll(async () => (await e.db.query(`select 1 from tips where source_ref = '热线-2026-1130-01'`)).length, { timeout: 15_000 }).toBe(2);

    // The tip list finds both by the number.
    await page.goto(`${e.url}/console/tips?q=${encodeURIComponent('热线-2026-1130-01')}`);
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(2);
    await page.context().close();
  }, 180_000);

  it('a clerk imports a 12337 batch with a bad row, downloads the bad-rows sheet, and the same file again creates nothing', async () => {
    const page = await consoleLogin(e, 'lk_intake');
    await page.goto(`${e.url}/console/intake`);
    await page.getByRole('tab', { name: '12337 批量导入' }).click();
    const file = await batchWorkbook([
      batchRow('E2E-12337-0001'), batchRow('E2E-12337-0002', '山东省烟台市龙口市'),
      ['E2E-12337-0003', beijing(-1), '火星市', '某公司', '某公司以投资养老项目为名非法集资，承诺保本高息。', ''],
    ]);
    const upload = async () => {
      await page.locator('input[type=file]').setInputFiles({ name: '12337线索清单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    };
    await upload();
    await page.getByText('共 3 行：新登记 2 条，已登记过 0 条，有误 1 行').waitFor();
    await page.getByText(/第 4 行：地区“火星市”不存在/).waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'console-12-intake-batch');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载错误行（Excel）' }).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const ws = book.worksheets[0];
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(1).value).toBe(4);
    expect(String(ws.getRow(2).getCell(2).value)).toContain('火星市');
    expect(ws.getRow(2).getCell(3).value).toBe('E2E-12337-0003');

    await upload();
    await page.getByText('共 3 行：新登记 0 条，已登记过 2 条，有误 1 行').waitFor();
    const [{ n }] = await e.db.query<{ n: number }>(`select count(*)::int as n from tips where source_ref like 'E2E-12337-%'`);
    expect(n).toBe(2);
    // Both batches are listed; the first's results go back up in the platform's layout.
    await expect.poll(() => page.getByRole('link', { name: '导出报送上级' }).count()).toBe(1);
    const [results] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出报送上级' }).click()]);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(readFileSync((await results.path())!) as unknown as ArrayBuffer);
    expect((out.worksheets[0].getRow(1).values as string[]).slice(1)).toEqual(['编号', '核查结论', '处理措施', '答复内容', '办结日期']);
    expect(out.worksheets[0].rowCount).toBe(3);
    await page.context().close();
  }, 180_000);
});
