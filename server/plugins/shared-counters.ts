import type { Redis } from 'ioredis';
import type { Db } from '../db/client.ts';

/**
 * Hits counted per key in a fixed window that starts with the key's first hit — the rate limits'
 * and the guess throttles' one primitive. Where the count lives decides whether a limit holds for
 * one process or for all of them: Redis (REDIS_URL), else the database on PostgreSQL (several
 * processes may share it), else memory (PGlite: one process owns the data directory).
 * Keys are keyed hashes with a prefix naming the limit, never an address or a code.
 */
export interface Counters {
  readonly kind: 'memory' | 'postgres' | 'redis';
  /** Counts one hit; returns the hits in the key's current window and the milliseconds it has left. */
  hit(key: string, windowMs: number): Promise<{ hits: number; ttlMs: number }>;
  /** The hits in the key's current window (0 when none or over). */
  peek(key: string): Promise<number>;
}

const MAX_KEYS = 100_000;

/** One process's own counts (bounded: expired keys go first, then the oldest). */
export class MemoryCounters implements Counters {
  readonly kind = 'memory';
  private readonly counts = new Map<string, { hits: number; resetAt: number }>();

  async hit(key: string, windowMs: number, now = Date.now()) {
    let c = this.counts.get(key);
    if (!c || c.resetAt <= now) {
      c = { hits: 0, resetAt: now + windowMs };
      this.counts.delete(key);
      this.counts.set(key, c);
    }
    c.hits++;
    if (this.counts.size > MAX_KEYS) {
      for (const [k, v] of this.counts) if (v.resetAt <= now) this.counts.delete(k);
      for (const k of this.counts.keys()) {
        if (this.counts.size <= MAX_KEYS * 0.9) break;
        this.counts.delete(k);
      }
    }
    return { hits: c.hits, ttlMs: c.resetAt - now };
  }

  async peek(key: string, now = Date.now()) {
    const c = this.counts.get(key);
    return c && c.resetAt > now ? c.hits : 0;
  }
}

/** Counts in the unlogged table rate_counters (migration 0036), one upsert a hit; the retention job deletes expired rows. */
export class PostgresCounters implements Counters {
  readonly kind = 'postgres';
  constructor(private readonly db: Db) {}

  async hit(key: string, windowMs: number) {
    const [r] = await this.db.query<{ hits: number; ttl_ms: number }>(
      `insert into rate_counters as c (key, hits, reset_at) values ($1, 1, clock_timestamp() + make_interval(secs => $2::float8 / 1000))
       on conflict (key) do update set
         hits = case when c.reset_at <= clock_timestamp() then 1 else c.hits + 1 end,
         reset_at = case when c.reset_at <= clock_timestamp() then excluded.reset_at else c.reset_at end
       returning hits, greatest(0, ceil(extract(epoch from reset_at - clock_timestamp()) * 1000))::int8 as ttl_ms`,
      [key, windowMs],
    );
    return { hits: r.hits, ttlMs: Number(r.ttl_ms) };
  }

  async peek(key: string) {
    const [r] = await this.db.query<{ hits: number }>('select hits from rate_counters where key = $1 and reset_at > clock_timestamp()', [key]);
    return r?.hits ?? 0;
  }
}

// INCR and set the window on the first hit, atomically (the same rule as @fastify/rate-limit's RedisStore).
const HIT_LUA = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}`;

/** Counts in Redis, keys expiring with their window. */
export class RedisCounters implements Counters {
  readonly kind = 'redis';
  constructor(private readonly redis: Redis, private readonly prefix = 'shouhu:count:') {}

  async hit(key: string, windowMs: number) {
    const [hits, ttlMs] = (await this.redis.eval(HIT_LUA, 1, this.prefix + key, windowMs)) as [number, number];
    return { hits, ttlMs };
  }

  async peek(key: string) {
    return Number((await this.redis.get(this.prefix + key)) ?? 0);
  }
}

/** The counters for this process: Redis when given, else the database on PostgreSQL, else memory. */
export const sharedCounters = (db: Db, redis?: Redis): Counters =>
  redis ? new RedisCounters(redis) : db.kind === 'postgres' ? new PostgresCounters(db) : new MemoryCounters();

type IncrCallback = (err: Error | null, res?: { current: number; ttl: number }) => void;

/**
 * A store for @fastify/rate-limit over Counters (the plugin instantiates it; each route's limit gets
 * a child keyed by its method and URL, as the plugin's own stores do).
 */
export function rateLimitStore(counters: Counters) {
  return class CountersStore {
    constructor(_options?: unknown, private readonly prefix = 'rl:') {}
    // The plugin passes the route's window (in ms) after the callback; its typings leave it out.
    incr(key: string, cb: IncrCallback, timeWindow = 60_000) {
      counters.hit(this.prefix + key, timeWindow).then((r) => cb(null, { current: r.hits, ttl: r.ttlMs }), (err: Error) => cb(err));
    }
    // The plugin hands over the route's merged limit options with the route as routeInfo.
    child(routeOptions: object) {
      const { routeInfo } = routeOptions as { routeInfo: { method?: string | string[]; url?: string } };
      return new CountersStore(undefined, `rl:${[routeInfo.method].flat().join(',')}${routeInfo.url ?? ''}:`);
    }
  };
}
