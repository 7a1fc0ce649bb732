/**
 * bench/stats: the dashboard's indicator-engine calls against the national data set of
 * bench/generate (issue 11 acceptance), and in the same run a direct GROUP BY over the records
 * giving the same figures, as the reference both for speed and for the figures themselves.
 *
 *   npm run bench:generate            (once: 10 M tips, 1 M subjects, 200,000 cases)
 *   npm run bench:stats               BENCH_DATABASE_URL as bench/generate; BENCH_SAMPLES (default 20);
 *                                     BENCH_ONLY=county (or national, provincial) for one user only
 *
 * Through the real server code (buildApp + inject, as bench/scale.ts), logged in as a national
 * (bench_national), a provincial (sd_lead, 山东) and a county (lk_lead, 龙口市) office lead, it times
 * the three calls the dashboard makes — GET /api/stats with the KPI indicators cumulative (截至目前),
 * for the last 30 Beijing days with compare=1 (环比/同比), and for those 30 days by=child — and the
 * direct queries for the same figures, alternating so that outside load falls on both alike. It
 * checks that every figure (value, previous, yoy, every child row) equals the direct one, samples the
 * process's RSS every 50 ms throughout, and times a province's weekly report.
 *
 * Targets: national and provincial p95 < 100 ms and ≥ 10 × faster than direct; county p95 < 50 ms;
 * weekly report < 3 s; RSS < 500 MB.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgres, type Db } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { deriveKeys } from '../server/crypto.ts';
import { buildApp } from '../server/app.ts';
import { chinaToday } from '../shared/time.ts';
import { BENCH_PASSWORD, BENCH_URL } from './generate.ts';
import { log } from './bulk.ts';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 20);
/** The dashboard's KPI cards (issue 11 §4), as indicator keys. */
export const KPI = [
  'tips_received', 'tips_closed', 'tips_closed_on_time', 'reporter_satisfied', 'cases_filed', 'suspects_arrested',
  'amount_involved_yuan', 'amount_recovered_yuan', 'recovery_rate_pct', 'entities_screened', 'hazards_found', 'hazards_rectified',
  'publicity_events', 'people_reached',
] as const;
type Key = (typeof KPI)[number];
type Figures = Record<Key, number | null>;

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const addDays = (d: string, n: number) => new Date(Date.parse(d + 'T00:00:00Z') + n * 86400_000).toISOString().slice(0, 10);

/**
 * The reference: every KPI figure of region `prefix` for [from, to] (Beijing dates, inclusive; from
 * null = since records began), straight from the records, one GROUP BY per strand. `child` groups by
 * the child region of the prefix instead (its code length). Definitions as the engine's INDICATOR_DEFS:
 * the tip indicators are a cohort (tips received in the period, by where each is now), 立案 is the
 * stage's date, case figures the entry's date (entries in force), hazards their registration and
 * crossing-off days, activities their start date.
 */
