/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axe, chooseOptions, consoleLogin, elderChecks, newPage, shot, startE2E, type E2E } from './harness.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5f0000000049454e44ae426082', 'hex');

/**
 * Picks an option of an Ant Design select in a dialog and waits until its dropdown has gone. A
 * multiple select stays open, so a click on the dialog's title closes it (Escape could close the
 * dialog itself).
 */
async function pickOption(page: Page, label: string | RegExp, option: string, multiple = false) {
  await chooseOptions(page, page, label, [option], multiple);
  if (multiple) await page.getByRole('dialog').locator('.ant-modal-title').click();
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
}

async function runAction(page: Page, button: string, fill: (p: Page) => Promise<void> = async () => undefined) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill(page);
  await dialog.getByRole('button', { name: `确认${button}` }).click();
  // When the dialog stays, say what it shows (a validation or server message) instead of only timing out.
  await dialog.waitFor({ state: 'detached', timeout: 15_000 }).catch(async (err) => {
    throw new Error(`「${button}」对话框未关闭：${await dialog.innerText().catch(() => '?')}`, { cause: err });
  });
}

describe('the whole tip journey in a real browser', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  let trackingCode = '';
  let accessKey = '';

  it('a citizen reports anonymously with a photo on a phone', async () => {
    const page = await newPage(e, 'phone');
    await page.goto(e.url);
    await page.getByRole('heading', { name: '发现养老诈骗，请告诉我们' }).waitFor();
    expect(await axe(page)).toEqual([]);
    expect(await elderChecks(page)).toEqual([]);
    await shot(page, 'portal-1-home-360');
    await page.getByRole('button', { name: '大字' }).click();
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBeGreaterThanOrEqual(22);
    expect(await elderChecks(page)).toEqual([]);
    await shot(page, 'portal-1-home-large-360');
    await page.getByRole('button', { name: '标准字' }).click();

    await page.getByRole('button', { name: '我要举报' }).click();
    await page.getByText('第 1 步，共 4 步').waitFor();
    // Next without answers: plain messages next to the fields.
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('请选择一种情况').waitFor();
    await page.getByText('保健品、理疗仪骗局').click();
    await page.getByLabel('省（自治区、直辖市）').selectOption({ label: '山东省' });
    await page.getByLabel('市', { exact: true }).selectOption({ label: '烟台市' });
    expect(await axe(page)).toEqual([]);
    expect(await elderChecks(page)).toEqual([]);
    await shot(page, 'portal-2-step1-360');
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByText('第 2 步，共 4 步').waitFor();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('请至少用 10 个字说说经过').waitFor();
    await page.getByLabel('发生了什么？').fill('小区里有人天天开免费讲座，送鸡蛋，然后推销保健品，说能治高血压，我母亲已经花了两万元。');
    await page.getByLabel('对方公司或人的名字').fill('御康堂保健品经营部');
    await page.getByLabel('涉及多少钱').fill('20000');
    // A wrong file type is refused with a plain message; the photo uploads with progress.
    await page.locator('input[type=file]:not([capture])').setInputFiles({ name: 'virus.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('MZ this is not a photo at all') });
    await page.getByText('只能上传照片').waitFor();
    await page.getByRole('button', { name: '删除' }).click();
    await page.locator('input[type=file]:not([capture])').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('已上传').waitFor();
    expect(await axe(page)).toEqual([]);
    expect(await elderChecks(page)).toEqual([]);
    await shot(page, 'portal-3-step2-360');
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByText('第 3 步，共 4 步').waitFor();
    // Back keeps what was typed.
    await page.getByRole('button', { name: '上一步' }).click();
    expect(await page.getByLabel('对方公司或人的名字').inputValue()).toBe('御康堂保健品经营部');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('匿名举报', { exact: true }).click();
    expect(await axe(page)).toEqual([]);
    expect(await elderChecks(page)).toEqual([]);
    await shot(page, 'portal-4-step3-360');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('第 4 步，共 4 步').waitFor();
    expect(await axe(page)).toEqual([]);
    expect(await elderChecks(page)).toEqual([]);
    await shot(page, 'portal-4c-review-360');
    await page.getByRole('button', { name: '提交举报' }).click();

    await page.getByRole('heading', { name: '举报已提交' }).waitFor();
    trackingCode = (await page.getByTestId('tracking-code').innerText()).replace(/\s/g, '');
    accessKey = (await page.getByTestId('access-key').innerText()).replace(/\s/g, '');
    expect(trackingCode).toMatch(/^\d{12}$/);
    expect(accessKey).toMatch(/^\d{16}$/);
    expect(await axe(page)).toEqual([]);
    expect(await elderChecks(page)).toEqual([]);
    await shot(page, 'portal-5-done-360');
    // The draft is gone once the tip is safely in.
    expect(await page.evaluate(() => localStorage.getItem('shouhu.report.draft'))).toBeNull();
    await page.context().close();
  });

  it('the city office accepts and dispatches to the county office, which re-dispatches to police', async () => {
    const city = await consoleLogin(e, 'yt_intake');
    expect(await axe(city)).toEqual([]);
    await shot(city, 'console-1-workbench');
    await city.getByTestId('todo-to_accept').click();
    await city.getByText(trackingCode).click();
    await city.getByTestId('tip-status').getByText('待受理').waitFor();
    expect(await axe(city)).toEqual([]);
    await shot(city, 'console-2-tip-detail');
    await runAction(city, '受理');
    await city.getByTestId('tip-status').getByText('已受理').waitFor();
    // The default time limit: 15 days from today, at 17:30 Beijing time (not 17:30 of the browser's zone: UTC here).
    // Beijing's day is read on both sides of the form, so a run across midnight still knows what to expect.
    const dueOn = () => new Date(Date.now() + 8 * 3600_000 + 15 * 86400_000).toISOString().slice(0, 10);
    const dueBefore = dueOn();
    await runAction(city, '交办', async (p) => {
      await p.getByLabel(/主办单位/).fill('龙口市打击');
      await p.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper').filter({ hasText: '龙口市打击' }).first().click();
      await p.getByLabel('交办要求').fill('请龙口市专项办组织核查');
    });
    await city.getByTestId('tip-status').getByText('已交办').waitFor();
    const [{ deadline }] = await e.db.query<{ deadline: Date }>(`select deadline_at as deadline from tips where tracking_code = $1`, [trackingCode]);
    expect([dueBefore, dueOn()].map((d) => new Date(`${d}T17:30:00+08:00`).toISOString())).toContain(new Date(deadline).toISOString());
    // The page shows it in Beijing time too, though the browser is on UTC: 17:30, not 09:30.
    const due = [dueBefore, dueOn()].find((d) => Date.parse(`${d}T17:30:00+08:00`) === new Date(deadline).getTime());
    await city.getByRole('cell', { name: `${due} 17:30`, exact: true }).first().waitFor();
    await city.context().close();

    const county = await consoleLogin(e, 'lk_intake');
    await county.getByTestId('todo-to_sign').click();
    await county.getByText(trackingCode).click();
    await runAction(county, '交办', async (p) => {
      await p.getByLabel(/主办单位/).fill('龙口市公安局');
      await p.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper').filter({ hasText: '龙口市公安局' }).first().click();
      await p.getByLabel('交办要求').fill('请公安局核查');
    });
    await county.getByText('龙口市公安局').first().waitFor();
    await county.context().close();
  });

  it('police signs and reports; the county returns it; police reports again; the county closes it', async () => {
    let police = await consoleLogin(e, 'lk_police');
    await police.getByTestId('todo-to_sign').click();
    await police.getByText(trackingCode).click();
    await runAction(police, '签收');
    await police.getByTestId('tip-status').getByText('办理中').waitFor();
    const report = async (summary: string, caseNo?: string) =>
      runAction(police, '反馈结果', async (p) => {
        await pickOption(p, '核查结论', '属实');
        await pickOption(p, '处理措施', '立案侦查', true);
        await p.getByLabel('办理情况').fill(summary);
        // 立案侦查 files the case in the same step (行刑衔接); the second report finds the tip already linked.
        if (caseNo) {
          await p.getByLabel('案件编号').fill(caseNo);
          await p.getByLabel('案件名称').fill('以“养老服务”为名非法收取会员费案');
        }
      });
    await report('经查属实，已立案侦查。', `龙公（刑）立字〔2026〕${String(Date.now() % 100_000).padStart(5, '0')}号`);
    // 单位负责人审核: the report waits for the police unit's lead, who approves it from 待我审核.
    await police.getByTestId('report-draft').waitFor();
    const approve = async () => {
      const unitLead = await consoleLogin(e, 'lk_police_lead');
      await unitLead.getByTestId('todo-to_approve').click();
      await unitLead.getByText(trackingCode).click();
      await runAction(unitLead, '审核通过');
      await unitLead.getByTestId('tip-status').getByText('已反馈结果').waitFor();
      await unitLead.context().close();
    };
    await approve();

    const lead = await consoleLogin(e, 'lk_lead');
    await lead.getByTestId('todo-to_review').click();
    await lead.getByText(trackingCode).click();
    await runAction(lead, '退回重办', async (p) => p.getByLabel('退回理由').fill('请补充涉案资金流向'));
    await lead.getByTestId('tip-status').getByText('办理中').waitFor();

    // A fresh session for the second round, as the handler would come back to it later.
    await police.context().close();
    police = await consoleLogin(e, 'lk_police');
    await police.getByTestId('todo-to_handle').click();
    await police.getByText(trackingCode).click();
    await report('已查明资金流向，涉案两万元，已立案侦查。');
    await approve();
    await lead.reload();
    await runAction(lead, '审核办结', async (p) => p.getByLabel(/给举报人的答复/).fill('经核查，您反映的问题属实，公安机关已立案侦查。感谢您的举报。'));
    // 上级审核: the city dispatched it, so the county's closing waits for the city.
    await lead.getByTestId('tip-status').getByText('办结待上级审核').waitFor();
    const city = await consoleLogin(e, 'yt_lead');
    await city.getByTestId('todo-to_review_closure').click();
    await city.getByText(trackingCode).click();
    await runAction(city, '同意办结');
    await city.getByTestId('tip-status').getByText('已办结').waitFor();
    await city.context().close();
    await lead.reload();
    await lead.getByTestId('tip-status').getByText('已办结').waitFor();
    await shot(lead, 'console-3-closed');
    await police.context().close();
    await lead.context().close();
  });

  it('the citizen reads the answer and rates it; a wrong key gets a plain message', async () => {
    const page = await newPage(e, 'phone');
    await page.goto(`${e.url}/track`);
    await page.getByRole('heading', { name: '查询办理进度' }).waitFor();
    expect(await axe(page)).toEqual([]);
    expect(await elderChecks(page)).toEqual([]);
    await shot(page, 'portal-6-track-form-360');
    await page.getByLabel('查询码').fill(trackingCode);
    await page.getByLabel('密钥').fill('0000000000000000');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.getByText('查询码或密钥不对').waitFor();
    await page.getByLabel('密钥').fill(accessKey);
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.getByTestId('status').getByText('已办结').waitFor();
    expect(await page.getByTestId('answer').innerText()).toContain('公安机关已立案侦查');
    expect(await page.content()).not.toContain('资金流向'); // internal return reason
    expect(await axe(page)).toEqual([]);
    expect(await elderChecks(page)).toEqual([]);
    await shot(page, 'portal-6-track-360');
    await page.getByRole('button', { name: '满意', exact: true }).click();
    await page.getByText('感谢您的评价').waitFor();
    await page.context().close();
  });
});
