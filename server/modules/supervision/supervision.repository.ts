import { empty, join, raw, sql, type Queryable, type Sql } from '../../db/client.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { roundVisibleSql, roundWholeSql, subtreeSql, type RoundAccessFacts } from '../access/jurisdiction.ts';
import { chinaToday } from '../../../shared/time.ts';

/** Supervision's SQL. Who sees what is the jurisdiction module's (canSeeRound / roundVisibleSql). */

type Viewer = Pick<SessionUser, 'id' | 'roles' | 'unitId' | 'unitKind' | 'unitRegionCode'>;

export interface RoundRow extends RoundAccessFacts {
  id: number;
  title: string;
  method: string;
  start_date: string;
  end_date: string;
  target_region_codes: string[];
  summary: string | null;
  created_at: Date;
}

export async function findRound(q: Queryable, id: number, forUpdate = false): Promise<RoundRow | null> {
  const [r] = await q.query<RoundRow>(
    sql`select r.*, array(select unit_id from supervision_targets st where st.round_id = r.id order by st.id)::bigint[] as "targetUnitIds",
               array(select user_id from supervision_round_members m where m.round_id = r.id order by m.user_id)::bigint[] as "memberIds"
        from supervision_rounds r where r.id = ${id} ${forUpdate ? sql`for update` : empty}`,
  );
  return r ? { ...r, targetUnitIds: r.targetUnitIds.map(Number), memberIds: r.memberIds.map(Number) } : null;
}

export interface UnitRow { id: number; name: string; kind: string; region_code: string }
export const unitsByIds = (q: Queryable, ids: number[]) =>
  q.query<UnitRow>(sql`select id, name, kind, region_code from units where id = any(${ids}::bigint[])`);

export async function targetOf(q: Queryable, roundId: number, unitId: number) {
  const [t] = await q.query<{ id: number; unit_id: number; kind: string }>(
    sql`select st.id, st.unit_id, u.kind from supervision_targets st join units u on u.id = st.unit_id where st.round_id = ${roundId} and st.unit_id = ${unitId}`,
  );
  return t ?? null;
}

export async function insertRound(q: Queryable, user: SessionUser, b: { title: string; method: string; startDate: string; endDate: string; targetRegionCodes: string[]; summary?: string }) {
  const [{ id }] = await q.query<{ id: number }>(
    sql`insert into supervision_rounds (title, supervising_unit_id, region_code, method, start_date, end_date, target_region_codes, summary, created_by)
        values (${b.title}, ${user.unitId}, ${user.unitRegionCode}, ${b.method}, ${b.startDate}, ${b.endDate}, ${b.targetRegionCodes}, ${b.summary ?? null}, ${user.id}) returning id`,
  );
  return id;
}

export async function insertTargets(q: Queryable, roundId: number, unitIds: number[], memberIds: number[]) {
  if (memberIds.length) await q.query(sql`insert into supervision_round_members (round_id, user_id) select ${roundId}, unnest(${memberIds}::bigint[])`);
  await q.query(sql`insert into supervision_targets (round_id, unit_id) select ${roundId}, unnest(${unitIds}::bigint[])`);
}

export async function insertFinding(q: Queryable, user: SessionUser, roundId: number, targetId: number, b: { targetUnitId: number; description: string; fixRequired: string; deadline: string }) {
  const [{ id }] = await q.query<{ id: number }>(
    sql`insert into supervision_findings (round_id, target_id, unit_id, description, fix_required, deadline, created_by)
        values (${roundId}, ${targetId}, ${b.targetUnitId}, ${b.description}, ${b.fixRequired}, ${b.deadline}, ${user.id}) returning id`,
  );
  await findingEvent(q, user, id, 'created', b.description);
  return id;
}

export const findingEvent = (q: Queryable, user: SessionUser, findingId: number, kind: string, text: string) =>
  q.query(sql`insert into supervision_finding_events (finding_id, kind, actor_id, unit_id, text) values (${findingId}, ${kind}, ${user.id}, ${user.unitId}, ${text})`);

export interface FindingRow { id: number; round_id: number; unit_id: number; status: string; deadline: string }
export async function findFinding(q: Queryable, id: number, forUpdate = false): Promise<FindingRow | null> {
  const [f] = await q.query<FindingRow>(sql`select id, round_id, unit_id, status, deadline from supervision_findings where id = ${id} ${forUpdate ? sql`for update` : empty}`);
  return f ?? null;
}

export const setFinding = (q: Queryable, id: number, set: Sql) => q.query(sql`update supervision_findings set ${set}, updated_at = now() where id = ${id}`);

/** SQL: the finding (alias f) is overdue — still open (no feedback waiting) past its deadline day. */
export const findingOverdueSql = (f = 'f') => sql`(${raw(f)}.status = 'open' and ${raw(f)}.deadline < ${chinaToday()}::date)`;

/** Findings with their round, units, documents and history; `where` on alias f (and r, the round). */
export async function findings(q: Queryable, where: Sql) {
  return q.query<{
    id: number; roundId: number; roundTitle: string; supervisingUnit: { id: number; name: string }; unit: { id: number; name: string }; description: string;
    fixRequired: string; deadline: string; status: string; overdue: boolean; feedback: string | null; feedbackAt: Date | null; verifiedAt: Date | null;
    attachments: { id: string; mime: string; size: number }[]; history: { at: string; kind: string; text: string; actor: string; unit: string }[];
  }>(
    sql`select f.id, f.round_id as "roundId", r.title as "roundTitle", json_build_object('id', su.id, 'name', su.name) as "supervisingUnit",
               json_build_object('id', u.id, 'name', u.name) as unit, f.description, f.fix_required as "fixRequired", f.deadline::text as deadline, f.status,
               ${findingOverdueSql()} as overdue, f.feedback, f.feedback_at as "feedbackAt", f.verified_at as "verifiedAt",
               coalesce((select json_agg(json_build_object('id', up.id, 'mime', up.mime, 'size', up.size_bytes) order by up.created_at) from uploads up where up.finding_id = f.id), '[]'::json) as attachments,
               coalesce((select json_agg(json_build_object('at', e.at, 'kind', e.kind, 'text', e.text, 'actor', eu.display_name, 'unit', eun.name) order by e.at, e.id)
                          from supervision_finding_events e join users eu on eu.id = e.actor_id join units eun on eun.id = e.unit_id where e.finding_id = f.id), '[]'::json) as history
        from supervision_findings f join supervision_rounds r on r.id = f.round_id join units su on su.id = r.supervising_unit_id join units u on u.id = f.unit_id
        where ${where} order by f.deadline, f.id`,
  );
}

