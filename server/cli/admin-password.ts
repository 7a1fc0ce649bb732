/**
 * npm run admin:password -- <username> [--stdin] [--reset-totp]
 *
 * Sets a new password for a staff account from the server's own machine — the way back in when the
 * administrator's password is lost and no other administrator can reset it in the console. Without
 * --stdin a strong password is generated and printed once; with --stdin the first line of standard
 * input is taken (never from the command line, where other users could read it in the process list).
 * The same policy and hashing as the console (passwords.ts); the user's sessions end, the lockout is
 * lifted, and the audit log records it. --reset-totp also clears a lost second factor.
 * Reads the server's settings (.env, then the environment); on the embedded database, stop the server first.
 * Exit codes: 0 done, 1 cannot run here (settings, database, secret), 2 refused (usage, no such user, weak password).
 */
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { sql } from '../db/client.ts';
import { keyFingerprint } from '../crypto.ts';
import { audit } from '../modules/audit/audit.service.ts';
import { throttleKey } from '../modules/auth/auth.service.ts';
import { hashPassword, isStrongPassword } from '../modules/auth/passwords.ts';
import { fail, openForCommand } from './open.ts';

const USAGE = '用法 / usage: npm run admin:password -- <用户名> [--stdin] [--reset-totp]';
const POLICY = '密码至少 10 个字符，含大写字母、小写字母、数字、符号中的至少三类，且不含用户名 / at least 10 characters, three of upper case, lower case, digits and symbols, not containing the username';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const names = args.filter((a) => !a.startsWith('--'));
const unknown = [...flags].filter((f) => f !== '--stdin' && f !== '--reset-totp');
if (names.length !== 1 || unknown.length) fail(unknown.length ? `未知选项 / unknown option: ${unknown.join(' ')}\n${USAGE}` : USAGE, 2);
const username = names[0].trim();

async function readFirstLine(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('新密码（输入会显示在屏幕上）/ new password (visible as typed): ');
  let text = '';
  for await (const chunk of process.stdin) {
    text += chunk;
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0];
}

function generate(): string {
  for (;;) {
    const pw = `Sh-${randomBytes(12).toString('base64url')}9`;
    if (isStrongPassword(pw, username)) return pw;
  }
}

// The password is settled before the database is opened, so that a refused one changes nothing.
const fromStdin = flags.has('--stdin');
const password = fromStdin ? await readFirstLine() : generate();
if (!isStrongPassword(password, username)) fail(`密码强度不足，未做任何更改 / password too weak, nothing changed: ${POLICY}`, 2);

const { db, keys, close } = await openForCommand('重设密码', { existing: true });
/** A refusal thrown inside the work below, reported once the database is closed (left clean for the server). */
class Refusal extends Error {
  constructor(message: string, readonly code: 1 | 2) {
    super(message);
  }
}
let refused: Refusal | undefined;
try {
  const [fingerprint] = await db.query<{ fingerprint: string }>('select fingerprint from key_fingerprint').catch((err: { code?: string }) => {
    if (err.code === '42P01') throw new Refusal('数据库尚未初始化（没有表）：请先 npm start 一次。/ The database has no tables yet: run npm start once.', 1);
    throw err;
  });
  if (fingerprint && fingerprint.fingerprint !== keyFingerprint(keys)) {
    throw new Refusal('密钥与数据库不匹配：请使用服务器的 SHOUHU_SECRET 或 DATA_DIR/secret.key。未做任何更改。/ The secret does not match this database; nothing changed.', 1);
  }
  const [user] = await db.query<{ id: number; disabled: boolean; totp: boolean }>(
    sql`select id, disabled, totp_secret_enc is not null as totp from users where username = ${username}`,
  );
  if (!user) throw new Refusal(`找不到账号「${username}」，未做任何更改 / no user "${username}", nothing changed`, 2);
  const resetTotp = flags.has('--reset-totp');
  const passwordHash = await hashPassword(password);
  const ended = await db.tx(async (q) => {
    await q.query(sql`update users set password_hash = ${passwordHash}, password_changed_at = now() where id = ${user.id}`);
    if (resetTotp) await q.query(sql`update users set totp_secret_enc = null, totp_pending_enc = null, totp_enabled_at = null where id = ${user.id}`);
    const sessions = await q.query<{ n: number }>(sql`with d as (delete from sessions where user_id = ${user.id} returning 1) select count(*)::int as n from d`);
    await q.query(sql`delete from login_throttle where username_hash = ${throttleKey(keys, username)}`);
    // No signed-in actor: the row names the command and the operating-system account that ran it.
    await audit(q, { id: null, name: 'admin:password' }, {
      action: 'admin.password_reset', entity: 'user', entityId: user.id, detail: { via: 'command_line', osUser: userInfo().username, totpReset: resetTotp },
    });
    if (resetTotp) await audit(q, { id: null, name: 'admin:password' }, { action: 'admin.totp_reset', entity: 'user', entityId: user.id, detail: { via: 'command_line' } });
    return sessions[0].n;
  });
  console.log(fromStdin ? `已为 ${username} 设置新密码。` : `已为 ${username} 设置新密码（仅显示这一次）：${password}`);
  console.log(`已结束其 ${ended} 个登录会话，已解除登录锁定${resetTotp ? '，已清除两步验证（登录后可重新开启）' : ''}；已记入审计日志。`);
  if (user.totp && !resetTotp) console.log('该账号开启了两步验证：若验证器手机也已丢失，请加 --reset-totp 再运行一次。');
  if (user.disabled) console.log('注意：该账号已停用，须由其他管理员在“用户管理”中启用后才能登录。');
} catch (err) {
  if (!(err instanceof Refusal)) throw err;
  refused = err;
} finally {
  await close();
}
if (refused) fail(refused.message, refused.code);
