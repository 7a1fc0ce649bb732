import { sql, type Db } from '../../db/client.ts';
import type { Keys } from '../../crypto.ts';
import { decrypt, hmac, randomToken, sha256 } from '../../crypto.ts';
import { AppError } from '../../errors.ts';
import type { Role, UnitKind } from '../../../shared/domain.ts';
import { actorOf, audit } from '../audit/audit.service.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { consumeStep, matchStep } from './totp.ts';

export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60 * 1000;
// last_seen_at is refreshed at most this often, so that reads do not each write.
const TOUCH_MS = 60 * 1000;

/** The signed-in staff member, as every service sees them. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  unitId: number;
  unitKind: UnitKind;
  unitName: string;
  unitRegionCode: string;
}

/** Lockout is kept per attempted username as a keyed hash (never revealing whether it exists). */
export const throttleKey = (keys: Keys, username: string) => hmac(keys.lookupMac, username.trim().toLowerCase());

/** 423-style refusal while a username is locked out (5 failures → 15 minutes, security.md §6). */
export async function refuseWhileLocked(db: Db, key: string): Promise<void> {
  const [throttle] = await db.query<{ locked_until: Date | null }>(sql`select locked_until from login_throttle where username_hash = ${key}`);
  if (throttle?.locked_until && throttle.locked_until.getTime() > Date.now()) throw new AppError('LOGIN_LOCKED');
}

/**
 * Counts a wrong password or code toward the lockout, with its audit row — at login and wherever a
 * password is asked again (turning on two-factor), so a stolen session cannot guess it without limit.
 */
export async function countFailure(db: Db, key: string, userId: number | null, detail: object = {}): Promise<void> {
  await db.tx(async (q) => {
    const [t] = await q.query<{ failures: number }>(
      sql`insert into login_throttle (username_hash, failures, updated_at) values (${key}, 1, now())
          on conflict (username_hash) do update set
            failures = case when login_throttle.locked_until is not null and login_throttle.locked_until <= now()
                            then 1 else login_throttle.failures + 1 end,
            locked_until = null, updated_at = now()
          returning failures`,
    );
    if (t.failures >= MAX_FAILURES) {
      await q.query(sql`update login_throttle set locked_until = now() + interval '15 minutes' where username_hash = ${key}`);
    }
    await audit(q, { id: userId, name: null }, { action: 'auth.login_failed', entity: 'user', entityId: userId, detail: { locked: t.failures >= MAX_FAILURES, ...detail } });
  });
}

/**
 * Checks the password — and the authenticator code when the user has two factors — and opens a new
 * session (a fresh token every login). Wrong passwords and wrong or replayed codes count toward
 * lockout; a missing code (the console then asks for it) neither counts nor clears the count.
 */
export async function login(db: Db, keys: Keys, username: string, password: string, totp?: string): Promise<{ token: string; user: SessionUser }> {
  const key = throttleKey(keys, username);
  await refuseWhileLocked(db, key);
  const [row] = await db.query<{ id: number; password_hash: string; disabled: boolean; totp_secret_enc: string | null }>(
    'select id, password_hash, disabled, totp_secret_enc from users where username = $1',
    [username.trim()],
  );
  const ok = await verifyPassword(row?.password_hash ?? (await dummyPasswordHash()), password);
  const fail = async (code: 'LOGIN_FAILED' | 'TOTP_INVALID'): Promise<never> => {
    await countFailure(db, key, row?.id ?? null, code === 'TOTP_INVALID' ? { factor: 'totp' } : {});
    throw new AppError(code);
  };
  if (!row || !ok || row.disabled) return fail('LOGIN_FAILED');
  if (row.totp_secret_enc) {
    if (!totp) throw new AppError('TOTP_REQUIRED');
    const step = matchStep(decrypt(keys.encryption, row.totp_secret_enc).toString('utf8'), totp);
    if (step === null || !(await consumeStep(db, row.id, step))) await fail('TOTP_INVALID');
  }
  const token = randomToken();
  await db.tx(async (q) => {
    await q.query('delete from login_throttle where username_hash = $1', [key]);
    await q.query(
      `insert into sessions (token_hash, user_id, expires_at) values ($1, $2, now() + make_interval(secs => $3))`,
      [sha256(token), row.id, SESSION_ABSOLUTE_MS / 1000],
    );
    await q.query('update users set last_login_at = now() where id = $1', [row.id]);
    await audit(q, { id: row.id, name: username.trim() }, { action: 'auth.login', entity: 'user', entityId: row.id });
  });
  const user = await loadUser(db, row.id);
  return { token, user: user! };
}

export async function logout(db: Db, token: string, user: SessionUser | null): Promise<void> {
  await db.tx(async (q) => {
    await q.query('delete from sessions where token_hash = $1', [sha256(token)]);
    if (user) await audit(q, actorOf(user), { action: 'auth.logout', entity: 'user', entityId: user.id });
  });
}

interface UserRow {
  id: number; username: string; display_name: string; roles: Role[]; unit_id: number; kind: UnitKind; name: string; region_code: string;
}
const USER_COLUMNS = 'u.id, u.username, u.display_name, u.roles, u.unit_id, un.kind, un.name, un.region_code';
const toSessionUser = (r: UserRow): SessionUser => ({
  id: r.id, username: r.username, displayName: r.display_name, roles: r.roles, unitId: r.unit_id, unitKind: r.kind, unitName: r.name, unitRegionCode: r.region_code,
});

export async function loadUser(db: Db, id: number): Promise<SessionUser | null> {
  const [r] = await db.query<UserRow>(
    `select ${USER_COLUMNS} from users u join units un on un.id = u.unit_id where u.id = $1 and not u.disabled`,
    [id],
  );
  return r ? toSessionUser(r) : null;
}

/** Resolves a cookie token to its user, ending sessions past the idle or absolute limit. */
export async function resolveSession(db: Db, token: string): Promise<SessionUser | 'expired' | null> {
  const hash = sha256(token);
  // The session and its (enabled) user in one query: this runs on every staff request.
  const [s] = await db.query<UserRow & { last_seen_at: Date; expires_at: Date; disabled: boolean }>(
    `select ${USER_COLUMNS}, u.disabled, s.last_seen_at, s.expires_at
     from sessions s join users u on u.id = s.user_id join units un on un.id = u.unit_id where s.token_hash = $1`,
    [hash],
  );
  if (!s) return null;
  const now = Date.now();
  if (s.expires_at.getTime() <= now || s.last_seen_at.getTime() + SESSION_IDLE_MS <= now) {
    await db.query('delete from sessions where token_hash = $1', [hash]);
    return 'expired';
  }
  if (s.disabled) return null;
  if (now - s.last_seen_at.getTime() > TOUCH_MS) {
    await db.query('update sessions set last_seen_at = now() where token_hash = $1', [hash]);
  }
  return toSessionUser(s);
}
