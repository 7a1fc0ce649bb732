import { empty, join, raw, sql, type Queryable, type Sql } from '../../db/client.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { caseVisibleSql, jurisdictionSql, tipVisibleSql } from '../access/jurisdiction.ts';
import { NOTICE_KINDS, type ChecklistItem, type HazardStatus, type RiskGrade } from '../../../shared/domain.ts';
import type { RiskFacts } from './risk.ts';
import type { HazardInput, LedgerFilter, SubjectListQuery } from './screening.schemas.ts';

type TipViewer = Pick<SessionUser, 'roles' | 'unitId' | 'unitKind' | 'unitRegionCode'>;

/**
 * The screening strand's SQL: subjects with their stored grades (subject_grades, migration 0034), the
 * facts a grade is explained from, inspections, the hazard ledger and the period's figures. Every
 * list and figure is limited to the user's jurisdiction through the one jurisdiction module.
 */

type Scope = Pick<SessionUser, 'unitRegionCode'>;

export interface SubjectRow {
  id: number; regionCode: string; regionName: string; kind: string; name: string; uscc: string | null; address: string | null; createdAt: Date;
}
const SUBJECT_COLUMNS = sql`s.id, s.region_code as "regionCode", r.name as "regionName", s.kind, s.name, s.uscc, s.address, s.created_at as "createdAt"`;

export async function findSubject(q: Queryable, user: Scope, id: number): Promise<SubjectRow | null> {
  const [s] = await q.query<SubjectRow>(
    sql`select ${SUBJECT_COLUMNS} from subjects s join regions r on r.code = s.region_code where s.id = ${id} and ${jurisdictionSql(user, 's.region_code')}`,
  );
  return s ?? null;
}

const likeText = (text: string) => `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

function subjectFilter(user: Scope, f: Omit<SubjectListQuery, 'page' | 'pageSize'>): Sql {
  return sql`${jurisdictionSql(user, 's.region_code')} and s.merged_into is null
    ${f.q ? sql`and (s.name like ${likeText(f.q)} or s.uscc = ${f.q.toUpperCase()})` : empty}
    ${f.kind ? sql`and s.kind = ${f.kind}` : empty}
    ${f.grade === 'none' ? sql`and k.grade is null` : f.grade ? sql`and k.grade = ${f.grade}` : empty}
    ${f.inspectedFrom || f.inspectedTo ? sql`and exists (select 1 from inspections i where i.subject_id = s.id
        ${f.inspectedFrom ? sql`and i.inspected_on >= ${f.inspectedFrom}::date` : empty} ${f.inspectedTo ? sql`and i.inspected_on <= ${f.inspectedTo}::date` : empty})` : empty}
    ${f.registeredTo ? sql`and (s.created_at at time zone 'Asia/Shanghai')::date <= ${f.registeredTo}::date` : empty}`;
}

export interface SubjectListRow extends SubjectRow {
  grade: RiskGrade | null;
}

/**
 * One page of the registry, newest first, with the stored grades (subject_grades, kept current by
 * grades.ts); the total counts every match in the jurisdiction, and a grade filter is one indexed
 * condition over the whole subtree.
 */
export async function subjectPage(q: Queryable, user: Scope, f: SubjectListQuery) {
  const where = subjectFilter(user, f);
  // Filtered by a grade alone, the total is the grade's per-region counters summed (as the
  // distribution): counting the rows took about a second for 30,000 red subjects among 1,000,000
  // (bench/grades); with any other condition the rows are counted.
  // (`region` is already the scope; any other field, present or added later, means counting.)
  const gradeOnly = f.grade && Object.entries(f).every(([k, v]) => v === undefined || ['grade', 'region', 'page', 'pageSize'].includes(k));
  const [{ total }] = gradeOnly ? [{ total: (await gradeCounts(q, user))[f.grade!] }] : await q.query<{ total: number }>(
    // The grades are read only when the count filters by one.
    sql`select count(*)::int as total from subjects s ${f.grade ? sql`join subject_grades k on k.subject_id = s.id` : empty} where ${where}`,
  );
  const items = await q.query<SubjectListRow>(
    sql`select ${SUBJECT_COLUMNS}, k.grade
        from subjects s join regions r on r.code = s.region_code join subject_grades k on k.subject_id = s.id
        where ${where} order by s.id desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );
  return { items, total };
}

