import { z } from 'zod';
import { HANDOVER_SOURCES, TIP_SOURCES, TIP_STATUS_CODES, type TipSource } from '../../../shared/domain.ts';
import { nextCursor, oneOf, timestamp } from '../../schemas.ts';
import { origin, tipFields } from '../tips/tips.schemas.ts';

const TIP_SOURCE_CODES = Object.keys(TIP_SOURCES) as [TipSource, ...TipSource[]];

/**
 * A member unit's hand-over (移交): the tip's facts as the unit found them, the source (its own
 * inspection, its department, or a court's 线索摸排卡), the unit's own reference number, and for a
 * court card the case it comes with. The reporter, if any, is named as in staff intake.
 */
export const handoverBody = z
  .object({
    ...tipFields,
    reporter: tipFields.reporter.default({ anonymous: true }),
    source: z.enum(HANDOVER_SOURCES).default('department_transfer'),
    sourceRef: origin.sourceRef,
    /** A case of the court's (or the police unit's) that the tip comes with. */
    caseId: z.number().int().positive().optional(),
  })
  .strict();
export type HandoverInput = z.infer<typeof handoverBody>;

export const HandoverCreated = z.object({ id: z.number(), trackingCode: z.string(), officeName: z.string() });

/** One of the unit's hand-overs, as the unit follows it: where it went and where it stands. */
export const HandoverItem = z.object({
  id: z.number(),
  trackingCode: z.string(),
  source: oneOf(TIP_SOURCE_CODES),
  sourceRef: z.string().nullable(),
  status: oneOf(TIP_STATUS_CODES),
  statusLabel: z.string(),
  officeName: z.string(),
  regionName: z.string(),
  receivedAt: timestamp,
  closedAt: timestamp.nullable(),
  summary: z.string(),
});
export const HandoverPage = z.object({ items: z.array(HandoverItem), nextCursor });
export type HandoverPage = z.output<typeof HandoverPage>;
export const handoverQuery = z.object({
  cursor: z.string().regex(/^[1-9]\d{0,15}$/, '分页游标无效，请从第一页重新查询').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** The tips the user may see with a source and reference number: the intake form's duplicate warning. */
export const sourceRefQuery = z.object({ source: z.enum(TIP_SOURCE_CODES), ref: origin.sourceRef.unwrap() });
export const SourceRefTwins = z.object({
  items: z.array(z.object({ id: z.number(), trackingCode: z.string(), status: oneOf(TIP_STATUS_CODES), statusLabel: z.string(), receivedAt: timestamp })),
});

export const TipImportResult = z.object({
  id: z.number(),
  rowsTotal: z.number(),
  created: z.number(),
  /** Rows whose 编号 was imported (or registered) before: the same batch again creates nothing. */
  duplicates: z.number(),
  refused: z.number(),
  /** The first refused rows with their reasons; all of them are in the bad-rows sheet. */
  errors: z.array(z.object({ row: z.number(), reason: z.string() })),
});
export type TipImportResult = z.output<typeof TipImportResult>;

export const TipImport = z.object({
  id: z.number(),
  fileName: z.string().nullable(),
  rowsTotal: z.number(),
  created: z.number(),
  duplicates: z.number(),
  refused: z.number(),
  createdAt: timestamp,
  createdBy: z.string(),
  /** Of the tips it created, how many are closed (办结) — what the results export answers upward. */
  closed: z.number(),
});
export const TipImportList = z.object({ items: z.array(TipImport) });
export type TipImportList = z.output<typeof TipImportList>;
