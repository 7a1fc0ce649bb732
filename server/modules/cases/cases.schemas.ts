import { z } from 'zod';
import { boundedDate } from '../../../shared/validators.ts';
import {
  CASE_FIGURE_KIND_CODES, CASE_ORIGIN_CODES, CASE_STAGE_CODES, FRAUD_TYPE_CODES, SUBJECT_KIND_CODES, TIP_STATUS_CODES,
} from '../../../shared/domain.ts';
import { day as calendarDay, oneOf, timestamp } from '../../schemas.ts';

/**
 * Criminal cases (打击): requests and responses. Amounts are integer fen (分) everywhere — on the
 * wire, in the database and in sums — so no figure is ever a binary fraction of a yuan.
 */

// Stages and figures are recorded on the day or from files afterwards: never ahead, not decades back.
export const CASE_DATE_MAX_AGE_DAYS = 3660;
const caseDate = (label: string) => boundedDate({ past: CASE_DATE_MAX_AGE_DAYS, future: 0 }, label);
const day = z.iso.date('请填写有效的日期（YYYY-MM-DD）');

/** Persons in one entry, and fen in one entry (10^14 fen = one trillion yuan). */
export const MAX_PERSONS = 100_000;
export const MAX_FEN = 100_000_000_000_000;

export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const entryParams = idParams.extend({ entryId: z.coerce.number().int().positive() });

const caseNo = z.string().trim().min(4, '请填写案件编号（至少 4 个字符）').max(60);
const trackingCode = z.string().trim().regex(/^\d{12}$/, '查询码应为 12 位数字');
const note = z.string().trim().max(2000).optional();

const caseFields = {
  caseNo,
  title: z.string().trim().min(2, '请填写案件名称').max(200),
  summary: z.string().trim().max(5000).optional(),
  fraudTypes: z.array(z.enum(FRAUD_TYPE_CODES)).max(6).default([]),
  regionCode: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/, '请选择有效的地区'),
  origin: z.enum(CASE_ORIGIN_CODES),
  gang: z.boolean().default(false),
  gangSize: z.number().int().min(2, '团伙人数至少 2 人').max(MAX_PERSONS).optional(),
  filedOn: caseDate('立案日期'),
};
const gangRule = (b: { gang: boolean; gangSize?: number }, ctx: z.RefinementCtx) => {
  if (b.gang && b.gangSize === undefined) ctx.addIssue({ code: 'custom', path: ['gangSize'], message: '团伙案件请填写团伙人数' });
  if (!b.gang && b.gangSize !== undefined) ctx.addIssue({ code: 'custom', path: ['gangSize'], message: '非团伙案件不填团伙人数' });
};

export const caseBody = z
  .object({
    ...caseFields,
    /** Tips the case came from, by tracking code (only tips the user may open). */
    trackingCodes: z.array(trackingCode).max(50).default([]),
    subjectIds: z.array(z.number().int().positive()).max(50).default([]),
  })
  .strict()
  .superRefine((b, ctx) => {
    gangRule(b, ctx);
    if (new Set(b.trackingCodes).size !== b.trackingCodes.length) ctx.addIssue({ code: 'custom', path: ['trackingCodes'], message: '查询码重复' });
  });
export type CaseInput = z.infer<typeof caseBody>;

/**
 * The case a police lead unit's report with the measure 立案侦查 files or links, in the report's
 * transaction (行刑衔接): an existing case by id, or a new one linked to the tip (its region defaults
 * to the tip's).
 */
export const caseFromTip = z.union([
  z.object({ caseId: z.number().int().positive() }).strict(),
  z.object({ ...caseFields, regionCode: caseFields.regionCode.optional() }).strict().superRefine(gangRule),
]);
export type CaseFromTip = z.infer<typeof caseFromTip>;

