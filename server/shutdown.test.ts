import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openPglite, openPostgres, type Db } from './db/client.ts';
import { testDbPrefix, withDatabase } from './test/global-setup.ts';
import { TEST_PASSWORD, validTip } from './test/helpers.ts';
import { seedStructure } from './db/seed/seed.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue 15 item 1, graceful shutdown: the real server (server/main.ts) on a fresh database gets
 * SIGTERM while a submission is half sent. It takes no new connection, finishes that request (201),
 * and exits 0; every submission acknowledged before or during the shutdown is in the database.
 */
describe('graceful shutdown', () => {
  const dataDir = mkdtempSync(join(inject('tmpRoot'), 'shutdown-'));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  let database: string | undefined;
  let server: ChildProcess;
  let output = '';

  beforeAll(async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SHOUHU_DEMO: 'off', SHOUHU_JOBS: 'on',
      SHOUHU_SECRET: randomBytes(32).toString('hex'), SHOUHU_ADMIN_PASSWORD: 'Admin-Passw0rd!', LOG_LEVEL: 'warn', REDIS_URL: '',
    };
    delete env.VITEST; // the server as it runs for real
    if (inject('backend') === 'postgres') {
      // A fresh database (a copy of the run's migrated template); the server migrates and seeds it as at a first start.
      database = `${testDbPrefix(inject('template'))}${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`create database ${database} template ${inject('template')}`);
      await admin.end();
      env.DATABASE_URL = withDatabase(process.env.DATABASE_URL!, database);
    } else {
      delete env.DATABASE_URL;
      cpSync(inject('template'), join(dataDir, 'pglite'), { recursive: true });
    }
    // The offices that take public reports (the demo province's structure, no tips).
    const db = await openDb();
    await seedStructure(db, TEST_PASSWORD);
    await db.close();
    server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const check = setInterval(() => {
        if (output.includes('已启动')) {
          clearInterval(check);
          resolve();
        }
      }, 100);
      server.once('exit', (code) => {
        clearInterval(check);
        reject(new Error(`server exited (${code}) before it listened:\n${output}`));
      });
    });
  }, 180_000);

  afterAll(async () => {
    if (server.exitCode === null) server.kill('SIGKILL');
    if (database) {
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${database} with (force)`);
      await admin.end();
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  const openDb = async (): Promise<Db> => (database ? openPostgres(withDatabase(process.env.DATABASE_URL!, database), 1) : openPglite(join(dataDir, 'pglite')));

  const submit = async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/public/tips`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(validTip()) });
    expect(res.status).toBe(201);
    return ((await res.json()) as { trackingCode: string }).trackingCode;
  };

  it('finishes the request in flight and what was acknowledged, takes nothing new, and exits 0', async () => {
    const acknowledged = [await submit(), await submit(), await submit()];

    // A submission whose body is only half sent when the signal comes.
    const body = Buffer.from(JSON.stringify(validTip({ description: '停机时正在提交的举报：有人上门推销养老理财产品，承诺高额回报。' })));
    let req!: ReturnType<typeof request>;
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/public/tips', headers: { 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      });
      req.on('error', reject);
    });
    req.write(body.subarray(0, 40));
    await sleep(300);
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    await sleep(800);
    // Still running, waiting for this request; the listener is closed to new connections.
    expect(server.exitCode).toBeNull();
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
    req.end(body.subarray(40));
    const done = await response;
    expect(done.status).toBe(201);
    expect(await exited).toBe(0);
    const late = (JSON.parse(done.body) as { trackingCode: string }).trackingCode;
    expect(output).toContain('守护 Shouhu 已停止');

    // Every acknowledged submission is there, the one taken during the shutdown too.
    const db = await openDb();
    try {
      const rows = await db.query<{ tracking_code: string }>('select tracking_code from tips where tracking_code = any($1::text[])', [[...acknowledged, late]]);
      expect(rows.map((r) => r.tracking_code).sort()).toEqual([...acknowledged, late].sort());
    } finally {
      await db.close();
    }
  }, 120_000);
});
