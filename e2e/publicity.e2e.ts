/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, chooseOptions, consoleLogin, shot, startE2E, type E2E } from './harness.ts';
import { goodRow, publicityWorkbook } from '../server/modules/publicity/publicity.fixtures.ts';
import { chinaToday } from '../shared/time.ts';

const day = (offset: number) => new Date(Date.parse(chinaToday()) + offset * 86400_000).toISOString().slice(0, 10);

describe('a county clerk logs publicity', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  it('enters an activity with a photo, imports a sheet with one bad row, downloads the error sheet, and sees the totals', async () => {
    const page = await consoleLogin(e, 'lk_intake');
    await page.getByRole('menuitem', { name: '宣传' }).click();
    await page.getByRole('heading', { name: '宣传活动' }).waitFor();

    // By hand, with a photo.
    await page.getByRole('button', { name: '登记活动' }).click();
    const form = page.getByRole('dialog', { name: '登记宣传活动' });
    await chooseOptions(page, form, '活动形式', ['专题讲座'], false);
    await form.getByLabel('活动名称').fill('东莱街道防范养老诈骗专题讲座');
    await form.getByLabel('覆盖人数（人）').fill('80');
    await form.getByLabel('发放资料（份）').fill('200');
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#2060c0' } }).png().toBuffer();
    await form.locator('input[type=file]').setInputFiles({ name: 'lecture.png', mimeType: 'image/png', buffer: png });
    expect(await axe(page)).toEqual([]);
    await form.getByRole('button', { name: '确认登记' }).click();
    await page.getByText('已登记').first().waitFor();
    await page.getByRole('cell', { name: '东莱街道防范养老诈骗专题讲座' }).waitFor();

    // From Excel: two good rows and one with a negative count.
    await page.getByRole('button', { name: '从 Excel 批量导入' }).click();
    const wizard = page.getByRole('dialog', { name: '从 Excel 批量导入宣传活动' });
    const file = await publicityWorkbook([
      goodRow(day(-2), '龙口市', '集市防骗宣传', 1),
      [day(-2), '', '370681', '专题讲座', '负数的一行', '', '', -3],
      goodRow(day(-1), '370681', '进村入户宣传', 2),
    ]);
    await wizard.locator('input[type=file]').setInputFiles({ name: '宣传活动.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    await wizard.getByText('共 3 行：新导入 2 行，已导入过 0 行，有误 1 行').waitFor();
    await wizard.getByText('第 3 行：发放宣传资料：数量不能为负').waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'console-10-publicity-import');
    const [download] = await Promise.all([page.waitForEvent('download'), wizard.getByRole('link', { name: '下载错误行（Excel）' }).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe(3);
    expect(String(sheet.getRow(2).getCell(2).value)).toContain('不能为负');
    await wizard.getByRole('button', { name: '关闭' }).first().click();

    // The totals for the filter: three activities, 80 + 50 + 100 people, 200 + 100 + 200 leaflets.
    const stat = (title: string) => page.locator('.ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content-value');
    await page.getByRole('cell', { name: '进村入户宣传' }).waitFor();
    expect(await stat('活动场次').innerText()).toBe('3');
    expect((await stat('覆盖人数').innerText()).replace(/,/g, '')).toBe('230');
    expect((await stat('发放资料').innerText()).replace(/,/g, '')).toBe('500');
    const [{ photos }] = await e.db.query<{ photos: number }>(`select count(*)::int as photos from uploads where activity_id is not null`);
    expect(photos).toBe(1);
    await shot(page, 'console-10-publicity');

    // The Excel export of the list: the three activities and a 合计 row with the same totals.
    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 Excel' }).click()]);
    expect(exported.suggestedFilename()).toMatch(/^宣传活动-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(readFileSync((await exported.path())!) as unknown as ArrayBuffer);
    const list = out.worksheets[0];
    expect(list.rowCount).toBe(5);
    const header = (list.getRow(1).values as unknown[]).slice(1);
    const total = (list.getRow(5).values as unknown[]).slice(1);
    expect(total[0]).toBe('合计');
    expect(total[header.indexOf('覆盖 / 受益 / 惠及人数（人）')]).toBe(230);
    expect(total[header.indexOf('发放宣传资料（份）')]).toBe(500);

    // The statistics' figures link to these lists (docs/indicators.md, "Links"): 监测广告 to the monitoring
    // tab filtered by region and dates in the address, and a by-unit row to the unit's activities.
    const [{ id: market }] = await e.db.query<{ id: number }>(`select id from units where region_code = '370681' and kind = 'market_regulation' limit 1`);
    const [{ id: clerk }] = await e.db.query<{ id: number }>(`select id from users where username = 'lk_intake'`);
    for (const [start, monitored] of [[day(0), 40], [day(-40), 100]] as const) {
      await e.db.query(`insert into ads_monitoring_rounds (region_code, unit_id, title, media, start_date, end_date, ads_monitored, ads_cleaned, created_by)
                        values ('370681', $1, '涉养老保健品广告监测', '{website}', $2::date, $2::date, $3, 1, $4)`, [market, start, monitored, clerk]);
    }
    // The period is read once (a second reading for the link's expectation could fall after Beijing midnight); the
    // round of day(0) lies in it even if the run crossed midnight since it was inserted.
    const to = day(0);
    const from = chinaToday(Date.parse(to) - 6 * 86400_000);
    const figures = await (await page.request.get(`${e.url}/api/stats?region=370681&from=${from}&to=${to}&indicators=ads_monitored,publicity_events&by=unit`)).json();
    const monitored = figures.figures.ads_monitored;
    expect(monitored.value).toBeGreaterThanOrEqual(40);
    expect(monitored.link).toBe(`/console/publicity/monitoring?regionCode=370681&from=${from}&to=${to}`);
    await page.goto(`${e.url}${monitored.link}`);
    await page.getByRole('tab', { name: '广告监测', selected: true }).waitFor();
    await page.getByRole('heading', { name: '广告监测' }).waitFor();
    // The filter shown: the dates in the picker, and the totals of the rounds it lists are the figure (the round of 40 days ago left out).
    await expect.poll(() => page.locator('.ant-picker-range input').first().inputValue()).toBe(from);
    await expect.poll(async () => (await stat('监测广告').innerText()).replace(/,/g, '')).toBe(String(monitored.value));
    await page.getByRole('cell', { name: '涉养老保健品广告监测' }).waitFor();
    // The activities a unit organised in the period: a closable tag names the unit, the total is the unit's figure.
    const office = figures.rows.find((r: { figures: { publicity_events?: { value: number | null } } }) => (r.figures.publicity_events?.value ?? 0) > 0);
    expect(office.figures.publicity_events.link).toContain(`unitId=${office.key}`);
    await page.goto(`${e.url}${office.figures.publicity_events.link}`);
    await page.getByTestId('linked-filter').getByText(`组织单位：${office.name}`).waitFor();
    await expect.poll(() => stat('活动场次').innerText()).toBe(String(office.figures.publicity_events.value));
    expect(await axe(page)).toEqual([]);
    await page.getByTestId('linked-filter').locator('.ant-tag-close-icon').click();
    await page.waitForURL((u) => !u.search.includes('unitId'));
    await page.context().close();
  });
});
