/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, consoleLogin, newPage, shot, startE2E, type E2E } from './harness.ts';

describe('reporting on behalf of an elder, identity reveal, jurisdiction, and bad input in the browser', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  it('a draft kept from an earlier visit drops files the server has removed since, and says so', async () => {
    const page = await newPage(e, 'phone');
    await page.goto(`${e.url}/`);
    const now = Date.now();
    await page.evaluate((at) => localStorage.setItem('shouhu.report.draft', JSON.stringify({
      step: 2, kind: 'elderly_service', description: '上周在社区讲座交了两万元', idempotencyKey: crypto.randomUUID(), savedAt: at - 3600_000,
      attachments: [
        { id: crypto.randomUUID(), name: '昨天的收据.jpg', size: 200_000, uploadedAt: at - 26 * 3600_000 },
        { id: crypto.randomUUID(), name: '刚拍的照片.jpg', size: 300_000, uploadedAt: at - 10 * 60_000 },
        { id: crypto.randomUUID(), name: '旧版草稿里的文件.jpg', size: 100_000 },
      ],
    })), now);
    await page.goto(`${e.url}/report`);
    await page.getByText('您上次上传的 2 个文件已过期').waitFor();
    await page.getByText('刚拍的照片.jpg').waitFor();
    expect(await page.getByText('昨天的收据.jpg').count()).toBe(0);
    const kept = JSON.parse((await page.evaluate(() => localStorage.getItem('shouhu.report.draft')))!).attachments.map((a: { name: string }) => a.name);
    expect(kept).toEqual(['刚拍的照片.jpg']);

    // A draft (it may hold the reporter's name, phone and ID number) left for more than 7 days on a
    // shared phone is removed unread.
    await page.evaluate((at) => localStorage.setItem('shouhu.report.draft', JSON.stringify({
      step: 3, kind: 'elderly_service', description: '一周多以前写了一半的举报', idempotencyKey: crypto.randomUUID(), savedAt: at - 8 * 24 * 3600_000, attachments: [],
    })), Date.now());
    await page.reload();
    await page.getByRole('heading', { name: '遇到了哪种情况？' }).waitFor();
    expect(await page.getByText('一周多以前写了一半的举报').count()).toBe(0);
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('shouhu.report.draft')))!).description).toBe('');
    await page.context().close();
  });

  it('a named report on behalf of an elder survives a network failure and is not submitted twice', async () => {
    const page = await newPage(e, 'phone');
    await page.goto(`${e.url}/report`);
    await page.getByText('养老服务骗局').click();
    await page.getByLabel('省（自治区、直辖市）').selectOption({ label: '山东省' });
    await page.getByLabel('市', { exact: true }).selectOption({ label: '烟台市' });
    await page.getByLabel('区、县（知道就选）').selectOption({ label: '龙口市' });
    await page.getByRole('button', { name: '下一步' }).click();
    // Oversized and malformed fields get plain messages next to them.
    await page.getByLabel('发生了什么？').fill('骗'.repeat(5001));
    await page.getByLabel('对方的电话').fill('12345');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('最多 5000 字，现在有 5001 字').waitFor();
    await page.getByText('电话号码不对').waitFor();
    await page.getByLabel('发生了什么？').fill('我母亲在福寿康养老服务有限公司交了三万元床位预订费，说养老院明年开业，现在联系不上了。');
    await page.getByLabel('对方的电话').fill('13912345678');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('替老人举报').click();
    await page.getByLabel('您的姓名').fill('王建国');
    await page.getByLabel('您的电话').fill('13812345678');
    await page.getByLabel('老人的姓名').fill('王秀英');
    await page.getByLabel('您和老人的关系').fill('儿子');
    await shot(page, 'portal-4b-behalf-360');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: '请核对' }).waitFor();

    // The first submit dies on the network; the draft is kept; the retry carries the same key.
    let attempts = 0;
    const keys: string[] = [];
    await page.route('**/api/public/tips', async (route) => {
      attempts++;
      keys.push(route.request().headers()['idempotency-key']);
      if (attempts === 1) {
        await route.fetch(); // the server did receive and store it ...
        return route.abort('connectionreset'); // ... but the answer never arrived
      }
      return route.continue();
    });
    await page.getByRole('button', { name: '提交举报' }).click();
    await page.getByText('网络连接失败，您填写的内容已保存').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('shouhu.report.draft'))).toContain('王秀英');
    await page.reload();
    await page.getByText('第 4 步，共 4 步').waitFor();
    expect(await page.getByTestId('review-3').innerText()).toContain('王秀英');
    await page.getByRole('button', { name: '提交举报' }).click();
    await page.getByRole('heading', { name: '举报已提交' }).waitFor();
    expect(attempts).toBe(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    const code = (await page.getByTestId('tracking-code').innerText()).replace(/\s/g, '');
    await page.context().close();

    // Exactly one tip, at the county office, with the reporter masked; the lead reveals with a reason.
    const lead = await consoleLogin(e, 'lk_lead');
    await lead.goto(`${e.url}/console/tips?q=${encodeURIComponent('床位预订费')}`);
    await lead.getByText(code).waitFor();
    expect(await lead.locator('tbody tr.ant-table-row').count()).toBe(1);
    await lead.getByText(code).click();
    expect(await lead.getByTestId('reporter-masked').innerText()).toContain('王**');
    expect(await lead.content()).not.toContain('13812345678');
    await lead.getByRole('button', { name: '查看身份' }).click();
    await lead.getByRole('button', { name: '确认查看' }).click();
    await lead.getByText('请填写至少 4 个字的理由').waitFor();
    await lead.getByLabel('查看理由').fill('需要联系举报人核实床位费收据');
    await lead.getByRole('button', { name: '确认查看' }).click();
    const identity = await lead.getByTestId('reporter-identity').innerText();
    expect(identity).toContain('13812345678');
    expect(identity).toContain('王秀英');
    expect(await axe(lead)).toEqual([]);
    await shot(lead, 'console-4-identity-revealed');
    const tipUrl = lead.url();
    await lead.context().close();

    // Another county's staff cannot see it: not in their list, "not found" by its address.
    const other = await consoleLogin(e, 'zf_intake');
    await other.goto(`${e.url}/console/tips`);
    await other.locator('.ant-table').waitFor();
    expect(await other.getByText(code).count()).toBe(0);
    await other.goto(tipUrl);
    await other.getByText('未找到该线索，或不在您的办理范围内').waitFor();
    await other.context().close();
  });

  it('sends an expired session back to the login page with the reason', async () => {
    const page = await consoleLogin(e, 'lk_intake');
    await e.db.query(`update sessions set last_seen_at = now() - interval '31 minutes'`);
    await page.getByRole('menuitem', { name: '线索列表', exact: true }).click();
    await page.getByText('登录已过期，请重新登录').waitFor();
    await page.getByLabel('用户名').waitFor();
    await page.context().close();
  });

  it('shows clear login errors and the lockout message', async () => {
    const page = await newPage(e, 'desk');
    await page.goto(`${e.url}/console`);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'console-0-login');
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('用户名').fill('zf_lead');
      await page.getByLabel('密码').fill('Wrong-Passw0rd!');
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByText(i < 4 ? '用户名或密码错误' : /用户名或密码错误|临时锁定/).first().waitFor();
    }
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('登录失败次数过多，已临时锁定，请 15 分钟后再试').waitFor();
    await page.context().close();
  });
});
