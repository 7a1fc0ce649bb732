/**
 * bench/generate at a tiny size (PostgreSQL only: the generator is a PostgreSQL bulk load —
 * session_replication_role, hashint8, unlogged tables — and runs only against a server).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openTestDb } from './helpers.ts';
import type { Db } from '../db/client.ts';
import { computeStats } from '../modules/stats/engine.ts';
import { FRAUD_TYPE_WEIGHTS, PROVINCE_POPULATION, generate, parseArgs, provinceSlots, type Sizes } from '../../bench/generate.ts';

const SIZES: Sizes = { tips: 20_000, subjects: 2_000, cases: 500, activities: 1_000 };

describe('bench/generate: slots and arguments', () => {
  it('shares 10,000 slots out to the 31 provinces by census population', () => {
    const codes = Object.keys(PROVINCE_POPULATION).sort();
    const slots = provinceSlots(codes);
    expect(slots).toHaveLength(10_000);
    const total = Object.values(PROVINCE_POPULATION).reduce((a, b) => a + b, 0);
    codes.forEach((code, i) => {
      const n = slots.filter((s) => s === i).length;
      expect(Math.abs(n - (PROVINCE_POPULATION[code] / total) * 10_000), code).toBeLessThan(1);
    });
    // 广东 (12,601.25 万 of 140,977.89 万: 893.8 slots) is the largest, 西藏 (364.81 万: 25.9) the smallest.
    expect(slots.filter((s) => s === codes.indexOf('44')).length).toBe(894);
    expect(slots.filter((s) => s === codes.indexOf('54')).length).toBe(26);
  });

  it('refuses bad sizes and unknown arguments', () => {
    expect(parseArgs(['--tips', '500', '--cases', '7']).sizes).toMatchObject({ tips: 500, cases: 7, subjects: 1_000_000 });
    expect(parseArgs(['--regenerate']).regenerate).toBe(true);
    expect(() => parseArgs(['--tips', '-1'])).toThrow(/whole number/);
    expect(() => parseArgs(['--tips', '1e3x'])).toThrow(/whole number/);
    expect(() => parseArgs(['--tips'])).toThrow(/whole number/);
    expect(() => parseArgs(['--rows', '5'])).toThrow(/unknown argument/);
    expect(() => parseArgs(['--constructor', '5'])).toThrow(/unknown argument/);
  });
});

describe.runIf(inject('backend') === 'postgres')('bench/generate at a tiny size (PostgreSQL)', () => {
  let db: Db;
  let drop: () => Promise<void>;
  let url: string;
  const one = async <T>(text: string, values: unknown[] = []) => (await db.query<T & object>(text, values))[0];

  beforeAll(async () => {
    const t = await openTestDb();
    db = t.db;
    drop = t.drop;
    url = t.dump!();
    await generate(url, SIZES);
  }, 600_000);
  afterAll(async () => drop?.());

  it('writes the sizes asked for, with the children the strands need', async () => {
    const n = await one<Record<string, number>>(
      `select (select count(*) from tips)::int as tips, (select count(*) from subjects)::int as subjects,
              (select count(*) from criminal_cases)::int as cases, (select count(*) from publicity_activities)::int as activities,
              (select count(*) from inspections)::int as inspections, (select count(*) from hazards)::int as hazards,
              (select count(distinct subject_id) from inspections)::int as inspected,
              (select count(*) from case_tips)::int as case_tips,
              (select count(*) from tips where status in ('dispatched', 'in_progress', 'reported', 'closed'))::int as dispatched,
              (select count(*) from tip_assignments where role = 'lead' and active)::int as leads`,
    );
    expect(n).toMatchObject({ tips: 20_000, subjects: 2_000, cases: 500, activities: 1_000, case_tips: 500 });
    // 85 % of subjects inspected, 30 % twice; hazards on a quarter of the inspections.
    expect(n.inspected / 2_000).toBeGreaterThan(0.8);
    expect(n.inspected / 2_000).toBeLessThan(0.9);
    expect(n.inspections / 2_000).toBeGreaterThan(1.05);
    expect(n.inspections / 2_000).toBeLessThan(1.25);
    expect(n.hazards / n.inspections).toBeGreaterThan(0.2);
    expect(n.hazards / n.inspections).toBeLessThan(0.3);
    // Every dispatched tip has exactly one lead assignment, with the tip's deadline.
    expect(n.leads).toBe(n.dispatched);
    expect(await one(`select count(*)::int as n from tips t join tip_assignments a on a.tip_id = t.id where a.deadline_at <> t.deadline_at or a.unit_id <> t.lead_unit_id`)).toEqual({ n: 0 });
  });

  it('spreads fraud types in the proportions of the 2022 prosecutions', async () => {
    const rows = await db.query<{ t: keyof typeof FRAUD_TYPE_WEIGHTS; n: number }>(`select fraud_types[1] as t, count(*)::int as n from tips group by 1`);
    const total = Object.values(FRAUD_TYPE_WEIGHTS).reduce((a, b) => a + b, 0);
    expect(rows.map((r) => r.t).sort()).toEqual(Object.keys(FRAUD_TYPE_WEIGHTS).sort());
    for (const r of rows) {
      const expected = (FRAUD_TYPE_WEIGHTS[r.t] / total) * SIZES.tips;
      expect(Math.abs(r.n - expected), r.t).toBeLessThan(Math.max(0.1 * expected, 5 * Math.sqrt(expected)));
    }
    expect(await one(`select count(*)::int as n from tips where cardinality(fraud_types) <> 1`)).toEqual({ n: 0 });
  });

  it('weights provinces by population and places every record on a real code under its own office', async () => {
    const total = Object.values(PROVINCE_POPULATION).reduce((a, b) => a + b, 0);
    const rows = await db.query<{ p: string; n: number }>(`select left(region_code, 2) as p, count(*)::int as n from tips group by 1`);
    expect(rows).toHaveLength(31);
    for (const p of ['44', '37', '41', '11', '54']) {
      const expected = (PROVINCE_POPULATION[p] / total) * SIZES.tips;
      const got = rows.find((r) => r.p === p)?.n ?? 0;
      expect(Math.abs(got - expected), p).toBeLessThan(Math.max(0.15 * expected, 5 * Math.sqrt(expected)));
    }
    const misplaced = await one(
      `select (select count(*) from tips t left join regions r on r.code = t.region_code join units u on u.id = t.office_unit_id
               where r.code is null or u.region_code <> left(t.region_code, 6))::int as tips,
              (select count(*) from subjects s left join regions r on r.code = s.region_code where r.code is null)::int as subjects,
              (select count(*) from criminal_cases c join units u on u.id = c.lead_unit_id where u.region_code <> c.region_code or u.kind <> 'police')::int as cases`,
    );
    expect(misplaced).toEqual({ tips: 0, subjects: 0, cases: 0 });
  });

  it('gives states, deadlines, stages and figures that hold together', async () => {
    const s = await one<Record<string, number>>(
      `select count(*) filter (where status in ('dispatched', 'in_progress', 'reported', 'closed') and deadline_at is null)::int as no_deadline,
              count(*) filter (where status in ('submitted', 'accepted', 'rejected', 'merged') and deadline_at is not null)::int as stray_deadline,
              count(*) filter (where status in ('closed', 'rejected', 'merged') and closed_at is null)::int as unclosed,
              count(*) filter (where greatest(received_at, reported_at, closed_at, rated_at) > now())::int as future,
              count(*) filter (where reported_at < received_at or closed_at < reported_at or rated_at < closed_at)::int as out_of_order,
              count(*) filter (where status = 'closed' and closed_at > deadline_at)::int as late,
              count(*) filter (where status = 'closed')::int as closed,
              count(*) filter (where status in ('submitted', 'accepted', 'dispatched', 'in_progress', 'reported'))::int as open
       from tips`,
    );
    expect(s).toMatchObject({ no_deadline: 0, stray_deadline: 0, unclosed: 0, future: 0, out_of_order: 0 });
    expect(s.late / s.closed).toBeGreaterThan(0.05);
    expect(s.late / s.closed).toBeLessThan(0.15);
    expect(s.open).toBeGreaterThan(0);
    // A case has a stage row for every stage up to its current one, none after, none in the future.
    const stages = await one(
      `select count(*)::int as n from criminal_cases c
       where (select count(*) from case_stages s where s.case_id = c.id) <> array_position(array['filed', 'solved', 'transferred', 'prosecuted', 'tried'], c.stage)
          or exists (select 1 from case_stages s where s.case_id = c.id and s.on_date > (now() at time zone 'Asia/Shanghai')::date)`,
    );
    expect(stages).toEqual({ n: 0 });
    const figures = await one<Record<string, number>>(
      `select count(*) filter (where f.kind = 'sentenced_persons' and c.stage <> 'tried')::int as sentenced_untried,
              count(*) filter (where f.kind = 'amount_recovered' and f.value > (select value from case_figures x where x.case_id = c.id and x.kind = 'amount_involved'))::int as over_recovered
       from case_figures f join criminal_cases c on c.id = f.case_id`,
    );
    expect(figures).toEqual({ sentenced_untried: 0, over_recovered: 0 });
    // 查实 on the tip (kept by a trigger the load turns off) is what the assignments' verdicts make it.
    expect(await one(
      `select count(*)::int as n from tips t
       where t.verdict_true <> exists (select 1 from tip_assignments a where a.tip_id = t.id and a.verdict in ('true', 'partly_true'))`,
    )).toEqual({ n: 0 });
    expect(await one(`select count(*) filter (where verdict_true)::int as n from tips`)).not.toEqual({ n: 0 });
  });

  it('leaves the engine\'s rollups rebuilt: its figures equal its direct count, nationally and by province', async () => {
    const nation = { unitRegionCode: '' };
    for (const q of [{ from: '2026-01-01', to: '2026-06-30' }, { region: '37', by: 'child' as const, compare: true, from: '2026-10-01', to: '2026-10-31' }]) {
      const fast = await computeStats(db, nation, q);
      expect(fast, JSON.stringify(q)).toEqual(await computeStats(db, nation, q, { direct: true }));
      expect(fast.figures.tips_received.value).toBeGreaterThan(0);
    }
  }, 300_000);

  it('runs again without adding anything, and refuses another size in the same database', async () => {
    const before = await one(`select (select count(*) from tips)::int as t, (select count(*) from case_figures)::int as f, (select count(*) from hazards)::int as h`);
    await generate(url, SIZES);
    expect(await one(`select (select count(*) from tips)::int as t, (select count(*) from case_figures)::int as f, (select count(*) from hazards)::int as h`)).toEqual(before);
    await expect(generate(url, { ...SIZES, tips: 30_000 })).rejects.toThrow(/holds a set of/);
    // New records after the load get fresh ids (the identity sequences were moved past the explicit ids).
    const [{ id }] = await db.query<{ id: number }>(
      `insert into publicity_activities (region_code, unit_id, kind, title, start_date, end_date, created_by)
       select region_code, unit_id, kind, '新增活动', start_date, end_date, created_by from publicity_activities where id = 1 returning id`,
    );
    expect(Number(id)).toBe(SIZES.activities + 1);
  });
});
