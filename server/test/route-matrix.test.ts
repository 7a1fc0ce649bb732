import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain.ts';
import { createTestApp, inDays, json, TEST_PASSWORD, validTip, type TestApp } from './helpers.ts';

/**
 * Endpoint × role: every route the app registers must be listed here, with the roles that may call
 * it. Each role calls each route; a role not listed must get 401 (anonymous) or 403, and a listed
 * role must get past access control (any status but 401/403). A new route not listed fails this test.
 */

type Who = Role | 'anonymous';
const ALL_ROLES: Who[] = ['anonymous', 'admin', 'intake', 'office_lead', 'handler', 'unit_lead', 'supervisor', 'viewer', 'auditor'];
const STAFF: Who[] = ALL_ROLES.filter((r) => r !== 'anonymous');
const PUBLIC: Who[] = ALL_ROLES;
const READERS: Who[] = ['intake', 'office_lead', 'handler', 'unit_lead', 'supervisor', 'viewer'];
const WORKERS: Who[] = ['intake', 'office_lead', 'handler', 'unit_lead', 'supervisor'];
const SCREENERS: Who[] = ['intake', 'office_lead', 'handler', 'unit_lead'];

const USER_OF: Record<Exclude<Who, 'anonymous'>, string> = {
  admin: 'admin',
  intake: 'lk_intake',
  office_lead: 'lk_lead',
  handler: 'lk_police',
  unit_lead: 'lk_police_lead',
  supervisor: 'yt_supervisor',
  viewer: 'yt_viewer',
  auditor: 'sd_auditor',
};

interface Ctx {
  tipId: number;
  trackingCode: string;
  accessKey: string;
  throwawayUserId: number;
  unitId: number;
  subjectId: number;
  hazardId: number;
}
interface Entry {
  allow: Who[];
  request: (c: Ctx) => { url: string; payload?: unknown; headers?: Record<string, string> };
  /** A fresh session for this call (logout ends the one it is given). */
  fresh?: boolean;
}

