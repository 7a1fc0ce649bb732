import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, TEST_PASSWORD, type TestApp } from '../../test/helpers.ts';

describe('administration within a jurisdiction', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const call = async (user: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: await t.login(user) }, ...(payload ? { payload } : {}) });
  const rule = (regionPrefix: string) => ({ regionPrefix, fraudType: 'elderly_service', leadKind: 'police', assistKinds: [] });

  it('a province administrator sets routing rules for the province only, never for another province or the nation', async () => {
    const count = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from routing_rules'))[0].n;
    const before = await count();
    for (const prefix of ['', '11', '1101']) {
      const r = await call('sd_admin', 'PUT', '/api/admin/routing-rules', rule(prefix));
      expect(r.statusCode, prefix).toBe(403);
      expect(json(r).error.message).toMatch(/本辖区/);
      expect(json(r).error.fields[0].path).toBe('regionPrefix');
    }
    const national = (await t.db.query<{ id: number; lead_kind: string }>(`select id, lead_kind from routing_rules where region_prefix = '' and fraud_type = 'elderly_service'`))[0];
    expect((await call('sd_admin', 'DELETE', `/api/admin/routing-rules/${national.id}`)).statusCode).toBe(403);
    expect(await count()).toBe(before);
    expect((await t.db.query<{ lead_kind: string }>('select lead_kind from routing_rules where id = $1', [national.id]))[0].lead_kind).toBe(national.lead_kind);
    // Inside the province it may, and so may the nation's administrator anywhere.
    const own = await call('sd_admin', 'PUT', '/api/admin/routing-rules', rule('3706'));
    expect(own.statusCode).toBe(200);
    expect((await call('sd_admin', 'DELETE', `/api/admin/routing-rules/${json(own).id}`)).statusCode).toBe(200);
    expect((await call('admin', 'PUT', '/api/admin/routing-rules', rule('11'))).statusCode).toBe(200);
  });

  it('nobody changes their own roles; another administrator may', async () => {
    const self = t.world.users.get('sd_admin')!;
    const r = await call('sd_admin', 'PUT', `/api/admin/users/${self}/roles`, { roles: ['admin', 'auditor'] });
    expect(r.statusCode).toBe(403);
    expect(json(r).error.message).toMatch(/自己的角色/);
    expect((await t.db.query<{ roles: string[] }>('select roles from users where id = $1', [self]))[0].roles).toEqual(['admin']);
    const national = await t.db.query<{ id: number }>(`select id from users where username = 'admin'`);
    expect((await call('admin', 'PUT', `/api/admin/users/${national[0].id}/roles`, { roles: ['admin', 'auditor'] })).statusCode).toBe(403);
    expect((await call('admin', 'PUT', `/api/admin/users/${self}/roles`, { roles: ['admin'] })).statusCode).toBe(200);
  });

  it('an auditor reads the audit rows of their jurisdiction: its people’s actions and what was done to its records', async () => {
    // The nation's administrator creates a unit in 北京 and resets the password of a 山东 user.
    const beijing = json(await call('admin', 'POST', '/api/admin/units', { regionCode: '11', kind: 'police', name: '北京市公安局（审计测试）' })).id;
    const zfPolice = t.world.users.get('zf_police')!;
    expect((await call('admin', 'POST', `/api/admin/users/${zfPolice}/password`, { password: 'Audit-Scope-2026!' })).statusCode).toBe(200);
    // The province's administrator creates a unit in 龙口.
    const longkou = json(await call('sd_admin', 'POST', '/api/admin/units', { regionCode: '370681', kind: 'court', name: '龙口市人民法院（审计测试）' })).id;
    const sees = async (auditor: string, entity: string, id: number) =>
      json(await call(auditor, 'GET', `/api/audit?entity=${entity}&entityId=${id}`)).items.map((e: any) => e.action);
    expect(await sees('sd_auditor', 'unit', beijing)).toEqual([]);
    expect(await sees('sd_auditor', 'unit', longkou)).toEqual(['admin.unit_created']);
    expect(await sees('sd_auditor', 'user', zfPolice)).toContain('admin.password_reset');
    const all = json(await call('sd_auditor', 'GET', '/api/audit?limit=200')).items;
    expect(all.some((e: any) => e.entity === 'unit' && e.entityId === String(beijing))).toBe(false);
    // The nation's auditor sees everything.
    const unit = (await t.db.query<{ id: number }>(`select id from units where region_code = '' limit 1`))[0].id;
    expect((await call('admin', 'POST', '/api/admin/users', { username: 'cn_auditor', displayName: '全国审计员', unitId: unit, roles: ['auditor'], password: TEST_PASSWORD })).statusCode).toBe(201);
    expect(await sees('cn_auditor', 'unit', beijing)).toEqual(['admin.unit_created']);
    expect(await sees('cn_auditor', 'unit', longkou)).toEqual(['admin.unit_created']);
  });

  it('a duplicate name is 409 CONFLICT on its field, also when requests race (the unique constraint decides, never a 500)', async () => {
    const payload = { regionCode: '370602', kind: 'court', name: '芝罘区人民法院' };
    const results = await Promise.all(Array.from({ length: 8 }, () => call('sd_admin', 'POST', '/api/admin/units', payload)));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) {
      expect(json(r).error).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'name', message: '该地区已有同名单位' }] });
    }
    const unitId = json(results.find((r) => r.statusCode === 201)!).id;
    const user = { username: 'zf_court', displayName: '法院联络员', unitId, roles: ['handler'], password: 'Court-Liaison-2026' };
    const users = await Promise.all(Array.from({ length: 4 }, () => call('sd_admin', 'POST', '/api/admin/users', user)));
    expect(users.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
    for (const r of users.filter((x) => x.statusCode === 409)) expect(json(r).error.fields[0].path).toBe('username');
  });

  it('unit lists are pages with a cursor, never cut off silently; a forged cursor is a 400', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const r = await call('sd_admin', 'GET', `/api/admin/units?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.statusCode).toBe(200);
      const page: any = json(r);
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((u: any) => u.id));
      cursor = page.nextCursor;
    } while (cursor);
    const expected = await t.db.query<{ id: number }>(`select id from units where region_code like '37%' order by region_code, id`);
    expect(seen).toEqual(expected.map((u) => u.id));
    // The dispatch list: the same pages, without the user's own unit.
    const dispatchable: number[] = [];
    cursor = null;
    do {
      const page: any = json(await call('yt_intake', 'GET', `/api/units?limit=5${cursor ? `&cursor=${cursor}` : ''}`));
      dispatchable.push(...page.items.map((u: any) => u.id));
      cursor = page.nextCursor;
    } while (cursor);
    const inCity = await t.db.query<{ id: number }>(`select id from units where region_code like '3706%' and id <> $1 order by region_code, id`, [t.world.units.get('3706:campaign_office')]);
    expect(dispatchable).toEqual(inCity.map((u) => u.id));
    for (const bad of ['x', '37:abc', '37:0', ':99999999999999999', '37%:1']) {
      const r = await call('sd_admin', 'GET', `/api/admin/units?cursor=${encodeURIComponent(bad)}`);
      expect(r.statusCode, bad).toBe(400);
      expect(json(r).error.fields[0].path).toBe('querystring.cursor');
    }
  });
});
