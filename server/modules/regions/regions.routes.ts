import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { childRegions, findRegion } from './regions.repository.ts';
import { RegionList } from './regions.schemas.ts';

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
};
