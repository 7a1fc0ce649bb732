import { z } from 'zod';
import { boundedDate } from '../../../shared/validators.ts';
import { PUBLICITY_COUNT_KEYS, PUBLICITY_KIND_CODES, type PublicityCountKey } from '../../../shared/domain.ts';
import { INDICATOR_KEYS } from '../../../shared/indicators.ts';
import { day, oneOf, timestamp, unitIdFilter } from '../../schemas.ts';

// Activities are logged on the day or from paper records afterwards: not ahead, and within the
// campaign's years (the same window as inspections).
export const ACTIVITY_MAX_AGE_DAYS = 3660;
/** One count's ceiling: a TV broadcast or an SMS campaign reaches millions, never billions. */
export const MAX_COUNT = 100_000_000;
/** A date range is at most a year (a campaign month, a summer of market days). */
export const MAX_RANGE_DAYS = 366;

export const activityDate = (label: string) => boundedDate({ past: ACTIVITY_MAX_AGE_DAYS, future: 0 }, label);
export const regionCode = z.string().regex(/^\d{2}(\d{2}){0,2}(\d{3}){0,2}$/, '地区代码应为 2、4、6、9 或 12 位数字');

export const count = z
  .number({ error: '请填写非负整数' })
  .int('数量须为整数')
  .min(0, '数量不能为负')
  .max(MAX_COUNT, `数量不能超过 ${MAX_COUNT}`);

/** The counts object: every indicator of PUBLICITY_COUNT_KEYS, 0 when not given. */
export const counts = z
  .object(Object.fromEntries(PUBLICITY_COUNT_KEYS.map((k) => [k, count.default(0)])) as Record<PublicityCountKey, z.ZodDefault<typeof count>>)
  .strict();
export type Counts = Record<PublicityCountKey, number>;

const activityFields_ = z
  .object({
    kind: z.enum(PUBLICITY_KIND_CODES, '请选择活动形式'),
    title: z.string().trim().min(2, '请填写活动名称（至少 2 个字）').max(100, '活动名称不能超过 100 字'),
    place: z.string().trim().max(100, '活动地点不能超过 100 字').nullish(),
    regionCode,
    startDate: activityDate('开始日期'),
    endDate: activityDate('结束日期').optional(),
    coOrganisers: z.array(z.string().trim().min(2, '协办单位名称至少 2 个字').max(60, '协办单位名称不能超过 60 字')).max(10, '协办单位最多 10 个').default([]),
    counts: counts.default(Object.fromEntries(PUBLICITY_COUNT_KEYS.map((k) => [k, 0])) as Counts),
    note: z.string().trim().max(1000, '备注不能超过 1000 字').nullish(),
  })
  .strict();

export function checkRange(b: { startDate: string; endDate?: string }, ctx: z.RefinementCtx) {
  if (b.endDate && b.endDate < b.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: '结束日期不能早于开始日期' });
  else if (b.endDate && (Date.parse(b.endDate) - Date.parse(b.startDate)) / 86400_000 > MAX_RANGE_DAYS) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: `一次活动的日期跨度不能超过 ${MAX_RANGE_DAYS} 天` });
  }
}

export const activityBody = activityFields_.superRefine(checkRange);
export type ActivityInput = z.infer<typeof activityBody>;

/** A correction: the whole activity again, and a reason when its period has already been reported. */
export const activityUpdateBody = activityFields_
  .extend({ reason: z.string().trim().min(4, '请说明更正理由（至少 4 个字）').max(500).optional() })
  .superRefine(checkRange);

export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const photoParams = z.object({ id: z.coerce.number().int().positive(), uploadId: z.uuid() });

export const periodQuery = { from: z.iso.date('请填写有效的日期（YYYY-MM-DD）').optional(), to: z.iso.date('请填写有效的日期（YYYY-MM-DD）').optional() };
export const fromBeforeTo = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;

export const activityFilter = z.object({
  ...periodQuery,
  kind: z.enum(PUBLICITY_KIND_CODES).optional(),
  /** A region inside the user's jurisdiction: its subtree. */
  regionCode: regionCode.optional(),
  /** Only my unit's activities. */
  mine: z.stringbool().optional(),
  /** One organising unit's activities (a by=unit row of the statistics links here). */
  unitId: unitIdFilter,
  q: z.string().trim().max(60).optional(),
});
export type ActivityFilter = z.infer<typeof activityFilter>;
export const activityListQuery = activityFilter
  .extend({ page: z.coerce.number().int().min(1).max(100_000).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) })
  .refine(fromBeforeTo, { message: '开始日期不能晚于结束日期', path: ['to'] });
/** The list's filter without paging: what an export takes. */
export const activityExportQuery = activityFilter.refine(fromBeforeTo, { message: '开始日期不能晚于结束日期', path: ['to'] });
export const summaryQuery = z.object(periodQuery).refine(fromBeforeTo, { message: '开始日期不能晚于结束日期', path: ['to'] });

// ── Responses ────────────────────────────────────────────────────────────────────────────────

const countsOut = z.object(Object.fromEntries(PUBLICITY_COUNT_KEYS.map((k) => [k, z.number()])) as Record<PublicityCountKey, z.ZodNumber>);

const activityFields = {
  id: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  kind: oneOf(PUBLICITY_KIND_CODES),
  title: z.string(),
  place: z.string().nullable(),
  startDate: day,
  endDate: day,
  coOrganisers: z.array(z.string()),
  counts: countsOut,
  photos: z.number(),
  imported: z.boolean(),
  note: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp.nullable(),
};
export const ActivityListItem = z.object(activityFields);
export type ActivityListItem = z.output<typeof ActivityListItem>;

/** The figures of a set of activities, keyed by shared/docs/indicators.md. */
export const Figure = z.object({ indicator: oneOf(INDICATOR_KEYS), value: z.number(), unit: z.string() });
export const ActivityPage = z.object({
  items: z.array(ActivityListItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** The sums over every activity the filter matches (not only this page). */
  totals: z.array(Figure),
});

export const ActivityDetail = z.object({
  ...activityFields,
  photoList: z.array(z.object({ id: z.string(), mime: z.string(), size: z.number(), createdAt: timestamp })),
  /** The user's unit organised it, so the user may correct it. */
  editable: z.boolean(),
  /** Its period has been reported (reported figures cover its start date): a correction needs a reason. */
  periodReported: z.boolean(),
});
export type ActivityDetail = z.output<typeof ActivityDetail>;

export const PublicitySummary = z.object({ from: day, to: day, figures: z.array(Figure), byKind: z.array(z.object({ kind: oneOf(PUBLICITY_KIND_CODES), n: z.number() })) });
export type PublicitySummary = z.output<typeof PublicitySummary>;

export const Photo = z.object({ id: z.string(), mime: z.string(), size: z.number() });

export const ImportRowError = z.object({ row: z.number(), reason: z.string() });
export const ImportResult = z.object({
  id: z.number(),
  rowsTotal: z.number(),
  created: z.number(),
  /** Rows already imported before (the same file again, or the same row in another file). */
  duplicates: z.number(),
  refused: z.number(),
  /** The first refused rows with their reasons; the whole list is the error sheet. */
  errors: z.array(ImportRowError),
});
export type ImportResult = z.output<typeof ImportResult>;
