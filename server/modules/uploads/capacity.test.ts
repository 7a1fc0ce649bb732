import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createTestApp, json, multipart, validTip, type TestApp } from '../../test/helpers.ts';
import { removeStaleUploads } from './uploads.service.ts';

/**
 * Issue 7, fault 4: anonymous uploads could fill the disk (and starve the embedded database) while
 * health said ok. Quotas for unattached files, in all and per client, a free-space reserve, and
 * health that reports disk pressure. The free-space probe is the app's; here it is set by the test.
 */
describe('upload quotas and disk pressure', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let free = 10_000_000;
  const KB = 1000;
  beforeAll(async () => {
    t = await createTestApp();
    app = await buildApp({
      db: t.db, keys: t.keys, dataDir: t.dataDir, publicRateLimit: 10_000,
      uploadLimits: { pendingBytes: 100 * KB, pendingPerClientBytes: 40 * KB, reserveBytes: 1000 * KB, freeBytes: async () => free },
    });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, 0x20)]);
  const upload = (client: string, size = 15 * KB) => app.inject({ method: 'POST', url: '/api/public/uploads', remoteAddress: client, ...multipart(pdf(size), 'a.pdf', 'application/pdf') });
  const files = () => readdirSync(join(t.dataDir, 'uploads')).length;
  const attach = async (ids: string[]) => expect((await app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ attachmentIds: ids }) })).statusCode).toBe(201);

  it('refuses a client over its share of unattached uploads (429), until its report attaches them', async () => {
    const a = '10.9.0.1';
    const ids = [json(await upload(a)).id, json(await upload(a)).id];
    const before = files();
    const over = await upload(a);
    expect(over.statusCode).toBe(429);
    expect(json(over).error.code).toBe('UPLOADS_CLIENT_FULL');
    expect(json(over).error.message).toContain('请先提交举报');
    expect(files()).toBe(before);
    // Another client is not held back by this one.
    expect((await upload('10.9.0.2')).statusCode).toBe(201);
    await attach(ids);
    expect((await upload(a)).statusCode).toBe(201);
  });

  it('refuses everyone once all unattached uploads reach the total quota (507), and attaching frees it', async () => {
    const ids: string[] = [];
    let res;
    for (let i = 3; i < 20; i++) {
      res = await upload(`10.9.0.${i}`);
      if (res.statusCode !== 201) break;
      ids.push(json(res).id);
    }
    expect(res!.statusCode).toBe(507);
    expect(json(res!).error.code).toBe('UPLOADS_FULL');
    const [{ total }] = await t.db.query<{ total: number }>('select sum(size_bytes)::int as total from uploads where tip_id is null');
    expect(total).toBeLessThanOrEqual(100 * KB);
    expect((await upload('10.9.1.1')).statusCode).toBe(507);
    await attach(ids.slice(0, 3));
    expect((await upload('10.9.1.1')).statusCode).toBe(201);
  });

  it('refuses uploads while free space is under the reserve, and health reports it (degraded, then 503 critical)', async () => {
    await t.db.query('update uploads set tip_id = (select min(id) from tips) where tip_id is null');
    expect(json(await app.inject({ method: 'GET', url: '/api/health' }))).toMatchObject({ status: 'ok', disk: { freeBytes: 10_000_000, reserveBytes: 1000 * KB } });
    free = 1000 * KB + 10 * KB;
    // This file would take the disk under the reserve.
    const low = await upload('10.9.2.1');
    expect(low.statusCode).toBe(507);
    expect(json(low).error.code).toBe('DISK_LOW');
    expect(json(low).error.message).toContain('存储空间不足');
    free = 600 * KB;
    let health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(json(health)).toMatchObject({ status: 'degraded', disk: { freeBytes: 600 * KB } });
    // Reports without files are still taken.
    expect((await app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip() })).statusCode).toBe(201);
    free = 200 * KB;
    health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(json(health).status).toBe('critical');
    free = 10_000_000;
    expect((await upload('10.9.2.1')).statusCode).toBe(201);
  });

  it('measures real free space when no probe is given', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(json(res).disk.freeBytes).toBeGreaterThan(0);
  });

  it('removes unattached uploads after six hours, not a day', async () => {
    const id = json(await upload('10.9.3.1')).id;
    const kept = json(await upload('10.9.3.2')).id;
    await t.db.query(`update uploads set created_at = now() - interval '7 hours' where id = $1`, [id]);
    await t.db.query(`update uploads set created_at = now() - interval '5 hours' where id = $1`, [kept]);
    await removeStaleUploads(t.db, t.dataDir);
    expect((await t.db.query<{ id: string }>('select id from uploads where id = any($1::uuid[])', [[id, kept]])).map((r) => r.id)).toEqual([kept]);
  });
});

describe('the total quota under parallel uploads', () => {
  it('never lets parallel uploads together pass the quota (each sees the others)', async () => {
    const t = await createTestApp();
    const KB = 1000;
    const app = await buildApp({
      db: t.db, keys: t.keys, dataDir: t.dataDir, publicRateLimit: 10_000,
      uploadLimits: { pendingBytes: 100 * KB, pendingPerClientBytes: 1000 * KB, reserveBytes: 0, freeBytes: async () => 1e12 },
    });
    try {
      const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(15 * KB - 9, 0x20)]);
      const results = await Promise.all(Array.from({ length: 16 }, (_, i) =>
        app.inject({ method: 'POST', url: '/api/public/uploads', remoteAddress: `10.8.0.${i}`, ...multipart(pdf, 'a.pdf', 'application/pdf') })));
      const [{ n, bytes }] = await t.db.query<{ n: number; bytes: number }>('select count(*)::int as n, coalesce(sum(size_bytes), 0)::int as bytes from uploads where tip_id is null');
      expect(bytes).toBeLessThanOrEqual(100 * KB);
      expect(n).toBe(6);
      expect(results.filter((r) => r.statusCode === 201)).toHaveLength(6);
      expect(results.filter((r) => r.statusCode === 507)).toHaveLength(10);
    } finally {
      await app.close();
      await t.close();
    }
  });
});

/**
 * A data directory that does not exist yet (a fresh install before its first upload; the browser
 * tests) made the default probe throw ENOENT: uploads and health answered 500 instead of a
 * refusal of a wrong file type or "ok".
 */
describe('the default free-space probe', () => {
  it('measures a data directory not created yet on the disk it will be created on', async () => {
    const t = await createTestApp();
    const app = await buildApp({ db: t.db, keys: t.keys, dataDir: join(t.dataDir, 'not-yet'), publicRateLimit: 10_000 });
    try {
      const h = await app.inject({ method: 'GET', url: '/api/health' });
      expect(h.statusCode).not.toBe(500);
      expect(json(h).disk.freeBytes).toBeGreaterThan(0);
      const up = await app.inject({ method: 'POST', url: '/api/public/uploads', ...multipart(Buffer.from('MZ this is not a photo at all'), 'virus.jpg', 'image/jpeg') });
      expect([up.statusCode, json(up).error.code]).toEqual([422, 'UPLOAD_TYPE_NOT_ALLOWED']);
    } finally {
      await app.close();
      await t.close();
    }
  });
});
