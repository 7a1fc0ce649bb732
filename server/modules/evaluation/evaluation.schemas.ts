import { z } from 'zod';
import { boundedDate } from '../../../shared/validators.ts';
import { EVALUATION_COMPONENT_CODES, MISSING_RULE_CODES } from '../../../shared/domain.ts';
import { day as calendarDay, oneOf, timestamp } from '../../schemas.ts';
import { regionCode } from '../tips/tips.schemas.ts';

/** Evaluation (考评): elderly population, weighting schemes, the ranking of child regions. */

/** 60+ residents: at least 1, at most 400 million (China has about 300 million); tighter caps per level in the service. */
export const MAX_POPULATION = 400_000_000;
const day = z.iso.date('请填写有效的日期（YYYY-MM-DD）');

export const regionQuery = z.object({ region: regionCode.optional() });

export const populationBody = z
  .object({
    regionCode,
    population: z.number({ error: '请填写人数' }).int('人数须为整数').min(1, '人数须大于 0').max(MAX_POPULATION, '人数超出合理范围'),
    asOf: boundedDate({ past: '1950-01-01', future: 0 }, '统计日期'),
    source: z.string().trim().min(2, '请填写数据来源（至少 2 个字）').max(200),
  })
  .strict();
export type PopulationInput = z.infer<typeof populationBody>;

const weight = z.number({ error: '请填写数字' }).int('权重须为整数').min(0, '权重不能为负').max(100, '权重不能超过 100');

export const schemeBody = z
  .object({
    weights: z.partialRecord(z.enum(EVALUATION_COMPONENT_CODES), weight),
    missingRule: z.enum(MISSING_RULE_CODES),
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    const sum = Object.values(b.weights).reduce<number>((s, w) => s + (w ?? 0), 0);
    if (sum !== 100) ctx.addIssue({ code: 'custom', path: ['weights'], message: `各项权重合计须为 100（现为 ${sum}）` });
  });
export type SchemeInput = z.infer<typeof schemeBody>;

export const rankingQuery = z
  .object({
    region: regionCode.optional(),
    from: day.optional(),
    to: day.optional(),
    /** A past scheme of this region (or one it inherits) instead of the one in force. */
    schemeId: z.coerce.number().int().positive().optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] });
export type RankingQuery = z.infer<typeof rankingQuery>;

const RegionRef = z.object({ code: z.string(), name: z.string() });

export const PopulationEntry = z.object({
  id: z.number(),
  population: z.number(),
  asOf: calendarDay,
  source: z.string(),
  unitName: z.string(),
  createdBy: z.string(),
  createdAt: timestamp,
});

/** The region and each of its child regions with the figure in force today and the earlier ones. */
export const PopulationList = z.object({
  region: RegionRef,
  /** May the caller enter figures for these regions? */
  canEdit: z.boolean(),
  items: z.array(RegionRef.extend({ current: PopulationEntry.nullable(), history: z.array(PopulationEntry) })),
});

const Weights = z.record(z.string(), z.number());
export const Scheme = z.object({
  id: z.number().nullable(),
  /** own: set by this region's office; inherited: set by an office above; default: none set anywhere above. */
  origin: z.enum(['own', 'inherited', 'default']),
  region: RegionRef,
  weights: Weights,
  missingRule: oneOf(MISSING_RULE_CODES),
  note: z.string().nullable(),
  setBy: z.string().nullable(),
  setAt: timestamp.nullable(),
});
export type Scheme = z.output<typeof Scheme>;
/** As the service builds it (setAt still a Date). */
export type SchemeIn = z.input<typeof Scheme>;

export const SchemeView = z.object({ current: Scheme, canEdit: z.boolean(), history: z.array(Scheme) });

export const Component = z.object({
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** The rate as shown: a percentage, or reach per 10,000 elderly residents. Null: 暂无数据. */
  value: z.number().nullable(),
  /** 0–100 after normalisation; null: 暂无数据. */
  score: z.number().nullable(),
  /** Points added to the total (score × weight / 100, after the scheme's rule for missing data). */
  points: z.number(),
});

export const Ranking = z.object({
  region: RegionRef,
  from: calendarDay,
  to: calendarDay,
  scheme: Scheme,
  rows: z.array(RegionRef.extend({
    rank: z.number().nullable(),
    total: z.number().nullable(),
    population: z.number().nullable(),
    components: z.record(z.string(), Component),
  })),
});
export type Ranking = z.output<typeof Ranking>;
