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
import { deriveKeys } from '../server/crypto.ts';
import { buildApp } from '../server/app.ts';
import { sweepDeadlines } from '../server/jobs/deadlines.ts';
import { bulkClient, createOffices, createPlaces, dropSecondaryIndexes, insertLeadAssignments, insertTips, log, prepareBase, restoreIndexes, secs, syncIdentity } from './bulk.ts';

const args = new Set(process.argv.slice(2));
const N = Number(process.env.BENCH_TIPS ?? 10_000_000);
const NAME = process.env.BENCH_DB ?? 'shouhu_scale';
const BASE = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PASSWORD = 'Bench-Passw0rd!';
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 20);
const url = new URL(BASE);
url.pathname = '/' + NAME;


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
  await prepareBase(db, PASSWORD);
  const { c, q } = await bulkClient(url.toString());
  // An office (with an office lead) for every province, city and county; a police bureau per county.
  await createOffices(q, PASSWORD);
  // Where tips come from, in four groups: 龙口, 烟台, 山东, the nation.
  await createPlaces(q, [[0, '370681'], [1, '3706'], [2, '37'], [3, '']]);
  // Secondary indexes go while loading and come back after (a sorted build beats 10 M inserts each).
  await dropSecondaryIndexes(q, ['tips', 'tip_assignments']);
  const CHUNK = 1_000_000;
  for (let from = 1; from <= N; from += CHUNK) {
    await insertTips(q, from, Math.min(N, from + CHUNK - 1), N, {
      grpSql: 'case when g % 1000 < 3 then 0 when g % 1000 < 30 then 1 when g % 1000 < 120 then 2 else 3 end',
      fraudTypeSql: "(array['elderly_product', 'elderly_service', 'elderly_project', 'house_for_pension'])[1 + g % 4]",
    });
  }
  await syncIdentity(q, 'tips');
  const [{ id: adminId }] = (await c.query<{ id: number }>(`select id from users where username = 'admin'`)).rows;
  await insertLeadAssignments(q, adminId);
  await restoreIndexes(q);
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
