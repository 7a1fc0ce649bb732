/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, chooseOptions, consoleLogin, shot, startE2E, type E2E } from './harness.ts';

describe('console pages: list, dashboard, administration, audit', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
    // A few tips to list and chart.
    for (const [i, regionCode] of ['370681001', '370681002', '370681'].entries()) {
      await fetch(`${e.url}/api/public/tips`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ regionCode, description: `第${i}条：鑫泰财富投资有限公司以投资养老公寓为名，承诺高额回报骗取老人钱财。`, fraudTypes: ['elderly_project'], reporter: { anonymous: true } }),
      });
    }
  });
  afterAll(() => e?.close());

  it('lists, filters, saves a view and exports; the dashboard draws its charts', async () => {
    const page = await consoleLogin(e, 'lk_intake');
    await page.goto(`${e.url}/console/tips`);
    await page.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.locator('tbody tr.ant-table-row').count()).toBe(3);
    await page.getByLabel('搜索').fill('养老公寓');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/q=/);
    await page.getByLabel('视图名称').fill('养老公寓线索');
    await page.getByRole('button', { name: '保存当前筛选为视图' }).click();
    expect(await page.evaluate(() => localStorage.getItem('shouhu.console.views'))).toContain('养老公寓线索');
    expect(await axe(page)).toEqual([]);
    await shot(page, 'console-5-list');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

    // The detail shows the analysis and the tips naming the same company.
    await page.locator('tbody tr.ant-table-row').first().click();
    // The type line reads "以投资"养老项目"为名（76%）"; the signs line may name the type too.
    await page.getByTestId('analysis').getByText(/^以投资"养老项目"为名（\d+%）/).waitFor();
    await page.getByTestId('link').first().getByText('这家单位还被 2 条线索提及').waitFor();
    expect(await axe(page)).toEqual([]);

    await page.goto(`${e.url}/console/dashboard`);
    await page.getByRole('img', { name: '每日收到与办结线索数折线图' }).locator('canvas').waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'console-6-dashboard');
    await page.context().close();
  });

  it('an administrator manages units, users and routing rules; an auditor reads the log', async () => {
    // sd_admin holds only the admin role: the console opens on administration.
    const page = await consoleLogin(e, 'sd_admin');
    await page.getByRole('tab', { name: '单位' }).waitFor();
    await page.getByText('龙口市公安局').waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'console-7-admin-units');

    await page.getByRole('tab', { name: '用户' }).click();
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('lk_new_clerk');
    await dialog.getByLabel('姓名').fill('新受理员');
    await dialog.getByLabel('单位').fill('龙口市打击');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
    await chooseOptions(page, dialog, '角色', ['受理员']);
    // The multiple select stays open until the next field takes focus (filled below).
    await dialog.getByLabel('初始密码').fill('weak');
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.getByText('密码至少 10 位').waitFor();
    await dialog.getByLabel('初始密码').fill('Clerk-Passw0rd-1');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText('用户已创建').waitFor();
    await page.getByRole('cell', { name: 'lk_new_clerk' }).waitFor();
    // Let the dialog finish closing: axe on a half-faded modal reports its fading text.
    await dialog.waitFor({ state: 'hidden' });
    expect(await axe(page)).toEqual([]);
    await shot(page, 'console-8-admin-users');

    await page.getByRole('tab', { name: '分流规则' }).click();
    await page.getByRole('cell', { name: '全国' }).first().waitFor();
    expect(await page.getByRole('cell', { name: '全国', exact: true }).count()).toBe(6); // the six default rules
    await page.context().close();

    const auditor = await consoleLogin(e, 'sd_auditor');
    await auditor.getByRole('heading', { name: '审计日志' }).waitFor();
    await auditor.getByText('新建用户', { exact: true }).first().waitFor();
    expect(await axe(auditor)).toEqual([]);
    await auditor.context().close();
  });
});
