import type { Queryable } from '../../db/client.ts';
import { insertSubmittedTips, type NewTip } from './tips.repository.ts';

type Inserted = { id: number; received_at: Date } | null;

interface Pending {
  tip: NewTip;
  resolve: (r: Inserted) => void;
  reject: (e: unknown) => void;
}

const MAX_BATCH = 128;

/**
 * Group commit for public submissions: while one insert is in flight, the submissions that arrive
 * are queued and then written together in one statement (tips, their first events and audit rows),
 * one commit for all. A submission is acknowledged only after the statement that holds it has
 * committed, so nothing acknowledged can be lost; an idle server writes each tip at once, with no
 * added wait. Tracking-code collisions come back as null, as from a single insert.
 */
export class IntakeBatcher {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(private readonly q: Queryable) {}

  insert(tip: NewTip): Promise<Inserted> {
    return new Promise((resolve, reject) => {
      this.queue.push({ tip, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        const rows = await insertSubmittedTips(this.q, batch.map((p) => p.tip));
        const byCode = new Map(rows.map((r) => [r.tracking_code, r]));
        for (const p of batch) {
          const r = byCode.get(p.tip.trackingCode);
          p.resolve(r ? { id: r.id, received_at: r.received_at } : null);
        }
      } catch (err) {
        for (const p of batch) p.reject(err);
      }
    }
    this.flushing = false;
  }
}
