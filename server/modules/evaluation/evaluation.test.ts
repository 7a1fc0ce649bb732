import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, newCase, seedSecondProvince, validTip, type TestApp } from '../../test/helpers.ts';
import { chinaToday } from '../../../shared/time.ts';

/**
 * Evaluation (考评) through the API: a ranking of 烟台市's counties over known records, each component
 * recomputed here from the facts the test inserted (not from the service's SQL), the weights and their
 * history, the population with its bounds, and jurisdiction.
 */
describe('evaluation (考评): ranking child regions by weighted components', () => {
  let t: TestApp;
  const daysAgo = (d: number) => chinaToday(Date.now() - d * 86400_000);
  // The period ranked: the 30 Beijing days ending on the day the facts were all in (read at the end of beforeAll).
  // Each fact is dated against its own insert, so a run that crosses Beijing midnight (16:00 UTC) while inserting
  // still has every fact of the period in it and every old one out; a period read before the inserts would not.
  let today: string;
  let from: string;
  const LK = '370681';
  const ZF = '370602';
  const LS = '370613';

  async function as(user: string) {
    const cookie = await t.login(user);
    return {
      get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } }),
      post: (url: string, payload?: unknown) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as object }),
    };
  }

  /** Public tips in a township of `county`, then their outcome written directly (the state machine is tested elsewhere). */
  async function tips(county: string, specs: { closed?: 'on_time' | 'late' | 'no_deadline'; rated?: boolean; daysAgo?: number }[]) {
    for (const s of specs) {
      const r = await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ regionCode: `${county}001` }) });
      expect(r.statusCode).toBe(201);
      const [{ id }] = await t.db.query<{ id: number }>('select id from tips where tracking_code = $1', [json(r).trackingCode]);
      if (s.closed === 'on_time') await t.db.query(`update tips set status = 'closed', deadline_at = now() + interval '2 days', closed_at = now() where id = $1`, [id]);
      if (s.closed === 'late') await t.db.query(`update tips set status = 'closed', deadline_at = now() - interval '2 days', closed_at = now() where id = $1`, [id]);
      if (s.closed === 'no_deadline') await t.db.query(`update tips set status = 'closed', closed_at = now() where id = $1`, [id]);
      if (s.rated !== undefined) await t.db.query('update tips set rating_satisfied = $2, rated_at = now() where id = $1', [id, s.rated]);
      if (s.daysAgo) await t.db.query(`update tips set received_at = now() - make_interval(days => $2) where id = $1`, [id, s.daysAgo]);
    }
  }

  /** Subjects of a county; each with the days-ago of its inspections. */
  async function subjects(county: string, prefix: string, inspections: number[][]) {
    const intake = await as(`${prefix}_intake`);
    const ids: number[] = [];
    for (const [i, days] of inspections.entries()) {
      const s = await intake.post('/api/subjects', { regionCode: county, kind: 'elderly_care_institution', name: `${county}考评测试养老院${i}` });
      expect(s.statusCode).toBe(201);
      ids.push(json(s).id);
      for (const d of days) {
        await t.db.query(
          `insert into inspections (subject_id, unit_id, inspected_on, inspectors, checklist, created_by) values ($1, $2, $3::date, 2, '{}'::jsonb, $4)`,
          [json(s).id, t.world.units.get(`${county}:campaign_office`), daysAgo(d), t.world.users.get(`${prefix}_intake`)],
        );
      }
    }
    return ids;
  }

  async function hazard(subjectId: number, county: string, prefix: string, o: { foundDaysAgo: number; verifiedDaysAgo?: number }) {
    await t.db.query(
      `insert into hazards (subject_id, unit_id, description, category, measure, deadline, responsible, created_by, status, verified_at, created_at)
       values ($1, $2, '预收会员费', 'prepaid', 'risk_warning', current_date + 30, '院长', $3, $4, $5, now() - make_interval(days => $6))`,
      [subjectId, t.world.units.get(`${county}:campaign_office`), t.world.users.get(`${prefix}_intake`),
        o.verifiedDaysAgo === undefined ? 'open' : 'verified', o.verifiedDaysAgo === undefined ? null : new Date(Date.now() - o.verifiedDaysAgo * 86400_000), o.foundDaysAgo],
    );
  }

  async function reached(county: string, people: number, startDaysAgo: number) {
    await t.db.query(
      `insert into publicity_activities (region_code, unit_id, kind, title, start_date, end_date, people_reached, created_by)
       values ($1, $2, 'lecture', '防骗讲座', $3::date, $3::date, $4, $5)`,
      [county, t.world.units.get(`${county}:campaign_office`), daysAgo(startDaysAgo), people, t.world.users.get('yt_intake')],
    );
  }

  // The facts inserted, as the test knows them (the expected values are computed from these).
  type Pair = readonly [number, number] | null;
  const FACTS: Record<string, { onTime: Pair; satisfaction: Pair; recovery: Pair; screening: Pair; hazards: Pair; reached: number; population: number }> = {
    [LK]: { onTime: [2, 3], satisfaction: [2, 3], recovery: [3000, 10000], screening: [2, 4], hazards: [3, 4], reached: 12_000, population: 150_000 },
    [ZF]: { onTime: [2, 2], satisfaction: [1, 1], recovery: null, screening: [1, 1], hazards: null, reached: 6_000, population: 200_000 },
    [LS]: { onTime: null, satisfaction: null, recovery: null, screening: null, hazards: null, reached: 0, population: 100_000 },
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedSecondProvince(t.db);
    // 龙口市: in the period 3 closed with a deadline (2 on time), 1 closed without, 1 open; 3 rated (2 satisfied). One old tip outside the period.
    await tips(LK, [{ closed: 'on_time', rated: true }, { closed: 'on_time', rated: true }, { closed: 'late', rated: false }, { closed: 'no_deadline' }, {}, { closed: 'on_time', rated: true, daysAgo: 60 }]);
    await tips(ZF, [{ closed: 'on_time', rated: true }, { closed: 'on_time' }]);
    // A tip in 烟台市 itself (no county): in no child region.
    await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ regionCode: '3706' }) });

    // 龙口市's case: ¥10,000 involved, ¥2,000 recovered corrected to ¥3,000, and an entry dated 60 days ago (outside).
    const police = await as('lk_police');
    const filed = await police.post('/api/cases', { ...newCase(), filedOn: daysAgo(70), regionCode: LK });
    expect(filed.statusCode).toBe(201);
    const caseId = json(filed).id;
    const fig = (kind: string, value: number, onDate = chinaToday()) => police.post(`/api/cases/${caseId}/figures`, { kind, value, onDate });
    expect((await fig('amount_involved', 1_000_000)).statusCode).toBe(201);
    const rec = await fig('amount_recovered', 200_000);
    expect(rec.statusCode).toBe(201);
    expect((await police.post(`/api/cases/${caseId}/figures/${json(rec).id}/corrections`, { value: 300_000, reason: '追回款项核对更正' })).statusCode).toBe(201);
    expect((await fig('amount_involved', 500_000, daysAgo(60))).statusCode).toBe(201);

    // Screening: 龙口市 4 subjects, 2 inspected in the period (one twice), 1 only 60 days ago; 芝罘区 1 of 1.
    const lkSubjects = await subjects(LK, 'lk', [[1, 3], [2], [60], []]);
    await subjects(ZF, 'zf', [[5]]);
    // Hazards of 龙口市: 4 found in the period, 2 of them crossed off in it; one found 60 days ago crossed off today.
    await hazard(lkSubjects[0], LK, 'lk', { foundDaysAgo: 2, verifiedDaysAgo: 0 });
    await hazard(lkSubjects[0], LK, 'lk', { foundDaysAgo: 3, verifiedDaysAgo: 1 });
    await hazard(lkSubjects[1], LK, 'lk', { foundDaysAgo: 4 });
    await hazard(lkSubjects[1], LK, 'lk', { foundDaysAgo: 5 });
    await hazard(lkSubjects[2], LK, 'lk', { foundDaysAgo: 60, verifiedDaysAgo: 0 });
    // Publicity: 龙口市 12,000 people in the period (5,000 more 60 days ago), 芝罘区 6,000, 莱山区 nothing.
    await reached(LK, 12_000, 2);
    await reached(LK, 5_000, 60);
    await reached(ZF, 6_000, 10);

    const yt = await as('yt_intake');
    for (const code of [LK, ZF, LS]) {
      const r = await yt.post('/api/evaluation/population', { regionCode: code, population: FACTS[code].population, asOf: '2020-11-01', source: '第七次全国人口普查（测试）' });
      expect(r.statusCode, r.body).toBe(201);
    }
    today = chinaToday();
    from = chinaToday(Date.parse(today) - 29 * 86400_000);
  });
  afterAll(() => t.close());

  /** What the ranking must say for one county and scheme, from FACTS alone. */
  function expected(weights: Record<string, number>, rule: 'zero' | 'reweight') {
    const reachOf = (c: string) => (FACTS[c].reached / FACTS[c].population) * 10_000;
    const best = Math.max(...[LK, ZF, LS].map(reachOf));
    return Object.fromEntries([LK, ZF, LS].map((c) => {
      const f = FACTS[c];
      const scores: Record<string, number | null> = {
        on_time: f.onTime && (100 * f.onTime[0]) / f.onTime[1],
        satisfaction: f.satisfaction && (100 * f.satisfaction[0]) / f.satisfaction[1],
        recovery: f.recovery && (100 * f.recovery[0]) / f.recovery[1],
        screening: f.screening && (100 * f.screening[0]) / f.screening[1],
        hazards: f.hazards && (100 * f.hazards[0]) / f.hazards[1],
        reach: (100 * reachOf(c)) / best,
      };
      const keys = Object.keys(weights).filter((k) => weights[k] > 0);
      const base = rule === 'zero' ? 100 : keys.filter((k) => scores[k] !== null).reduce((s, k) => s + weights[k], 0);
      const total = base === 0 ? null : keys.reduce((s, k) => s + (scores[k] === null ? 0 : (weights[k] * scores[k]!) / base), 0);
      return [c, { scores, total }];
    }));
  }
  const r2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

  it('ranks the counties by the default scheme until the office sets its own, with every component\'s parts', async () => {
    const lead = await as('yt_lead');
    const res = await lead.get(`/api/evaluation/ranking?from=${from}&to=${today}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = json(res);
    expect(r).toMatchObject({ region: { code: '3706', name: '烟台市' }, from, to: today, scheme: { id: null, origin: 'default', missingRule: 'reweight' } });
    const lk = r.rows.find((x: { code: string }) => x.code === LK);
    expect(lk.components).toMatchObject({
      on_time: { numerator: 2, denominator: 3, score: r2(200 / 3) },
      satisfaction: { numerator: 2, denominator: 3, score: r2(200 / 3) },
      recovery: { numerator: 3000, denominator: 10000, value: 30, score: 30 },
      screening: { numerator: 2, denominator: 4, score: 50 },
      hazards: { numerator: 3, denominator: 4, score: 75 },
      reach: { numerator: 12_000, denominator: 150_000, value: 800, score: 100 },
    });
    const zf = r.rows.find((x: { code: string }) => x.code === ZF);
    expect(zf.components.recovery).toEqual({ numerator: 0, denominator: 0, value: null, score: null, points: 0 });
    expect(zf.components.hazards.score).toBeNull();
    expect(zf.components.reach).toMatchObject({ value: 300, score: 37.5 });
    const want = expected(r.scheme.weights, 'reweight');
    expect(lk.total).toBe(r2(want[LK].total));
    expect(zf.total).toBe(r2(want[ZF].total));
    // Every other county of 烟台市 has no data at all: listed, unranked, after the ranked ones.
    const unranked = r.rows.filter((x: { rank: number | null }) => x.rank === null);
    expect(r.rows.length).toBeGreaterThan(5);
    expect(r.rows.slice(-unranked.length)).toEqual(unranked);
    expect(unranked.find((x: { code: string }) => x.code === '370611')).toMatchObject({ total: null, population: null });
  });

  it('uses the weights the office lead sets, keeps their history, and a ranking can be re-run with an earlier scheme', async () => {
    const lead = await as('yt_lead');
    const w1 = { on_time: 30, satisfaction: 20, recovery: 10, screening: 10, hazards: 10, reach: 20 };
    const s1 = await lead.post('/api/evaluation/scheme', { weights: w1, missingRule: 'zero', note: '2026 年度考评' });
    expect(s1.statusCode, s1.body).toBe(201);
    const r1 = json(await lead.get(`/api/evaluation/ranking?from=${from}&to=${today}`));
    expect(r1.scheme).toMatchObject({ id: json(s1).id, origin: 'own', weights: w1, missingRule: 'zero' });
    const want1 = expected(w1, 'zero');
    const order1 = r1.rows.slice(0, 2).map((x: { code: string; total: number; rank: number }) => [x.code, x.total, x.rank]);
    expect(want1[LK].total!).toBeGreaterThan(want1[ZF].total!);
    expect(order1).toEqual([[LK, r2(want1[LK].total), 1], [ZF, r2(want1[ZF].total), 2]]);
    // Under `zero` a county without data scores 0 and shares the third place.
    expect(r1.rows.slice(2).every((x: { total: number; rank: number }) => x.total === 0 && x.rank === 3)).toBe(true);
    expect(r1.rows.find((x: { code: string }) => x.code === LS).components.reach).toMatchObject({ numerator: 0, denominator: 100_000, value: 0, score: 0 });
    // Points add up to the total.
    const lk = r1.rows[0];
    expect(Object.values(lk.components).reduce((s: number, c: any) => s + c.points, 0)).toBeCloseTo(lk.total, 1);

    // Weigh the tips alone: 芝罘区 (all on time, all satisfied) goes first; 莱山区 has no tip data → unranked under reweight.
    const w2 = { on_time: 50, satisfaction: 50 };
    const s2 = await lead.post('/api/evaluation/scheme', { weights: w2, missingRule: 'reweight' });
    expect(s2.statusCode).toBe(201);
    const r2nd = json(await lead.get(`/api/evaluation/ranking?from=${from}&to=${today}`));
    expect(r2nd.scheme.weights).toEqual({ on_time: 50, satisfaction: 50, recovery: 0, screening: 0, hazards: 0, reach: 0 });
    expect(r2nd.rows.slice(0, 2).map((x: { code: string; total: number }) => [x.code, x.total])).toEqual([[ZF, 100], [LK, r2(expected(w2, 'reweight')[LK].total)]]);
    expect(r2nd.rows.find((x: { code: string }) => x.code === LS)).toMatchObject({ rank: null, total: null });

    // History: both schemes, newest first; the first can still be used.
    const view = json(await lead.get('/api/evaluation/scheme'));
    expect(view.history.map((s: { id: number }) => s.id)).toEqual([json(s2).id, json(s1).id]);
    expect(view).toMatchObject({ canEdit: true, current: { id: json(s2).id, origin: 'own' } });
    const again = json(await lead.get(`/api/evaluation/ranking?from=${from}&to=${today}&schemeId=${json(s1).id}`));
    expect(again.rows.slice(0, 2)).toEqual(r1.rows.slice(0, 2));
    // 龙口市's office has none of its own: it inherits 烟台市's; its viewer cannot set one.
    const lkView = json(await (await as('lk_viewer')).get('/api/evaluation/scheme'));
    expect(lkView).toMatchObject({ canEdit: false, current: { id: json(s2).id, origin: 'inherited', region: { code: '3706' } }, history: [] });
    const audit = await t.db.query<{ action: string; entity_id: string; detail: any }>(`select action, entity_id, detail from audit_log where action = 'evaluation.scheme_set' order by id`);
    expect(audit.map((a) => [a.entity_id, a.detail.weights.on_time, a.detail.missingRule])).toEqual([[String(json(s1).id), 30, 'zero'], [String(json(s2).id), 50, 'reweight']]);
  });

  it('refuses weights that do not sum to 100, bad weights and unknown components, with the field', async () => {
    const lead = await as('yt_lead');
    const bad = async (body: unknown) => {
      const r = await lead.post('/api/evaluation/scheme', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      return json(r).error.fields.map((f: { path: string }) => f.path);
    };
    expect(await bad({ weights: { on_time: 50, satisfaction: 40 }, missingRule: 'zero' })).toEqual(['weights']);
    expect(await bad({ weights: { on_time: 60, satisfaction: 50 }, missingRule: 'zero' })).toEqual(['weights']);
    expect(await bad({ weights: {}, missingRule: 'zero' })).toEqual(['weights']);
    expect((await bad({ weights: { on_time: 110, satisfaction: -10 }, missingRule: 'zero' }))).toEqual(expect.arrayContaining(['weights.on_time', 'weights.satisfaction']));
    expect(await bad({ weights: { on_time: 50.5, satisfaction: 49.5 }, missingRule: 'zero' })).toEqual(expect.arrayContaining(['weights.on_time']));
    expect((await bad({ weights: { on_time: 50, bribes: 50 }, missingRule: 'zero' })).some((p: string) => p.startsWith('weights'))).toBe(true);
    expect(await bad({ weights: { on_time: 100 }, missingRule: 'ignore' })).toEqual(['missingRule']);
    expect(await bad({ weights: { on_time: '100' }, missingRule: 'zero' })).toEqual(expect.arrayContaining(['weights.on_time']));
    expect(await bad({ weights: { on_time: 100 }, missingRule: 'zero', regionCode: '37' })).toBeDefined();
    // Only the office lead sets weights (403), and only for the office's own region.
    expect((await (await as('yt_intake')).post('/api/evaluation/scheme', { weights: { on_time: 100 }, missingRule: 'zero' })).statusCode).toBe(403);
    expect((await (await as('lk_police_lead')).post('/api/evaluation/scheme', { weights: { on_time: 100 }, missingRule: 'zero' })).statusCode).toBe(403);
  });

  it('keeps the population history, and refuses negative, zero, absurd and malformed figures', async () => {
    const yt = await as('yt_intake');
    const post = (body: object) => yt.post('/api/evaluation/population', { regionCode: LK, asOf: '2023-12-31', source: '龙口市民政局年报', ...body });
    const fieldsOf = async (body: object) => {
      const r = await post(body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      return [...new Set(json(r).error.fields.map((f: { path: string }) => f.path))];
    };
    for (const population of [-5, 0, 1.5, '十万', null, 5e8, 1e20]) expect(await fieldsOf({ population })).toEqual(['population']);
    // Plausible for China, absurd for a county.
    const county = await post({ population: 20_000_000 });
    expect(county.statusCode).toBe(400);
    expect(json(county).error.fields[0]).toMatchObject({ path: 'population', message: expect.stringContaining('龙口市') });
    expect(await fieldsOf({ population: 160_000, asOf: '2999-01-01' })).toEqual(['asOf']);
    expect(await fieldsOf({ population: 160_000, asOf: '1900-01-01' })).toEqual(['asOf']);
    expect(await fieldsOf({ population: 160_000, source: ' ' })).toEqual(['source']);
    expect(await fieldsOf({ population: 160_000, regionCode: '37068' })).toEqual(['regionCode']);

    // A newer figure is in force; the old one stays in the history.
    expect((await post({ population: 160_000 })).statusCode).toBe(201);
    const list = json(await (await as('lk_viewer')).get('/api/evaluation/population'));
    expect(list).toMatchObject({ region: { code: LK, name: '龙口市' }, canEdit: false });
    const lk = list.items.find((x: { code: string }) => x.code === LK);
    expect(lk.current).toMatchObject({ population: 160_000, asOf: '2023-12-31', source: '龙口市民政局年报', unitName: expect.stringContaining('烟台市') });
    expect(lk.history.map((h: { population: number }) => h.population)).toEqual([160_000, 150_000]);
    expect(list.items[0].code).toBe(LK);
    expect(list.items.slice(1).every((x: { code: string }) => x.code.startsWith(LK) && x.code.length === 9)).toBe(true);
    // A ranking for a period ending before 2023-12-31 still uses the census figure.
    const before = json(await (await as('yt_viewer')).get('/api/evaluation/ranking?from=2023-01-01&to=2023-06-30'));
    expect(before.rows.find((x: { code: string }) => x.code === LK).population).toBe(150_000);
    const [{ n }] = await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'evaluation.population_set'`);
    expect(n).toBe(4);
    // The records are append-only.
    await expect(t.db.query('update elderly_population set population = 1')).rejects.toThrow(/append-only/);
  });

  it('answers 404 outside the jurisdiction and 403 to units that may not write', async () => {
    const lk = await as('lk_lead');
    for (const url of ['/api/evaluation/ranking?region=3706', `/api/evaluation/ranking?region=${ZF}`, '/api/evaluation/ranking?region=32',
      '/api/evaluation/population?region=3706', '/api/evaluation/scheme?region=37', '/api/evaluation/ranking/export?region=3706', '/api/evaluation/ranking?region=990000']) {
      const r = await lk.get(url);
      expect(r.statusCode, url).toBe(404);
      expect(json(r).error.code).toBe('NOT_FOUND');
    }
    expect((await lk.get(`/api/evaluation/ranking?region=${LK}001`)).statusCode).toBe(200);
    // Population: for the office's region or below only; a scheme of another branch is not found.
    const lkIntake = await as('lk_intake');
    expect((await lkIntake.post('/api/evaluation/population', { regionCode: ZF, population: 1000, asOf: '2020-11-01', source: '测试来源' })).statusCode).toBe(404);
    expect((await lkIntake.post('/api/evaluation/population', { regionCode: '3706', population: 1000, asOf: '2020-11-01', source: '测试来源' })).statusCode).toBe(404);
    expect((await lkIntake.post('/api/evaluation/population', { regionCode: `${LK}001`, population: 8000, asOf: '2020-11-01', source: '测试来源' })).statusCode).toBe(201);
    expect((await (await as('lk_police')).post('/api/evaluation/population', { regionCode: LK, population: 1000, asOf: '2020-11-01', source: '测试来源' })).statusCode).toBe(403);
    const cs = await as('cs_lead');
    const scheme = json(await (await as('yt_lead')).get('/api/evaluation/scheme')).current.id;
    expect((await cs.get(`/api/evaluation/ranking?schemeId=${scheme}`)).statusCode).toBe(404);
    expect((await cs.get('/api/evaluation/ranking?region=3706')).statusCode).toBe(404);
    expect((await lk.get(`/api/evaluation/ranking?from=${today}&to=${from}`)).statusCode).toBe(400);
    expect((await lk.get('/api/evaluation/ranking?from=2026-02-30')).statusCode).toBe(400);
    expect((await (await as('admin')).get('/api/evaluation/ranking')).statusCode).toBe(403);
  });

  it('exports the ranking as shown, with the scheme it used, audited', async () => {
    const sd = await as('yt_lead');
    const shown = json(await sd.get(`/api/evaluation/ranking?from=${from}&to=${today}`));
    const res = await sd.get(`/api/evaluation/ranking/export?from=${from}&to=${today}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['x-export-rows']).toBe(String(shown.rows.length));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['排名', '地区', '总分', '60岁以上人口']);
    const col = (name: string) => header.indexOf(name) + 1;
    for (const [i, row] of shown.rows.slice(0, 3).entries()) {
      const x = sheet.getRow(i + 2);
      expect([x.getCell(1).value, x.getCell(2).value, x.getCell(3).value]).toEqual([row.rank ?? '—', row.name, row.total ?? '暂无数据']);
      expect(x.getCell(col('按期办结率·得分')).value).toBe(row.components.on_time.score ?? '暂无数据');
    }
    const text = JSON.stringify(sheet.getSheetValues());
    expect(text).toContain(`第 ${shown.scheme.id} 号`);
    expect(text).toContain('不计入，其余指标按权重比例折算');
    const [a] = await t.db.query<{ detail: any }>(`select detail from audit_log where action = 'evaluation.exported' order by id desc limit 1`);
    expect(a.detail).toEqual({ filter: { region: '3706', from, to: today, schemeId: shown.scheme.id }, rows: shown.rows.length, truncated: false });
  });
});
