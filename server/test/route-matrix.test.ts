import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKLIST_ITEMS, type Role } from '../../shared/domain.ts';
import { XLSX } from '../schemas.ts';
import { publicityWorkbook } from '../modules/publicity/publicity.fixtures.ts';
import { batchRow, batchWorkbook } from '../modules/intake/intake.fixtures.ts';
import { registryWorkbook } from '../modules/subjects/registry.fixtures.ts';
import { chinaToday } from '../../shared/time.ts';
import { createTestApp, inDays, json, multipart, photoWithLocation, seedSecondProvince, TEST_PASSWORD, validTip, type TestApp } from './helpers.ts';

/**
 * Endpoint × role: every route the app registers must be listed here, with the roles that may call
 * it. Each role calls each route; a role not listed must get 401 (anonymous) or 403, and a listed
 * role must get past access control (any status but 401/403). A new route not listed fails this test.
 * It runs in two provinces (山东省, 江苏省); then each province's staff call the other's objects by id
 * and get 404. Cross-province administration (users, units, routing rules, audit) is in
 * two-provinces-admin.test.ts.
 */

type Who = Role | 'anonymous';
const today = () => chinaToday();
const ALL_ROLES: Who[] = ['anonymous', 'admin', 'intake', 'office_lead', 'handler', 'unit_lead', 'supervisor', 'viewer', 'auditor'];
const STAFF: Who[] = ALL_ROLES.filter((r) => r !== 'anonymous');
const PUBLIC: Who[] = ALL_ROLES;
const READERS: Who[] = ['intake', 'office_lead', 'handler', 'unit_lead', 'supervisor', 'viewer'];
const WORKERS: Who[] = ['intake', 'office_lead', 'handler', 'unit_lead', 'supervisor'];
const SCREENERS: Who[] = ['intake', 'office_lead', 'handler', 'unit_lead'];
// Handlers and leads of police units, procuratorates and courts (which unit records what: the cases service).
const CASE_WORKERS: Who[] = ['handler', 'unit_lead'];

/** Two provinces, each with a user of every role: the matrix runs in both, then each against the other. */
interface Province {
  name: string;
  users: Record<Exclude<Who, 'anonymous'>, string>;
  county: string;
  town: string;
}
const PROVINCES: Province[] = [
  {
    name: '山东省',
    users: { admin: 'sd_admin', intake: 'lk_intake', office_lead: 'lk_lead', handler: 'lk_police', unit_lead: 'lk_police_lead', supervisor: 'yt_supervisor', viewer: 'yt_viewer', auditor: 'sd_auditor' },
    county: '370681',
    town: '370681001',
  },
  {
    name: '江苏省',
    users: { admin: 'js_admin', intake: 'cs_intake', office_lead: 'cs_lead', handler: 'cs_police', unit_lead: 'cs_police_lead', supervisor: 'sz_supervisor', viewer: 'sz_viewer', auditor: 'js_auditor' },
    county: '320581',
    town: '320581001',
  },
];

interface Ctx {
  county: string;
  town: string;
  tipId: number;
  uploadId: string;
  trackingCode: string;
  accessKey: string;
  throwawayUserId: number;
  throwawayUsername: string;
  unitId: number;
  subjectId: number;
  hazardId: number;
  activityId: number;
  /** The police unit's activity: the handler and unit lead correct their own unit's. */
  unitActivityId: number;
  photoId: string;
  importId: number;
  /** A registry import of the county office, and a duplicate subject a lead may merge into subjectId. */
  registryImportId: number;
  duplicateId: number;
  /** The county office's monitoring round and (draft) portal article. */
  roundId: number;
  articleId: number;
  caseId: number;
  entryId: number;
  typicalId: number;
  /** A second typical case, kept a draft for editing (the one published and withdrawn is typicalId). */
  draftId: number;
  /** The city supervisor's round over the county police, and its finding. */
  supervisionId: number;
  findingId: number;
  /** The county police: the supervision round's target, and the handler's and unit lead's own unit (单位负责人审核 settings). */
  policeUnitId: number;
  /** The county office's daily work report (a draft until the matrix's office lead signs it off). */
  reportId: number;
  /** The county office's 12337 batch. */
  tipImportId: number;
  /** A figure the county police reported (reviewed by the county office). */
  figureId: number;
  /** The county office's screening round (排查批次). */
  screeningRoundId: number;
}
interface Entry {
  allow: Who[];
  request: (c: Ctx, who: Who) => { url: string; payload?: unknown; headers?: Record<string, string> };
  /** A fresh session for this call (logout ends the one it is given). */
  fresh?: boolean;
}

const round = (regionCode: string) => ({ title: '矩阵测试广告监测', regionCode, media: ['website'], startDate: inDays(-1).slice(0, 10), counts: { ads_monitored: 10 } });
const article = (regionCode: string) => ({ kind: 'warning', regionCode, title: '矩阵测试预警提示', summary: '矩阵测试摘要', body: '矩阵测试正文，内容不少于十个字。' });
const channel = { hotline: '12345', published: true };
const activity = (regionCode: string) => ({ kind: 'lecture', title: '矩阵测试防诈讲座', regionCode, startDate: inDays(-1).slice(0, 10), counts: { people_reached: 30 } });
// Not a real image or workbook: access control is checked before the body is read.
const TINY_PNG = {
  payload: '--X\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n0000000000\r\n--X--\r\n',
  headers: { 'content-type': 'multipart/form-data; boundary=X' },
};

const withCookie = (m: { payload: Buffer; headers: Record<string, string> }, h: { cookie: string }) => ({ payload: m.payload, headers: { ...m.headers, ...h } });

/** Only the organising unit corrects an activity: each role writes to its own unit's. */
const ownActivity = (c: Ctx, who: Who) => (who === 'handler' || who === 'unit_lead' ? c.unitActivityId : c.activityId);

