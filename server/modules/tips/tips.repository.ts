import { tipsReceived } from '../../metrics.ts';
import { empty, raw, sql, type Queryable } from '../../db/client.ts';
import type { FraudType, TipSource, TipStatus } from '../../../shared/domain.ts';
import { unattached } from '../uploads/capacity.ts';
import { refreshTipGrades } from '../screening/grades.ts';

export interface TipRow {
  id: number;
  tracking_code: string;
  access_key_hash: string;
  source: TipSource;
  status: TipStatus;
  region_code: string;
  office_unit_id: number;
  description: string;
  fraud_types: FraudType[];
  subject: { name?: string; uscc?: string; phone?: string; address?: string } | null;
  accused_unit_ids: number[];
  amount_involved: number | null;
  victim_count: number | null;
  occurred_on: string | null;
  reporter_anonymous: boolean;
  reporter_enc: string | null;
  received_at: Date;
  deadline_at: Date | null;
  reported_at: Date | null;
  closed_at: Date | null;
  public_answer: string | null;
  public_answer_at: Date | null;
  merged_into_id: number | null;
  rating_satisfied: boolean | null;
  rating_comment: string | null;
  rated_at: Date | null;
  source_ref: string | null;
  source_due_on: string | null;
  source_at: Date | null;
  handed_over_by_unit_id: number | null;
  import_id: number | null;
}

export interface AssignmentRow {
  id: number;
  tip_id: number;
  unit_id: number;
  unit_name: string;
  unit_kind: string;
  unit_region_code: string;
  role: 'lead' | 'assist';
  parent_id: number | null;
  dispatched_by_unit_id: number;
  dispatched_by_unit_name: string;
  deadline_at: Date;
  instructions: string;
  status: string;
  active: boolean;
  signed_at: Date | null;
  reported_at: Date | null;
  verdict: string | null;
  measures: string[] | null;
  summary: string | null;
  created_at: Date;
  /** A member unit's report awaiting its unit lead (status 'pending_approval'), 0025. */
  draft: ReportDraft | null;
  reported_by: number | null;
  approved_by: number | null;
  approved_at: Date | null;
  review_closure: boolean;
  /** The unit's own setting: its reports need its unit lead's approval. */
  unit_report_approval: boolean;
}

/** What a unit's handler reported, kept on the assignment until the unit lead approves it. */
export interface ReportDraft {
  verdict: string;
  measures: string[];
  summary: string;
  documents: number;
  by: number;
  byName: string;
  at: string;
}

/** A lower office's closing proposal awaiting (or decided by) the upper office (上级审核). */
export interface ClosureReviewRow {
  id: number;
  tip_id: number;
  proposing_unit_id: number;
  proposing_unit_name: string;
  reviewer_unit_id: number;
  reviewer_unit_name: string;
  public_answer: string;
  proposed_by: number;
  proposed_by_name: string;
  proposed_at: Date;
}

/** The closing proposal of a tip that waits for review, or null. */
export async function pendingClosureOf(q: Queryable, tipId: number): Promise<ClosureReviewRow | null> {
  const [r] = await q.query<ClosureReviewRow>(
    sql`select r.id, r.tip_id, r.proposing_unit_id, p.name as proposing_unit_name, r.reviewer_unit_id, v.name as reviewer_unit_name,
          r.public_answer, r.proposed_by, u.display_name as proposed_by_name, r.proposed_at
        from tip_closure_reviews r join units p on p.id = r.proposing_unit_id join units v on v.id = r.reviewer_unit_id
          join users u on u.id = r.proposed_by
        where r.tip_id = ${tipId} and r.decision is null`,
  );
  return r ?? null;
}

