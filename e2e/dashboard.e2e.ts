/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axe, consoleLogin, shot, startE2E, type E2E } from './harness.ts';

/** A tip from the public, in a township of the demo province. */
async function submitTip(e: E2E, regionCode: string, description: string) {
  const r = await fetch(`${e.url}/api/public/tips`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ regionCode, description, fraudTypes: ['elderly_product'], reporter: { anonymous: true } }),
  });
  expect(r.status).toBe(201);
  return (await r.json()) as { trackingCode: string };
}

/** Today in Beijing, the day the server counts periods by. */
const beijingDay = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Waits for the period line to read `span(today)`. A run that crosses Beijing midnight (16:00 UTC) may be
 * answered with either day, so every Beijing day seen since the call is accepted; nothing else is.
 */
async function periodShows(page: Page, span: (today: string) => string) {
  const days = new Set([beijingDay()]);
  await expect.poll(async () => {
    days.add(beijingDay());
    const text = (await page.getByTestId('period').textContent()) ?? '';
    return [...days].some((d) => text.includes(`统计期：${span(d)}`)) ? 'shown' : text;
  }, { timeout: 30_000 }).toBe('shown');
}

const kpi = async (page: Page, id: string) => (await page.getByTestId(`kpi-${id}`).getByTestId('kpi-value').textContent())!.replace(/,/g, '');

/** Clicks the map's canvas where the area of `adcode` is (its label point, as the map reports it). */
async function clickArea(page: Page, adcode: string) {
  const map = page.getByTestId('region-map');
  await expect.poll(async () => JSON.parse((await map.getAttribute('data-areas')) ?? '{}')[adcode], { timeout: 15_000 }).toBeTruthy();
  const [x, y] = JSON.parse((await map.getAttribute('data-areas'))!)[adcode] as [number, number];
  await map.locator('canvas').first().click({ position: { x, y } });
}