const screeningRound = (regionCode: string) => ({ title: '矩阵测试排查批次', scope: 'centralized', regionCode, sectors: ['elderly_care_institution'], periodFrom: today(), periodTo: today() });
const CHECKLIST = Object.entries(CHECKLIST_ITEMS).map(([key, label]) => ({ key, label }));

const RUNS: Who[] = ['office_lead', 'supervisor'];
const SUPERVISED: Who[] = ['intake', 'office_lead', 'handler', 'unit_lead'];
const supervisionRound = (c: Ctx) => ({
  title: '矩阵测试督导', method: 'written', startDate: today(), endDate: today(), targetUnitIds: [c.policeUnitId],
  findings: [{ targetUnitId: c.policeUnitId, description: '矩阵测试发现问题', fixRequired: '矩阵测试整改要求', deadline: today() }],
});

const MATRIX: Record<string, Entry> = {
  'GET /api/health': { allow: PUBLIC, request: () => ({ url: '/api/health' }) },
  'GET /api/ready': { allow: PUBLIC, request: () => ({ url: '/api/ready' }) },
  'GET /api/public/regions': { allow: PUBLIC, request: () => ({ url: '/api/public/regions?parent=37' }) },
  'POST /api/public/tips': { allow: PUBLIC, request: (c) => ({ url: '/api/public/tips', payload: validTip({ regionCode: c.town }) }) },
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
  'POST /api/uploads': {
    allow: WORKERS,
    request: () => ({
      url: '/api/uploads',
      payload: '--X\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n0000\r\n--X--\r\n',
      headers: { 'content-type': 'multipart/form-data; boundary=X' },
    }),
  },
  'POST /api/auth/login': { allow: PUBLIC, fresh: true, request: (c) => ({ url: '/api/auth/login', payload: { username: c.throwawayUsername, password: TEST_PASSWORD } }) },
  'POST /api/auth/logout': { allow: STAFF, fresh: true, request: () => ({ url: '/api/auth/logout' }) },
  'GET /api/auth/me': { allow: STAFF, request: () => ({ url: '/api/auth/me' }) },
  'GET /api/auth/totp': { allow: STAFF, request: () => ({ url: '/api/auth/totp' }) },
  'POST /api/auth/totp/setup': { allow: STAFF, request: () => ({ url: '/api/auth/totp/setup' }) },
  'POST /api/auth/totp/enable': { allow: STAFF, request: () => ({ url: '/api/auth/totp/enable', payload: { password: 'x', code: '000000' } }) },
  'POST /api/auth/totp/disable': { allow: STAFF, request: () => ({ url: '/api/auth/totp/disable', payload: { password: TEST_PASSWORD, code: '000000' } }) },
  'POST /api/admin/units': { allow: ['admin'], request: (c) => ({ url: '/api/admin/units', payload: { regionCode: c.county, kind: 'health', name: `矩阵测试单位${Math.random()}`.slice(0, 20) } }) },
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
  'PUT /api/admin/routing-rules': { allow: ['admin'], request: (c) => ({ url: '/api/admin/routing-rules', payload: { regionPrefix: c.county, fraudType: 'elderly_product', leadKind: 'market_regulation', assistKinds: ['police'] } }) },
  'DELETE /api/admin/routing-rules/:id': { allow: ['admin'], request: () => ({ url: '/api/admin/routing-rules/999999' }) },
  'GET /api/units': { allow: ['intake', 'office_lead', 'supervisor'], request: () => ({ url: '/api/units' }) },
  'GET /api/tips/:id/dispatch-suggestions': { allow: ['intake', 'office_lead'], request: (c) => ({ url: `/api/tips/${c.tipId}/dispatch-suggestions` }) },
  'POST /api/tips': { allow: ['intake', 'office_lead'], request: (c) => ({ url: '/api/tips', payload: { ...validTip({ regionCode: c.town }), source: 'hotline' } }) },
  'GET /api/tips': { allow: READERS, request: () => ({ url: '/api/tips' }) },
  'GET /api/tips/count': { allow: READERS, request: () => ({ url: '/api/tips/count?status=submitted' }) },
  'GET /api/tips/export': { allow: READERS, request: () => ({ url: '/api/tips/export?status=submitted' }) },
  'GET /api/workbench': { allow: READERS, request: () => ({ url: '/api/workbench' }) },
  'GET /api/tips/by-code/:trackingCode': { allow: READERS, request: (c) => ({ url: `/api/tips/by-code/${c.trackingCode}` }) },
  'GET /api/regions': { allow: STAFF, request: () => ({ url: `/api/regions?q=${encodeURIComponent('龙口')}` }) },
  'GET /api/tips/:id': { allow: READERS, request: (c) => ({ url: `/api/tips/${c.tipId}` }) },
  'POST /api/tips/:id/reporter-identity': { allow: ['office_lead'], request: (c) => ({ url: `/api/tips/${c.tipId}/reporter-identity`, payload: { reason: '核实举报人身份' } }) },
  'POST /api/tips/:id/actions': { allow: WORKERS, request: (c) => ({ url: `/api/tips/${c.tipId}/actions`, payload: { action: 'note', text: '矩阵测试备注' } }) },
  'GET /api/tips/:id/attachments/:uploadId': { allow: READERS, request: (c) => ({ url: `/api/tips/${c.tipId}/attachments/${c.uploadId}` }) },
  'GET /api/notifications': { allow: STAFF, request: () => ({ url: '/api/notifications' }) },
  'POST /api/notifications/read': { allow: STAFF, request: () => ({ url: '/api/notifications/read', payload: { ids: 'all' } }) },
  'GET /api/stats/overview': { allow: READERS, request: () => ({ url: '/api/stats/overview?days=7' }) },
  'GET /api/stats': { allow: READERS, request: () => ({ url: '/api/stats?indicators=tips_received' }) },
  'POST /api/intel/analyze': { allow: WORKERS, request: () => ({ url: '/api/intel/analyze', payload: { text: '承诺保本保息的养老公寓投资' } }) },
  'POST /api/intel/extract-figures': { allow: [...WORKERS, 'viewer'], request: () => ({ url: '/api/intel/extract-figures', payload: { text: '排查养老机构215家' } }) },
  'GET /api/intel/labelled-data': { allow: ['office_lead'], request: () => ({ url: '/api/intel/labelled-data' }) },
  'POST /api/public/scam-check': { allow: PUBLIC, request: () => ({ url: '/api/public/scam-check', payload: { text: '保本保息，年化收益18%' } }) },
  'POST /api/figures/reported': { allow: ['intake', 'office_lead', 'handler', 'unit_lead'], request: () => ({ url: '/api/figures/reported', payload: { periodStart: '2026-01-01', periodEnd: '2026-03-31', source: 'form', figures: [{ indicator: 'meetings', value: 3, unit: '次' }] } }) },
  'GET /api/figures/reported': { allow: ['intake', 'office_lead', 'handler', 'unit_lead', 'supervisor', 'viewer'], request: () => ({ url: '/api/figures/reported' }) },
  'POST /api/figures/reported/:id/approve': { allow: ['intake', 'office_lead'], request: (c) => ({ url: `/api/figures/reported/${c.figureId}/approve`, payload: {} }) },
  'POST /api/figures/reported/:id/return': { allow: ['intake', 'office_lead'], request: (c) => ({ url: `/api/figures/reported/${c.figureId}/return`, payload: { reason: '矩阵测试退回' } }) },
  'POST /api/subjects': { allow: SCREENERS, request: (c) => ({ url: '/api/subjects', payload: { regionCode: c.county, kind: 'other', name: `矩阵主体${Math.random()}`.slice(0, 20) } }) },
  'GET /api/subjects': { allow: READERS, request: () => ({ url: '/api/subjects' }) },
  'GET /api/subjects/:id': { allow: READERS, request: (c) => ({ url: `/api/subjects/${c.subjectId}` }) },
  'GET /api/subjects/:id/registry': { allow: READERS, request: (c) => ({ url: `/api/subjects/${c.subjectId}/registry` }) },
  'PUT /api/subjects/:id': { allow: SCREENERS, request: (c) => ({ url: `/api/subjects/${c.subjectId}`, payload: { regionCode: c.county, kind: 'elderly_care_institution', name: `${c.county === '370681' ? '山东省' : '江苏省'}矩阵测试养老院` } }) },
  'POST /api/subjects/:id/merge': { allow: ['office_lead', 'unit_lead'], request: (c) => ({ url: `/api/subjects/${c.duplicateId}/merge`, payload: { into: c.subjectId, reason: '矩阵测试合并重复记录' } }) },
  'GET /api/subjects/template': { allow: SCREENERS, request: () => ({ url: '/api/subjects/template?kind=travel_agency' }) },
  'POST /api/subjects/imports': { allow: SCREENERS, request: () => ({ url: '/api/subjects/imports?kind=travel_agency', ...TINY_PNG }) },
  'GET /api/subjects/imports': { allow: SCREENERS, request: () => ({ url: '/api/subjects/imports' }) },
  'GET /api/subjects/imports/:id': { allow: SCREENERS, request: (c) => ({ url: `/api/subjects/imports/${c.registryImportId}` }) },
  'GET /api/subjects/imports/:id/errors': { allow: SCREENERS, request: (c) => ({ url: `/api/subjects/imports/${c.registryImportId}/errors` }) },
  'GET /api/subjects/export': { allow: READERS, request: (c) => ({ url: `/api/subjects/export?regionCode=${c.county}` }) },
  'POST /api/subjects/:id/inspections': { allow: SCREENERS, request: (c) => ({ url: `/api/subjects/${c.subjectId}/inspections`, payload: { inspectedOn: inDays(-1).slice(0, 10), inspectors: 2, checklist: {} } }) },
  'POST /api/subjects/:id/hazards': { allow: SCREENERS, request: (c) => ({ url: `/api/subjects/${c.subjectId}/hazards`, payload: { description: '消防通道堵塞', category: 'safety', measure: 'rectification_order', deadline: inDays(30).slice(0, 10), responsible: '院长', source: { kind: 'complaint', note: '家属投诉' } } }) },
  'POST /api/subjects/:id/risk-override': { allow: ['office_lead', 'unit_lead'], request: (c) => ({ url: `/api/subjects/${c.subjectId}/risk-override`, payload: { grade: null, reason: '矩阵测试恢复自动评级' } }) },
  // 一院一策: the matrix subject is orange (an open prepaid hazard), so the first writer creates the plan.
  'GET /api/subjects/:id/plan': { allow: READERS, request: (c) => ({ url: `/api/subjects/${c.subjectId}/plan` }) },
  'PUT /api/subjects/:id/plan': { allow: SCREENERS, request: (c) => ({ url: `/api/subjects/${c.subjectId}/plan`, payload: { summary: '矩阵测试整治方案', measures: [{ text: '停止预收会员费', unitId: c.unitId, dueOn: inDays(30).slice(0, 10) }] } }) },
  'POST /api/subjects/:id/plan/notes': { allow: SCREENERS, request: (c) => ({ url: `/api/subjects/${c.subjectId}/plan/notes`, payload: { text: '矩阵测试进展' } }) },
  'POST /api/subjects/:id/plan/measures/:mid/done': { allow: SCREENERS, request: (c) => ({ url: `/api/subjects/${c.subjectId}/plan/measures/999999/done` }) },
  'GET /api/hazards': { allow: READERS, request: () => ({ url: '/api/hazards' }) },
  'GET /api/hazards/export': { allow: READERS, request: () => ({ url: '/api/hazards/export' }) },
  'GET /api/screening/summary': { allow: READERS, request: () => ({ url: '/api/screening/summary' }) },
  'GET /api/screening/tables/institutions.xlsx': { allow: READERS, request: (c) => ({ url: `/api/screening/tables/institutions.xlsx?region=${c.county}` }) },
  'GET /api/screening/tables/unregistered.xlsx': { allow: READERS, request: (c) => ({ url: `/api/screening/tables/unregistered.xlsx?region=${c.county}` }) },
  'GET /api/hazards/:id/attachments/:uploadId': { allow: READERS, request: (c) => ({ url: `/api/hazards/${c.hazardId}/attachments/${c.uploadId}` }) },
  'POST /api/hazards/:id/actions': { allow: SCREENERS, request: (c) => ({ url: `/api/hazards/${c.hazardId}/actions`, payload: { action: 'start' } }) },
  // Screening rounds are run by offices and screening departments: this matrix's handler and unit lead are police (403 from the service).
  'POST /api/screening/rounds': { allow: ['intake', 'office_lead'], request: (c) => ({ url: '/api/screening/rounds', payload: screeningRound(c.county) }) },
  'GET /api/screening/rounds': { allow: READERS, request: () => ({ url: '/api/screening/rounds' }) },
  'GET /api/screening/rounds/:id': { allow: READERS, request: (c) => ({ url: `/api/screening/rounds/${c.screeningRoundId}` }) },
  'PATCH /api/screening/rounds/:id': { allow: ['intake', 'office_lead'], request: (c) => ({ url: `/api/screening/rounds/${c.screeningRoundId}`, payload: { title: '矩阵测试排查批次（改）' } }) },
  'GET /api/screening/rounds/:id/coverage': { allow: READERS, request: (c) => ({ url: `/api/screening/rounds/${c.screeningRoundId}/coverage` }) },
  // After this the round is closed: a second close and the corrections are 409, past access control.
  'POST /api/screening/rounds/:id/close': { allow: ['office_lead'], request: (c) => ({ url: `/api/screening/rounds/${c.screeningRoundId}/close` }) },
  'GET /api/screening/checklists': { allow: STAFF, request: () => ({ url: '/api/screening/checklists' }) },
  'PUT /api/screening/checklists/:sector': {
    allow: ['admin'], request: (c) => ({ url: '/api/screening/checklists/other', payload: { items: [...CHECKLIST, { key: `matrix_${c.county}`, label: `矩阵测试检查项${Math.random()}` }] } }),
  },
  'GET /api/audit': { allow: ['auditor'], request: () => ({ url: '/api/audit' }) },
  'GET /api/publicity/activities': { allow: READERS, request: () => ({ url: '/api/publicity/activities' }) },
  'GET /api/publicity/activities/export': { allow: READERS, request: () => ({ url: '/api/publicity/activities/export' }) },
  'POST /api/publicity/activities': { allow: SCREENERS, request: (c) => ({ url: '/api/publicity/activities', payload: activity(c.county) }) },
  'GET /api/publicity/activities/:id': { allow: READERS, request: (c) => ({ url: `/api/publicity/activities/${c.activityId}` }) },
  'PUT /api/publicity/activities/:id': { allow: SCREENERS, request: (c, who) => ({ url: `/api/publicity/activities/${ownActivity(c, who)}`, payload: activity(c.county) }) },
  'POST /api/publicity/activities/:id/photos': { allow: SCREENERS, request: (c, who) => ({ url: `/api/publicity/activities/${ownActivity(c, who)}/photos`, ...TINY_PNG }) },
  'GET /api/publicity/activities/:id/photos/:uploadId': { allow: READERS, request: (c) => ({ url: `/api/publicity/activities/${c.activityId}/photos/${c.photoId}` }) },
  'GET /api/publicity/summary': { allow: READERS, request: () => ({ url: '/api/publicity/summary' }) },
  'GET /api/publicity/template': { allow: SCREENERS, request: () => ({ url: '/api/publicity/template' }) },
  'POST /api/publicity/imports': { allow: SCREENERS, request: () => ({ url: '/api/publicity/imports', ...TINY_PNG }) },
  'GET /api/publicity/imports/:id/errors': { allow: SCREENERS, request: (c) => ({ url: `/api/publicity/imports/${c.importId}/errors` }) },
  // Monitoring rounds are logged by market regulation, cyberspace and offices: this matrix's handler and unit lead are police (403 from the service).
  'GET /api/publicity/monitoring': { allow: READERS, request: () => ({ url: '/api/publicity/monitoring' }) },
  'POST /api/publicity/monitoring': { allow: ['intake', 'office_lead'], request: (c) => ({ url: '/api/publicity/monitoring', payload: round(c.county) }) },
  'GET /api/publicity/monitoring/export': { allow: READERS, request: () => ({ url: '/api/publicity/monitoring/export' }) },
  'GET /api/publicity/monitoring/summary': { allow: READERS, request: () => ({ url: '/api/publicity/monitoring/summary' }) },
  'GET /api/publicity/monitoring/:id': { allow: READERS, request: (c) => ({ url: `/api/publicity/monitoring/${c.roundId}` }) },
  'PUT /api/publicity/monitoring/:id': { allow: ['intake', 'office_lead'], request: (c) => ({ url: `/api/publicity/monitoring/${c.roundId}`, payload: round(c.county) }) },
  'GET /api/publicity/articles': { allow: READERS, request: () => ({ url: '/api/publicity/articles' }) },
  'POST /api/publicity/articles': { allow: ['intake', 'office_lead'], request: (c) => ({ url: '/api/publicity/articles', payload: article(c.county) }) },
  'GET /api/publicity/articles/:id': { allow: READERS, request: (c) => ({ url: `/api/publicity/articles/${c.articleId}` }) },
  'PUT /api/publicity/articles/:id': { allow: ['intake', 'office_lead'], request: (c) => ({ url: `/api/publicity/articles/${c.articleId}`, payload: article(c.county) }) },
  'POST /api/publicity/articles/:id/actions': { allow: ['intake', 'office_lead'], request: (c) => ({ url: `/api/publicity/articles/${c.articleId}/actions`, payload: { action: 'submit' } }) },
  'GET /api/publicity/channels': { allow: READERS, request: () => ({ url: '/api/publicity/channels' }) },
  'PUT /api/publicity/channel': { allow: ['intake', 'office_lead'], request: () => ({ url: '/api/publicity/channel', payload: channel }) },
  // A draft: every visitor gets 404, as for anything unpublished.
  'GET /api/public/articles': { allow: PUBLIC, request: (c) => ({ url: `/api/public/articles?regionCode=${c.county}` }) },
  'GET /api/public/articles/:id': { allow: PUBLIC, request: (c) => ({ url: `/api/public/articles/${c.articleId}` }) },
  'GET /api/public/channels': { allow: PUBLIC, request: (c) => ({ url: `/api/public/channels?regionCode=${c.county}` }) },
  'GET /api/cases': { allow: READERS, request: () => ({ url: '/api/cases' }) },
  'GET /api/cases/export': { allow: READERS, request: () => ({ url: '/api/cases/export' }) },
  'GET /api/cases/summary': { allow: READERS, request: () => ({ url: '/api/cases/summary' }) },
  'POST /api/cases': { allow: CASE_WORKERS, request: (c) => ({ url: '/api/cases', payload: { caseNo: `矩阵${Math.random()}`.slice(0, 20), title: '矩阵测试案件', regionCode: c.county, origin: 'new', filedOn: today() } }) },
  'GET /api/cases/:id': { allow: READERS, request: (c) => ({ url: `/api/cases/${c.caseId}` }) },
  'GET /api/cases/:id/receivers': { allow: READERS, request: (c) => ({ url: `/api/cases/${c.caseId}/receivers?kind=procuratorate` }) },
  'POST /api/cases/:id/stages': { allow: CASE_WORKERS, request: (c) => ({ url: `/api/cases/${c.caseId}/stages`, payload: { stage: 'solved', date: today() } }) },
  'POST /api/cases/:id/figures': { allow: CASE_WORKERS, request: (c) => ({ url: `/api/cases/${c.caseId}/figures`, payload: { kind: 'arrested', value: 1, onDate: today() } }) },
  'POST /api/cases/:id/figures/:entryId/corrections': {
    allow: CASE_WORKERS, request: (c) => ({ url: `/api/cases/${c.caseId}/figures/${c.entryId}/corrections`, payload: { value: 2, reason: '矩阵测试更正' } }),
  },
  'GET /api/enforcement': { allow: READERS, request: () => ({ url: '/api/enforcement' }) },
  'GET /api/enforcement/export': { allow: READERS, request: () => ({ url: '/api/enforcement/export' }) },
  'GET /api/enforcement/police-units': { allow: SCREENERS, request: (c) => ({ url: `/api/enforcement/police-units?subjectId=${c.subjectId}` }) },
  'GET /api/enforcement/transfers': { allow: READERS, request: () => ({ url: '/api/enforcement/transfers' }) },
  'POST /api/enforcement': {
    allow: SCREENERS,
    request: (c) => ({ url: '/api/enforcement', payload: { kind: 'risk_warning_letter', docNo: `矩阵${Math.random()}`.slice(0, 20), subjectId: c.subjectId, issuedOn: today(), summary: '矩阵测试风险提示' } }),
  },
  'GET /api/typical-cases': { allow: READERS, request: () => ({ url: '/api/typical-cases' }) },
  'POST /api/typical-cases': { allow: ['intake', 'office_lead'], request: (c) => ({ url: '/api/typical-cases', payload: { caseId: c.caseId, title: '矩阵测试典型案例', fraudType: 'elderly_product', body: '矩阵测试案情，矩阵测试案情，矩阵测试案情。', recognise: '矩阵测试怎么识别的说明', advice: '矩阵测试怎么办的说明文字' } }) },
  'GET /api/typical-cases/:id': { allow: READERS, request: (c) => ({ url: `/api/typical-cases/${c.typicalId}` }) },
  'PUT /api/typical-cases/:id': {
    allow: ['intake', 'office_lead'],
    request: (c) => ({ url: `/api/typical-cases/${c.draftId}`, payload: { title: '矩阵测试典型案例', fraudType: 'elderly_product', body: '矩阵测试案情，矩阵测试案情，矩阵测试案情。', recognise: '矩阵测试怎么识别的说明', advice: '矩阵测试怎么办的说明文字' } }),
  },
  // Publish before withdraw: the case ends withdrawn, as the other province's checks expect.
  'POST /api/typical-cases/:id/publish': { allow: ['office_lead'], request: (c) => ({ url: `/api/typical-cases/${c.typicalId}/publish` }) },
  'POST /api/typical-cases/:id/withdraw': { allow: ['office_lead'], request: (c) => ({ url: `/api/typical-cases/${c.typicalId}/withdraw`, payload: { reason: '矩阵测试撤回' } }) },
  'GET /api/public/typical-cases': { allow: PUBLIC, request: () => ({ url: '/api/public/typical-cases' }) },
  'GET /api/public/typical-cases/:id': { allow: PUBLIC, request: (c) => ({ url: `/api/public/typical-cases/${c.typicalId}` }) },
  'GET /api/evaluation/ranking': { allow: READERS, request: () => ({ url: '/api/evaluation/ranking' }) },
  'GET /api/evaluation/ranking/export': { allow: READERS, request: () => ({ url: '/api/evaluation/ranking/export' }) },
  'GET /api/evaluation/scheme': { allow: READERS, request: () => ({ url: '/api/evaluation/scheme' }) },
  'POST /api/evaluation/scheme': { allow: ['office_lead'], request: () => ({ url: '/api/evaluation/scheme', payload: { weights: { on_time: 60, reach: 40 }, missingRule: 'zero' } }) },
  'GET /api/evaluation/population': { allow: READERS, request: () => ({ url: '/api/evaluation/population' }) },
  'POST /api/evaluation/population': { allow: ['intake', 'office_lead'], request: (c) => ({ url: '/api/evaluation/population', payload: { regionCode: c.county, population: 150_000, asOf: '2020-11-01', source: '矩阵测试来源' } }) },
  'POST /api/handovers': { allow: ['handler', 'unit_lead'], request: (c) => ({ url: '/api/handovers', payload: { regionCode: c.county, description: '矩阵测试：检查中发现某店以养老服务为名收取会员费。' } }) },
  'GET /api/handovers': { allow: ['handler', 'unit_lead'], request: () => ({ url: '/api/handovers' }) },
  'GET /api/tips/source-ref': { allow: ['intake', 'office_lead'], request: () => ({ url: '/api/tips/source-ref?source=platform_12337&ref=MATRIX-1' }) },
  'POST /api/tip-imports': { allow: ['intake', 'office_lead'], request: () => ({ url: '/api/tip-imports', ...TINY_PNG }) },
  'GET /api/tip-imports': { allow: ['intake', 'office_lead'], request: () => ({ url: '/api/tip-imports' }) },
  'GET /api/tip-imports/:id/errors': { allow: ['intake', 'office_lead'], request: (c) => ({ url: `/api/tip-imports/${c.tipImportId}/errors` }) },
  'GET /api/tip-imports/:id/results': { allow: ['intake', 'office_lead'], request: (c) => ({ url: `/api/tip-imports/${c.tipImportId}/results` }) },
  // 单位负责人审核 settings: the unit's own staff read them, its unit lead or an administrator switches them (left on).
  'GET /api/units/:id/report-approval': { allow: ['admin', 'handler', 'unit_lead'], request: (c) => ({ url: `/api/units/${c.policeUnitId}/report-approval` }) },
  'PUT /api/units/:id/report-approval': { allow: ['admin', 'unit_lead'], request: (c) => ({ url: `/api/units/${c.policeUnitId}/report-approval`, payload: { required: true } }) },
  'POST /api/cases/:id/links': { allow: CASE_WORKERS, request: (c) => ({ url: `/api/cases/${c.caseId}/links`, payload: { subjectIds: [c.subjectId] } }) },
  // Supervision: the round is the city supervisor's (the county office's users get 404, the county police is its target).
  'GET /api/supervision/rounds': { allow: READERS, request: () => ({ url: '/api/supervision/rounds' }) },
  'POST /api/supervision/rounds': { allow: RUNS, request: (c) => ({ url: '/api/supervision/rounds', payload: supervisionRound(c) }) },
  'GET /api/supervision/rounds/:id': { allow: READERS, request: (c) => ({ url: `/api/supervision/rounds/${c.supervisionId}` }) },
  'POST /api/supervision/rounds/:id/findings': {
    allow: RUNS, request: (c) => ({ url: `/api/supervision/rounds/${c.supervisionId}/findings`, payload: supervisionRound(c).findings[0] }),
  },
  'POST /api/supervision/rounds/:id/samples': {
    allow: RUNS, request: (c) => ({ url: `/api/supervision/rounds/${c.supervisionId}/samples`, payload: { targetUnitId: c.policeUnitId, kind: 'callback', size: 1 } }),
  },
  'POST /api/supervision/findings/:id/feedback': { allow: SUPERVISED, request: (c) => ({ url: `/api/supervision/findings/${c.findingId}/feedback`, payload: { feedback: '矩阵测试整改反馈' } }) },
  'POST /api/supervision/findings/:id/verify': { allow: RUNS, request: (c) => ({ url: `/api/supervision/findings/${c.findingId}/verify`, payload: { verified: true } }) },
  'GET /api/supervision/findings/:id/attachments/:uploadId': { allow: READERS, request: (c) => ({ url: `/api/supervision/findings/${c.findingId}/attachments/${c.uploadId}` }) },
  'POST /api/supervision/samples/items/:id/callback': { allow: RUNS, request: () => ({ url: '/api/supervision/samples/items/999999/callback', payload: { reached: false, note: '矩阵测试' } }) },
  'POST /api/supervision/samples/items/:id/answer': { allow: SUPERVISED, request: () => ({ url: '/api/supervision/samples/items/999999/answer', payload: { confirmed: true, answer: '矩阵测试答复' } }) },
  'POST /api/supervision/samples/items/:id/judge': { allow: RUNS, request: () => ({ url: '/api/supervision/samples/items/999999/judge', payload: { upheld: true, note: '矩阵测试' } }) },
  'GET /api/supervision/mine': { allow: READERS, request: () => ({ url: '/api/supervision/mine' }) },
  'GET /api/tips/:id/supervision': { allow: READERS, request: (c) => ({ url: `/api/tips/${c.tipId}/supervision` }) },
  'GET /api/supervision/gaming-flags': { allow: RUNS, request: () => ({ url: '/api/supervision/gaming-flags' }) },
  'GET /api/supervision/staff': { allow: RUNS, request: () => ({ url: '/api/supervision/staff?q=矩阵' }) },
  'GET /api/supervision/units': { allow: RUNS, request: () => ({ url: '/api/supervision/units' }) },
  'GET /api/reports': { allow: READERS, request: () => ({ url: '/api/reports' }) },
  'POST /api/reports': { allow: ['intake', 'office_lead'], request: (c) => ({ url: '/api/reports', payload: { kind: 'daily', regionCode: c.county, from: today() } }) },
  'GET /api/reports/:id': { allow: READERS, request: (c) => ({ url: `/api/reports/${c.reportId}` }) },
  // Edited while a draft; after the lead's sign-off below it is 409 — past access control either way.
  'PUT /api/reports/:id': { allow: ['intake', 'office_lead'], request: (c) => ({ url: `/api/reports/${c.reportId}`, payload: { sections: { work: '矩阵测试', problems: '矩阵测试', plans: '矩阵测试' } } }) },
  'POST /api/reports/:id/sign-off': { allow: ['office_lead'], request: (c) => ({ url: `/api/reports/${c.reportId}/sign-off` }) },
  'GET /api/reports/:id/docx': { allow: READERS, request: (c) => ({ url: `/api/reports/${c.reportId}/docx` }) },
  'GET /api/reports/:id/xlsx': { allow: READERS, request: (c) => ({ url: `/api/reports/${c.reportId}/xlsx` }) },
  'GET /api/urgent-reports': { allow: READERS, request: () => ({ url: '/api/urgent-reports' }) },
  'POST /api/urgent-reports': {
    allow: ['intake', 'office_lead'],
    request: (c) => ({ url: '/api/urgent-reports', payload: { regionCode: c.county, occurredOn: today(), title: '矩阵测试要情报告', description: '矩阵测试要情的基本情况说明。', measures: '矩阵测试措施' } }),
  },
};

