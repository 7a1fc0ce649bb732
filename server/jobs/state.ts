import type { Queryable } from '../db/client.ts';

/**
 * How far before its last run a sweep looks again: a row written by a transaction that started
 * before the last run but committed after it carries an older timestamp. Notices deduplicate the overlap.
 */
const SLACK_MS = 5 * 60_000;

/**
 * When the job last ran by the database's clock (null the first time), where this run should start
 * looking (`since`, null = everything) and now.
 */
export async function lastRun(q: Queryable, job: string): Promise<{ last: Date | null; since: Date | null; now: Date }> {
  const [row] = await q.query<{ last: Date | null; now: Date }>(
    'select (select watermark from job_state where name = $1) as last, now() as now',
    [job],
  );
  return { ...row, since: row.last && new Date(row.last.getTime() - SLACK_MS) };
}

/** Records that the job has seen everything up to `at` (the `now` its run started with). */
export async function recordRun(q: Queryable, job: string, at: Date): Promise<void> {
  await q.query(
    `insert into job_state (name, watermark) values ($1, $2)
     on conflict (name) do update set watermark = excluded.watermark, updated_at = now()`,
    [job, at],
  );
}
