import { z } from 'zod';
import { boundedDate } from '../../../shared/validators.ts';
import {
  CASE_STAGE_CODES, GRADE_CAUSE_CODES, HAZARD_CATEGORY_CODES, HAZARD_MEASURE_CODES, HAZARD_SOURCE_CODES, HAZARD_STATUS_CODES,
  INSPECTION_KIND_CODES, RISK_GRADE_CODES, SUBJECT_KIND_CODES, TIP_STATUS_CODES,
} from '../../../shared/domain.ts';
import { INDICATOR_KEYS } from '../../../shared/indicators.ts';
import { day as calendarDay, oneOf, timestamp, unitIdFilter } from '../../schemas.ts';

export const day = z.iso.date('请填写有效的日期（YYYY-MM-DD）');

// Inspections are recorded on the day or from paper records afterwards, never ahead and not decades back.
export const INSPECTION_MAX_AGE_DAYS = 3660;
// A hazard's deadline is set when it is found: not already past, and within three years.
export const DEADLINE_MAX_DAYS = 1096;

const inspectedOn = boundedDate({ past: INSPECTION_MAX_AGE_DAYS, future: 0 }, '检查日期');
const deadline = boundedDate({ past: 0, future: DEADLINE_MAX_DAYS }, '整改期限');

export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const attachmentParams = idParams.extend({ uploadId: z.uuid('附件编号无效') });

/** Page number and size of a list; the answer says the total, so a list never ends silently. */
export const paging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

export const subjectListQuery = z.object({
  q: z.string().trim().max(60).optional(),
  kind: z.enum(SUBJECT_KIND_CODES).optional(),
  grade: z.enum([...RISK_GRADE_CODES, 'none']).optional(),
  region: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, '地区无效').optional(),
  // The indicator engine's links (docs/indicators.md, "Links"): subjects with an inspection dated in
  // the period (排查主体), and subjects registered on or before a day (机构数, a stock).
  inspectedFrom: day.optional(),
  inspectedTo: day.optional(),
  registeredTo: day.optional(),
  ...paging,
}).refine((q) => !q.inspectedFrom || !q.inspectedTo || q.inspectedFrom <= q.inspectedTo, { message: '开始日期不能晚于结束日期', path: ['inspectedTo'] });
export type SubjectListQuery = z.infer<typeof subjectListQuery>;

export const hazardBody = z
  .object({
    description: z.string().trim().min(4, '请描述隐患（至少 4 个字）').max(2000),
    category: z.enum(HAZARD_CATEGORY_CODES),
    serious: z.boolean().default(false),
    measure: z.enum(HAZARD_MEASURE_CODES),
    deadline,
    responsible: z.string().trim().min(2, '请填写整改责任人').max(60),
  })
  .strict();
export type HazardInput = z.infer<typeof hazardBody>;

/** A tracking code as staff type or paste it (spaces and dashes dropped), as the tips module reads it. */
const typedTrackingCode = z.string('请填写线索查询码').trim().transform((s) => s.replace(/[\s-]/g, '')).pipe(z.string().regex(/^\d{12}$/, '查询码为 12 位数字'));

/**
 * Where a hazard recorded on its own came from (migration 0035): an inspection of this subject, a
 * tip the user may see (named by its tracking code, as staff see it), a complaint (who complained
 * and how it came in), or a supervision finding the user may see.
 */
export const hazardSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('inspection'), inspectionId: z.number('请选择检查记录').int().positive() }).strict(),
  z.object({ kind: z.literal('tip'), trackingCode: typedTrackingCode }).strict(),
  z.object({ kind: z.literal('complaint'), note: z.string('请说明投诉来源').trim().min(2, '请说明投诉来源（如投诉人、渠道、日期）').max(500) }).strict(),
  z.object({ kind: z.literal('supervision'), findingId: z.number('请选择督导发现的问题').int().positive() }).strict(),
], { error: '请选择隐患来源' });
export type HazardSourceInput = z.infer<typeof hazardSource>;

