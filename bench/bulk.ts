/**
 * Set-based bulk loading shared by the benches that build national data sets in PostgreSQL
 * (bench/scale.ts: 10 M tips for the staff pages; bench/generate.ts: the national set of issue 11).
 *
 * Everything here is one SQL statement per step over generate_series, with triggers and foreign-key
 * checks off (session_replication_role = replica) and the secondary indexes dropped during the load.
 */
import pg from 'pg';
import { migrate } from '../server/db/migrate.ts';
import { loadRegions } from '../server/modules/regions/regions.loader.ts';
import { ensureAdmin, ensureDefaultRules, seedStructure } from '../server/db/seed/seed.ts';
import { hashPassword } from '../server/modules/auth/passwords.ts';
import type { Db } from '../server/db/client.ts';

export const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);
export const secs = (t0: number) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

export type Q = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;

/** A client of its own for the load, with bulk settings; `q` logs each statement's rows and time. */
export async function bulkClient(url: string, quiet = false): Promise<{ c: pg.Client; q: Q }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  // A bulk load: no foreign-key checks or triggers (lead columns and rollups are written
  // afterwards), no synchronous commit, and memory for the index builds.
  await c.query(`set session_replication_role = replica; set synchronous_commit = off; set maintenance_work_mem = '1GB'; set work_mem = '256MB'`);
  const q: Q = async (text, values = []) => {
    const t = Date.now();
    const r = await c.query(text, values);
    if (!quiet) log(`${text.trim().split('\n')[0].slice(0, 90)} … ${r.rowCount ?? ''} rows, ${secs(t)}`);
    return r;
  };
  return { c, q };
}

