/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { axe, chooseOptions, consoleLogin, shot, startE2E, type E2E } from './harness.ts';
import { loadUser, type SessionUser } from '../server/modules/auth/auth.service.ts';
import { runTipAction } from '../server/modules/tips/tips.actions.service.ts';
import type { TipAction } from '../server/modules/tips/tips.schemas.ts';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n% 协办材料');
const LONG = `鑫泰健康科技有限公司在紫藤花园小区开办免费养生讲座，${'以赠送鸡蛋为名吸引老人参加，随后推销所谓能治高血压的保健品，'.repeat(5)}我母亲先后花了两万元，至今未退。`;

/** Opens an action's dialog, fills it, confirms, and waits until it has closed (or says what it shows). */
async function runAction(page: Page, button: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole('button', { name: `确认${button}` }).click();
  await dialog.waitFor({ state: 'detached', timeout: 15_000 }).catch(async (err) => {
    throw new Error(`「${button}」对话框未关闭：${await dialog.innerText().catch(() => '?')}`, { cause: err });
  });
}

/** Issue 8, console items 7 and 8: a list an office can work from, and work that fits each role. */
describe('console: list total, ledger export, assisting report, send back, close from the report', () => {
  let e: E2E;
  const as = async (username: string) => (await loadUser(e.db, e.world.users.get(username)!)) as SessionUser;
  const act = async (username: string, id: number, action: TipAction) => runTipAction(e.db, await as(username), id, action);
  const submit = async (description: string, extra: Record<string, unknown> = {}) => {
    const res = await fetch(`${e.url}/api/public/tips`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ regionCode: '370681001', description, fraudTypes: ['elderly_product'], reporter: { anonymous: true }, ...extra }),
    });
    const { trackingCode } = (await res.json()) as { trackingCode: string };
    const [{ id }] = await e.db.query<{ id: number }>('select id from tips where tracking_code = $1', [trackingCode]);
    return { id, trackingCode };
  };
  /** A tip the county office has dispatched to police (lead) with market regulation assisting. */
  const dispatched = async (description: string, extra: Record<string, unknown> = {}) => {
    const tip = await submit(description, extra);
    await act('lk_intake', tip.id, { action: 'accept' });
    await act('lk_intake', tip.id, {
      action: 'dispatch', leadUnitId: e.world.units.get('370681:police')!, assistingUnitIds: [e.world.units.get('370681:market_regulation')!],
      deadline: new Date(Date.now() + 10 * 86400_000).toISOString(), instructions: '请公安局牵头核查，市场监管局协助',
    });
    return tip;
  };

  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  it('the tip list shows its total for the filter, and the export is the full ledger with the whole description', async () => {
    await submit('有人在老年活动中心推销理疗仪，说能包治百病，价格高达三万元。');
    await submit('某旅行社组织老人低价旅游，途中强制购买高价玉器和保健品。');
    const long = await dispatched(LONG, { subject: { name: '鑫泰健康科技有限公司' }, amountInvolved: 20000, victimCount: 7 });

    const page = await consoleLogin(e, 'lk_intake');
    await page.goto(`${e.url}/console/tips`);
    await page.getByTestId('tip-total').getByText('共 3 条').waitFor();
    await page.getByLabel('搜索').fill('理疗仪');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByTestId('tip-total').getByText('共 1 条').waitFor();
    expect(await page.locator('tbody tr.ant-table-row').count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'console-work-1-total');

    await page.getByRole('button', { name: '清空' }).click();
    await page.getByTestId('tip-total').getByText('共 3 条').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 Excel' }).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    for (const h of ['查询码', '来源', '收到时间', '地区', '类型', '被反映对象', '涉及金额（元）', '受害人数', '受理单位', '主办单位', '协办单位', '办理时限', '状态', '核查结论', '处理措施', '办结日期', '答复内容', '举报人评价', '线索描述']) {
      expect(headers, h).toContain(h);
    }
    const rows = (sheet.getSheetValues() as unknown[][]).slice(2).filter(Boolean).map((v) => Object.fromEntries(headers.map((h, i) => [h, v[i + 1]])));
    expect(rows).toHaveLength(3);
    const row = rows.find((r) => r['查询码'] === long.trackingCode)!;
    expect(row).toMatchObject({ 线索描述: LONG, 被反映对象: '鑫泰健康科技有限公司', '涉及金额（元）': 20000, 受害人数: 7, 主办单位: '龙口市公安局', 协办单位: '龙口市市场监督管理局', 状态: '已交办' });
    expect(row['地区']).toMatch(/^山东省 \/ 烟台市 \/ 龙口市/);
    await page.context().close();
  });

  it('the assisting unit reports its part with a document, and the lead unit sees it', async () => {
    const tip = await dispatched('某公司以养老服务为名收取老人会员费，承诺高额返利后失联。');
    const page = await consoleLogin(e, 'lk_market_regulation');
    await page.goto(`${e.url}/console/tips/${tip.id}`);
    await runAction(page, '协办反馈', async (dialog) => {
      await chooseOptions(page, dialog, '核查结论', ['部分属实'], false);
      await dialog.getByLabel('协办情况').fill('已配合检查涉事门店，发现虚假宣传材料，已责令整改。');
      await dialog.locator('input[type=file]').setInputFiles({ name: '检查笔录.pdf', mimeType: 'application/pdf', buffer: PDF });
      await dialog.locator('.ant-upload-list-item-done').waitFor();
    });
    await page.getByText('已协办反馈').waitFor();
    expect(await page.getByRole('button', { name: '协办反馈', exact: true }).count()).toBe(0);
    await page.context().close();
    // 单位负责人审核: the market regulation bureau's lead approves its part before the others read it.
    await act('lk_market_regulation_lead', tip.id, { action: 'approve_report' });

    const lead = await consoleLogin(e, 'lk_police');
    await lead.goto(`${e.url}/console/tips/${tip.id}`);
    const [{ id: assistId }] = await e.db.query<{ id: number }>(`select id from tip_assignments where tip_id = $1 and role = 'assist'`, [tip.id]);
    const report = lead.getByTestId(`report-${assistId}`);
    await report.getByText('已配合检查涉事门店').waitFor();
    const link = report.getByRole('link', { name: '附件1' });
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^/api/tips/${tip.id}/attachments/`));
    await lead.getByText('协办反馈').first().waitFor();
    expect(await axe(lead)).toEqual([]);
    await shot(lead, 'console-work-2-assist-report');
    await lead.context().close();
  });

  it('a handler sends a wrongly routed tip back to the dispatcher with a reason', async () => {
    const tip = await dispatched('有人冒充社保局工作人员，以办理养老保险补缴为名骗取老人钱财。');
    const page = await consoleLogin(e, 'lk_police');
    await page.goto(`${e.url}/console/tips/${tip.id}`);
    await runAction(page, '退回交办单位', async (dialog) => {
      await dialog.getByLabel('退回交办的理由').fill('属社保经办业务，不属公安机关职责，请改交人社部门');
    });
    await page.getByTestId('tip-status').getByText('已受理').waitFor();
    await page.context().close();

    const office = await consoleLogin(e, 'lk_intake');
    await office.goto(`${e.url}/console/tips/${tip.id}`);
    await office.getByText('属社保经办业务，不属公安机关职责，请改交人社部门').waitFor();
    await office.getByRole('button', { name: '交办', exact: true }).waitFor();
    await office.context().close();
  });

  it('the close dialog is pre-filled from the lead unit\'s report, and the edited answer is what is sent', async () => {
    const tip = await dispatched('某养老院以预存床位费享受优惠为名，收取多名老人押金后拒绝退还。');
    await act('lk_police', tip.id, { action: 'sign' });
    await act('lk_police', tip.id, { action: 'report', verdict: 'true', measures: ['case_filed'], case: { caseNo: '龙公立〔2026〕E1号', title: '养老院负责人涉嫌诈骗案', origin: 'new', fraudTypes: [], gang: false, filedOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10) }, summary: '经查，该养老院负责人已被立案侦查，涉案资金已冻结。' });
    await act('lk_police_lead', tip.id, { action: 'approve_report' });
    const page = await consoleLogin(e, 'lk_lead');
    await page.goto(`${e.url}/console/tips/${tip.id}`);
    await runAction(page, '审核办结', async (dialog) => {
      const answer = dialog.getByLabel('给举报人的答复（举报人可见）');
      const draft = await answer.inputValue();
      expect(draft).toContain('龙口市公安局');
      expect(draft).toContain('经核查，反映情况属实，已采取以下措施：立案侦查');
      expect(draft).toContain('涉案资金已冻结');
      expect(await axe(page)).toEqual([]);
      await shot(page, 'console-work-3-close-draft');
      await answer.fill(draft.replace('感谢您', '如有新的线索请继续反映。感谢您'));
    });
    await page.getByTestId('tip-status').getByText('已办结').waitFor();
    await page.getByText('如有新的线索请继续反映。').first().waitFor();
    await page.context().close();
  });
});
