/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { axe, consoleLogin, shot, startE2E, type E2E } from './harness.ts';

/**
 * Staff find tips by what they see and read the console in words (issue 8, console items 5 and 6):
 * merge by the tracking code on screen, the region filter by place name (and a bad link explained),
 * who reported for whom, the audit log in Chinese, notices that name their tip with a link.
 */
describe('console: find tips by what staff see, read it in words', () => {
  let e: E2E;
  const tips: Record<'a' | 'b' | 'other', { id: number; code: string }> = {} as never;
  let townName = '';
  beforeAll(async () => {
    e = await startE2E();
    const submit = async (body: object) => {
      const r = await fetch(`${e.url}/api/public/tips`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const { trackingCode } = (await r.json()) as { trackingCode: string };
      const [{ id }] = await e.db.query<{ id: number }>('select id from tips where tracking_code = $1', [trackingCode]);
      return { id, code: trackingCode };
    };
    // A daughter reports for her mother 张桂兰; a neighbour reports the same salesman's phone in another town.
    tips.a = await submit({
      regionCode: '370681001', fraudTypes: ['elderly_product'],
      description: '有人在小区开讲座推销保健品，留的电话13955556666，我母亲张桂兰花了两万元。',
      reporter: { anonymous: false, name: '李秀英', phone: '13812345678', onBehalfOf: { name: '张桂兰', relation: '女儿' } },
    });
    tips.b = await submit({
      regionCode: '370681002', fraudTypes: ['elderly_product'],
      description: '推销员用电话13955556666约老人听讲座，卖所谓能治百病的保健品，邻居被骗三万元。',
      reporter: { anonymous: true },
    });
    tips.other = await submit({ regionCode: '370681001', description: '有人冒充社保局工作人员打电话，说要交钱才能领养老金。', reporter: { anonymous: true } });
    [{ name: townName }] = await e.db.query<{ name: string }>(`select name from regions where code = '370681002'`);
  });
  afterAll(() => e?.close());

  /** Types into an Ant Design search select and picks the option holding `option`, making sure it took. */
  async function pickSearched(page: Page, field: Locator, typed: string, option: string | RegExp) {
    const dropdown = page.locator('.ant-select-dropdown:visible');
    for (let attempt = 0; ; attempt++) {
      await field.click();
      await field.fill(typed);
      const item = dropdown.locator('.ant-select-item-option', { hasText: option }).first();
      if (await item.waitFor({ timeout: 5000 }).then(() => true, () => false)) {
        await item.click();
        await dropdown.waitFor({ state: 'detached', timeout: 3000 }).catch(() => undefined);
        return;
      }
      if (attempt === 2) throw new Error(`没有出现选项「${String(option)}」：${await dropdown.innerText().catch(() => '无下拉')}`);
    }
  }

  it('the detail says who reported for whom, links other tips by tracking code, and merges by tracking code', async () => {
    const page = await consoleLogin(e, 'lk_intake');
    await page.goto(`${e.url}/console/tips/${tips.a.id}`);
    await page.getByRole('heading', { name: `线索 ${tips.a.code}` }).waitFor();

    // The reporter (李**) is the elder's daughter, reporting for 张** — not "代女儿 张** 举报".
    const behalf = page.getByTestId('on-behalf');
    await behalf.waitFor();
    expect(await behalf.innerText()).toBe('代老人 张** 举报（举报人与老人的关系：女儿）');
    expect(await page.locator('body').innerText()).not.toContain('代女儿');

    // The other tip naming the same phone is linked by its tracking code, never by an internal id.
    const link = page.getByTestId('link').getByRole('link', { name: tips.b.code });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/console/tips/${tips.b.id}`);
    expect(await page.getByTestId('link').innerText()).not.toContain(`#${tips.b.id}`);

    // 并案: find the target by typing its tracking code, as it reads on screen.
    await page.getByRole('button', { name: '并案', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await pickSearched(page, dialog.getByLabel(/并入的线索/), tips.b.code, tips.b.code);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'console-find-merge');
    await dialog.getByRole('button', { name: '确认并案' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('tip-status').getByText('已并案').waitFor();
    const merged = page.getByRole('link', { name: `线索 ${tips.b.code}` });
    await merged.waitFor();
    const [{ into }] = await e.db.query<{ into: number }>('select merged_into_id as into from tips where id = $1', [tips.a.id]);
    expect(into).toBe(tips.b.id);
    await merged.click();
    await page.getByRole('heading', { name: `线索 ${tips.b.code}` }).waitFor();

    // Words find a tip too: the picker searches the tips this user may see.
    await page.goto(`${e.url}/console/tips/${tips.other.id}`);
    await page.getByRole('button', { name: '并案', exact: true }).click();
    await pickSearched(page, page.getByRole('dialog').getByLabel(/并入的线索/), '保健品', tips.b.code);
    await page.context().close();
  });

  it('filters the list by a place name, keeps it on reload, and explains a bad region in the link', async () => {
    const page = await consoleLogin(e, 'lk_intake');
    await page.goto(`${e.url}/console/tips`);
    await page.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByLabel('地区代码').count()).toBe(0);
    await pickSearched(page, page.getByLabel('地区', { exact: true }), townName, `山东省 / 烟台市 / 龙口市 / ${townName}`);
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/regionCode=370681002/);
    await page.locator('tbody tr.ant-table-row').first().waitFor();
    const rows = page.locator('tbody tr.ant-table-row');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain(tips.b.code);
    // The field shows the place, not its code, after a reload of the link.
    await page.reload();
    const field = page.locator('.ant-form-item', { has: page.getByLabel('地区', { exact: true }) });
    await field.getByText(`山东省 / 烟台市 / 龙口市 / ${townName}`).waitFor();
    expect(await field.innerText()).not.toContain('370681002');
    expect(await axe(page)).toEqual([]);
    await shot(page, 'console-find-region-filter');

    // A hand-edited link: the form stays, and it says what is wrong, in Chinese.
    for (const [value, words] of [['abc', '地区无效'], ['999999', '没有这个地区']]) {
      await page.goto(`${e.url}/console/tips?regionCode=${value}&q=${encodeURIComponent('保健品')}`);
      await page.locator('.ant-form-item-explain-error', { hasText: words }).waitFor();
      await page.getByRole('alert').filter({ hasText: words }).first().waitFor();
      expect(await page.getByLabel('搜索').inputValue()).toBe('保健品');
      expect(await page.locator('tbody tr.ant-table-row').count()).toBe(0);
    }
    await shot(page, 'console-find-region-bad');
    await page.context().close();
  });

  it('a notice names its tip by tracking code and first words, and links to it', async () => {
    const clerk = await consoleLogin(e, 'lk_intake');
    const market = e.world.units.get('370681:market_regulation')!;
    const post = (body: object) =>
      clerk.evaluate(async ([id, b]) => (await fetch(`/api/tips/${id}/actions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) })).status, [tips.b.id, body] as const);
    expect(await post({ action: 'accept' })).toBe(200);
    expect(await post({ action: 'dispatch', leadUnitId: market, deadline: new Date(Date.now() + 5 * 86400_000).toISOString(), instructions: '请核查' })).toBe(200);
    await clerk.context().close();

    const handler = await consoleLogin(e, 'lk_market_regulation');
    const notice = handler.getByTestId('notice').filter({ hasText: '收到交办线索' }).first();
    await notice.waitFor();
    const link = notice.getByRole('link', { name: new RegExp(`线索 ${tips.b.code}：推销员用电话`) });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/console/tips/${tips.b.id}`);
    expect(await axe(handler)).toEqual([]);
    await shot(handler, 'console-find-notice');
    await link.click();
    await handler.getByRole('heading', { name: `线索 ${tips.b.code}` }).waitFor();
    await handler.context().close();
  });

  it('routing rules show and take region names', async () => {
    const page = await consoleLogin(e, 'sd_admin');
    await page.getByRole('tab', { name: '分流规则' }).click();
    await page.getByRole('cell', { name: '全国', exact: true }).first().waitFor();
    await page.getByRole('button', { name: '新增或修改规则' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel('线索类型').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('以销售"养老产品"为名', { exact: true }).click();
    await pickSearched(page, dialog.getByLabel(/适用地区/), '龙口', '山东省 / 烟台市 / 龙口市');
    await dialog.getByLabel('主办单位类型').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('市场监管', { exact: false }).first().click();
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: '山东省 / 烟台市 / 龙口市', exact: true }).waitFor();
    const rules = page.locator('table', { has: page.getByRole('cell', { name: '山东省 / 烟台市 / 龙口市', exact: true }) });
    expect(await rules.innerText()).not.toMatch(/\b370681\b/);
    await page.context().close();
  });

  it('the audit log reads in Chinese: actions, objects, people, units and details; filters by action and tracking code', async () => {
    const page = await consoleLogin(e, 'sd_auditor');
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    const table = page.locator('.ant-table');
    await table.getByText('并案', { exact: true }).first().waitFor();
    const text = await table.innerText();
    // No raw action codes (tip.accepted, admin.user_created …) or object types (tip, user).
    expect(text).not.toMatch(/\b(tip|auth|admin|routing|hazard)\.[a-z_]+/);
    expect(text).not.toMatch(/\b(tip|user|unit) \d+/);
    expect(text).toContain(`并入线索：${tips.b.code}`);
    expect(text).toMatch(/主办单位：龙口市市场监督管理局/);
    expect(text).toMatch(/龙口市打击整治养老诈骗专项行动办公室|龙口市.*专项/);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'console-find-audit');

    // Filters in Chinese: a select of actions, a person's name, a tip's tracking code.
    await page.getByLabel('操作', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('交办', { exact: true }).click();
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('tbody tr.ant-table-row')].every((r) => r.textContent?.includes('交办')));
    const actions = await page.locator('tbody tr.ant-table-row td:nth-child(3)').allInnerTexts();
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(['交办']));

    await page.getByRole('button', { name: '清空' }).click();
    await page.getByLabel('线索查询码').fill(tips.a.code);
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForFunction((code) => {
      const rows = [...document.querySelectorAll('tbody tr.ant-table-row')];
      return rows.length > 0 && rows.every((r) => r.textContent?.includes(code));
    }, tips.a.code);
    expect(new Set(await page.locator('tbody tr.ant-table-row td:nth-child(3)').allInnerTexts())).toEqual(new Set(['收到线索', '并案']));
    await page.context().close();
  });
});
