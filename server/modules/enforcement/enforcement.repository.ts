import { empty, join, sql, type Queryable, type Sql } from '../../db/client.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { caseVisibleSql, jurisdictionSql, subtreeSql } from '../access/jurisdiction.ts';
import { NOTICE_KINDS } from '../../../shared/domain.ts';
import type { EnforcementInput, EnforcementQuery } from './enforcement.schemas.ts';

/** Enforcement records' SQL: a record is seen where its subject is (the subject's jurisdiction rule). */

type Scope = Pick<SessionUser, 'unitRegionCode'>;

export async function findSubject(q: Queryable, user: Scope, id: number) {
  const [s] = await q.query<{ id: number; region_code: string }>(sql`select s.id, s.region_code from subjects s where s.id = ${id} and ${jurisdictionSql(user, 's.region_code')}`);
  return s ?? null;
}

export async function hazardOf(q: Queryable, subjectId: number, hazardId: number) {
  const [h] = await q.query<{ id: number }>(sql`select id from hazards where id = ${hazardId} and subject_id = ${subjectId}`);
  return h ?? null;
}

/** The penalty decision already recorded on this hazard, if any. */
export async function hazardPenalty(q: Queryable, hazardId: number) {
  const [e] = await q.query<{ id: number }>(sql`select id from enforcement_records where hazard_id = ${hazardId} and kind = 'penalty_decision' limit 1`);
  return e ?? null;
}

export async function insertRecord(q: Queryable, user: SessionUser, b: EnforcementInput): Promise<number> {
  const [{ id }] = await q.query<{ id: number }>(
    sql`insert into enforcement_records (kind, doc_no, unit_id, subject_id, hazard_id, issued_on, fine_fen, police_unit_id, summary, created_by)
        values (${b.kind}, ${b.docNo}, ${user.unitId}, ${b.subjectId}, ${b.hazardId ?? null}, ${b.issuedOn}, ${b.fineFen ?? null}, ${b.policeUnitId ?? null}, ${b.summary}, ${user.id})
        returning id`,
  );
  return id;
}

function where(user: Scope, f: Omit<EnforcementQuery, 'page' | 'pageSize'>): Sql {
  return join([
    jurisdictionSql(user, 's.region_code'),
    f.kind ? sql`e.kind = ${f.kind}` : sql`true`,
    f.subjectId ? sql`e.subject_id = ${f.subjectId}` : sql`true`,
    f.notices ? sql`e.kind in (${join([...NOTICE_KINDS])})` : sql`true`,
    f.subjectKind ? sql`s.kind = ${f.subjectKind}` : sql`true`,
    f.unitId ? sql`e.unit_id = ${f.unitId}` : sql`true`,
    // A filter on top of the jurisdiction, not the jurisdiction itself.
    f.regionCode ? subtreeSql(f.regionCode, 's.region_code') : sql`true`,
    f.from ? sql`e.issued_on >= ${f.from}::date` : sql`true`,
    f.to ? sql`e.issued_on <= ${f.to}::date` : sql`true`,
  ], ' and ');
}

type Figures = { total: number; rectification_notices: number; admin_penalties: number; penalty_amount_fen: number; transfers_police: number };

/** The figures of every record the filter selects (indicators.md keys; the fine in fen), and how many there are. */
async function figuresWhere(q: Queryable, w: Sql): Promise<Figures> {
  const [figures] = await q.query<Figures>(
    sql`select count(*)::int as total,
               count(*) filter (where e.kind in (${join([...NOTICE_KINDS])}))::int as rectification_notices,
               count(*) filter (where e.kind = 'penalty_decision')::int as admin_penalties,
               coalesce(sum(e.fine_fen), 0)::bigint as penalty_amount_fen,
               count(*) filter (where e.kind = 'transfer_police')::int as transfers_police
        from enforcement_records e join subjects s on s.id = e.subject_id where ${w}`,
  );
  return figures;
}