/**
 * The stored grades of every subject in the jurisdiction, summed in SQL from subject_grade_counts
 * (one row per region and grade, kept by triggers on subject_grades, migration 0034): the cost
 * follows the number of regions in the subtree, not the number of subjects.
 */
export async function gradeCounts(q: Queryable, user: Scope): Promise<Record<RiskGrade | 'none', number>> {
  const grades: Record<RiskGrade | 'none', number> = { red: 0, orange: 0, yellow: 0, green: 0, none: 0 };
  for (const r of await q.query<{ grade: RiskGrade | 'none'; n: number }>(
    sql`select c.grade, sum(c.n)::int as n from subject_grade_counts c where ${jurisdictionSql(user, 'c.region_code')} group by c.grade`,
  )) grades[r.grade] = r.n;
  return grades;
}

/** The risk facts of many subjects in five grouped queries (never one query per subject), for assessRisk's reasons. */
export async function riskFacts(q: Queryable, ids: number[]): Promise<Map<number, RiskFacts>> {
  const facts = new Map<number, RiskFacts>(ids.map((id) => [id, { inspected: false, checklist: null, hazards: [], tips: 0, tipsTrue: 0, cases: 0, override: null }]));
  if (!ids.length) return facts;
  for (const r of await q.query<{ subject_id: number; checklist: Partial<Record<ChecklistItem, boolean>> }>(
    sql`select distinct on (subject_id) subject_id, checklist from inspections where subject_id = any(${ids}::bigint[])
        order by subject_id, inspected_on desc, id desc`,
  )) Object.assign(facts.get(r.subject_id)!, { inspected: true, checklist: r.checklist });
  for (const h of await q.query<{ subject_id: number; category: string; serious: boolean; status: string; deadline: string }>(
    sql`select subject_id, category, serious, status, deadline::text as deadline from hazards where subject_id = any(${ids}::bigint[])`,
  )) facts.get(h.subject_id)!.hazards.push(h);
  // Tips naming the subject: by credit code or by normalised name, each an index lookup on tip_entities.
  for (const r of await q.query<{ subject_id: number; tips: number; tips_true: number }>(
    sql`with named as (
          select s.id as subject_id, e.tip_id from subjects s join tip_entities e on e.kind = 'uscc' and e.normalized = s.uscc where s.id = any(${ids}::bigint[])
          union
          select s.id, e.tip_id from subjects s join tip_entities e on e.kind = 'organization' and e.normalized = s.normalized_name where s.id = any(${ids}::bigint[]))
        select n.subject_id, count(*)::int as tips,
               count(*) filter (where exists (select 1 from tip_assignments a where a.tip_id = t.id and a.verdict in ('true', 'partly_true')))::int as tips_true
        from named n join tips t on t.id = n.tip_id and t.status not in ('rejected', 'merged')
        group by n.subject_id`,
  )) Object.assign(facts.get(r.subject_id)!, { tips: r.tips, tipsTrue: r.tips_true });
  for (const r of await q.query<{ subject_id: number; n: number }>(
    sql`select subject_id, count(*)::int as n from case_subjects where subject_id = any(${ids}::bigint[]) group by subject_id`,
  )) facts.get(r.subject_id)!.cases = r.n;
  for (const o of await q.query<{ subject_id: number; grade: RiskGrade | null; reason: string }>(
    sql`select distinct on (subject_id) subject_id, grade, reason from subject_risk_overrides where subject_id = any(${ids}::bigint[]) order by subject_id, id desc`,
  )) facts.get(o.subject_id)!.override = o.grade ? { grade: o.grade, reason: o.reason } : null;
  return facts;
}

