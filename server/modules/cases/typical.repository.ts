import { empty, sql, type Queryable } from '../../db/client.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { caseVisibleSql } from '../access/jurisdiction.ts';
import type { TypicalEdit, TypicalInput } from './typical.schemas.ts';

/** Typical cases' SQL: staff see those of the cases they may see; the public only published ones. */

type Viewer = Pick<SessionUser, 'roles' | 'unitId' | 'unitKind' | 'unitRegionCode'>;

const COLUMNS = sql`tc.id, tc.case_id as "caseId", c.case_no as "caseNo", tc.title, tc.fraud_type as "fraudType", tc.body, tc.recognise, tc.advice, tc.status,
  json_build_object('id', w.id, 'name', w.display_name) as "writtenBy", tc.written_at as "writtenAt", r.display_name as "reviewedBy",
  tc.published_at as "publishedAt", tc.withdraw_reason as "withdrawReason"`;
const FROM = sql`typical_cases tc join criminal_cases c on c.id = tc.case_id join users w on w.id = tc.written_by left join users r on r.id = tc.reviewed_by`;

export interface TypicalRow {
  id: number; caseId: number; caseNo: string; title: string; fraudType: string; body: string; recognise: string; advice: string; status: string;
  writtenBy: { id: number; name: string }; writtenAt: Date; reviewedBy: string | null; publishedAt: Date | null; withdrawReason: string | null;
}

export async function findTypical(q: Queryable, user: Viewer, id: number, forUpdate = false): Promise<TypicalRow | null> {
  const [t] = await q.query<TypicalRow>(sql`select ${COLUMNS} from ${FROM} where tc.id = ${id} and ${caseVisibleSql(user, 'c')} ${forUpdate ? sql`for update of tc` : empty}`);
  return t ?? null;
}

export async function typicalPage(q: Queryable, user: Viewer, f: { status?: string; page: number; pageSize: number }) {
  const where = sql`${caseVisibleSql(user, 'c')} ${f.status ? sql`and tc.status = ${f.status}` : empty}`;
  const [{ total }] = await q.query<{ total: number }>(sql`select count(*)::int as total from typical_cases tc join criminal_cases c on c.id = tc.case_id where ${where}`);
  const items = await q.query<TypicalRow>(sql`select ${COLUMNS} from ${FROM} where ${where} order by tc.id desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  return { items, total };
}

export async function insertTypical(q: Queryable, userId: number, b: TypicalInput): Promise<number> {
  const [{ id }] = await q.query<{ id: number }>(
    sql`insert into typical_cases (case_id, title, fraud_type, body, recognise, advice, written_by)
        values (${b.caseId}, ${b.title}, ${b.fraudType}, ${b.body}, ${b.recognise}, ${b.advice}, ${userId}) returning id`,
  );
  return id;
}

export const setPublished = (q: Queryable, id: number, reviewer: number) =>
  q.query(sql`update typical_cases set status = 'published', reviewed_by = ${reviewer}, published_at = now(), withdrawn_at = null, withdraw_reason = null where id = ${id}`);
export const setWithdrawn = (q: Queryable, id: number, reason: string) =>
  q.query(sql`update typical_cases set status = 'withdrawn', withdrawn_at = now(), withdraw_reason = ${reason} where id = ${id}`);

/** One page of published cases, newest first, with the total the filter selects. */
export async function publishedPage(q: Queryable, f: { fraudType?: string; page: number; pageSize: number }) {
  const where = sql`status = 'published' ${f.fraudType ? sql`and fraud_type = ${f.fraudType}` : empty}`;
  const [{ total }] = await q.query<{ total: number }>(sql`select count(*)::int as total from typical_cases where ${where}`);
  const items = await q.query<{ id: number; title: string; fraudType: string; excerpt: string; publishedAt: Date }>(
    sql`select id, title, fraud_type as "fraudType", left(body, 80) as excerpt, published_at as "publishedAt" from typical_cases
        where ${where} order by published_at desc, id desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );
  return { items, total };
}

/**
 * A draft's (or withdrawn case's) new text. The editor becomes its writer of record, so the second
 * person who publishes it has reviewed the text as it now stands; a withdrawn one returns to draft.
 */
export const updateDraft = (q: Queryable, id: number, userId: number, b: TypicalEdit) =>
  q.query(
    sql`update typical_cases set title = ${b.title}, fraud_type = ${b.fraudType}, body = ${b.body}, recognise = ${b.recognise}, advice = ${b.advice},
               written_by = ${userId}, written_at = now(), status = 'draft', reviewed_by = null, published_at = null, withdrawn_at = null
        where id = ${id}`,
  );

export async function publishedOne(q: Queryable, id: number) {
  const [t] = await q.query<{ id: number; title: string; fraudType: string; body: string; recognise: string; advice: string; publishedAt: Date }>(
    sql`select id, title, fraud_type as "fraudType", body, recognise, advice, published_at as "publishedAt" from typical_cases where id = ${id} and status = 'published'`,
  );
  return t ?? null;
}
