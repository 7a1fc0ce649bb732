import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from './test/helpers.ts';
import { ERRORS } from './errors.ts';
import { ERROR_CODES } from './schemas.ts';

/** The typed API: every route documents what it answers, so the web's types and the docs cannot drift. */
describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>> };
  beforeAll(async () => {
    t = await createTestApp();
    doc = json(await t.app.inject({ method: 'GET', url: '/api/docs/json' }));
  });
  afterAll(() => t.close());

  const apiRoutes = () => t.app.routeList.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));

  it('declares a response schema for the success status of every route', () => {
    const missing: string[] = [];
    for (const r of apiRoutes()) {
      const op = doc.paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()];
      const success = Object.entries(op?.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      if (!success.length || !success.every(([, res]) => Object.values(res.content ?? {}).some((c) => c.schema))) missing.push(`${r.method} ${r.url}`);
    }
    expect(apiRoutes().length).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });

  it('gives the web the answer type of every route that answers JSON (web/api/routes.ts)', () => {
    const map = readFileSync(new URL('../web/api/routes.ts', import.meta.url), 'utf8');
    const missing = apiRoutes().filter((r) => {
      const ok = doc.paths[r.url.replace(/:(\w+)/g, '{$1}')][r.method.toLowerCase()].responses!;
      const files = Object.values(ok).some((res) => Object.values(res.content ?? {}).some((c) => (c.schema as { format?: string }).format === 'binary'));
      return !files && !map.includes(`'${r.method} ${r.url}':`);
    });
    expect(missing).toEqual([]);
  });

  it('documents one error body for every route, with every error code the API has', () => {
    for (const r of apiRoutes()) {
      const op = doc.paths[r.url.replace(/:(\w+)/g, '{$1}')][r.method.toLowerCase()];
      expect(Object.keys(op.responses ?? {}), `${r.method} ${r.url}`).toEqual(expect.arrayContaining(['4XX', '5XX']));
    }
    expect([...ERROR_CODES].sort()).toEqual(Object.keys(ERRORS).sort());
  });

  it('describes times as date-time strings, and sends them as ISO strings as before', async () => {
    const schema = doc.paths['/api/notifications'].get.responses!['200'].content!['application/json'].schema as {
      properties: { items: { items: { properties: Record<string, { format?: string; anyOf?: { format?: string }[] }> } } };
    };
    expect(schema.properties.items.items.properties.createdAt.format).toBe('date-time');
    const cookie = await t.login('admin');
    const res = await t.app.inject({ method: 'GET', url: '/api/admin/users', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const me = json(res).items.find((u: { username: string }) => u.username === 'admin');
    expect(me.lastLoginAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
});
