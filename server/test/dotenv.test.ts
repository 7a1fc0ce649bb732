import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { SETTING_NAMES } from '../config.ts';
import { openTestDb, validTip } from './helpers.ts';

/**
 * The real entry points (npm start's server/main.ts, npm run backup) started in a project folder
 * with a .env: its settings take effect, a variable of the environment wins over it, a malformed one
 * stops the start with its line — and a database holding a real tip gets no demo data (issue 8, item 12).
 */

// Node itself with tsx's loader, not the tsx command: that one relays SIGTERM to a child process and,
// if the child has not acknowledged it within 30 ms (a loaded machine), kills it and exits 143.
const tsxLoader = fileURLToPath(new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url));
const entry = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const PASSWORD = 'DotEnv-Admin-Passw0rd';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The test runner's environment without any Shouhu setting, so that only the test's own reach the child. */
const bareEnv = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !(SETTING_NAMES as string[]).includes(k)));

/** Runs a command in `cwd`; for the server, resolves once it listens and `whileUp` is done (then SIGTERM), or when it exits. */
function run(cwd: string, args: string[], env: Record<string, string>, whileUp?: () => Promise<void>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', tsxLoader, ...args], { cwd, env: { ...bareEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let started = false;
  return new Promise((resolve, reject) => {
    const onData = (b: Buffer) => {
      output += b.toString();
      if (whileUp && !started && output.includes('已启动')) {
        started = true;
        whileUp().then(() => child.kill('SIGTERM'), (err) => {
          child.kill('SIGKILL');
          reject(err);
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('.env honoured by npm start and the commands beside it', () => {
  const project = mkdtempSync(join(inject('tmpRoot'), 'project-'));
  const fromEnv = join(project, 'from-env');
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await drop?.();
  });

  it('takes PORT, SHOUHU_DEMO and the admin password from .env, lets the environment win, and loads no demo beside a real tip', async () => {
    const port = await freePort();
    const env: Record<string, string> = { DATA_DIR: fromEnv };
    if (inject('backend') === 'postgres') {
      const t = await openTestDb();
      drop = t.drop;
      env.DATABASE_URL = t.dump!();
    } else {
      // The run's migrated template, as openTestDb copies it: the start skips building the regions.
      cpSync(inject('template'), join(fromEnv, 'pglite'), { recursive: true });
    }
    const dotEnv = (demo: 'on' | 'off') =>
      writeFileSync(join(project, '.env'), [
        '# as a deployment would write it',
        `PORT=${port}`, 'HOST=127.0.0.1', 'DATA_DIR=./from-dotenv', `SHOUHU_DEMO=${demo}`, 'SHOUHU_JOBS=off', 'LOG_LEVEL=warn',
        `SHOUHU_ADMIN_PASSWORD="${PASSWORD}"`, '',
      ].join('\n'));
    const base = `http://127.0.0.1:${port}`;

    dotEnv('off');
    const first = await run(project, [entry('main.ts')], env, async () => {
      const health = await (await fetch(`${base}/api/health`)).json() as { db: string };
      expect(health.db).toBe(inject('backend') === 'postgres' ? 'postgres' : 'pglite');
      // A real office and one real tip, as a deployment's first day would have them.
      const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
      expect(login.status, 'admin signs in with the password from .env').toBe(200);
      const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const unit = await fetch(`${base}/api/admin/units`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ regionCode: '370681', kind: 'campaign_office', name: '龙口市专项办' }) });
      expect(unit.status, await unit.clone().text()).toBe(201);
      const tip = await fetch(`${base}/api/public/tips`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(validTip()) });
      expect(tip.status, await tip.clone().text()).toBe(201);
    });
    expect(first.code, first.output).toBe(0);
    expect(first.output).toContain(`已读取 ${join(project, '.env')}：PORT、HOST、SHOUHU_DEMO、SHOUHU_JOBS、LOG_LEVEL、SHOUHU_ADMIN_PASSWORD；以环境变量为准：DATA_DIR`);
    expect(first.output).toContain('SHOUHU_DEMO=off：不载入演示数据');
    expect(first.output).not.toContain(PASSWORD);
    // DATA_DIR from the environment, not the file.
    expect(existsSync(join(fromEnv, 'secret.key'))).toBe(true);
    expect(existsSync(join(project, 'from-dotenv'))).toBe(false);

    // Demo data switched on in .env: the database holds a real tip, so none is loaded, and the log says why.
    dotEnv('on');
    const second = await run(project, [entry('main.ts')], env, async () => {
      expect((await fetch(`${base}/api/health`)).status).toBe(200);
    });
    expect(second.code, second.output).toBe(0);
    expect(second.output).toMatch(/数据库中已有数据（.*1 条线索.*），不载入演示数据.*SHOUHU_DEMO=off/);
    expect(second.output).not.toContain('已载入演示数据');

    // npm run backup reads the same .env (here its DATA_DIR, which the environment no longer sets).
    writeFileSync(join(project, '.env'), 'DATA_DIR=./from-env\n');
    const file = join(project, 'shouhu.backup.gz');
    const backup = await run(project, [entry('backup/cli.ts'), 'backup', file], { DATABASE_URL: env.DATABASE_URL ?? '' });
    expect(backup.code, backup.output).toBe(0);
    expect(existsSync(file)).toBe(true);
  }, 240_000);

  it('stops a start with a malformed .env, in Chinese and English, before touching anything', async () => {
    const dir = join(project, 'malformed');
    mkdirSync(dir);
    writeFileSync(join(dir, '.env'), 'PORT=1\nSHOUHU_SECRET=Zq7#secretvalue\n');
    const r = await run(dir, [entry('main.ts')], {});
    expect(r.code).toBe(1);
    expect(r.output).toContain(`${join(dir, '.env')} 有误，未启动 / ${join(dir, '.env')} is malformed, nothing started:`);
    expect(r.output).toContain('line 2: "#" in the value of SHOUHU_SECRET starts a comment: quote the value');
    expect(r.output).not.toContain('secretvalue');
    expect(existsSync(join(dir, 'data'))).toBe(false);
  }, 60_000);
});
