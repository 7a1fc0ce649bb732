import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staff } from '../../plugins/auth.ts';
import { readDb } from '../../plugins/read-routing.ts';
import { OFFICE_ROLES, TIP_READER_ROLES, TIP_WORKER_ROLES } from '../../../shared/domain.ts';
import { createStaffTip } from './tips.intake.service.ts';
import { runTipAction } from './tips.actions.service.ts';
import { countTips, listTips, revealReporterIdentity, tipByCode, tipDetail, workbench } from './tips.query.service.ts';
import { actionBody, filterQuery, listQuery, ReporterIdentity, StaffTipCreated, staffTipBody, TipCount, TipDetail, TipPage, TipRef, typedTrackingCode, Workbench } from './tips.schemas.ts';
import { exportTips } from './tips.export.ts';
import { sendXlsx } from '../../xlsx.ts';
import { fileBody, XLSX } from '../../schemas.ts';

const idParam = z.object({ id: z.coerce.number().int().positive() });
const READERS = TIP_READER_ROLES;
const WORKERS = TIP_WORKER_ROLES;

export const tipRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, keys } = app.deps;

  app.post(
    '/api/tips',
    { config: { access: 'staff', roles: OFFICE_ROLES }, schema: { tags: ['tips'], summary: '录入其他来源的线索', body: staffTipBody, response: { 201: StaffTipCreated } } },
    async (req, reply) => {
      const r = await createStaffTip(db, keys, staff(req), req.body);
      return reply.status(201).send({ id: r.id, trackingCode: r.trackingCode, accessKey: r.accessKey, status: r.status });
    },
  );

  app.get('/api/tips', { config: { access: 'staff', roles: [...READERS] }, schema: { tags: ['tips'], summary: '线索列表（本辖区）', querystring: listQuery, response: { 200: TipPage } } }, async (req) =>
    listTips(db, staff(req), req.query),
  );

  app.get(
    '/api/tips/count',
    { config: { access: 'staff', roles: [...READERS] }, schema: { tags: ['tips'], summary: '当前筛选条件下的线索总数（超过一万条时为 10000+）', querystring: filterQuery, response: { 200: TipCount } } },
    async (req) => countTips(db, staff(req), req.query),
  );

  app.get(
    '/api/tips/export',
    { config: { access: 'staff', roles: [...READERS], reads: 'replica' }, schema: { tags: ['tips'], summary: '按当前筛选条件导出线索台账 Excel（最多一万条，记入审计）', querystring: filterQuery, produces: [XLSX], response: { 200: fileBody('Excel 文件；X-Export-Rows 为行数，X-Export-Truncated 为 true 时超出上限未全部导出') } } },
    async (req, reply) => sendXlsx(reply, await exportTips(readDb(req), staff(req), req.query), 'tips', '线索'),
  );

  app.get('/api/workbench', { config: { access: 'staff', roles: [...READERS] }, schema: { tags: ['tips'], summary: '工作台：待办数量、临期与超期', response: { 200: Workbench } } }, async (req) =>
    workbench(db, staff(req)),
  );

  app.get(
    '/api/tips/by-code/:trackingCode',
    {
      config: { access: 'staff', roles: [...READERS] },
      schema: { tags: ['tips'], summary: '按查询码查找线索（仅本人可见的线索；不可见与不存在同样答复 404）', params: z.object({ trackingCode: typedTrackingCode }), response: { 200: TipRef } },
    },
    async (req) => tipByCode(db, staff(req), req.params.trackingCode),
  );

  app.get('/api/tips/:id', { config: { access: 'staff', roles: [...READERS] }, schema: { tags: ['tips'], summary: '线索详情', params: idParam, response: { 200: TipDetail } } }, async (req) =>
    tipDetail(db, keys, staff(req), req.params.id),
  );

  app.post(
    '/api/tips/:id/reporter-identity',
    {
      config: { access: 'staff', roles: ['office_lead'] },
      schema: { tags: ['tips'], summary: '查看举报人身份（须填写理由，记入审计）', params: idParam, body: z.object({ reason: z.string().trim().min(4, '请填写查看理由').max(500) }).strict(), response: { 200: ReporterIdentity } },
    },
    async (req) => revealReporterIdentity(db, keys, staff(req), req.params.id, req.body.reason),
  );

  app.post(
    '/api/tips/:id/actions',
    { config: { access: 'staff', roles: [...WORKERS] }, schema: { tags: ['tips'], summary: '办理操作（受理、交办、签收、反馈、协办反馈、退回交办、退回、办结等）', params: idParam, body: actionBody, response: { 200: TipDetail } } },
    async (req) => {
      const user = staff(req);
      await runTipAction(db, user, req.params.id, req.body);
      return tipDetail(db, keys, user, req.params.id);
    },
  );
};
