/**
 * bench/scale: the staff pages and the deadline job with 10 million tips on PostgreSQL (issue 7).
 *
 * Generates once, in a database of its own kept between runs (BENCH_DB, default shouhu_scale, on the
 * server of DATABASE_URL): the demo province's offices and staff plus a campaign office, an office
 * lead and a police bureau for every province, city and county of the country; 10 M tips spread over
 * real township codes (0.3 % in 龙口市, 3 % in 烟台市, 12 % in 山东省, the rest nationwide), three
 * years of them, mostly closed, the last 60 days in every state with ~100,000 past their deadline;
 * a lead assignment (county office → county police) for every tip that was dispatched. Set-based
 * SQL with the secondary indexes dropped during the load and rebuilt after.
 *
 * Then measures through the real API (buildApp + inject, logged in as the users): p95 of the
 * workbench, of the first tip-list page and of the list's total (unfiltered and under a selective filter) for a county (lk_intake), a city (yt_intake), a province
 * (sd_intake) and a member unit (lk_police); and the deadline job with ~100,000 overdue tips.
 *
 *   npm run bench:scale                    generate if missing, then measure
 *   npm run bench:scale -- --regenerate    drop and generate again
 *   npm run bench:scale -- --generate-only
 *   BENCH_TIPS=1000000 BENCH_DB=shouhu_scale_1m npm run bench:scale   (a smaller copy)
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPostgres, type Db } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { loadRegions } from '../server/modules/regions/regions.loader.ts';
import { ensureAdmin, ensureDefaultRules, seedStructure } from '../server/db/seed/seed.ts';
import { hashPassword } from '../server/modules/auth/passwords.ts';
import { deriveKeys } from '../server/crypto.ts';
import { buildApp } from '../server/app.ts';
import { sweepDeadlines } from '../server/jobs/deadlines.ts';

const args = new Set(process.argv.slice(2));
const N = Number(process.env.BENCH_TIPS ?? 10_000_000);
const NAME = process.env.BENCH_DB ?? 'shouhu_scale';
const BASE = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PASSWORD = 'Bench-Passw0rd!';
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 20);
const url = new URL(BASE);
url.pathname = '/' + NAME;

const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);
const secs = (t0: number) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

async function ensureDatabase(): Promise<boolean> {
  const admin = new pg.Client({ connectionString: BASE });
  await admin.connect();
  try {
    if (args.has('--regenerate')) await admin.query(`drop database if exists ${NAME} with (force)`);
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [NAME])).rowCount;
    if (exists) {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      const done = (await c.query(`select 1 from pg_tables where tablename = 'bench_meta'`)).rowCount;
      await c.end();
      if (done) return false;
      log(`${NAME} exists but its generation never finished: starting again`);
      await admin.query(`drop database ${NAME} with (force)`);
    }
    await admin.query(`create database ${NAME}`);
    return true;
  } finally {
    await admin.end();
  }
}

async function generate(db: Db) {
  const t0 = Date.now();
  await migrate(db);
  await loadRegions(db);
  await ensureAdmin(db, PASSWORD);
  await ensureDefaultRules(db);
  await seedStructure(db, PASSWORD);
  const c = new pg.Client({ connectionString: url.toString() });
  await c.connect();
  const q = async (text: string, values: unknown[] = []) => {
    const t = Date.now();
    const r = await c.query(text, values);
    log(`${text.trim().split('\n')[0].slice(0, 90)} … ${r.rowCount ?? ''} rows, ${secs(t)}`);
    return r;
  };
  // A bulk load: no foreign-key checks or triggers (lead columns are written directly), no
  // synchronous commit, and memory for the index builds.
  await c.query(`set session_replication_role = replica; set synchronous_commit = off; set maintenance_work_mem = '1GB'; set work_mem = '256MB'`);

  // An office (with an office lead) for every province, city and county; a police bureau per county.
  await q(
    `insert into units (region_code, kind, name)
     select r.code, 'campaign_office', r.name || '打击整治养老诈骗专项行动办公室' from regions r where r.level between 1 and 3
     union all select r.code, 'police', r.name || '公安局' from regions r where r.level = 3
     on conflict (region_code, name) do nothing`,
  );
  await q(
    `insert into users (username, display_name, unit_id, roles, password_hash)
     select 'lead_' || u.region_code, '主任', u.id, '{office_lead}', $1 from units u
     where u.kind = 'campaign_office' and not exists (select 1 from users x where x.unit_id = u.id)`,
    [await hashPassword(PASSWORD)],
  );
  await q('analyze regions');
  await q('analyze units');
  // Where tips come from: township codes (or a county without townships) with their county's office
  // and police, numbered within four groups (龙口, 烟台, 山东, the nation) for cheap random picks.
  await q(
    `create unlogged table bench_places as
     with p as (
       select r.code, o.id as office, po.id as police from regions r
       join units o on o.region_code = left(r.code, 6) and o.kind = 'campaign_office'
       join units po on po.region_code = left(r.code, 6) and po.kind = 'police'
       where r.level = 4 or (r.level = 3 and not exists (select 1 from regions c where c.parent_code = r.code)))
     select g.grp, row_number() over (partition by g.grp order by p.code) - 1 as i, p.* from p
     join (values (0, '370681'), (1, '3706'), (2, '37'), (3, '')) g(grp, prefix) on p.code like g.prefix || '%'`,
  );
  await q(`create index on bench_places (grp, i)`);
  await q(`create unlogged table bench_groups as select grp, count(*)::bigint as n from bench_places group by grp`);

  // Secondary indexes go while loading and come back after (a sorted build beats 10 M inserts each).
  const indexes = (
    await c.query<{ name: string; def: string }>(
      `select i.indexname as name, i.indexdef as def from pg_indexes i
       where i.tablename in ('tips', 'tip_assignments') and i.schemaname = 'public'
         and not exists (select 1 from pg_constraint k where k.conname = i.indexname)`,
    )
  ).rows;
  for (const i of indexes) await c.query(`drop index ${i.name}`);

  const words = ['保健品 讲座 高血压', '养老 公寓 投资 回报', '理财 保本 保息', '以房养老 抵押', '收藏品 拍卖', '旅游 低价 购物', '医疗 器械 理疗', '养老 服务 会员费'];
  const recent = 60 / 1095; // the last 60 of 1095 days hold every open state
  const CHUNK = 1_000_000;
  for (let from = 1; from <= N; from += CHUNK) {
    const to = Math.min(N, from + CHUNK - 1);
    await q(
      `insert into tips (tracking_code, access_key_hash, source, status, region_code, office_unit_id, description, fraud_types,
                         reporter_anonymous, search_tsv, received_at, deadline_at, reported_at, closed_at, public_answer,
                         lead_unit_id, lead_dispatcher_unit_id, updated_at)
       select lpad(s.g::text, 12, '0'), md5(s.g::text) || md5((s.g + 1)::text), case when s.r < 700 then 'portal' else 'hotline' end,
              s.status, p.code, p.office, '第' || s.g || '号：' || ($3::text[])[1 + s.g % 8] || '，老人被骗，请核查。',
              array[(array['elderly_product', 'elderly_service', 'elderly_project', 'house_for_pension'])[1 + s.g % 4]],
              s.r % 3 <> 0, to_tsvector('simple', ($3::text[])[1 + s.g % 8]), s.at,
              case when s.dispatched then s.at + interval '30 days' end,
              case when s.status in ('reported', 'closed') then s.at + interval '18 days' end,
              case when s.status in ('closed', 'rejected') then s.at + interval '20 days' end,
              case when s.status in ('closed', 'rejected') then '经核查已依法处理。' end,
              case when s.dispatched then p.police end, case when s.dispatched then p.office end, s.at + interval '1 day'
       from (
         select g, grp, at, r, status, status in ('dispatched', 'in_progress', 'reported', 'closed') as dispatched from (
           select g, grp, at, r,
                  case when age < $4 then
                         case when r < 50 then 'submitted' when r < 80 then 'accepted' when r < 230 then 'dispatched'
                              when r < 430 then 'in_progress' when r < 480 then 'reported' when r < 530 then 'rejected' else 'closed' end
                       else case when r < 100 then 'rejected' when r < 150 then 'merged' else 'closed' end end as status
           from (
             select g, case when g % 1000 < 3 then 0 when g % 1000 < 30 then 1 when g % 1000 < 120 then 2 else 3 end as grp,
                    (($2 - g)::float8 / $2) as age, ((g * 2654435761) % 1000)::int as r,
                    now() - (($2 - g)::float8 / $2) * interval '1095 days' - (g % 97) * interval '1 minute' as at
             from generate_series($1::bigint, $5::bigint) g) a) b) s
       join bench_groups n on n.grp = s.grp
       join bench_places p on p.grp = s.grp and p.i = (s.g * 7919) % n.n`,
      [from, N, words, recent, to],
    );
  }
  const [{ id: adminId }] = (await c.query<{ id: number }>(`select id from users where username = 'admin'`)).rows;
  await q(
    `insert into tip_assignments (tip_id, unit_id, role, dispatched_by_unit_id, dispatched_by, deadline_at, instructions, status,
                                  signed_at, reported_at, verdict, created_at, tip_received_at)
     select id, lead_unit_id, 'lead', lead_dispatcher_unit_id, $1, deadline_at, '请核查并按时反馈',
            case status when 'dispatched' then 'dispatched' when 'in_progress' then 'signed' when 'reported' then 'reported' else 'closed' end,
            case when status <> 'dispatched' then received_at + interval '2 days' end, reported_at,
            case when reported_at is not null then 'partly_true' end, received_at + interval '1 day', received_at
     from tips where lead_unit_id is not null`,
    [adminId],
  );
  for (const i of indexes) await q(i.def);
  await q('vacuum analyze tips');
  await q('vacuum analyze tip_assignments');
  await q('analyze');
  await q(`create table bench_meta as select $1::bigint as tips, now() as generated_at`, [N]);
  await c.end();
  log(`generated ${N} tips in ${secs(t0)}`);
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(db: Db) {
  await migrate(db); // a newer checkout's migrations (phase 2 indexes) apply to the kept data
  const dataDir = mkdtempSync(join(tmpdir(), 'shouhu-scale-'));
  const app = await buildApp({ db, keys: deriveKeys(randomBytes(32).toString('hex')), dataDir, publicRateLimit: 1e6, loginRateLimit: 1e6 });
  const [{ tips, generated_at }] = await db.query<{ tips: number; generated_at: Date }>('select tips, generated_at from bench_meta');
  const [{ overdue }] = await db.query<{ overdue: number }>(`select count(*)::int as overdue from tips where status in ('dispatched', 'in_progress') and deadline_at < now()`);
  const [{ size }] = await db.query<{ size: string }>(`select pg_size_pretty(pg_database_size(current_database())) as size`);
  log(`${tips} tips (generated ${generated_at.toISOString()}), ${overdue} overdue, database ${size}`);
  const rows: string[] = [];
  try {
    for (const [who, user] of [['county', 'lk_intake'], ['city', 'yt_intake'], ['province', 'sd_intake'], ['member unit', 'lk_police']]) {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user, password: PASSWORD } });
      if (login.statusCode !== 200) throw new Error(`login ${user}: ${login.statusCode} ${login.body}`);
      const cookie = `shouhu_session=${login.cookies.find((k) => k.name === 'shouhu_session')!.value}`;
      // The list's total (GET /api/tips/count): unfiltered (capped at 10,000 rows read per kind of
      // access) and under a filter no generated tip matches (the worst case: every visible tip is read to prove it).
      const pages = [['workbench', '/api/workbench'], ['tip list, first page', '/api/tips?limit=20'], ['tip list total', '/api/tips/count'], ['tip list total, a filter no tip matches (letters)', '/api/tips/count?source=letter']];
      for (const [page, path] of pages) {
        const times: number[] = [];
        const start = Date.now();
        let body = '';
        await app.inject({ method: 'GET', url: path, headers: { cookie } }); // warm-up
        // SAMPLES requests, or as many as fit in 60 s when each takes seconds (the baseline).
        while (times.length < SAMPLES && (times.length < 3 || Date.now() - start < 60_000)) {
          const t = process.hrtime.bigint();
          const res = await app.inject({ method: 'GET', url: path, headers: { cookie } });
          times.push(Number(process.hrtime.bigint() - t) / 1e6);
          if (res.statusCode !== 200) throw new Error(`${path} as ${user}: ${res.statusCode} ${res.body}`);
          body = res.body;
        }
        const summary = page === 'workbench' || page.startsWith('tip list total') ? body.slice(0, 160) : `${JSON.parse(body).items.length} items`;
        rows.push(`| ${who} (${user}) | ${page} | ${times.length} | ${med(times).toFixed(1)} | ${p95(times).toFixed(1)} |`);
        log(`${who} ${page}: n=${times.length} median ${med(times).toFixed(1)} ms, p95 ${p95(times).toFixed(1)} ms — ${summary}`);
      }
    }
    rows.push('', ...(await measureDeadlines(db)));
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(['', '| user | page | n | median ms | p95 ms |', '|---|---|---|---|---|', ...rows].join('\n'));
}

/**
 * The deadline job: first run after the table holds ~100,000 overdue tips with no notices yet (the
 * catch-up), a run with nothing new, and a run after 1,000 tips passed their deadline in the last
 * minute (the steady state). The moved deadlines and the notices are put back afterwards.
 */
