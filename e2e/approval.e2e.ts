/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axe, chooseOptions, consoleLogin, newPage, shot, startE2E, type E2E } from './harness.ts';
import { loadUser, type SessionUser } from '../server/modules/auth/auth.service.ts';
import { runTipAction } from '../server/modules/tips/tips.actions.service.ts';
import type { TipAction } from '../server/modules/tips/tips.schemas.ts';

/** Opens an action's dialog, fills it, confirms, and waits until it has closed (or says what it shows). */
async function runAction(page: Page, button: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => undefined) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole('button', { name: `确认${button}` }).click();
  await dialog.waitFor({ state: 'detached', timeout: 15_000 }).catch(async (err) => {
    throw new Error(`「${button}」对话框未关闭：${await dialog.innerText().catch(() => '?')}`, { cause: err });
  });
}

/**
 * The chain of responsibility in a real browser (issue 12): handler reports → unit lead approves →
 * county office proposes closing → city office returns it once, then approves → the reporter reads
 * the answer on the portal, and not before.
 */
describe('单位负责人审核 and 上级审核 in the console and on the portal', () => {
  let e: E2E;
  let tip = { id: 0, trackingCode: '', accessKey: '' };
  const as = async (username: string) => (await loadUser(e.db, e.world.users.get(username)!)) as SessionUser;
  const act = async (username: string, action: TipAction) => runTipAction(e.db, await as(username), tip.id, action);
  const track = async () => {
    const page = await newPage(e, 'phone');
    await page.goto(`${e.url}/track`);
    await page.getByLabel('查询码').fill(tip.trackingCode);
    await page.getByLabel('密钥').fill(tip.accessKey);
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.getByTestId('status').waitFor();
    return page;
  };
  const open = async (username: string, todo: string) => {
    const page = await consoleLogin(e, username);
    await page.getByTestId(`todo-${todo}`).click();
    await page.getByText(tip.trackingCode).click();
    await page.getByTestId('tip-status').waitFor();
    return page;
  };

  beforeAll(async () => {
    e = await startE2E();
    // A reporter who names only the city; the city office dispatches to 龙口市's office, which hands it to its police.
    const res = await fetch(`${e.url}/api/public/tips`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ regionCode: '3706', description: '有公司在小区推销“以房养老”理财，让老人抵押房产买理财产品，我父亲已经签了合同。', fraudTypes: ['house_for_pension'], reporter: { anonymous: true } }),
    });
    const r = (await res.json()) as { trackingCode: string; accessKey: string };
    const [{ id }] = await e.db.query<{ id: number }>('select id from tips where tracking_code = $1', [r.trackingCode]);
    tip = { id, ...r };
    const deadline = (d: number) => new Date(Date.now() + d * 86400_000).toISOString();
    await act('yt_intake', { action: 'accept' });
    await act('yt_intake', { action: 'dispatch', leadUnitId: e.world.units.get('370681:campaign_office')!, deadline: deadline(20), instructions: '请龙口市专项办组织核查' });
    await act('lk_intake', { action: 'dispatch', leadUnitId: e.world.units.get('370681:police')!, deadline: deadline(15), instructions: '请公安局核查' });
    await act('lk_police', { action: 'sign' });
  }, 300_000);
  afterAll(() => e?.close());

  it('the handler\'s report is a draft the office cannot see; the unit lead approves it from 待我审核', async () => {
    const police = await open('lk_police', 'to_handle');
    await runAction(police, '反馈结果', async (dialog) => {
      await chooseOptions(police, dialog, '核查结论', ['部分属实'], false);
      // Close the first list before opening the second (under load it can still be open, and the helper would pick from it).
      await dialog.locator('.ant-modal-title').click();
      await police.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' }).catch(() => undefined);
      await chooseOptions(police, dialog, '处理措施', ['约谈'], true);
      await dialog.locator('.ant-modal-title').click();
      await dialog.getByLabel('办理情况').fill('经查，涉事公司未取得金融许可，已约谈负责人，责令解除抵押合同。');
    });
    await police.getByTestId('report-draft').getByText('责令解除抵押合同').waitFor();
    expect(await police.getByTestId('tip-status').innerText()).toBe('办理中');
    await police.context().close();

    // The county office reads nothing of the draft.
    const county = await consoleLogin(e, 'lk_lead');
    await county.goto(`${e.url}/console/tips/${tip.id}`);
    await county.getByText('待单位负责人审核').first().waitFor();
    expect(await county.content()).not.toContain('责令解除抵押合同');
    await county.context().close();

    const unitLead = await open('lk_police_lead', 'to_approve');
    await unitLead.getByTestId('report-draft').waitFor();
    expect(await axe(unitLead)).toEqual([]);
    await shot(unitLead, 'approval-1-draft');
    await runAction(unitLead, '审核通过');
    await unitLead.getByTestId('tip-status').getByText('已反馈结果').waitFor();
    await unitLead.context().close();
  }, 300_000);

  it('the county proposes closing; the reporter reads no answer while the city reviews it', async () => {
    const county = await open('lk_lead', 'to_review');
    await runAction(county, '审核办结', async (dialog) => {
      await dialog.getByText('办结意见将报上级审核').waitFor();
      await dialog.getByLabel(/给举报人的答复/).fill('经核查，您反映的问题部分属实，有关部门已约谈涉事公司负责人。感谢您的举报。');
    });
    await county.getByTestId('tip-status').getByText('办结待上级审核').waitFor();
    await county.context().close();

    const portal = await track();
    expect(await portal.getByTestId('status').innerText()).not.toContain('已办结');
    expect(await portal.content()).not.toContain('约谈涉事公司负责人');
    await portal.context().close();
  }, 300_000);

  it('the city returns the closing once with a reason; the county proposes it again', async () => {
    const city = await open('yt_lead', 'to_review_closure');
    await city.getByTestId('pending-closure').getByText('约谈涉事公司负责人').waitFor();
    expect(await axe(city)).toEqual([]);
    await shot(city, 'approval-2-closure-review');
    await runAction(city, '退回办结意见', async (dialog) => dialog.getByLabel(/退回理由/).fill('请说明已签订的抵押合同如何处理'));
    await city.getByTestId('tip-status').getByText('已反馈结果').waitFor();
    await city.context().close();

    const county = await open('lk_lead', 'to_review');
    await county.getByText('请说明已签订的抵押合同如何处理').first().waitFor();
    await runAction(county, '审核办结', async (dialog) =>
      dialog.getByLabel(/给举报人的答复/).fill('经核查，您反映的问题部分属实，有关部门已约谈涉事公司负责人，责令解除已签订的抵押合同。感谢您的举报。'));
    await county.getByTestId('tip-status').getByText('办结待上级审核').waitFor();
    await county.context().close();
  }, 300_000);

  it('the city approves; only then does the reporter read the answer', async () => {
    const city = await open('yt_lead', 'to_review_closure');
    await runAction(city, '同意办结');
    await city.getByTestId('tip-status').getByText('已办结').waitFor();
    await city.context().close();

    const portal = await track();
    await portal.getByTestId('status').getByText('已办结').waitFor();
    expect(await portal.getByTestId('answer').innerText()).toContain('责令解除已签订的抵押合同');
    expect(await portal.content()).not.toContain('抵押合同如何处理'); // the city's internal return reason
    await shot(portal, 'approval-3-portal-answer');
    await portal.context().close();
  }, 300_000);
});
