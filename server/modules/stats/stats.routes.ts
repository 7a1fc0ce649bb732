import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staff } from '../../plugins/auth.ts';
import { readDb } from '../../plugins/read-routing.ts';
import { TIP_READER_ROLES } from '../../../shared/domain.ts';
import { overview } from './stats.service.ts';
import { Overview } from './stats.schemas.ts';

export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/stats/overview',
    {
      config: { access: 'staff', roles: TIP_READER_ROLES, reads: 'replica' },
      schema: { tags: ['stats'], summary: '本辖区概览：按状态、类型统计，每日收办，超期分布，统计期内的打击数字', querystring: z.object({ days: z.coerce.number().int().min(1).max(366).default(30) }), response: { 200: Overview } },
    },
    async (req) => overview(readDb(req), staff(req), req.query.days),
  );
};