const MATRIX: Record<string, Entry> = {
  'GET /api/health': { allow: PUBLIC, request: () => ({ url: '/api/health' }) },
  'GET /api/public/regions': { allow: PUBLIC, request: () => ({ url: '/api/public/regions?parent=37' }) },
  'POST /api/public/tips': { allow: PUBLIC, request: () => ({ url: '/api/public/tips', payload: validTip() }) },
  'POST /api/public/tips/status': { allow: PUBLIC, request: (c) => ({ url: '/api/public/tips/status', payload: { trackingCode: c.trackingCode, accessKey: c.accessKey } }) },
  'POST /api/public/tips/messages': { allow: PUBLIC, request: (c) => ({ url: '/api/public/tips/messages', payload: { trackingCode: c.trackingCode, accessKey: c.accessKey, text: '补充一点情况' } }) },
  'POST /api/public/tips/rating': { allow: PUBLIC, request: (c) => ({ url: '/api/public/tips/rating', payload: { trackingCode: c.trackingCode, accessKey: c.accessKey, satisfied: true } }) },
  'POST /api/public/tips/reexamination': { allow: PUBLIC, request: (c) => ({ url: '/api/public/tips/reexamination', payload: { trackingCode: c.trackingCode, accessKey: c.accessKey, reason: '请再次核查此事' } }) },
  'POST /api/public/uploads': {
    allow: PUBLIC,
    request: () => ({
      url: '/api/public/uploads',
      payload: '--X\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n0000000000\r\n--X--\r\n',
      headers: { 'content-type': 'multipart/form-data; boundary=X' },
    }),
  },
  'POST /api/auth/login': { allow: PUBLIC, fresh: true, request: () => ({ url: '/api/auth/login', payload: { username: 'lk_viewer_matrix', password: TEST_PASSWORD } }) },
  'POST /api/auth/logout': { allow: STAFF, fresh: true, request: () => ({ url: '/api/auth/logout' }) },
  'GET /api/auth/me': { allow: STAFF, request: () => ({ url: '/api/auth/me' }) },
  'GET /api/auth/totp': { allow: STAFF, request: () => ({ url: '/api/auth/totp' }) },
  'POST /api/auth/totp/setup': { allow: STAFF, request: () => ({ url: '/api/auth/totp/setup' }) },
  'POST /api/auth/totp/enable': { allow: STAFF, request: () => ({ url: '/api/auth/totp/enable', payload: { password: 'x', code: '000000' } }) },
  'POST /api/auth/totp/disable': { allow: STAFF, request: () => ({ url: '/api/auth/totp/disable', payload: { password: TEST_PASSWORD, code: '000000' } }) },
  'POST /api/admin/units': { allow: ['admin'], request: () => ({ url: '/api/admin/units', payload: { regionCode: '370681', kind: 'health', name: `矩阵测试单位${Math.random()}`.slice(0, 20) } }) },
  'GET /api/admin/units': { allow: ['admin'], request: () => ({ url: '/api/admin/units' }) },
  'POST /api/admin/users': { allow: ['admin'], request: (c) => ({ url: '/api/admin/users', payload: { username: `m${Date.now()}${Math.floor(Math.random() * 1000)}`, displayName: '矩阵', unitId: c.unitId, roles: ['viewer'], password: TEST_PASSWORD } }) },
  'GET /api/admin/users': { allow: ['admin'], request: () => ({ url: '/api/admin/users' }) },
  'POST /api/admin/users/:id/disable': { allow: ['admin'], request: (c) => ({ url: `/api/admin/users/${c.throwawayUserId}/disable` }) },
  'POST /api/admin/users/:id/enable': { allow: ['admin'], request: (c) => ({ url: `/api/admin/users/${c.throwawayUserId}/enable` }) },
  'POST /api/admin/users/:id/totp-reset': { allow: ['admin'], request: (c) => ({ url: `/api/admin/users/${c.throwawayUserId}/totp-reset` }) },
  'POST /api/admin/users/:id/password': { allow: ['admin'], request: (c) => ({ url: `/api/admin/users/${c.throwawayUserId}/password`, payload: { password: TEST_PASSWORD } }) },
  'PUT /api/admin/users/:id/roles': { allow: ['admin'], request: (c) => ({ url: `/api/admin/users/${c.throwawayUserId}/roles`, payload: { roles: ['viewer'] } }) },
  'GET /api/routing-rules': { allow: STAFF, request: () => ({ url: '/api/routing-rules' }) },
  'GET /api/routing-rules/history': { allow: ['admin', 'office_lead'], request: () => ({ url: '/api/routing-rules/history' }) },
  'PUT /api/admin/routing-rules': { allow: ['admin'], request: () => ({ url: '/api/admin/routing-rules', payload: { regionPrefix: '370681', fraudType: 'elderly_product', leadKind: 'market_regulation', assistKinds: ['police'] } }) },
  'DELETE /api/admin/routing-rules/:id': { allow: ['admin'], request: () => ({ url: '/api/admin/routing-rules/999999' }) },
  'GET /api/units': { allow: ['intake', 'office_lead', 'supervisor'], request: () => ({ url: '/api/units' }) },
  'GET /api/tips/:id/dispatch-suggestions': { allow: ['intake', 'office_lead'], request: (c) => ({ url: `/api/tips/${c.tipId}/dispatch-suggestions` }) },
  'POST /api/tips': { allow: ['intake', 'office_lead'], request: () => ({ url: '/api/tips', payload: { ...validTip(), source: 'hotline' } }) },
  'GET /api/tips': { allow: READERS, request: () => ({ url: '/api/tips' }) },
  'GET /api/tips/export': { allow: READERS, request: () => ({ url: '/api/tips/export?status=submitted' }) },
  'GET /api/workbench': { allow: READERS, request: () => ({ url: '/api/workbench' }) },
  'GET /api/tips/:id': { allow: READERS, request: (c) => ({ url: `/api/tips/${c.tipId}` }) },
  'POST /api/tips/:id/reporter-identity': { allow: ['office_lead'], request: (c) => ({ url: `/api/tips/${c.tipId}/reporter-identity`, payload: { reason: '核实举报人身份' } }) },
  'POST /api/tips/:id/actions': { allow: WORKERS, request: (c) => ({ url: `/api/tips/${c.tipId}/actions`, payload: { action: 'note', text: '矩阵测试备注' } }) },
  'GET /api/tips/:id/attachments/:uploadId': { allow: READERS, request: (c) => ({ url: `/api/tips/${c.tipId}/attachments/00000000-0000-4000-8000-000000000000` }) },
  'GET /api/notifications': { allow: STAFF, request: () => ({ url: '/api/notifications' }) },
  'POST /api/notifications/read': { allow: STAFF, request: () => ({ url: '/api/notifications/read', payload: { ids: 'all' } }) },
  'GET /api/stats/overview': { allow: READERS, request: () => ({ url: '/api/stats/overview?days=7' }) },
  'POST /api/intel/analyze': { allow: WORKERS, request: () => ({ url: '/api/intel/analyze', payload: { text: '承诺保本保息的养老公寓投资' } }) },
  'POST /api/intel/extract-figures': { allow: [...WORKERS, 'viewer'], request: () => ({ url: '/api/intel/extract-figures', payload: { text: '排查养老机构215家' } }) },
  'GET /api/intel/labelled-data': { allow: ['office_lead'], request: () => ({ url: '/api/intel/labelled-data' }) },
  'POST /api/public/scam-check': { allow: PUBLIC, request: () => ({ url: '/api/public/scam-check', payload: { text: '保本保息，年化收益18%' } }) },
  'POST /api/figures/reported': { allow: ['intake', 'office_lead'], request: () => ({ url: '/api/figures/reported', payload: { periodStart: '2026-01-01', periodEnd: '2026-03-31', source: 'form', figures: [{ indicator: 'meetings', value: 3, unit: '次' }] } }) },
  'GET /api/figures/reported': { allow: ['intake', 'office_lead', 'supervisor', 'viewer'], request: () => ({ url: '/api/figures/reported' }) },
  'POST /api/subjects': { allow: SCREENERS, request: () => ({ url: '/api/subjects', payload: { regionCode: '370681', kind: 'other', name: `矩阵主体${Math.random()}`.slice(0, 20) } }) },
  'GET /api/subjects': { allow: READERS, request: () => ({ url: '/api/subjects' }) },
  'GET /api/subjects/:id': { allow: READERS, request: (c) => ({ url: `/api/subjects/${c.subjectId}` }) },
  'POST /api/subjects/:id/inspections': { allow: SCREENERS, request: (c) => ({ url: `/api/subjects/${c.subjectId}/inspections`, payload: { inspectedOn: '2026-11-01', inspectors: 2, checklist: {} } }) },
  'POST /api/subjects/:id/hazards': { allow: SCREENERS, request: (c) => ({ url: `/api/subjects/${c.subjectId}/hazards`, payload: { description: '消防通道堵塞', category: 'safety', measure: 'rectification_order', deadline: '2026-12-31', responsible: '院长' } }) },
  'POST /api/subjects/:id/risk-override': { allow: ['office_lead', 'unit_lead'], request: (c) => ({ url: `/api/subjects/${c.subjectId}/risk-override`, payload: { grade: null, reason: '矩阵测试恢复自动评级' } }) },
  'GET /api/hazards': { allow: READERS, request: () => ({ url: '/api/hazards' }) },
  'GET /api/hazards/export': { allow: READERS, request: () => ({ url: '/api/hazards/export' }) },
  'GET /api/screening/summary': { allow: READERS, request: () => ({ url: '/api/screening/summary' }) },
  'POST /api/hazards/:id/actions': { allow: SCREENERS, request: (c) => ({ url: `/api/hazards/${c.hazardId}/actions`, payload: { action: 'start' } }) },
  'GET /api/audit': { allow: ['auditor'], request: () => ({ url: '/api/audit' }) },
};

