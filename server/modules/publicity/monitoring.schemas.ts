import { z } from 'zod';
import { AD_MEDIA_CODES, MONITORING_COUNT_KEYS, type MonitoringCountKey } from '../../../shared/domain.ts';
import { day, oneOf, timestamp, unitIdFilter } from '../../schemas.ts';
import { activityDate, checkRange, count, Figure, fromBeforeTo, periodQuery, regionCode } from './publicity.schemas.ts';

/** The round's figures: every key of MONITORING_COUNTS, 0 when not given. */
const monitoringCounts = z
  .object(Object.fromEntries(MONITORING_COUNT_KEYS.map((k) => [k, count.default(0)])) as Record<MonitoringCountKey, z.ZodDefault<typeof count>>)
  .strict()
  // Cleaned ads may include ones found before this round (or reported by the public), so only "found" is bounded.
  .refine((c) => c.illegal_ads_found <= c.ads_monitored, { message: '发现的违法违规广告不能多于监测的广告', path: ['illegal_ads_found'] });
export type MonitoringCounts = Record<MonitoringCountKey, number>;

const roundFields = z
  .object({
    title: z.string().trim().min(2, '请填写监测名称（至少 2 个字）').max(100, '监测名称不能超过 100 字'),
    regionCode,
    media: z.array(z.enum(AD_MEDIA_CODES, '请选择监测的媒介')).min(1, '请至少选择一种监测媒介').max(AD_MEDIA_CODES.length)
      .refine((m) => new Set(m).size === m.length, '监测媒介不能重复'),
    startDate: activityDate('开始日期'),
    endDate: activityDate('结束日期').optional(),
    counts: monitoringCounts,
    note: z.string().trim().max(1000, '备注不能超过 1000 字').nullish(),
  })
  .strict();

export const roundBody = roundFields.superRefine(checkRange);
export type RoundInput = z.infer<typeof roundBody>;
/** A correction: the whole round again, and a reason when its period has already been reported. */
export const roundUpdateBody = roundFields
  .extend({ reason: z.string().trim().min(4, '请说明更正理由（至少 4 个字）').max(500, '更正理由不能超过 500 字').optional() })
  .superRefine(checkRange);

export const roundFilter = z.object({
  ...periodQuery,
  medium: z.enum(AD_MEDIA_CODES).optional(),
  regionCode: regionCode.optional(),
  mine: z.stringbool().optional(),
  /** One logging unit's rounds (a by=unit row of the statistics links here). */
  unitId: unitIdFilter,
  q: z.string().trim().max(60).optional(),
});
export type RoundFilter = z.infer<typeof roundFilter>;
export const roundListQuery = roundFilter
  .extend({ page: z.coerce.number().int().min(1).max(100_000).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) })
  .refine(fromBeforeTo, { message: '开始日期不能晚于结束日期', path: ['to'] });
export const roundExportQuery = roundFilter.refine(fromBeforeTo, { message: '开始日期不能晚于结束日期', path: ['to'] });
export const monitoringSummaryQuery = z.object(periodQuery).refine(fromBeforeTo, { message: '开始日期不能晚于结束日期', path: ['to'] });

// ── Responses ────────────────────────────────────────────────────────────────────────────────

const countsOut = z.object(Object.fromEntries(MONITORING_COUNT_KEYS.map((k) => [k, z.number()])) as Record<MonitoringCountKey, z.ZodNumber>);

const roundOut = {
  id: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  title: z.string(),
  media: z.array(oneOf(AD_MEDIA_CODES)),
  startDate: day,
  endDate: day,
  counts: countsOut,
  note: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp.nullable(),
};
export const RoundListItem = z.object(roundOut);
export type RoundListItem = z.output<typeof RoundListItem>;

export const RoundPage = z.object({
  items: z.array(RoundListItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** Sums over every round the filter matches (not only this page). */
  totals: countsOut,
});

export const RoundDetail = z.object({
  ...roundOut,
  /** The user's unit ran it, so the user may correct it. */
  editable: z.boolean(),
  /** Its period has been reported: a correction needs a reason. */
  periodReported: z.boolean(),
});
export type RoundDetail = z.output<typeof RoundDetail>;

export const MonitoringSummary = z.object({
  from: day,
  to: day,
  rounds: z.number(),
  totals: countsOut,
  /** ads_monitored and ads_cleaned as indicators.md figures, for reports. */
  figures: z.array(Figure),
});
export type MonitoringSummary = z.output<typeof MonitoringSummary>;
