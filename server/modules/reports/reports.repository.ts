import { empty, join, sql, type Queryable, type Sql } from '../../db/client.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { jurisdictionSql, subtreeSql } from '../access/jurisdiction.ts';
import type { ReportKind } from '../../../shared/domain.ts';
import type { ListQuery, Sections, Urgent, UrgentInput } from './reports.schemas.ts';
import type { ReportSnapshot } from './reports.figures.ts';

/** Work reports' and 要情随报's SQL. A report is seen where its region is (the region-subtree rule). */

type Scope = Pick<SessionUser, 'unitRegionCode'>;

export interface ReportRow {
  id: number; kind: ReportKind; regionCode: string; regionName: string; from: string; to: string; title: string; unitId: number; issuer: string; issuedOn: string;
  sections: Sections; figures: ReportSnapshot; status: 'draft' | 'signed_off'; createdBy: { name: string }; createdAt: Date; signedBy: { name: string } | null; signedAt: Date | null;
}

const reportColumns = sql`w.id, w.kind, w.region_code as "regionCode", r.name as "regionName", to_char(w.period_from, 'YYYY-MM-DD') as "from", to_char(w.period_to, 'YYYY-MM-DD') as "to",
  w.title, w.unit_id as "unitId", w.issuer, to_char(w.issued_on, 'YYYY-MM-DD') as "issuedOn", w.status,
  case when s.id is null then null else json_build_object('name', s.display_name) end as "signedBy", w.signed_at as "signedAt"`;

export async function insertReport(
  q: Queryable, user: SessionUser, r: { kind: ReportKind; regionCode: string; from: string; to: string; title: string; issuedOn: string; sections: Sections; figures: ReportSnapshot },
): Promise<number> {
  const [{ id }] = await q.query<{ id: number }>(
    sql`insert into work_reports (kind, region_code, period_from, period_to, title, unit_id, issuer, issued_on, sections, figures, created_by)
        values (${r.kind}, ${r.regionCode}, ${r.from}, ${r.to}, ${r.title}, ${user.unitId}, ${user.unitName}, ${r.issuedOn}, ${JSON.stringify(r.sections)}::jsonb, ${JSON.stringify(r.figures)}::jsonb, ${user.id})
        returning id`,
  );
  return id;
}

/** One report in the user's jurisdiction (its region in the user's subtree), or null. */
export async function findReport(q: Queryable, user: Scope, id: number, forUpdate = false): Promise<ReportRow | null> {
  const [row] = await q.query<ReportRow>(
    sql`select ${reportColumns}, w.sections, w.figures, json_build_object('name', c.display_name) as "createdBy", w.created_at as "createdAt"
        from work_reports w join regions r on r.code = w.region_code join users c on c.id = w.created_by left join users s on s.id = w.signed_by
        where w.id = ${id} and ${jurisdictionSql(user, 'w.region_code')} ${forUpdate ? sql`for update of w` : empty}`,
  );
  return row ?? null;
}

export async function updateSections(q: Queryable, id: number, title: string, sections: Sections): Promise<void> {
  await q.query(sql`update work_reports set title = ${title}, sections = ${JSON.stringify(sections)}::jsonb, updated_at = now() where id = ${id} and status = 'draft'`);
}

export async function signOff(q: Queryable, id: number, userId: number, issuedOn: string): Promise<void> {
  await q.query(sql`update work_reports set status = 'signed_off', signed_by = ${userId}, signed_at = now(), issued_on = ${issuedOn}, updated_at = now() where id = ${id} and status = 'draft'`);
}

function listWhere(user: Scope, f: ListQuery): Sql {
  return join([
    jurisdictionSql(user, 'w.region_code'),
    f.regionCode !== undefined ? sql`w.region_code = ${f.regionCode}` : sql`true`,
    f.kind ? sql`w.kind = ${f.kind}` : sql`true`,
  ], ' and ');
}

/** Past reports in the user's jurisdiction (one region's when named), newest period first, with the total. */
export async function reportPage(q: Queryable, user: Scope, f: ListQuery) {
  const w = listWhere(user, f);
  const [{ total }] = await q.query<{ total: number }>(sql`select count(*)::int as total from work_reports w where ${w}`);
  const items = await q.query<Omit<ReportRow, 'sections' | 'figures' | 'createdBy' | 'createdAt'>>(
    sql`select ${reportColumns} from work_reports w join regions r on r.code = w.region_code left join users s on s.id = w.signed_by
        where ${w} order by w.period_to desc, w.id desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );
  return { items, total };
}

// ── 要情随报 ─────────────────────────────────────────────────────────────────────────────────────

export async function insertUrgent(q: Queryable, user: SessionUser, toUnitId: number, b: UrgentInput): Promise<number> {
  const [{ id }] = await q.query<{ id: number }>(
    sql`insert into urgent_reports (region_code, unit_id, to_unit_id, occurred_on, title, description, amount_fen, victims, measures, created_by)
        values (${b.regionCode}, ${user.unitId}, ${toUnitId}, ${b.occurredOn}, ${b.title}, ${b.description}, ${b.amountFen ?? null}, ${b.victims ?? null}, ${b.measures}, ${user.id})
        returning id`,
  );
  return id;
}

const urgentColumns = sql`u.id, json_build_object('code', r.code, 'name', r.name) as region, f.name as unit, t.name as "toUnit",
  to_char(u.occurred_on, 'YYYY-MM-DD') as "occurredOn", to_char(u.reported_on, 'YYYY-MM-DD') as "reportedOn", u.title, u.description,
  u.amount_fen::float8 as "amountFen", u.victims, u.measures, u.created_at as "createdAt"`;
const urgentFrom = sql`urgent_reports u join regions r on r.code = u.region_code join units f on f.id = u.unit_id join units t on t.id = u.to_unit_id`;

/** The 要情 reported in a period about a region's subtree (a report's: the office above receives them all). */
export const urgentFor = (q: Queryable, regionCode: string, from: string, to: string) =>
  q.query<Urgent>(
    sql`select ${urgentColumns} from ${urgentFrom}
        where ${subtreeSql(regionCode, 'u.region_code')} and u.reported_on between ${from}::date and ${to}::date order by u.reported_on, u.id`,
  );

/** 要情 the user may read: about the user's subtree, or sent by or to the user's unit. Newest first. */
export async function urgentPage(q: Queryable, user: Pick<SessionUser, 'unitRegionCode' | 'unitId'>, f: { page: number; pageSize: number }) {
  const w = sql`(${jurisdictionSql(user, 'u.region_code')} or u.unit_id = ${user.unitId} or u.to_unit_id = ${user.unitId})`;
  const [{ total }] = await q.query<{ total: number }>(sql`select count(*)::int as total from urgent_reports u where ${w}`);
  const items = await q.query<Urgent>(sql`select ${urgentColumns} from ${urgentFrom} where ${w} order by u.id desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  return { items, total };
}
