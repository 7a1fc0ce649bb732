import { empty, join, raw, sql, type Queryable, type Sql } from '../../db/client.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { caseVisibleSql, jurisdictionSql, subtreeSql, tipVisibleSql, type CaseAccessFacts } from '../access/jurisdiction.ts';
import { CASE_FIGURE_KIND_CODES, type CaseFigureKind, type CaseStage } from '../../../shared/domain.ts';
import type { CaseInput, CaseListQuery, FigureTotals } from './cases.schemas.ts';

/**
 * The criminal cases' SQL. Every read is limited to the cases the user may see through the one
 * jurisdiction module (caseVisibleSql); stages and figures are only ever inserted (the database
 * refuses updates and deletes). A figure counts while no later entry corrects it (`effectiveSql`).
 */

type Viewer = Pick<SessionUser, 'roles' | 'unitId' | 'unitKind' | 'unitRegionCode'>;

export interface CaseRow extends CaseAccessFacts {
  id: number; stage: CaseStage; filed_on: string;
}

/** A case the user may see, optionally locked for a change; null when not found there. */
export async function findCase(q: Queryable, user: Viewer, id: number, forUpdate = false): Promise<CaseRow | null> {
  const [c] = await q.query<CaseRow>(
    sql`select c.id, c.region_code, c.lead_unit_id, c.procuratorate_unit_id, c.court_unit_id, c.stage, c.filed_on
        from criminal_cases c where c.id = ${id} and ${caseVisibleSql(user, 'c')} ${forUpdate ? sql`for update of c` : empty}`,
  );
  return c ?? null;
}

/** SQL: the figure entry under alias `f` still counts — no later entry corrects it. */
export const effectiveSql = (f = 'f') => sql`not exists (select 1 from case_figures x where x.corrects_id = ${raw(f)}.id)`;

const totalsColumns = (f: string) =>
  join(CASE_FIGURE_KIND_CODES.map((k) => sql`coalesce(sum(${raw(f)}.value) filter (where ${raw(f)}.kind = ${k}), 0)::bigint as ${raw(`"${k}"`)}`));

/** Each figure kind's current total for one case. */
export async function figureTotals(q: Queryable, caseId: number): Promise<FigureTotals> {
  const [t] = await q.query<FigureTotals>(sql`select ${totalsColumns('f')} from case_figures f where f.case_id = ${caseId} and ${effectiveSql('f')}`);
  return t;
}

export async function insertCase(q: Queryable, user: SessionUser, b: CaseInput): Promise<number> {
  const [{ id }] = await q.query<{ id: number }>(
    sql`insert into criminal_cases (case_no, title, summary, fraud_types, region_code, lead_unit_id, origin, gang, gang_size, stage, filed_on, created_by)
        values (${b.caseNo}, ${b.title}, ${b.summary ?? null}, ${b.fraudTypes}::text[], ${b.regionCode}, ${user.unitId}, ${b.origin}, ${b.gang},
                ${b.gangSize ?? null}, 'filed', ${b.filedOn}, ${user.id})
        returning id`,
  );
  return id;
}

export async function insertStage(q: Queryable, user: SessionUser, caseId: number, stage: CaseStage, onDate: string, note: string | null) {
  await q.query(
    sql`insert into case_stages (case_id, stage, on_date, unit_id, note, created_by) values (${caseId}, ${stage}, ${onDate}, ${user.unitId}, ${note}, ${user.id})`,
  );
}

/** Moves the case to `stage`, naming the procuratorate or court it now reaches. */
export const setCaseStage = (q: Queryable, id: number, stage: CaseStage, units: { procuratorate?: number; court?: number }) =>
  q.query(
    sql`update criminal_cases set stage = ${stage}, updated_at = now()
          ${units.procuratorate ? sql`, procuratorate_unit_id = ${units.procuratorate}` : empty}
          ${units.court ? sql`, court_unit_id = ${units.court}` : empty}
        where id = ${id}`,
  );

