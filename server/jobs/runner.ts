import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.ts';
import { removeStaleUploads } from '../modules/uploads/uploads.service.ts';
import { sweepClusters, sweepDeadlines } from './deadlines.ts';
import { sweepRetention } from './retention.ts';
import { compactRollups } from '../modules/stats/engine.ts';
import { sweepGradeDeadlines } from '../modules/screening/grades.ts';
import { jobDuration, jobRuns, timed } from '../metrics.ts';

// Advisory lock keys (class, job). 7700001 is the migration lock (db/migrate.ts).
const LOCK_CLASS = 7701;
const JOB_LOCKS = { deadlines: 1, uploads: 2, clusters: 3, retention: 4, stats: 5, grades: 6 } as const;
export type JobName = keyof typeof JOB_LOCKS;

/**
 * Runs a job unless another process on the same PostgreSQL is running it now, or ran it less than
 * `minIntervalMs` ago: the run holds a transaction-level advisory lock, taken without waiting, and
 * reads and then writes the job's last start (job_state row `run:<job>`) in that transaction, so
 * processes whose timers tick in the same minute run each job once between them (null = skipped).
 * The job itself runs on the pool, outside the lock's transaction; every job is idempotent as well
 * (watermarks, notices' unique keys), so a run cut short is simply done again. PGlite has one
 * process (the data directory is locked).
 */
export async function runExclusive<T>(db: Db, job: JobName, fn: () => Promise<T>, minIntervalMs = 0): Promise<T | null> {
  // Counted and timed for /metrics: ran, skipped (another process holds it or ran it lately) or failed.
  let ran = false;
  const run = () => ((ran = true), timed(jobDuration, { job }, fn));
  try {
    const result = db.kind !== 'postgres'
      ? await run()
      : await db.tx(async (q) => {
          const [{ locked }] = await q.query<{ locked: boolean }>('select pg_try_advisory_xact_lock($1, $2) as locked', [LOCK_CLASS, JOB_LOCKS[job]]);
          if (!locked) return null;
          const [recent] = await q.query(
            `select 1 from job_state where name = $1 and watermark > now() - make_interval(secs => $2::float8 / 1000)`,
            [`run:${job}`, minIntervalMs],
          );
          if (recent) return null;
          const out = await run();
          await q.query(
            `insert into job_state (name, watermark) values ($1, now()) on conflict (name) do update set watermark = excluded.watermark, updated_at = now()`,
            [`run:${job}`],
          );
          return out;
        });
    jobRuns.inc({ job, outcome: ran ? 'ran' : 'skipped' });
    return result;
  } catch (err) {
    jobRuns.inc({ job, outcome: 'failed' });
    throw err;
  }
}

/**
 * Runs the periodic jobs in-process, one at a time; each run is idempotent. Returns a stop function
 * that resolves when the run under way (if any) has finished: a shutdown closes the pool only then.
 */
export function startJobs(db: Db, dataDir: string, log: FastifyBaseLogger, everyMs = 60_000): () => Promise<void> {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = run().finally(() => {
      running = null;
    });
  };
  // Another process's timer may tick a little later in the same interval: its run then is skipped.
  const gap = everyMs * 0.9;
  const run = async () => {
    try {
      const report = {
        deadlines: await runExclusive(db, 'deadlines', () => sweepDeadlines(db), gap),
        removedUploads: await runExclusive(db, 'uploads', () => removeStaleUploads(db, dataDir), gap),
        clusterNotices: await runExclusive(db, 'clusters', () => sweepClusters(db), gap),
        retention: await runExclusive(db, 'retention', () => sweepRetention(db), gap),
        // The statistics delta folded into the rollups (server/modules/stats/engine.ts).
        statsRows: await runExclusive(db, 'stats', () => compactRollups(db), gap),
        // Once a day: subjects whose serious hazards' deadlines passed are graded again (screening/grades.ts).
        gradesChanged: await runExclusive(db, 'grades', () => sweepGradeDeadlines(db), gap),
      };
      const d = report.deadlines;
      const r = report.retention;
      if (d?.overdue || d?.dueSoon || report.gradesChanged || report.removedUploads || report.clusterNotices || (r && Object.values(r).some(Boolean))) log.info(report, 'jobs');
    } catch (err) {
      log.error({ err }, 'job run failed');
    }
  };
  const timer = setInterval(tick, everyMs);
  tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
