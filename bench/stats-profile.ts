/**
 * bench/stats-profile: where an engine call's time goes. Runs the dashboard's three calls of
 * bench/stats for one region through computeStats with every statement timed, then EXPLAIN
 * (ANALYZE, BUFFERS) of the slowest statements. Statements run one at a time here (the engine runs
 * some side by side), so the times add up to more than the call's.
 *
 *   BENCH_DATABASE_URL=… npx tsx bench/stats-profile.ts [region, '' = national] [--explain N]
 */
import { openPostgres, toQuery, type Queryable, type Statement } from '../server/db/client.ts';
import { computeStats, type StatsQuery } from '../server/modules/stats/engine.ts';
import { chinaToday } from '../shared/time.ts';
import { BENCH_URL } from './generate.ts';
import { KPI } from './stats.ts';

const region = process.argv[2] ?? '';
const explainN = Number(process.argv[process.argv.indexOf('--explain') + 1] || 0) || 3;
const db = openPostgres(BENCH_URL, 2);
const addDays = (d: string, n: number) => new Date(Date.parse(d + 'T00:00:00Z') + n * 86400_000).toISOString().slice(0, 10);

interface Timed { ms: number; stmt: Statement; params?: unknown[] }
let log: Timed[] = [];
const timed: Queryable = {
  async query<T>(stmt: Statement, params?: unknown[]) {
    const t = process.hrtime.bigint();
    const r = await db.query<T>(stmt, params);
    log.push({ ms: Number(process.hrtime.bigint() - t) / 1e6, stmt, params });
    return r;
  },
  exec: (s: string) => db.exec(s),
};

try {
  const today = chinaToday();
  const from = addDays(today, -29);
  const calls: [string, StatsQuery][] = [
    ['cumulative', { region, indicators: [...KPI] }],
    ['30 days, compare', { region, from, to: today, compare: true, indicators: [...KPI] }],
    ['30 days, by=child', { region, from, to: today, by: 'child', indicators: [...KPI] }],
  ];
  for (const [name, q] of calls) {
    await computeStats(timed, { unitRegionCode: '' }, q); // warm-up
    log = [];
    const t = Date.now();
    await computeStats(timed, { unitRegionCode: '' }, q);
    const wall = Date.now() - t;
    const sorted = [...log].sort((a, b) => b.ms - a.ms);
    console.log(`\n== ${region || 'national'} ${name}: ${wall} ms wall, ${log.length} statements, ${log.reduce((s, x) => s + x.ms, 0).toFixed(0)} ms summed`);
    for (const s of sorted.slice(0, 8)) console.log(`  ${s.ms.toFixed(1).padStart(7)} ms  ${toQuery(s.stmt, s.params).text.replace(/\s+/g, ' ').slice(0, 150)}`);
    for (const s of sorted.slice(0, explainN)) {
      const { text, values } = toQuery(s.stmt, s.params);
      const plan = await db.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${text}`, values);
      console.log(`\n  -- EXPLAIN ANALYZE (${s.ms.toFixed(1)} ms in the call):\n${plan.map((p) => '  ' + p['QUERY PLAN']).join('\n')}`);
    }
  }
} finally {
  await db.close();
}
