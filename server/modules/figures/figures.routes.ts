import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INDICATOR_KEYS } from '../../../shared/indicators.ts';
import { OFFICE_ROLES } from '../../../shared/domain.ts';
import { AppError } from '../../errors.ts';
import { staff } from '../../plugins/auth.ts';
import { audit } from '../audit/audit.service.ts';
import { chinaToday as today } from '../../../shared/time.ts';
import { FiguresReported, ReportedFigureList } from './figures.schemas.ts';

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
    async (req, reply) => {
      const user = staff(req);
      const b = req.body;
      if (user.unitKind !== 'campaign_office') throw new AppError('FORBIDDEN', undefined, '只有专项办可以上报统计数字');
      if (b.periodStart > b.periodEnd) throw new AppError('VALIDATION_FAILED', [{ path: 'periodEnd', message: '结束日期不能早于开始日期' }]);
      if (b.periodEnd > today()) throw new AppError('VALIDATION_FAILED', [{ path: 'periodEnd', message: '不能上报未来的统计期' }]);
      const ids = await db.tx(async (q) => {
        const rows = await q.query<{ id: number }>(
          `insert into reported_figures (region_code, unit_id, period_start, period_end, indicator, value, unit, approx, subject, note, quote, source, submitted_by)
           select $1, $2, $3, $4, f.indicator, f.value, f.unit, f.approx, f.subject, f.note, f.quote, $5, $6
           from jsonb_to_recordset($7::jsonb) as f(indicator text, value numeric, unit text, approx boolean, subject text, note text, quote text)
           returning id`,
          [user.unitRegionCode, user.unitId, b.periodStart, b.periodEnd, b.source, user.id, JSON.stringify(b.figures)],
        );
        await audit(q, { id: user.id, name: user.username }, { action: 'figures.reported', entity: 'reported_figures', entityId: rows[0]?.id, detail: { count: rows.length, periodStart: b.periodStart, periodEnd: b.periodEnd, source: b.source } });
        return rows.map((r) => r.id);
      });
      return reply.status(201).send({ ids });
    },
  );

  app.get(
    '/api/figures/reported',
    {
      config: { access: 'staff', roles: ['intake', 'office_lead', 'supervisor', 'viewer'] },
      schema: { tags: ['figures'], summary: '本辖区上报的统计数字', querystring: z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() }), response: { 200: ReportedFigureList } },
    },
    async (req) => {
      const user = staff(req);
      return db.query(
        `select f.id, f.region_code as "regionCode", r.name as "regionName", u.name as "unitName", f.period_start as "periodStart",
                f.period_end as "periodEnd", f.indicator, f.value, f.unit, f.approx, f.subject, f.note, f.quote, f.source, f.submitted_at as "submittedAt"
         from reported_figures f join regions r on r.code = f.region_code join units u on u.id = f.unit_id
         where f.region_code like $1 || '%' and ($2::date is null or f.period_end >= $2) and ($3::date is null or f.period_start <= $3)
         order by f.submitted_at desc, f.id limit 1000`,
        [user.unitRegionCode, req.query.from ?? null, req.query.to ?? null],
      );
    },
  );
};
