/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axe, chooseOptions, consoleLogin, elderChecks, newPage, shot, startE2E, PASSWORD, type E2E } from './harness.ts';

/** Opens a dialog by its button, fills it and confirms it; says what the dialog shows when it stays. */
async function inDialog(page: Page, button: string, confirm: string, fill: (d: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole('button', { name: confirm }).click();
  await dialog.waitFor({ state: 'detached', timeout: 15_000 }).catch(async (err) => {
    throw new Error(`「${button}」对话框未关闭：${await dialog.innerText().catch(() => '?')}`, { cause: err });
  });
}

describe('a criminal case from a tip, through police and procuratorate, in a real browser', () => {
  let e: E2E;
  let trackingCode = '';
  let caseUrl = '';
  /** A POST through the API (set-up), its JSON and the session cookie it sets. */
  const post = async (url: string, body: unknown, cookie?: string) => {
    const r = await fetch(`${e.url}${url}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
    if (r.status >= 300) throw new Error(`${url}: ${r.status} ${await r.text()}`);
    return { json: await r.json(), cookie: r.headers.getSetCookie?.()[0]?.split(';')[0] };
  };
  beforeAll(async () => {
    e = await startE2E();
    // A reporter's tip, accepted and dispatched to 龙口市公安局 through the API.
    const tip = await post('/api/public/tips', {
      regionCode: '370681001', description: '有人在社区开“健康讲座”，向老人推销保健品，说能治糖尿病，已有三十多位老人被骗。', fraudTypes: ['elderly_product'], reporter: { anonymous: true },
    });
    trackingCode = tip.json.trackingCode;
    const [{ id }] = await e.db.query<{ id: number }>('select id from tips where tracking_code = $1', [trackingCode]);
    const { cookie } = await post('/api/auth/login', { username: 'lk_intake', password: PASSWORD });
    await post(`/api/tips/${id}/actions`, { action: 'accept' }, cookie);
    await post(`/api/tips/${id}/actions`, { action: 'dispatch', leadUnitId: e.world.units.get('370681:police'), deadline: new Date(Date.now() + 5 * 86400_000).toISOString(), instructions: '请核查' }, cookie);
  });
  afterAll(() => e?.close());

  it('police file the case from the tip, record arrests and amounts, transfer it; the procuratorate prosecutes; the court tries it; the figures show', async () => {
    const police = await consoleLogin(e, 'lk_police');
    await police.getByRole('menuitem', { name: '案件' }).click();
    await police.getByRole('heading', { name: '案件' }).waitFor();
    await inDialog(police, '立案', '确认立案', async (d) => {
      await d.getByLabel('案件编号').fill('龙公（经）立字〔2026〕0101号');
      await d.getByLabel('案件名称').fill('“健康讲座”推销保健品诈骗老人案');
      await d.getByLabel('来源线索（查询码，可多个）').fill(trackingCode);
      await d.getByLabel('来源线索（查询码，可多个）').press(',');
      await d.locator(`.ant-select-selection-item[title="${trackingCode}"]`).waitFor();
    });
    await police.getByRole('heading', { name: '“健康讲座”推销保健品诈骗老人案' }).waitFor();
    await police.getByRole('link', { name: trackingCode }).waitFor();

    await inDialog(police, '录入数字', '确认录入', async (d) => {
      await d.getByLabel('人数').fill('6');
    });
    for (const [kind, amount] of [['涉案金额', '250000'], ['追赃挽损', '120000.5']]) {
      await inDialog(police, '录入数字', '确认录入', async (d) => {
        await chooseOptions(police, d, '项目', [kind], false);
        await police.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
        await d.getByLabel('金额（元）').fill(amount);
      });
    }
    await inDialog(police, '录入侦破', '确认侦破', async () => undefined);
    await inDialog(police, '录入移送起诉', '确认移送起诉', async (d) => {
      await chooseOptions(police, d, '移送检察院', ['烟台市人民检察院'], false);
    });
    await police.locator('.ant-steps-item-title', { hasText: '移送起诉' }).waitFor();
    const url = police.url();
    caseUrl = url;
    expect(await axe(police)).toEqual([]);
    await police.context().close();

    const procurator = await consoleLogin(e, 'yt_procuratorate');
    await procurator.goto(url);
    await inDialog(procurator, '录入提起公诉', '确认提起公诉', async (d) => {
      await chooseOptions(procurator, d, '起诉至法院', ['烟台市中级人民法院'], false);
      await procurator.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
      await d.getByLabel('起诉人数').fill('5');
    });
    const stat = (title: string) => procurator.getByTestId('case-totals').locator('.ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content').innerText();
    await procurator.locator('.ant-steps-item-finish, .ant-steps-item-process').filter({ hasText: '提起公诉' }).waitFor();
    expect(await stat('起诉人数')).toMatch(/^5\s*人$/);
    expect(await stat('抓获')).toMatch(/^6\s*人$/);
    expect(await stat('涉案金额')).toMatch(/^250,000\.00\s*元$/);
    expect(await stat('追赃挽损')).toMatch(/^120,000\.50\s*元$/);
    expect(await stat('挽损率')).toBe('48%');
    // The procuratorate records prosecution only: no police figures offered, no link to the police's tip.
    expect(await procurator.getByRole('link', { name: trackingCode }).count()).toBe(0);
    expect(await axe(procurator)).toEqual([]);
    await shot(procurator, 'console-13-case');

    // The list and this year's figures count it.
    await procurator.getByRole('button', { name: '← 案件列表' }).click();
    await procurator.getByRole('link', { name: '龙公（经）立字〔2026〕0101号' }).waitFor();
    expect(await axe(procurator)).toEqual([]);
    await procurator.context().close();

    // The court the case was prosecuted to tries it: the judgment and the persons sentenced.
    const court = await consoleLogin(e, 'yt_court');
    await court.goto(url);
    await inDialog(court, '录入审判', '确认审判', async (d) => {
      await d.getByLabel('判决结果').fill('以诈骗罪判处被告人有期徒刑三年至七年不等，并处罚金，责令退赔被害人损失。');
      await d.getByLabel('判处人数').fill('4');
    });
    await court.locator('.ant-steps-item-finish, .ant-steps-item-process').filter({ hasText: '审判' }).waitFor();
    expect(await court.getByTestId('case-totals').locator('.ant-statistic').filter({ hasText: '判处人数' }).locator('.ant-statistic-content').innerText()).toMatch(/^4\s*人$/);
    const [{ n }] = await e.db.query<{ n: number }>(`select count(*)::int as n from case_stages s join criminal_cases c on c.id = s.case_id where c.case_no = '龙公（经）立字〔2026〕0101号' and s.stage = 'tried'`);
    expect(n).toBe(1);
    expect(await axe(court)).toEqual([]);
    await court.context().close();
  });

  it('the office writes it up as a typical case (masked), a second lead publishes it, a phone at 360 px reads it', async () => {
    const clerk = await consoleLogin(e, 'lk_intake');
    await clerk.goto(caseUrl);
    await inDialog(clerk, '撰写典型案例', '提交审核', async (d) => {
      await d.getByLabel('标题').fill('“健康讲座”卖保健品，骗走老人养老钱');
      await chooseOptions(clerk, d, '骗局类型', ['以销售"养老产品"为名'], false);
      await clerk.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
      await d.getByLabel('案情（用老人听得懂的话）').fill('被害人张桂芳在社区参加“健康讲座”，讲师说保健品能治糖尿病，她先后花了52000元，联系电话13812345678。');
      await d.getByLabel('怎么识别').fill('免费讲座、送鸡蛋，再推销能“治病”的保健品，就是骗局。');
      await d.getByLabel('遇到了怎么办').fill('不在讲座现场买东西；已经付了钱的，保存单据，拨打 110。');
    });
    await clerk.getByText(/已提交审核（已隐去 \d+ 处个人信息）/).waitFor();
    await clerk.context().close();

    const lead = await consoleLogin(e, 'lk_lead');
    await lead.getByRole('menuitem', { name: '案件' }).click();
    await lead.getByRole('tab', { name: '典型案例' }).click();
    await lead.getByRole('button', { name: '审核发布' }).click();
    await lead.getByRole('button', { name: '确认发布' }).click(); // asked first: it goes before the public
    await lead.locator('.ant-tag', { hasText: '已发布' }).waitFor();
    expect(await axe(lead)).toEqual([]);
    await lead.context().close();

    const phone = await newPage(e, 'phone');
    await phone.goto(e.url);
    await phone.getByRole('button', { name: '大字' }).click();
    await phone.getByRole('button', { name: '典型案例' }).click();
    await phone.getByRole('link', { name: '“健康讲座”卖保健品，骗走老人养老钱' }).click();
    await phone.getByRole('heading', { name: '怎么识别' }).waitFor();
    const text = await phone.locator('main').innerText();
    expect(text).toContain('张某');
    expect(text).not.toContain('张桂芳');
    expect(text).not.toContain('13812345678');
    expect(text).toContain('约5万元');
    expect(await axe(phone)).toEqual([]);
    expect(await elderChecks(phone)).toEqual([]);
    await shot(phone, 'portal-7-typical-case-360');
    await phone.context().close();
  });

  it('police report a tip as 立案侦查 and file its case in the same step; the tip shows the case, a second tip is linked by its code', async () => {
    const login = async (username: string) => (await post('/api/auth/login', { username, password: PASSWORD })).cookie;
    const [intake, policeCookie] = [await login('lk_intake'), await login('lk_police')];
    const tips: { id: number; code: string }[] = [];
    for (const description of ['小区里有人以“以房养老”为名，让老人抵押房子买理财产品，说每月返利，已有老人房子被过户。', '有人上门推销“以房养老”理财，说抵押房产每月可领养老金，要求老人签委托书。']) {
      const { json } = await post('/api/public/tips', { regionCode: '370681001', description, fraudTypes: ['house_for_pension'], reporter: { anonymous: true } });
      const [{ id }] = await e.db.query<{ id: number }>('select id from tips where tracking_code = $1', [json.trackingCode]);
      await post(`/api/tips/${id}/actions`, { action: 'accept' }, intake);
      await post(`/api/tips/${id}/actions`, { action: 'dispatch', leadUnitId: e.world.units.get('370681:police'), deadline: new Date(Date.now() + 5 * 86400_000).toISOString(), instructions: '请核查' }, intake);
      await post(`/api/tips/${id}/actions`, { action: 'sign' }, policeCookie);
      tips.push({ id: Number(id), code: json.trackingCode });
    }

    const police = await consoleLogin(e, 'lk_police');
    await police.goto(`${e.url}/console/tips/${tips[0].id}`);
    await inDialog(police, '反馈结果', '确认反馈结果', async (d) => {
      await chooseOptions(police, d, '核查结论', ['属实'], false);
      await police.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
      await chooseOptions(police, d, '处理措施', ['立案侦查']);
      await d.getByLabel('办理情况').fill('经查属实，已对涉事人员立案侦查。');
      // 立案侦查 by the police: the case is filed in the same step.
      await d.getByLabel('案件编号').fill('龙公（经）立字〔2026〕0202号');
      await d.getByLabel('案件名称').fill('“以房养老”理财诈骗老人案');
    });
    await police.getByTestId('tip-cases').getByRole('link', { name: /龙公（经）立字〔2026〕0202号/ }).click();
    await police.getByRole('heading', { name: '“以房养老”理财诈骗老人案' }).waitFor();
    await police.getByRole('link', { name: tips[0].code }).waitFor();
    // The second tip, picked by its tracking code.
    await inDialog(police, '关联线索或主体', '确认关联', async (d) => {
      await d.getByLabel('线索（输入查询码或词语查找）').fill(tips[1].code);
      await police.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    });
    await police.getByRole('link', { name: tips[1].code }).waitFor();
    expect(await axe(police)).toEqual([]);
    await police.context().close();
  });
});
