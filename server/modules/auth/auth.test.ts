import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, TEST_PASSWORD, type TestApp } from '../../test/helpers.ts';
import { isStrongPassword } from './passwords.ts';

describe('staff authentication and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const login = (username: string, password: string, cookie?: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers: cookie ? { cookie } : {} });
  const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
  const cookieOf = (res: Awaited<ReturnType<typeof login>>) => `shouhu_session=${res.cookies.find((c) => c.name === 'shouhu_session')!.value}`;

  it('sets an HttpOnly, SameSite=Strict session cookie with a 256-bit token, stored only as a hash', async () => {
    const res = await login('lk_intake', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'shouhu_session')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Strict');
    expect(Buffer.from(c.value, 'base64url').length).toBe(32);
    const stored = await t.db.query<{ token_hash: string }>('select token_hash from sessions');
    expect(stored.some((s) => s.token_hash === c.value)).toBe(false);
    expect(json(await me(cookieOf(res))).user.username).toBe('lk_intake');
  });

  it('rotates the session at login and ends it at logout', async () => {
    const first = cookieOf(await login('lk_lead', TEST_PASSWORD));
    const second = cookieOf(await login('lk_lead', TEST_PASSWORD, first));
    expect(second).not.toBe(first);
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: second } })).statusCode).toBe(200);
    expect((await me(second)).statusCode).toBe(401);
  });

  it('locks after 5 failures for 15 minutes without revealing whether the username exists', async () => {
    const real = [];
    const ghost = [];
    for (let i = 0; i < 5; i++) {
      real.push(await login('zf_intake', 'Wrong-Passw0rd!'));
      ghost.push(await login('nobody_here', 'Wrong-Passw0rd!'));
    }
    expect(real.map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 401]);
    expect(real.map((r) => r.body)).toEqual(ghost.map((r) => r.body));
    // Locked now, even with the right password; the ghost account behaves the same.
    const locked = await login('zf_intake', TEST_PASSWORD);
    const ghostLocked = await login('nobody_here', TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(json(locked).error.code).toBe('LOGIN_LOCKED');
    expect(ghostLocked.body).toBe(locked.body);
    // After the window the right password works again.
    await t.db.query(`update login_throttle set locked_until = now() - interval '1 second'`);
    expect((await login('zf_intake', TEST_PASSWORD)).statusCode).toBe(200);
    const audit = await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'auth.login_failed'`);
    expect(audit[0].n).toBeGreaterThanOrEqual(10);
  });

  it('ends sessions idle for 30 minutes or older than 12 hours', async () => {
    const idle = cookieOf(await login('yt_intake', TEST_PASSWORD));
    await t.db.query(`update sessions set last_seen_at = now() - interval '31 minutes' where user_id = (select id from users where username = 'yt_intake')`);
    const res = await me(idle);
    expect(res.statusCode).toBe(401);
    expect(json(res).error.code).toBe('SESSION_EXPIRED');
    const old = cookieOf(await login('yt_intake', TEST_PASSWORD));
    await t.db.query(`update sessions set expires_at = now() - interval '1 second' where user_id = (select id from users where username = 'yt_intake')`);
    expect((await me(old)).statusCode).toBe(401);
  });

  it('disabling a user ends their sessions at once; a disabled user cannot sign in', async () => {
    const victim = cookieOf(await login('zf_police', TEST_PASSWORD));
    const admin = await t.login('admin');
    const id = t.world.users.get('zf_police')!;
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/users/${id}/disable`, headers: { cookie: admin } })).statusCode).toBe(200);
    expect((await me(victim)).statusCode).toBe(401);
    const again = await login('zf_police', TEST_PASSWORD);
    expect(again.statusCode).toBe(401);
    expect(json(again).error.code).toBe('LOGIN_FAILED');
    await t.app.inject({ method: 'POST', url: `/api/admin/users/${id}/enable`, headers: { cookie: admin } });
    expect((await login('zf_police', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('admin creates units and users within its region; weak passwords and duplicates are refused', async () => {
    const sdAdmin = await t.login('sd_admin');
    let r = await t.app.inject({ method: 'POST', url: '/api/admin/units', headers: { cookie: sdAdmin }, payload: { regionCode: '370681', kind: 'court', name: '龙口市人民法院' } });
    expect(r.statusCode).toBe(201);
    const unitId = json(r).id;
    r = await t.app.inject({ method: 'POST', url: '/api/admin/units', headers: { cookie: sdAdmin }, payload: { regionCode: '370681', kind: 'court', name: '龙口市人民法院' } });
    expect(r.statusCode).toBe(409);
    r = await t.app.inject({ method: 'POST', url: '/api/admin/units', headers: { cookie: sdAdmin }, payload: { regionCode: '11', kind: 'court', name: '北京市高级人民法院' } });
    expect(r.statusCode).toBe(404); // outside the province admin's jurisdiction
    r = await t.app.inject({ method: 'POST', url: '/api/admin/units', headers: { cookie: sdAdmin }, payload: { regionCode: '370681', kind: 'spaceport', name: '某单位' } });
    expect(r.statusCode).toBe(400);
    const user = { username: 'lk_court', displayName: '法院联络员', unitId, roles: ['handler'] };
    r = await t.app.inject({ method: 'POST', url: '/api/admin/users', headers: { cookie: sdAdmin }, payload: { ...user, password: 'password1' } });
    expect(r.statusCode).toBe(422);
    expect(json(r).error.code).toBe('PASSWORD_WEAK');
    r = await t.app.inject({ method: 'POST', url: '/api/admin/users', headers: { cookie: sdAdmin }, payload: { ...user, password: 'Court-Liaison-2026' } });
    expect(r.statusCode).toBe(201);
    r = await t.app.inject({ method: 'POST', url: '/api/admin/users', headers: { cookie: sdAdmin }, payload: { ...user, password: 'Court-Liaison-2026' } });
    expect(r.statusCode).toBe(409);
    expect(json(r).error.code).toBe('USERNAME_TAKEN');
    expect((await login('lk_court', 'Court-Liaison-2026')).statusCode).toBe(200);
    const stored = await t.db.query<{ password_hash: string }>(`select password_hash from users where username = 'lk_court'`);
    expect(stored[0].password_hash).toMatch(/^\$argon2id\$/);
    const audit = await t.db.query(`select 1 from audit_log where action = 'admin.user_created' and detail->>'username' = 'lk_court'`);
    expect(audit.length).toBe(1);
  });

  it('keeps the audit log append-only in the database itself', async () => {
    await expect(t.db.query(`update audit_log set action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`delete from audit_log`)).rejects.toThrow(/append-only/);
  });
});

describe('password rules', () => {
  it('needs 10+ characters, 3 of 4 classes, and not the username', () => {
    expect(isStrongPassword('Abcdefgh12', 'zhang')).toBe(true);
    expect(isStrongPassword('abcdefgh12', 'zhang')).toBe(false);
    expect(isStrongPassword('Abc12!', 'zhang')).toBe(false);
    expect(isStrongPassword('Zhang-2026-x', 'zhang')).toBe(false);
    expect(isStrongPassword('长城-Great-Wall', 'li')).toBe(true);
  });
});