export interface NewTip {
  trackingCode: string;
  accessKeyHash: string;
  source: TipSource;
  regionCode: string;
  officeUnitId: number;
  description: string;
  fraudTypes: string[];
  subject: { name?: string } | null;
  accusedUnitIds: number[];
  amountInvolved: number | null;
  victimCount: number | null;
  occurredOn: string | null;
  reporterAnonymous: boolean;
  reporterEnc: string | null;
  searchText: string;
  createdBy: number | null;
  /** The first timeline event's text and the audit row's actor and detail. */
  eventText: string;
  actorName: string;
  auditDetail: object;
  /** Normalised entities to link the tip by (tip_entities). */
  links: { kind: string; normalized: string }[];
  /** Unattached uploads to attach: all of them, or the tip is not written. */
  attachmentIds?: string[];
  /** The Idempotency-Key row to write with the tip (the response is already encrypted). */
  idempotency?: { keyHash: string; requestHash: string; responseEnc: string };
  /** Where the tip came from beyond its source (0026): the source's reference number, deadline and time, the handing unit, the batch. */
  origin?: TipOrigin;
}

export interface TipOrigin {
  sourceRef?: string | null;
  sourceDueOn?: string | null;
  sourceAt?: string | null;
  handedOverByUnitId?: number | null;
  importId?: number | null;
}

/**
 * What became of one tip of a batch: written, or left out because its tracking code is taken (draw
 * another), one of its uploads is missing or attached already, or its Idempotency-Key was used first.
 */
export type SubmitOutcome = 'inserted' | 'code_taken' | 'uploads_taken' | 'key_taken';

/**
 * Inserts tips, each with its first timeline event, audit row, attachments and Idempotency-Key row,
 * in one statement — atomic on its own and one round trip, which is what public intake throughput is
 * made of. Units whose name is a tip's subject are added to its accused list here, and its entities
 * are indexed for linking. Every tip gets one result row, in input order.
 *
 * A tip is written only with all of its uploads (locked here, so a concurrent claim waits and then
 * sees them taken) and only if its key row is: a twin key committed or in flight makes the key insert
 * a no-op, and that tip is left out. Two in-flight tips drawing the same random 12-digit code (odds
 * about 10^-12) make the statement fail with a unique violation; the batcher's one-by-one retry then
 * fails only the later one, and the caller draws again.
 */
