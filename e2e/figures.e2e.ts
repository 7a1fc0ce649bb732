/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, consoleLogin, shot, startE2E, type E2E } from './harness.ts';
import { loadUser, type SessionUser } from '../server/modules/auth/auth.service.ts';
import { reportFigures } from '../server/modules/figures/figures.service.ts';

describe('pasting a work summary and reporting its figures', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  it('extracts, lets the clerk correct a value and lists masked numbers, then stores the report', async () => {
    const page = await consoleLogin(e, 'lk_intake');
    await page.getByRole('menuitem', { name: '上报数字' }).click();
    await page.getByLabel('工作总结全文').fill('一、工作开展情况\n截至目前，累计受理线索86条，排查养老机构215家，发放宣传折页1.2万余份，挽回经济损失350余万元，X月召开推进会X次。');
    await page.getByRole('button', { name: '识别数字' }).click();
    await page.getByText('以下数字被遮盖').waitFor();
    await page.getByRole('listitem').filter({ hasText: 'X月召开推进会X次' }).waitFor();
    expect(await page.getByLabel('数值').count()).toBe(4);
    // Each figure's number is marked inside its clause (issue 14: the reviewer sees it in place).
    expect(await page.locator('mark').allTextContents()).toEqual(['86', '215', '1.2万余', '350余万']);
    // Correct the first figure: 86 → 88.
    const first = page.getByLabel('数值').first();
    await first.fill('88');
    await page.getByLabel('统计期').first().click();
    await page.getByPlaceholder('开始日期').fill('2026-01-01');
    await page.getByPlaceholder('结束日期').fill('2026-06-30');
    await page.keyboard.press('Enter');
    expect(await axe(page)).toEqual([]);
    await shot(page, 'console-9-figures');
    await page.getByRole('button', { name: '上报', exact: true }).click();
    await page.getByText('已上报 4 项数字').waitFor();
    const rows = await e.db.query<{ indicator: string; value: number; approx: boolean; period_start: string }>('select indicator, value, approx, period_start from reported_figures order by id');
    expect(rows.map((r) => [r.indicator, r.value, r.approx])).toEqual([
      ['tips_received', 88, false], ['entities_screened', 215, false], ['materials_distributed', 12000, true], ['amount_recovered_yuan', 3500000, true],
    ]);
    expect(rows[0].period_start).toBe('2026-01-01');
    await page.context().close();
  });

  it('the county office reviews what the police reported: returns one with a reason, approves the other', async () => {
    const police = (await loadUser(e.db, e.world.users.get('lk_police')!)) as SessionUser;
    const [meetings, devices] = await reportFigures(e.db, police, {
      periodStart: '2026-10-01', periodEnd: '2026-10-31', source: 'form',
      figures: [{ indicator: 'meetings', value: 6, unit: '次', approx: false }, { indicator: 'elderly_devices', value: 120, unit: '台', approx: false }],
    });
    const page = await consoleLogin(e, 'lk_intake');
    await page.getByRole('menuitem', { name: '上报数字' }).click();
    await page.getByRole('tab', { name: '待审核（2）' }).click();
    const queue = page.getByRole('tabpanel');
    const row = (text: string) => queue.getByRole('row').filter({ hasText: text });
    await row('召开会议').getByRole('button', { name: '退回' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('退回理由').fill('请');
    await dialog.getByRole('button', { name: '退回' }).click();
    await dialog.getByText('请填写退回理由（至少 2 个字）').waitFor();
    await dialog.getByLabel('退回理由').fill('会议次数与台账不符');
    expect(await axe(page)).toEqual([]);
    await dialog.getByRole('button', { name: '退回' }).click();
    // The tag in the visible queue (the other tab's table holds hidden ones too).
    await page.getByText('已退回', { exact: true }).filter({ visible: true }).first().waitFor();
    await row('智能腕表').getByRole('button', { name: '通过' }).click();
    await page.getByText('已审核通过，此后计入统计').waitFor();
    await page.getByRole('tab', { name: '待审核（0）' }).waitFor();
    await shot(page, 'console-9-figures-review');
    const rows = await e.db.query<{ id: number; status: string; review_note: string | null }>('select id, status, review_note from reported_figures where id = any($1::bigint[]) order by id', [[meetings, devices]]);
    expect(rows).toEqual([{ id: meetings, status: 'returned', review_note: '会议次数与台账不符' }, { id: devices, status: 'approved', review_note: null }]);
    await page.getByRole('tab', { name: '已上报' }).click();
    await page.getByText('退回理由：会议次数与台账不符').waitFor();
    await page.context().close();
  });
});