export async function directFigures(db: Db, prefix: string, from: string | null, to: string, childLen?: number): Promise<Map<string, Figures>> {
  const lo = from ?? '1970-01-01';
  const key = (col: string) => (childLen ? `left(${col}, ${childLen})` : `''`);
  // A Beijing-day window over a timestamptz column, and over a date column.
  const ts = (col: string) => `${col} >= ($2::date)::timestamp at time zone 'Asia/Shanghai' and ${col} < ($3::date + 1)::timestamp at time zone 'Asia/Shanghai'`;
  const dt = (col: string) => `${col} between $2::date and $3::date`;
  const params = [prefix + '%', lo, to];
  const [tips, cases, screening, hazards, publicity] = await Promise.all([
    db.query<{ k: string; received: number; closed: number; on_time: number; satisfied: number }>(
      `select ${key('region_code')} as k,
              count(*) filter (where ${ts('received_at')})::int as received,
              count(*) filter (where status = 'closed' and ${ts('received_at')})::int as closed,
              count(*) filter (where status = 'closed' and ${ts('received_at')} and closed_at <= deadline_at)::int as on_time,
              count(*) filter (where rating_satisfied and ${ts('received_at')})::int as satisfied
       from tips where region_code like $1 group by 1`,
      params,
    ),
    db.query<{ k: string; filed: number; arrested: string; involved: string; recovered: string }>(
      `with c as (select id, ${key('region_code')} as k from criminal_cases where region_code like $1),
            f as (select c.k, f.kind, sum(f.value) as v from case_figures f join c on c.id = f.case_id
                  where ${dt('f.on_date')} and not exists (select 1 from case_figures x where x.corrects_id = f.id) group by 1, 2)
       select k, (select count(*) from case_stages s join c c2 on c2.id = s.case_id where c2.k = ks.k and s.stage = 'filed' and ${dt('s.on_date')})::int as filed,
              coalesce((select v from f where f.k = ks.k and kind = 'arrested'), 0)::text as arrested,
              coalesce((select v from f where f.k = ks.k and kind = 'amount_involved'), 0)::text as involved,
              coalesce((select v from f where f.k = ks.k and kind = 'amount_recovered'), 0)::text as recovered
       from (select distinct k from c) ks`,
      params,
    ),
    db.query<{ k: string; screened: number }>(
      `select ${key('s.region_code')} as k, count(distinct i.subject_id)::int as screened
       from inspections i join subjects s on s.id = i.subject_id where s.region_code like $1 and ${dt('i.inspected_on')} group by 1`,
      params,
    ),
    db.query<{ k: string; found: number; rectified: number }>(
      `select ${key('s.region_code')} as k, count(*) filter (where ${ts('h.created_at')})::int as found,
              count(*) filter (where h.status = 'verified' and ${ts('h.verified_at')})::int as rectified
       from hazards h join subjects s on s.id = h.subject_id where s.region_code like $1 group by 1`,
      params,
    ),
    db.query<{ k: string; events: number; reached: string }>(
      `select ${key('region_code')} as k, count(*)::int as events, sum(people_reached)::text as reached
       from publicity_activities where region_code like $1 and ${dt('start_date')} group by 1`,
      params,
    ),
  ]);
  const out = new Map<string, Figures>();
  const row = (k: string) => {
    let f = out.get(k);
    if (!f) {
      f = Object.fromEntries(KPI.map((x) => [x, 0])) as Figures;
      out.set(k, f);
    }
    return f;
  };
  for (const r of tips) Object.assign(row(r.k), { tips_received: r.received, tips_closed: r.closed, tips_closed_on_time: r.on_time, reporter_satisfied: r.satisfied });
  for (const r of cases) {
    const involved = Number(r.involved), recovered = Number(r.recovered);
    Object.assign(row(r.k), {
      cases_filed: r.filed, suspects_arrested: Number(r.arrested), amount_involved_yuan: involved / 100, amount_recovered_yuan: recovered / 100,
    });
  }
  for (const r of screening) row(r.k).entities_screened = r.screened;
  for (const r of hazards) Object.assign(row(r.k), { hazards_found: r.found, hazards_rectified: r.rectified });
  for (const r of publicity) Object.assign(row(r.k), { publicity_events: r.events, people_reached: Number(r.reached) });
  if (!childLen) row('');
  for (const f of out.values()) {
    f.recovery_rate_pct = f.amount_involved_yuan ? Math.round((f.amount_recovered_yuan! / f.amount_involved_yuan) * 1000) / 10 : null;
  }
  return out;
}

interface EngineFigure { value: number | null; previous?: number | null; yoy?: number | null }
interface EngineResult { figures: Record<string, EngineFigure>; rows?: { key: string; figures: Record<string, EngineFigure> }[] }

/** Differences between the engine's figures and the reference, as readable lines (empty = agree). */
function compare(label: string, engine: Record<string, EngineFigure>, direct: Figures | undefined, field: 'value' | 'previous' | 'yoy' = 'value'): string[] {
  const out: string[] = [];
  for (const k of KPI) {
    const e = engine[k]?.[field] ?? null;
    // A row the direct query has no records for: zeros, and no rate.
    const d = direct ? direct[k] : k === 'recovery_rate_pct' ? null : 0;
    // A row the engine leaves out (本级 with nothing of its own) against the direct query's zeros is the same.
    const same = e === d || (e !== null && d !== null && Math.abs(e - d) < 0.005) || (e === null && d === 0 && (field !== 'value' || !engine[k]));
    if (!same) out.push(`${label} ${k}${field === 'value' ? '' : '.' + field}: engine ${e}, direct ${d}`);
  }
  return out;
}

