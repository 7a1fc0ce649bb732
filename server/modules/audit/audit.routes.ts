import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staff } from '../../plugins/auth.ts';
import { listAudit } from './audit.service.ts';
import { AuditPage } from './audit.schemas.ts';
import { typedTrackingCode } from '../tips/tips.schemas.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      config: { access: 'staff', roles: ['auditor'] },
      schema: {
        tags: ['audit'],
        summary: '查询审计日志（仅审计员，本辖区）',
        querystring: z.object({
          entity: z.string().max(40).optional(),
          entityId: z.string().max(64).optional(),
          action: z.string().max(60).optional(),
          actor: z.string().trim().min(1).max(40).optional(),
          trackingCode: typedTrackingCode.optional(),
          cursor: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: AuditPage },
      },
    },
    async (req) => listAudit(app.deps.db, staff(req), { ...req.query, before: req.query.cursor }),
  );
};