/** Routes that name one object by id: another province's user must get 404 (allowed role) or 403, never its data. */
const BY_ID = Object.keys(MATRIX).filter((k) => /:id\b/.test(k) && !k.includes('/api/admin/'));

describe('endpoint × role matrix, in two provinces', () => {
  let t: TestApp;
  const ctx: Ctx[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    const second = await seedSecondProvince(t.db);
    const unitOf = (p: Province, kind: string) => (p.county === '370681' ? t.world.units : second.units).get(`${p.county}:${kind}`)!;
    for (const p of PROVINCES) {
      const as = async (who: Exclude<Who, 'anonymous'>) => ({ cookie: await t.login(p.users[who]) });
      const upload = json(await t.app.inject({ method: 'POST', url: '/api/public/uploads', ...multipart(await photoWithLocation(), 'a.jpg', 'image/jpeg') }));
      const sub = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ regionCode: p.town, attachmentIds: [upload.id], reporter: { anonymous: false, name: '李桂芳', phone: '13700001111' } }) }));
      const [tip] = await t.db.query<{ id: number }>('select id from tips where tracking_code = $1', [sub.trackingCode]);
      const unitId = unitOf(p, 'campaign_office');
      const throwawayUsername = `${p.users.intake.split('_')[0]}_viewer_matrix`;
      const throwaway = json(await t.app.inject({ method: 'POST', url: '/api/admin/users', headers: await as('admin'), payload: { username: throwawayUsername, displayName: '矩阵', unitId, roles: ['viewer'], password: TEST_PASSWORD } }));
      const subject = json(await t.app.inject({ method: 'POST', url: '/api/subjects', headers: await as('intake'), payload: { regionCode: p.county, kind: 'elderly_care_institution', name: `${p.name}矩阵测试养老院` } }));
      const hazard = json(await t.app.inject({ method: 'POST', url: `/api/subjects/${subject.id}/hazards`, headers: await as('intake'), payload: { description: '预收会员费', category: 'prepaid', measure: 'risk_warning', deadline: inDays(30).slice(0, 10), responsible: '院长', source: { kind: 'complaint', note: '家属投诉' } } }));
      // A case filed by the county police (the handler), with one figure entry.
      const filed = json(await t.app.inject({ method: 'POST', url: '/api/cases', headers: await as('handler'), payload: { caseNo: `${p.name}矩阵案件`, title: '矩阵测试案件', regionCode: p.county, origin: 'new', filedOn: today() } }));
      const entry = json(await t.app.inject({ method: 'POST', url: `/api/cases/${filed.id}/figures`, headers: await as('handler'), payload: { kind: 'victims', value: 3, onDate: today() } }));
      const typical = json(await t.app.inject({ method: 'POST', url: '/api/typical-cases', headers: await as('intake'), payload: MATRIX['POST /api/typical-cases'].request({ caseId: filed.id } as Ctx, 'intake').payload as object }));
      const draft = json(await t.app.inject({ method: 'POST', url: '/api/typical-cases', headers: await as('intake'), payload: MATRIX['POST /api/typical-cases'].request({ caseId: filed.id } as Ctx, 'intake').payload as object }));
      // Dispatch it to the county police, so the handler and unit lead see it too.
      const act = async (payload: object) => expect((await t.app.inject({ method: 'POST', url: `/api/tips/${tip.id}/actions`, headers: await as('intake'), payload })).statusCode).toBe(200);
      await act({ action: 'accept' });
      await act({ action: 'dispatch', leadUnitId: unitOf(p, 'police'), deadline: inDays(5), instructions: '请核查' });
      expect([upload.id, sub.trackingCode, throwaway.id, subject.id, hazard.id, filed.id, entry.id, typical.id, draft.id].every(Boolean), `${p.name} set-up`).toBe(true);
      const act2 = json(await t.app.inject({ method: 'POST', url: '/api/publicity/activities', headers: await as('intake'), payload: activity(p.county) }));
      const photo = json(await t.app.inject({ method: 'POST', url: `/api/publicity/activities/${act2.id}/photos`, ...withCookie(multipart(await photoWithLocation(), 'p.jpg', 'image/jpeg'), await as('intake')) }));
      const imported = json(await t.app.inject({ method: 'POST', url: '/api/publicity/imports', ...withCookie(multipart(await publicityWorkbook([['2020-01-01', '', p.county, '专题讲座', '很久以前的讲座']]), 'a.xlsx', XLSX), await as('intake')) }));
      const unitAct = json(await t.app.inject({ method: 'POST', url: '/api/publicity/activities', headers: await as('handler'), payload: activity(p.county) }));
      expect([act2.id, unitAct.id, photo.id, imported.id].every(Boolean), `${p.name} publicity set-up`).toBe(true);
      const registryImport = json(await t.app.inject({ method: 'POST', url: '/api/subjects/imports?kind=travel_agency', ...withCookie(multipart(await registryWorkbook('travel_agency', [['矩阵旅行社', '', p.county]]), 'r.xlsx', XLSX), await as('intake')) }));
      const duplicate = json(await t.app.inject({ method: 'POST', url: '/api/subjects', headers: await as('intake'), payload: { regionCode: p.county, kind: 'elderly_care_institution', name: `${p.name}矩阵测试养老院（重复）`, address: '重复登记' } }));
      expect([registryImport.id, duplicate.id].every(Boolean), `${p.name} registry set-up`).toBe(true);
      const roundMade = json(await t.app.inject({ method: 'POST', url: '/api/publicity/monitoring', headers: await as('intake'), payload: round(p.county) }));
      const articleMade = json(await t.app.inject({ method: 'POST', url: '/api/publicity/articles', headers: await as('intake'), payload: article(p.county) }));
      expect([roundMade.id, articleMade.id].every(Boolean), `${p.name} monitoring and article set-up`).toBe(true);
      const policeUnitId = unitOf(p, 'police');
      const supervised = json(await t.app.inject({ method: 'POST', url: '/api/supervision/rounds', headers: await as('supervisor'), payload: supervisionRound({ policeUnitId } as Ctx) }));
      expect(supervised.findingIds, `${p.name} supervision set-up`).toHaveLength(1);
      const report = json(await t.app.inject({ method: 'POST', url: '/api/reports', headers: await as('intake'), payload: { kind: 'daily', regionCode: p.county, from: today() } }));
      expect(report.id, `${p.name} report set-up`).toBeTruthy();
      const batch = await batchWorkbook([batchRow(`${p.name}-MATRIX-1`, p.county), ['', '', p.county, '', '', '']]);
      const tipImport = json(await t.app.inject({ method: 'POST', url: '/api/tip-imports', ...withCookie(multipart(batch, 'b.xlsx', XLSX), await as('intake')) }));
      expect(tipImport.created, `${p.name} 12337 batch set-up`).toBe(1);
      const figure = json(await t.app.inject({ method: 'POST', url: '/api/figures/reported', headers: await as('handler'), payload: { periodStart: '2026-01-01', periodEnd: '2026-03-31', source: 'form', figures: [{ indicator: 'meetings', value: 2, unit: '次' }] } }));
      expect(figure.ids, `${p.name} figure set-up`).toHaveLength(1);
      const screening = json(await t.app.inject({ method: 'POST', url: '/api/screening/rounds', headers: await as('intake'), payload: screeningRound(p.county) }));
      expect(screening.id, `${p.name} screening round set-up`).toBeTruthy();
      ctx.push({
        county: p.county, town: p.town, tipId: tip.id, uploadId: upload.id, trackingCode: sub.trackingCode, accessKey: sub.accessKey, throwawayUserId: throwaway.id,
        throwawayUsername, unitId, subjectId: subject.id, hazardId: hazard.id, activityId: act2.id, unitActivityId: unitAct.id, photoId: photo.id, importId: imported.id,
        registryImportId: registryImport.id, duplicateId: duplicate.id,
        roundId: roundMade.id, articleId: articleMade.id, caseId: filed.id, entryId: entry.id, typicalId: typical.id, draftId: draft.id,
        supervisionId: supervised.id, findingId: supervised.findingIds[0], policeUnitId,
        reportId: report.id, tipImportId: tipImport.id, figureId: figure.ids[0], screeningRoundId: screening.id,
      });
    }
  });
  afterAll(() => t.close());

  it('lists every registered route', () => {
    const registered = t.app.routeList.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs')).map((r) => `${r.method} ${r.url}`);
    expect(registered.filter((r) => !(r in MATRIX)), 'routes missing from the matrix').toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !registered.includes(k)), 'matrix rows without a route').toEqual([]);
  });

  const call = async (p: Province, who: Who, route: string, c: Ctx) => {
    const entry = MATRIX[route];
    const req = entry.request(c, who);
    const headers: Record<string, string> = { ...(req.headers ?? {}) };
    if (who !== 'anonymous') headers.cookie = entry.fresh ? await t.login(p.users[who], TEST_PASSWORD) : await t.login(p.users[who]);
    return t.app.inject({ method: route.split(' ')[0] as 'GET', url: req.url, payload: req.payload as string, headers });
  };

  PROVINCES.forEach((p, i) => {
    for (const [route, entry] of Object.entries(MATRIX)) {
      it(`${p.name}: ${route}`, async () => {
        for (const who of ALL_ROLES) {
          const res = await call(p, who, route, ctx[i]);
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

  // Each province's staff against the other's tip, subject, hazard and attachment: never found.
  PROVINCES.forEach((p, i) => {
    const other = PROVINCES[1 - i];
    for (const route of BY_ID) {
      it(`${p.name} staff on ${other.name}'s object: ${route} → 404`, async () => {
        for (const who of STAFF) {
          const res = await call(p, who, route, ctx[1 - i]);
          const allowed = MATRIX[route].allow.includes(who);
          expect(res.statusCode, `${route} as ${p.users[who as Exclude<Who, 'anonymous'>]}: ${res.body}`).toBe(allowed ? 404 : 403);
          expect(json(res).error.code).toBe(allowed ? 'NOT_FOUND' : 'FORBIDDEN');
        }
      });
    }

    it(`${p.name} staff do not find ${other.name}'s tip, subject or hazard in any list`, async () => {
      const theirs = ctx[1 - i];
      for (const who of READERS) {
        const get = async (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: await t.login(p.users[who as Exclude<Who, 'anonymous'>]) } });
        const tips = json(await get('/api/tips?limit=200'));
        expect(tips.items.map((x: { id: number }) => x.id), who).not.toContain(theirs.tipId);
        expect(JSON.stringify(json(await get('/api/workbench')))).not.toContain(theirs.trackingCode);
        expect(JSON.stringify(json(await get('/api/subjects')))).not.toContain(`${other.name}矩阵测试养老院`);
        expect(JSON.stringify(json(await get('/api/hazards')))).not.toContain(`${other.name}矩阵测试养老院`);
        expect(json(await get('/api/cases')).items.map((x: { id: number }) => x.id), who).not.toContain(theirs.caseId);
      }
    });
  });
});
