import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staff } from '../../plugins/auth.ts';
import { OFFICE_ROLES, TIP_READER_ROLES } from '../../../shared/domain.ts';
import { idParams } from './cases.schemas.ts';
import {
  PublicTypical, PublicTypicalList, TypicalCase, TypicalPage, TypicalWritten, publicQuery, staffQuery, typicalBody, typicalEditBody, withdrawBody,
} from './typical.schemas.ts';
import { editTypical, listTypical, publicTypical, publicTypicalList, publishTypical, typicalDetail, withdrawTypical, writeTypical } from './typical.service.ts';

/** Typical cases (典型案例): staff write, review and publish; the portal reads published ones. */
export const typicalRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.db;
  const tags = ['typical-cases'];
  const READ = { access: 'staff' as const, roles: [...TIP_READER_ROLES] };
  const LEAD = { access: 'staff' as const, roles: ['office_lead' as const] };

  app.get('/api/typical-cases', { config: READ, schema: { tags, summary: '典型案例（本辖区案件的，含待审核）', querystring: staffQuery, response: { 200: TypicalPage } } },
    async (req) => listTypical(db, staff(req), req.query));
  app.post(
    '/api/typical-cases',
    { config: { access: 'staff', roles: [...OFFICE_ROLES] }, schema: { tags, summary: '撰写典型案例（姓名、证件号、电话、金额等自动脱敏），待审核', body: typicalBody, response: { 201: TypicalWritten } } },
    async (req, reply) => reply.status(201).send(await writeTypical(db, staff(req), req.body)),
  );
  app.get('/api/typical-cases/:id', { config: READ, schema: { tags, summary: '典型案例详情', params: idParams, response: { 200: TypicalCase } } },
    async (req) => typicalDetail(db, staff(req), req.params.id));
  app.put(
    '/api/typical-cases/:id',
    { config: { access: 'staff', roles: [...OFFICE_ROLES] }, schema: { tags, summary: '修改待审核（或已撤回）的典型案例（重新脱敏，修改人成为撰写人，记入审计）', params: idParams, body: typicalEditBody, response: { 200: TypicalCase } } },
    async (req) => editTypical(db, staff(req), req.params.id, req.body),
  );
  app.post('/api/typical-cases/:id/publish', { config: LEAD, schema: { tags, summary: '审核发布（须由撰写人以外的专项办负责人）', params: idParams, response: { 200: TypicalCase } } },
    async (req) => publishTypical(db, staff(req), req.params.id));
  app.post('/api/typical-cases/:id/withdraw', { config: LEAD, schema: { tags, summary: '撤回已发布的典型案例（说明理由，记入审计）', params: idParams, body: withdrawBody, response: { 200: TypicalCase } } },
    async (req) => withdrawTypical(db, staff(req), req.params.id, req.body.reason));

  const PUBLIC = { access: 'public' as const, rateLimit: { max: app.deps.publicRateLimit * 3, timeWindow: '1 minute' } };
  app.get('/api/public/typical-cases', { config: PUBLIC, schema: { tags: ['public'], summary: '已发布的典型案例（分页，含总数）', querystring: publicQuery, response: { 200: PublicTypicalList } } },
    async (req) => publicTypicalList(db, req.query));
  app.get('/api/public/typical-cases/:id', { config: PUBLIC, schema: { tags: ['public'], summary: '典型案例：案情、怎么识别、怎么办', params: idParams, response: { 200: PublicTypical } } },
    async (req) => publicTypical(db, req.params.id));
};
