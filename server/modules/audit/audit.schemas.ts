import { z } from 'zod';
import { nextCursor, timestamp } from '../../schemas.ts';

export const AuditItem = z.object({
  id: z.number(),
  at: timestamp,
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** What the action recorded; its shape depends on the action. */
  detail: z.unknown(),
});
export type AuditItem = z.output<typeof AuditItem>;
export const AuditPage = z.object({ items: z.array(AuditItem), nextCursor });
