import { empty, sql, type Queryable, type Sql } from '../../db/client.ts';
import type { ArticleStatus } from '../../../shared/domain.ts';
import { chinaToday } from '../../../shared/time.ts';
import { jurisdictionSql, scopeCoversSql } from '../access/jurisdiction.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import type { z } from 'zod';
import type { ChannelInput, OfficeChannel, PublicArticle, PublicArticleDetail, PublicChannel } from './knowledge.schemas.ts';

/**
 * Portal articles and reporting channels. Staff reads are limited to the jurisdiction; public reads
 * to what is published (and, for warnings, not past their last day) for the visitor's region — both
 * through the one jurisdiction module.
 */

export interface NewArticle {
  kind: string; regionCode: string; fraudType: string | null; title: string; summary: string; body: string; expiresOn: string | null;
}

export async function insertArticle(q: Queryable, user: Pick<SessionUser, 'id' | 'unitId'>, a: NewArticle): Promise<number> {
  const [{ id }] = await q.query<{ id: number }>(
    sql`insert into public_articles (kind, region_code, unit_id, fraud_type, title, summary, body, expires_on, editors, created_by)
        values (${a.kind}, ${a.regionCode}, ${user.unitId}, ${a.fraudType}, ${a.title}, ${a.summary}, ${a.body}, ${a.expiresOn},
                array[${user.id}::bigint], ${user.id})
        returning id`,
  );
  return id;
}

/** New text: back to draft, and its editor can no longer approve it. */
export const updateArticle = (q: Queryable, userId: number, id: number, a: NewArticle) =>
  q.query(
    sql`update public_articles set kind = ${a.kind}, region_code = ${a.regionCode}, fraud_type = ${a.fraudType}, title = ${a.title},
          summary = ${a.summary}, body = ${a.body}, expires_on = ${a.expiresOn}, status = 'draft',
          editors = case when ${userId}::bigint = any(editors) then editors else editors || ${userId}::bigint end,
          updated_by = ${userId}, updated_at = now()
        where id = ${id}`,
  );

/** A change of state; publishing records the reviewer (the database's four-eyes check reads it). */
export async function moveArticle(q: Queryable, userId: number, id: number, to: ArticleStatus, note: string | null): Promise<void> {
  const reviewed = to === 'published' || (to === 'draft' && note !== null);
  await q.query(
    sql`update public_articles set status = ${to}, updated_at = now(),
          ${to === 'pending' ? sql`submitted_at = now(),` : empty}
          ${reviewed ? sql`reviewed_by = ${userId}, reviewed_at = now(), review_note = ${note},` : empty}
          ${to === 'published' ? sql`published_at = now(),` : empty}
          ${to === 'withdrawn' ? sql`review_note = ${note},` : empty}
          updated_by = ${userId}
        where id = ${id}`,
  );
}

export interface ArticleRow {
  id: number; kind: string; regionCode: string; regionName: string; unitId: number; unitName: string; fraudType: string | null; title: string;
  summary: string; expiresOn: string | null; publishedAt: Date | null; status: ArticleStatus; authorName: string; updatedAt: Date; editors: number[];
}

const COLUMNS = sql`a.id, a.kind, a.region_code as "regionCode", r.name as "regionName", a.unit_id as "unitId", un.name as "unitName",
  a.fraud_type as "fraudType", a.title, a.summary, a.expires_on as "expiresOn", a.published_at as "publishedAt", a.status,
  au.display_name as "authorName", coalesce(a.updated_at, a.created_at) as "updatedAt", a.editors`;
const FROM = sql`from public_articles a join regions r on r.code = a.region_code join units un on un.id = a.unit_id join users au on au.id = a.created_by`;

/** One article in the user's jurisdiction, with its text and review (locked for a change when asked). */
export async function findArticle(q: Queryable, user: Pick<SessionUser, 'unitRegionCode'>, id: number, forUpdate = false) {
  const [a] = await q.query<ArticleRow & { body: string; reviewNote: string | null; reviewerName: string | null; reviewedAt: Date | null }>(
    sql`select ${COLUMNS}, a.body, a.review_note as "reviewNote", rv.display_name as "reviewerName", a.reviewed_at as "reviewedAt"
        ${FROM} left join users rv on rv.id = a.reviewed_by
        where a.id = ${id} and ${jurisdictionSql(user, 'a.region_code')} ${forUpdate ? sql`for update of a` : empty}`,
  );
  return a ?? null;
}

export function articleWhere(user: Pick<SessionUser, 'unitRegionCode' | 'unitId' | 'id'>, f: { status?: string; kind?: string; mine?: boolean; review?: boolean }): Sql {
  return sql`${jurisdictionSql(user, 'a.region_code')}
    ${f.status ? sql`and a.status = ${f.status}` : empty}
    ${f.kind ? sql`and a.kind = ${f.kind}` : empty}
    ${f.mine ? sql`and a.unit_id = ${user.unitId}` : empty}
    ${f.review ? sql`and a.status = 'pending' and not (${user.id}::bigint = any(a.editors))` : empty}`;
}