describe('数据看板: a province lead drills down on the map and opens the records behind a number', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
    // 烟台市: three in 龙口市, two in 芝罘区; 济南市: one. One of 龙口's is closed.
    for (const [i, code] of ['370681001', '370681002', '370681003', '370602001', '370602002', '370102001'].entries()) {
      await submitTip(e, code, `第${i + 1}条：保健品店以免费体检为名向老人推销高价保健品，已有多人受骗。`);
    }
    await e.db.query(`update tips set status = 'closed', closed_at = now(), deadline_at = now() + interval '1 day', rating_satisfied = true
                      where id = (select min(id) from tips where region_code like '370681%')`);
    // A second of 龙口's is accepted: 办结率 counts closed over accepted (docs/indicators.md), so 1 ÷ 2, not 1 ÷ 6.
    await e.db.query(`update tips set status = 'accepted' where id = (select max(id) from tips where region_code like '370681%')`);
  });
  /** 办结率 as docs/indicators.md defines it, counted here from the tips: closed ÷ accepted (every status from 已受理 on). */
  const closure = async (prefix: string) => {
    const [x] = await e.db.query<{ closed: number; accepted: number }>(
      `select count(*) filter (where status = 'closed')::int as closed, count(*) filter (where status not in ('submitted', 'rejected', 'merged'))::int as accepted
       from tips where region_code like $1`, [`${prefix}%`]);
    return { ...x, shown: ((100 * x.closed) / x.accepted).toFixed(1) };
  };
  afterAll(() => e?.close());

  it('shows the province, drills into 烟台市 from the map, and a card opens the same tips', async () => {
    const page = await consoleLogin(e, 'sd_lead');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('menuitem', { name: '数据看板' }).click();
    await page.getByTestId('dashboard-title').getByText('山东省 · 数据看板').waitFor();
    const [{ n: inProvince }] = await e.db.query<{ n: number }>(`select count(*)::int as n from tips where region_code like '37%'`);
    expect(Number(await kpi(page, 'tips_received'))).toBe(inProvince);
    // No publicity activity and no case yet: the figures say so rather than invent a zero where a strand has nothing.
    for (const id of ['cases_filed', 'people_reached', 'grade_red']) expect(await kpi(page, id), id).toMatch(/^(\d+|暂无数据)$/);
    // 办结率: one closed of two accepted, with its parts named and counted.
    const inShandong = await closure('37');
    expect(inShandong.shown).toBe('50.0');
    expect(await kpi(page, 'closure_rate_pct')).toBe(inShandong.shown);
    await page.getByTestId('kpi-closure_rate_pct').getByText(`已办结 ${inShandong.closed} ÷ 已受理（含其后各环节） ${inShandong.accepted}`).waitFor();

    // The table by city, sortable; the map of the province's cities.
    const table = page.getByTestId('child-table');
    await table.getByRole('link', { name: '烟台市', exact: true }).waitFor();
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(16);
    await page.getByTestId('region-map').locator('canvas').first().waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'dashboard-1-province');

    await clickArea(page, '370600');
    await page.getByTestId('dashboard-title').getByText('烟台市 · 数据看板').waitFor();
    await page.waitForURL(/\/console\/stats\?region=3706$/);
    await page.getByTestId('region-path').getByRole('link', { name: '山东省' }).waitFor();
    expect(await page.getByTestId('region-path').getByText('烟台市').getAttribute('aria-current')).toBe('page');
    const [{ n: inYantai }] = await e.db.query<{ n: number }>(`select count(*)::int as n from tips where region_code like '3706%'`);
    expect(inYantai).toBe(5);
    await expect.poll(() => kpi(page, 'tips_received')).toBe(String(inYantai));
    // 烟台市's counties: 龙口市 has three, 芝罘区 two.
    const row = (name: string) => page.getByTestId('child-table').locator('tbody tr', { has: page.getByRole('link', { name, exact: true }) });
    expect(await row('龙口市').locator('td').nth(1).textContent()).toBe('3');
    expect(await row('芝罘区').locator('td').nth(1).textContent()).toBe('2');
    await shot(page, 'dashboard-2-city');

    // The number opens its records: the tip list filtered to 烟台市 and the period, as many as the card says.
    await page.getByTestId('kpi-tips_received').getByRole('link').click();
    await page.waitForURL(/\/console\/tips\?.*regionCode=3706/);
    await page.getByTestId('tip-total').getByText(`共 ${inYantai} 条`).waitFor();
    await expect.poll(() => page.locator('tbody tr.ant-table-row').count()).toBe(inYantai);
    const places = (await e.db.query<{ name: string }>(`select r.name from tips t join regions r on r.code = t.region_code where t.region_code like '3706%' order by 1`)).map((r) => r.name);
    expect((await page.locator('tbody tr.ant-table-row td:nth-child(5)').allTextContents()).sort()).toEqual(places);
    await page.goBack();

    // A closed tip's rate in 烟台市, and its count opens the closed tips only.
    await page.getByTestId('dashboard-title').getByText('烟台市 · 数据看板').waitFor();
    await expect.poll(() => kpi(page, 'closure_rate_pct')).toBe((await closure('3706')).shown);
    await page.getByTestId('kpi-closure_rate_pct').getByRole('link').click();
    await page.waitForURL(/\/console\/tips\?.*status=closed/);
    await page.getByTestId('tip-total').getByText('共 1 条').waitFor();
    await page.goBack();
    // 按期办结率 opens the tips closed by their deadline: a filter with no field of its own, shown as a closable tag.
    await page.getByTestId('dashboard-title').getByText('烟台市 · 数据看板').waitFor();
    await page.getByTestId('kpi-on_time_rate_pct').getByRole('link').click();
    await page.waitForURL(/\/console\/tips\?counted=closed_on_time&regionCode=3706&/);
    await page.getByTestId('linked-filter').getByText('按期办结的线索').waitFor();
    await page.getByTestId('tip-total').getByText('共 1 条').waitFor();
    await page.getByTestId('linked-filter').locator('.ant-tag-close-icon').click();
    await page.waitForURL((u) => u.pathname === '/console/tips' && !u.search.includes('counted') && u.search.includes('regionCode=3706'));
    await page.getByTestId('tip-total').getByText(`共 ${inYantai} 条`).waitFor();
    await page.goBack();
    await page.goBack();

    // A row of the table drills further; the breadcrumb climbs back to the province.
    await row('龙口市').click();
    await page.getByTestId('dashboard-title').getByText('龙口市 · 数据看板').waitFor();
    await page.getByTestId('region-path').getByRole('link', { name: '烟台市', exact: true }).waitFor();
    await expect.poll(() => kpi(page, 'tips_received')).toBe('3');
    await page.getByTestId('region-path').getByRole('link', { name: '山东省' }).click();
    await page.getByTestId('dashboard-title').getByText('山东省 · 数据看板').waitFor();
    await page.context().close();
  });

  it('picks periods in Beijing dates, fits a 1024 × 768 tablet, and refuses a region outside the jurisdiction', async () => {
    const page = await consoleLogin(e, 'sd_lead');
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`${e.url}/console/stats`);
    const thisMonth = (today: string) => `${today.slice(0, 8)}01 至 ${today}`;
    await periodShows(page, thisMonth);
    await page.getByText('本年', { exact: true }).click();
    await periodShows(page, (today) => `${today.slice(0, 4)}-01-01 至 ${today}`);
    expect(page.url()).toContain('period=year');
    await page.getByTestId('child-table').getByRole('link', { name: '烟台市', exact: true }).waitFor();
    // Nothing spills sideways at tablet width; the KPI titles stay readable.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    for (const size of await page.locator('[data-testid^="kpi-"] .ant-typography-secondary').first().evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)))) {
      expect(size).toBeGreaterThanOrEqual(12);
    }
    expect(await axe(page)).toEqual([]);
    await shot(page, 'dashboard-3-tablet');

    // A custom period reversed or a region elsewhere in the country: the page says so, shows no figures.
    await page.goto(`${e.url}/console/stats?region=11`);
    await page.getByRole('alert').getByText('该地区不在本单位辖区内，或地区不存在').waitFor();
    expect(await page.getByTestId('kpi-tips_received').count()).toBe(0);
    await page.goto(`${e.url}/console/stats?period=custom&from=2026-03-31&to=2026-03-01`);
    await periodShows(page, thisMonth);
    await page.context().close();

    // A county office sees its own county, with no map (no outlines below a city), and cannot look at its neighbour.
    const county = await consoleLogin(e, 'lk_lead');
    await county.goto(`${e.url}/console/stats`);
    await county.getByTestId('dashboard-title').getByText('龙口市 · 数据看板').waitFor();
    expect(await county.getByTestId('region-map').count()).toBe(0);
    await county.goto(`${e.url}/console/stats?region=370602`);
    await county.getByRole('alert').getByText('该地区不在本单位辖区内，或地区不存在').waitFor();
    await county.context().close();
  });

  it('a case and a screening card open their lists, filtered by the same region, dates and stage, with as many records as the card says', async () => {
    // This month in 烟台市: one case filed in 龙口市 and two subjects inspected (one of them twice); before the month:
    // a case filed and a subject inspected, which the cards and the lists must both leave out. The page is opened on
    // this month named in its address (自定义, the first of the month to `today`), not on its default 本月: a run that
    // crosses Beijing midnight at a month's end would otherwise count the new month, without the records dated `today`.
    const today = beijingDay();
    const month = `${today.slice(0, 8)}01`;
    const [{ id: police }] = await e.db.query<{ id: number }>(`select id from units where region_code = '370681' and kind = 'police' limit 1`);
    const [{ id: market }] = await e.db.query<{ id: number }>(`select id from units where region_code = '370681' and kind = 'market_regulation' limit 1`);
    const [{ id: user }] = await e.db.query<{ id: number }>(`select id from users where username = 'lk_police'`);
    for (const [no, day] of [['E2E-1', today], ['E2E-2', '2026-01-15']]) {
      const [{ id }] = await e.db.query<{ id: number }>(
        `insert into criminal_cases (case_no, title, fraud_types, region_code, lead_unit_id, origin, stage, filed_on, created_by)
         values ($1, '保健品讲座诈骗老人案', '{elderly_product}', '370681', $2, 'new', 'filed', $3::date, $4) returning id`, [no, police, day, user]);
      await e.db.query(`insert into case_stages (case_id, stage, on_date, unit_id, created_by) values ($1, 'filed', $2::date, $3, $4)`, [id, day, police, user]);
    }
    const subjects: number[] = [];
    for (const [name, region] of [['龙口康寿养老院', '370681001'], ['芝罘福寿保健品店', '370602001'], ['龙口长青养老公寓', '370681002']]) {
      const [{ id }] = await e.db.query<{ id: number }>(
        `insert into subjects (region_code, kind, name, normalized_name) values ($1, 'elderly_care_institution', $2, $2) returning id`, [region, name]);
      subjects.push(id);
    }
    for (const [i, day] of [[0, today], [0, today], [1, today], [2, '2026-01-15']] as const) {
      await e.db.query(`insert into inspections (subject_id, unit_id, inspected_on, inspectors, checklist, created_by) values ($1, $2, $3::date, 2, '{}', $4)`, [subjects[i], market, day, user]);
    }

    const page = await consoleLogin(e, 'yt_lead');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${e.url}/console/stats?period=custom&from=${month}&to=${today}`);
    await page.getByTestId('dashboard-title').getByText('烟台市 · 数据看板').waitFor();
    await page.getByTestId('period').getByText(`统计期：${month} 至 ${today}`).waitFor();
    await expect.poll(() => kpi(page, 'cases_filed')).toBe('1');
    await expect.poll(() => kpi(page, 'entities_screened')).toBe('2');

    // 立案 opens the case list: cases that reached 立案 in the period in 烟台市, the filter shown and kept in the address.
    await page.getByTestId('kpi-cases_filed').getByRole('link').click();
    await page.waitForURL(new RegExp(`/console/cases\\?reached=filed&regionCode=3706&reachedFrom=${month}&reachedTo=${today}`));
    await page.getByTestId('linked-filter').getByText(/^立案日期：/).waitFor();
    await page.locator('.ant-pagination-total-text').getByText('共 1 条').waitFor();
    await expect.poll(() => page.locator('tbody tr.ant-table-row').count()).toBe(1);
    await page.locator('tbody tr.ant-table-row').getByText('E2E-1').waitFor();
    // The list reads its filter from the address: a reload shows the same records.
    await page.reload();
    await page.locator('.ant-pagination-total-text').getByText('共 1 条').waitFor();
    await page.goBack();

    // 排查主体 opens the registry: subjects inspected in the period, each once.
    await page.getByTestId('dashboard-title').getByText('烟台市 · 数据看板').waitFor();
    await page.getByTestId('kpi-entities_screened').getByRole('link').click();
    await page.waitForURL(/\/console\/subjects\?region=3706&inspectedFrom=/);
    await page.locator('.ant-pagination-total-text').getByText('共 2 条').waitFor();
    expect((await page.locator('tbody tr.ant-table-row td:nth-child(1)').allTextContents()).sort()).toEqual(['芝罘福寿保健品店', '龙口康寿养老院'].sort());
    expect(await axe(page)).toEqual([]);
    await shot(page, 'dashboard-4-screened-list');
    // Clearing the link's filter lists the whole registry of the jurisdiction again (all three).
    await page.getByTestId('linked-filter').locator('.ant-tag-close-icon').click();
    await page.waitForURL(/\/console\/subjects\?region=3706$/);
    await page.locator('.ant-pagination-total-text').getByText('共 3 条').waitFor();

    // A by-unit figure: the hazards 龙口's market regulation registered this month open on the ledger, the unit named in a closable tag.
    await e.db.query(`insert into hazards (subject_id, unit_id, description, category, measure, deadline, responsible, status, created_by)
                      values ($1, $2, '预付费会员卡未备案', 'prepaid', 'rectification_order', '2099-12-31', '张三', 'open', $3)`, [subjects[0], market, user]);
    // Found on the Beijing day of its insert (now()): `today`, or a later day if the run has crossed Beijing midnight
    // since; the period ends on the day read after the insert, so it holds the hazard either way.
    const byUnit = await (await page.request.get(`${e.url}/api/stats?region=3706&from=${month}&to=${beijingDay()}&indicators=hazards_found&by=unit`)).json();
    const row = byUnit.rows.find((r: { key: string }) => r.key === String(market));
    expect(row.figures.hazards_found.value).toBe(1);
    await page.goto(`${e.url}${row.figures.hazards_found.link}`);
    await page.getByTestId('linked-filter').getByText(`登记单位：${row.name}`).waitFor();
    await page.getByTestId('linked-filter').getByText(/^发现日期：/).waitFor();
    await page.locator('.ant-pagination-total-text').getByText('共 1 条').waitFor();
    await page.context().close();
  });
});
