import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Db } from '../../db/client.ts';
import { ROLE_CODES, TIP_STATUS_CODES, UNIT_KIND_CODES, type Role, type UnitKind } from '../../../shared/domain.ts';
import { openTestDb } from '../../test/helpers.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { assignedTipsSql, canSeeFigure, canSeeScreeningRound, screeningRoundVisibleSql, canSeeTip, figureVisibleSql, mayReviewFigure, reviewableFigureSql, inJurisdiction, isTipOverdue, jurisdictionSql, scopeCovers, scopeCoversSql, tipOverdueSql, tipVisibleBranches, tipVisibleSql, type TipAccessFacts } from './jurisdiction.ts';

/**
 * The record form and the SQL form of each jurisdiction rule must give the same answer. Random
 * worlds (real region codes, offices and member units, users with any roles, tips with random
 * regions, receiving offices, accused units, dispatches, statuses and deadlines) in a real database;
 * for every user the set of tips (or units) the SQL selects must equal the set the function accepts.
 * A seed that fails is printed, so the world can be rebuilt.
 */

/** mulberry32: small, seeded, good enough to draw test worlds. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Tip = TipAccessFacts & { id: number; status: string; deadline_at: Date | null };
type Viewer = Pick<SessionUser, 'roles' | 'unitId' | 'unitKind' | 'unitRegionCode'>;
interface World { units: { id: number; region_code: string; kind: UnitKind }[]; users: Viewer[]; tips: Tip[]; now: Date }

async function buildWorld(db: Db, seed: number): Promise<World> {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const some = <T>(xs: readonly T[], max: number) => [...new Set(Array.from({ length: Math.floor(rand() * (max + 1)) }, () => pick(xs)))];
  await db.query('truncate tip_assignments, tips, users, units restart identity cascade');

  // Regions: the nation, two provinces and a random spread of their cities, counties and townships.
  const provinces = (await db.query<{ code: string }>(`select code from regions where level = 1 order by code`)).map((r) => r.code);
  const two = [pick(provinces), pick(provinces)];
  const below = (await db.query<{ code: string }>(sql`select code from regions where left(code, 2) = any(${two}::text[]) order by code`)).map((r) => r.code);
  const regions = [...new Set(['', ...two, ...Array.from({ length: 25 }, () => pick(below))])];
  // Ancestors too, so offices sit at every level above the tips.
  for (const code of [...regions]) for (const n of [2, 4, 6]) if (code.length > n && below.includes(code.slice(0, n))) regions.push(code.slice(0, n));
  const codes = [...new Set(regions)];

  const units: World['units'] = [];
  for (let i = 0; i < 30; i++) {
    const kind: UnitKind = rand() < 0.5 ? 'campaign_office' : pick(UNIT_KIND_CODES);
    const [{ id }] = await db.query<{ id: number }>(sql`insert into units (region_code, kind, name) values (${pick(codes)}, ${kind}, ${`单位${i}`}) returning id`);
    units.push({ id, region_code: (await db.query<{ r: string }>(sql`select region_code as r from units where id = ${id}`))[0].r, kind });
  }
  const offices = units.filter((u) => u.kind === 'campaign_office');
  const [{ id: dispatcher }] = await db.query<{ id: number }>(
    sql`insert into users (username, display_name, unit_id, roles, password_hash) values ('dispatcher', '交办人', ${offices[0].id}, '{intake}', 'x') returning id`,
  );
  // Users are what the session would carry: roles (any, readers or not) and their unit's kind and region.
  const users: Viewer[] = units.flatMap((u) =>
    Array.from({ length: 2 }, () => ({ roles: some(ROLE_CODES, 3) as Role[], unitId: u.id, unitKind: u.kind, unitRegionCode: u.region_code })),
  );

  const [{ now }] = await db.query<{ now: Date }>('select now() as now');
  const hour = 3600_000;
  for (let i = 0; i < 200; i++) {
    // Deadlines at least a minute from now, so the two clocks cannot straddle one.
    const deadline = rand() < 0.25 ? null : new Date(now.getTime() + (rand() < 0.5 ? -1 : 1) * (60_000 + rand() * 72 * hour));
    const status = pick(TIP_STATUS_CODES);
    const [{ id }] = await db.query<{ id: number }>(
      sql`insert into tips (tracking_code, access_key_hash, source, status, region_code, office_unit_id, description, accused_unit_ids,
                            reporter_anonymous, search_tsv, deadline_at)
          values (${String(100000000000 + i)}, 'x', 'portal', ${status}, ${pick(codes)}, ${rand() < 0.8 ? pick(offices).id : pick(units).id},
                  ${'随机线索'}, ${some(units.map((u) => u.id), 2)}, true, ''::tsvector, ${deadline}) returning id`,
    );
    for (const unit of some(units, 3)) {
      // As the workflow leaves them: closing marks the active assignments closed; a re-examination
      // (or any other end) makes them inactive, whatever their status.
      const active = rand() < 0.6;
      const aStatus = active && status === 'closed' ? 'closed' : pick(['dispatched', 'signed', 'reported', 'returned', 'forwarded', ...(active ? [] : ['closed'])]);
      await db.query(
        sql`insert into tip_assignments (tip_id, unit_id, role, dispatched_by_unit_id, dispatched_by, deadline_at, instructions, status, active)
            values (${id}, ${unit.id}, ${rand() < 0.5 ? 'lead' : 'assist'}, ${pick(offices).id}, ${dispatcher}, ${now}, '交办', ${aStatus}, ${active})`,
      );
    }
  }
  // The facts as the database holds them, read back the way the services read them.
  const rows = await db.query<{ id: number; status: string; region_code: string; office_unit_id: number; accused_unit_ids: number[]; deadline_at: Date | null; assigned: number[] }>(
    `select t.id, t.status, t.region_code, t.office_unit_id, t.accused_unit_ids, t.deadline_at,
            coalesce((select array_agg(a.unit_id) from tip_assignments a where a.tip_id = t.id), '{}') as assigned
     from tips t order by t.id`,
  );
  return { units, users, now, tips: rows.map((r) => ({ ...r, assignedUnitIds: r.assigned })) };
}

const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);

describe('jurisdiction: the record form and the SQL form agree on random data', () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await openTestDb());
  });
  afterAll(() => drop());

  const seeds = Array.from({ length: 4 }, (_, i) => (Date.now() + i * 7919) >>> 0);

  it.each(seeds)('world %i', async (seed) => {
    const w = await buildWorld(db, seed);
    const where = `(seed ${seed})`;
    // The worlds must exercise every branch, or agreement proves little.
    const viewers = w.users.filter((u) => w.tips.some((t) => canSeeTip(u, t)));
    expect(viewers.length, where).toBeGreaterThan(0);
    expect(w.tips.some((t) => isTipOverdue(t, w.now)), where).toBe(true);

    for (const user of w.users) {
      const who = `${where} user ${JSON.stringify(user)}`;
      const visible = await db.query<{ id: number }>(sql`select t.id from tips t where ${tipVisibleSql(user)}`);
      expect(ids(visible), who).toEqual(w.tips.filter((t) => canSeeTip(user, t)).map((t) => t.id));
      // The branches, one per kind of access, are disjoint and together are the visible tips.
      const branches = tipVisibleBranches(user);
      const perBranch = await Promise.all(branches.map((b) => db.query<{ id: number }>(sql`select t.id from tips t where ${b.where}`)));
      expect(ids(perBranch.flat()), `${who} branches`).toEqual(ids(visible));
      for (const [i, b] of branches.entries()) {
        if (!b.reached) continue;
        // The dispatched branch reached from the unit's assignments is the same set; its open tips
        // are all found from the live and ended assignments alone.
        const reached = await db.query<{ id: number }>(sql`select t.id from (${assignedTipsSql(user)}) a join tips t on t.id = a.tip_id where ${b.reached}`);
        expect(ids(reached), `${who} reached`).toEqual(ids(perBranch[i]));
        const open = await db.query<{ id: number }>(
          sql`select t.id from (${assignedTipsSql(user, { open: true })}) a join tips t on t.id = a.tip_id where ${b.reached} and t.status in ('dispatched', 'in_progress')`,
        );
        const openIds = w.tips.filter((t) => ['dispatched', 'in_progress'].includes(t.status)).map((t) => t.id);
        expect(ids(open), `${who} reached, open`).toEqual(ids(perBranch[i]).filter((id) => openIds.includes(id)));
      }
      // The alias is honoured too.
      const aliased = await db.query<{ id: number }>(sql`select x.id from tips x where ${tipVisibleSql(user, 'x')}`);
      expect(ids(aliased), who).toEqual(ids(visible));
      const units = await db.query<{ id: number }>(sql`select u.id from units u where ${jurisdictionSql(user, 'u.region_code')}`);
      expect(ids(units), who).toEqual(w.units.filter((u) => inJurisdiction(user, u.region_code)).map((u) => u.id));
      // Reported figures: each unit as the submitter of a figure of its region.
      const asFigures = sql`(select u.id, u.region_code, u.id as unit_id, u.kind = 'campaign_office' as office from units u) f`;
      const reviewable = await db.query<{ id: number }>(sql`select f.id from ${asFigures} where ${reviewableFigureSql(user, 'f', 'f.office')}`);
      const facts = (u: World['units'][number]) => ({ region_code: u.region_code, unit_id: u.id, submitter_is_office: u.kind === 'campaign_office' });
      expect(ids(reviewable), `${who} reviews figures`).toEqual(w.units.filter((u) => mayReviewFigure(user, facts(u))).map((u) => u.id));
      const seen = await db.query<{ id: number }>(sql`select f.id from ${asFigures} where ${figureVisibleSql(user, 'f')}`);
      expect(ids(seen), `${who} sees figures`).toEqual(w.units.filter((u) => canSeeFigure(user, facts(u))).map((u) => u.id));
      const tipsInRegion = await db.query<{ id: number }>(sql`select t.id from tips t where ${jurisdictionSql(user, 't.region_code')}`);
      expect(ids(tipsInRegion), who).toEqual(w.tips.filter((t) => inJurisdiction(user, t.region_code)).map((t) => t.id));
      // Public content scoped to a unit's region, for a visitor who picks this user's region (or a tip's).
      for (const visitor of [user.unitRegionCode, w.tips[w.users.indexOf(user) % w.tips.length].region_code]) {
        const covering = await db.query<{ id: number }>(sql`select u.id from units u where ${scopeCoversSql(visitor, 'u.region_code')}`);
        expect(ids(covering), `${who} visitor ${visitor}`).toEqual(w.units.filter((u) => scopeCovers(u.region_code, visitor)).map((u) => u.id));
      }
      // Screening rounds over the units' regions: those of the user's subtree and those above it.
      const rounds = await db.query<{ id: number }>(sql`select u.id from units u where ${screeningRoundVisibleSql(user, 'u.region_code')} order by u.id`);
      expect(ids(rounds), `${who} screening rounds`).toEqual(w.units.filter((u) => canSeeScreeningRound(user, u.region_code)).map((u) => u.id));
    }
    const overdue = await db.query<{ id: number }>(sql`select t.id from tips t where ${tipOverdueSql()}`);
    expect(ids(overdue), where).toEqual(w.tips.filter((t) => isTipOverdue(t, w.now)).map((t) => t.id));
  });
});