export const articleRows = (q: Queryable, where: Sql, limit: number, offset: number) =>
  q.query<ArticleRow>(sql`select ${COLUMNS} ${FROM} where ${where} order by coalesce(a.updated_at, a.created_at) desc, a.id desc limit ${limit} offset ${offset}`);

export async function countArticles(q: Queryable, where: Sql): Promise<number> {
  const [{ n }] = await q.query<{ n: number }>(sql`select count(*)::int as n from public_articles a where ${where}`);
  return n;
}

// ── Public ───────────────────────────────────────────────────────────────────────────────────

/** Published, and a warning not past its last day (a Beijing date). */
const live = () => sql`a.status = 'published' and (a.expires_on is null or a.expires_on >= ${chinaToday()}::date)`;

const PUBLIC_COLUMNS = sql`a.id, a.kind, a.region_code as "regionCode", r.name as "regionName", un.name as "unitName", a.fraud_type as "fraudType",
  a.title, a.summary, a.expires_on as "expiresOn", a.published_at as "publishedAt"`;
const PUBLIC_FROM = sql`from public_articles a join regions r on r.code = a.region_code join units un on un.id = a.unit_id`;

/** What a visitor of this region sees (no region: nationwide articles only), newest first. */
export async function publicArticles(q: Queryable, visitorRegion: string, kind: string | undefined, limit: number, offset: number) {
  const where = sql`${live()} and ${scopeCoversSql(visitorRegion, 'a.region_code')} ${kind ? sql`and a.kind = ${kind}` : empty}`;
  const items = await q.query<z.input<typeof PublicArticle>>(sql`select ${PUBLIC_COLUMNS} ${PUBLIC_FROM} where ${where} order by a.published_at desc, a.id desc limit ${limit} offset ${offset}`);
  const [{ n }] = await q.query<{ n: number }>(sql`select count(*)::int as n from public_articles a where ${where}`);
  return { items, total: n };
}

export async function publicArticle(q: Queryable, id: number) {
  const [a] = await q.query<z.input<typeof PublicArticleDetail>>(sql`select ${PUBLIC_COLUMNS}, a.body ${PUBLIC_FROM} where a.id = ${id} and ${live()}`);
  return a ?? null;
}

// ── Reporting channels ───────────────────────────────────────────────────────────────────────

export const upsertChannel = (q: Queryable, user: Pick<SessionUser, 'id' | 'unitId'>, c: ChannelInput) =>
  q.query(
    sql`insert into reporting_channels (unit_id, hotline, address, email, hours, note, published, updated_by)
        values (${user.unitId}, ${c.hotline}, ${c.address || null}, ${c.email || null}, ${c.hours || null}, ${c.note || null}, ${c.published}, ${user.id})
        on conflict (unit_id) do update set hotline = excluded.hotline, address = excluded.address, email = excluded.email, hours = excluded.hours,
          note = excluded.note, published = excluded.published, updated_by = excluded.updated_by, updated_at = now()`,
  );

export async function channelOf(q: Queryable, unitId: number) {
  const [c] = await q.query<{ hotline: string; address: string | null; email: string | null; hours: string | null; note: string | null; published: boolean }>(
    sql`select hotline, address, email, hours, note, published from reporting_channels where unit_id = ${unitId}`,
  );
  return c ?? null;
}

/** The campaign offices of the jurisdiction, the user's own first, with their channels (or null). */
export async function officeChannels(q: Queryable, user: Pick<SessionUser, 'unitRegionCode' | 'unitId'>, limit: number, offset: number) {
  const where = sql`u.kind = 'campaign_office' and ${jurisdictionSql(user, 'u.region_code')}`;
  const items = await q.query<z.input<typeof OfficeChannel>>(
    sql`select u.id as "unitId", u.name as "unitName", u.region_code as "regionCode", r.name as "regionName", u.id = ${user.unitId} as mine,
               case when c.unit_id is null then null else jsonb_build_object('hotline', c.hotline, 'address', c.address, 'email', c.email,
                 'hours', c.hours, 'note', c.note, 'published', c.published, 'updatedAt', c.updated_at) end as channel
        from units u join regions r on r.code = u.region_code left join reporting_channels c on c.unit_id = u.id
        where ${where} order by u.id = ${user.unitId} desc, u.region_code, u.id limit ${limit} offset ${offset}`,
  );
  const [{ n }] = await q.query<{ n: number }>(sql`select count(*)::int as n from units u where ${where}`);
  return { items, total: n };
}

/** The published channels of the offices whose region covers the visitor's, nearest first. */
export const publicChannels = (q: Queryable, visitorRegion: string) =>
  q.query<z.input<typeof PublicChannel>>(
    sql`select u.name as "unitName", u.region_code as "regionCode", r.name as "regionName", c.hotline, c.address, c.email, c.hours, c.note
        from reporting_channels c join units u on u.id = c.unit_id join regions r on r.code = u.region_code
        where c.published and u.kind = 'campaign_office' and ${scopeCoversSql(visitorRegion, 'u.region_code')}
        order by length(u.region_code) desc, u.id`,
  );
