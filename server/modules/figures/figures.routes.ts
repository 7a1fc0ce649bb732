import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INDICATOR_KEYS } from '../../../shared/indicators.ts';
import { FIGURE_READER_ROLES, FIGURE_REPORTER_ROLES, FIGURE_REVIEWER_ROLES, FIGURE_STATUS_CODES } from '../../../shared/domain.ts';
import { staff } from '../../plugins/auth.ts';
import { approveFigure, listReportedFigures, reportFigures, returnFigure } from './figures.service.ts';
import { FigureReviewed, FiguresReported, ReportedFigurePage } from './figures.schemas.ts';

const idParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

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
      config: { access: 'staff', roles: [...FIGURE_REPORTER_ROLES] },
      schema: {
        tags: ['figures'],
        summary: '上报本单位的统计数字（可来自工作总结的提取结果，经人工核对），待专项办审核',
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
      config: { access: 'staff', roles: [...FIGURE_READER_ROLES] },
      schema: {
        tags: ['figures'],
        summary: '本辖区上报的统计数字（分页；status=submitted 为本人待审核的）',
        querystring: z.object({
          from: z.iso.date().optional(),
          to: z.iso.date().optional(),
          status: z.enum(FIGURE_STATUS_CODES).optional(),
          cursor: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: ReportedFigurePage },
      },
    },
    async (req) => listReportedFigures(db, staff(req), req.query),
  );

  app.post(
    '/api/figures/reported/:id/approve',
    {
      config: { access: 'staff', roles: [...FIGURE_REVIEWER_ROLES] },
      schema: {
        tags: ['figures'],
        summary: '审核通过上报数字（此后计入统计）',
        params: idParams,
        body: z.object({ note: z.string().trim().max(200).nullish() }).strict().default({}),
        response: { 200: FigureReviewed },
      },
    },
    async (req) => {
      await approveFigure(db, staff(req), req.params.id, req.body.note);
      return { id: req.params.id, status: 'approved' as const };
    },
  );

  app.post(
    '/api/figures/reported/:id/return',
    {
      config: { access: 'staff', roles: [...FIGURE_REVIEWER_ROLES] },
      schema: {
        tags: ['figures'],
        summary: '退回上报数字（须填写理由，不计入统计）',
        params: idParams,
        body: z.object({ reason: z.string().trim().min(2, '请填写退回理由（至少 2 个字）').max(200) }).strict(),
        response: { 200: FigureReviewed },
      },
    },
    async (req) => {
      await returnFigure(db, staff(req), req.params.id, req.body.reason);
      return { id: req.params.id, status: 'returned' as const };
    },
  );
};