describe('endpoint × role matrix', () => {
  let t: TestApp;
  let ctx: Ctx;
  beforeAll(async () => {
    t = await createTestApp();
    const sub = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ reporter: { anonymous: false, name: '李桂芳', phone: '13700001111' } }) }));
    const [tip] = await t.db.query<{ id: number }>('select id from tips where tracking_code = $1', [sub.trackingCode]);
    const unitId = t.world.units.get('370681:campaign_office')!;
    const admin = await t.login('admin');
    const throwaway = json(await t.app.inject({ method: 'POST', url: '/api/admin/users', headers: { cookie: admin }, payload: { username: 'lk_viewer_matrix', displayName: '矩阵', unitId, roles: ['viewer'], password: TEST_PASSWORD } }));
    const subject = json(await t.app.inject({ method: 'POST', url: '/api/subjects', headers: { cookie: await t.login('lk_intake') }, payload: { regionCode: '370681', kind: 'elderly_care_institution', name: '矩阵测试养老院' } }));
    const hazard = json(await t.app.inject({ method: 'POST', url: `/api/subjects/${subject.id}/hazards`, headers: { cookie: await t.login('lk_intake') }, payload: { description: '预收会员费', category: 'prepaid', measure: 'risk_warning', deadline: '2026-12-31', responsible: '院长' } }));
    ctx = { tipId: tip.id, trackingCode: sub.trackingCode, accessKey: sub.accessKey, throwawayUserId: throwaway.id, unitId, subjectId: subject.id, hazardId: hazard.id };
    // Dispatch it to the county police, so the handler and unit lead see it too.
    const intake = await t.login('lk_intake');
    await t.app.inject({ method: 'POST', url: `/api/tips/${tip.id}/actions`, headers: { cookie: intake }, payload: { action: 'accept' } });
    await t.app.inject({ method: 'POST', url: `/api/tips/${tip.id}/actions`, headers: { cookie: intake }, payload: { action: 'dispatch', leadUnitId: t.world.units.get('370681:police'), deadline: inDays(5), instructions: '请核查' } });
  });
  afterAll(() => t.close());

  it('lists every registered route', () => {
    const registered = t.app.routeList.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs')).map((r) => `${r.method} ${r.url}`);
    expect(registered.filter((r) => !(r in MATRIX)), 'routes missing from the matrix').toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !registered.includes(k)), 'matrix rows without a route').toEqual([]);
  });

  for (const [route, entry] of Object.entries(MATRIX)) {
    it(route, async () => {
      const [method] = route.split(' ');
      for (const who of ALL_ROLES) {
        const req = entry.request(ctx);
        const headers: Record<string, string> = { ...(req.headers ?? {}) };
        if (who !== 'anonymous') headers.cookie = entry.fresh ? await t.login(USER_OF[who], TEST_PASSWORD_FOR(who)) : await t.login(USER_OF[who]);
        const res = await t.app.inject({ method: method as 'GET', url: req.url, payload: req.payload as string, headers });
        if (entry.allow.includes(who)) {
          expect([401, 403], `${route} as ${who}: ${res.body}`).not.toContain(res.statusCode);
        } else {
          expect(res.statusCode, `${route} as ${who}: ${res.body}`).toBe(who === 'anonymous' ? 401 : 403);
          expect(json(res).error.code).toBe(who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        }
      }
    });
  }
});

const TEST_PASSWORD_FOR = (who: Exclude<Who, 'anonymous'>) => (who === 'admin' ? 'Admin-Passw0rd!' : TEST_PASSWORD);
