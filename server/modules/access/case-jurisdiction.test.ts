import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Db } from '../../db/client.ts';
import { ROLE_CODES, UNIT_KIND_CODES, type Role, type UnitKind } from '../../../shared/domain.ts';
import { openTestDb } from '../../test/helpers.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { canSeeCase, caseVisibleSql, type CaseAccessFacts } from './jurisdiction.ts';

/**
 * Case visibility in its two forms — `canSeeCase` for one case, `caseVisibleSql` for lists and
 * counts — selects the same cases on random worlds (real regions; offices and police, procuratorate
 * and court units anywhere; cases with random regions and units; users with any roles), as
 * jurisdiction.test.ts does for tips. A failing seed is printed so the world can be rebuilt.
 */

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

type Viewer = Pick<SessionUser, 'roles' | 'unitId' | 'unitKind' | 'unitRegionCode'>;
type Case = CaseAccessFacts & { id: number };

async function buildWorld(db: Db, seed: number) {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const some = <T>(xs: readonly T[], max: number) => [...new Set(Array.from({ length: Math.floor(rand() * (max + 1)) }, () => pick(xs)))];
  await db.query('truncate case_figures, case_stages, case_tips, case_subjects, criminal_cases, users, units restart identity cascade');

  const provinces = (await db.query<{ code: string }>(`select code from regions where level = 1 order by code`)).map((r) => r.code);
  const two = [pick(provinces), pick(provinces)];
  const below = (await db.query<{ code: string }>(sql`select code from regions where left(code, 2) = any(${two}::text[]) and level <= 3 order by code`)).map((r) => r.code);
  const picked = ['', ...two, ...Array.from({ length: 20 }, () => pick(below))];
  const codes = [...new Set(picked.flatMap((c) => [c, ...[2, 4].filter((n) => c.length > n).map((n) => c.slice(0, n))]))].filter((c) => c === '' || below.includes(c) || two.includes(c));

  const units: { id: number; kind: UnitKind; region_code: string }[] = [];
  for (let i = 0; i < 24; i++) {
    const kind: UnitKind = rand() < 0.35 ? 'campaign_office' : rand() < 0.8 ? pick(['police', 'procuratorate', 'court'] as const) : pick(UNIT_KIND_CODES);
    const region = pick(codes);
    const [{ id }] = await db.query<{ id: number }>(sql`insert into units (region_code, kind, name) values (${region}, ${kind}, ${`单位${i}`}) returning id`);
    units.push({ id, kind, region_code: region });
  }
  const [{ id: creator }] = await db.query<{ id: number }>(
    sql`insert into users (username, display_name, unit_id, roles, password_hash) values ('creator', '立案人', ${units[0].id}, '{handler}', 'x') returning id`,
  );
  const users: Viewer[] = units.flatMap((u) =>
    Array.from({ length: 2 }, () => ({ roles: some(ROLE_CODES, 3) as Role[], unitId: u.id, unitKind: u.kind, unitRegionCode: u.region_code })),
  );
  const of = (kind: UnitKind) => units.filter((u) => u.kind === kind);
  const police = of('police').length ? of('police') : units;
  for (let i = 0; i < 120; i++) {
    const procuratorate = rand() < 0.5 && of('procuratorate').length ? pick(of('procuratorate')).id : null;
    const court = procuratorate && rand() < 0.6 && of('court').length ? pick(of('court')).id : null;
    await db.query(
      sql`insert into criminal_cases (case_no, title, region_code, lead_unit_id, procuratorate_unit_id, court_unit_id, origin, stage, filed_on, created_by)
          values (${`案${i}`}, '随机案件', ${pick(codes.filter((c) => c !== ''))}, ${pick(police).id}, ${procuratorate}, ${court}, 'new', 'filed', '2026-01-01', ${creator})`,
    );
  }
  const cases = await db.query<Case>(`select id, region_code, lead_unit_id, procuratorate_unit_id, court_unit_id from criminal_cases order by id`);
  return { users, cases };
}

const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);

describe('case visibility: the record form and the SQL form agree on random data', () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => ({ db, drop } = await openTestDb()));
  afterAll(() => drop());

  it.each(Array.from({ length: 3 }, (_, i) => (Date.now() + i * 7919) >>> 0))('world %i', async (seed) => {
    const w = await buildWorld(db, seed);
    const where = `(seed ${seed})`;
    // Both ways of seeing a case must occur, or agreement proves little.
    const byUnit = w.users.some((u) => u.unitKind !== 'campaign_office' && w.cases.some((c) => canSeeCase(u, c)));
    const byRegion = w.users.some((u) => u.unitKind === 'campaign_office' && w.cases.some((c) => canSeeCase(u, c)));
    expect(byUnit && byRegion, where).toBe(true);
    for (const user of w.users) {
      const seen = await db.query<{ id: number }>(sql`select c.id from criminal_cases c where ${caseVisibleSql(user)}`);
      expect(ids(seen), `${where} ${JSON.stringify(user)}`).toEqual(w.cases.filter((c) => canSeeCase(user, c)).map((c) => c.id));
      const aliased = await db.query<{ id: number }>(sql`select k.id from criminal_cases k where ${caseVisibleSql(user, 'k')}`);
      expect(ids(aliased), where).toEqual(ids(seen));
    }
  });
});