/** The app's schema (its own migrate code), the region tree, the admin, the default rules and the demo province's offices and staff. */
export async function prepareBase(db: Db, password: string): Promise<void> {
  await migrate(db);
  await loadRegions(db);
  await ensureAdmin(db, password);
  await ensureDefaultRules(db);
  const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from users where username = 'sd_intake'`);
  if (n === 0) await seedStructure(db, password);
}

/**
 * An office (with an office lead, `lead_CODE`) for every province, city and county, and for each
 * county the unit kinds given (police at least). Idempotent.
 */
export async function createOffices(q: Q, password: string, countyKinds: string[] = ['police']): Promise<void> {
  const names: Record<string, string> = { police: '公安局', procuratorate: '人民检察院', court: '人民法院', market_regulation: '市场监督管理局' };
  await q(
    `insert into units (region_code, kind, name)
     select r.code, 'campaign_office', r.name || '打击整治养老诈骗专项行动办公室' from regions r where r.level between 1 and 3
     union all select r.code, k.kind, r.name || k.suffix from regions r, unnest($1::text[], $2::text[]) k(kind, suffix) where r.level = 3
     on conflict (region_code, name) do nothing`,
    [countyKinds, countyKinds.map((k) => names[k])],
  );
  await q(
    `insert into users (username, display_name, unit_id, roles, password_hash)
     select 'lead_' || u.region_code, '主任', u.id, '{office_lead}', $1 from units u
     where u.kind = 'campaign_office' and not exists (select 1 from users x where x.unit_id = u.id)`,
    [await hashPassword(password)],
  );
  await q('analyze regions');
  await q('analyze units');
}

/**
 * Where records come from: township codes (or a county without townships) with their county's
 * office and police, numbered within groups (grp, i) for cheap deterministic picks. `groups` maps a
 * group number to a region-code prefix; a place belongs to every group whose prefix it starts with.
 */
export async function createPlaces(q: Q, groups: [number, string][]): Promise<void> {
  await q(`drop table if exists bench_places, bench_groups`);
  await q(
    `create unlogged table bench_places as
     with p as (
       select r.code, o.id as office, po.id as police from regions r
       join units o on o.region_code = left(r.code, 6) and o.kind = 'campaign_office'
       join units po on po.region_code = left(r.code, 6) and po.kind = 'police'
       where r.level = 4 or (r.level = 3 and not exists (select 1 from regions c where c.parent_code = r.code)))
     select g.grp, row_number() over (partition by g.grp order by p.code) - 1 as i, p.* from p
     join unnest($1::int[], $2::text[]) g(grp, prefix) on p.code like g.prefix || '%'`,
    [groups.map((g) => g[0]), groups.map((g) => g[1])],
  );
  await q(`create index on bench_places (grp, i)`);
  await q(`create unlogged table bench_groups as select grp, count(*)::bigint as n from bench_places group by grp`);
}

/**
 * Drops the secondary indexes of the tables (not those backing constraints), remembering their
 * definitions in bench_indexes so that a run interrupted after the drop still rebuilds them.
 */
export async function dropSecondaryIndexes(q: Q, tables: string[]): Promise<void> {
  await q(`create table if not exists bench_indexes (name text primary key, def text not null)`);
  await q(
    `insert into bench_indexes select i.indexname, i.indexdef from pg_indexes i
     where i.tablename = any($1::text[]) and i.schemaname = 'public'
       and not exists (select 1 from pg_constraint k where k.conname = i.indexname)
     on conflict (name) do nothing`,
    [tables],
  );
  for (const { name } of (await q(`select name from bench_indexes`)).rows) await q(`drop index if exists ${name}`);
}

export async function restoreIndexes(q: Q): Promise<void> {
  const rows = (await q(`select name, def from bench_indexes order by name`)).rows as { name: string; def: string }[];
  for (const r of rows) await q(r.def.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS '));
  await q(`delete from bench_indexes`);
}

const WORDS = ['保健品 讲座 高血压', '养老 公寓 投资 回报', '理财 保本 保息', '以房养老 抵押', '收藏品 拍卖', '旅游 低价 购物', '医疗 器械 理疗', '养老 服务 会员费'];

export interface TipShape {
  /** SQL over `g` (the tip's number, 1…total) giving the bench_places group it falls in. */
  grpSql: string;
  /** SQL over `g` giving the tip's fraud-type code. */
  fraudTypeSql: string;
  /** Extra parameters the two expressions use, from $6 on. */
  params?: unknown[];
}

/**
 * Tips number `from`…`to` of `total`: id = tracking number = g, received over the last three years
 * (g = total is now), the older ones closed (85 %), rejected or merged, the last 60 days in every
 * state; dispatched ones have a 30-day deadline and their county police as lead; a tenth of the
 * closed ones are closed after their deadline; 60 % of the closed ones rated, 90 % of those 满意.
 */
export async function insertTips(q: Q, from: number, to: number, total: number, shape: TipShape): Promise<void> {
  const recent = 60 / 1095; // the last 60 of 1095 days hold every open state
  await q(
    `insert into tips (id, tracking_code, access_key_hash, source, status, region_code, office_unit_id, description, fraud_types,
                       reporter_anonymous, search_tsv, received_at, deadline_at, reported_at, closed_at, public_answer,
                       rating_satisfied, rated_at, lead_unit_id, lead_dispatcher_unit_id, verdict_true, updated_at)
     overriding system value
     select s.g, lpad(s.g::text, 12, '0'), md5(s.g::text) || md5((s.g + 1)::text), case when s.r < 700 then 'portal' else 'hotline' end,
            s.status, p.code, p.office, '第' || s.g || '号：' || ($3::text[])[1 + s.g % 8] || '，老人被骗，请核查。',
            array[s.fraud_type], s.r % 3 <> 0, to_tsvector('simple', ($3::text[])[1 + s.g % 8]), s.at,
            case when s.dispatched then s.at + interval '30 days' end,
            case when s.status in ('reported', 'closed') then s.at + s.took - least(interval '2 days', s.took / 2) end,
            case when s.status in ('closed', 'rejected', 'merged') then s.at + s.took end,
            case when s.status in ('closed', 'rejected') then '经核查已依法处理。' end,
            case when s.status = 'closed' and s.r2 < 600 then s.r2 < 540 end,
            case when s.status = 'closed' and s.r2 < 600 then least(s.at + s.took + interval '3 days', now()) end,
            case when s.dispatched then p.police end, case when s.dispatched then p.office end,
            -- 查实 as the lead assignment's verdict (insertLeadAssignments) makes it; the trigger keeping it is off
            s.dispatched and s.status in ('reported', 'closed') and s.g % 4 in (0, 1), s.at + interval '1 day'
     from (
       select g, grp, at, r, r2, fraud_type, status, status in ('dispatched', 'in_progress', 'reported', 'closed') as dispatched,
              -- days from receipt to closing: 90 % within the 30-day deadline, a tenth up to 12 days late;
              -- a tip received lately was closed within the time it has had (nothing happens in the future)
              least(case when r2 % 10 = 0 then interval '31 days' + (r % 12) * interval '1 day' else interval '8 days' + (r % 22) * interval '1 day' end,
                    (now() - at) * 0.9) as took
       from (
         select g, grp, at, r, r2, fraud_type,
                case when age < $4 then
                       case when r < 50 then 'submitted' when r < 80 then 'accepted' when r < 230 then 'dispatched'
                            when r < 430 then 'in_progress' when r < 480 then 'reported' when r < 530 then 'rejected' else 'closed' end
                     else case when r < 100 then 'rejected' when r < 150 then 'merged' else 'closed' end end as status
         from (
           select g, ${shape.grpSql} as grp, ${shape.fraudTypeSql} as fraud_type,
                  (($2 - g)::float8 / $2) as age, ((g * 2654435761) % 1000)::int as r, ((g * 40503 + 17) % 1000)::int as r2,
                  now() - (($2 - g)::float8 / $2) * interval '1095 days' - (g % 97) * interval '1 minute' as at
           from generate_series($1::bigint, $5::bigint) g) a) b) s
     join bench_groups n on n.grp = s.grp
     join bench_places p on p.grp = s.grp and p.i = (s.g * 7919) % n.n`,
    [from, total, WORDS, recent, to, ...(shape.params ?? [])],
  );
}

/** The lead assignment (county office → county police) of every dispatched tip in the id range. */
export async function insertLeadAssignments(q: Q, adminId: number, fromId = 1, toId = Number.MAX_SAFE_INTEGER): Promise<void> {
  await q(
    `insert into tip_assignments (tip_id, unit_id, role, dispatched_by_unit_id, dispatched_by, deadline_at, instructions, status,
                                  signed_at, reported_at, verdict, created_at, tip_received_at)
     select id, lead_unit_id, 'lead', lead_dispatcher_unit_id, $1, deadline_at, '请核查并按时反馈',
            case status when 'dispatched' then 'dispatched' when 'in_progress' then 'signed' when 'reported' then 'reported' else 'closed' end,
            case when status <> 'dispatched' then received_at + interval '2 days' end, reported_at,
            case when reported_at is not null then (array['true', 'partly_true', 'untrue', 'unverifiable'])[1 + id % 4] end, -- as tips.verdict_true
            received_at + interval '1 day', received_at
     from tips where lead_unit_id is not null and id between $2 and $3`,
    [adminId, fromId, toId],
  );
}

/** Sets an identity column's sequence past the ids written explicitly. */
export async function syncIdentity(q: Q, table: string): Promise<void> {
  await q(`select setval(pg_get_serial_sequence('${table}', 'id'), greatest(1, (select coalesce(max(id), 0) from ${table})))`);
}