export const stageRows = (q: Queryable, caseId: number) =>
  q.query<{ stage: CaseStage; onDate: string; unit: { id: number; name: string }; note: string | null; recordedBy: string; createdAt: Date }>(
    sql`select s.stage, s.on_date as "onDate", json_build_object('id', un.id, 'name', un.name) as unit, s.note, u.display_name as "recordedBy", s.created_at as "createdAt"
        from case_stages s join units un on un.id = s.unit_id join users u on u.id = s.created_by
        where s.case_id = ${caseId} order by s.on_date, s.id`,
  );

export async function insertFigure(
  q: Queryable, user: SessionUser, caseId: number,
  e: { kind: CaseFigureKind; value: number; onDate: string; note?: string | null; reason?: string | null; correctsId?: number | null },
): Promise<number> {
  const [{ id }] = await q.query<{ id: number }>(
    sql`insert into case_figures (case_id, kind, value, on_date, unit_id, note, corrects_id, reason, created_by)
        values (${caseId}, ${e.kind}, ${e.value}, ${e.onDate}, ${user.unitId}, ${e.note ?? null}, ${e.correctsId ?? null}, ${e.reason ?? null}, ${user.id})
        returning id`,
  );
  return id;
}

export interface EntryRow { id: number; kind: CaseFigureKind; value: number; on_date: string; unit_id: number; corrected_by_id: number | null }

export async function findEntry(q: Queryable, caseId: number, entryId: number): Promise<EntryRow | null> {
  const [e] = await q.query<EntryRow>(
    sql`select f.id, f.kind, f.value, f.on_date, f.unit_id, (select x.id from case_figures x where x.corrects_id = f.id) as corrected_by_id
        from case_figures f where f.id = ${entryId} and f.case_id = ${caseId}`,
  );
  return e ?? null;
}

export const figureEntries = (q: Queryable, caseId: number) =>
  q.query<{
    id: number; kind: CaseFigureKind; value: number; onDate: string; unit: { id: number; name: string }; note: string | null; reason: string | null;
    correctsId: number | null; correctedById: number | null; recordedBy: string; createdAt: Date;
  }>(
    sql`select f.id, f.kind, f.value, f.on_date as "onDate", json_build_object('id', un.id, 'name', un.name) as unit, f.note, f.reason,
               f.corrects_id as "correctsId", (select x.id from case_figures x where x.corrects_id = f.id) as "correctedById",
               u.display_name as "recordedBy", f.created_at as "createdAt"
        from case_figures f join units un on un.id = f.unit_id join users u on u.id = f.created_by
        where f.case_id = ${caseId} order by f.on_date, f.id`,
  );

// ── Links ────────────────────────────────────────────────────────────────────────────────────

/** Of these tracking codes, the tips this user may open (codes of others are simply not found). */
export const visibleTipsByCode = (q: Queryable, user: Viewer, codes: string[]) =>
  q.query<{ id: number; tracking_code: string }>(
    sql`select t.id, t.tracking_code from tips t where t.tracking_code = any(${codes}::text[]) and ${tipVisibleSql(user, 't')}`,
  );

/** Of these subject ids, those in the user's jurisdiction. */
export const subjectsInScope = (q: Queryable, user: Viewer, ids: number[]) =>
  q.query<{ id: number }>(sql`select s.id from subjects s where s.id = any(${ids}::bigint[]) and ${jurisdictionSql(user, 's.region_code')}`);

export const linkedTipIds = async (q: Queryable, caseId: number) =>
  (await q.query<{ tip_id: number }>(sql`select tip_id from case_tips where case_id = ${caseId}`)).map((r) => r.tip_id);
export const linkedSubjectIds = async (q: Queryable, caseId: number) =>
  (await q.query<{ subject_id: number }>(sql`select subject_id from case_subjects where case_id = ${caseId}`)).map((r) => r.subject_id);

export async function insertLinks(q: Queryable, userId: number, caseId: number, tipIds: number[], subjectIds: number[]) {
  if (tipIds.length) await q.query(sql`insert into case_tips (case_id, tip_id, linked_by) select ${caseId}, unnest(${tipIds}::bigint[]), ${userId}`);
  if (subjectIds.length) await q.query(sql`insert into case_subjects (case_id, subject_id, linked_by) select ${caseId}, unnest(${subjectIds}::bigint[]), ${userId}`);
}

