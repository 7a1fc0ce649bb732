import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { openPostgres, type Db } from './db/client.ts';
import { runExclusive } from './jobs/runner.ts';
import { sweepDeadlines } from './jobs/deadlines.ts';
import { ORPHAN_GRACE_MS, removeOrphanFiles } from './modules/uploads/uploads.service.ts';
import { createTestApp, inDays, json, multipart, validTip, type TestApp } from './test/helpers.ts';

/**
 * Issue 15 item 1: several server processes on one PostgreSQL behave as one. A "process" here is an
 * app with its own pool (and its own Redis connection) on the same database and DATA_DIR — what a
 * second `npm start` has in common with the first. On PGlite there is one process (the data
 * directory is locked), and each limit is checked on the one app.
 */
describe('several processes, one system', () => {
  let t: TestApp;
  let otherDb: Db | null = null;
  const apps: FastifyInstance[] = [];
  const redises: Redis[] = [];
  const LIMIT = 3;
  const KB = 1000;
  const uploadLimits = { pendingBytes: 10_000 * KB, pendingPerClientBytes: 40 * KB, reserveBytes: 0, freeBytes: async () => 1e12 };

  beforeAll(async () => {
    t = await createTestApp();
    if (t.db.kind === 'postgres') otherDb = openPostgres(t.databaseUrl!, 3);
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    for (const r of redises) r.disconnect();
    await otherDb?.close();
    await t.close();
  });

  /** Two processes' apps (one on PGlite) with a public limit of LIMIT a minute; `redis` gives each its own connection. */
  async function twoApps(redis?: string): Promise<FastifyInstance[]> {
    const made = [];
    for (const db of otherDb ? [t.db, otherDb] : [t.db]) {
      const r = redis ? new Redis(redis, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 }) : undefined;
      if (r) {
        await r.connect();
        redises.push(r);
      }
      made.push(await buildApp({ db, keys: t.keys, dataDir: t.dataDir, publicRateLimit: LIMIT, loginRateLimit: 10_000, redis: r, uploadLimits }));
    }
    apps.push(...made);
    return made;
  }

  /** LIMIT submissions from one address, alternating between the apps, all pass; the next is refused in Chinese. */
  async function limitHoldsAcross(pair: FastifyInstance[], address: string) {
    const submit = (i: number) => pair[i % pair.length].inject({ method: 'POST', url: '/api/public/tips', remoteAddress: address, payload: validTip() });
    const codes = [];
    for (let i = 0; i < LIMIT; i++) codes.push((await submit(i)).statusCode);
    expect(codes).toEqual(Array(LIMIT).fill(201));
    for (const i of [LIMIT, LIMIT + 1]) {
      const refused = await submit(i);
      expect(refused.statusCode).toBe(429);
      expect(json(refused).error.code).toBe('TOO_MANY_REQUESTS');
      expect(json(refused).error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    // Another address has its own count.
    expect((await submit(1)).statusCode).toBe(429);
    expect((await pair[pair.length - 1].inject({ method: 'POST', url: '/api/public/tips', remoteAddress: `${address}9`, payload: validTip() })).statusCode).toBe(201);
  }

  it('allows N submissions a minute in all across processes (the database counts them without Redis)', async () => {
    const pair = await twoApps();
    expect(pair[0].deps.counters.kind).toBe(t.db.kind === 'postgres' ? 'postgres' : 'memory');
    await limitHoldsAcross(pair, '10.15.0.1');
    if (t.db.kind === 'postgres') {
      // Counted under a route key and a keyed hash of the address: no address in the table.
      const rows = await t.db.query<{ key: string; hits: number }>(`select key, hits from rate_counters where key like 'rl:POST/api/public/tips:%'`);
      expect(rows.map((r) => r.hits).sort()).toEqual([1, LIMIT + 3]);
      expect(rows.some((r) => r.key.includes('10.15.0.1'))).toBe(false);
    }
  });

  it('allows N in all across processes when the limits count in Redis (REDIS_URL)', async () => {
    const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const probe = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    const up = await probe.connect().then(() => true, () => false);
    probe.disconnect();
    // Redis is part of the CI machine; a developer's laptop may not have it.
    if (!up && !process.env.CI) return void console.warn(`Redis not reachable at ${url}: the Redis case was not run`);
    expect(up).toBe(true);
    const pair = await twoApps(url);
    expect(pair[0].deps.counters.kind).toBe('redis');
    await limitHoldsAcross(pair, '10.15.1.1');
    // Wrong tracking code/key pairs count in Redis too: 10 for one code from one client across both
    // processes, then that client is refused on it (the throttles of tips.public.routes.ts).
    const lookup = (i: number) => pair[i % pair.length].inject({
      method: 'POST', url: '/api/public/tips/status', remoteAddress: '10.15.1.2', payload: { trackingCode: '000000000001', accessKey: '1234567890123456' },
    });
    const codes = [];
    for (let i = 0; i < 11; i++) codes.push((await lookup(i)).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 404)).toBe(true);
    expect(codes[10]).toBe(429);
  });

  it('throttles guesses of an access key across processes without Redis', async () => {
    const pair = apps.slice(0, otherDb ? 2 : 1);
    const lookup = (i: number) => pair[i % pair.length].inject({
      method: 'POST', url: '/api/public/tips/status', remoteAddress: '10.15.2.1', payload: { trackingCode: '000000000002', accessKey: '1234567890123456' },
    });
    const codes = [];
    for (let i = 0; i < 11; i++) codes.push((await lookup(i)).statusCode);
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(codes[10]).toBe(429);
  });

  it("counts a client's unattached uploads in the database, whichever process took them; attaching clears whose they were", async () => {
    const pair = apps.slice(0, otherDb ? 2 : 1);
    const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, 0x20)]);
    const upload = (i: number) => pair[i % pair.length].inject({ method: 'POST', url: '/api/public/uploads', remoteAddress: '10.15.3.1', ...multipart(pdf(15 * KB), 'a.pdf', 'application/pdf') });
    const ids = [json(await upload(0)).id, json(await upload(1)).id];
    const over = await upload(2);
    expect(over.statusCode).toBe(429);
    expect(json(over).error.code).toBe('UPLOADS_CLIENT_FULL');
    const res = await pair[pair.length - 1].inject({ method: 'POST', url: '/api/public/tips', remoteAddress: '10.15.3.2', payload: validTip({ attachmentIds: ids }) });
    expect(res.statusCode).toBe(201);
    const rows = await t.db.query<{ pending_client: string | null; tip_id: number | null }>('select pending_client, tip_id from uploads where id = any($1::uuid[])', [ids]);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.tip_id !== null && r.pending_client === null)).toBe(true);
    expect((await upload(3)).statusCode).toBe(201);
  });

  it('never sweeps away a file another process has just written (its row not yet committed); old orphans go', async () => {
    const dir = join(t.dataDir, 'uploads');
    mkdirSync(dir, { recursive: true });
    // Another process wrote this a moment ago and is about to insert its row.
    writeFileSync(join(dir, 'fresh0000000000000000000000000000'), 'x');
    // Left by a crash two hours ago.
    writeFileSync(join(dir, 'stale0000000000000000000000000000'), 'x');
    const old = new Date(Date.now() - 2 * 3600_000);
    utimesSync(join(dir, 'stale0000000000000000000000000000'), old, old);
    // A stored upload, old too: its row names it.
    const [{ storage_name: kept }] = await t.db.query<{ storage_name: string }>('select storage_name from uploads limit 1');
    utimesSync(join(dir, kept), old, old);

    expect(await removeOrphanFiles(t.db, t.dataDir, ORPHAN_GRACE_MS)).toBe(1);
    expect(existsSync(join(dir, 'fresh0000000000000000000000000000'))).toBe(true);
    expect(existsSync(join(dir, 'stale0000000000000000000000000000'))).toBe(false);
    expect(existsSync(join(dir, kept))).toBe(true);
    const files = readdirSync(dir).length;
    expect(await removeOrphanFiles(t.db, t.dataDir, ORPHAN_GRACE_MS)).toBe(0);
    expect(readdirSync(dir)).toHaveLength(files);
  });

  it('runs the deadline sweep once per interval across processes, and tells the office of an overdue tip once', async () => {
    const sub = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip() }));
    const [{ id }] = await t.db.query<{ id: number }>('select id from tips where tracking_code = $1', [sub.trackingCode]);
    const cookie = await t.login('lk_intake');
    await t.app.inject({ method: 'POST', url: `/api/tips/${id}/actions`, headers: { cookie }, payload: { action: 'accept' } });
    const dispatched = await t.app.inject({
      method: 'POST', url: `/api/tips/${id}/actions`, headers: { cookie },
      payload: { action: 'dispatch', leadUnitId: t.world.units.get('370681:police'), deadline: inDays(3), instructions: '请核查' },
    });
    expect(dispatched.statusCode).toBe(200);
    await t.db.query(`update tips set deadline_at = now() - interval '1 hour' where id = $1`, [id]);
    await t.db.query(`update tip_assignments set deadline_at = now() - interval '1 hour' where tip_id = $1`, [id]);
    const notices = async () =>
      (await t.db.query<{ n: number }>(`select count(*)::int as n from notifications where kind = 'overdue' and tip_id = $1`, [id]))[0].n;
    const offices = (await t.db.query<{ n: number }>(
      `select count(*)::int as n from users u join tips t on t.lead_dispatcher_unit_id = u.unit_id where t.id = $1 and u.roles && '{office_lead}' and not u.disabled`, [id],
    ))[0].n;
    expect(offices).toBeGreaterThan(0);

    // Two processes' timers tick in the same minute (startJobs passes 90% of its interval).
    const tick = (db: Db) => runExclusive(db, 'deadlines', () => sweepDeadlines(db), 54_000);
    const dbs = otherDb ? [t.db, otherDb] : [t.db];
    const runs = await Promise.all(dbs.map(tick));
    expect(runs.filter((r) => r !== null)).toHaveLength(1);
    expect(runs.find((r) => r !== null)!.overdue).toBe(offices);
    expect(await notices()).toBe(offices);
    if (otherDb) {
      // The other process, a few seconds later in the same minute: the job already ran, so it is skipped.
      expect(await tick(otherDb)).toBeNull();
      expect(await tick(t.db)).toBeNull();
      // Even sweeps that race past the lock (it was released between them) send nothing twice: the notices' unique key.
      const raced = await Promise.all([sweepDeadlines(t.db), sweepDeadlines(otherDb)]);
      expect(raced.map((r) => r.overdue)).toEqual([0, 0]);
    }
    // The next interval runs again and finds nothing new.
    expect(await runExclusive(t.db, 'deadlines', () => sweepDeadlines(t.db), 0)).toEqual({ overdue: 0, dueSoon: 0 });
    expect(await notices()).toBe(offices);
  });
});
