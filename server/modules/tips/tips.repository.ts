import type { Queryable } from '../../db/client.ts';
import type { FraudType, TipSource, TipStatus } from '../../../shared/domain.ts';

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
}

export interface NewTip {
  trackingCode: string;
  accessKeyHash: string;
  source: TipSource;
  regionCode: string;
  officeUnitId: number;
  description: string;
  fraudTypes: string[];
  subject: object | null;
  accusedUnitIds: number[];
  amountInvolved: number | null;
  victimCount: number | null;
  occurredOn: string | null;
  reporterAnonymous: boolean;
  reporterEnc: string | null;
  searchText: string;
  createdBy: number | null;
}

/** Inserts a tip; returns null when the tracking code is taken (the caller draws another). */
export async function insertTip(q: Queryable, t: NewTip): Promise<{ id: number; received_at: Date } | null> {
  const rows = await q.query<{ id: number; received_at: Date }>(
    `insert into tips (tracking_code, access_key_hash, source, status, region_code, office_unit_id, description,
       fraud_types, subject, accused_unit_ids, amount_involved, victim_count, occurred_on, reporter_anonymous,
       reporter_enc, search_tsv, created_by)
     values ($1, $2, $3, 'submitted', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, to_tsvector('simple', $15), $16)
     on conflict (tracking_code) do nothing
     returning id, received_at`,
    [
      t.trackingCode, t.accessKeyHash, t.source, t.regionCode, t.officeUnitId, t.description, t.fraudTypes, t.subject,
      t.accusedUnitIds, t.amountInvolved, t.victimCount, t.occurredOn, t.reporterAnonymous, t.reporterEnc, t.searchText,
      t.createdBy,
    ],
  );
  return rows[0] ?? null;
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

export async function insertEvent(q: Queryable, e: NewEvent): Promise<void> {
  await q.query(
    `insert into tip_events (tip_id, kind, text, public, actor_id, unit_id, data) values ($1, $2, $3, $4, $5, $6, $7)`,
    [e.tipId, e.kind, e.text, e.public, e.actorId ?? null, e.unitId ?? null, e.data ?? null],
  );
}

export async function findTip(q: Queryable, id: number, forUpdate = false): Promise<TipRow | null> {
  const [t] = await q.query<TipRow>(`select * from tips where id = $1${forUpdate ? ' for update' : ''}`, [id]);
  return t ?? null;
}

export async function findTipByTrackingCode(q: Queryable, code: string, forUpdate = false): Promise<TipRow | null> {
  const [t] = await q.query<TipRow>(`select * from tips where tracking_code = $1${forUpdate ? ' for update' : ''}`, [code]);
  return t ?? null;
}

export const listAssignments = (q: Queryable, tipId: number) =>
  q.query<AssignmentRow>(
    `select a.*, u.name as unit_name, u.kind as unit_kind, u.region_code as unit_region_code, d.name as dispatched_by_unit_name
     from tip_assignments a join units u on u.id = a.unit_id join units d on d.id = a.dispatched_by_unit_id
     where a.tip_id = $1 order by a.id`,
    [tipId],
  );

/** Attaches unattached uploads to a tip; returns how many were attached. */
export async function attachUploads(q: Queryable, tipId: number, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const rows = await q.query(`update uploads set tip_id = $1 where id = any($2::uuid[]) and tip_id is null returning id`, [tipId, ids]);
  return rows.length;
}

export const countAttachments = async (q: Queryable, tipId: number) =>
  (await q.query<{ n: number }>('select count(*)::int as n from uploads where tip_id = $1', [tipId]))[0].n;

/** The campaign office nearest above a region: the region itself first, then each ancestor. */
export async function nearestOffice(q: Queryable, ancestry: string[]): Promise<number | null> {
  const [u] = await q.query<{ id: number }>(
    `select id from units where kind = 'campaign_office' and region_code = any($1::text[])
     order by length(region_code) desc, id limit 1`,
    [ancestry],
  );
  return u?.id ?? null;
}

/** Units whose name is the subject's name: the tip accuses them, so they must never handle it. */
export async function unitsNamed(q: Queryable, name: string): Promise<number[]> {
  const rows = await q.query<{ id: number }>(`select id from units where replace(name, ' ', '') = replace($1, ' ', '')`, [name]);
  return rows.map((r) => r.id);
}