export async function insertSubmittedTips(q: Queryable, tips: NewTip[]) {
  const col = <T>(f: (t: NewTip) => T) => tips.map(f);
  const rows = await q.query<{ tracking_code: string; id: number | null; received_at: Date | null; outcome: SubmitOutcome }>(
    `with input as (
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::jsonb[],
                            $9::text[], $10::numeric[], $11::int[], $12::date[], $13::boolean[], $14::text[], $15::text[],
                            $16::bigint[], $17::text[], $18::text[], $19::jsonb[], $23::text[], $24::text[], $25::text[], $26::text[],
                            $27::text[], $28::date[], $29::timestamptz[], $30::bigint[], $31::bigint[])
         with ordinality
         as i(tracking_code, access_key_hash, source, region_code, office_unit_id, description, fraud_types, subject,
              accused, amount_involved, victim_count, occurred_on, reporter_anonymous, reporter_enc, search_text,
              created_by, event_text, actor_name, audit_detail, upload_ids, key_hash, request_hash, response_enc,
              source_ref, source_due_on, source_at, handed_over_by_unit_id, import_id, n)),
     fresh as (select * from input i where not exists (select 1 from tips x where x.tracking_code = i.tracking_code)),
     free as (select f.n, f.upload_ids from fresh f where coalesce(cardinality(string_to_array(f.upload_ids, ',')), 0) = (
                 select count(*) from (select 1 from uploads u where u.id = any(string_to_array(f.upload_ids, ',')::uuid[])
                                         and ${unattached('u')} for update) s)),
     -- Two reports of one batch naming the same upload: the first keeps it, the later one is told it is taken.
     files as (select f.n from free f where not exists (
                 select 1 from free g where g.n < f.n and string_to_array(g.upload_ids, ',') && string_to_array(f.upload_ids, ','))),
     k as (insert into idempotency_keys (key_hash, request_hash, response_enc)
           select f.key_hash, f.request_hash, f.response_enc from fresh f join files using (n) where f.key_hash is not null
           on conflict (key_hash) do nothing
           returning response_enc),
     go as (select f.* from fresh f join files using (n) where f.key_hash is null or f.response_enc in (select response_enc from k)),
     t as (
       insert into tips (tracking_code, access_key_hash, source, status, region_code, office_unit_id, description,
         fraud_types, subject, accused_unit_ids, amount_involved, victim_count, occurred_on, reporter_anonymous,
         reporter_enc, search_tsv, created_by, source_ref, source_due_on, source_at, handed_over_by_unit_id, import_id)
       select i.tracking_code, i.access_key_hash, i.source, 'submitted', i.region_code, i.office_unit_id, i.description,
         string_to_array(i.fraud_types, ','), i.subject,
         array(select distinct x from unnest(string_to_array(i.accused, ',')::bigint[] || coalesce(
           (select array_agg(u.id) from units u where i.subject ? 'name' and replace(u.name, ' ', '') = replace(i.subject->>'name', ' ', '')),
           '{}')) x),
         i.amount_involved, i.victim_count, i.occurred_on, i.reporter_anonymous, i.reporter_enc,
         to_tsvector('simple', i.search_text), i.created_by, i.source_ref, i.source_due_on, i.source_at, i.handed_over_by_unit_id, i.import_id
       from go i
       returning id, tracking_code, received_at),
     e as (insert into tip_events (tip_id, kind, text, public, actor_id, unit_id)
           select t.id, 'submitted', i.event_text, true, i.created_by, i.office_unit_id from t join go i using (tracking_code)),
     a as (insert into audit_log (actor_id, actor_name, action, entity, entity_id, detail)
           select i.created_by, i.actor_name, 'tip.submitted', 'tip', t.id::text, i.audit_detail from t join go i using (tracking_code)),
     l as (insert into tip_entities (kind, normalized, tip_id)
           select x.kind, x.normalized, t.id from unnest($20::text[], $21::text[], $22::text[]) as x(tracking_code, kind, normalized)
           join t using (tracking_code) on conflict do nothing),
     up as (update uploads u set tip_id = t.id from t join go i using (tracking_code)
            where u.id = any(string_to_array(i.upload_ids, ',')::uuid[]) and ${unattached('u')})
     select i.tracking_code, t.id, t.received_at,
       case when t.id is not null then 'inserted'
            when not exists (select 1 from fresh f where f.n = i.n) then 'code_taken'
            when not exists (select 1 from files f where f.n = i.n) then 'uploads_taken'
            else 'key_taken' end as outcome
     from input i left join t using (tracking_code) order by i.n`,
    [
      col((t) => t.trackingCode), col((t) => t.accessKeyHash), col((t) => t.source), col((t) => t.regionCode),
      col((t) => t.officeUnitId), col((t) => t.description), col((t) => t.fraudTypes.join(',')),
      col((t) => (t.subject ? JSON.stringify(t.subject) : null)), col((t) => t.accusedUnitIds.join(',')),
      col((t) => t.amountInvolved), col((t) => t.victimCount), col((t) => t.occurredOn), col((t) => t.reporterAnonymous),
      col((t) => t.reporterEnc), col((t) => t.searchText), col((t) => t.createdBy), col((t) => t.eventText),
      col((t) => t.actorName), col((t) => JSON.stringify(t.auditDetail)),
      tips.flatMap((t) => t.links.map(() => t.trackingCode)), tips.flatMap((t) => t.links.map((l) => l.kind)),
      tips.flatMap((t) => t.links.map((l) => l.normalized)),
      col((t) => (t.attachmentIds?.length ? t.attachmentIds.join(',') : null)), col((t) => t.idempotency?.keyHash ?? null),
      col((t) => t.idempotency?.requestHash ?? null), col((t) => t.idempotency?.responseEnc ?? null),
      col((t) => t.origin?.sourceRef ?? null), col((t) => t.origin?.sourceDueOn ?? null), col((t) => t.origin?.sourceAt ?? null),
      col((t) => t.origin?.handedOverByUnitId ?? null), col((t) => t.origin?.importId ?? null),
    ],
  );
  // A new tip naming a registered subject changes its grade (screening/grades.ts).
  await refreshTipGrades(q, rows.flatMap((r) => (r.id ? [r.id] : [])), null);
  // For /metrics: counted when the statement succeeds (a batch import's transaction could still roll back).
  rows.forEach((r, k) => r.outcome === 'inserted' && tipsReceived.inc({ source: tips[k].source }));
  return rows;
}