function roundWhere(user: Viewer, f: { regionCode?: string; from?: string; to?: string; unitId?: number }): Sql {
  return join([
    roundVisibleSql(user, 'r'),
    // A filter on top of what the user may see, not the visibility rule itself.
    f.regionCode ? subtreeSql(f.regionCode, 'r.region_code') : sql`true`,
    f.from ? sql`r.start_date >= ${f.from}::date` : sql`true`,
    f.to ? sql`r.start_date <= ${f.to}::date` : sql`true`,
    f.unitId ? sql`r.supervising_unit_id = ${f.unitId}` : sql`true`,
  ], ' and ');
}

export async function roundPage(q: Queryable, user: Viewer, f: { regionCode?: string; from?: string; to?: string; unitId?: number; page: number; pageSize: number }) {
  const w = roundWhere(user, f);
  const [{ total }] = await q.query<{ total: number }>(sql`select count(*)::int as total from supervision_rounds r where ${w}`);
  // A target unit counts only its own findings; those who see the whole round count all.
  const mine = sql`(${roundWholeSql(user, 'r')} or f.unit_id = ${user.unitId})`;
  const items = await q.query<{
    id: number; title: string; method: string; supervisingUnit: { id: number; name: string }; startDate: string; endDate: string; targets: { id: number; name: string }[];
    findings: { open: number; submitted: number; verified: number; overdue: number };
  }>(
    sql`select r.id, r.title, r.method, json_build_object('id', su.id, 'name', su.name) as "supervisingUnit", r.start_date::text as "startDate", r.end_date::text as "endDate",
               coalesce((select json_agg(json_build_object('id', tu.id, 'name', tu.name) order by st.id) from supervision_targets st join units tu on tu.id = st.unit_id
                          where st.round_id = r.id and (${roundWholeSql(user, 'r')} or st.unit_id = ${user.unitId})), '[]'::json) as targets,
               (select json_build_object('open', count(*) filter (where f.status = 'open'), 'submitted', count(*) filter (where f.status = 'submitted'),
                                         'verified', count(*) filter (where f.status = 'verified'), 'overdue', count(*) filter (where ${findingOverdueSql()}))
                  from supervision_findings f where f.round_id = r.id and ${mine}) as findings
        from supervision_rounds r join units su on su.id = r.supervising_unit_id
        where ${w} order by r.start_date desc, r.id desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );
  return { items, total };
}

/** Sample items with their tip and handling unit; `where` on alias i (item), s (sample), r (round). */
export async function sampleItems(q: Queryable, where: Sql) {
  return q.query<{
    id: number; sampleId: number; kind: string; roundId: number; roundTitle: string; supervisingUnit: string; handlingUnitId: number | null;
    tip: { id: number; trackingCode: string; status: string; summary: string }; handlingUnit: { id: number; name: string } | null; status: string;
    reached: boolean | null; handled: string | null; satisfied: boolean | null; note: string | null; recordedAt: Date | null;
    confirmed: boolean | null; answer: string | null; answeredAt: Date | null; judgment: string | null; judgedAt: Date | null;
  }>(
    sql`select i.id, i.sample_id as "sampleId", s.kind, r.id as "roundId", r.title as "roundTitle", su.name as "supervisingUnit", i.handling_unit_id as "handlingUnitId",
               json_build_object('id', t.id, 'trackingCode', t.tracking_code, 'status', t.status, 'summary', left(t.description, 60)) as tip,
               case when hu.id is null then null else json_build_object('id', hu.id, 'name', hu.name) end as "handlingUnit", i.status,
               i.reached, i.handled, i.satisfied, i.note, i.recorded_at as "recordedAt", i.confirmed, i.answer, i.answered_at as "answeredAt",
               i.judgment, i.judged_at as "judgedAt"
        from supervision_sample_items i join supervision_samples s on s.id = i.sample_id join supervision_rounds r on r.id = s.round_id
        join units su on su.id = r.supervising_unit_id join tips t on t.id = i.tip_id left join units hu on hu.id = i.handling_unit_id
        where ${where} order by i.sample_id, t.id`,
  );
}

export interface ItemRow { id: number; sample_id: number; tip_id: number; handling_unit_id: number | null; status: string; kind: string; round_id: number; round_title: string }
export async function findItem(q: Queryable, id: number): Promise<ItemRow | null> {
  const [i] = await q.query<ItemRow>(
    sql`select i.id, i.sample_id, i.tip_id, i.handling_unit_id, i.status, s.kind, s.round_id, r.title as round_title
        from supervision_sample_items i join supervision_samples s on s.id = i.sample_id join supervision_rounds r on r.id = s.round_id
        where i.id = ${id} for update of i`,
  );
  return i ?? null;
}
export const setItem = (q: Queryable, id: number, set: Sql) => q.query(sql`update supervision_sample_items set ${set} where id = ${id}`);
