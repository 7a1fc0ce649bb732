import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.ts';
import { removeStaleUploads } from '../modules/uploads/uploads.service.ts';
import { sweepClusters, sweepDeadlines } from './deadlines.ts';

/** Runs the periodic jobs in-process, one at a time; each run is idempotent. Returns a stop function. */
export function startJobs(db: Db, dataDir: string, log: FastifyBaseLogger, everyMs = 60_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const d = await sweepDeadlines(db);
      const removed = await removeStaleUploads(db, dataDir);
      const clusters = await sweepClusters(db);
      if (d.overdue || d.dueSoon || removed || clusters) log.info({ ...d, removedUploads: removed, clusterNotices: clusters }, 'jobs');
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