/** A hazard recorded on its own, not with an inspection: its source is required. */
export const standaloneHazardBody = hazardBody.extend({ source: hazardSource }).strict();
export type StandaloneHazardInput = z.infer<typeof standaloneHazardBody>;

export const inspectionBody = z
  .object({
    inspectedOn,
    inspectors: z.number().int().min(1, '检查人数至少 1 人').max(100),
    // Answers by item key of the sector's current checklist (checked against it by the service).
    checklist: z.record(z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, '检查项无效'), z.boolean()),
    /** The checklist version the form showed; omitted: the current one. */
    checklistVersionId: z.number().int().positive().optional(),
    findings: z.string().trim().max(5000).optional(),
    hazards: z.array(hazardBody).max(50).default([]),
    /** The screening round (排查批次) it belongs to, if any. */
    roundId: z.number().int().positive().optional(),
    kind: z.enum(INSPECTION_KIND_CODES, '请选择检查方式').default('routine'),
    /** A spot check's (抽查) sampling ratio, 0–1 (0.2 = 20 %). */
    samplingRatio: z.number('请填写抽查比例').gt(0, '抽查比例须大于 0').max(1, '抽查比例不能超过 100%')
      .refine((v) => Math.abs(v * 10_000 - Math.round(v * 10_000)) < 1e-6, '抽查比例最多精确到 0.01%').optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.kind === 'spot_check' && b.samplingRatio === undefined) ctx.addIssue({ code: 'custom', path: ['samplingRatio'], message: '抽查须填写抽查比例' });
    if (b.kind !== 'spot_check' && b.samplingRatio !== undefined) ctx.addIssue({ code: 'custom', path: ['samplingRatio'], message: '只有抽查填写抽查比例' });
  });
export type InspectionInput = z.infer<typeof inspectionBody>;

export const overrideBody = z
  .object({ grade: z.enum(RISK_GRADE_CODES).nullable(), reason: z.string().trim().min(4, '请说明调整理由（至少 4 个字）').max(500) })
  .strict();

const ledgerFields = {
  status: z.enum(HAZARD_STATUS_CODES).optional(),
  overdue: z.stringbool().optional(),
  // The subject's sector and its current grade (stored, grades.ts; 'none' = not yet graded).
  kind: z.enum(SUBJECT_KIND_CODES).optional(),
  grade: z.enum([...RISK_GRADE_CODES, 'none']).optional(),
  source: z.enum(HAZARD_SOURCE_CODES).optional(),
  // A region of the jurisdiction (its subtree), and the days the engine counts hazards by
  // (发现隐患: registered, Beijing day; 整改销号: crossed off).
  region: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, '地区无效').optional(),
  foundFrom: day.optional(),
  foundTo: day.optional(),
  verifiedFrom: day.optional(),
  verifiedTo: day.optional(),
  // Hazards found by the inspections of one screening round (排查批次).
  round: z.coerce.number().int().positive().optional(),
  // The unit that registered them (a by=unit row of the statistics links here).
  unitId: unitIdFilter,
};
const ledgerOrder = <T extends z.ZodType<{ foundFrom?: string; foundTo?: string; verifiedFrom?: string; verifiedTo?: string }>>(s: T) =>
  s.refine((q) => !q.foundFrom || !q.foundTo || q.foundFrom <= q.foundTo, { message: '开始日期不能晚于结束日期', path: ['foundTo'] })
    .refine((q) => !q.verifiedFrom || !q.verifiedTo || q.verifiedFrom <= q.verifiedTo, { message: '开始日期不能晚于结束日期', path: ['verifiedTo'] });
export const ledgerFilter = ledgerOrder(z.object(ledgerFields));
export type LedgerFilter = z.infer<typeof ledgerFilter>;
export const ledgerQuery = ledgerOrder(z.object({ ...ledgerFields, ...paging }));

export const summaryQuery = z
  .object({
    from: day.optional(), to: day.optional(),
    // A region of the user's jurisdiction (the dashboard drilled down); omitted, the whole jurisdiction.
    region: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, '地区无效').optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] });

