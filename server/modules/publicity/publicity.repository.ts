import { empty, join, raw, sql, type Queryable, type Sql } from '../../db/client.ts';
import { PUBLICITY_COUNT_KEYS } from '../../../shared/domain.ts';
import { jurisdictionSql, subtreeSql } from '../access/jurisdiction.ts';
import { ancestry } from '../regions/regions.repository.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import type { ActivityFilter, Counts } from './publicity.schemas.ts';
import { unattached } from '../uploads/capacity.ts';

/**
 * The publicity strand's SQL: activities with their counts (columns named by their indicator key),
 * one page with the filter's totals, the period's sums, imports and photos. Every list and figure is
 * limited to the user's jurisdiction through the one jurisdiction module.
 */

type Scope = Pick<SessionUser, 'unitRegionCode'>;

/** An activity as written: the organising unit's user, its region and dates, and the counts. */
export interface NewActivity {
  regionCode: string;
  kind: string;
  title: string;
  place: string | null;
  startDate: string;
  endDate: string;
  coOrganisers: string[];
  counts: Counts;
  note: string | null;
}

const COUNT_COLUMNS = raw(PUBLICITY_COUNT_KEYS.join(', '));
const countsJson = (a = 'a') => raw(`jsonb_build_object(${PUBLICITY_COUNT_KEYS.map((k) => `'${k}', ${a}.${k}`).join(', ')})`);

/**
 * Inserts imported activities in one statement (thousands of rows, one round trip). A row whose
 * fingerprint the unit already has is skipped: returns the fingerprints written.
 */
export async function insertImported(
  q: Queryable, user: Pick<SessionUser, 'id' | 'unitId'>, rows: (NewActivity & { fingerprint: string })[], importId: number,
): Promise<string[]> {
  if (!rows.length) return [];
  const data = rows.map((r) => ({
    region_code: r.regionCode, kind: r.kind, title: r.title, place: r.place, start_date: r.startDate, end_date: r.endDate,
    co_organisers: r.coOrganisers, note: r.note, fingerprint: r.fingerprint, ...r.counts,
  }));
  const made = await q.query<{ fingerprint: string }>(
    sql`insert into publicity_activities (region_code, unit_id, kind, title, place, start_date, end_date, co_organisers, note, fingerprint,
                                          import_id, created_by, ${COUNT_COLUMNS})
        select region_code, ${user.unitId}, kind, title, place, start_date, end_date, co_organisers, note, fingerprint, ${importId}::bigint, ${user.id},
               ${COUNT_COLUMNS}
        from jsonb_to_recordset(${JSON.stringify(data)}::jsonb) as x(
          region_code text, kind text, title text, place text, start_date date, end_date date, co_organisers text[], note text, fingerprint text,
          ${raw(PUBLICITY_COUNT_KEYS.map((k) => `${k} int`).join(', '))})
        on conflict (unit_id, fingerprint) where fingerprint is not null do nothing
        returning fingerprint`,
  );
  return made.map((r) => r.fingerprint);
}

/** One activity entered by hand. */
export async function insertActivity(q: Queryable, user: Pick<SessionUser, 'id' | 'unitId'>, a: NewActivity): Promise<number> {
  const [{ id }] = await q.query<{ id: number }>(
    sql`insert into publicity_activities (region_code, unit_id, kind, title, place, start_date, end_date, co_organisers, note, created_by, ${COUNT_COLUMNS})
        values (${a.regionCode}, ${user.unitId}, ${a.kind}, ${a.title}, ${a.place}, ${a.startDate}, ${a.endDate}, ${a.coOrganisers}::text[], ${a.note},
                ${user.id}, ${join(PUBLICITY_COUNT_KEYS.map((k) => a.counts[k]))})
        returning id`,
  );
  return id;
}

export async function updateActivity(q: Queryable, userId: number, id: number, a: NewActivity): Promise<void> {
  await q.query(
    sql`update publicity_activities set region_code = ${a.regionCode}, kind = ${a.kind}, title = ${a.title}, place = ${a.place},
          start_date = ${a.startDate}, end_date = ${a.endDate}, co_organisers = ${a.coOrganisers}::text[], note = ${a.note},
          ${join(PUBLICITY_COUNT_KEYS.map((k) => sql`${raw(k)} = ${a.counts[k]}`), ', ')},
          updated_by = ${userId}, updated_at = now()
        where id = ${id}`,
  );
}

export interface ActivityRow {
  id: number; regionCode: string; regionName: string; unitId: number; unitName: string; kind: string; title: string; place: string | null;
  startDate: string; endDate: string; coOrganisers: string[]; counts: Counts; photos: number; imported: boolean; createdAt: Date;
  note: string | null; updatedAt: Date | null;
}

const ACTIVITY_COLUMNS = sql`a.id, a.region_code as "regionCode", r.name as "regionName", a.unit_id as "unitId", un.name as "unitName", a.kind, a.title,
  a.place, a.start_date as "startDate", a.end_date as "endDate", a.co_organisers as "coOrganisers", ${countsJson()} as counts,
  (select count(*)::int from uploads p where p.activity_id = a.id) as photos, a.import_id is not null as imported, a.created_at as "createdAt",
  a.note, a.updated_at as "updatedAt"`;
const FROM = sql`from publicity_activities a join regions r on r.code = a.region_code join units un on un.id = a.unit_id`;