/** One stage, recorded by the unit that owns it (cases.policy.ts); each names what it needs. */
export const stageBody = z.discriminatedUnion('stage', [
  z.object({ stage: z.literal('solved'), date: caseDate('破案日期'), note }).strict(),
  z.object({ stage: z.literal('transferred'), date: caseDate('移送起诉日期'), procuratorateUnitId: z.number().int().positive(), note }).strict(),
  z.object({
    stage: z.literal('prosecuted'), date: caseDate('提起公诉日期'), courtUnitId: z.number().int().positive(),
    personsProsecuted: z.number().int().min(1, '起诉人数至少 1 人').max(MAX_PERSONS), note,
  }).strict(),
  z.object({
    stage: z.literal('tried'), date: caseDate('判决日期'), judgment: z.string().trim().min(4, '请填写判决结果（至少 4 个字）').max(2000),
    personsSentenced: z.number().int().min(0).max(MAX_PERSONS),
  }).strict(),
]);
export type StageInput = z.infer<typeof stageBody>;

const value = z.number({ error: '请填写数字' }).int('请填写整数（金额以分为单位）').min(0, '不能为负数').max(MAX_FEN);

export const figureBody = z
  .object({
    kind: z.enum(CASE_FIGURE_KIND_CODES),
    value: value.min(1, '新录入的数字至少为 1'),
    onDate: caseDate('日期'),
    note,
    /** Needed only when the recovered total would exceed the amount involved. */
    reason: z.string().trim().min(4, '请说明理由（至少 4 个字）').max(500).optional(),
  })
  .strict();
export type FigureInput = z.infer<typeof figureBody>;

export const correctionBody = z
  .object({ value, reason: z.string().trim().min(4, '请说明更正理由（至少 4 个字）').max(500) })
  .strict();

export const linkBody = z
  .object({ trackingCodes: z.array(trackingCode).max(50).default([]), subjectIds: z.array(z.number().int().positive()).max(50).default([]) })
  .strict()
  .refine((b) => b.trackingCodes.length + b.subjectIds.length > 0, { message: '请至少填写一条线索或一个主体', path: ['trackingCodes'] });

export const paging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

const period = {
  from: day.optional(),
  to: day.optional(),
};
const periodOrder = <T extends { from?: string; to?: string }>(q: T) => !q.from || !q.to || q.from <= q.to;

export const caseListQuery = z
  .object({
    stage: z.enum(CASE_STAGE_CODES).optional(),
    fraudType: z.enum(FRAUD_TYPE_CODES).optional(),
    origin: z.enum(CASE_ORIGIN_CODES).optional(),
    regionCode: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, '请选择有效的地区').optional(),
    unitId: z.coerce.number().int().positive().optional(),
    q: z.string().trim().max(60).optional(),
    ...period,
    // The indicator engine's links (docs/indicators.md, "Links"): cases that reached a stage on a day
    // in the period (立案数, 破案数 … count those stages), and cases with a figure entry in force of a
    // kind dated in the period (抓获, 涉案金额 … sum those entries).
    reached: z.enum(CASE_STAGE_CODES).optional(),
    reachedFrom: day.optional(),
    reachedTo: day.optional(),
    figureKind: z.enum(CASE_FIGURE_KIND_CODES).optional(),
    figureFrom: day.optional(),
    figureTo: day.optional(),
    ...paging,
  })
  .refine(periodOrder, { message: '开始日期不能晚于结束日期', path: ['to'] })
  .refine((q) => !q.reachedFrom || !q.reachedTo || q.reachedFrom <= q.reachedTo, { message: '开始日期不能晚于结束日期', path: ['reachedTo'] })
  .refine((q) => !q.figureFrom || !q.figureTo || q.figureFrom <= q.figureTo, { message: '开始日期不能晚于结束日期', path: ['figureTo'] })
  .refine((q) => q.reached || (!q.reachedFrom && !q.reachedTo), { message: '按阶段日期筛选时请选择阶段', path: ['reached'] })
  .refine((q) => q.figureKind || (!q.figureFrom && !q.figureTo), { message: '按数字日期筛选时请选择数字类别', path: ['figureKind'] });
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const summaryQuery = z.object(period).refine(periodOrder, { message: '开始日期不能晚于结束日期', path: ['to'] });

// Responses

const stage = oneOf(CASE_STAGE_CODES);
const figureKind = oneOf(CASE_FIGURE_KIND_CODES);
const unitRef = z.object({ id: z.number(), name: z.string() });