async function timeIt<T>(fn: () => Promise<T>, times: number[]): Promise<T> {
  const t = process.hrtime.bigint();
  const r = await fn();
  times.push(Number(process.hrtime.bigint() - t) / 1e6);
  return r;
}

async function loginCookie(app: Awaited<ReturnType<typeof buildApp>>, username: string): Promise<string> {
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: BENCH_PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`login ${username}: ${login.statusCode} ${login.body}`);
  return `shouhu_session=${login.cookies.find((k) => k.name === 'shouhu_session')!.value}`;
}

async function main() {
  const db = openPostgres(BENCH_URL, 8);
  await migrate(db); // the engine's migrations apply to the kept data set
  const dataDir = mkdtempSync(join(tmpdir(), 'shouhu-stats-'));
  const app = await buildApp({ db, keys: deriveKeys(randomBytes(32).toString('hex')), dataDir, publicRateLimit: 1e6, loginRateLimit: 1e6 });
  let maxRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (maxRss = Math.max(maxRss, process.memoryUsage().rss)), 50);
  const today = chinaToday();
  const from = addDays(today, -29);
  const [meta] = await db.query<{ sizes: unknown; generated_at: Date | null }>('select sizes, generated_at from bench_meta');
  const [{ tips }] = await db.query<{ tips: number }>('select count(*)::int as tips from tips');
  const [{ size }] = await db.query<{ size: string }>(`select pg_size_pretty(pg_database_size(current_database())) as size`);
  log(`${tips} tips (set ${JSON.stringify(meta?.sizes)}, generated ${meta?.generated_at?.toISOString() ?? 'NOT FINISHED'}), database ${size}`);
  const table: string[] = [];
  const mismatches: string[] = [];
  try {
    for (const [who, username, region, childLen] of [
      ['national', 'bench_national', '', 2], ['provincial (山东)', 'sd_lead', '37', 4], ['county (龙口市)', 'lk_lead', '370681', 9],
    ] as const) {
      if (process.env.BENCH_ONLY && !who.startsWith(process.env.BENCH_ONLY)) continue;
      const cookie = await loginCookie(app, username);
      const ind = `indicators=${KPI.join(',')}`;
      const calls = [
        { call: 'cumulative', path: `/api/stats?${ind}`, from: null, by: false, cmp: false },
        { call: '30 days, compare', path: `/api/stats?${ind}&from=${from}&to=${today}&compare=1`, from, by: false, cmp: true },
        { call: '30 days, by=child', path: `/api/stats?${ind}&from=${from}&to=${today}&by=child`, from, by: true, cmp: false },
      ];
      for (const c of calls) {
        const eng: number[] = [];
        const dir: number[] = [];
        const get = async () => {
          const res = await app.inject({ method: 'GET', url: c.path, headers: { cookie } });
          if (res.statusCode !== 200) throw new Error(`${c.path} as ${username}: ${res.statusCode} ${res.body.slice(0, 300)}`);
          return res.json() as EngineResult;
        };
        // The direct reference computes what the call shows: the figures (and for compare, the
        // previous and year-earlier periods too), or one row per child.
        const direct = async () => {
          const now = await directFigures(db, region, c.from, today, c.by ? childLen : undefined);
          if (!c.cmp) return { now };
          const prev = await directFigures(db, region, addDays(from, -30), addDays(from, -1));
          const yoy = await directFigures(db, region, addDays(from, -365), addDays(today, -365));
          return { now, prev, yoy };
        };
        await get(); // warm-up
        let e: EngineResult = await get();
        let d = await direct();
        const start = Date.now();
        while (eng.length < SAMPLES && (eng.length < 3 || Date.now() - start < 120_000)) {
          e = await timeIt(get, eng);
          if (dir.length < SAMPLES && (dir.length < 3 || Date.now() - start < 90_000)) d = await timeIt(direct, dir);
        }
        const label = `${who} ${c.call}`;
        if (c.by) {
          const keys = new Set([...(e.rows ?? []).map((r) => r.key), ...[...d.now.keys()]]);
          for (const k of keys) mismatches.push(...compare(`${label} row ${k}`, e.rows?.find((r) => r.key === k)?.figures ?? {}, d.now.get(k)));
        } else {
          mismatches.push(...compare(label, e.figures, d.now.get('')));
          if (d.prev) mismatches.push(...compare(label, e.figures, d.prev.get(''), 'previous'));
          if (d.yoy) mismatches.push(...compare(label, e.figures, d.yoy.get(''), 'yoy'));
        }
        const ratio = med(dir) / med(eng);
        table.push(`| ${who} | ${c.call} | ${eng.length} | ${med(eng).toFixed(1)} | **${p95(eng).toFixed(1)}** | ${dir.length} | ${med(dir).toFixed(0)} | ${p95(dir).toFixed(0)} | ${ratio.toFixed(0)} × |`);
        log(`${label}: engine n=${eng.length} median ${med(eng).toFixed(1)} p95 ${p95(eng).toFixed(1)} ms; direct n=${dir.length} median ${med(dir).toFixed(0)} p95 ${p95(dir).toFixed(0)} ms; ${ratio.toFixed(1)} ×; ${JSON.stringify(e.figures).slice(0, 200)}`);
      }
    }
    // A province's weekly report (总结周报, 山东, the last full Monday–Sunday week): generated from
    // the engine (POST /api/reports), then its Word and Excel files, as the province lead does it.
    const cookie = await loginCookie(app, 'sd_lead');
    const monday = addDays(today, -((new Date(today + 'T00:00:00Z').getUTCDay() + 6) % 7) - 7);
    const probe = await app.inject({ method: 'POST', url: '/api/reports', headers: { cookie }, payload: { kind: 'weekly', regionCode: '37', from: monday } });
    if (probe.statusCode === 404) {
      log('weekly report: NOT MEASURED — this checkout has no POST /api/reports (branch reports not merged)');
      table.push('', '| province weekly report | not measured: no report generation in this checkout |');
    } else {
      const times: number[] = [];
      let sizes = '';
      for (let i = 0; i < Math.max(3, Math.min(SAMPLES, 10)); i++) {
        await timeIt(async () => {
          const made = await app.inject({ method: 'POST', url: '/api/reports', headers: { cookie }, payload: { kind: 'weekly', regionCode: '37', from: monday } });
          if (made.statusCode !== 201) throw new Error(`POST /api/reports: ${made.statusCode} ${made.body.slice(0, 300)}`);
          const { id } = made.json() as { id: number };
          const docx = await app.inject({ method: 'GET', url: `/api/reports/${id}/docx`, headers: { cookie } });
          const xlsx = await app.inject({ method: 'GET', url: `/api/reports/${id}/xlsx`, headers: { cookie } });
          if (docx.statusCode !== 200 || xlsx.statusCode !== 200) throw new Error(`report files: ${docx.statusCode} ${xlsx.statusCode}`);
          sizes = `docx ${docx.rawPayload.length} B, xlsx ${xlsx.rawPayload.length} B`;
        }, times);
      }
      log(`weekly report (山东, week of ${monday}) generated + docx + xlsx: n=${times.length} median ${med(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms; ${sizes}`);
      table.push('', '| what | n | median ms | max ms |', '|---|---|---|---|', `| province weekly report (山东, week of ${monday}): generate + .docx + .xlsx | ${times.length} | ${med(times).toFixed(0)} | **${Math.max(...times).toFixed(0)}** |`);
    }
  } finally {
    clearInterval(sampler);
    await app.close();
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(['', '| user | call | n | engine median ms | engine p95 ms | direct n | direct median ms | direct p95 ms | direct ÷ engine (median) |', '|---|---|---|---|---|---|---|---|---|', ...table].join('\n'));
  console.log(`\nmax RSS ${(maxRss / 2 ** 20).toFixed(0)} MB (sampled every 50 ms)`);
  console.log(mismatches.length ? `\n${mismatches.length} FIGURES DIFFER:\n${mismatches.slice(0, 60).join('\n')}` : '\nevery figure equals the direct count');
  if (mismatches.length) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
