import { createSecretFile, decrypt, deriveKeys, keyFingerprint, readSecret, SecretError, secretFile, type Keys } from './crypto.ts';
import type { Db } from './db/client.ts';

/**
 * The keys for this database, or a SecretError that stops the start. The secret comes from
 * SHOUHU_SECRET or DATA_DIR/secret.key; a new file is made only when there is none and the database
 * holds nothing written with a key. The database keeps the secret's fingerprint, so another secret
 * (a lost file replaced, a mistyped variable) is refused before it writes data no one can read.
 */
export async function loadKeys(db: Db, configured: string | undefined, dataDir: string): Promise<Keys> {
  const [row] = await db.query<{ fingerprint: string }>('select fingerprint from key_fingerprint');
  const keyed = row ? true : await holdsKeyedData(db);
  let secret = readSecret(configured, dataDir);
  if (!secret) {
    if (keyed) {
      throw new SecretError(`找不到密钥：数据库中已有用密钥加密的数据，但既没有设置 SHOUHU_SECRET，也没有 ${secretFile(dataDir)}。拒绝启动，以免生成新密钥后原有数据无法解密。请从备份中恢复原来的 secret.key，或设置原来的 SHOUHU_SECRET。`);
    }
    secret = createSecretFile(dataDir);
  }
  const keys = deriveKeys(secret);
  const mismatch = new SecretError(`密钥与数据库不匹配：数据库中的数据是用另一个密钥写入的。拒绝启动（未做任何改动）。请使用原来的 SHOUHU_SECRET 或 ${secretFile(dataDir)}。`);
  if (row) {
    if (row.fingerprint !== keyFingerprint(keys)) throw mismatch;
    return keys;
  }
  // A database from before fingerprints: check the key against a sealed value when there is one.
  if (keyed && !(await opensSealedValue(db, keys))) throw mismatch;
  await db.query('insert into key_fingerprint (fingerprint) values ($1) on conflict (id) do nothing', [keyFingerprint(keys)]);
  // Another server on the same PostgreSQL database may have recorded its own first.
  const [stored] = await db.query<{ fingerprint: string }>('select fingerprint from key_fingerprint');
  if (stored.fingerprint !== keyFingerprint(keys)) throw mismatch;
  return keys;
}

/** Tips (keyed access-key hashes), evidence files, idempotency replies or two-factor secrets. */
async function holdsKeyedData(db: Db): Promise<boolean> {
  const [{ any }] = await db.query<{ any: boolean }>(
    `select exists (select 1 from tips) or exists (select 1 from uploads) or exists (select 1 from idempotency_keys)
         or exists (select 1 from users where totp_secret_enc is not null or totp_pending_enc is not null) as any`,
  );
  return any;
}

/** True when the key opens one stored ciphertext, or none exists to try (HMACs cannot be checked). */
async function opensSealedValue(db: Db, keys: Keys): Promise<boolean> {
  const [sample] = await db.query<{ enc: string }>(
    `select enc from (
       (select reporter_enc as enc from tips where reporter_enc is not null limit 1)
       union all (select coalesce(totp_secret_enc, totp_pending_enc) from users where coalesce(totp_secret_enc, totp_pending_enc) is not null limit 1)
       union all (select response_enc from idempotency_keys limit 1)
     ) s limit 1`,
  );
  if (!sample) return true;
  try {
    decrypt(keys.encryption, sample.enc);
    return true;
  } catch {
    return false;
  }
}
