import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staff } from '../../plugins/auth.ts';
import { reportApproval, setReportApproval } from './approval.service.ts';
import { ReportApproval, reportApprovalBody, unitParam } from './approval.schemas.ts';

/** 单位负责人审核 settings of a member unit (the approving itself is a tip action: approve_report / reject_report). */
export const approvalRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.db;
  const tags = ['approval'];
  app.get(
    '/api/units/:id/report-approval',
    {
      config: { access: 'staff', roles: ['admin', 'handler', 'unit_lead'] },
      schema: { tags, summary: '本单位办理结果是否须经单位负责人审核', params: unitParam, response: { 200: ReportApproval } },
    },
    async (req) => reportApproval(db, staff(req), req.params.id),
  );
  app.put(
    '/api/units/:id/report-approval',
    {
      config: { access: 'staff', roles: ['admin', 'unit_lead'] },
      schema: { tags, summary: '开启或关闭本单位办理结果的单位负责人审核（一人单位可关闭；记入审计）', params: unitParam, body: reportApprovalBody, response: { 200: ReportApproval } },
    },
    async (req) => setReportApproval(db, staff(req), req.params.id, req.body.required),
  );
};