// ── One subject's file ───────────────────────────────────────────────────────────────────────

export const subjectInspections = (q: Queryable, subjectId: number) =>
  q.query<{
    id: number; inspectedOn: string; inspectors: number; checklist: Record<string, boolean>; findings: string | null; unitName: string; createdAt: Date;
    kind: string; samplingRatio: number | null; round: { id: number; title: string } | null;
    checklistVersion: { id: number; version: number; items: { key: string; label: string }[] } | null;
  }>(
    sql`select i.id, i.inspected_on as "inspectedOn", i.inspectors, i.checklist, i.findings, un.name as "unitName", i.created_at as "createdAt",
               i.kind, i.sampling_ratio::float8 as "samplingRatio",
               case when sr.id is not null then json_build_object('id', sr.id, 'title', sr.title) end as round,
               case when cv.id is not null then json_build_object('id', cv.id, 'version', cv.version, 'items', cv.items) end as "checklistVersion"
        from inspections i join units un on un.id = i.unit_id
        left join screening_rounds sr on sr.id = i.round_id left join checklist_versions cv on cv.id = i.checklist_version_id
        where i.subject_id = ${subjectId} order by i.inspected_on desc, i.id desc`,
  );

/** Overdue is derived: a deadline before today (China's) with the hazard not yet reported fixed. */
/** 超期: a hazard not yet reported fixed whose deadline (a Beijing date) is before today — the ledger's flag and the grade sweep's rule. */
export const overdueSql = (today: string) => sql`(h.status in ('open', 'rectifying') and h.deadline < ${today}::date)`;

/**
 * A hazard's penalty, read from the enforcement records naming it (the one source of 罚没金额): the
 * amount in yuan, the decision's number and reason, and when it was recorded.
 */
const PENALTY_JOIN = sql`left join lateral (
    select (e.fine_fen / 100.0)::float8 as "fineYuan", e.doc_no || '：' || e.summary as "penaltyNote", e.created_at as "penalizedAt"
      from enforcement_records e where e.hazard_id = h.id and e.kind = 'penalty_decision' order by e.id limit 1) pen on true`;

/**
 * A hazard's source (0035): the tip it came from is named only when the viewer may see that tip
 * (the jurisdiction module's tipVisibleSql), so a unit a tip accuses never learns of it here.
 */
const sourceColumns = (viewer: TipViewer) => sql`h.source, h.source_finding_id as "sourceFindingId", h.source_note as "sourceNote",
  (select json_build_object('id', t.id, 'trackingCode', t.tracking_code) from tips t
    where t.id = h.source_tip_id and ${tipVisibleSql(viewer, 't')}) as "sourceTip"`;
interface SourceFields { source: string; sourceFindingId: number | null; sourceNote: string | null; sourceTip: { id: number; trackingCode: string } | null }

/** A subject's hazards, newest first, each with its attached files (one query for all of them). */
export async function subjectHazards(q: Queryable, viewer: TipViewer, subjectId: number, today: string) {
  const hazards = await q.query<{
    id: number; inspectionId: number | null; description: string; category: string; serious: boolean; measure: string; deadline: string; responsible: string;
    status: string; fineYuan: number | null; rectifiedNote: string | null; unitName: string; createdAt: Date; overdue: boolean;
    penaltyNote: string | null; penalizedAt: Date | null;
  } & SourceFields>(
    sql`select h.id, h.inspection_id as "inspectionId", h.description, h.category, h.serious, h.measure, h.deadline, h.responsible, h.status,
               pen."fineYuan", h.rectified_note as "rectifiedNote", un.name as "unitName", h.created_at as "createdAt",
               ${overdueSql(today)} as overdue, pen."penaltyNote", pen."penalizedAt", ${sourceColumns(viewer)}
        from hazards h join units un on un.id = h.unit_id ${PENALTY_JOIN} where h.subject_id = ${subjectId} order by h.id desc`,
  );
  const files = await q.query<{ hazardId: number; id: string; mime: string; size: number; createdAt: Date }>(
    sql`select u.hazard_id as "hazardId", u.id, u.mime, u.size_bytes as size, u.created_at as "createdAt"
        from uploads u where u.hazard_id = any(${hazards.map((h) => h.id)}::bigint[]) order by u.created_at, u.id`,
  );
  return hazards.map((h) => ({ ...h, attachments: files.filter((f) => f.hazardId === h.id).map(({ hazardId: _h, ...f }) => f) }));
}

