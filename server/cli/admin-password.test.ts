import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { SETTING_NAMES } from '../config.ts';
import { deriveKeys, keyFingerprint } from '../crypto.ts';
import { openPglite, openPostgres, type Db } from '../db/client.ts';
import { ensureAdmin } from '../db/seed/seed.ts';
import { countFailure, login, MAX_FAILURES, refuseWhileLocked, resolveSession, throttleKey } from '../modules/auth/auth.service.ts';
import { verifyPassword } from '../modules/auth/passwords.ts';
import { ADMIN_PASSWORD, openTestDb } from '../test/helpers.ts';

/**
 * npm run admin:password against a real database on disk (or a PostgreSQL database), as an operator
 * who lost the administrator's password would run it: the command process itself, with the server's settings.
 */

const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const command = fileURLToPath(new URL('./admin-password.ts', import.meta.url));

describe('npm run admin:password', () => {
  const dataDir = mkdtempSync(join(inject('tmpRoot'), 'pw-'));
  // Run from a folder without .env: only the settings given here.
  const cwd = mkdtempSync(join(inject('tmpRoot'), 'pw-cwd-'));
  const secret = randomBytes(32).toString('hex');
  const keys = deriveKeys(secret);
  let databaseUrl = '';
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await drop?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The database, open only between command runs (an embedded one admits one process). */
  const open = (): Promise<Db> | Db => (databaseUrl ? openPostgres(databaseUrl, 2) : openPglite(join(dataDir, 'pglite')));
  const withDb = async <T>(fn: (db: Db) => Promise<T>): Promise<T> => {
    const db = await open();
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  };

  const run = (args: string[], stdin?: string): Promise<{ code: number | null; output: string }> => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !(SETTING_NAMES as string[]).includes(k)));
    const child = spawn(tsx, [command, ...args], { cwd, env: { ...env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl }, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    child.stdin.end(stdin ?? '');
    return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
  };

  it('sets a new password for a lost admin: policy, sessions ended, lockout lifted, audited; refuses unknown users and weak passwords', async () => {
    if (inject('backend') === 'postgres') {
      const t = await openTestDb(); // its pool stays idle until drop() closes it
      drop = t.drop;
      databaseUrl = t.dump!();
    } else {
      cpSync(inject('template'), join(dataDir, 'pglite'), { recursive: true });
    }
    writeFileSync(join(dataDir, 'secret.key'), secret, { mode: 0o600 });
    const key = throttleKey(keys, 'admin');
    // The admin signed in somewhere, then locked the account out guessing the lost password.
    const token = await withDb(async (db) => {
      await db.query('insert into key_fingerprint (fingerprint) values ($1)', [keyFingerprint(keys)]);
      await ensureAdmin(db, ADMIN_PASSWORD);
      const session = await login(db, keys, 'admin', ADMIN_PASSWORD);
      for (let i = 0; i < MAX_FAILURES; i++) await countFailure(db, key, null);
      await expect(refuseWhileLocked(db, key)).rejects.toThrow();
      return session.token;
    });

    const unknown = await run(['nobody']);
    expect(unknown.code, unknown.output).toBe(2);
    expect(unknown.output).toContain('找不到账号「nobody」，未做任何更改 / no user "nobody", nothing changed');
    for (const weak of ['short1!A', 'alllowercaseletters', 'Admin-Passw0rd-admin']) {
      const r = await run(['admin', '--stdin'], `${weak}\n`);
      expect(r.code, `${weak}: ${r.output}`).toBe(2);
      expect(r.output).toContain('密码强度不足，未做任何更改 / password too weak, nothing changed');
    }
    expect((await run([])).code).toBe(2);
    expect((await run(['admin', '--password=x'])).output).toContain('未知选项 / unknown option: --password=x');
    if (!databaseUrl) {
      // A server running on the embedded database: refused, nothing opened.
      writeFileSync(join(dataDir, 'shouhu.pid'), String(process.pid));
      const busy = await run(['admin']);
      expect(busy.code).toBe(1);
      expect(busy.output).toContain('正被另一个进程');
      rmSync(join(dataDir, 'shouhu.pid'));
    }

    const generated = await run(['admin']);
    expect(generated.code, generated.output).toBe(0);
    const password = /仅显示这一次）：(\S+)/.exec(generated.output)![1];
    expect(generated.output).toContain('已结束其 1 个登录会话，已解除登录锁定；已记入审计日志。');
    await withDb(async (db) => {
      expect(await resolveSession(db, token), 'the old session is over').toBeNull();
      const [{ password_hash }] = await db.query<{ password_hash: string }>(`select password_hash from users where username = 'admin'`);
      expect(await verifyPassword(password_hash, ADMIN_PASSWORD)).toBe(false);
      await login(db, keys, 'admin', password); // not locked out any more, and the new password works
      const rows = await db.query<{ actor_id: number | null; actor_name: string; entity: string; detail: Record<string, unknown> }>(
        `select actor_id, actor_name, entity, detail from audit_log where action = 'admin.password_reset'`,
      );
      expect(rows, 'one reset: the refused runs changed nothing').toEqual([
        { actor_id: null, actor_name: 'admin:password', entity: 'user', detail: expect.objectContaining({ via: 'command_line', totpReset: false }) },
      ]);
      // The phone with the second factor is lost too.
      await db.query(`update users set totp_secret_enc = 'lost-phone', totp_enabled_at = now() where username = 'admin'`);
    });

    const chosen = 'Chosen-Passw0rd-2026';
    const withTotp = await run(['admin', '--stdin', '--reset-totp'], `${chosen}\r\n`);
    expect(withTotp.code, withTotp.output).toBe(0);
    expect(withTotp.output).toContain('已为 admin 设置新密码。');
    expect(withTotp.output).not.toContain(chosen);
    await withDb(async (db) => {
      const [u] = await db.query<{ totp: string | null }>(`select totp_secret_enc as totp from users where username = 'admin'`);
      expect(u.totp).toBeNull();
      expect((await login(db, keys, 'admin', chosen)).user.username).toBe('admin');
      const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from audit_log where action in ('admin.password_reset', 'admin.totp_reset')`);
      expect(n).toBe(3);
    });
  }, 180_000);
});
