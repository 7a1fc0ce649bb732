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
    // Publishing is asked first: nothing is public until it is confirmed.
    expect(await publicCount()).toBe(0);
    await lead.getByRole('button', { name: '确认发布' }).click();
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

  it('a phone at 360 px in large text reads a knowledge article aloud, the home page shows the newest typical case, and the report review and receipt show the chosen county office’s channel', async () => {
    // A province-wide knowledge article, written by the province office and approved by another person (set up in the table).
    const [{ id: author }] = await e.db.query<{ id: number }>(`select id from users where username = 'sd_intake'`);
    const [{ id: reviewer }] = await e.db.query<{ id: number }>(`select id from users where username = 'sd_lead'`);
    await e.db.query(
      `insert into public_articles (kind, region_code, unit_id, title, summary, body, status, editors, reviewed_by, reviewed_at, published_at, created_by)
       select 'knowledge', '37', u.unit_id, '以房养老骗局是怎么回事', '让老人抵押房子投资理财，最后房子没了。', $3, 'published', array[$1::bigint], $2, now(), now(), $1
       from users u where u.id = $1`,
      [author, reviewer, '骗子说“房子抵押出去，每月拿高额利息”。\n\n老人签了抵押合同，钱被转走，房子也被拍卖。\n\n房产证不要交给别人，签字前问问子女。'],
    );
    // A published typical case (its case filed by the county police, written up by the office, approved by its lead).
    const [police] = await e.db.query<{ id: number; unit: number }>(`select id, unit_id as unit from users where username = 'lk_police'`);
    const [{ id: caseId }] = await e.db.query<{ id: number }>(
      `insert into criminal_cases (case_no, title, region_code, lead_unit_id, origin, stage, filed_on, created_by)
       values ('龙公立字〔2026〕0099号', '保健品诈骗案', '370681', $1, 'new', 'tried', current_date - 30, $2) returning id`, [police.unit, police.id]);
    await e.db.query(
      `insert into typical_cases (case_id, title, fraud_type, body, recognise, advice, status, written_by, reviewed_by, published_at)
       values ($1, '“免费体检”引出的保健品骗局', 'elderly_product', '一伙人以免费体检为名聚集老人，虚构病情推销保健品。', '免费体检后说您有大病。', '不交钱，打 110。', 'published', $2, $3, now())`,
      [caseId, author, reviewer]);
    const phone = await newPage(e, 'phone');
    // The home page shows the newest typical case and leads to it.
    await phone.goto(`${e.url}/`);
    await phone.getByTestId('home-typical').getByRole('link', { name: /免费体检”引出的保健品骗局/ }).waitFor();
    expect(await axe(phone)).toEqual([]);
    expect(await elderChecks(phone)).toEqual([]);
    await phone.getByTestId('home-typical').getByRole('link', { name: /免费体检”引出的保健品骗局/ }).click();
    await phone.getByRole('heading', { name: '“免费体检”引出的保健品骗局' }).waitFor();
    // Record what the page asks the phone to read aloud (headless Chromium has no voices to speak with).
    await phone.addInitScript(() => {
      const spoken: string[] = [];
      (window as unknown as { spoken: string[] }).spoken = spoken;
      speechSynthesis.speak = (u: SpeechSynthesisUtterance) => void spoken.push(`${u.lang}|${u.text}`);
    });
    await phone.goto(`${e.url}/knowledge`);
    await phone.getByRole('button', { name: '大字' }).click();
    await phone.getByLabel('省（自治区、直辖市）').selectOption({ label: '山东省' });
    await phone.getByLabel('市', { exact: true }).selectOption({ label: '烟台市' });
    await phone.getByLabel('区、县（知道就选）').selectOption({ label: '龙口市' });
    await phone.getByRole('link', { name: /以房养老骗局是怎么回事/ }).click();
    await phone.getByRole('heading', { name: '以房养老骗局是怎么回事' }).waitFor();
    await phone.getByRole('button', { name: '读给我听' }).click();
    await phone.getByRole('button', { name: '停止朗读' }).waitFor();
    const spoken = await phone.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
    expect(spoken).toHaveLength(1);
    expect(spoken[0]).toMatch(/^zh-CN\|以房养老骗局是怎么回事/);
    expect(spoken[0]).toContain('房产证不要交给别人');
    expect(await phone.evaluate(() => document.documentElement.classList.contains('large'))).toBe(true);
    expect(await axe(phone)).toEqual([]);
    expect(await elderChecks(phone)).toEqual([]);
    await shot(phone, 'portal-11-knowledge-article');

    // A report for 龙口市: the review offers the county office's hotline, and so does the receipt.
    await phone.goto(`${e.url}/report`);
    await phone.getByText('保健品、理疗仪骗局').click();
    await phone.getByLabel('省（自治区、直辖市）').selectOption({ label: '山东省' });
    await phone.getByLabel('市', { exact: true }).selectOption({ label: '烟台市' });
    await phone.getByLabel('区、县（知道就选）').selectOption({ label: '龙口市' });
    await phone.getByRole('button', { name: '下一步' }).click();
    await phone.getByLabel('发生了什么？').fill('有人在小区开免费体检，随后推销上万元的保健品，我父亲交了定金。');
    await phone.getByRole('button', { name: '下一步' }).click();
    await phone.getByText('匿名举报', { exact: true }).click();
    await phone.getByRole('button', { name: '下一步' }).click();
    await phone.getByRole('heading', { name: '请核对' }).waitFor();
    const onReview = phone.getByTestId('report-channels').getByRole('link', { name: '拨打举报电话 0535-8881234' });
    expect(await onReview.getAttribute('href')).toBe('tel:05358881234');
    await phone.getByTestId('report-channels').getByText('龙口市东莱街道港城大道 1 号').waitFor();
    expect(await onReview.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await axe(phone)).toEqual([]);
    expect(await elderChecks(phone)).toEqual([]);
    await phone.getByRole('button', { name: '提交举报' }).click();
    await phone.getByRole('heading', { name: '举报已提交' }).waitFor();
    const onReceipt = phone.getByTestId('receipt-channels').getByRole('link', { name: '拨打举报电话 0535-8881234' });
    expect(await onReceipt.getAttribute('href')).toBe('tel:05358881234');
    // The whole number is on the button, not cut off at the card's edge in large text.
    for (const tel of [onReceipt, phone.getByTestId('receipt-channels').locator('.channel')]) expect(await tel.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    // The receipt kept on the phone still holds nothing of the report (not even its region).
    expect(Object.keys(JSON.parse((await phone.evaluate(() => localStorage.getItem('shouhu.report.receipt')))!)).sort()).toEqual(['accessKey', 'at', 'trackingCode']);
    expect(await axe(phone)).toEqual([]);
    expect(await elderChecks(phone)).toEqual([]);
    await shot(phone, 'portal-11-receipt-channels');
    // After a reload the report's region is gone (it was never stored): the visitor's own region (龙口市, picked on /knowledge) stands in.
    await phone.reload();
    await phone.getByRole('heading', { name: '举报已提交' }).waitFor();
    await phone.getByTestId('receipt-channels').getByRole('link', { name: '拨打举报电话 0535-8881234' }).waitFor();
    await phone.context().close();
  });
});
