import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { childRegions, findRegion, regionWithPath, searchRegions } from './regions.repository.ts';
import { staff } from '../../plugins/auth.ts';
import { jurisdictionSql } from '../access/jurisdiction.ts';
import { RegionHitList, RegionList } from './regions.schemas.ts';

export const regionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/public/regions',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary: '行政区划（不带 parent 返回省份）',
        querystring: z.object({ parent: z.string().regex(/^\d{2,9}$/, '地区代码应为 2–9 位数字').optional() }),
        response: { 200: RegionList },
      },
    },
    async (req, reply) => {
      const parent = req.query.parent ?? null;
      if (parent && !(await findRegion(app.deps.db, parent))) throw new AppError('NOT_FOUND', undefined, '地区不存在');
      void reply.header('Cache-Control', 'public, max-age=86400');
      return childRegions(app.deps.db, parent);
    },
  );

  app.get(
    '/api/regions',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['regions'],
        summary: '按地名查找地区（本辖区优先，最多 20 个），或按代码取一个地区的完整名称',
        querystring: z
          .object({
            q: z.string().trim().min(1, '请输入地名').max(20, '地名最多 20 个字').optional(),
            code: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/, '地区无效：请输入地名并从列表中选择').optional(),
          })
          .refine((x) => (x.q === undefined) !== (x.code === undefined), { path: ['q'], message: '请输入地名' }),
        response: { 200: RegionHitList },
      },
    },
    async (req) =>
      req.query.code !== undefined ? regionWithPath(app.deps.db, req.query.code) : searchRegions(app.deps.db, req.query.q!, jurisdictionSql(staff(req), 'r.code')),
  );
};
