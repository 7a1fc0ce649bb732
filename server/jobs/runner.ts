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
 * Runs a job unless another process on the same PostgreSQL is running it now: the run holds a
 * transaction-level advisory lock, taken without waiting (null = skipped; the other run does the
 * work, and every job is idempotent, so a later run finds nothing left). The job itself runs on the
 * pool, outside the lock's transaction. PGlite has one process (the data directory is locked).
 */
export async function runExclusive<T>(db: Db, job: JobName, fn: () => Promise<T>): Promise<T | null> {
  // Counted and timed for /metrics: ran, skipped (another process holds it) or failed.
  let ran = false;
  const run = () => ((ran = true), timed(jobDuration, { job }, fn));
  try {
    const result = db.kind !== 'postgres'
      ? await run()
      : await db.tx(async (q) => {
          const [{ locked }] = await q.query<{ locked: boolean }>('select pg_try_advisory_xact_lock($1, $2) as locked', [LOCK_CLASS, JOB_LOCKS[job]]);
          return locked ? run() : null;
        });
    jobRuns.inc({ job, outcome: ran ? 'ran' : 'skipped' });
    return result;
  } catch (err) {
    jobRuns.inc({ job, outcome: 'failed' });
    throw err;
  }
}

/** Runs the periodic jobs in-process, one at a time; each run is idempotent. Returns a stop function. */
export function startJobs(db: Db, dataDir: string, log: FastifyBaseLogger, everyMs = 60_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const report = {
        deadlines: await runExclusive(db, 'deadlines', () => sweepDeadlines(db)),
        removedUploads: await runExclusive(db, 'uploads', () => removeStaleUploads(db, dataDir)),
        clusterNotices: await runExclusive(db, 'clusters', () => sweepClusters(db)),
        retention: await runExclusive(db, 'retention', () => sweepRetention(db)),
        // The statistics delta folded into the rollups (server/modules/stats/engine.ts).
        statsRows: await runExclusive(db, 'stats', () => compactRollups(db)),
        // Once a day: subjects whose serious hazards' deadlines passed are graded again (screening/grades.ts).
        gradesChanged: await runExclusive(db, 'grades', () => sweepGradeDeadlines(db)),
      };
      const d = report.deadlines;
      const r = report.retention;
      if (d?.overdue || d?.dueSoon || report.gradesChanged || report.removedUploads || report.clusterNotices || (r && Object.values(r).some(Boolean))) log.info(report, 'jobs');
    } catch (err) {
      log.error({ err }, 'job run failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, everyMs);
  void tick();
  return () => clearInterval(timer);
}
