import { sql, type Queryable } from '../../db/client.ts';
import type { MissingRule } from '../../../shared/domain.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import type { PopulationInput, SchemeInput } from './evaluation.schemas.ts';

/** Elderly population figures and evaluation schemes: append-only rows (migration 0024). */

export interface PopulationRow { id: number; regionCode: string; population: number; asOf: string; source: string; unitName: string; createdBy: string; createdAt: Date }

export async function insertPopulation(q: Queryable, user: SessionUser, b: PopulationInput) {
  const [row] = await q.query<{ id: number }>(
    sql`insert into elderly_population (region_code, population, as_of, source, unit_id, created_by)
        values (${b.regionCode}, ${b.population}, ${b.asOf}::date, ${b.source}, ${user.unitId}, ${user.id}) returning id::int`,
  );
  return row.id;
}

/** Every figure of these regions, the one in force first within each region (latest as_of, latest entry). */
export const populationRows = (q: Queryable, codes: string[]) =>
  q.query<PopulationRow & { population: string }>(
    sql`select p.id::int, p.region_code as "regionCode", p.population::text as population, to_char(p.as_of, 'YYYY-MM-DD') as "asOf", p.source,
               un.name as "unitName", coalesce(us.display_name, us.username) as "createdBy", p.created_at as "createdAt"
        from elderly_population p join units un on un.id = p.unit_id join users us on us.id = p.created_by
        where p.region_code = any(${codes}::text[])
        order by p.region_code, p.as_of desc, p.id desc`,
  ).then((rows) => rows.map((r) => ({ ...r, population: Number(r.population) })));

export interface SchemeRow {
  id: number; regionCode: string; weights: Record<string, number>; missingRule: MissingRule; note: string | null; setBy: string; setAt: Date;
}
const schemeColumns = sql`s.id::int, s.region_code as "regionCode", s.weights, s.missing_rule as "missingRule", s.note,
  coalesce(us.display_name, us.username) as "setBy", s.created_at as "setAt"`;

export async function insertScheme(q: Queryable, user: SessionUser, b: SchemeInput) {
  const [row] = await q.query<{ id: number }>(
    sql`insert into evaluation_schemes (region_code, unit_id, weights, missing_rule, note, created_by)
        values (${user.unitRegionCode}, ${user.unitId}, ${JSON.stringify(b.weights)}::jsonb, ${b.missingRule}, ${b.note || null}, ${user.id}) returning id::int`,
  );
  return row.id;
}

/** The latest scheme of each of these regions (one per region that has any). */
export const latestSchemes = (q: Queryable, codes: string[]) =>
  q.query<SchemeRow>(
    sql`select distinct on (s.region_code) ${schemeColumns} from evaluation_schemes s join users us on us.id = s.created_by
        where s.region_code = any(${codes}::text[]) order by s.region_code, s.id desc`,
  );

export const schemeHistory = (q: Queryable, code: string, limit = 50) =>
  q.query<SchemeRow>(
    sql`select ${schemeColumns} from evaluation_schemes s join users us on us.id = s.created_by
        where s.region_code = ${code} order by s.id desc limit ${limit}`,
  );

export const schemeById = (q: Queryable, id: number) =>
  q.query<SchemeRow>(sql`select ${schemeColumns} from evaluation_schemes s join users us on us.id = s.created_by where s.id = ${id}`).then((r) => r[0] ?? null);
