/**
 * bench/grades: the grade distribution (红橙黄绿) of a province from the stored grades (issue 13
 * item 7; migration 0034), on PostgreSQL.
 *
 *   npm run bench:grades                                  1,000,000 subjects in 山东省 (the target's size)
 *   npm run bench:grades -- --subjects 50000              a smaller run
 *   BENCH_DATABASE_URL=postgres://…/other npm run bench:grades
 *   npm run bench:grades -- --regenerate                  drop the database and start again
 *
 * The database (default shouhu_bench_grades on 127.0.0.1:5432, its own, so bench/generate's data set
 * is never touched) is created if missing and migrated with the app's migrate code. Subjects are
 * added with generate_series until the province holds N of them, spread over its counties, with a
 * stored grade each (3 % red, 7 % orange, 15 % yellow, 50 % green, the rest not yet graded — the
 * grades are synthetic: this measures the read path, which does not care how they were computed),
 * and the per-region counts (subject_grade_counts) rebuilt as migration 0034 builds them.
 * Then, through the real repository functions and the jurisdiction module, it times gradeCounts for
 * the province and one county, and the registry's first page filtered to red, BENCH_SAMPLES times each
 * (default 20), checks the counts against a direct GROUP BY over subjects, and prints the plan.
 *
 * Target: the province's distribution p95 < 200 ms at 1,000,000 subjects.
 */
import { openPostgres, type Db } from '../server/db/client.ts';
import { gradeCounts, subjectPage } from '../server/modules/screening/screening.repository.ts';
import { jurisdictionSql } from '../server/modules/access/jurisdiction.ts';
import { sql } from '../server/db/client.ts';
import { ensureDatabase } from './generate.ts';
import { bulkClient, log, prepareBase, secs } from './bulk.ts';

const URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/shouhu_bench_grades';
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 20);
const TARGET_MS = 200;
const PROVINCE = '37';
const NAME = '基准主体';
const CHUNK = 200_000;

function parseArgs(argv: string[]) {
  const i = argv.indexOf('--subjects');
  const subjects = i >= 0 ? Number(argv[i + 1]) : 1_000_000;
  if (!Number.isInteger(subjects) || subjects < 1) throw new Error('--subjects: a positive whole number');
  return { subjects, regenerate: argv.includes('--regenerate') };
}

const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * q) - 1)];

async function fill(db: Db, n: number): Promise<void> {
  const [{ have }] = await db.query<{ have: number }>(sql`select count(*)::int as have from subjects where name like ${NAME + '%'}`);
  if (have >= n) return log(`${have} bench subjects already there`);
  const counties = (await db.query<{ code: string }>(sql`select code from regions where code like ${PROVINCE + '%'} and length(code) = 6 order by code`)).map((r) => r.code);
  const { c, q } = await bulkClient(URL);
  try {
    // Triggers are off for the load (bulkClient): the grade rows are written here, as the trigger would.
    for (let from = have + 1; from <= n; from += CHUNK) {
      const to = Math.min(n, from + CHUNK - 1);
      await q(`insert into subjects (region_code, kind, name, normalized_name)
               select ($3::text[])[1 + (g % cardinality($3::text[]))], 'other', $4 || g, $4 || g from generate_series($1::int, $2::int) g`,
      [from, to, counties, NAME]);
      await q(`insert into subject_grades (subject_id, region_code, grade, computed, reasons)
               select s.id, s.region_code, x.grade, x.grade, '[]'::jsonb
               from subjects s cross join lateral (select case when h < 3 then 'red' when h < 10 then 'orange' when h < 25 then 'yellow' when h < 75 then 'green' end as grade
                                                   from (select abs(hashint8(s.id)) % 100 as h) z) x
               where s.name like $1 and s.id > coalesce((select max(subject_id) from subject_grades), 0)
               on conflict (subject_id) do nothing`, [NAME + '%']);
    }
    // The distribution by region and grade, as the migration builds it (its triggers were off for the load).
    await q('delete from subject_grade_counts');
    await q(`insert into subject_grade_counts (region_code, grade, n)
             select region_code, coalesce(grade, 'none'), count(*) from subject_grades where not merged group by 1, 2`);
    await q('vacuum analyze subjects');
    await q('vacuum analyze subject_grades');
  } finally {
    await c.end();
  }
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number[]; last: T }> {
  const ms: number[] = [];
  let last!: T;
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now();
    last = await fn();
    ms.push(performance.now() - t);
  }
  return { ms, last };
}

const { subjects, regenerate } = parseArgs(process.argv.slice(2));
await ensureDatabase(URL, regenerate);
const db = openPostgres(URL, 2);
try {
  const t0 = Date.now();
  await prepareBase(db, 'Bench-Passw0rd!');
  await fill(db, subjects);
  log(`ready in ${secs(t0)}`);
  const province = { unitRegionCode: PROVINCE };
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from subjects s where ${jurisdictionSql(province, 's.region_code')} and s.merged_into is null`);

  // The reference: the same distribution straight from subjects joined to their grades.
  const direct: Record<string, number> = { red: 0, orange: 0, yellow: 0, green: 0, none: 0 };
  for (const r of await db.query<{ grade: string | null; n: number }>(
    sql`select g.grade, count(*)::int as n from subjects s left join subject_grades g on g.subject_id = s.id
        where ${jurisdictionSql(province, 's.region_code')} and s.merged_into is null group by g.grade`,
  )) direct[r.grade ?? 'none'] = r.n;

  const prov = await time(() => gradeCounts(db, province));
  const county = await time(() => gradeCounts(db, { unitRegionCode: '370681' }));
  const red = await time(() => subjectPage(db, province, { grade: 'red', page: 1, pageSize: 50 }));
  const plan = await db.query<{ 'QUERY PLAN': string }>(
    sql`explain select c.grade, sum(c.n)::int as n from subject_grade_counts c where ${jurisdictionSql(province, 'c.region_code')} group by c.grade`,
  );

  const same = JSON.stringify(prov.last) === JSON.stringify(direct);
  const row = (what: string, ms: number[]) => `${what.padEnd(34)} p50 ${p(ms, 0.5).toFixed(1).padStart(7)} ms   p95 ${p(ms, 0.95).toFixed(1).padStart(7)} ms`;
  console.log(`\n${total.toLocaleString('en')} subjects in 山东省 (${subjects.toLocaleString('en')} of them the bench's), ${SAMPLES} samples each`);
  console.log(row('gradeCounts, province (37)', prov.ms));
  console.log(row('gradeCounts, county (370681)', county.ms));
  console.log(row('registry page, province, grade=red', red.ms) + `   total ${red.last.total}`);
  console.log(`distribution ${JSON.stringify(prov.last)} ${same ? '= the direct count' : `≠ the direct count ${JSON.stringify(direct)}`}`);
  console.log(`plan:\n  ${plan.map((r) => r['QUERY PLAN']).join('\n  ')}`);
  const ok = same && p(prov.ms, 0.95) < TARGET_MS;
  console.log(`\n${ok ? 'PASS' : 'FAIL'}: province p95 ${p(prov.ms, 0.95).toFixed(1)} ms (target < ${TARGET_MS} ms${subjects < 1_000_000 ? ', set at 1,000,000 subjects' : ''})`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await db.close();
}
