/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, consoleLogin, shot, startE2E, type E2E } from './harness.ts';
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
  });
});
