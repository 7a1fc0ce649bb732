import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staff } from '../../plugins/auth.ts';
import { SCREENER_ROLES, TIP_READER_ROLES } from '../../../shared/domain.ts';
import { IdOnly } from '../../schemas.ts';
import { listEnforcement, policeQueue, policeUnitsFor, recordEnforcement } from './enforcement.service.ts';
import { EnforcementPage, TransferPage, enforcementBody, enforcementQuery, subjectQuery, transferQuery } from './enforcement.schemas.ts';
import { CaseUnitList } from '../cases/cases.schemas.ts';
import { sendXlsx } from '../../xlsx.ts';
import { fileBody, XLSX } from '../../schemas.ts';
import { readDb } from '../../plugins/read-routing.ts';
import { exportEnforcement } from './enforcement.export.ts';

export const enforcementRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.db;
  const tags = ['enforcement'];
  app.get(
    '/api/enforcement',
    {
      config: { access: 'staff', roles: [...TIP_READER_ROLES] },
      schema: { tags, summary: '行政执法记录（本辖区主体，分页，含总数及三书一函、行政处罚、罚没金额、移送公安的统计）', querystring: enforcementQuery, response: { 200: EnforcementPage } },
    },
    async (req) => listEnforcement(db, staff(req), req.query),
  );
  app.get(
    '/api/enforcement/export',
    {
      config: { access: 'staff', roles: [...TIP_READER_ROLES], reads: 'replica' },
      schema: { tags, summary: '导出行政执法台账（Excel，按当前筛选，记入审计）', querystring: enforcementQuery, produces: [XLSX], response: { 200: fileBody('Excel 文件；X-Export-Rows 为行数，X-Export-Truncated 为 true 时超出上限未全部导出') } },
    },
    async (req, reply) => sendXlsx(reply, await exportEnforcement(readDb(req), staff(req), req.query), 'enforcement', '行政执法台账'),
  );
  app.get(
    '/api/enforcement/police-units',
    {
      config: { access: 'staff', roles: [...SCREENER_ROLES] },
      schema: { tags, summary: '可移送的公安机关（主体所在地及上级）', querystring: subjectQuery, response: { 200: CaseUnitList } },
    },
    async (req) => policeUnitsFor(db, staff(req), req.query.subjectId),
  );
  app.get(
    '/api/enforcement/transfers',
    {
      config: { access: 'staff', roles: [...TIP_READER_ROLES] },
      schema: { tags, summary: '移送本单位（公安机关）的行刑衔接事项：待立案或已立案，分页，含已关联的案件', querystring: transferQuery, response: { 200: TransferPage } },
    },
    async (req) => policeQueue(db, staff(req), req.query),
  );
  app.post(
    '/api/enforcement',
    {
      config: { access: 'staff', roles: [...SCREENER_ROLES] },
      schema: { tags, summary: '登记一份执法文书（三书一函、行政处罚决定书、移送公安）', body: enforcementBody, response: { 201: IdOnly } },
    },
    async (req, reply) => reply.status(201).send(await recordEnforcement(db, staff(req), req.body)),
  );
};
