import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staff } from '../../plugins/auth.ts';
import { SCREENER_ROLES, TIP_READER_ROLES } from '../../../shared/domain.ts';
import { addNote, completeMeasure, planFile, savePlan } from './plans.service.ts';
import { measureParams, noteBody, planBody, PlanFile, planParams } from './plans.schemas.ts';

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.db;
  const READ = { access: 'staff' as const, roles: [...TIP_READER_ROLES] };
  // Those who screen and rectify keep the plan.
  const WRITE = { access: 'staff' as const, roles: [...SCREENER_ROLES] };
  const tags = ['screening'];

  app.get(
    '/api/subjects/:id/plan',
    { config: READ, schema: { tags, summary: '主体的“一院一策”整治方案：措施、责任单位、期限、进展和修改记录', params: planParams, response: { 200: PlanFile } } },
    async (req) => planFile(db, staff(req), req.params.id),
  );

  app.put(
    '/api/subjects/:id/plan',
    {
      config: WRITE,
      schema: { tags, summary: '制定或修改整治方案（仅红色、橙色主体可新建，否则 409；修改记入修改记录）', params: planParams, body: planBody, response: { 200: PlanFile } },
    },
    async (req) => savePlan(db, staff(req), req.params.id, req.body),
  );

  app.post(
    '/api/subjects/:id/plan/notes',
    { config: WRITE, schema: { tags, summary: '记录整治进展（只增不改）', params: planParams, body: noteBody, response: { 200: PlanFile } } },
    async (req) => addNote(db, staff(req), req.params.id, req.body.text),
  );

  app.post(
    '/api/subjects/:id/plan/measures/:mid/done',
    { config: WRITE, schema: { tags, summary: '标记整治措施已完成', params: measureParams, response: { 200: PlanFile } } },
    async (req) => completeMeasure(db, staff(req), req.params.id, req.params.mid),
  );
};
