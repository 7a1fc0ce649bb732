/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axe, consoleLogin, shot, startE2E, type E2E } from './harness.ts';
import { seedDemoCases } from '../server/db/seed/demo-cases.ts';
import { seedDemoFigures } from '../server/db/seed/figures-demo.ts';
import { seedDemoPublicity } from '../server/db/seed/publicity.ts';
import { seedDemoRegistry } from '../server/db/seed/registry-demo.ts';
import { seedDemoScreening } from '../server/db/seed/screening-demo.ts';
import { seedDemoSupervision } from '../server/db/seed/supervision-demo.ts';

/** Signs in on a page of the given size. */
async function loginAt(e: E2E, username: string, width: number, height: number): Promise<Page> {
  const page = await consoleLogin(e, username);
  await page.setViewportSize({ width, height });
  return page;
}

async function submitTip(e: E2E, regionCode: string, description: string) {
  const r = await fetch(`${e.url}/api/public/tips`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ regionCode, description, fraudTypes: ['elderly_product'], reporter: { anonymous: true } }),
  });
  expect(r.status).toBe(201);
  return (await r.json()) as { trackingCode: string };
}

describe('console layout and the dashboard’s period', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
    // One account holding every role: the longest menu there is.
    await e.db.query(`update users set roles = '{intake,office_lead,admin,auditor}' where username = 'sd_admin'`);
  });
  afterAll(() => e?.close());

  it('shows every menu item inside a 1280×720 window, with nothing folded behind "···"', async () => {
    for (const user of ['sd_admin', 'lk_intake', 'lk_police']) {
      const page = await loginAt(e, user, 1280, 720);
      const items = page.getByRole('menuitem');
      await items.first().waitFor();
      const n = await items.count();
      expect(n, user).toBeGreaterThan(1);
      for (let i = 0; i < n; i++) {
        const item = items.nth(i);
        const name = (await item.textContent())?.trim();
        expect(await item.isVisible(), `${user}: ${name}`).toBe(true);
        const box = (await item.boundingBox())!;
        expect(box.x, `${user}: ${name}`).toBeGreaterThanOrEqual(0);
        expect(box.y, `${user}: ${name}`).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, `${user}: ${name}`).toBeLessThanOrEqual(1280);
        expect(box.y + box.height, `${user}: ${name}`).toBeLessThanOrEqual(720);
        expect(name, user).not.toMatch(/^(···|…|\.\.\.)$/);
      }
      // Beside the menu the workbench's cards keep their titles on one line.
      await page.locator('.ant-statistic-title').first().waitFor();
      for (const t of await page.locator('.ant-statistic-title').evaluateAll((els) => els.map((el) => ({ text: el.textContent, h: el.getBoundingClientRect().height, lh: parseFloat(getComputedStyle(el).lineHeight) })))) {
        expect(Math.round(t.h / t.lh), `${user}: ${t.text}`).toBe(1);
      }
      // Ant Design's overflow item ("···" holding the hidden entries) is absent or empty.
      expect(await page.locator('.ant-menu-overflow-item-rest:visible').count(), user).toBe(0);
      if (user === 'sd_admin') {
        for (const label of ['我的工作台', '线索列表', '排查整治台账', '案件与执法', '宣传工作', '统计概览', '上报数字', '单位与用户管理', '审计日志']) {
          await page.getByRole('menuitem', { name: label }).waitFor();
        }
        expect(await axe(page)).toEqual([]);
        await shot(page, 'console-layout-1280');
      }
      await page.context().close();
    }
  });

  it('keeps the header and a full-height menu on screen when a long page is scrolled', async () => {
    // The menu was sticky at the top with the header's height taken off, while the header scrolled away: a grey strip
    // the header's height opened under the menu.
    const page = await loginAt(e, 'sd_admin', 1280, 420);
    await page.getByRole('menuitem', { name: '统计概览' }).click();
    await page.locator('.ant-card').nth(3).waitFor();
    const scrollable = await page.evaluate(() => document.scrollingElement!.scrollHeight - window.innerHeight);
    expect(scrollable, 'the page is longer than the window').toBeGreaterThan(200);
    await page.evaluate(() => window.scrollTo(0, document.scrollingElement!.scrollHeight));
    await page.waitForFunction(() => window.scrollY > 0);
    const header = (await page.locator('.ant-layout-header').boundingBox())!;
    const sider = (await page.locator('.ant-layout-sider').boundingBox())!;
    expect(header.y).toBe(0);
    expect(Math.round(sider.y)).toBe(Math.round(header.height));
    expect(Math.abs(sider.y + sider.height - 420)).toBeLessThanOrEqual(1);
    await page.context().close();
  });

  it('answers an unknown console address with 页面不存在 and a way back', async () => {
    const page = await consoleLogin(e, 'lk_intake');
    for (const path of ['/console/no-such-page', '/console/tips/abc', '/console/admin']) {
      await page.goto(`${e.url}${path}`);
      await page.getByText('页面不存在').waitFor();
      expect(await page.getByText('待受理').count(), path).toBe(0); // not the workbench
    }
    await page.getByRole('button', { name: '返回首页' }).click();
    await page.waitForURL(`${e.url}/console`);
    await page.getByText('待受理').first().waitFor();
    expect(await page.getByText('页面不存在').count()).toBe(0);
    await page.context().close();
  });

  it('keeps detail labels on one line at 1440 px; 受理 and 不予受理 look different; focus is blue; favicon', async () => {
    const long = '老人反映：' + '某某健康科技有限公司在社区活动中心以免费体检、赠送鸡蛋为名，向老年人推销所谓能治百病的保健品，每盒售价数千元，'.repeat(6);
    const { trackingCode } = await submitTip(e, '370681001', long);
    const [{ id }] = await e.db.query<{ id: number }>('select id from tips where tracking_code = $1', [trackingCode]);
    const page = await loginAt(e, 'lk_intake', 1440, 900);
    await page.goto(`${e.url}/console/tips/${id}`);
    await page.getByText(`线索 ${trackingCode}`).waitFor();
    const labels = await page.locator('.ant-descriptions-item-label').evaluateAll((els) =>
      els.map((el) => {
        const style = getComputedStyle(el);
        const range = document.createRange();
        range.selectNodeContents(el);
        // Lines the label's text takes: its text's height over one line.
        const lines = Math.round(range.getBoundingClientRect().height / parseFloat(style.lineHeight));
        return { text: el.textContent ?? '', lines, width: el.getBoundingClientRect().width };
      }),
    );
    expect(labels.length).toBeGreaterThan(5);
    for (const l of labels) expect(l.lines, `${l.text} (${Math.round(l.width)} px)`).toBe(1);

    // 受理 is the filled primary action; 不予受理 an outlined danger one with an icon.
    const accept = page.locator('button', { hasText: /^受理$/ });
    const reject = page.locator('button', { hasText: /^不予受理$/ });
    const look = (b: typeof accept) => b.evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, icon: !!el.querySelector('.anticon'), cls: el.className }));
    const [a, r] = [await look(accept), await look(reject)];
    expect(a.cls).toContain('ant-btn-primary');
    expect(r.cls).not.toContain('ant-btn-primary');
    expect(r.cls).toContain('ant-btn-dangerous');
    expect(a.bg).not.toBe(r.bg);
    expect(r.icon).toBe(true);

    // Keyboard focus on a button is a blue ring, not the theme's red.
    await accept.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { text: el.textContent, color: getComputedStyle(el).outlineColor, style: getComputedStyle(el).outlineStyle };
    });
    expect(outline).toEqual({ text: '受理', color: 'rgb(11, 87, 208)', style: 'solid' });
    expect(await axe(page)).toEqual([]);
    await shot(page, 'console-layout-tip-1440');

    for (const path of ['/console', '/']) {
      await page.goto(`${e.url}${path}`);
      const href = await page.locator('link[rel="icon"]').getAttribute('href');
      const icon = await fetch(new URL(href!, e.url));
      expect(icon.status, path).toBe(200);
      expect(icon.headers.get('content-type'), path).toMatch(/^image\/svg\+xml/);
      expect(await icon.text()).toContain('<svg');
    }
    await page.context().close();
  });

  it('counts the cards over the chosen period, as the database says, and says which period', async () => {
    // Tips received 0, 3, 10, 20, 45 and 80 days ago in 龙口市, one accepted, one closed; one in another county.
    const ages = [0, 3, 10, 20, 45, 80];
    const ids: number[] = [];
    for (const [i, age] of ages.entries()) {
      const { trackingCode } = await submitTip(e, '370681002', `第${i}条：养生馆以免费理疗为名向老人推销高价保健品，已有多人受骗。`);
      const [{ id }] = await e.db.query<{ id: number }>('select id from tips where tracking_code = $1', [trackingCode]);
      await e.db.query(`update tips set received_at = now() - make_interval(days => $2) where id = $1`, [id, age]);
      ids.push(id);
    }
    await e.db.query(`update tips set status = 'accepted' where id = $1`, [ids[1]]);
    await e.db.query(`update tips set status = 'closed', closed_at = now(), deadline_at = now() + interval '1 day', rating_satisfied = true where id = $1`, [ids[2]]);
    await submitTip(e, '370602001', '芝罘区：保健品店以赠送礼品为名诱导老人购买高价保健品。');

    const page = await loginAt(e, 'lk_intake', 1280, 720);
    await page.goto(`${e.url}/console/dashboard`);
    const card = async (id: string) => Number((await page.getByTestId(id).locator('.ant-statistic-content-value').textContent())!.replace(/,/g, ''));
    const fromDb = async (days: number) => {
      const since = `((now() at time zone 'Asia/Shanghai')::date - ${days - 1})::timestamp at time zone 'Asia/Shanghai'`;
      const [x] = await e.db.query<{ from: string; received: number; submitted: number; accepted: number; closed: number }>(
        `select to_char((now() at time zone 'Asia/Shanghai')::date - ${days - 1}, 'YYYY-MM-DD') as "from", count(*)::int as received,
                count(*) filter (where status = 'submitted')::int as submitted, count(*) filter (where status = 'accepted')::int as accepted,
                count(*) filter (where status = 'closed')::int as closed
         from tips where region_code like '370681%' and received_at >= ${since}`,
      );
      return x;
    };
    // The page's period and the figures here are each read on the clock of their moment: a run that crosses Beijing
    // midnight (16:00 UTC) may see the page answer for either day, so the figures are those of the period it shows,
    // which must be one the database gave for a moment since the click (the polls cover the whole wait).
    const shown = async (days: number) => {
      const wants = [await fromDb(days)];
      let want: (typeof wants)[number] | undefined;
      await expect.poll(async () => {
        wants.push(await fromDb(days));
        const text = (await page.getByTestId('period').textContent()) ?? '';
        want = wants.findLast((w) => text.includes(`统计期：${w.from} 至`));
        return want ? 'shown' : text;
      }, { timeout: 30_000 }).toBe('shown');
      return want!;
    };
    const seen: number[] = [];
    for (const [label, days] of [['近7天', 7], ['近30天', 30], ['近90天', 90]] as const) {
      await page.getByText(label, { exact: true }).click();
      const want = await shown(days);
      await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' }).catch(() => undefined);
      expect(await card('card-received'), label).toBe(want.received);
      expect(await card('card-submitted'), label).toBe(want.submitted);
      expect(await card('card-accepted'), label).toBe(want.accepted);
      expect(await card('card-closed'), label).toBe(want.closed);
      seen.push(want.received);
    }
    expect(seen[0]).toBeLessThan(seen[1]);
    expect(seen[1]).toBeLessThan(seen[2]);
    // Workflow order of the cards, and the rates with both parts.
    const titles = await page.locator('[data-testid^="card-"] .ant-statistic-title').allTextContents();
    expect(titles.slice(0, 8)).toEqual(['收到', '待受理', '已受理', '已交办', '办理中', '已反馈结果', '办结待上级审核', '已办结']);
    await page.getByTestId('rate-closure').getByText('已办结 1 条 ÷ 已受理（含其后各环节） 2 条').waitFor();
    await page.getByTestId('rate-satisfaction').getByText('100.0%').waitFor();
    await shot(page, 'console-layout-dashboard');
    // A card opens the list of the same tips.
    await page.getByTestId('card-received').click();
    await page.waitForURL(/\/console\/tips\?.*from=/);
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  });

  it('screening: evidence with a rectification report, a penalty in 罚没金额, and why a crossed-off subject stays orange', async () => {
    const page = await loginAt(e, 'lk_market_regulation', 1440, 900);
    const post = async (url: string, data: object) => {
      const r = await page.request.post(`${e.url}${url}`, { data });
      expect(r.status(), url).toBeLessThan(300);
      return r.json();
    };
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 8 * 3600_000 + 10 * 86400_000).toISOString().slice(0, 10);
    const { id } = await post('/api/subjects', { regionCode: '370681', kind: 'health_product_seller', name: '龙口市益寿堂保健品店' });
    const { hazardIds: [hazardId] } = await post(`/api/subjects/${id}/inspections`, {
      inspectedOn: today, inspectors: 2, checklist: { health_claims: true },
      hazards: [{ description: '宣称保健品能治疗高血压', category: 'false_ad', measure: 'admin_penalty', deadline: later, responsible: '店长 孙某' }],
    });
    await page.goto(`${e.url}/console/subjects/${id}`);
    await page.getByRole('heading', { name: '龙口市益寿堂保健品店' }).waitFor();

    // 报告已整改 with a photo of the fix, uploaded through the same checks as evidence.
    await page.getByRole('button', { name: '报告已整改' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('整改情况').fill('已撤下全部宣传材料，现场拍照留存');
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
    await dialog.locator('input[type=file]').setInputFiles({ name: '整改照片.png', mimeType: 'image/png', buffer: png });
    await dialog.locator('.ant-upload-list-item-done').waitFor();
    await dialog.getByRole('button', { name: '确认报告已整改' }).click();
    await dialog.waitFor({ state: 'detached' });
    const link = page.getByRole('link', { name: '附件 1' });
    await link.waitFor();
    const file = await page.request.get(`${e.url}${await link.getAttribute('href')}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('image/png');

    // A penalty (an enforcement record naming the hazard): its amount is the 罚没金额 of the file and of the ledger.
    await page.getByRole('button', { name: '记录处罚' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('处罚决定书文号').fill('龙市监罚〔2026〕21号');
    await dialog.getByLabel('罚没金额（元）').fill('8000');
    await dialog.getByLabel('处罚事由').fill('虚假宣传');
    await dialog.getByRole('button', { name: '确认记录' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: '8,000 元' }).waitFor();

    // Crossed off by a lead: the grade stays orange, and the page says why.
    const lead = await loginAt(e, 'lk_lead', 1440, 900);
    expect((await lead.request.post(`${e.url}/api/hazards/${hazardId}/actions`, { data: { action: 'verify' } })).status()).toBe(200);
    await lead.goto(`${e.url}/console/subjects/${id}`);
    await lead.getByTestId('risk-note').getByText('1 个隐患已全部销号，但仍为橙色，因为：最近一次检查发现：宣称产品能治病等虚假宣传').waitFor();
    expect(await axe(lead)).toEqual([]);
    await shot(lead, 'console-layout-subject-crossed-off');
    await lead.goto(`${e.url}/console/subjects`);
    await lead.getByRole('tab', { name: '整改台账' }).click();
    const row = lead.locator('tr', { hasText: '龙口市益寿堂保健品店' });
    await row.getByRole('cell', { name: '8,000 元' }).waitFor();
    // The penalty is in 行政执法, whose list exports as Excel like the other ledgers.
    await lead.goto(`${e.url}/console/cases`);
    await lead.getByRole('tab', { name: '行政执法' }).click();
    const exported = await lead.request.get(`${e.url}${await lead.getByRole('link', { name: '导出 Excel' }).getAttribute('href')}`);
    expect(exported.status()).toBe(200);
    expect(exported.headers()['content-disposition']).toContain(encodeURIComponent('行政执法台账'));
    expect(exported.headers()['x-export-rows']).toBe('1');
    await page.context().close();
    await lead.context().close();
  });

  it('keeps every date in the lists whole at 1366 px (never 2026-11-⏎30)', async () => {
    /** The dates on the page broken across two lines, with the header of their table. */
    const brokenDates = (page: Page) => page.evaluate(() => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (const m of (n.textContent ?? '').matchAll(/\d{4}-\d{2}-\d{2}/g)) {
          const range = document.createRange();
          range.setStart(n, m.index);
          range.setEnd(n, m.index + m[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) out.push(`${(n.parentElement?.closest('table')?.querySelector('th')?.textContent ?? '')}…: ${m[0]}`);
        }
      }
      return out;
    });
    // The demo's records of these strands (last of the file: the tests above count on their own records).
    await seedDemoScreening(e.db, e.world);
    await seedDemoRegistry(e.db, e.world); // in the demo's order: the cases' subjects (and their documents' numbers) come after these
    await seedDemoPublicity(e.db, e.world);
    await seedDemoCases(e.db, e.world);
    await seedDemoSupervision(e.db, e.world);
    await seedDemoFigures(e.db, e.world);
    const lead = await loginAt(e, 'lk_lead', 1366, 768);
    const province = await loginAt(e, 'sd_lead', 1366, 768);
    const pages: [Page, string, string?][] = [
      [lead, '/console/cases'], [lead, '/console/cases', '行政执法'], [lead, '/console/subjects', '整改台账'],
      [lead, '/console/publicity'], [lead, '/console/supervision'], [province, '/console/figures'],
    ];
    for (const [page, path, tab] of pages) {
      await page.goto(`${e.url}${path}`);
      if (tab) await page.getByRole('tab', { name: tab }).click();
      await page.locator('.ant-table-tbody tr.ant-table-row:visible').first().waitFor();
      expect(await brokenDates(page), `${path} ${tab ?? ''}`).toEqual([]);
      await shot(page, `console-layout-dates${path.replaceAll('/', '-')}${tab ? `-${tab}` : ''}`);
    }

    // A three-digit count keeps its unit beside it on 统计概览 (not 1xx ⏎ 条 in the narrowest card).
    await Promise.all(Array.from({ length: 130 }, (_, i) => submitTip(e, '370681002', `第${i}条：有人以“以房养老”为名劝老人抵押房产购买理财产品。`)));
    await lead.goto(`${e.url}/console/dashboard`);
    await lead.getByTestId('card-received').getByText(/^1\d\d$/).waitFor();
    const values = await lead.locator('.ant-statistic-content').evaluateAll((els) => els.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      // Lines: a text box starting below the bottom of the line before opens a new one (the figure and its unit differ in size).
      let lines = 0;
      let bottom = -Infinity;
      for (const r of [...range.getClientRects()].filter((x) => x.width > 0).sort((a, b) => a.top - b.top)) {
        if (r.top >= bottom - 1) lines++;
        bottom = Math.max(r.top >= bottom - 1 ? r.bottom : bottom, r.bottom);
      }
      return { text: el.textContent, lines };
    }));
    expect(values.filter((v) => v.lines > 1)).toEqual([]);
    await shot(lead, 'console-layout-dashboard-1366');
    await lead.context().close();
    await province.context().close();
  });
});
