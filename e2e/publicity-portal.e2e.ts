/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, consoleLogin, elderChecks, newPage, shot, startE2E, type E2E } from './harness.ts';

const TITLE = '警惕“免费体检”后推销高价保健品';

describe('a warning from the county office reaches the portal after a second person approves it', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  const publicCount = async () => (await (await fetch(`${e.url}/api/public/articles?regionCode=370681`)).json() as { total: number }).total;

  it('a clerk writes and submits a warning and publishes the office channel; the lead approves; a phone at 360 px reads it in large text with a tel: link', async () => {
    // The clerk writes the warning, with the preview beside the editor, and submits it.
    const clerk = await consoleLogin(e, 'lk_intake');
    await clerk.getByRole('menuitem', { name: '宣传' }).click();
    await clerk.getByRole('tab', { name: '防骗知识与预警' }).click();
    await clerk.getByRole('button', { name: '撰写文章' }).click();
    const form = clerk.getByRole('dialog', { name: '撰写文章' });
    await form.getByText('龙口市').first().waitFor();
    await form.getByLabel('标题').fill(TITLE);
    await form.getByLabel(/^摘要/).fill('东莱街道多个小区出现“免费体检、送鸡蛋”活动，随后推销上万元的保健品。');
    await form.getByLabel(/^正文/).fill('有人在小区门口说是免费体检，还送鸡蛋。\n\n体检完说您身体有大问题，再推销上万元的保健品。保健品不是药，不能治病。\n\n请不要交钱，拨打举报电话。');
    await form.locator('.ant-card').getByText(TITLE).waitFor();
    expect(await axe(clerk)).toEqual([]);
    await form.getByRole('button', { name: '保存草稿' }).click();
    const drawer = clerk.locator('.ant-drawer');
    await drawer.getByText('草稿').first().waitFor();
    // The author has no approve button: only submit.
    expect(await drawer.getByRole('button', { name: '审核通过并发布' }).count()).toBe(0);
    await drawer.getByRole('button', { name: '提交审核' }).click();
    await drawer.getByText('待审核').first().waitFor();
    expect(await publicCount()).toBe(0);
    await drawer.locator('.ant-drawer-close').click();

    // The clerk publishes the office's reporting channel.
    await clerk.getByRole('tab', { name: '举报方式' }).click();
    await clerk.getByRole('button', { name: '填写' }).click();
    const channel = clerk.getByRole('dialog', { name: '本单位举报方式' });
    await channel.getByLabel('举报电话').fill('0535-8881234');
    await channel.getByLabel('来访地址').fill('龙口市东莱街道港城大道 1 号');
    await channel.getByLabel('办公时间').fill('工作日 8:30–17:30');
    await channel.getByRole('button', { name: '保存' }).click();
    await clerk.getByText('已在门户公布').waitFor();
    expect(await axe(clerk)).toEqual([]);
    await shot(clerk, 'console-11-publicity-channels');
    await clerk.context().close();

    // The office lead, who wrote none of it, finds it in the review queue and approves it.
    const lead = await consoleLogin(e, 'lk_lead');
    await lead.goto(`${e.url}/console/publicity/articles`);
    await lead.getByRole('checkbox', { name: '待我审核' }).check();
    await lead.getByRole('cell', { name: TITLE }).click();
    const review = lead.locator('.ant-drawer');
    await review.getByRole('button', { name: '审核通过并发布' }).click();
    await review.getByText('已发布').first().waitFor();
    expect(await axe(lead)).toEqual([]);
    await shot(lead, 'console-11-publicity-review');
    await lead.context().close();
    expect(await publicCount()).toBe(1);

    // A visitor on a phone picks the county, reads the warning in large text and can dial the office.
    const phone = await newPage(e, 'phone');
    await phone.goto(`${e.url}/knowledge`);
    await phone.getByRole('button', { name: '大字' }).click();
    await phone.getByLabel('省（自治区、直辖市）').selectOption({ label: '山东省' });
    await phone.getByLabel('市', { exact: true }).selectOption({ label: '烟台市' });
    await phone.getByLabel('区、县（知道就选）').selectOption({ label: '龙口市' });
    await phone.getByRole('link', { name: new RegExp(TITLE) }).waitFor();
    expect(await axe(phone)).toEqual([]);
    expect(await elderChecks(phone)).toEqual([]);
    await shot(phone, 'portal-11-knowledge');
    await phone.getByRole('link', { name: new RegExp(TITLE) }).click();
    await phone.getByRole('heading', { name: TITLE }).waitFor();
    const tel = phone.getByRole('link', { name: '拨打举报电话 0535-8881234' });
    expect(await tel.getAttribute('href')).toBe('tel:05358881234');
    expect(await phone.evaluate(() => document.documentElement.classList.contains('large'))).toBe(true);
    expect(await axe(phone)).toEqual([]);
    expect(await elderChecks(phone)).toEqual([]);
    await shot(phone, 'portal-11-article');

    // The home page shows it among the newest warnings for the remembered county; the channel page lists the office.
    await phone.goto(`${e.url}/`);
    await phone.getByRole('link', { name: new RegExp(TITLE) }).waitFor();
    expect(await elderChecks(phone)).toEqual([]);
    await phone.getByRole('button', { name: '举报电话和地址' }).click();
    await phone.getByRole('link', { name: '拨打举报电话 0535-8881234' }).waitFor();
    expect(await axe(phone)).toEqual([]);
    expect(await elderChecks(phone)).toEqual([]);
    await shot(phone, 'portal-11-channels');
    await phone.context().close();
  });
});
