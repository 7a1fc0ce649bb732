import * as OTPAuth from 'otpauth';
import type { Db } from '../../db/client.ts';
import { decrypt, encrypt, sha256, type Keys } from '../../crypto.ts';
import { AppError } from '../../errors.ts';
import { actorOf, audit } from '../audit/audit.service.ts';
import { countFailure, refuseWhileLocked, throttleKey, type SessionUser } from './auth.service.ts';
import { verifyPassword } from './passwords.ts';

/**
 * Two factors for staff (security.md §8): RFC 6238 codes (SHA-1, 6 digits, 30 s — what every phone
 * authenticator app reads from a QR code). Secrets are stored encrypted; a code is accepted for its
 * step and the next/previous one (clock drift), and never twice.
 */

const PERIOD = 30;
const ISSUER = '守护';

const totpOf = (secret: string, label = '') =>
  new OTPAuth.TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: OTPAuth.Secret.fromBase32(secret) });

/** The 30-second step a code belongs to (±1 step of now), or null when it is not valid. */
export function matchStep(secret: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secret).validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

/** Records a step as used; false when this or a later step was already used (a replayed code). */
export async function consumeStep(db: Pick<Db, 'query'>, userId: number, step: number): Promise<boolean> {
  const rows = await db.query(
    'update users set totp_last_step = $2 where id = $1 and (totp_last_step is null or totp_last_step < $2) returning id',
    [userId, step],
  );
  return rows.length === 1;
}

/** A decrypted enabled secret, or null when the user has no second factor. */
export async function enabledSecret(db: Db, keys: Keys, userId: number): Promise<string | null> {
  const [u] = await db.query<{ enc: string | null }>('select totp_secret_enc as enc from users where id = $1', [userId]);
  return u?.enc ? decrypt(keys.encryption, u.enc).toString('utf8') : null;
}

export async function totpStatus(db: Db, userId: number) {
  const [u] = await db.query<{ enabled_at: Date | null }>('select totp_enabled_at as enabled_at from users where id = $1', [userId]);
  return { enabled: !!u?.enabled_at, enabledAt: u?.enabled_at ?? null };
}

/** Starts enrolment: a new secret, kept pending until proven; returns it for the QR code. */
export async function beginTotpSetup(db: Db, keys: Keys, user: SessionUser) {
  if ((await totpStatus(db, user.id)).enabled) throw new AppError('TOTP_ALREADY_ENABLED');
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await db.query('update users set totp_pending_enc = $2 where id = $1', [user.id, encrypt(keys.encryption, secret)]);
  return { secret, uri: totpOf(secret, user.username).toString() };
}

/**
 * Finishes enrolment when the password is right and the code proves the phone holds the pending
 * secret. A session alone is not enough (a stolen cookie must not bind the account to the thief's
 * phone), and every other session of the user ends: from now on each needs the second factor.
 */
export async function enableTotp(db: Db, keys: Keys, user: SessionUser, currentToken: string, password: string, code: string) {
  const [u] = await db.query<{ hash: string; pending: string | null; enabled_at: Date | null }>(
    'select password_hash as hash, totp_pending_enc as pending, totp_enabled_at as enabled_at from users where id = $1', [user.id],
  );
  if (u.enabled_at) throw new AppError('TOTP_ALREADY_ENABLED');
  if (!u.pending) throw new AppError('TOTP_NOT_STARTED');
  const key = throttleKey(keys, user.username);
  await refuseWhileLocked(db, key);
  if (!(await verifyPassword(u.hash, password))) {
    await countFailure(db, key, user.id, { during: 'totp_enable' });
    throw new AppError('PASSWORD_WRONG', [{ path: 'password', message: '当前密码不正确' }]);
  }
  const step = matchStep(decrypt(keys.encryption, u.pending).toString('utf8'), code);
  if (step === null) throw new AppError('TOTP_CODE_WRONG', [{ path: 'code', message: '动态码不正确' }]);
  await db.tx(async (q) => {
    await q.query(
      `update users set totp_secret_enc = totp_pending_enc, totp_pending_enc = null, totp_enabled_at = now(), totp_last_step = $2 where id = $1`,
      [user.id, step],
    );
    const ended = await q.query('delete from sessions where user_id = $1 and token_hash <> $2 returning user_id', [user.id, sha256(currentToken)]);
    await audit(q, actorOf(user), { action: 'auth.totp_enabled', entity: 'user', entityId: user.id, detail: { endedSessions: ended.length } });
  });
  return totpStatus(db, user.id);
}

/** Turns the second factor off: needs the password and a current code. */
export async function disableTotp(db: Db, keys: Keys, user: SessionUser, password: string, code: string) {
  const secret = await enabledSecret(db, keys, user.id);
  if (!secret) throw new AppError('TOTP_NOT_ENABLED');
  const [{ hash }] = await db.query<{ hash: string }>('select password_hash as hash from users where id = $1', [user.id]);
  const step = matchStep(secret, code);
  if (!(await verifyPassword(hash, password)) || step === null || !(await consumeStep(db, user.id, step))) {
    throw new AppError('TOTP_CODE_WRONG', [{ path: 'code', message: '密码或动态码不正确' }]);
  }
  await db.tx(async (q) => {
    await q.query('update users set totp_secret_enc = null, totp_pending_enc = null, totp_enabled_at = null where id = $1', [user.id]);
    await audit(q, actorOf(user), { action: 'auth.totp_disabled', entity: 'user', entityId: user.id });
  });
  return totpStatus(db, user.id);
}