/** Of these tips, those whose reporter has not yet been told that a case was filed. */
export const tipsNotYetTold = async (q: Queryable, tipIds: number[]) =>
  (await q.query<{ id: number }>(
    sql`select t.id from unnest(${tipIds}::bigint[]) as t(id) where not exists (select 1 from tip_events e where e.tip_id = t.id and e.kind = 'case_filed')`,
  )).map((r) => r.id);

/** Is the tip linked to any case (whoever may see it)? */
export const tipHasCase = async (q: Queryable, tipId: number) =>
  (await q.query(sql`select 1 from case_tips where tip_id = ${tipId} limit 1`)).length > 0;

/** The cases a tip is linked to, of those the user may see — for the tip's page. */
export const casesOfTip = (q: Queryable, user: Viewer, tipId: number) =>
  q.query<{ id: number; caseNo: string; title: string; stage: CaseStage }>(
    sql`select c.id, c.case_no as "caseNo", c.title, c.stage from case_tips ct join criminal_cases c on c.id = ct.case_id
        where ct.tip_id = ${tipId} and ${caseVisibleSql(user, 'c')} order by c.id`,
  );

/** Linked tips the user may open (a tip another unit holds, or one accusing the user's unit, is not named). */
export const caseTips = (q: Queryable, user: Viewer, caseId: number) =>
  q.query<{ id: number; trackingCode: string; status: string; receivedAt: Date }>(
    sql`select t.id, t.tracking_code as "trackingCode", t.status, t.received_at as "receivedAt"
        from case_tips ct join tips t on t.id = ct.tip_id where ct.case_id = ${caseId} and ${tipVisibleSql(user, 't')} order by t.id`,
  );

export const caseSubjects = (q: Queryable, caseId: number) =>
  q.query<{ id: number; name: string; kind: string }>(
    sql`select s.id, s.name, s.kind from case_subjects cs join subjects s on s.id = cs.subject_id where cs.case_id = ${caseId} order by s.id`,
  );

// ── Units ───────────────────────────────────────────────────────────────────────────────────

export async function findUnit(q: Queryable, id: number) {
  const [u] = await q.query<{ id: number; kind: string; region_code: string; name: string }>(sql`select id, kind, region_code, name from units where id = ${id}`);
  return u ?? null;
}

/** Units of a kind at the case's region or above it (its ancestry), nearest first. */
export const unitsAbove = (q: Queryable, kind: string, ancestry: string[]) =>
  q.query<{ id: number; name: string; kind: string; regionCode: string }>(
    sql`select id, name, kind, region_code as "regionCode" from units where kind = ${kind} and region_code = any(${ancestry}::text[])
        order by length(region_code) desc, id`,
  );

// ── Lists and the period's figures ───────────────────────────────────────────────────────────