/** An official table's region (omitted: the whole jurisdiction) and period (Beijing days; default this year to today). */
export const tableQuery = summaryQuery;

/** Files uploaded first (POST /api/uploads), named here to attach them; a hazard holds at most 10 (MAX_ATTACHMENTS). */
const attachmentIds = z.array(z.uuid('附件编号无效')).max(10, '附件最多 10 个').optional();

export const hazardActionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start') }).strict(),
  z.object({ action: z.literal('rectified'), note: z.string().trim().min(4, '请说明整改情况（至少 4 个字）').max(2000), attachmentIds }).strict(),
  z.object({ action: z.literal('verify') }).strict(),
  z.object({ action: z.literal('reopen'), note: z.string().trim().min(4, '请说明验收不通过的理由（至少 4 个字）').max(2000) }).strict(),
  // A penalty decided on the hazard: recorded as the enforcement module's 行政处罚决定书 naming the
  // hazard (the one source of 罚没金额 for the ledger and every figure); one per hazard.
  z.object({
    action: z.literal('penalty'),
    docNo: z.string().trim().min(4, '请填写处罚决定书文号（至少 4 个字符）').max(60),
    fineYuan: z.number('请填写罚没金额').positive('罚没金额须大于 0').max(1e10, '罚没金额过大')
      .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, '罚没金额最多精确到分'),
    note: z.string().trim().min(4, '请填写处罚事由（至少 4 个字）').max(500),
    attachmentIds,
  }).strict(),
]);
export type HazardAction = z.infer<typeof hazardActionBody>['action'];

// Responses

const grade = oneOf(RISK_GRADE_CODES);
const reasons = z.array(z.object({ grade, text: z.string() }));

/** A subject's grade with every fact that raised it (risk.ts). */
export const RiskAssessment = z.object({
  /** The grade in force (the override when there is one); null = not yet screened. */
  grade: grade.nullable(),
  computed: grade.nullable(),
  reasons,
  override: z.object({ grade, reason: z.string() }).nullable(),
  /** When every hazard is crossed off: why the grade is still what it is, or that it is green again. */
  note: z.string().nullable(),
});
export type RiskAssessment = z.output<typeof RiskAssessment>;

const subjectFields = {
  id: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  kind: oneOf(SUBJECT_KIND_CODES),
  name: z.string(),
  uscc: z.string().nullable(),
  address: z.string().nullable(),
  createdAt: timestamp,
};

export const SubjectListItem = z.object({
  ...subjectFields,
  grade: grade.nullable(),
  reasons,
  /** As RiskAssessment.note. */
  riskNote: z.string().nullable(),
  openHazards: z.number(),
  tips: z.number(),
  inspected: z.boolean(),
});
export type SubjectListItem = z.output<typeof SubjectListItem>;
/** A numbered page; `total` counts every match, so a list never ends silently. */
const numberedPage = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
export const SubjectPage = numberedPage(SubjectListItem);

export const Inspection = z.object({
  id: z.number(),
  inspectedOn: calendarDay,
  inspectors: z.number(),
  checklist: z.record(z.string(), z.boolean()),
  findings: z.string().nullable(),
  unitName: z.string(),
  createdAt: timestamp,
  kind: oneOf(INSPECTION_KIND_CODES),
  /** A spot check's sampling ratio (0–1). */
  samplingRatio: z.number().nullable(),
  round: z.object({ id: z.number(), title: z.string() }).nullable(),
  /** The checklist version it was recorded with: the items' labels as they were then. */
  checklistVersion: z.object({ id: z.number(), version: z.number(), items: z.array(z.object({ key: z.string(), label: z.string() })) }).nullable(),
});

