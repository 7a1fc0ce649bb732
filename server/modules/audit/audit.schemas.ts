import { z } from 'zod';
import { nextCursor, timestamp } from '../../schemas.ts';

export const AuditItem = z.object({
  id: z.number(),
  at: timestamp,
  actorId: z.number().nullable(),
  /** The username recorded at the time. */
  actorName: z.string().nullable(),
  /** Who acted, in words: 姓名（用户名）, 举报人, 系统 or 未知账号. */
  actor: z.string(),
  actorUnit: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  entity: z.string(),
  entityLabel: z.string(),
  entityId: z.string().nullable(),
  /** The object by name: a tip's tracking code, a user's or unit's name, a subject's name. */
  object: z.string().nullable(),
  /** The detail as labelled fields in Chinese, with names for the units, tips and subjects it refers to. */
  fields: z.array(z.object({ label: z.string(), value: z.string() })),
  /** What the action recorded; its shape depends on the action. */
  detail: z.unknown(),
});
export type AuditItem = z.output<typeof AuditItem>;
export const AuditPage = z.object({ items: z.array(AuditItem), nextCursor });