/** Each figure kind's current total (entries no correction replaced). */
export const FigureTotals = z.object({
  arrested: z.number(), detained: z.number(), victims: z.number(), amount_involved: z.number(), amount_frozen: z.number(),
  amount_recovered: z.number(), prosecuted_persons: z.number(), sentenced_persons: z.number(),
});
export type FigureTotals = z.output<typeof FigureTotals>;

export const CaseListItem = z.object({
  id: z.number(),
  caseNo: z.string(),
  title: z.string(),
  fraudTypes: z.array(oneOf(FRAUD_TYPE_CODES)),
  regionCode: z.string(),
  regionName: z.string(),
  origin: oneOf(CASE_ORIGIN_CODES),
  gang: z.boolean(),
  gangSize: z.number().nullable(),
  stage,
  filedOn: calendarDay,
  leadUnit: unitRef,
  arrested: z.number(),
  amountInvolvedFen: z.number(),
  amountRecoveredFen: z.number(),
});
export type CaseListItem = z.output<typeof CaseListItem>;
export const CasePage = z.object({ items: z.array(CaseListItem), total: z.number(), page: z.number(), pageSize: z.number() });

export const CaseStageRow = z.object({
  stage, onDate: calendarDay, unit: unitRef, note: z.string().nullable(), recordedBy: z.string(), createdAt: timestamp,
});

export const FigureEntry = z.object({
  id: z.number(),
  kind: figureKind,
  value: z.number(),
  onDate: calendarDay,
  unit: unitRef,
  note: z.string().nullable(),
  reason: z.string().nullable(),
  /** The entry this one replaces. */
  correctsId: z.number().nullable(),
  /** The entry that replaced this one: it no longer counts, but stays in the history. */
  correctedById: z.number().nullable(),
  recordedBy: z.string(),
  createdAt: timestamp,
});
export type FigureEntry = z.output<typeof FigureEntry>;

export const CaseDetail = CaseListItem.extend({
  summary: z.string().nullable(),
  procuratorateUnit: unitRef.nullable(),
  courtUnit: unitRef.nullable(),
  createdAt: timestamp,
  stages: z.array(CaseStageRow),
  totals: FigureTotals,
  entries: z.array(FigureEntry),
  /** Linked tips the user may open (others linked are not named). */
  tips: z.array(z.object({ id: z.number(), trackingCode: z.string(), status: oneOf(TIP_STATUS_CODES), receivedAt: timestamp })),
  subjects: z.array(z.object({ id: z.number(), name: z.string(), kind: oneOf(SUBJECT_KIND_CODES) })),
  /** What the signed-in user may do here (the server checks again). */
  can: z.object({ stages: z.array(stage), figureKinds: z.array(figureKind), link: z.boolean() }),
});
export type CaseDetail = z.output<typeof CaseDetail>;

export const CaseCreated = z.object({ id: z.number() });
export const StageRecorded = z.object({ id: z.number(), stage });
export const FigureRecorded = z.object({ id: z.number(), total: z.number() });
export const Linked = z.object({ tips: z.number(), subjects: z.number() });

/** A period's figures, each summed from the entries (indicators.md keys); amounts in fen. */
export const CaseSummary = z.object({
  from: calendarDay,
  to: calendarDay,
  counts: z.object({
    cases_filed: z.number(), cases_solved: z.number(), suspects_arrested: z.number(), suspects_detained_formally: z.number(),
    prosecuted_cases: z.number(), prosecuted_persons: z.number(), trial_cases: z.number(), victims: z.number(),
  }),
  amounts: z.object({ involvedFen: z.number(), frozenFen: z.number(), recoveredFen: z.number() }),
  /** recovered / involved, with both parts; pct null when nothing was involved. */
  recoveryRate: z.object({ recoveredFen: z.number(), involvedFen: z.number(), pct: z.number().nullable() }),
});
export type CaseSummary = z.output<typeof CaseSummary>;

/** Units a case can be given to (procuratorates, courts) — for the forms. */
export const CaseUnitList = z.object({ items: z.array(z.object({ id: z.number(), name: z.string(), kind: z.string(), regionCode: z.string() })) });
export const caseUnitsQuery = z.object({ kind: z.enum(['procuratorate', 'court']) });
