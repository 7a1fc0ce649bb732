import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, validTip, type TestApp } from '../../test/helpers.ts';
import { chinaToday } from '../../../shared/time.ts';
import { sql } from '../../db/client.ts';
import { COUNTED } from '../tips/tips.query.service.ts';
import type { IndicatorKey } from '../../../shared/indicators.ts';

/**
 * Every figure links to the records behind it (issue 11): the engine's link, opened as the console
 * list does — the same query against that list's API — selects exactly the records the figure
 * counts (the list's total equals the figure). Records of March 2026 in 龙口市, with others just
 * outside: the month before, the sibling county 芝罘区, the city itself.
 */
describe('figure links select exactly the records counted', () => {
  let t: TestApp;
  let cookie = '';
  const unit = (key: string) => t.world.units.get(key)!;
  let userId = 0;
  const FROM = '2026-03-01';
  const TO = '2026-03-31';

  /** The API a console list reads, for a link the engine gives (the page sends its query as it is). */
  const apiOf = (link: string) => {
    const url = new URL(link, 'http://x');
    const tab = url.searchParams.get('tab');
    const api = url.pathname === '/console/tips' ? '/api/tips/count'
      : url.pathname === '/console/cases' ? (tab === 'enforcement' ? '/api/enforcement' : '/api/cases')
      : url.pathname === '/console/subjects' ? (tab === 'ledger' ? '/api/hazards' : '/api/subjects')
      : url.pathname === '/console/publicity' ? '/api/publicity/activities'
      : url.pathname === '/console/supervision' ? '/api/supervision/rounds'
      : url.pathname === '/console/publicity/monitoring' ? '/api/publicity/monitoring'
      : null;
    expect(api, link).not.toBeNull();
    return `${api}${url.search}`;
  };
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const stats = async (qs: string) => {
    const r = await get(`/api/stats?${qs}`);
    expect(r.statusCode, r.body).toBe(200);
    return json(r);
  };
  const listPage = async (link: string) => {
    const r = await get(apiOf(link));
    expect(r.statusCode, `${link}: ${r.body}`).toBe(200);
    return json(r);
  };
  const listTotal = async (link: string) => (await listPage(link)).total as number;

  const fileCase = async (no: string, region: string, fraudTypes: string[], stages: [string, string][], figures: [string, number, string][] = []) => {
    const [{ id }] = await t.db.query<{ id: number }>(
      sql`insert into criminal_cases (case_no, title, fraud_types, region_code, lead_unit_id, origin, stage, filed_on, created_by)
          values (${no}, ${`测试案件${no}`}, ${fraudTypes}::text[], ${region}, ${unit('370681:police')}, 'new', ${stages.at(-1)![0]}, ${stages[0][1]}::date, ${userId}) returning id`);
    for (const [stage, day] of stages) {
      await t.db.query(sql`insert into case_stages (case_id, stage, on_date, unit_id, created_by) values (${id}, ${stage}, ${day}::date, ${unit('370681:police')}, ${userId})`);
    }
    for (const [kind, value, day] of figures) {
      await t.db.query(sql`insert into case_figures (case_id, kind, value, on_date, unit_id, created_by) values (${id}, ${kind}, ${value}, ${day}::date, ${unit('370681:police')}, ${userId})`);
    }
    return id;
  };
  const subject = async (name: string, region: string, kind: string) => {
    const [{ id }] = await t.db.query<{ id: number }>(
      sql`insert into subjects (region_code, kind, name, normalized_name) values (${region}, ${kind}, ${name}, ${name}) returning id`);
    return id;
  };
  const inspect = (subjectId: number, day: string, inspectors = 2) =>
    t.db.query(sql`insert into inspections (subject_id, unit_id, inspected_on, inspectors, checklist, created_by)
                   values (${subjectId}, ${unit('370681:market_regulation')}, ${day}::date, ${inspectors}, '{}', ${userId})`);
  let docNo = 0;
  const issue = (subjectId: number, kind: string, day: string, fineFen: number | null = null) =>
    t.db.query(sql`insert into enforcement_records (kind, doc_no, unit_id, subject_id, issued_on, fine_fen, police_unit_id, summary, created_by)
                   values (${kind}, ${`龙市监〔2026〕${++docNo}号`}, ${unit('370681:market_regulation')}, ${subjectId}, ${day}::date, ${fineFen},
                           ${kind === 'transfer_police' ? unit('370681:police') : null}, '测试文书内容', ${userId})`);
  const activity = (region: string, day: string, people: number) =>
    t.db.query(sql`insert into publicity_activities (region_code, unit_id, kind, title, start_date, end_date, people_reached, created_by)
                   values (${region}, ${unit('370681:campaign_office')}, 'lecture', '防范养老诈骗讲座', ${day}::date, ${day}::date, ${people}, ${userId})`);
  const monitor = (unitKey: string, region: string, day: string, monitored: number, cleaned: number) =>
    t.db.query(sql`insert into ads_monitoring_rounds (region_code, unit_id, title, media, start_date, end_date, ads_monitored, ads_cleaned, created_by)
                   values (${region}, ${unit(unitKey)}, '涉养老广告监测', '{website}', ${day}::date, ${day}::date, ${monitored}, ${cleaned}, ${userId})`);
  const round = (unitKey: string, region: string, day: string) =>
    t.db.query(sql`insert into supervision_rounds (title, supervising_unit_id, region_code, method, start_date, end_date, created_by)
                   values ('专项督导', ${unit(unitKey)}, ${region}, 'on_site', ${day}::date, ${day}::date, ${userId})`);

  beforeAll(async () => {
    t = await createTestApp();
    cookie = await t.login('yt_intake');
    [{ id: userId }] = await t.db.query<{ id: number }>(sql`select id from users where username = 'lk_police'`);

    // Cases: A filed and solved in March with 3 arrested; B filed in February, solved in March;
    // C in 芝罘区; D filed in a 龙口 township on the last day, another fraud type.
    await fileCase('A', '370681', ['elderly_product'], [['filed', '2026-03-05'], ['solved', '2026-03-20']], [['arrested', 3, '2026-03-06'], ['amount_involved', 500000, '2026-03-06'], ['amount_recovered', 100000, '2026-03-25']]);
    await fileCase('B', '370681', ['elderly_product'], [['filed', '2026-02-20'], ['solved', '2026-03-10']], [['arrested', 1, '2026-02-21'], ['amount_recovered', 5000, '2026-02-25']]);
    await fileCase('C', '370602', ['elderly_product'], [['filed', '2026-03-07']], [['arrested', 2, '2026-03-08']]);
    await fileCase('D', '370681001', ['elderly_service'], [['filed', '2026-03-31']], [['arrested', 4, '2026-03-31']]);

    // Screening: S1 inspected twice in March (one subject), S2 in February and on 31 March, S3 in 芝罘区.
    const s1 = await subject('龙口测试养老院', '370681001', 'elderly_care_institution');
    const s2 = await subject('龙口测试保健品店', '370681002', 'health_product_seller');
    const s3 = await subject('芝罘测试养老院', '370602001', 'elderly_care_institution');
    await inspect(s1, '2026-03-02', 3);
    await inspect(s1, '2026-03-15');
    await inspect(s2, '2026-02-27');
    await inspect(s2, '2026-03-31');
    await inspect(s3, '2026-03-03');
    // Hazards: found in March (one crossed off in March), found in February, found in 芝罘区.
    const hazard = (subjectId: number, createdAt: string, verifiedAt: string | null) =>
      t.db.query(sql`insert into hazards (subject_id, unit_id, description, category, measure, deadline, responsible, status, verified_at, created_by, created_at)
                     values (${subjectId}, ${unit('370681:market_regulation')}, '预付费会员卡未备案', 'prepaid', 'rectification_order', '2026-12-31', '张三',
                             ${verifiedAt ? 'verified' : 'open'}, ${verifiedAt}::timestamptz, ${userId}, ${createdAt}::timestamptz)`);
    await hazard(s1, '2026-03-02T10:00:00+08:00', '2026-03-20T10:00:00+08:00');
    // Registered at 00:30 Beijing time on 1 March: still 28 February in UTC, March in the engine.
    await hazard(s2, '2026-03-01T00:30:00+08:00', null);
    await hazard(s2, '2026-02-27T10:00:00+08:00', '2026-03-05T10:00:00+08:00');
    await hazard(s3, '2026-03-03T10:00:00+08:00', null);

    // Enforcement: two 三书一函 in March (one the penalty decision), a transfer (no notice), one in February, one in 芝罘区.
    await issue(s1, 'rectification_notice', '2026-03-03');
    await issue(s1, 'penalty_decision', '2026-03-04', 200000);
    await issue(s2, 'transfer_police', '2026-03-05');
    await issue(s1, 'interview_notice', '2026-02-10');
    await issue(s3, 'risk_warning_letter', '2026-03-06');

    // Publicity: two activities in 龙口 in March, one in February, one in 芝罘区.
    await activity('370681', '2026-03-08', 120);
    await activity('370681001', '2026-03-09', 80);
    await activity('370681', '2026-02-08', 60);
    await activity('370602', '2026-03-08', 200);

    // Ads monitoring: 龙口's market regulation twice in March (once in a township), its office once; one in February; one in 芝罘区.
    await monitor('370681:market_regulation', '370681', '2026-03-02', 40, 5);
    await monitor('370681:market_regulation', '370681001', '2026-03-31', 10, 0);
    await monitor('370681:campaign_office', '370681', '2026-03-15', 7, 2);
    await monitor('370681:market_regulation', '370681', '2026-02-28', 100, 50);
    await monitor('3706:campaign_office', '370602', '2026-03-10', 300, 30);

    // Supervision: 龙口's office in March and February; the city's office in March (not 龙口's).
    await round('370681:campaign_office', '370681', '2026-03-12');
    await round('370681:campaign_office', '370681', '2026-02-12');
    await round('3706:campaign_office', '3706', '2026-03-12');
  });
  afterAll(() => t.close());

  const EXPECTED: [IndicatorKey, number][] = [
    ['cases_filed', 2], ['cases_solved', 2],
    ['entities_screened', 2],
    ['hazards_found', 2], ['hazards_rectified', 2],
    ['rectification_notices', 2], ['admin_penalties', 1],
    ['publicity_events', 2],
    ['supervision_rounds', 1],
  ];

  it('for a county and a month: each counting figure\'s link lists exactly as many records as it counts', async () => {
    const keys = EXPECTED.map(([k]) => k);
    const { figures } = await stats(`region=370681&from=${FROM}&to=${TO}&indicators=${keys.join(',')}`);
    for (const [k, n] of EXPECTED) {
      expect(figures[k].value, k).toBe(n);
      expect(figures[k].link, k).toBeTruthy();
      expect(await listTotal(figures[k].link), `${k}: ${figures[k].link}`).toBe(n);
    }
    expect(figures.cases_filed.link).toBe(`/console/cases?reached=filed&regionCode=370681&reachedFrom=${FROM}&reachedTo=${TO}`);
  });

  it('sums link to the records they add up, rates to their numerator\'s, reported-only figures nowhere', async () => {
    const { figures } = await stats(`region=370681&from=${FROM}&to=${TO}`);
    // 3 + 4 arrested in two cases; 5 inspectors at two subjects; 200 people at two activities.
    expect(figures.suspects_arrested.value).toBe(7);
    expect(await listTotal(figures.suspects_arrested.link)).toBe(2);
    expect(figures.inspections_person_times.value).toBe(3 + 2 + 2);
    expect(figures.inspections_person_times.link).toBe(figures.entities_screened.link);
    expect(figures.people_reached.value).toBe(200);
    expect(await listTotal(figures.people_reached.link)).toBe(2);
    expect(figures.penalty_amount_yuan.value).toBe(2000);
    expect(figures.penalty_amount_yuan.link).toBe(figures.admin_penalties.link);
    expect(figures.recovery_rate_pct.link).toBe(figures.amount_recovered_yuan.link);
    expect(await listTotal(figures.recovery_rate_pct.link)).toBe(1);
    for (const k of ['elderly_devices', 'beds', 'meetings', 'other']) expect(figures[k].link, k).toBeUndefined();
  });

  it('rows by child region, fraud type and sector link to their own records; a stock links up to its last day', async () => {
    const byChild = await stats(`region=3706&from=${FROM}&to=${TO}&indicators=cases_filed,entities_screened,publicity_events,rectification_notices&by=child`);
    for (const code of ['370681', '370602']) {
      const row = byChild.rows.find((r: { key: string }) => r.key === code);
      for (const k of ['cases_filed', 'entities_screened', 'publicity_events', 'rectification_notices']) {
        expect(await listTotal(row.figures[k].link), `${code} ${k}`).toBe(row.figures[k].value);
      }
    }
    // 烟台市's own round is 本级: a list of 烟台市 would be its whole subtree, so that row has no link.
    const own = (await stats(`region=3706&from=${FROM}&to=${TO}&indicators=supervision_rounds&by=child`)).rows.find((r: { key: string }) => r.key === '3706');
    expect(own.figures.supervision_rounds).toMatchObject({ value: 1 });
    expect(own.figures.supervision_rounds.link).toBeUndefined();
    const byType = await stats(`region=370681&from=${FROM}&to=${TO}&indicators=cases_filed&by=fraudType`);
    for (const row of byType.rows) expect(await listTotal(row.figures.cases_filed.link), row.key).toBe(row.figures.cases_filed.value);
    const bySector = await stats(`region=370681&from=${FROM}&to=${TO}&indicators=entities_screened&by=sector`);
    expect(bySector.rows.length).toBe(2);
    for (const row of bySector.rows) expect(await listTotal(row.figures.entities_screened.link), row.key).toBe(row.figures.entities_screened.value);
    // Hazards (the ledger's 行业领域) and enforcement (the subject's kind) by sector too.
    const sectorKeys = ['hazards_found', 'hazards_rectified', 'rectification_notices', 'admin_penalties'];
    const bySectorMore = await stats(`region=370681&from=${FROM}&to=${TO}&indicators=${sectorKeys.join(',')}&by=sector`);
    let linked = 0;
    for (const row of bySectorMore.rows) {
      for (const k of sectorKeys) {
        if (!row.figures[k]?.value) continue;
        expect(row.figures[k].link, `${row.key} ${k}`).toMatch(/[?&](kind|subjectKind)=/);
        expect(await listTotal(row.figures[k].link), `${row.key} ${k}: ${row.figures[k].link}`).toBe(row.figures[k].value);
        linked++;
      }
    }
    // 养老机构: 1 found, 1 rectified, 2 notices, 1 penalty; 保健品店: 1 found, 1 rectified.
    expect(linked).toBe(6);
    // 机构数 is a stock: every institution registered by the last day, whatever the first.
    const stock = await stats('region=3706&indicators=institutions_count');
    expect(stock.figures.institutions_count.value).toBe(2);
    expect(await listTotal(stock.figures.institutions_count.link)).toBe(2);
    const stockBySector = await stats('region=3706&indicators=institutions_count&by=sector');
    expect(stockBySector.rows.map((r: { key: string }) => r.key)).toEqual(['elderly_care_institution']);
    expect(await listTotal(stockBySector.rows[0].figures.institutions_count.link)).toBe(2);
  });

  it('tips closed on time, found true and rated satisfied link to the tips counted (the tip list\'s `counted` filter), and so do their rates', async () => {
    // Beijing's day before the tips are received and after: a run across midnight still asks for the day they fell on.
    const firstDay = chinaToday();
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ regionCode: '370681001' }) });
      expect(r.statusCode, r.body).toBe(201);
      const [{ id }] = await t.db.query<{ id: number }>(sql`select id from tips order by id desc limit 1`);
      ids.push(id);
    }
    // 0: closed on time, true, satisfied; 1: closed late, not satisfied; 2: closed on time, no rating; 3: true only; 4: nothing.
    const close = (id: number, late: boolean, satisfied: boolean | null, verdictTrue: boolean) =>
      t.db.query(sql`update tips set status = 'closed', deadline_at = now() + interval '1 day', closed_at = now() + ${late ? '2 days' : '1 hour'}::interval,
                       rating_satisfied = ${satisfied}, verdict_true = ${verdictTrue} where id = ${id}`);
    await close(ids[0], false, true, true);
    await close(ids[1], true, false, false);
    await close(ids[2], false, null, false);
    await t.db.query(sql`update tips set verdict_true = true where id = ${ids[3]}`);
    // The edges of 按期办结: 5 closed with no deadline (not on time), 6 closed at the deadline to the microsecond (on time).
    await t.db.query(sql`update tips set status = 'closed', deadline_at = null, closed_at = now() where id = ${ids[5]}`);
    await t.db.query(sql`update tips set status = 'closed', deadline_at = now(), closed_at = now() where id = ${ids[6]}`);
    const keys = ['tips_closed_on_time', 'tips_true', 'reporter_satisfied', 'on_time_rate_pct', 'satisfaction_rate_pct'];
    const { figures } = await stats(`region=370681&from=${firstDay}&to=${chinaToday()}&indicators=${keys.join(',')}`);
    expect([figures.tips_closed_on_time.value, figures.tips_true.value, figures.reporter_satisfied.value]).toEqual([3, 2, 1]);
    for (const k of ['tips_closed_on_time', 'tips_true', 'reporter_satisfied']) {
      expect(figures[k].link, k).toMatch(/^\/console\/tips\?counted=/);
      expect(await listTotal(figures[k].link), `${k}: ${figures[k].link}`).toBe(figures[k].value);
    }
    // The list's conditions (typed in tips.query.service.ts for speed) select exactly the tips the engine's
    // stats_c_tip counts for each indicator, over every tip of this database, the edges above included.
    for (const [k, c] of Object.entries(COUNTED)) {
      const listed = await t.db.query<{ id: number }>(sql`select t.id from tips t where ${c.sql} order by 1`);
      const engine = await t.db.query<{ id: number }>(
        sql`select t.id from tips t where exists (select 1 from stats_c_tip(t) s where s.indicator = ${c.indicator} and s.dim = '') order by 1`);
      expect(listed.length, k).toBeGreaterThan(0);
      expect(listed.map((r) => Number(r.id)), k).toEqual(engine.map((r) => Number(r.id)));
    }
    // The list itself (not only its count) reads the same filter.
    const listed = json(await get(figures.tips_closed_on_time.link.replace('/console/tips', '/api/tips')));
    expect(listed.items.map((x: { id: number }) => x.id).sort()).toEqual([ids[0], ids[2], ids[6]].sort());
    expect(figures.on_time_rate_pct.link).toBe(figures.tips_closed_on_time.link);
    expect(figures.satisfaction_rate_pct.link).toBe(figures.reporter_satisfied.link);
    const bad = await get('/api/tips?counted=late');
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error.fields[0]).toMatchObject({ path: expect.stringContaining('counted'), message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
  });

  it('ads monitoring figures link to the rounds they add up (the list\'s totals are the figures), in a by=child row too', async () => {
    const { figures } = await stats(`region=370681&from=${FROM}&to=${TO}&indicators=ads_monitored,ads_cleaned`);
    expect(figures.ads_monitored.value).toBe(40 + 10 + 7);
    expect(figures.ads_cleaned.value).toBe(5 + 2);
    expect(figures.ads_monitored.link).toBe(`/console/publicity/monitoring?regionCode=370681&from=${FROM}&to=${TO}`);
    expect(figures.ads_cleaned.link).toBe(figures.ads_monitored.link);
    const page = await listPage(figures.ads_monitored.link);
    expect(page.total).toBe(3);
    expect(page.totals.ads_monitored).toBe(figures.ads_monitored.value);
    expect(page.totals.ads_cleaned).toBe(figures.ads_cleaned.value);
    const byChild = await stats(`region=3706&from=${FROM}&to=${TO}&indicators=ads_monitored&by=child`);
    for (const code of ['370681', '370602']) {
      const row = byChild.rows.find((r: { key: string }) => r.key === code);
      expect((await listPage(row.figures.ads_monitored.link)).totals.ads_monitored, code).toBe(row.figures.ads_monitored.value);
    }
  });

  it('by=unit rows link to the unit\'s records where the list\'s unit is the engine\'s (activities, monitoring, supervision, hazards, enforcement); the others say why not', async () => {
    const keys = ['ads_monitored', 'publicity_events', 'people_reached', 'supervision_rounds', 'hazards_found', 'rectification_notices', 'cases_filed', 'entities_screened'];
    const { rows } = await stats(`region=370681&from=${FROM}&to=${TO}&indicators=${keys.join(',')}&by=unit`);
    const row = (unitKey: string) => rows.find((r: { key: string }) => r.key === String(unit(unitKey)));
    const market = row('370681:market_regulation');
    const office = row('370681:campaign_office');
    expect(market.figures.ads_monitored.value).toBe(50);
    expect(office.figures.ads_monitored.value).toBe(7);
    expect(office.figures.publicity_events.value).toBe(2);
    expect(office.figures.supervision_rounds.value).toBe(1);
    let checked = 0;
    for (const r of rows) {
      for (const k of ['ads_monitored', 'publicity_events', 'supervision_rounds', 'hazards_found', 'rectification_notices']) {
        const f = r.figures[k];
        if (!f?.value) continue;
        expect(f.link, `${r.name} ${k}`).toContain(`unitId=${r.key}`);
        expect(await listTotal(f.link), `${r.name} ${k}`).toBe(k === 'ads_monitored' ? (await listPage(f.link)).total : f.value);
        if (k === 'ads_monitored') expect((await listPage(f.link)).totals.ads_monitored, r.name).toBe(f.value);
        checked++;
      }
      // 人数 sums the activities: the link is the events' list.
      if (r.figures.people_reached?.link) expect(r.figures.people_reached.link).toBe(r.figures.publicity_events.link);
      // A case's or an inspection's unit is the one that recorded the stage or inspection, which no list filters by.
      expect(r.figures.cases_filed?.link, r.name).toBeUndefined();
      expect(r.figures.entities_screened?.link, r.name).toBeUndefined();
    }
    // 市场监管局: monitoring, hazards and notices; 专项办: monitoring, activities, supervision.
    expect(market.figures.hazards_found.value).toBe(2);
    expect(market.figures.rectification_notices.value).toBe(2);
    expect(checked).toBe(6);
    // The unit filter's bad values are 400 with the field's path.
    for (const url of ['/api/publicity/activities?unitId=x', '/api/publicity/monitoring?unitId=0', '/api/supervision/rounds?unitId=-1', '/api/hazards?unitId=1.5', '/api/enforcement?unitId=abc']) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(400);
      expect(json(r).error.fields.map((f: { path: string }) => f.path.replace(/^querystring\./, '')), url).toContain('unitId');
      expect(json(r).error.fields.every((f: { message: string }) => /[\u4e00-\u9fa5]/.test(f.message)), `${url}: ${r.body}`).toBe(true);
    }
    // A unit filter narrows the jurisdiction, never widens it: 龙口's staff naming the city's office see
    // none of its rounds (in 芝罘区 and in the city), nor their own office's activity in 芝罘区.
    const lk = await t.login('lk_intake');
    const totalAs = async (who: string, url: string) => {
      const r = await t.app.inject({ method: 'GET', url, headers: { cookie: who } });
      expect(r.statusCode, `${url}: ${r.body}`).toBe(200);
      return json(r).total as number;
    };
    for (const [url, city, county] of [
      [`/api/publicity/monitoring?unitId=${unit('3706:campaign_office')}`, 1, 0],
      [`/api/supervision/rounds?unitId=${unit('3706:campaign_office')}`, 1, 0],
      [`/api/publicity/activities?unitId=${unit('370681:campaign_office')}&regionCode=370602`, 1, 0],
      [`/api/publicity/activities?unitId=${unit('370681:campaign_office')}`, 4, 3],
    ] as const) {
      expect(await totalAs(cookie, url), `烟台 ${url}`).toBe(city);
      expect(await totalAs(lk, url), `龙口 ${url}`).toBe(county);
    }
    // The supervision list's own figure follows the unit filter.
    const sup = json(await get(`/api/supervision/rounds?regionCode=370681&from=${FROM}&to=${TO}&unitId=${unit('370681:campaign_office')}`));
    expect(sup.figures.supervision_rounds).toBe(1);
    expect(sup.total).toBe(1);
  });

  it('the lists refuse bad filter values with field paths and Chinese messages, and regions outside the jurisdiction', async () => {
    for (const [url, path] of [
      ['/api/cases?reached=arrested', 'reached'], ['/api/cases?reachedFrom=2026-03-01', 'reached'], ['/api/cases?reached=filed&reachedFrom=2026-13-01', 'reachedFrom'],
      ['/api/cases?reached=filed&reachedFrom=2026-03-02&reachedTo=2026-03-01', 'reachedTo'], ['/api/cases?figureKind=amount', 'figureKind'],
      ['/api/subjects?inspectedFrom=yesterday', 'inspectedFrom'], ['/api/subjects?inspectedFrom=2026-03-02&inspectedTo=2026-03-01', 'inspectedTo'],
      ['/api/subjects?registeredTo=2026-02-30', 'registeredTo'], ['/api/hazards?region=37%25', 'region'], ['/api/hazards?foundFrom=2026-03-02&foundTo=2026-03-01', 'foundTo'],
      ['/api/hazards?verifiedTo=march', 'verifiedTo'], ['/api/enforcement?notices=maybe', 'notices'], ['/api/enforcement?regionCode=3706x', 'regionCode'],
      ['/api/supervision/rounds?regionCode=abc', 'regionCode'],
      ['/api/enforcement?subjectKind=bank', 'subjectKind'],
    ] as const) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(400);
      const fields = json(r).error.fields as { path: string; message: string }[];
      expect(fields.map((f) => f.path.replace(/^querystring\./, '')), url).toContain(path);
      expect(fields.every((f) => /[\u4e00-\u9fa5]/.test(f.message)), `${url}: ${JSON.stringify(fields)}`).toBe(true);
    }
    // 烟台's office asking for 江苏 or 济南: a region outside the jurisdiction is 404 on every list.
    expect((await get('/api/hazards?region=3701')).statusCode).toBe(404);
    expect((await get('/api/supervision/rounds?regionCode=3701')).statusCode).toBe(404);
    expect((await get('/api/cases?regionCode=3701')).statusCode).toBe(404);
    expect((await get('/api/enforcement?regionCode=3701')).statusCode).toBe(404);
  });
});
