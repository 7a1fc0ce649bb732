import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../../test/helpers.ts';
import { compactRollups, computeStats, rebuildRollups, type StatsBy, type StatsQuery } from './engine.ts';
import { INDICATOR_KEYS } from '../../../shared/indicators.ts';
import { FRAUD_TYPE_CODES, SUBJECT_KIND_CODES } from '../../../shared/domain.ts';

/**
 * engine == direct count: random records of every strand (tips in random regions, states and times
 * around Beijing midnight; cases with stages and corrected figures; subjects, inspections, hazards,
 * enforcement records; activities and monitoring rounds; reported figures), random updates and
 * deletes, then random subtrees, periods and groupings — the rollups (stats_rollup + stats_delta,
 * kept by triggers, compacted at random moments) must give exactly what counting the records gives.
 */
const STATUSES = ['submitted', 'accepted', 'rejected', 'merged', 'dispatched', 'in_progress', 'reported', 'closed'];
const BY: (StatsBy | undefined)[] = [undefined, 'child', 'day', 'week', 'month', 'fraudType', 'sector', 'unit'];

describe('indicator engine: rollups equal the direct count', () => {
  let t: TestApp;
  let regions: string[];
  let units: number[];
  let userId: number;
  let seq = 0;
  beforeAll(async () => {
    t = await createTestApp();
    // Records at every level of two cities (a province, cities, counties, townships): the first 60
    // codes under 3706 or 3701 were all in 3701, so 3706's subtrees had no records to count.
    regions = (await t.db.query<{ code: string }>(
      `select code from regions where code in ('37', '3701', '3706', '370102', '370602', '370681')
          or (length(code) = 9 and (code like '370102%' or code like '370681%')) order by code`)).map((r) => r.code);
    units = (await t.db.query<{ id: number }>(`select id from units order by id limit 12`)).map((r) => Number(r.id));
    [{ id: userId }] = await t.db.query<{ id: number }>(`select id from users order by id limit 1`);
  });
  afterAll(() => t.close());

  /** A random instant within ±2 h of a Beijing midnight in Dec 2025 – Mar 2026. */
  const instant = fc.tuple(fc.integer({ min: 0, max: 110 }), fc.integer({ min: -120, max: 120 })).map(([d, m]) => new Date(Date.UTC(2025, 11, 1) - 8 * 3600_000 + d * 86400_000 + m * 60_000).toISOString());
  const date = fc.integer({ min: 0, max: 110 }).map((d) => new Date(Date.UTC(2025, 11, 1) + d * 86400_000).toISOString().slice(0, 10));
  const pick = <T,>(xs: () => T[]) => fc.nat().map((i) => xs()[i % xs().length]);
  const fraud = fc.subarray([...FRAUD_TYPE_CODES], { maxLength: 2 });

  const op = fc.oneof(
    fc.record({ k: fc.constant('tip' as const), region: pick(() => regions), status: fc.constantFrom(...STATUSES), at: instant, closed: fc.option(instant), deadline: fc.option(instant), fraud, rating: fc.option(fc.boolean()), lead: fc.option(pick(() => units)) }),
    fc.record({ k: fc.constant('tipUpdate' as const), n: fc.nat(), status: fc.constantFrom(...STATUSES), region: pick(() => regions), closed: fc.option(instant), rating: fc.option(fc.boolean()), at: instant }),
    fc.record({ k: fc.constant('tipDelete' as const), n: fc.nat() }),
    fc.record({ k: fc.constant('case' as const), region: pick(() => regions), fraud, stages: fc.subarray(['filed', 'solved', 'transferred', 'prosecuted', 'tried']), on: date,
      figures: fc.array(fc.tuple(fc.constantFrom('arrested', 'detained', 'victims', 'amount_involved', 'amount_recovered', 'prosecuted_persons', 'amount_frozen'), fc.integer({ min: 0, max: 5_000_000 }), date), { maxLength: 3 }) }),
    fc.record({ k: fc.constant('caseMove' as const), n: fc.nat(), region: pick(() => regions), fraud }),
    fc.record({ k: fc.constant('correct' as const), n: fc.nat(), value: fc.integer({ min: 0, max: 900_000 }) }),
    fc.record({ k: fc.constant('subject' as const), region: pick(() => regions), kind: fc.constantFrom(...SUBJECT_KIND_CODES), at: instant, inspections: fc.array(fc.tuple(date, fc.integer({ min: 1, max: 9 })), { maxLength: 2 }),
      hazards: fc.array(fc.tuple(instant, fc.option(instant)), { maxLength: 2 }), docs: fc.array(fc.tuple(fc.constantFrom('risk_warning_letter', 'rectification_notice', 'penalty_decision', 'interview_notice'), date, fc.integer({ min: 0, max: 100_000_00 })), { maxLength: 2 }) }),
    fc.record({ k: fc.constant('subjectMove' as const), n: fc.nat(), region: pick(() => regions), kind: fc.constantFrom(...SUBJECT_KIND_CODES) }),
    // Inspections moved to another day, deleted, or two added to one subject in one statement (the first-day rollup of 排查主体, 0038).
    fc.record({ k: fc.constant('inspectionEdit' as const), n: fc.nat(), on: date, del: fc.boolean() }),
    fc.record({ k: fc.constant('inspectionsTwo' as const), n: fc.nat(), on: fc.tuple(date, date) }),
    fc.record({ k: fc.constant('hazardVerify' as const), n: fc.nat(), at: instant }),
    fc.record({ k: fc.constant('activity' as const), region: pick(() => regions), on: date, counts: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 8, maxLength: 8 }), unit: pick(() => units) }),
    fc.record({ k: fc.constant('activityEdit' as const), n: fc.nat(), on: date, people: fc.integer({ min: 0, max: 900 }), del: fc.boolean() }),
    fc.record({ k: fc.constant('round' as const), region: pick(() => regions), on: date, monitored: fc.integer({ min: 0, max: 99 }), cleaned: fc.integer({ min: 0, max: 50 }), unit: pick(() => units) }),
    fc.record({ k: fc.constant('reported' as const), region: pick(() => regions), start: date, len: fc.integer({ min: 0, max: 40 }), indicator: fc.constantFrom('meetings', 'elderly_devices', 'tips_received', 'beds'), value: fc.integer({ min: 0, max: 99 }), status: fc.constantFrom('submitted', 'approved', 'returned') }),
    fc.record({ k: fc.constant('compact' as const) }),
  );

  const nth = async (table: string, n: number) => {
    const rows = await t.db.query<{ id: number }>(`select id from ${table} order by id`);
    return rows.length ? Number(rows[n % rows.length].id) : null;
  };

  async function apply(o: fc.Arbitrary<unknown> extends never ? never : any) {
    const db = t.db;
    const unit = units[0];
    switch (o.k) {
      case 'tip': {
        const s = ++seq;
        await db.query(
          `insert into tips (tracking_code, access_key_hash, source, status, region_code, office_unit_id, description, fraud_types, reporter_anonymous, search_tsv,
                             received_at, deadline_at, closed_at, rating_satisfied, lead_unit_id)
           values ($1, 'x', 'hotline', $2, $3, $4, '测试线索', $5::text[], true, ''::tsvector, $6, $7, $8, $9, $10)`,
          [`P${s}-${Date.now()}`, o.status, o.region, unit, o.fraud, o.at, o.deadline, o.closed, o.rating, o.lead],
        );
        return;
      }
      case 'tipUpdate': {
        const id = await nth('tips', o.n);
        if (id) await db.query(`update tips set status = $2, region_code = $3, closed_at = $4, rating_satisfied = $5, received_at = case when $2 = 'accepted' then $6::timestamptz else received_at end where id = $1`, [id, o.status, o.region, o.closed, o.rating, o.at]);
        return;
      }
      case 'tipDelete': {
        const id = await nth('tips', o.n);
        if (id) await db.query(`delete from tips where id = $1 and not exists (select 1 from tip_assignments a where a.tip_id = tips.id) and not exists (select 1 from tip_events e where e.tip_id = tips.id)`, [id]);
        return;
      }
      case 'case': {
        const [{ id }] = await db.query<{ id: number }>(
          `insert into criminal_cases (case_no, title, fraud_types, region_code, lead_unit_id, origin, stage, filed_on, created_by)
           values ($1, '测试案件', $2::text[], $3, $4, 'new', 'filed', $5, $6) returning id`, [`PC${++seq}`, o.fraud, o.region, unit, o.on, userId]);
        for (const st of o.stages) await db.query(`insert into case_stages (case_id, stage, on_date, unit_id, created_by) values ($1, $2, $3, $4, $5)`, [id, st, o.on, unit, userId]);
        for (const [kind, v, on] of o.figures) await db.query(`insert into case_figures (case_id, kind, value, on_date, unit_id, created_by) values ($1, $2, $3, $4, $5, $6)`, [id, kind, v, on, unit, userId]);
        return;
      }
      case 'caseMove': {
        const id = await nth('criminal_cases', o.n);
        if (id) await db.query(`update criminal_cases set region_code = $2, fraud_types = $3::text[] where id = $1`, [id, o.region, o.fraud]);
        return;
      }
      case 'correct': {
        // Correct an entry still in force (a correction keeps its day).
        const rows = await db.query<{ id: number; case_id: number; kind: string; on_date: string }>(
          `select id, case_id, kind, to_char(on_date, 'YYYY-MM-DD') as on_date from case_figures f where not exists (select 1 from case_figures x where x.corrects_id = f.id) order by id`);
        if (!rows.length) return;
        const f = rows[o.n % rows.length];
        await db.query(`insert into case_figures (case_id, kind, value, on_date, unit_id, created_by, corrects_id, reason) values ($1, $2, $3, $4, $5, $6, $7, '更正')`,
          [f.case_id, f.kind, o.value, f.on_date, unit, userId, f.id]);
        return;
      }
      case 'subject': {
        const [{ id }] = await db.query<{ id: number }>(`insert into subjects (region_code, kind, name, normalized_name, created_at) values ($1, $2, '测试主体', '测试主体', $3) returning id`, [o.region, o.kind, o.at]);
        for (const [on, n] of o.inspections) await db.query(`insert into inspections (subject_id, unit_id, inspected_on, inspectors, checklist, created_by) values ($1, $2, $3, $4, '{}', $5)`, [id, unit, on, n, userId]);
        for (const [at, verified] of o.hazards) {
          await db.query(`insert into hazards (subject_id, unit_id, description, category, measure, deadline, responsible, status, verified_at, created_by, created_at)
                          values ($1, $2, '隐患', 'other', '整改', '2026-06-01', '张三', $3, $4, $5, $6)`, [id, unit, verified ? 'verified' : 'open', verified, userId, at]);
        }
        for (const [kind, on, fine] of o.docs) {
          await db.query(`insert into enforcement_records (kind, doc_no, unit_id, subject_id, issued_on, fine_fen, summary, created_by) values ($1, $2, $3, $4, $5, $6, '文书', $7)`,
            [kind, `PD${++seq}`, unit, id, on, kind === 'penalty_decision' ? fine : null, userId]);
        }
        return;
      }
      case 'subjectMove': {
        const id = await nth('subjects', o.n);
        if (id) await db.query(`update subjects set region_code = $2, kind = $3 where id = $1`, [id, o.region, o.kind]);
        return;
      }
      case 'inspectionEdit': {
        const id = await nth('inspections', o.n);
        if (!id) return;
        if (o.del) await db.query(`delete from inspections i where id = $1 and not exists (select 1 from hazards h where h.inspection_id = i.id)`, [id]);
        else await db.query(`update inspections set inspected_on = $2 where id = $1`, [id, o.on]);
        return;
      }
      case 'inspectionsTwo': {
        const id = await nth('subjects', o.n);
        if (id) await db.query(`insert into inspections (subject_id, unit_id, inspected_on, inspectors, checklist, created_by) select $1, $2, d, 2, '{}', $3 from unnest($4::date[]) d`, [id, unit, userId, o.on]);
        return;
      }
      case 'hazardVerify': {
        const id = await nth('hazards', o.n);
        if (id) await db.query(`update hazards set status = case when status = 'verified' then 'open' else 'verified' end, verified_at = case when status = 'verified' then null else $2::timestamptz end where id = $1`, [id, o.at]);
        return;
      }
      case 'activity': {
        const c = o.counts;
        await db.query(`insert into publicity_activities (region_code, unit_id, kind, title, start_date, end_date, materials_distributed, banners, posters, people_reached, households_visited, media_posts, videos_made, sms_sent, created_by)
                        values ($1, $2, 'lecture', '宣传活动', $3, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`, [o.region, o.unit, o.on, ...c, userId]);
        return;
      }
      case 'activityEdit': {
        const id = await nth('publicity_activities', o.n);
        if (!id) return;
        if (o.del) await db.query(`delete from publicity_activities where id = $1`, [id]);
        else await db.query(`update publicity_activities set start_date = $2, end_date = $2, people_reached = $3 where id = $1`, [id, o.on, o.people]);
        return;
      }
      case 'round':
        await db.query(`insert into ads_monitoring_rounds (region_code, unit_id, title, media, start_date, end_date, ads_monitored, ads_cleaned, created_by)
                        values ($1, $2, '监测', '{website}', $3, $3, $4, $5, $6)`, [o.region, o.unit, o.on, o.monitored, Math.min(o.cleaned, o.monitored), userId]);
        return;
      case 'reported': {
        const end = new Date(Date.parse(o.start) + o.len * 86400_000).toISOString().slice(0, 10);
        await db.query(`insert into reported_figures (region_code, unit_id, period_start, period_end, indicator, value, unit, source, submitted_by, status, review_note)
                        values ($1, $2, $3, $4, $5, $6, '次', 'form', $7, $8, case when $8 = 'returned' then '请核实' end)`, [o.region, unit, o.start, end, o.indicator, o.value, userId, o.status]);
        return;
      }
      case 'compact':
        await compactRollups(t.db);
        return;
    }
  }

  const query = fc.record({
    region: fc.constantFrom('', '37', '3706', '370681', '370602', '3701', '370102', '370681001'),
    from: fc.option(date, { nil: undefined }),
    len: fc.integer({ min: 0, max: 70 }),
    by: fc.constantFrom(...BY),
    compare: fc.boolean(),
  });

  it('gives the direct count for random records, changes, subtrees and periods', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), fc.array(query, { minLength: 2, maxLength: 4 }), async (ops, queries) => {
        for (const o of ops) await apply(o);
        for (const q of queries) {
          const to = q.from ? new Date(Date.parse(q.from) + q.len * 86400_000).toISOString().slice(0, 10) : '2026-03-31';
          const sq: StatsQuery = { region: q.region, from: q.from, to, by: q.by, compare: q.compare, indicators: [...INDICATOR_KEYS] };
          const user = { unitRegionCode: '' };
          const engine = await computeStats(t.db, user, sq);
          const direct = await computeStats(t.db, user, sq, { direct: true });
          expect(engine, JSON.stringify(sq)).toEqual(direct);
        }
      }),
      { numRuns: 6, endOnFailure: true },
    );
    // A rebuild from the records changes nothing; the figures are not all empty (random deletes may
    // have removed every tip, so one known tip is added first).
    await apply({ k: 'tip', region: '370602', status: 'closed', at: '2026-01-15T02:00:00.000Z', closed: '2026-01-20T02:00:00.000Z', deadline: null, fraud: [], rating: true, lead: null });
    const sq: StatsQuery = { region: '37', by: 'child', compare: true, to: '2026-03-31' };
    const before = await computeStats(t.db, { unitRegionCode: '' }, sq);
    // Every rollup row at every level, as the triggers and compaction left them (rows a change
    // cancelled hold 0: compaction keeps them, the rebuild has no reason to write them).
    const rows = () => t.db.query(`select lvl, dim, indicator, region_code, day::text, dim_value, value::text from stats_rollup
                                    where value <> 0 order by lvl, dim, indicator, region_code, day, dim_value`);
    // Every path of the engine, not only those the random queries happened to pick (migration 0040):
    // the nation and a province from the rollups, a city's total from its city rows, its children and
    // fraud types, a county's and a township's everything, and any unit from the subtree's records —
    // cumulative and for a period across a month boundary with 环比/同比 (排查主体 included).
    for (const region of ['', '37', '3706', '370681', '370681001']) {
      for (const by of BY) {
        // Cumulative to a month's end and to a day inside one; a period inside two months and one
        // holding whole months with days at both ends (a county: month rows and records, 0041).
        for (const period of [{ to: '2026-03-31' }, { to: '2026-02-10' }, { from: '2026-01-20', to: '2026-02-10', compare: true }, { from: '2025-12-15', to: '2026-03-03', compare: true }]) {
          const pq: StatsQuery = { region, by, ...period, indicators: [...INDICATOR_KEYS] };
          expect(await computeStats(t.db, { unitRegionCode: '' }, pq), JSON.stringify(pq)).toEqual(await computeStats(t.db, { unitRegionCode: '' }, pq, { direct: true }));
        }
      }
    }
    await compactRollups(t.db);
    // Only the levels the rollups keep: nation and province every dimension but unit, the city and county the total.
    expect(await t.db.query(`select distinct lvl, dim from stats_rollup where not ((lvl <= 2 and dim <> 'unit') or (lvl in (4, 6) and dim = '')) order by 1, 2`)).toEqual([]);
    // The county level (0041) holds months: every row on a month's first day, and some rows.
    expect(await t.db.query(`select day::text from stats_rollup where lvl = 6 and extract(day from day) <> 1`)).toEqual([]);
    expect((await t.db.query(`select 1 from stats_rollup where lvl = 6 and value <> 0 limit 1`)).length).toBe(1);
    const compacted = await rows();
    await rebuildRollups(t.db);
    expect(await rows()).toEqual(compacted);
    expect(await computeStats(t.db, { unitRegionCode: '' }, sq)).toEqual(before);
    expect(before.figures.tips_received.value).toBeGreaterThan(0);
  }, 600_000);
});