const hazardFields = {
  id: z.number(),
  description: z.string(),
  category: oneOf(HAZARD_CATEGORY_CODES),
  serious: z.boolean(),
  measure: oneOf(HAZARD_MEASURE_CODES),
  deadline: calendarDay,
  responsible: z.string(),
  status: oneOf(HAZARD_STATUS_CODES),
  fineYuan: z.number().nullable(),
  unitName: z.string(),
  /** Open or being rectified past its deadline. */
  overdue: z.boolean(),
  source: oneOf(HAZARD_SOURCE_CODES),
  /** The tip it came from, only when the user may see that tip (never to a unit it accuses). */
  sourceTip: z.object({ id: z.number(), trackingCode: z.string() }).nullable(),
  sourceFindingId: z.number().nullable(),
  /** A complaint's origin as recorded. */
  sourceNote: z.string().nullable(),
};

/** A file attached to a record (GET /api/hazards/:id/attachments/:uploadId serves it). */
export const Attachment = z.object({ id: z.uuid(), mime: z.string(), size: z.number(), createdAt: timestamp });

export const Hazard = z.object({
  ...hazardFields, inspectionId: z.number().nullable(), rectifiedNote: z.string().nullable(), createdAt: timestamp,
  /** The penalty recorded on it: decision number or reason, and when (fineYuan is the amount). */
  penaltyNote: z.string().nullable(), penalizedAt: timestamp.nullable(),
  attachments: z.array(Attachment),
});
export type Hazard = z.output<typeof Hazard>;

export const GradeChange = z.object({
  id: z.number(),
  grade: grade.nullable(),
  previous: grade.nullable(),
  reasons,
  cause: oneOf(GRADE_CAUSE_CODES),
  /** Who made the change that caused it; null for the deadline sweep, a reporter's tip, the initial grading. */
  changedBy: z.string().nullable(),
  changedAt: timestamp,
});
export type GradeChange = z.output<typeof GradeChange>;

export const SubjectDetail = z.object({
  ...subjectFields,
  risk: RiskAssessment,
  inspections: z.array(Inspection),
  hazards: z.array(Hazard),
  /** Tips that name the subject, of those the user may open (the newest 50). */
  tips: z.array(z.object({ id: z.number(), trackingCode: z.string(), status: oneOf(TIP_STATUS_CODES), receivedAt: timestamp })),
  /** How many such tips there are in all. */
  tipsTotal: z.number(),
  /** Criminal cases linked to the subject, of those the user may see. */
  cases: z.array(z.object({ id: z.number(), caseNo: z.string(), title: z.string(), stage: oneOf(CASE_STAGE_CODES), filedOn: calendarDay })),
  /** 评级历史: every change of the stored grade, newest first (the latest 200), with its cause and reasons. */
  gradeHistory: z.array(GradeChange),
});
export type SubjectDetail = z.output<typeof SubjectDetail>;

export const InspectionRecorded = z.object({ id: z.number(), hazardIds: z.array(z.number()) });

export const LedgerRow = z.object({
  ...hazardFields, subjectId: z.number(), subjectName: z.string(), regionName: z.string(), kind: oneOf(SUBJECT_KIND_CODES), createdAt: timestamp,
  /** The subject's grade now (stored, grades.ts). */
  grade: grade.nullable(),
});
export type LedgerRow = z.output<typeof LedgerRow>;
export const LedgerPage = numberedPage(LedgerRow);

export const HazardMoved = z.object({ id: z.number(), status: oneOf(HAZARD_STATUS_CODES) });

export const ScreeningSummary = z.object({
  from: calendarDay,
  to: calendarDay,
  figures: z.array(z.object({ indicator: oneOf(INDICATOR_KEYS), value: z.number(), unit: z.string() })),
  screenedByKind: z.array(z.object({ kind: oneOf(SUBJECT_KIND_CODES), n: z.number() })),
  hazardsOverdue: z.number(),
  /** Hazards not crossed off (待整改, 整改中, 已整改待验收), today. */
  hazardsOpen: z.number(),
  grades: z.object({ red: z.number(), orange: z.number(), yellow: z.number(), green: z.number(), none: z.number() }),
});
export type ScreeningSummary = z.output<typeof ScreeningSummary>;
