import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, validTip, type TestApp } from './test/helpers.ts';

describe('the API shell', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ publicRateLimit: 3 });
  });
  afterAll(() => t.close());

  it('reports health with the backend in use', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(json(res)).toMatchObject({ status: 'ok', db: t.databaseUrl ? 'postgres' : 'pglite' });
  });

  it('sends the security headers on public responses (security §5)', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/public/tips/status', payload: { trackingCode: '123456789012', accessKey: '1234567890123456' }, remoteAddress: '10.1.1.1' });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the OpenAPI document listing the API', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = json(res);
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/public/tips', '/api/tips/{id}/actions', '/api/auth/login', '/api/admin/users']) expect(Object.keys(doc.paths)).toContain(p);
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('rate-limits public submissions per client (429 in Chinese), without touching other clients', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip(), remoteAddress: '10.2.2.2' })).statusCode);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    const limited = await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip(), remoteAddress: '10.2.2.2' });
    expect(json(limited).error.code).toBe('TOO_MANY_REQUESTS');
    expect(json(limited).error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip(), remoteAddress: '10.3.3.3' })).statusCode).toBe(201);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(json(res).error.code).toBe('ROUTE_NOT_FOUND');
  });
});