export interface NewEvent {
  tipId: number;
  kind: string;
  text: string;
  public: boolean;
  actorId?: number | null;
  unitId?: number | null;
  data?: object | null;
}

/**
 * A closed tip worked again (申请复核 by the reporter, a failed 督导二次核查): back to 已受理 at its
 * receiving office, its assignments ended, its answer, deadline and rating cleared. The one form of
 * this transition; callers check the state and write their own event.
 */
export async function reopenTip(q: Queryable, tipId: number): Promise<void> {
  await q.query(sql`update tip_assignments set active = false where tip_id = ${tipId}`);
  await q.query(sql`update tips set status = 'accepted', public_answer = null, public_answer_at = null, closed_at = null, reported_at = null,
    deadline_at = null, rating_satisfied = null, rating_comment = null, rated_at = null, updated_at = now() where id = ${tipId}`);
}

export async function insertEvent(q: Queryable, e: NewEvent): Promise<void> {
  await q.query(sql`insert into tip_events (tip_id, kind, text, public, actor_id, unit_id, data)
    values (${e.tipId}, ${e.kind}, ${e.text}, ${e.public}, ${e.actorId ?? null}, ${e.unitId ?? null}, ${e.data ?? null})`);
}

const forUpdateSql = (forUpdate: boolean) => (forUpdate ? sql`for update` : empty);

export async function findTip(q: Queryable, id: number, forUpdate = false): Promise<TipRow | null> {
  const [t] = await q.query<TipRow>(sql`select * from tips where id = ${id} ${forUpdateSql(forUpdate)}`);
  return t ?? null;
}

export async function findTipByTrackingCode(q: Queryable, code: string, forUpdate = false): Promise<TipRow | null> {
  const [t] = await q.query<TipRow>(sql`select * from tips where tracking_code = ${code} ${forUpdateSql(forUpdate)}`);
  return t ?? null;
}

export const listAssignments = (q: Queryable, tipId: number) =>
  q.query<AssignmentRow>(
    sql`select a.*, u.name as unit_name, u.kind as unit_kind, u.region_code as unit_region_code, d.name as dispatched_by_unit_name,
          u.report_approval and u.kind <> 'campaign_office' as unit_report_approval
        from tip_assignments a join units u on u.id = a.unit_id join units d on d.id = a.dispatched_by_unit_id
        where a.tip_id = ${tipId} order by a.id`,
  );

/** Attaches unattached uploads to a tip (and to the assignment whose report they belong to); returns how many were attached. */
export async function attachUploads(q: Queryable, tipId: number, ids: string[], assignmentId: number | null = null): Promise<number> {
  if (!ids.length) return 0;
  const rows = await q.query(
    sql`update uploads set tip_id = ${tipId}, assignment_id = ${assignmentId}::bigint where id = any(${ids}::uuid[]) and ${raw(unattached())} returning id`,
  );
  return rows.length;
}

/** The evidence attached to a tip (not the documents of units' reports, which have their own limit). */
export const countAttachments = async (q: Queryable, tipId: number) =>
  (await q.query<{ n: number }>(sql`select count(*)::int as n from uploads where tip_id = ${tipId} and assignment_id is null`))[0].n;

/** A unit's name as a tip's subject is matched against it (insertSubmittedTips matches the same way, in SQL). */
export const unitNameKey = (name: string) => name.replaceAll(' ', '');

/**
 * The campaign offices on a region's path, nearest first (the region itself, then each ancestor):
 * the nearest one the tip does not accuse receives it.
 */
export async function officesOnPath(q: Queryable, ancestry: string[]): Promise<{ id: number; name: string; region_code: string }[]> {
  return q.query(
    sql`select id, name, region_code from units where kind = 'campaign_office' and region_code = any(${ancestry}::text[])
        order by length(region_code) desc, id`,
  );
}