/** Tips naming the subject that this user may open, newest first, with how many there are in all. */
export async function subjectTips(q: Queryable, user: SessionUser, subjectId: number, limit: number) {
  const rows = await q.query<{ id: number; trackingCode: string; status: string; receivedAt: Date; total: number }>(
    sql`select t.id, t.tracking_code as "trackingCode", t.status, t.received_at as "receivedAt", count(*) over ()::int as total
        from tips t
        where t.id in (select e.tip_id from subjects s join tip_entities e
                         on (e.kind = 'uscc' and e.normalized = s.uscc) or (e.kind = 'organization' and e.normalized = s.normalized_name)
                       where s.id = ${subjectId})
          and ${tipVisibleSql(user, 't')}
        order by t.id desc limit ${limit}`,
  );
  return { items: rows.map(({ total: _total, ...t }) => t), total: rows[0]?.total ?? 0 };
}

/** Criminal cases linked to the subject that this user may see (the jurisdiction module decides). */
export const subjectCases = (q: Queryable, user: SessionUser, subjectId: number) =>
  q.query<{ id: number; caseNo: string; title: string; stage: string; filedOn: string }>(
    sql`select c.id, c.case_no as "caseNo", c.title, c.stage, c.filed_on as "filedOn"
        from case_subjects cs join criminal_cases c on c.id = cs.case_id
        where cs.subject_id = ${subjectId} and ${caseVisibleSql(user, 'c')} order by c.filed_on desc, c.id desc`,
  );

// ── Writes ───────────────────────────────────────────────────────────────────────────────────

export async function insertInspection(
  q: Queryable, user: SessionUser, subjectId: number,
  b: {
    inspectedOn: string; inspectors: number; checklist: Record<string, boolean>; findings?: string;
    kind: string; samplingRatio?: number; roundId?: number; checklistVersionId: number;
  },
): Promise<number> {
  const [{ id }] = await q.query<{ id: number }>(
    sql`insert into inspections (subject_id, unit_id, inspected_on, inspectors, checklist, findings, created_by, kind, sampling_ratio, round_id, checklist_version_id)
        values (${subjectId}, ${user.unitId}, ${b.inspectedOn}, ${b.inspectors}, ${JSON.stringify(b.checklist)}::jsonb, ${b.findings ?? null}, ${user.id},
                ${b.kind}, ${b.samplingRatio ?? null}, ${b.roundId ?? null}, ${b.checklistVersionId})
        returning id`,
  );
  return id;
}

/** Where a hazard came from, as stored (0035); an inspection's hazards are 'inspection' with its id. */
export interface HazardOrigin { source: 'inspection' | 'tip' | 'complaint' | 'supervision'; inspectionId: number | null; tipId?: number; findingId?: number; note?: string }

export async function insertHazard(q: Queryable, user: SessionUser, subjectId: number, origin: HazardOrigin, h: HazardInput): Promise<number> {
  const [{ id }] = await q.query<{ id: number }>(
    sql`insert into hazards (subject_id, inspection_id, unit_id, description, category, serious, measure, deadline, responsible, created_by,
                             source, source_tip_id, source_finding_id, source_note)
        values (${subjectId}, ${origin.inspectionId}, ${user.unitId}, ${h.description}, ${h.category}, ${h.serious}, ${h.measure}, ${h.deadline},
                ${h.responsible}, ${user.id}, ${origin.source}, ${origin.tipId ?? null}, ${origin.findingId ?? null}, ${origin.note ?? null})
        returning id`,
  );
  return id;
}

