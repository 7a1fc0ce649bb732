import { z } from 'zod';
import { FRAUD_TYPE_CODES, TYPICAL_CASE_STATUS_CODES } from '../../../shared/domain.ts';
import { oneOf, timestamp } from '../../schemas.ts';

/** Typical cases (典型案例): what staff write and review, and what the public reads. */

const text = (label: string, min: number, max: number) => z.string().trim().min(min, `请填写${label}（至少 ${min} 个字）`).max(max);

export const typicalBody = z
  .object({
    caseId: z.number().int().positive(),
    title: text('标题', 4, 100),
    fraudType: z.enum(FRAUD_TYPE_CODES),
    body: text('案情', 20, 5000),
    recognise: text('“怎么识别”', 10, 2000),
    advice: text('“怎么办”', 10, 2000),
  })
  .strict();
export type TypicalInput = z.infer<typeof typicalBody>;
/** A draft's text changed before it is published (the case it is about stays). */
export const typicalEditBody = typicalBody.omit({ caseId: true });
export type TypicalEdit = z.infer<typeof typicalEditBody>;

export const withdrawBody = z.object({ reason: text('撤回理由', 4, 500) }).strict();
export const publicQuery = z.object({
  fraudType: z.enum(FRAUD_TYPE_CODES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});
export const staffQuery = z.object({
  status: z.enum(TYPICAL_CASE_STATUS_CODES).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

const fraudType = oneOf(FRAUD_TYPE_CODES);

export const TypicalWritten = z.object({ id: z.number(), masked: z.number() });

export const TypicalCase = z.object({
  id: z.number(),
  caseId: z.number(),
  caseNo: z.string(),
  title: z.string(),
  fraudType,
  body: z.string(),
  recognise: z.string(),
  advice: z.string(),
  status: oneOf(TYPICAL_CASE_STATUS_CODES),
  writtenBy: z.object({ id: z.number(), name: z.string() }),
  writtenAt: timestamp,
  reviewedBy: z.string().nullable(),
  publishedAt: timestamp.nullable(),
  withdrawReason: z.string().nullable(),
});
export type TypicalCase = z.output<typeof TypicalCase>;
export const TypicalPage = z.object({ items: z.array(TypicalCase), total: z.number(), page: z.number(), pageSize: z.number() });

/** What the public reads: the masked text, never the case number, units or people. */
export const PublicTypical = z.object({ id: z.number(), title: z.string(), fraudType, body: z.string(), recognise: z.string(), advice: z.string(), publishedAt: timestamp });
export type PublicTypical = z.output<typeof PublicTypical>;
export const PublicTypicalList = z.object({
  items: z.array(PublicTypical.omit({ body: true, recognise: true, advice: true }).extend({ excerpt: z.string() })),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
