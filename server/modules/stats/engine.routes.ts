import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staff } from '../../plugins/auth.ts';
import { readDb } from '../../plugins/read-routing.ts';
import { TIP_READER_ROLES } from '../../../shared/domain.ts';
import { INDICATOR_KEYS } from '../../../shared/indicators.ts';
import { computeStats, STATS_BY } from './engine.ts';
import { StatsResult } from './stats.schemas.ts';

/** `indicators=k1,k2`: each key checked, so an unknown one is a 400 naming its position. */
const list = z
  .string()
  .max(2000)
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.enum(INDICATOR_KEYS, { error: '未知的统计指标' })).min(1, '请至少选择一项指标').max(INDICATOR_KEYS.length * 2));

export const StatsQuery = z
  .object({
    region: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})?$/, '地区无效：请选择一个地区').optional(),
    from: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
    to: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
    indicators: list.optional(),
    by: z.enum(STATS_BY, { error: '分组方式无效' }).optional(),
    compare: z.enum(['1', '0', 'true', 'false']).optional().transform((v) => v === '1' || v === 'true'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: '结束日期不能早于开始日期' });

export const engineRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/stats',
    {
      config: { access: 'staff', roles: TIP_READER_ROLES, reads: 'replica' },
      schema: {
        tags: ['stats'],
        summary: '统计指标：本辖区（或辖区内某地区）某统计期的各项指标，可按下级地区、日、周、月、类型、行业、单位分组，含环比、同比',
        querystring: StatsQuery,
        response: { 200: StatsResult },
      },
    },
    async (req) => {
      const { region, from, to, indicators, by, compare } = req.query;
      return computeStats(readDb(req), staff(req), { region: region === '' ? '' : region, from, to, indicators, by, compare });
    },
  );
};
