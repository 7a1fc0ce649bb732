import type { Queryable } from '../../db/client.ts';
import { insertSubmittedTips, type NewTip, type SubmitOutcome } from './tips.repository.ts';
import { intakeBatchSize } from '../../metrics.ts';

export interface Inserted {
  id: number | null;
  outcome: SubmitOutcome;
}

interface Pending {
  tip: NewTip;
  resolve: (r: Inserted) => void;
  reject: (e: unknown) => void;
}

const MAX_BATCH = 128;

/** An error the database reported for the statement (it has a SQLSTATE): the statement wrote nothing. */
const refusedByDatabase = (err: unknown) => typeof (err as { code?: unknown })?.code === 'string' && /^[0-9A-Z]{5}$/.test((err as { code: string }).code);

/**
 * Group commit for public submissions: while one insert is in flight, the submissions that arrive
 * are queued and then written together in one statement (tips, their first events, audit rows,
 * attachments and Idempotency-Key rows), one commit for all. A submission is acknowledged only after
 * the statement that holds it has committed, so nothing acknowledged can be lost; an idle server
 * writes each tip at once, with no added wait.
 *
 * One bad row must not fail its neighbours: when the database refuses a batch, each member is
 * written again on its own (concurrently), so only the row at fault gets the error. A batch whose
 * outcome is unknown (the connection broke, no SQLSTATE) is not retried — it may have committed.
 */
export class IntakeBatcher {
  private queue: Pending[] = [];
  private flushing = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly q: Queryable) {}

  insert(tip: NewTip): Promise<Inserted> {
    return new Promise((resolve, reject) => {
      this.queue.push({ tip, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  /** Resolves once nothing is queued or being written (a shutdown waits for the current group commit). */
  idle(): Promise<void> {
    if (!this.flushing && !this.queue.length) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async write(batch: Pending[]): Promise<void> {
    const rows = await insertSubmittedTips(this.q, batch.map((p) => p.tip));
    batch.forEach((p, i) => p.resolve({ id: rows[i].id, outcome: rows[i].outcome }));
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH);
      intakeBatchSize.observe(batch.length);
      try {
        await this.write(batch);
      } catch (err) {
        if (batch.length > 1 && refusedByDatabase(err)) {
          await Promise.all(batch.map((p) => this.write([p]).catch(p.reject)));
        } else {
          for (const p of batch) p.reject(err);
        }
      }
    }
    this.flushing = false;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
