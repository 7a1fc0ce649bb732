import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { openPglite, openPostgres, type Db } from '../db/client.ts';
import { openReadPool } from '../db/replica.ts';
import { deriveKeys, type Keys } from '../crypto.ts';
import { buildApp } from '../app.ts';
import { ensureAdmin, ensureDefaultRules, seedStructure, type DemoStructure } from '../db/seed/seed.ts';
import sharp from 'sharp';
import { testDbPrefix, withDatabase } from './global-setup.ts';
import { hashPassword } from '../modules/auth/passwords.ts';
import type { Role, UnitKind } from '../../shared/domain.ts';

export const TEST_PASSWORD = 'Test-Passw0rd!';
export const ADMIN_PASSWORD = 'Admin-Passw0rd!';

/** A fresh database copied from the run's template (PGlite data dir or PostgreSQL template database). */
export async function openTestDb(): Promise<{ db: Db; drop: () => Promise<void>; dump?: () => string; dir?: string }> {
  if (inject('backend') === 'pglite') {
    const dir = mkdtempSync(join(inject('tmpRoot'), 'db-'));
    cpSync(inject('template'), dir, { recursive: true });
    const db = await openPglite(dir);
    return { db, dir, drop: async () => { await db.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const url = process.env.DATABASE_URL!;
  const name = `${testDbPrefix(inject('template'))}${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject('template')}`);
  await admin.end();
  const db = openPostgres(withDatabase(url, name), 5);
  return {
    db,
    drop: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      // pool.end() resolves before the server has seen every connection close; wait for them so that
      // the forced drop does not terminate a connection the pool is still closing.
      for (let i = 0; i < 50; i++) {
        const [{ n }] = (await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name])).rows;
        if (n === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
    dump: () => withDatabase(url, name),
  };
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  /** With opts.readUrl: the read pool. */
  readDb?: Db;
  keys: Keys;
  dataDir: string;
  world: DemoStructure;
  databaseUrl?: string;
  /** PGlite: the data directory on disk. */
  pgliteDir?: string;
  /** Signs in and returns the cookie header value. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** The whole API on a fresh database with the demo province's offices, units and staff. */
export async function createTestApp(
  opts: { publicRateLimit?: number; readUrl?: (url: string) => string; logLevel?: string; logStream?: { write(line: string): void } } = {},
): Promise<TestApp> {
  const { db, drop, dump, dir } = await openTestDb();
  // PostgreSQL: a read pool on readUrl(this database's URL) — the same database in tests, as a stand-in replica.
  const readDb = opts.readUrl && dump ? openReadPool(opts.readUrl(dump()), 3) : undefined;
  const keys = deriveKeys(randomBytes(32).toString('hex'));
  const dataDir = mkdtempSync(join(inject('tmpRoot'), 'data-'));
  await ensureAdmin(db, ADMIN_PASSWORD);
  await ensureDefaultRules(db);
  const world = await seedStructure(db, TEST_PASSWORD);
  const app = await buildApp({ db, readDb, keys, dataDir, publicRateLimit: opts.publicRateLimit ?? 10_000, loginRateLimit: 10_000, logLevel: opts.logLevel, logStream: opts.logStream });
  const cookies = new Map<string, string>();
  return {
    app, db, readDb, keys, dataDir, world, databaseUrl: dump?.(), pgliteDir: dir,
    async login(username, password) {
      if (!password && cookies.has(username)) return cookies.get(username)!;
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: password ?? (username === 'admin' ? ADMIN_PASSWORD : TEST_PASSWORD) } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'shouhu_session')!;
      const value = `shouhu_session=${cookie.value}`;
      if (!password) cookies.set(username, value);
      return value;
    },
    async close() {
      await app.close();
      await readDb?.close();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const json = <T = any>(res: LightMyRequestResponse): T => JSON.parse(res.body) as T;

export const validTip = (over: Record<string, unknown> = {}) => ({
  regionCode: '370681001',
  description: '有人在小区里开免费讲座推销保健品，说能治高血压，我母亲花了两万元。',
  fraudTypes: ['elderly_product'],
  reporter: { anonymous: true },
  ...over,
});

export const inDays = (d: number) => new Date(Date.now() + d * 86400_000).toISOString();

let caseSeq = 0;
/** The case a police report with 立案侦查 files in the same transaction (its number unique in the run). */
export const newCase = (title = '经核查立案的养老诈骗案') =>
  ({ caseNo: `龙公立〔2026〕T${++caseSeq}号`, title, origin: 'new', filedOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10) });

/** A multipart/form-data body with one file field, as the portal sends it. */
export function multipart(data: Buffer, filename: string, type: string) {
  const boundary = '----shouhu' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Marks written into test photos' metadata: none may reach staff. */
export const PHOTO_MARKS = { description: 'home-37.63N-120.40E', make: 'ShouhuCam' };

/**
 * A real phone-like photo (40×20, EXIF orientation 6 = shot rotated) whose EXIF holds a GPS position,
 * the camera make and a description — the metadata security.md §12 says staff must not see.
 */
export function photoWithLocation(format: 'jpeg' | 'png' | 'webp' = 'jpeg'): Promise<Buffer> {
  const image = sharp({ create: { width: 40, height: 20, channels: 3, background: '#c03030' } });
  return (format === 'jpeg' ? image.jpeg() : format === 'webp' ? image.webp() : image.png())
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Make: PHOTO_MARKS.make, ImageDescription: PHOTO_MARKS.description }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 38/1 1234/100', GPSLongitudeRef: 'E', GPSLongitude: '120/1 24/1 0/1' } })
    .toBuffer();
}

/**
 * A second province beside the demo one (山东省), for tests of jurisdiction across provinces: 江苏省 with
 * its office (js_admin, js_auditor, js_intake, js_lead), 苏州市 (sz_supervisor, sz_viewer) and 常熟市
 * (cs_intake, cs_lead; police cs_police, cs_police_lead; market regulation cs_market_regulation).
 * Returns unit ids by "regionCode:kind" and user ids by username.
 */
export async function seedSecondProvince(db: Db): Promise<{ units: Map<string, number>; users: Map<string, number> }> {
  const hash = await hashPassword(TEST_PASSWORD);
  const units = new Map<string, number>();
  const users = new Map<string, number>();
  const spec: [string, UnitKind, string, [string, Role[]][]][] = [
    ['32', 'campaign_office', '江苏省打击整治养老诈骗专项行动办公室', [['js_admin', ['admin']], ['js_auditor', ['auditor']], ['js_intake', ['intake']], ['js_lead', ['office_lead']]]],
    ['3205', 'campaign_office', '苏州市打击整治养老诈骗专项行动办公室', [['sz_supervisor', ['supervisor']], ['sz_viewer', ['viewer']]]],
    ['320581', 'campaign_office', '常熟市打击整治养老诈骗专项行动办公室', [['cs_intake', ['intake']], ['cs_lead', ['office_lead']]]],
    ['320581', 'police', '常熟市公安局', [['cs_police', ['handler']], ['cs_police_lead', ['unit_lead']]]],
    ['320581', 'market_regulation', '常熟市市场监督管理局', [['cs_market_regulation', ['handler']]]],
  ];
  for (const [region, kind, name, staff] of spec) {
    const [{ id }] = await db.query<{ id: number }>('insert into units (region_code, kind, name) values ($1, $2, $3) returning id', [region, kind, name]);
    units.set(`${region}:${kind}`, id);
    for (const [username, roles] of staff) {
      const [u] = await db.query<{ id: number }>(
        'insert into users (username, display_name, unit_id, roles, password_hash) values ($1, $2, $3, $4, $5) returning id',
        [username, `${name.slice(0, 3)}${username}`, id, roles, hash],
      );
      users.set(username, u.id);
    }
  }
  return { units, users };
}

/**
 * Member units (by "regionCode:kind") whose reports go straight to their office, as for a one-person
 * unit that switched 单位负责人审核 off — for tests whose point is elsewhere (modules/approval tests the approval).
 */
export async function withoutReportApproval(t: TestApp, ...unitKeys: string[]): Promise<void> {
  const ids = unitKeys.map((k) => t.world.units.get(k)!);
  await t.db.query('update units set report_approval = false where id = any($1::bigint[])', [ids]);
}
