import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INDICATOR_KEYS } from '../../../shared/indicators.ts';
import { OFFICE_ROLES } from '../../../shared/domain.ts';
import { staff } from '../../plugins/auth.ts';
import { listReportedFigures, reportFigures } from './figures.service.ts';
import { FiguresReported, ReportedFigurePage } from './figures.schemas.ts';

const OFFICE = OFFICE_ROLES;

const figure = z
  .object({
    indicator: z.enum(INDICATOR_KEYS),
    value: z.number().min(0, '数值不能为负').max(1e15),
    unit: z.string().trim().min(1).max(10),
    approx: z.boolean().default(false),
    subject: z.string().trim().max(40).nullish(),
    note: z.string().trim().max(200).nullish(),
    quote: z.string().trim().max(500).nullish(),
  })
  .strict();

export const figureRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.db;

  app.post(
    '/api/figures/reported',
    {
      config: { access: 'staff', roles: [...OFFICE] },
      schema: {
        tags: ['figures'],
        summary: '上报统计数字（可来自工作总结的提取结果，经人工核对）',
        body: z
          .object({
            periodStart: z.iso.date(),
            periodEnd: z.iso.date(),
            source: z.enum(['form', 'summary']),
            figures: z.array(figure).min(1, '至少上报一项').max(200),
          })
          .strict(),
        response: { 201: FiguresReported },
      },
    },
    async (req, reply) => reply.status(201).send({ ids: await reportFigures(db, staff(req), req.body) }),
  );

  app.get(
    '/api/figures/reported',
    {
      config: { access: 'staff', roles: ['intake', 'office_lead', 'supervisor', 'viewer'] },
      schema: {
        tags: ['figures'],
        summary: '本辖区上报的统计数字（分页）',
        querystring: z.object({
          from: z.iso.date().optional(),
          to: z.iso.date().optional(),
          cursor: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: ReportedFigurePage },
      },
    },
    async (req) => listReportedFigures(db, staff(req), req.query),
  );
};