/** A hazard of a subject in the user's jurisdiction, locked for a state change; null when not found there. */
export async function lockHazard(q: Queryable, user: Scope, id: number): Promise<{ id: number; subject_id: number; status: HazardStatus; rectified_by: number | null } | null> {
  const [h] = await q.query<{ id: number; subject_id: number; status: HazardStatus; rectified_by: number | null }>(
    sql`select h.id, h.subject_id, h.status, h.rectified_by from hazards h join subjects s on s.id = h.subject_id
        where h.id = ${id} and ${jurisdictionSql(user, 's.region_code')} for update of h`,
  );
  return h ?? null;
}

/** Is this inspection one of the subject's? */
export async function inspectionOf(q: Queryable, subjectId: number, inspectionId: number): Promise<boolean> {
  return (await q.query(sql`select 1 from inspections where id = ${inspectionId} and subject_id = ${subjectId}`)).length > 0;
}

/** Is the hazard in the user's jurisdiction (through its subject)? */
export async function hazardVisible(q: Queryable, user: Scope, id: number): Promise<boolean> {
  const rows = await q.query(sql`select 1 from hazards h join subjects s on s.id = h.subject_id where h.id = ${id} and ${jurisdictionSql(user, 's.region_code')}`);
  return rows.length > 0;
}

export const setHazardRectifying = (q: Queryable, id: number) =>
  q.query(sql`update hazards set status = 'rectifying', updated_at = now() where id = ${id}`);
export const setHazardRectified = (q: Queryable, id: number, note: string, userId: number) =>
  q.query(sql`update hazards set status = 'rectified', rectified_note = ${note}, rectified_by = ${userId}, updated_at = now() where id = ${id}`);
export const touchHazard = (q: Queryable, id: number) => q.query(sql`update hazards set updated_at = now() where id = ${id}`);
export const setHazardVerified = (q: Queryable, id: number) =>
  q.query(sql`update hazards set status = 'verified', verified_at = now(), updated_at = now() where id = ${id}`);

export const insertOverride = (q: Queryable, userId: number, subjectId: number, grade: RiskGrade | null, reason: string) =>
  q.query(sql`insert into subject_risk_overrides (subject_id, grade, reason, created_by) values (${subjectId}, ${grade}, ${reason}, ${userId})`);

// ── The ledger (台账) and the period's figures ─────────────────────────────────────────────────

export interface LedgerRow extends SourceFields {
  id: number; subjectId: number; subjectName: string; regionName: string; kind: string; description: string; category: string; serious: boolean; measure: string;
  deadline: string; responsible: string; status: string; fineYuan: number | null; unitName: string; overdue: boolean; createdAt: Date; grade: RiskGrade | null;
}

/**
 * The ledger's filter as a list of optional conditions, each standing alone (a filter added later —
 * a screening round — is one more entry), joined with `and`. Hazards are read through their subject
 * (alias s), in the jurisdiction. The grade is the subject's current one, as stored (grades.ts).
 */
