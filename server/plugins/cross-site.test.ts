import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, TEST_PASSWORD, type TestApp } from '../test/helpers.ts';

/**
 * Issue 7, fault 6: a page on another port of the same host could disable users, reset two-factor
 * or sign staff out with a body-less text/plain post; SameSite was the only defence.
 */
describe('cross-site requests to staff routes', () => {
  let t: TestApp;
  let admin: string;
  let userId: number;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    userId = t.world.users.get('lk_lead')!;
  });
  afterAll(() => t.close());

  const disabled = async () => (await t.db.query<{ disabled: boolean }>('select disabled from users where id = $1', [userId]))[0].disabled;
  const disable = (headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: `/api/admin/users/${userId}/disable`, headers: { cookie: admin, host: 'shouhu.example:8080', 'content-type': 'text/plain', ...headers } });

  it('refuses a body-less post from another origin or site (403 CROSS_SITE_REQUEST) and changes nothing', async () => {
    for (const headers of <Record<string, string>[]>[
      { origin: 'http://shouhu.example:5173' },
      { origin: 'null' },
      { 'sec-fetch-site': 'same-site', origin: 'http://shouhu.example:5173' },
      { 'sec-fetch-site': 'cross-site' },
    ]) {
      const res = await disable(headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(json(res).error.code).toBe('CROSS_SITE_REQUEST');
    }
    expect(await disabled()).toBe(false);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: admin, 'sec-fetch-site': 'cross-site' } });
    expect(out.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: admin } })).statusCode).toBe(200);
  });

  it('lets the console itself (same origin) and clients that send neither header through', async () => {
    expect((await disable({ 'sec-fetch-site': 'same-origin', origin: 'http://shouhu.example:8080' })).statusCode).toBe(200);
    expect(await disabled()).toBe(true);
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/users/${userId}/enable`, headers: { cookie: admin, host: 'shouhu.example:8080', origin: 'http://shouhu.example:8080' } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/users/${userId}/disable`, headers: { cookie: admin } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/users/${userId}/enable`, headers: { cookie: admin } })).statusCode).toBe(200);
  });

  it('takes a body only as JSON (415 for text/plain, forms and multipart)', async () => {
    const url = `/api/admin/users/${userId}/password`;
    const body = JSON.stringify({ password: TEST_PASSWORD });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=X']) {
      const res = await t.app.inject({ method: 'POST', url, headers: { cookie: admin, 'content-type': type }, payload: body });
      expect(res.statusCode, type).toBe(415);
      expect(json(res).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    expect((await t.app.inject({ method: 'POST', url, headers: { cookie: admin, 'content-type': 'application/json; charset=utf-8' }, payload: body })).statusCode).toBe(200);
    // The public side too: a login or a report cannot come as a plain-text form post.
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/plain' }, payload: JSON.stringify({ username: 'admin', password: 'x' }) });
    expect(login.statusCode).toBe(415);
  });
});