/** The period's enforcement figures in the user's jurisdiction (the dashboard's 打击 cards). */
export async function periodFigures(q: Queryable, user: Scope, from: string, to: string) {
  const { total: _total, ...figures } = await figuresWhere(q, where(user, { from, to }));
  return figures;
}

export async function recordPage(q: Queryable, user: Scope, f: EnforcementQuery) {
  const w = where(user, f);
  const figures = await figuresWhere(q, w);
  const items = await q.query<{
    id: number; kind: string; docNo: string; unit: { id: number; name: string }; subject: { id: number; name: string }; hazardId: number | null; issuedOn: string;
    fineFen: number | null; policeUnit: { id: number; name: string } | null; summary: string; createdAt: Date;
  }>(
    sql`select e.id, e.kind, e.doc_no as "docNo", json_build_object('id', u.id, 'name', u.name) as unit, json_build_object('id', s.id, 'name', s.name) as subject,
               e.hazard_id as "hazardId", e.issued_on as "issuedOn", e.fine_fen as "fineFen",
               case when p.id is null then null else json_build_object('id', p.id, 'name', p.name) end as "policeUnit", e.summary, e.created_at as "createdAt"
        from enforcement_records e join subjects s on s.id = e.subject_id join units u on u.id = e.unit_id left join units p on p.id = e.police_unit_id
        where ${w} order by e.issued_on desc, e.id desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize} ${empty}`,
  );
  const { total, ...rest } = figures;
  return { items, total, figures: rest };
}

// ── The police's queue of transfers (行刑衔接) ─────────────────────────────────────────────────

type Viewer = Pick<SessionUser, 'roles' | 'unitId' | 'unitKind' | 'unitRegionCode'>;

/** SQL: the transfer under alias `e` has a case the police unit may see linked to its subject — it is dealt with. */
const filedSql = (user: Viewer) =>
  sql`exists (select 1 from case_subjects cs join criminal_cases c on c.id = cs.case_id where cs.subject_id = e.subject_id and ${caseVisibleSql(user, 'c')})`;

/** Transfers addressed to the user's unit; `pending`: those whose subject no case of the unit's yet names. */
function transferWhere(user: Viewer, pending: boolean): Sql {
  return sql`e.kind = 'transfer_police' and e.police_unit_id = ${user.unitId} ${pending ? sql`and not ${filedSql(user)}` : empty}`;
}

export async function pendingTransfers(q: Queryable, user: Viewer): Promise<number> {
  const [{ n }] = await q.query<{ n: number }>(sql`select count(*)::int as n from enforcement_records e where ${transferWhere(user, true)}`);
  return n;
}

export async function transferPage(q: Queryable, user: Viewer, f: { pending: boolean; page: number; pageSize: number }) {
  const w = transferWhere(user, f.pending);
  const [{ total }] = await q.query<{ total: number }>(sql`select count(*)::int as total from enforcement_records e where ${w}`);
  const items = await q.query<{
    id: number; docNo: string; unit: { id: number; name: string }; subject: { id: number; name: string; regionCode: string }; hazardId: number | null;
    hazard: string | null; issuedOn: string; summary: string; cases: { id: number; caseNo: string }[];
  }>(
    sql`select e.id, e.doc_no as "docNo", json_build_object('id', u.id, 'name', u.name) as unit,
               json_build_object('id', s.id, 'name', s.name, 'regionCode', s.region_code) as subject,
               e.hazard_id as "hazardId", h.description as hazard, e.issued_on as "issuedOn", e.summary,
               coalesce((select json_agg(json_build_object('id', c.id, 'caseNo', c.case_no) order by c.id)
                           from case_subjects cs join criminal_cases c on c.id = cs.case_id
                          where cs.subject_id = e.subject_id and ${caseVisibleSql(user, 'c')}), '[]'::json) as cases
        from enforcement_records e join subjects s on s.id = e.subject_id join units u on u.id = e.unit_id left join hazards h on h.id = e.hazard_id
        where ${w} order by e.issued_on, e.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );
  return { items, total };
}