function ledgerConditions(user: Scope, f: LedgerFilter, today: string): Sql[] {
  const conditions: (Sql | false | '' | undefined)[] = [
    jurisdictionSql(user, 's.region_code'),
    f.status && sql`h.status = ${f.status}`,
    f.overdue && overdueSql(today),
    f.kind && sql`s.kind = ${f.kind}`,
    f.source && sql`h.source = ${f.source}`,
    f.unitId !== undefined && sql`h.unit_id = ${f.unitId}`,
    f.round !== undefined && sql`exists (select 1 from inspections ri where ri.id = h.inspection_id and ri.round_id = ${f.round})`,
    f.grade && sql`exists (select 1 from subject_grades k where k.subject_id = s.id and ${f.grade === 'none' ? sql`k.grade is null` : sql`k.grade = ${f.grade}`})`,
    f.foundFrom && sql`(h.created_at at time zone 'Asia/Shanghai')::date >= ${f.foundFrom}::date`,
    f.foundTo && sql`(h.created_at at time zone 'Asia/Shanghai')::date <= ${f.foundTo}::date`,
    f.verifiedFrom && sql`(h.verified_at at time zone 'Asia/Shanghai')::date >= ${f.verifiedFrom}::date`,
    f.verifiedTo && sql`(h.verified_at at time zone 'Asia/Shanghai')::date <= ${f.verifiedTo}::date`,
  ];
  return conditions.filter((c): c is Sql => !!c);
}
const ledgerWhere = (user: Scope, f: LedgerFilter, today: string): Sql => join(ledgerConditions(user, f, today), ' and ');

/** Ledger rows of the jurisdiction, nearest deadline first; `viewer` decides which source tips are named. */
export const ledgerRows = (q: Queryable, user: Scope, viewer: TipViewer, f: LedgerFilter, today: string, limit: number, offset = 0) =>
  q.query<LedgerRow>(
    sql`select h.id, h.subject_id as "subjectId", s.name as "subjectName", r.name as "regionName", s.kind, h.description, h.category, h.serious,
               h.measure, h.deadline, h.responsible, h.status, pen."fineYuan", un.name as "unitName", ${overdueSql(today)} as overdue,
               h.created_at as "createdAt", (select k.grade from subject_grades k where k.subject_id = s.id) as grade, ${sourceColumns(viewer)}
        from hazards h join subjects s on s.id = h.subject_id join regions r on r.code = s.region_code join units un on un.id = h.unit_id ${PENALTY_JOIN}
        where ${ledgerWhere(user, f, today)}
        order by h.deadline, h.id limit ${limit} offset ${offset}`,
  );

export async function ledgerCount(q: Queryable, user: Scope, f: LedgerFilter, today: string): Promise<number> {
  const [{ n }] = await q.query<{ n: number }>(
    sql`select count(*)::int as n from hazards h join subjects s on s.id = h.subject_id where ${ledgerWhere(user, f, today)}`,
  );
  return n;
}

/** The period's figures of the jurisdiction (shared/docs/indicators.md), each counted from the records. */
export async function periodFigures(q: Queryable, user: Scope, from: string, to: string, today: string) {
  const scope = jurisdictionSql(user, 's.region_code');
  const screenedByKind = await q.query<{ kind: string; n: number }>(
    sql`select s.kind, count(distinct i.subject_id)::int as n from inspections i join subjects s on s.id = i.subject_id
        where ${scope} and i.inspected_on between ${from}::date and ${to}::date group by s.kind order by n desc`,
  );
  const [n] = await q.query<{ persons: number; found: number; rectified: number; overdue: number; open: number; penalties: number; penaltyYuan: number }>(
    sql`select
          (select coalesce(sum(i.inspectors), 0)::int from inspections i join subjects s on s.id = i.subject_id
            where ${scope} and i.inspected_on between ${from}::date and ${to}::date) as persons,
          (select count(*)::int from hazards h join subjects s on s.id = h.subject_id
            where ${scope} and (h.created_at at time zone 'Asia/Shanghai')::date between ${from}::date and ${to}::date) as found,
          (select count(*)::int from hazards h join subjects s on s.id = h.subject_id
            where ${scope} and h.status = 'verified' and (h.verified_at at time zone 'Asia/Shanghai')::date between ${from}::date and ${to}::date) as rectified,
          (select count(*)::int from hazards h join subjects s on s.id = h.subject_id where ${scope} and ${overdueSql(today)}) as overdue,
          (select count(*)::int from hazards h join subjects s on s.id = h.subject_id where ${scope} and h.status <> 'verified') as open,
          (select count(*)::int from enforcement_records e join subjects s on s.id = e.subject_id
            where ${scope} and e.kind = 'penalty_decision' and e.issued_on between ${from}::date and ${to}::date) as penalties,
          (select (coalesce(sum(e.fine_fen), 0) / 100.0)::float8 from enforcement_records e join subjects s on s.id = e.subject_id
            where ${scope} and e.kind = 'penalty_decision' and e.issued_on between ${from}::date and ${to}::date) as "penaltyYuan"`,
  );
  return { screenedByKind, ...n };
}

