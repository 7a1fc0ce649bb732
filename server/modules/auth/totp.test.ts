import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, TEST_PASSWORD, type TestApp } from '../../test/helpers.ts';
import { matchStep } from './totp.ts';

/** What the phone app shows for a secret at a moment (RFC 6238, as Google/Microsoft Authenticator). */
const codeAt = (secret: string, at = Date.now()) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: at });

describe('two factors for staff (security.md §8)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const login = (username: string, password: string, totp?: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, ...(totp !== undefined ? { totp } : {}) } });
  const post = (cookie: string, url: string, payload?: unknown) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as object });

  it('accepts a code of this step or a neighbouring one, and nothing else', () => {
    const secret = new OTPAuth.Secret({ size: 20 }).base32;
    const now = Date.now();
    const step = Math.floor(now / 30_000);
    expect(matchStep(secret, codeAt(secret, now), now)).toBe(step);
    expect(matchStep(secret, codeAt(secret, now - 30_000), now)).toBe(step - 1);
    expect(matchStep(secret, codeAt(secret, now - 120_000), now)).toBeNull();
    for (const bad of ['', '12345', '1234567', 'abcdef', '12 456']) expect(matchStep(secret, bad, now), bad).toBeNull();
  });

  it('enrols with a QR secret proven by a code, then asks every login for a fresh code; replays, wrong codes and resets behave', async () => {
    const cookie = await t.login('lk_lead');
    expect(json(await t.app.inject({ method: 'GET', url: '/api/auth/totp', headers: { cookie } })).enabled).toBe(false);

    // Enabling without a pending secret, or with a wrong code, changes nothing.
    expect(json(await post(cookie, '/api/auth/totp/enable', { password: TEST_PASSWORD, code: '123456' })).error.code).toBe('TOTP_NOT_STARTED');
    const setup = json(await post(cookie, '/api/auth/totp/setup'));
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\/.*lk_lead\?.*secret=/);
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    const wrong = await post(cookie, '/api/auth/totp/enable', { password: TEST_PASSWORD, code: String((Number(codeAt(setup.secret)) + 1) % 1_000_000).padStart(6, '0') });
    expect(wrong.statusCode).toBe(422);
    expect(json(wrong).error.code).toBe('TOTP_CODE_WRONG');
    expect((await login('lk_lead', TEST_PASSWORD)).statusCode).toBe(200); // still one factor

    const enabled = await post(cookie, '/api/auth/totp/enable', { password: TEST_PASSWORD, code: codeAt(setup.secret) });
    expect(enabled.statusCode).toBe(200);
    expect(json(enabled).enabled).toBe(true);
    // The secret is stored encrypted, never as its base32 text.
    const [row] = await t.db.query<{ enc: string }>("select totp_secret_enc as enc from users where username = 'lk_lead'");
    expect(row.enc).toBeTruthy();
    expect(row.enc).not.toContain(setup.secret);
    expect(json(await post(cookie, '/api/auth/totp/setup')).error.code).toBe('TOTP_ALREADY_ENABLED');

    // Password alone: asked for the code, no session. The enrolment code cannot be used again.
    const noCode = await login('lk_lead', TEST_PASSWORD);
    expect(noCode.statusCode).toBe(401);
    expect(json(noCode).error.code).toBe('TOTP_REQUIRED');
    expect(noCode.cookies.find((c) => c.name === 'shouhu_session')).toBeUndefined();
    const replay = await login('lk_lead', TEST_PASSWORD, codeAt(setup.secret));
    expect(json(replay).error.code).toBe('TOTP_INVALID');
    // A wrong password with a right code is still the plain login failure.
    expect(json(await login('lk_lead', 'Wrong-Passw0rd!', codeAt(setup.secret, Date.now() + 30_000))).error.code).toBe('LOGIN_FAILED');

    // Next step's code (the phone has moved on): signs in.
    const ok = await login('lk_lead', TEST_PASSWORD, codeAt(setup.secret, Date.now() + 30_000));
    expect(ok.statusCode).toBe(200);

    // Wrong codes count toward the lockout like wrong passwords.
    for (let i = 0; i < 5; i++) expect((await login('lk_lead', TEST_PASSWORD, '000000')).statusCode).not.toBe(200);
    const locked = await login('lk_lead', TEST_PASSWORD, codeAt(setup.secret, Date.now() + 60_000));
    expect(locked.statusCode).toBe(429);
    expect(json(locked).error.code).toBe('LOGIN_LOCKED');
    await t.db.query('delete from login_throttle');

    // A lost phone: the administrator resets it (audited) and the user's sessions end.
    const session = `shouhu_session=${ok.cookies.find((c) => c.name === 'shouhu_session')!.value}`;
    const [{ id }] = await t.db.query<{ id: number }>("select id from users where username = 'lk_lead'");
    const reset = await post(await t.login('admin'), `/api/admin/users/${id}/totp-reset`);
    expect(reset.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session } })).statusCode).toBe(401);
    const back = await login('lk_lead', TEST_PASSWORD);
    expect(back.statusCode).toBe(200);

    const audit = json(await t.app.inject({ method: 'GET', url: `/api/audit?entity=user&entityId=${id}&limit=100`, headers: { cookie: await t.login('sd_auditor') } }));
    const actions = audit.items.map((a: { action: string }) => a.action);
    expect(actions).toContain('auth.totp_enabled');
    expect(actions).toContain('admin.totp_reset');
    expect(audit.items.some((a: { action: string; detail: { factor?: string } }) => a.action === 'auth.login_failed' && a.detail?.factor === 'totp')).toBe(true);
  });

  it('turns on only with the current password too, and ends the user\'s other sessions (issue 7 fault 10)', async () => {
    const cookie = await t.login('yt_intake');
    const other = await t.login('yt_intake', TEST_PASSWORD); // the same user signed in elsewhere
    const { secret } = json(await post(cookie, '/api/auth/totp/setup'));
    // A session and a code are not enough: the password is asked for, and checked.
    const noPassword = await post(cookie, '/api/auth/totp/enable', { code: codeAt(secret) });
    expect(noPassword.statusCode).toBe(400);
    expect(json(noPassword).error.fields).toEqual([expect.objectContaining({ path: 'password' })]);
    const wrongPassword = await post(cookie, '/api/auth/totp/enable', { password: 'Wrong-Passw0rd!', code: codeAt(secret) });
    expect(wrongPassword.statusCode).toBe(422);
    expect(json(wrongPassword).error).toMatchObject({ code: 'PASSWORD_WRONG', fields: [{ path: 'password', message: '当前密码不正确' }] });
    expect(json(await t.app.inject({ method: 'GET', url: '/api/auth/totp', headers: { cookie } })).enabled).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: other } })).statusCode).toBe(200);

    expect((await post(cookie, '/api/auth/totp/enable', { password: TEST_PASSWORD, code: codeAt(secret) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200); // this one stays
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: other } })).statusCode).toBe(401);
  });

  it('turns off only with the password and a current code', async () => {
    const cookie = await t.login('yt_viewer');
    const { secret } = json(await post(cookie, '/api/auth/totp/setup'));
    expect((await post(cookie, '/api/auth/totp/enable', { password: TEST_PASSWORD, code: codeAt(secret) })).statusCode).toBe(200);
    const later = codeAt(secret, Date.now() + 30_000);
    expect((await post(cookie, '/api/auth/totp/disable', { password: 'Wrong-Passw0rd!', code: later })).statusCode).toBe(422);
    expect((await post(cookie, '/api/auth/totp/disable', { password: TEST_PASSWORD, code: '000000' })).statusCode).toBe(422);
    expect((await post(cookie, '/api/auth/totp/disable', { password: TEST_PASSWORD })).statusCode).toBe(400);
    const off = await post(cookie, '/api/auth/totp/disable', { password: TEST_PASSWORD, code: later });
    expect(off.statusCode).toBe(200);
    expect(json(off).enabled).toBe(false);
    expect((await login('yt_viewer', TEST_PASSWORD)).statusCode).toBe(200);
  });
});
