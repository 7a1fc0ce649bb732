import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ADMIN_PASSWORD, openTestDb } from './helpers.ts';

/**
 * The real server process (server/main.ts) on a fresh data directory: what it creates is its
 * owner's only (issue 7, fault 7), and a secret that does not fit the data stops it (fault 5).
 */

let PORT = 0;

/** A port of 18600–18699 free right now (crash.test.ts picks from a range that overlaps it). */
async function freePort(): Promise<number> {
  for (;;) {
    const port = 18600 + Math.floor(Math.random() * 100);
    const free = await new Promise<boolean>((resolve) => {
      const s = createServer().once('error', () => resolve(false)).listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

/** Starts main.ts; resolves with its output once it listens (then stops it with SIGTERM) or when it exits. */
async function run(env: Record<string, string>, whileUp: () => Promise<void> = health): Promise<{ code: number | null; output: string }> {
  PORT = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, ...env, PORT: String(PORT), HOST: '127.0.0.1', SHOUHU_DEMO: 'off', SHOUHU_JOBS: 'off', LOG_LEVEL: 'warn', SHOUHU_ADMIN_PASSWORD: ADMIN_PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let started = false;
  return new Promise((resolve, reject) => {
    const onData = (b: Buffer) => {
      output += b.toString();
      if (!started && output.includes('已启动')) {
        started = true;
        whileUp().then(() => child.kill('SIGTERM'), (err) => {
          child.kill('SIGKILL');
          reject(err);
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

async function health() {
  expect((await fetch(`http://127.0.0.1:${PORT}/api/health`)).status).toBe(200);
}

/** Every path under dir with its permission bits. */
function modes(dir: string, out: Record<string, number> = {}): Record<string, number> {
  const st = lstatSync(dir);
  out[dir] = st.mode & 0o777;
  if (st.isDirectory()) for (const name of readdirSync(dir)) modes(join(dir, name), out);
  return out;
}

describe('server start on a fresh data directory', () => {
  const dataDir = join(mkdtempSync(join(inject('tmpRoot'), 'start-')), 'data');
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await drop?.();
  });

  it('keeps the data directory, database files, secret and evidence owner-only, and refuses a secret that does not fit', async () => {
    let env: Record<string, string> = { DATA_DIR: dataDir, DATABASE_URL: '', SHOUHU_SECRET: '' };
    if (inject('backend') === 'postgres') {
      const t = await openTestDb();
      drop = t.drop;
      env = { ...env, DATABASE_URL: t.dump!() };
    }
    const first = await run(env, async () => {
      const form = new FormData();
      form.append('file', new Blob([Buffer.from('%PDF-1.7\n1 0 obj << >> endobj')], { type: 'application/pdf' }), 'a.pdf');
      const res = await fetch(`http://127.0.0.1:${PORT}/api/public/uploads`, { method: 'POST', body: form });
      expect(res.status).toBe(201);
    });
    expect(first.code, first.output).toBe(0);

    const all = modes(dataDir);
    expect(all[dataDir]).toBe(0o700);
    expect(all[join(dataDir, 'secret.key')]).toBe(0o600);
    expect(all[join(dataDir, 'uploads')]).toBe(0o700);
    const uploads = readdirSync(join(dataDir, 'uploads'));
    expect(uploads).toHaveLength(1);
    expect(all[join(dataDir, 'uploads', uploads[0])]).toBe(0o600);
    if (inject('backend') === 'pglite') expect(Object.keys(all).filter((p) => p.startsWith(join(dataDir, 'pglite'))).length).toBeGreaterThan(10);
    const open = Object.entries(all).filter(([, mode]) => mode & 0o077);
    expect(open.map(([p, m]) => `${p.slice(dataDir.length)} ${m.toString(8)}`)).toEqual([]);

    // An emptied secret.key: the start is refused and the file is not rewritten.
    const secret = readFileSync(join(dataDir, 'secret.key'), 'utf8');
    writeFileSync(join(dataDir, 'secret.key'), '');
    const empty = await run(env);
    expect(empty.code).not.toBe(0);
    expect(empty.output).toContain('为空或不足 32 字节');
    expect(readFileSync(join(dataDir, 'secret.key'), 'utf8')).toBe('');
    // A lost one is not replaced by a new key either.
    rmSync(join(dataDir, 'secret.key'));
    const missing = await run(env);
    expect(missing.code).not.toBe(0);
    expect(missing.output).toContain('找不到密钥');
    // The original key starts it again.
    writeFileSync(join(dataDir, 'secret.key'), secret);
    expect((await run(env)).code).toBe(0);
  }, 240_000);
});
