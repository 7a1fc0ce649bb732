import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staff } from '../../plugins/auth.ts';
import { readDb } from '../../plugins/read-routing.ts';
import { sendXlsx } from '../../xlsx.ts';
import { fileBody, XLSX } from '../../schemas.ts';
import { exportCases } from './cases.export.ts';
import { CASE_WORKER_ROLES, TIP_READER_ROLES } from '../../../shared/domain.ts';
import {
  addFigure, caseDetail, caseSummary, correctFigure, fileCase, linkToCase, listCases, receivers, recordStageAction,
} from './cases.service.ts';
import {
  CaseCreated, CaseDetail, CasePage, CaseSummary, CaseUnitList, FigureRecorded, Linked, StageRecorded, caseBody, caseListQuery, caseUnitsQuery,
  correctionBody, entryParams, figureBody, idParams, linkBody, stageBody, summaryQuery,
} from './cases.schemas.ts';

/** Criminal cases (打击). Thin: each route calls one service function, which decides. */
export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.db;
  const READ = { access: 'staff' as const, roles: [...TIP_READER_ROLES] };
  // Handlers and leads of the units that work the case; which unit may record what is the service's (cases.policy.ts).
  const WORK = { access: 'staff' as const, roles: [...CASE_WORKER_ROLES] };
  const tags = ['cases'];

  app.get('/api/cases', { config: READ, schema: { tags, summary: '刑事案件列表（本辖区或本单位承办，分页，含总数）', querystring: caseListQuery, response: { 200: CasePage } } },
    async (req) => listCases(db, staff(req), req.query));

  app.get(
    '/api/cases/export',
    { config: { ...READ, reads: 'replica' }, schema: { tags, summary: '导出案件列表（Excel，按当前筛选，记入审计）', querystring: caseListQuery, produces: [XLSX], response: { 200: fileBody('Excel 文件；X-Export-Rows 为行数，X-Export-Truncated 为 true 时超出上限未全部导出') } } },
    async (req, reply) => sendXlsx(reply, await exportCases(readDb(req), staff(req), req.query), 'cases', '刑事案件'),
  );

  app.get(
    '/api/cases/summary',
    { config: { ...READ, reads: 'replica' }, schema: { tags, summary: '统计期内的打击数字（立案、破案、抓获、逮捕、起诉、审判、涉案金额、追赃挽损及挽损率），由录入条目汇总', querystring: summaryQuery, response: { 200: CaseSummary } } },
    async (req) => caseSummary(readDb(req), staff(req), req.query.from, req.query.to),
  );

  app.post('/api/cases', { config: WORK, schema: { tags, summary: '立案（公安机关）：登记案件，可关联线索（查询码）与主体', body: caseBody, response: { 201: CaseCreated } } },
    async (req, reply) => reply.status(201).send(await fileCase(db, staff(req), req.body)));

  app.get('/api/cases/:id', { config: READ, schema: { tags, summary: '案件详情：阶段、数字及其更正记录、关联线索与主体', params: idParams, response: { 200: CaseDetail } } },
    async (req) => caseDetail(db, staff(req), req.params.id));

  app.get(
    '/api/cases/:id/receivers',
    { config: READ, schema: { tags, summary: '可移送的检察院或可起诉至的法院（本案所在地及上级）', params: idParams, querystring: caseUnitsQuery, response: { 200: CaseUnitList } } },
    async (req) => receivers(db, staff(req), req.params.id, req.query.kind),
  );

  app.post(
    '/api/cases/:id/stages',
    { config: WORK, schema: { tags, summary: '录入下一阶段：侦破、移送起诉（公安）；提起公诉（检察院）；审判（法院）', params: idParams, body: stageBody, response: { 200: StageRecorded } } },
    async (req) => recordStageAction(db, staff(req), req.params.id, req.body),
  );

  app.post(
    '/api/cases/:id/figures',
    { config: WORK, schema: { tags, summary: '录入一条数字（抓获、逮捕、受害人、金额（分）等），只增不改', params: idParams, body: figureBody, response: { 201: FigureRecorded } } },
    async (req, reply) => reply.status(201).send(await addFigure(db, staff(req), req.params.id, req.body)),
  );

  app.post(
    '/api/cases/:id/figures/:entryId/corrections',
    { config: WORK, schema: { tags, summary: '更正本单位录入的一条数字：新增一条更正记录并说明理由，原记录保留', params: entryParams, body: correctionBody, response: { 201: FigureRecorded } } },
    async (req, reply) => reply.status(201).send(await correctFigure(db, staff(req), req.params.id, req.params.entryId, req.body)),
  );

  app.post(
    '/api/cases/:id/links',
    { config: WORK, schema: { tags, summary: '关联线索（查询码）与主体（立案的公安机关）', params: idParams, body: linkBody, response: { 200: Linked } } },
    async (req) => linkToCase(db, staff(req), req.params.id, req.body),
  );
};
