import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, seedSecondProvince, TEST_PASSWORD, validTip, type TestApp } from './helpers.ts';

/**
 * Administration across provinces (issue 7, fault 11): a province's administrator and auditor act on
 * and read only their own province. 山东省 (sd_admin, sd_auditor) against a seeded 江苏省 (js_admin,
 * js_auditor): the other province's users, units, routing rules and audit rows are "not found".
 * The national administrator (admin) is the control: it may act everywhere.
 */
describe('administration in two provinces', () => {
  let t: TestApp;
  let js: Awaited<ReturnType<typeof seedSecondProvince>>;
  let jsRuleId: number;
  let jsTipId: number;
  beforeAll(async () => {
    t = await createTestApp();
    js = await seedSecondProvince(t.db);
    const rule = await t.app.inject({ method: 'PUT', url: '/api/admin/routing-rules', headers: { cookie: await t.login('admin') }, payload: { regionPrefix: '32', fraudType: 'elderly_service', leadKind: 'police', assistKinds: [] } });
    expect(rule.statusCode).toBe(200);
    jsRuleId = json(rule).id;
    // Something happens in 江苏省 that the audit log records: a tip accepted by its office.
    const sub = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ regionCode: '320581001' }) }));
    [{ id: jsTipId }] = await t.db.query<{ id: number }>('select id from tips where tracking_code = $1', [sub.trackingCode]);
    const accepted = await t.app.inject({ method: 'POST', url: `/api/tips/${jsTipId}/actions`, headers: { cookie: await t.login('cs_intake') }, payload: { action: 'accept' } });
    expect(accepted.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  const as = async (username: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: { cookie: await t.login(username) } });

  it("a province's administrator cannot act on the other province's users (404)", async () => {
    const id = js.users.get('cs_intake')!;
    for (const [method, url, payload] of [
      ['POST', `/api/admin/users/${id}/disable`],
      ['POST', `/api/admin/users/${id}/enable`],
      ['POST', `/api/admin/users/${id}/totp-reset`],
      ['POST', `/api/admin/users/${id}/password`, { password: 'Another-Passw0rd!' }],
      ['PUT', `/api/admin/users/${id}/roles`, { roles: ['admin'] }],
    ] as const) {
      const res = await as('sd_admin', method, url, payload);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(404);
    }
    const [u] = await t.db.query<{ roles: string[]; disabled: boolean }>('select roles, disabled from users where id = $1', [id]);
    expect(u).toEqual({ roles: ['intake'], disabled: false });
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'cs_intake', password: TEST_PASSWORD } })).statusCode).toBe(200);
  });

  it("nor create users or units there, nor list them", async () => {
    const user = await as('sd_admin', 'POST', '/api/admin/users', { username: 'sd_planted', displayName: '越权', unitId: js.units.get('32:campaign_office')!, roles: ['admin'], password: TEST_PASSWORD });
    expect([404, 422], user.body).toContain(user.statusCode);
    const unit = await as('sd_admin', 'POST', '/api/admin/units', { regionCode: '320581', kind: 'health', name: '常熟市卫生健康局' });
    expect(unit.statusCode, unit.body).toBe(404);
    expect(await t.db.query("select 1 from users where username = 'sd_planted' union all select 1 from units where name = '常熟市卫生健康局'")).toEqual([]);
    const users = json(await as('sd_admin', 'GET', '/api/admin/users?limit=200'));
    expect(JSON.stringify(users)).not.toMatch(/"(js|sz|cs)_/);
    const units = json(await as('sd_admin', 'GET', '/api/admin/units?limit=200')).items;
    expect(units.map((u: { regionCode: string }) => u.regionCode).filter((r: string) => r.startsWith('32'))).toEqual([]);
  });

  it("nor create, change or delete routing rules of the other province or of the nation", async () => {
    for (const regionPrefix of ['32', '320581', '']) {
      const res = await as('sd_admin', 'PUT', '/api/admin/routing-rules', { regionPrefix, fraudType: 'elderly_service', leadKind: 'court', assistKinds: [] });
      expect([403, 404], `rule for "${regionPrefix}": ${res.body}`).toContain(res.statusCode);
    }
    const del = await as('sd_admin', 'DELETE', `/api/admin/routing-rules/${jsRuleId}`);
    expect(del.statusCode, del.body).toBe(404);
    expect(await t.db.query("select 1 from routing_rules where lead_kind = 'court'")).toEqual([]);
    expect(await t.db.query('select 1 from routing_rules where id = $1', [jsRuleId])).toHaveLength(1);
    // Nor read them: the rules and the history that concern 山东省 are its own and the nation's.
    const listed = json(await as('sd_admin', 'GET', '/api/routing-rules')) as { id: number; regionPrefix: string }[];
    expect(listed.some((r) => r.id === jsRuleId)).toBe(false);
    expect(listed.some((r) => r.regionPrefix === '')).toBe(true);
    expect(listed.every((r) => r.regionPrefix === '' || r.regionPrefix.startsWith('37'))).toBe(true);
    const history = json(await as('sd_admin', 'GET', '/api/routing-rules/history?limit=200')).items as { ruleId: number }[];
    expect(history.some((h) => h.ruleId === jsRuleId)).toBe(false);
    expect(json(await as('js_admin', 'GET', '/api/routing-rules/history?limit=200')).items.some((h: { ruleId: number }) => h.ruleId === jsRuleId)).toBe(true);
    // Its own province stays its to manage.
    expect((await as('sd_admin', 'PUT', '/api/admin/routing-rules', { regionPrefix: '3706', fraudType: 'elderly_service', leadKind: 'police', assistKinds: [] })).statusCode).toBe(200);
  });

  it("a province's auditor reads only its own province's audit rows", async () => {
    const rows = json(await as('sd_auditor', 'GET', '/api/audit?limit=200')).items as { actorName: string | null; entity: string; entityId: string | null }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.entity === 'tip' && r.entityId === String(jsTipId))).toEqual([]);
    expect(rows.filter((r) => /^(js|sz|cs)_/.test(r.actorName ?? ''))).toEqual([]);
    const theirs = json(await as('js_auditor', 'GET', `/api/audit?entity=tip&entityId=${jsTipId}&limit=200`)).items;
    expect(theirs.length).toBeGreaterThan(0);
  });

  it('the national administrator acts in both provinces (control)', async () => {
    expect((await as('admin', 'POST', `/api/admin/users/${js.users.get('sz_viewer')!}/disable`)).statusCode).toBe(200);
    expect((await as('admin', 'POST', `/api/admin/users/${js.users.get('sz_viewer')!}/enable`)).statusCode).toBe(200);
    expect((await as('js_admin', 'POST', `/api/admin/users/${t.world.users.get('lk_intake')!}/disable`)).statusCode).toBe(404);
  });
});
