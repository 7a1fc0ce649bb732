/**
 * bench/stats-tail: where the slow calls of bench/stats come from. The same national by=child call
 * (the dashboard's table by province), through the real server (buildApp + inject), timed three ways:
 * back to back; each right after the direct reference query of bench/stats (which reads gigabytes
 * and may push the rollup's pages out of shared_buffers); and each right after a full read of the
 * tips table (a sequential scan: PostgreSQL reads it through a small ring buffer, and the OS page
 * cache may hold the whole set, so this is not a cold-cache test). Every statement the call runs is timed (wall time from the pool's point of view,
 * waiting for a connection included), so a slow call shows which statement was slow.
 *
 *   BENCH_DATABASE_URL=… npx tsx bench/stats-tail.ts [samples, default 30]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgres, toQuery, type Db } from '../server/db/client.ts';
import { deriveKeys } from '../server/crypto.ts';
import { buildApp } from '../server/app.ts';
import { chinaToday } from '../shared/time.ts';
import { BENCH_PASSWORD, BENCH_URL } from './generate.ts';
import { directFigures, KPI } from './stats.ts';

const N = Number(process.argv[2] ?? 30);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * p) - 1)];
const addDays = (d: string, n: number) => new Date(Date.parse(d + 'T00:00:00Z') + n * 86400_000).toISOString().slice(0, 10);

const base = openPostgres(BENCH_URL, 8);
let current: { ms: number; head: string }[] | null = null;
// The pool as the app sees it, each statement timed into the call under way.
const db: Db = {
  ...base,
  kind: base.kind,
  query: async (stmt, params) => {
    const t = process.hrtime.bigint();
    try {
      return await base.query(stmt, params);
    } finally {
      const head = toQuery(stmt, params).text.replace(/\s+/g, ' ').slice(0, 90);
      current?.push({ ms: Number(process.hrtime.bigint() - t) / 1e6, head });
    }
  },
};

async function main() {
  const app = await buildApp({ db, keys: deriveKeys(randomBytes(32).toString('hex')), dataDir: mkdtempSync(join(tmpdir(), 'shouhu-tail-')), publicRateLimit: 1e6, loginRateLimit: 1e6 });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench_national', password: BENCH_PASSWORD } });
  const cookie = `shouhu_session=${login.cookies.find((k) => k.name === 'shouhu_session')!.value}`;
  const today = chinaToday();
  const from = addDays(today, -29);
  const url = `/api/stats?indicators=${KPI.join(',')}&from=${from}&to=${today}&by=child`;
  const call = async () => {
    current = [];
    const t = process.hrtime.bigint();
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body.slice(0, 200)}`);
    const stmts = current;
    current = null;
    return { ms, stmts };
  };
  await call();
  const phases: [string, () => Promise<unknown>][] = [
    ['back to back', async () => undefined],
    ['after the direct by=child reference', () => directFigures(base, '', from, today, 2)],
    ['after a full read of tips', () => base.query('select count(*) from tips where coalesce(description, \'\') <> \'\'')],
  ];
  for (const [name, before] of phases) {
    const times: number[] = [];
    const slow: { ms: number; stmts: { ms: number; head: string }[] }[] = [];
    for (let i = 0; i < N; i++) {
      await before();
      const r = await call();
      times.push(r.ms);
      slow.push(r);
    }
    console.log(`\n${name}: n=${N} median ${pct(times, 0.5).toFixed(1)} p95 ${pct(times, 0.95).toFixed(1)} max ${Math.max(...times).toFixed(1)} ms`);
    for (const s of slow.sort((a, b) => b.ms - a.ms).slice(0, 2)) {
      console.log(`  call ${s.ms.toFixed(1)} ms:`);
      for (const st of [...s.stmts].sort((a, b) => b.ms - a.ms).slice(0, 5)) console.log(`    ${st.ms.toFixed(1).padStart(7)} ms  ${st.head}`);
    }
  }
  await app.close();
  await base.close();
}

await main();