// ── The official tables (统计表, issue 13 item 6; docs/indicators.md "Official screening tables") ──

/** One child region's figures of an official table (code: the child region, or the region itself for 本级). */
export interface TableFigures {
  code: string; subjects: number; screened: number; found: number; serious: number; general: number; rectified: number; verified: number;
  notices: number; penalties: number; fineFen: number; police: number;
}

/**
 * A sector's screening figures for a period, per child region of the scope's root, in one query
 * (grouped by the child's code prefix, never a query per region). Subjects in scope: the sector's
 * subjects registered (Beijing day) on or before `to`, not merged into another; everything else is
 * counted over them. Rules and their sources: docs/indicators.md.
 */
export async function tableFigures(q: Queryable, user: Scope, kind: string, from: string, to: string, childLen: number): Promise<TableFigures[]> {
  const period = (col: string) => sql`${raw(col)} between ${from}::date and ${to}::date`;
  return q.query<TableFigures>(
    sql`with subj as (
          select s.id, left(s.region_code, ${childLen}) as code from subjects s
          where ${jurisdictionSql(user, 's.region_code')} and s.kind = ${kind} and s.merged_into is null
            and (s.created_at at time zone 'Asia/Shanghai')::date <= ${to}::date),
        base as (
          select code, count(*)::int as subjects,
                 count(*) filter (where exists (select 1 from inspections i where i.subject_id = subj.id and ${period('i.inspected_on')}))::int as screened,
                 count(*) filter (where exists (select 1 from enforcement_records e where e.subject_id = subj.id and e.kind = 'transfer_police' and ${period('e.issued_on')})
                                     or exists (select 1 from case_subjects cs join criminal_cases c on c.id = cs.case_id
                                                where cs.subject_id = subj.id and ${period('c.filed_on')}))::int as police
          from subj group by code),
        haz as (
          select subj.code, count(*)::int as found, count(*) filter (where h.serious)::int as serious, count(*) filter (where not h.serious)::int as general,
                 count(*) filter (where h.status in ('rectified', 'verified'))::int as rectified, count(*) filter (where h.status = 'verified')::int as verified
          from hazards h join subj on subj.id = h.subject_id
          where ${period("(h.created_at at time zone 'Asia/Shanghai')::date")} group by subj.code),
        enf as (
          select subj.code, count(*) filter (where e.kind in (${join([...NOTICE_KINDS])}))::int as notices,
                 count(*) filter (where e.kind = 'penalty_decision')::int as penalties,
                 coalesce(sum(e.fine_fen) filter (where e.kind = 'penalty_decision'), 0)::float8 as "fineFen"
          from enforcement_records e join subj on subj.id = e.subject_id
          where ${period('e.issued_on')} group by subj.code)
        select b.code, b.subjects, b.screened, coalesce(h.found, 0) as found, coalesce(h.serious, 0) as serious, coalesce(h.general, 0) as general,
               coalesce(h.rectified, 0) as rectified, coalesce(h.verified, 0) as verified, coalesce(e.notices, 0) as notices,
               coalesce(e.penalties, 0) as penalties, coalesce(e."fineFen", 0) as "fineFen", b.police
        from base b left join haz h on h.code = b.code left join enf e on e.code = b.code
        order by b.code`,
  );
}