/** One activity in the user's jurisdiction (locked for a correction when asked); null when not found there. */
export async function findActivity(q: Queryable, user: Scope, id: number, forUpdate = false): Promise<ActivityRow | null> {
  const [a] = await q.query<ActivityRow>(
    sql`select ${ACTIVITY_COLUMNS} ${FROM} where a.id = ${id} and ${jurisdictionSql(user, 'a.region_code')} ${forUpdate ? sql`for update of a` : empty}`,
  );
  return a ?? null;
}

export const likeText = (text: string) => `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

/** The filter as a predicate on `a`: always inside the jurisdiction; a region filter narrows to its subtree. */
export function activityWhere(user: Pick<SessionUser, 'unitRegionCode' | 'unitId'>, f: ActivityFilter): Sql {
  return sql`${jurisdictionSql(user, 'a.region_code')}
    ${f.regionCode ? sql`and ${subtreeSql(f.regionCode, 'a.region_code')}` : empty}
    ${f.from ? sql`and a.start_date >= ${f.from}::date` : empty}
    ${f.to ? sql`and a.start_date <= ${f.to}::date` : empty}
    ${f.kind ? sql`and a.kind = ${f.kind}` : empty}
    ${f.mine ? sql`and a.unit_id = ${user.unitId}` : empty}
    ${f.unitId ? sql`and a.unit_id = ${f.unitId}` : empty}
    ${f.q ? sql`and (a.title like ${likeText(f.q)} or a.place like ${likeText(f.q)})` : empty}`;
}

/** A page of activities, newest first. */
export const activityRows = (q: Queryable, where: Sql, limit: number, offset: number) =>
  q.query<ActivityRow>(sql`select ${ACTIVITY_COLUMNS} ${FROM} where ${where} order by a.start_date desc, a.id desc limit ${limit} offset ${offset}`);

/** How many activities match and the sum of each count, over every match. */
export async function activitySums(q: Queryable, where: Sql): Promise<{ n: number } & Counts> {
  const [row] = await q.query<{ n: number } & Counts>(
    sql`select count(*)::int as n, ${join(PUBLICITY_COUNT_KEYS.map((k) => sql`coalesce(sum(a.${raw(k)}), 0)::int8 as ${raw(k)}`), ', ')}
        from publicity_activities a where ${where}`,
  );
  return row;
}

export const countByKind = (q: Queryable, where: Sql) =>
  q.query<{ kind: string; n: number }>(sql`select a.kind, count(*)::int as n from publicity_activities a where ${where} group by a.kind order by n desc, a.kind`);

/** Has an office at or above the region reported figures (not returned) for a period holding this day? Member units' figures do not lock it. */
export async function periodReported(q: Queryable, regionCode: string, day: string): Promise<boolean> {
  const [{ reported }] = await q.query<{ reported: boolean }>(
    sql`select exists (select 1 from reported_figures f join units u on u.id = f.unit_id and u.kind = 'campaign_office'
          where f.region_code = any(${[...ancestry(regionCode), '']}::text[]) and f.status <> 'returned'
          and ${day}::date between f.period_start and f.period_end) as reported`,
  );
  return reported;
}

// ── Photos ───────────────────────────────────────────────────────────────────────────────────

export const activityPhotos = (q: Queryable, id: number) =>
  q.query<{ id: string; mime: string; size: number; createdAt: Date }>(
    sql`select id, mime, size_bytes as size, created_at as "createdAt" from uploads where activity_id = ${id} order by created_at, id`,
  );

/** Attaches a just-stored upload to an activity (it is nobody's yet). */
export const attachPhoto = (q: Queryable, activityId: number, uploadId: string) =>
  q.query(sql`update uploads set activity_id = ${activityId} where id = ${uploadId}::uuid and ${raw(unattached())}`);

export async function photoFile(q: Queryable, activityId: number, uploadId: string) {
  const [u] = await q.query<{ mime: string; storage_name: string }>(
    sql`select mime, storage_name from uploads where id = ${uploadId}::uuid and activity_id = ${activityId}`,
  );
  return u ?? null;
}

// ── Imports ──────────────────────────────────────────────────────────────────────────────────

export interface ImportError { row: number; reason: string; cells: string[] }

export async function insertImport(
  q: Queryable, user: Pick<SessionUser, 'id' | 'unitId'>, r: { sha256: string; rowsTotal: number; created: number; duplicates: number; errors: ImportError[] },
): Promise<number> {
  const [{ id }] = await q.query<{ id: number }>(
    sql`insert into publicity_imports (unit_id, created_by, file_sha256, rows_total, created, duplicates, refused, errors)
        values (${user.unitId}, ${user.id}, ${r.sha256}, ${r.rowsTotal}, ${r.created}, ${r.duplicates}, ${r.errors.length}, ${JSON.stringify(r.errors)}::jsonb)
        returning id`,
  );
  return id;
}

export const setImportCounts = (q: Queryable, id: number, created: number, duplicates: number) =>
  q.query(sql`update publicity_imports set created = ${created}, duplicates = ${duplicates} where id = ${id}`);

/** An import's refused rows, for the unit that ran it only (an error sheet holds what its clerk typed). */
export async function importErrors(q: Queryable, user: Pick<SessionUser, 'unitId'>, id: number): Promise<ImportError[] | null> {
  const [r] = await q.query<{ errors: ImportError[] }>(sql`select errors from publicity_imports where id = ${id} and unit_id = ${user.unitId}`);
  return r?.errors ?? null;
}

