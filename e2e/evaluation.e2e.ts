/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, consoleLogin, shot, startE2E, type E2E } from './harness.ts';
import { seedDemoEvaluation } from '../server/db/seed/evaluation.ts';
import { validTip } from '../server/test/helpers.ts';

/**
 * 考评排名 in a real browser: the province lead sees 济南市 first (it reached the most elderly people,
 * the only data it has), weighs the tips alone, sees 青岛市 (all tips closed on time, reporters
 * satisfied) go first, and downloads the ranking.
 */
describe('evaluation ranking (考评排名) in a real browser', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
    await seedDemoEvaluation(e.db, e.world);
    await e.db.query(
      `insert into publicity_activities (region_code, unit_id, kind, title, start_date, end_date, people_reached, created_by)
       values ('3701', $1, 'lecture', '防骗讲座', (now() at time zone 'Asia/Shanghai')::date, (now() at time zone 'Asia/Shanghai')::date, 50000, $2)`,
      [e.world.units.get('3701:campaign_office'), e.world.users.get('sd_intake')],
    );
    for (let i = 0; i < 2; i++) {
      const r = await fetch(`${e.url}/api/public/tips`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(validTip({ regionCode: '370202' })) });
      expect(r.status).toBe(201);
    }
    await e.db.query(`update tips set status = 'closed', deadline_at = now() + interval '3 days', closed_at = now(), rating_satisfied = true, rated_at = now() where region_code = '370202'`);
  });
  afterAll(() => e?.close());

  it('a province lead opens 考评排名, changes the weights, sees the new order and exports it', async () => {
    const page = await consoleLogin(e, 'sd_lead');
    await page.getByRole('menuitem', { name: '考评排名' }).click();
    // The page ranks this year as it read it on opening; the facts above are dated on the Beijing day beforeAll ran. A run
    // that crossed Beijing's New Year (16:00 UTC on 31 December) since then picks the facts' year in the 统计期 picker.
    const [{ day }] = await e.db.query<{ day: string }>(`select to_char(start_date, 'YYYY-MM-DD') as day from publicity_activities where region_code = '3701' order by id desc limit 1`);
    const period = page.getByText(/^统计期 \d{4}-\d{2}-\d{2} 至/);
    await period.waitFor();
    if (!(await period.textContent())!.startsWith(`统计期 ${day.slice(0, 4)}-01-01 至`)) {
      await page.getByLabel('统计期').first().click();
      await page.getByPlaceholder('开始日期').fill(`${day.slice(0, 4)}-01-01`);
      await page.getByPlaceholder('结束日期').fill(day);
      await page.keyboard.press('Enter');
      await page.getByText(`统计期 ${day.slice(0, 4)}-01-01 至 ${day}。`, { exact: false }).waitFor();
    }
    const firstRow = page.locator('.ant-table-tbody tr.ant-table-row').first();
    await firstRow.filter({ hasText: '济南市' }).waitFor();
    await page.getByText('第 1 号 · 本级设置').waitFor();
    expect(await firstRow.locator('td').nth(0).innerText()).toBe('1');
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(16);
    expect(await axe(page)).toEqual([]);

    await page.getByRole('button', { name: '调整权重' }).click();
    const dialog = page.getByRole('dialog');
    const weights: [string, string][] = [['按期办结率权重', '50'], ['满意率权重', '50'], ['追赃挽损率权重', '0'], ['排查覆盖率权重', '0'], ['隐患销号率权重', '0'], ['每万名老年人宣传覆盖权重', '10']];
    for (const [label, value] of weights) await dialog.getByLabel(label).fill(value);
    await dialog.getByText('合计 110%（须为 100%）').waitFor();
    expect(await axe(page)).toEqual([]);
    await dialog.getByLabel('每万名老年人宣传覆盖权重').fill('0');
    await dialog.getByText('合计 100%').waitFor();
    await dialog.getByLabel('说明（可选）').fill('只看线索办理');
    expect(await axe(page)).toEqual([]);
    await dialog.getByRole('button', { name: '保存权重' }).click();
    await dialog.waitFor({ state: 'detached' });
    await firstRow.filter({ hasText: '青岛市' }).waitFor();
    expect(await firstRow.locator('td').nth(2).innerText()).toBe('100');
    await page.getByText('只看线索办理').waitFor();
    // 济南市 has no tip data: under 不计入 it has no total and no rank.
    const jinan = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '济南市' });
    expect(await jinan.locator('td').nth(0).innerText()).toBe('—');
    await shot(page, 'console-evaluation');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^考评排名-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect([sheet.getRow(2).getCell(1).value, sheet.getRow(2).getCell(2).value, sheet.getRow(2).getCell(3).value]).toEqual([1, '青岛市', 100]);
    const [{ n }] = await e.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action in ('evaluation.scheme_set', 'evaluation.exported')`);
    expect(n).toBe(2);
    await page.context().close();
  });
});
