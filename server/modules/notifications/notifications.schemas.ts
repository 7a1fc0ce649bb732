import { z } from 'zod';
import { nextCursor, timestamp } from '../../schemas.ts';

export const Notification = z.object({
  id: z.number(),
  kind: z.string(),
  tipId: z.number().nullable(),
  /** The tip the notice is about, named as staff see it — null when the reader may no longer see it. */
  tip: z.object({ id: z.number(), trackingCode: z.string(), summary: z.string() }).nullable(),
  text: z.string(),
  createdAt: timestamp,
  readAt: timestamp.nullable(),
});
export type Notification = z.output<typeof Notification>;
export const NotificationPage = z.object({ items: z.array(Notification), unread: z.number(), nextCursor });
export type NotificationPage = z.output<typeof NotificationPage>;
export const MarkedRead = z.object({ updated: z.number() });