const likeText = (text: string) => `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

function listWhere(user: Viewer, f: Omit<CaseListQuery, 'page' | 'pageSize'>): Sql {
  const parts: Sql[] = [caseVisibleSql(user, 'c')];
  if (f.stage) parts.push(sql`c.stage = ${f.stage}`);
  if (f.fraudType) parts.push(sql`c.fraud_types @> array[${f.fraudType}]::text[]`);
  if (f.origin) parts.push(sql`c.origin = ${f.origin}`);
  // A filter on top of the jurisdiction, not the jurisdiction itself.
  if (f.regionCode) parts.push(subtreeSql(f.regionCode, 'c.region_code'));
  if (f.unitId) parts.push(sql`(c.lead_unit_id = ${f.unitId} or c.procuratorate_unit_id = ${f.unitId} or c.court_unit_id = ${f.unitId})`);
  if (f.from) parts.push(sql`c.filed_on >= ${f.from}::date`);
  if (f.to) parts.push(sql`c.filed_on <= ${f.to}::date`);
  if (f.q) parts.push(sql`(c.case_no = ${f.q} or c.title like ${likeText(f.q)})`);
  // The same records the engine counts (stats_c_case_stage, stats_c_case_figure in migration 0022).
  if (f.reached) {
    parts.push(sql`exists (select 1 from case_stages s where s.case_id = c.id and s.stage = ${f.reached}
      ${f.reachedFrom ? sql`and s.on_date >= ${f.reachedFrom}::date` : empty} ${f.reachedTo ? sql`and s.on_date <= ${f.reachedTo}::date` : empty})`);
  }
  if (f.figureKind) {
    parts.push(sql`exists (select 1 from case_figures f where f.case_id = c.id and f.kind = ${f.figureKind} and f.value <> 0 and ${effectiveSql('f')}
      ${f.figureFrom ? sql`and f.on_date >= ${f.figureFrom}::date` : empty} ${f.figureTo ? sql`and f.on_date <= ${f.figureTo}::date` : empty})`);
  }
  return join(parts, ' and ');
}

export interface CaseListRow {
  id: number; caseNo: string; title: string; fraudTypes: string[]; regionCode: string; regionName: string; origin: string; gang: boolean;
  gangSize: number | null; stage: string; filedOn: string; leadUnit: { id: number; name: string }; arrested: number; amountInvolvedFen: number;
  amountRecoveredFen: number;
}
type Ref = { id: number; name: string } | null;

const LIST_COLUMNS = sql`c.id, c.case_no as "caseNo", c.title, c.fraud_types as "fraudTypes", c.region_code as "regionCode", r.name as "regionName",
  c.origin, c.gang, c.gang_size as "gangSize", c.stage, c.filed_on as "filedOn", json_build_object('id', lu.id, 'name', lu.name) as "leadUnit",
  tot.arrested, tot.amount_involved as "amountInvolvedFen", tot.amount_recovered as "amountRecoveredFen"`;
const LIST_FROM = sql`criminal_cases c join regions r on r.code = c.region_code join units lu on lu.id = c.lead_unit_id
  cross join lateral (select ${totalsColumns('f')} from case_figures f where f.case_id = c.id and ${effectiveSql('f')}) tot`;

export async function casePage(q: Queryable, user: Viewer, f: CaseListQuery) {
  const where = listWhere(user, f);
  const [{ total }] = await q.query<{ total: number }>(sql`select count(*)::int as total from criminal_cases c where ${where}`);
  const items = await q.query<CaseListRow>(
    sql`select ${LIST_COLUMNS} from ${LIST_FROM} where ${where} order by c.filed_on desc, c.id desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );
  return { items, total };
}

/** One case's head (list columns plus its units and summary); the caller has checked visibility. */
export async function caseHead(q: Queryable, id: number) {
  const [c] = await q.query<CaseListRow & { summary: string | null; createdAt: Date; procuratorateUnit: Ref; courtUnit: Ref }>(
    sql`select ${LIST_COLUMNS}, c.summary, c.created_at as "createdAt",
               case when pu.id is null then null else json_build_object('id', pu.id, 'name', pu.name) end as "procuratorateUnit",
               case when cu.id is null then null else json_build_object('id', cu.id, 'name', cu.name) end as "courtUnit"
        from ${LIST_FROM} left join units pu on pu.id = c.procuratorate_unit_id left join units cu on cu.id = c.court_unit_id
        where c.id = ${id}`,
  );
  return c;
}

/**
 * The period's figures over the cases the user may see: stages counted by the day they were
 * recorded for, figures summed from the entries still in force dated in the period.
 */
export async function periodFigures(q: Queryable, user: Viewer, from: string, to: string) {
  const visible = sql`select c.id from criminal_cases c where ${caseVisibleSql(user, 'c')}`;
  const stages = await q.query<{ stage: CaseStage; n: number }>(
    sql`select s.stage, count(*)::int as n from case_stages s
        where s.case_id in (${visible}) and s.on_date between ${from}::date and ${to}::date group by s.stage`,
  );
  const [sums] = await q.query<FigureTotals>(
    sql`select ${totalsColumns('f')} from case_figures f
        where f.case_id in (${visible}) and f.on_date between ${from}::date and ${to}::date and ${effectiveSql('f')}`,
  );
  return { stages: new Map(stages.map((s) => [s.stage, s.n])), sums };
}