async function measureDeadlines(db: Db): Promise<string[]> {
  const clear = () => db.query(`delete from notifications where kind in ('overdue', 'due_soon')`).then(() => db.query(`delete from job_state where name like 'deadlines%'`));
  await clear();
  const out: string[] = [];
  const run = async (label: string) => {
    const t = Date.now();
    const r = await sweepDeadlines(db);
    const ms = Date.now() - t;
    log(`deadline job, ${label}: ${ms} ms, ${JSON.stringify(r)}`);
    out.push(`| deadline job | ${label} | ${ms} ms | ${r.overdue} overdue, ${r.dueSoon} due-soon notices |`);
  };
  await run('first run, no notices sent yet');
  await run('next minute, nothing new');
  const moved = await db.query<{ id: number; deadline_at: Date }>(
    `update tips t set deadline_at = now() - interval '30 seconds' from (
       select id, deadline_at from tips where status in ('dispatched', 'in_progress') and deadline_at > now() + interval '2 days' limit 1000) o
     where t.id = o.id returning t.id, o.deadline_at`,
  );
  await run(`next minute, ${moved.length} newly overdue`);
  await db.query(`update tips t set deadline_at = m.d from unnest($1::bigint[], $2::timestamptz[]) m(id, d) where t.id = m.id`, [moved.map((m) => m.id), moved.map((m) => m.deadline_at)]);
  await clear();
  return ['| job | run | time | sent |', '|---|---|---|---|', ...out];
}

const fresh = await ensureDatabase();
const db = openPostgres(url.toString(), 4);
try {
  if (fresh) await generate(db);
  else log(`${NAME} already generated (--regenerate to start again)`);
  if (!args.has('--generate-only')) await measure(db);
} finally {
  await db.close();
}
