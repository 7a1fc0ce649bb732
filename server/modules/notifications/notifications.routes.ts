import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staff } from '../../plugins/auth.ts';
import { listNotifications, markRead } from './notifications.service.ts';
import { MarkedRead, NotificationPage } from './notifications.schemas.ts';

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/notifications',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['notifications'],
        summary: '我的站内通知',
        querystring: z.object({
          unread: z.enum(['true', 'false']).optional(),
          cursor: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: NotificationPage },
      },
    },
    async (req) => listNotifications(app.deps.db, staff(req), { ...req.query, unread: req.query.unread === 'true' }),
  );
  app.post(
    '/api/notifications/read',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['notifications'],
        summary: '标记已读（ids 或 all）',
        body: z.object({ ids: z.union([z.array(z.number().int().positive()).max(500), z.literal('all')]) }).strict(),
        response: { 200: MarkedRead },
      },
    },
    async (req) => ({ updated: await markRead(app.deps.db, staff(req).id, req.body.ids) }),
  );
};
