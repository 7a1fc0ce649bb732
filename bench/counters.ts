// One hit of each limit store (shared-counters.ts) — what a rate-limited request pays for a limit
// shared by all processes. Usage: DATABASE_URL=postgres://… [REDIS_URL=redis://…] npx tsx bench/counters.ts
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { openPostgres } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { MemoryCounters, PostgresCounters, RedisCounters, type Counters } from '../server/plugins/shared-counters.ts';

const N = 5000;
const CONCURRENCY = 32;

async function measure(c: Counters): Promise<string> {
  const keys = Array.from({ length: 500 }, () => randomBytes(16).toString('hex'));
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < N) await c.hit(`bench:${keys[next++ % keys.length]}`, 60_000);
  }));
  const ms = performance.now() - t0;
  return `${c.kind.padEnd(8)} ${Math.round(N / (ms / 1000))} hits/s (${N} hits, ${CONCURRENCY} at a time, 500 keys)`;
}

const db = openPostgres(process.env.DATABASE_URL!, CONCURRENCY);
await migrate(db);
console.log(await measure(new MemoryCounters()));
console.log(await measure(new PostgresCounters(db)));
await db.query(`delete from rate_counters where key like 'bench:%'`);
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
console.log(await measure(new RedisCounters(redis, 'shouhu-bench:')));
redis.disconnect();
await db.close();
