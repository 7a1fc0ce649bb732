import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { buildApp } from '../app.ts';
import { deriveKeys } from '../crypto.ts';
import { openPglite, type Db } from '../db/client.ts';
import { seedDemoTips } from '../db/seed/seed.ts';
import { seedDemoCases } from '../db/seed/demo-cases.ts';
import { createTestApp, json, multipart, openTestDb, photoWithLocation, TEST_PASSWORD, validTip, type TestApp } from '../test/helpers.ts';
import { readAttachment } from '../modules/uploads/uploads.service.ts';
import { BackupError, restoreBackup, writeBackup } from './backup.ts';

const PHOTO = await photoWithLocation('png');

async function backupToBuffer(t: TestApp) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const summary = await writeBackup(t.db, t.keys, t.dataDir, out);
  return { summary, file: Buffer.concat(chunks) };
}

/** Every row of a table as PostgreSQL renders it, in key order: equal text means equal data. */
const rowsOf = (db: Db, table: string, order: string) =>
  db.query<{ r: string }>(`select row_to_json(x)::text as r from ${table} x order by ${order}`).then((rs) => rs.map((r) => r.r));
const countOf = async (db: Db, table: string) => (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;

describe('backup and restore (security.md §18)', () => {
  let t: TestApp;
  let file: Buffer;
  let summary: Awaited<ReturnType<typeof writeBackup>>;
  let tracking: { trackingCode: string; accessKey: string };
  const tmp = () => mkdtempSync(join(inject('tmpRoot'), 'restore-'));

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoTips(t.db, t.keys, t.world);
    // Cases with corrections: a self-reference (case_figures.corrects_id) in an append-only table.
    await seedDemoCases(t.db, t.world);
    const up = await t.app.inject({ method: 'POST', url: '/api/public/uploads', ...multipart(PHOTO, 'photo.png', 'image/png') });
    const res = await t.app.inject({
      method: 'POST', url: '/api/public/tips',
      payload: validTip({ attachmentIds: [json(up).id], reporter: { anonymous: false, name: '李桂兰', phone: '13912345678' } }),
    });
    tracking = json(res);
    ({ summary, file } = await backupToBuffer(t));
  }, 120_000);
  afterAll(() => t.close());

  it('writes every table and every evidence file, and never the secret or a plaintext identity', () => {
    expect(summary.tables.tips).toBeGreaterThanOrEqual(300);
    expect(summary.tables.audit_log).toBeGreaterThan(300);
    expect(summary.tables.regions).toBeGreaterThan(40_000);
    expect(summary.tables.sessions).toBeUndefined();
    expect(summary.files).toBe(1);
    expect(summary.missingFiles).toEqual([]);
    const all = gunzipSync(file).toString('utf8');
    expect(all).not.toContain('13912345678');
    expect(all).not.toContain('李桂兰');
    expect(all).not.toContain(tracking.accessKey);
    expect(all).toContain(tracking.trackingCode);
  });

  it('restores into an empty database: the same rows, a working portal key, identity, evidence and new ids', async () => {
    const target = await openTestDb();
    const dataDir = tmp();
    try {
      const restored = await restoreBackup(target.db, t.keys, dataDir, Readable.from(file));
      expect(restored.tables).toEqual(summary.tables);
      for (const table of Object.keys(summary.tables)) expect(await countOf(target.db, table), table).toBe(await countOf(t.db, table));
      // The audit trail and the tips are identical row for row, encrypted fields included.
      expect(await rowsOf(target.db, 'audit_log', 'id')).toEqual(await rowsOf(t.db, 'audit_log', 'id'));
      expect(await rowsOf(target.db, 'tips', 'id')).toEqual(await rowsOf(t.db, 'tips', 'id'));
      expect(await rowsOf(target.db, 'tip_assignments', 'id')).toEqual(await rowsOf(t.db, 'tip_assignments', 'id'));
      // Stored grades come back as they were (the row a subject's trigger made is replaced), and the per-region
      // counters, not in the file, are rebuilt by the triggers to the same numbers.
      expect(await rowsOf(target.db, 'subject_grades', 'subject_id')).toEqual(await rowsOf(t.db, 'subject_grades', 'subject_id'));
      const counters = (db: typeof t.db) => db.query('select region_code, grade, n from subject_grade_counts where n <> 0 order by region_code, grade');
      expect((await counters(t.db)).length).toBeGreaterThan(0);
      expect(await counters(target.db)).toEqual(await counters(t.db));
      const merged = await target.db.query('select 1 from tips where merged_into_id is not null');
      expect(merged.length).toBeGreaterThan(0); // the self-reference pass has work to do
      expect(merged.length).toBe((await t.db.query('select 1 from tips where merged_into_id is not null')).length);
      const corrections = await rowsOf(target.db, 'case_figures', 'id');
      expect(corrections.filter((r) => !r.includes('"corrects_id":null')).length).toBeGreaterThan(0);
      expect(corrections).toEqual(await rowsOf(t.db, 'case_figures', 'id'));

      const app = await buildApp({ db: target.db, keys: t.keys, dataDir, publicRateLimit: 10_000, loginRateLimit: 10_000 });
      try {
        const status = await app.inject({ method: 'POST', url: '/api/public/tips/status', payload: { trackingCode: tracking.trackingCode, accessKey: tracking.accessKey } });
        expect(status.statusCode).toBe(200);
        expect(json(status).status).toBe('submitted');
        const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lk_lead', password: TEST_PASSWORD } });
        expect(login.statusCode).toBe(200);
        const cookie = `shouhu_session=${login.cookies.find((c) => c.name === 'shouhu_session')!.value}`;
        const [{ id, upload }] = await target.db.query<{ id: number; upload: string }>(
          'select t.id, u.id as upload from tips t join uploads u on u.tip_id = t.id',
        );
        const who = await app.inject({ method: 'POST', url: `/api/tips/${id}/reporter-identity`, headers: { cookie }, payload: { reason: '恢复后核对' } });
        expect(json(who)).toMatchObject({ name: '李桂兰', phone: '13912345678' });
        const photo = await app.inject({ method: 'GET', url: `/api/tips/${id}/attachments/${upload}`, headers: { cookie } });
        expect(photo.statusCode).toBe(200);
        expect((await readAttachment(target.db, t.keys, dataDir, { tipId: id }, upload)).data.equals(PHOTO)).toBe(true);
        // Identity sequences continue after the restored ids.
        const fresh = await app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip() });
        expect(fresh.statusCode).toBe(201);
        const [{ max }] = await t.db.query<{ max: number }>('select max(id)::int as max from tips');
        const [{ newest }] = await target.db.query<{ newest: number }>('select max(id)::int as newest from tips');
        expect(newest).toBe(max + 1);
      } finally {
        await app.close();
      }

      // A second restore into the now-full database is refused and changes nothing.
      const before = await countOf(target.db, 'tips');
      await expect(restoreBackup(target.db, t.keys, tmp(), Readable.from(file))).rejects.toThrow(/已有数据/);
      expect(await countOf(target.db, 'tips')).toBe(before);
    } finally {
      await target.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('moves between backends: the same file restores into a fresh embedded database', async () => {
    const db = await openPglite(undefined); // nothing in it, not even the schema
    try {
      const restored = await restoreBackup(db, t.keys, tmp(), Readable.from(file));
      expect(restored.tables).toEqual(summary.tables);
      expect(await rowsOf(db, 'audit_log', 'id')).toEqual(await rowsOf(t.db, 'audit_log', 'id'));
      const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from schema_migrations');
      expect(n).toBeGreaterThanOrEqual(5);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('refuses a wrong secret, a truncated file, a file that is not a backup, and a data directory with files — changing nothing', async () => {
    const target = await openTestDb();
    try {
      const cases: [string, Buffer, RegExp, string?][] = [
        ['wrong secret', file, /密钥不一致/],
        ['truncated', file.subarray(0, Math.floor(file.length * 0.6)), /损坏|截断|不完整/],
        ['not gzip', Buffer.from('hello, this is not a backup'), /损坏|截断|不是守护备份/],
        ['gzip of other text', gzipSync('{"a":1}\n'), /不是守护备份/],
        ['cut at a line, no trailer', gzipSync(gunzipSync(file).toString('utf8').split('\n').slice(0, 5000).join('\n') + '\n'), /不完整/],
      ];
      for (const [name, bytes, message] of cases) {
        const keys = name === 'wrong secret' ? deriveKeys(randomBytes(32).toString('hex')) : t.keys;
        const dir = tmp();
        const err = await restoreBackup(target.db, keys, dir, Readable.from(bytes)).catch((e) => e);
        expect(err, name).toBeInstanceOf(BackupError);
        expect(err.message, name).toMatch(message);
        expect(await countOf(target.db, 'tips'), name).toBe(0);
        expect(await countOf(target.db, 'audit_log'), name).toBe(0);
        expect(readdirSync(dir).flatMap((d) => readdirSync(join(dir, d))), name).toEqual([]);
      }
      const dir = tmp();
      mkdirSync(join(dir, 'uploads'));
      writeFileSync(join(dir, 'uploads', 'someone-elses-file'), 'x');
      await expect(restoreBackup(target.db, t.keys, dir, Readable.from(file))).rejects.toThrow(/已有附件文件/);
      expect(await countOf(target.db, 'users')).toBe(0);
    } finally {
      await target.drop();
    }
  }, 120_000);
});
