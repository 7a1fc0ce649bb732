import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Keys derived from SHOUHU_SECRET with HKDF, one per purpose, so that no key serves two jobs.
 * AES-256-GCM (authenticated) for data at rest; HMAC-SHA256 for access keys and lookups.
 */
export interface Keys {
  encryption: Buffer;
  accessKeyMac: Buffer;
  lookupMac: Buffer;
}

export function deriveKeys(secret: string): Keys {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'shouhu', info, 32));
  return { encryption: derive('enc-v1'), accessKeyMac: derive('access-key-v1'), lookupMac: derive('lookup-v1') };
}

/** The least key material accepted, in bytes (HKDF input for 256-bit keys). */
export const MIN_SECRET_BYTES = 32;

/** A secret that cannot be used: the message says what to do, in Chinese, for the operator. */
export class SecretError extends Error {}

/** A value that identifies the secret without revealing it; kept in the database and in backups. */
export const keyFingerprint = (keys: Keys) => hmac(keys.lookupMac, 'shouhu-backup-key-check');

export const secretFile = (dataDir: string) => join(dataDir, 'secret.key');

/**
 * SHOUHU_SECRET, or the secret file in DATA_DIR; null when neither exists. Never writes: an empty
 * or short file is refused as it is, because replacing it would lose the key the data needs.
 */
export function readSecret(configured: string | undefined, dataDir: string): string | null {
  if (configured) return configured;
  const file = secretFile(dataDir);
  if (!existsSync(file)) return null;
  const secret = readFileSync(file, 'utf8').trim();
  if (Buffer.byteLength(secret) < MIN_SECRET_BYTES) {
    throw new SecretError(`密钥文件 ${file} 为空或不足 ${MIN_SECRET_BYTES} 字节，拒绝启动（文件未改动）。请从备份中恢复原来的 secret.key，或设置原来的 SHOUHU_SECRET。`);
  }
  return secret;
}

/** Creates DATA_DIR/secret.key with a new random secret: only if absent (O_EXCL), owner-only. */
export function createSecretFile(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(secretFile(dataDir), secret + '\n', { mode: 0o600, flag: 'wx' });
  return secret;
}

const VERSION = 'v1';

/** AES-256-GCM: "v1.<iv>.<tag>.<ciphertext>" in base64url. */
export function encrypt(key: Buffer, plaintext: string | Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function decrypt(key: Buffer, sealed: string): Buffer {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION) throw new Error('unknown ciphertext version');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
}

/** Binary form for files: iv(12) | tag(16) | ciphertext. */
export function encryptBuffer(key: Buffer, data: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(data), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function decryptBuffer(key: Buffer, sealed: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
}

export const hmac = (key: Buffer, value: string) => createHmac('sha256', key).update(value).digest('base64url');
export const sha256 = (value: string | Buffer) => createHash('sha256').update(value).digest('base64url');

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** n random decimal digits from a CSPRNG. */
export function randomDigits(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += randomInt(10).toString();
  return out;
}

export const randomToken = () => randomBytes(32).toString('base64url');
