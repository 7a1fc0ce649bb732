import type { Queryable } from '../db/client.ts';
import { SESSION_IDLE_MS } from '../modules/auth/auth.service.ts';

/** A public submission can be replayed with its Idempotency-Key for this long; then the key is deleted. */
export const IDEMPOTENCY_RETENTION_DAYS = 7;
/** A login throttle row untouched this long, and not locking now, counts nothing worth keeping. */
export const THROTTLE_RETENTION_HOURS = 24;

const count = async (q: Queryable, deletion: string, params: unknown[]) =>
  (await q.query<{ n: number }>(`with d as (${deletion} returning 1) select count(*)::int as n from d`, params))[0].n;

/** Deletes what is kept only for a while: old idempotency keys, ended sessions, stale throttle rows, counters of windows over. */
export async function sweepRetention(q: Queryable): Promise<{ idempotencyKeys: number; sessions: number; loginThrottle: number; rateCounters: number }> {
  return {
    idempotencyKeys: await count(q, `delete from idempotency_keys where created_at < now() - make_interval(days => $1)`, [IDEMPOTENCY_RETENTION_DAYS]),
    // Past the absolute lifetime or idle too long: either way auth refuses them (auth.service.ts).
    sessions: await count(q, `delete from sessions where expires_at <= now() or last_seen_at <= now() - make_interval(secs => $1)`, [SESSION_IDLE_MS / 1000]),
    loginThrottle: await count(
      q,
      `delete from login_throttle where updated_at < now() - make_interval(hours => $1) and (locked_until is null or locked_until <= now())`,
      [THROTTLE_RETENTION_HOURS],
    ),
    // Rate limits' and guess throttles' counts (shared-counters.ts) whose window is over.
    rateCounters: await count(q, `delete from rate_counters where reset_at <= now()`, []),
  };
}
