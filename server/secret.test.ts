import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { deriveKeys, encrypt, keyFingerprint, SecretError } from './crypto.ts';
import type { Db } from './db/client.ts';
import { ensureAdmin } from './db/seed/seed.ts';
import { loadKeys } from './secret.ts';
import { ADMIN_PASSWORD, openTestDb } from './test/helpers.ts';

/** Fault 5 of issue 7: a missing, empty, short or different secret must stop the start, never be replaced. */
describe('the server secret', () => {
  let db: Db;
  let drop: () => Promise<void>;
  let dir: string;
  const file = () => join(dir, 'secret.key');
  const secret = () => randomBytes(32).toString('base64url');
  beforeEach(async () => {
    ({ db, drop } = await openTestDb());
    dir = mkdtempSync(join(inject('tmpRoot'), 'secret-'));
  });
  afterEach(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is created once, owner-only, on a new database, and its fingerprint kept', async () => {
    const keys = await loadKeys(db, undefined, dir);
    expect(statSync(file()).mode & 0o777).toBe(0o600);
    const written = readFileSync(file(), 'utf8');
    expect(Buffer.byteLength(written.trim())).toBeGreaterThanOrEqual(32);
    expect((await db.query('select fingerprint from key_fingerprint'))).toEqual([{ fingerprint: keyFingerprint(keys) }]);
    // The next start reads the same file and the same keys.
    expect((await loadKeys(db, undefined, dir)).encryption.equals(keys.encryption)).toBe(true);
    expect(readFileSync(file(), 'utf8')).toBe(written);
  });

  it('refuses an empty or short file and leaves it as it is', async () => {
    await loadKeys(db, undefined, dir);
    for (const content of ['', '\n', 'short-secret-31-bytes-long-xxxx']) {
      writeFileSync(file(), content);
      await expect(loadKeys(db, undefined, dir), JSON.stringify(content)).rejects.toThrow(/为空或不足 32 字节/);
      expect(readFileSync(file(), 'utf8')).toBe(content);
    }
    // Even on a new database: an empty file is someone's lost key, not a place to write a new one.
    await db.query('delete from key_fingerprint');
    writeFileSync(file(), '');
    await expect(loadKeys(db, undefined, dir)).rejects.toBeInstanceOf(SecretError);
    expect(readFileSync(file(), 'utf8')).toBe('');
  });

  it('refuses another secret than the data was written with, from the file or SHOUHU_SECRET', async () => {
    const original = secret();
    await loadKeys(db, original, dir);
    await expect(loadKeys(db, secret(), dir)).rejects.toThrow(/密钥与数据库不匹配/);
    writeFileSync(file(), secret() + '\n');
    await expect(loadKeys(db, undefined, dir)).rejects.toThrow(/密钥与数据库不匹配/);
    expect((await loadKeys(db, original, dir)).encryption.equals(deriveKeys(original).encryption)).toBe(true);
  });

  it('does not make a new secret when the file is gone but the database holds keyed data', async () => {
    await loadKeys(db, undefined, dir);
    rmSync(file());
    await expect(loadKeys(db, undefined, dir)).rejects.toThrow(/找不到密钥/);
    expect(existsSync(file())).toBe(false);
  });

  it('checks a database from before fingerprints against its sealed data, then records the fingerprint', async () => {
    const original = secret();
    await ensureAdmin(db, ADMIN_PASSWORD);
    await db.query(`update users set totp_pending_enc = $1 where username = 'admin'`, [encrypt(deriveKeys(original).encryption, 'JBSWY3DPEHPK3PXP')]);
    await expect(loadKeys(db, undefined, dir)).rejects.toThrow(/找不到密钥/);
    await expect(loadKeys(db, secret(), dir)).rejects.toThrow(/密钥与数据库不匹配/);
    expect(await db.query('select 1 from key_fingerprint')).toHaveLength(0);
    const keys = await loadKeys(db, original, dir);
    expect((await db.query('select fingerprint from key_fingerprint'))).toEqual([{ fingerprint: keyFingerprint(keys) }]);
  });
});
