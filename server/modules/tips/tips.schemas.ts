import { z } from 'zod';
import { caseFromTip } from '../cases/cases.schemas.ts';
import {
  CASE_STAGE_CODES, FRAUD_TYPE_CODES, MEASURE_CODES, STAFF_SOURCE_CODES, SUBJECT_KIND_CODES, TIP_SOURCES, TIP_STATUS_CODES, UNIT_KIND_CODES, VERDICT_CODES,
} from '../../../shared/domain.ts';
import { boundedDate, boundedDateTime, isIdCardNumber, isPhone, isUscc } from '../../../shared/validators.ts';
import { day, nextCursor, oneOf, timestamp } from '../../schemas.ts';

const TIP_SOURCE_CODES = Object.keys(TIP_SOURCES) as [keyof typeof TIP_SOURCES, ...(keyof typeof TIP_SOURCES)[]];


const phone = z.string().trim().refine(isPhone, '电话号码格式不正确（手机 11 位，座机如 0535-1234567）');
export const regionCode = z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/, '请选择有效的地区');
const uuid = z.uuid('附件编号无效');
const trackingCode = z.string().trim().regex(/^\d{12}$/, '查询码为 12 位数字');
/** A tracking code as staff type or paste it from the screen: spaces and dashes between the digits are dropped. */
export const typedTrackingCode = z.string().trim().transform((s) => s.replace(/[\s-]/g, '')).pipe(z.string().regex(/^\d{12}$/, '查询码为 12 位数字'));
const accessKey = z.string().trim().transform((s) => s.replace(/[\s-]/g, '')).pipe(z.string().regex(/^\d{16}$/, '密钥为 16 位数字'));

export const subjectSchema = z
  .object({
    name: z.string().trim().max(100).optional(),
    uscc: z.string().trim().toUpperCase().refine(isUscc, '统一社会信用代码无效（校验位不符）').optional(),
    phone: phone.optional(),
    address: z.string().trim().max(200).optional(),
  })
  .strict();

const reporterSchema = z.discriminatedUnion('anonymous', [
  z.object({ anonymous: z.literal(true) }).strict(),
  z
    .object({
      anonymous: z.literal(false),
      name: z.string().trim().min(1, '请填写姓名').max(40),
      phone,
      idNumber: z.string().trim().toUpperCase().refine(isIdCardNumber, '身份证号码无效').optional(),
      onBehalfOf: z
        .object({ name: z.string().trim().min(1).max(40), relation: z.string().trim().min(1).max(20), phone: phone.optional() })
        .strict()
        .optional(),
    })
    .strict(),
]);

/** The fields a tip has, whoever enters it. */
export const tipFields = {
  regionCode,
  description: z.string().trim().min(10, '请至少用 10 个字描述情况').max(5000, '描述不能超过 5000 字'),
  fraudTypes: z.array(z.enum(FRAUD_TYPE_CODES)).max(6).optional(),
  subject: subjectSchema.optional(),
  amountInvolved: z.number().min(0, '金额不能为负').max(1e12).optional(),
  victimCount: z.number().int().min(0).max(1_000_000).optional(),
  occurredOn: boundedDate({ past: '1990-01-01', future: 0 }, '发生日期').optional(),
  reporter: reporterSchema,
  attachmentIds: z.array(uuid).max(10, '附件最多 10 个').optional(),
};

export const publicTipBody = z.object(tipFields).strict();
export type PublicTipInput = z.infer<typeof publicTipBody>;

/** A source's own reference number (12337 编号, 转办文号, 来信编号): one line of at most 60 characters. */
export const sourceRef = z.string().trim().min(1, '请填写来源编号').max(60, '来源编号不能超过 60 个字').regex(/^[^\n\r\t]+$/, '来源编号只能是一行文字');
/** Sources whose items always carry a reference number: the 12337 platform's 编号, the upper office's 转办文号. */
export const SOURCES_WITH_REF = ['platform_12337', 'upper_transfer'] as const;

/** The handing unit's fields beside the tip's: where it came from and what it is tied to. */
export const origin = {
  sourceRef: sourceRef.optional(),
  // A deadline the source gave: today or later, within a year.
  sourceDueOn: boundedDate({ past: 0, future: 366 }, '上级办理期限').optional(),
};

export const staffTipBody = z
  .object({
    ...tipFields,
    ...origin,
    source: z.enum(STAFF_SOURCE_CODES),
    accusedUnitIds: z.array(z.number().int().positive()).max(20).optional(),
    /** Register it even though a tip with the same source and reference number exists (the form asked first). */
    confirmDuplicate: z.boolean().optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if ((SOURCES_WITH_REF as readonly string[]).includes(b.source) && !b.sourceRef) {
      ctx.addIssue({ code: 'custom', path: ['sourceRef'], message: b.source === 'upper_transfer' ? '上级转办须填写上级的转办文号' : '12337 线索须填写平台编号' });
    }
    if (b.source === 'upper_transfer' && !b.sourceDueOn) ctx.addIssue({ code: 'custom', path: ['sourceDueOn'], message: '上级转办须填写上级规定的办理期限' });
  });
export type StaffTipInput = z.infer<typeof staffTipBody>;

export const credentials = { trackingCode, accessKey };
export const statusBody = z.object(credentials).strict();
export const messageBody = z
  .object({ ...credentials, text: z.string().trim().min(1, '请填写内容').max(2000), attachmentIds: z.array(uuid).max(10).optional() })
  .strict();
export const ratingBody = z.object({ ...credentials, satisfied: z.boolean(), comment: z.string().trim().max(500).optional() }).strict();
export const reexaminationBody = z.object({ ...credentials, reason: z.string().trim().min(5, '请说明申请复核的理由').max(2000) }).strict();

const text = (min: number, max: number, msg: string) => z.string().trim().min(min, msg).max(max);
/** Files uploaded first (POST /api/uploads), attached to the report that names them. */
const reportDocuments = z.array(uuid).max(10, '每次反馈最多 10 个附件').optional();

export const actionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), fraudTypes: z.array(z.enum(FRAUD_TYPE_CODES)).max(6).optional(), accusedUnitIds: z.array(z.number().int().positive()).max(20).optional(), note: z.string().trim().max(2000).optional() }).strict(),
  z.object({ action: z.literal('reject'), reason: text(2, 2000, '请填写不予受理的理由'), publicAnswer: text(5, 5000, '请填写给举报人的答复') }).strict(),
  // Staff name the target by the tracking code they read on screen; the internal id stays for scripts.
  z
    .object({ action: z.literal('merge'), intoTrackingCode: typedTrackingCode.optional(), intoTipId: z.number().int().positive().optional() })
    .strict()
    .refine((a) => (a.intoTrackingCode === undefined) !== (a.intoTipId === undefined), { path: ['intoTrackingCode'], message: '请填写要并入的线索的查询码' }),
  z
    .object({
      action: z.literal('dispatch'),
      leadUnitId: z.number().int().positive(),
      assistingUnitIds: z.array(z.number().int().positive()).max(10).optional(),
      // In the future and within a year: 9999-12-31 is a slip, not a deadline (the service checks the parent's).
      deadline: boundedDateTime({ past: 0, future: 366 }, '办理时限'),
      instructions: text(2, 2000, '请填写交办要求'),
      /** 报上级审核: the receiving office's own closing of this tip goes to the office above for review. */
      reviewClosure: z.boolean().optional(),
    })
    .strict(),
  z.object({ action: z.literal('sign') }).strict(),
  z
    .object({
      action: z.literal('report'),
      verdict: z.enum(VERDICT_CODES),
      measures: z.array(z.enum(MEASURE_CODES)).min(1, '请至少选择一项处理措施').max(8),
      summary: text(5, 5000, '请填写办理情况'),
      attachmentIds: reportDocuments,
      /** With 立案侦查 by a police lead unit: the case filed (or linked) in the same transaction. */
      case: caseFromTip.optional(),
    })
    .strict(),
  // An assisting unit's report of its part: the lead's fields, measures optional (it may only have helped).
  z
    .object({
      action: z.literal('assist_report'),
      verdict: z.enum(VERDICT_CODES),
      measures: z.array(z.enum(MEASURE_CODES)).max(8).optional(),
      summary: text(5, 5000, '请填写协办情况'),
      attachmentIds: reportDocuments,
    })
    .strict(),
  z.object({ action: z.literal('send_back'), reason: text(2, 2000, '请填写退回交办的理由') }).strict(),
  // 单位负责人审核: the lead of the reporting unit approves its draft report, or sends it back to the handler.
  z.object({ action: z.literal('approve_report') }).strict(),
  z.object({ action: z.literal('reject_report'), reason: text(2, 2000, '请填写退回修改的理由') }).strict(),
  // 上级审核: the upper office approves a lower office's closing (it may edit the answer) or returns it.
  z.object({ action: z.literal('approve_closure'), publicAnswer: text(5, 5000, '请填写给举报人的答复').optional() }).strict(),
  z.object({ action: z.literal('return_closure'), reason: text(2, 2000, '请填写退回理由') }).strict(),
  z.object({ action: z.literal('return'), reason: text(2, 2000, '请填写退回理由') }).strict(),
  z.object({ action: z.literal('close'), publicAnswer: text(5, 5000, '请填写给举报人的答复') }).strict(),
  z.object({ action: z.literal('urge'), note: text(2, 2000, '请填写督办意见') }).strict(),
  z.object({ action: z.literal('note'), text: text(1, 5000, '请填写内容') }).strict(),
  z.object({ action: z.literal('reply'), text: text(1, 5000, '请填写内容') }).strict(),
]);
export type TipAction = z.infer<typeof actionBody>;
export type ActionName = TipAction['action'];
const ACTION_NAMES = actionBody.options.map((o) => o.shape.action.value) as [ActionName, ...ActionName[]];

export const TIP_COUNTED = ['closed_on_time', 'true', 'satisfied'] as const;
export type TipCounted = (typeof TIP_COUNTED)[number];
export const listQuery = z.object({
  status: z.union([z.enum(TIP_STATUS_CODES), z.array(z.enum(TIP_STATUS_CODES))]).optional(),
  fraudType: z.enum(FRAUD_TYPE_CODES).optional(),
  source: z.string().max(40).optional(),
  regionCode: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/, '地区无效：请在“地区”中输入地名并从列表中选择').optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
  todo: z.enum(['to_accept', 'to_dispatch', 'to_sign', 'to_handle', 'to_review', 'to_approve', 'to_review_closure']).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  // The tips behind a supervision gaming flag (supervision/gaming.service.ts): who led them, how they were closed.
  leadUnitId: z.coerce.number().int().positive().optional(),
  verdict: z.enum(VERDICT_CODES).optional(),
  closedFrom: z.iso.date().optional(),
  closedTo: z.iso.date().optional(),
  returned: z.enum(['true']).optional(),
  dissatisfied: z.enum(['true']).optional(),
  /**
   * The tips an indicator of the engine counts beyond status (its figure links here: docs/indicators.md,
   * "Links"): closed by the deadline (按期办结), found true (查实), reporter satisfied (满意).
   */
  counted: z.enum(TIP_COUNTED, '请选择有效的统计口径（closed_on_time、true 或 satisfied）').optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export type ListQuery = z.infer<typeof listQuery>;
/** The list's filter without paging: what the count and the export take. */
export const filterQuery = listQuery.omit({ cursor: true, limit: true });
export type FilterQuery = z.infer<typeof filterQuery>;

// ── Responses ──────────────────────────────────────────────────────────────────────────────────

/** What a reporter gets back once: the tracking code and the access key (shown, never stored in the browser). */
export const Receipt = z.object({ trackingCode: z.string(), accessKey: z.string(), status: z.literal('submitted') });
export type Receipt = z.output<typeof Receipt>;
export const StaffTipCreated = Receipt.extend({ id: z.number() });

const rating = z.object({ satisfied: z.boolean().nullable(), comment: z.string().nullable(), at: timestamp }).nullable();

/** What the reporter may read with code and key: status, the public timeline, the answer. */
export const PublicStatus = z.object({
  trackingCode: z.string(),
  status: oneOf(TIP_STATUS_CODES),
  submittedAt: timestamp,
  timeline: z.array(z.object({ at: timestamp, kind: z.string(), text: z.string() })),
  answer: z.object({ text: z.string(), at: timestamp.nullable() }).nullable(),
  rating,
  canRate: z.boolean(),
  canRequestReexamination: z.boolean(),
});
export type PublicStatus = z.output<typeof PublicStatus>;
export const Reexamination = z.object({ ok: z.boolean(), status: z.literal('accepted') });

/** What a tip is and where it stands: the head of a list row and of the detail alike. */
const tipHead = z.object({
  id: z.number(),
  trackingCode: z.string(),
  status: oneOf(TIP_STATUS_CODES),
  statusLabel: z.string(),
  source: oneOf(TIP_SOURCE_CODES),
  fraudTypes: z.array(oneOf(FRAUD_TYPE_CODES)),
  regionCode: z.string(),
  receivedAt: timestamp,
  deadlineAt: timestamp.nullable(),
  overdue: z.boolean(),
  /** The source's own reference number (12337 编号, 转办文号), when it has one. */
  sourceRef: z.string().nullable(),
});

export const TipListItem = tipHead.extend({
  regionName: z.string(),
  /** The first 80 characters of the description. */
  summary: z.string(),
});
export type TipListItem = z.output<typeof TipListItem>;
export const TipPage = z.object({ items: z.array(TipListItem), nextCursor });
export type TipPage = z.output<typeof TipPage>;
/** How many tips the filter selects: exact up to the cap, else `capped` (at least `total`); null when counting took too long. */
export const TipCount = z.object({ total: z.number().nullable(), capped: z.boolean() });
export type TipCount = z.output<typeof TipCount>;

/** A tip found by its tracking code: enough to name it in a picker or a link. */
export const TipRef = z.object({ id: z.number(), trackingCode: z.string(), status: oneOf(TIP_STATUS_CODES), statusLabel: z.string(), summary: z.string() });
export type TipRef = z.output<typeof TipRef>;

export const Workbench = z.object({
  todo: z.object({
    toAccept: z.number(), toDispatch: z.number(), toSign: z.number(), toHandle: z.number(), toReview: z.number(),
    /** 待我审核 — reports of the user's unit awaiting its unit lead; closings of lower offices awaiting this office. */
    toApprove: z.number(), toReviewClosure: z.number(),
  }),
  overdue: z.number(),
  dueSoon: z.number(),
  unreadNotifications: z.number(),
  /** Police units: matters transferred to the unit (行刑衔接) with no case of its naming their subject yet. */
  policeTransfers: z.number(),
});
export type Workbench = z.output<typeof Workbench>;

/** The intelligence module's reading of a text (server/modules/intel/analyze.ts). */
export const Analysis = z.object({
  fraudTypes: z.array(z.object({ code: oneOf(FRAUD_TYPE_CODES), confidence: z.number() })),
  tags: z.array(z.object({ code: z.string(), label: z.string() })),
  redFlags: z.array(z.object({ code: z.string(), label: z.string(), quote: z.string() })),
  entities: z.array(z.object({ kind: z.string(), value: z.string(), normalized: z.string(), start: z.number(), end: z.number() })),
  /** The verdict the public self-check gives for the same text (server/modules/intel/verdict.ts). */
  verdict: z.object({ level: oneOf(['high', 'medium', 'unsure', 'low', 'none']), label: z.string(), score: z.number(), summary: z.string() }),
});
export type Analysis = z.output<typeof Analysis>;

// A union rather than a discriminated one: the service types `anonymous` as boolean, the web reads the literal.
const maskedReporter = z.union([
  z.object({ anonymous: z.boolean().pipe(z.literal(true)) }),
  z.object({
    anonymous: z.boolean().pipe(z.literal(false)),
    name: z.string(),
    phone: z.string(),
    idNumber: z.string().nullable(),
    onBehalfOf: z.object({ name: z.string(), relation: z.string() }).nullable(),
  }),
]);

export const Assignment = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  unitKind: oneOf(UNIT_KIND_CODES),
  role: oneOf(['lead', 'assist']),
  parentId: z.number().nullable(),
  dispatchedByUnitId: z.number(),
  dispatchedByUnitName: z.string(),
  deadlineAt: timestamp,
  instructions: z.string(),
  status: z.string(),
  active: z.boolean(),
  signedAt: timestamp.nullable(),
  reportedAt: timestamp.nullable(),
  verdict: oneOf(VERDICT_CODES).nullable(),
  measures: z.array(oneOf(MEASURE_CODES)).nullable(),
  summary: z.string().nullable(),
  createdAt: timestamp,
  /** The unit's draft awaiting its unit lead: only the unit's own staff see it (null for everyone else). */
  draft: z.object({
    verdict: oneOf(VERDICT_CODES), measures: z.array(oneOf(MEASURE_CODES)), summary: z.string(), by: z.string(), byUserId: z.number(), at: timestamp,
  }).nullable(),
  /** Whether the unit's reports need its unit lead's approval (单位负责人审核). */
  approvalRequired: z.boolean(),
});

/** A tip as staff see it: facts, masked reporter, assignments, full timeline, and what they may do. */
export const TipDetail = tipHead.extend({
  /** The region's full path, e.g. 山东省烟台市芝罘区. */
  regionName: z.string(),
  office: z.object({ id: z.number(), name: z.string() }),
  description: z.string(),
  subject: z.object({ name: z.string().optional(), uscc: z.string().optional(), phone: z.string().optional(), address: z.string().optional() }).nullable(),
  accusedUnitIds: z.array(z.number()),
  amountInvolved: z.number().nullable(),
  victimCount: z.number().nullable(),
  occurredOn: day.nullable(),
  reportedAt: timestamp.nullable(),
  closedAt: timestamp.nullable(),
  publicAnswer: z.string().nullable(),
  mergedIntoId: z.number().nullable(),
  /** The tip this one was merged into, named by its tracking code (null when none, or not visible to the user). */
  mergedInto: z.object({ id: z.number(), trackingCode: z.string() }).nullable(),
  rating,
  reporter: maskedReporter,
  canRevealIdentity: z.boolean(),
  assignments: z.array(Assignment),
  timeline: z.array(z.object({ id: z.number(), at: timestamp, kind: z.string(), text: z.string(), public: z.boolean(), actor: z.string().nullable(), unit: z.string().nullable() })),
  /** Evidence (assignmentId null) and the documents of a unit's report (its assignment). */
  attachments: z.array(z.object({ id: z.string(), mime: z.string(), size: z.number(), uploadedAt: timestamp, assignmentId: z.number().nullable() })),
  allowedActions: z.array(oneOf(ACTION_NAMES)),
  analysis: Analysis,
  /** Other tips the user may see that name the same company, code, phone, card or address. */
  links: z.array(z.object({
    kind: z.string(), normalized: z.string(), count: z.number(), tipIds: z.array(z.number()), text: z.string(),
    /** The same tips with the tracking codes staff read on screen. */
    tips: z.array(z.object({ id: z.number(), trackingCode: z.string() })),
  })),
  /** Registered subjects the tip names. */
  subjects: z.array(z.object({ id: z.number(), name: z.string(), uscc: z.string().nullable(), kind: oneOf(SUBJECT_KIND_CODES), regionCode: z.string(), matchedBy: oneOf(['uscc', 'name']) })),
  /** The deadline the source gave (上级转办 / 12337 办理期限) and when the source received it. */
  sourceDueOn: day.nullable(),
  sourceAt: timestamp.nullable(),
  /** The member unit that handed it over (移交). */
  handedOverBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  /** A closing proposal awaiting the upper office (上级审核), shown to offices; null when none waits. */
  pendingClosure: z.object({
    proposingUnit: z.string(), reviewerUnit: z.string(), publicAnswer: z.string(), proposedBy: z.string(), proposedAt: timestamp,
  }).nullable(),
  /** Criminal cases filed from or linked to this tip that the user may see (行刑衔接). */
  cases: z.array(z.object({ id: z.number(), caseNo: z.string(), title: z.string(), stage: oneOf(CASE_STAGE_CODES) })),
});
export type TipDetail = z.output<typeof TipDetail>;

/** The reporter's identity in full (only for a role that may, with a reason; audited). */
export const ReporterIdentity = z.object({
  name: z.string(),
  phone: z.string(),
  idNumber: z.string().optional(),
  onBehalfOf: z.object({ name: z.string(), relation: z.string(), phone: z.string().optional() }).optional(),
});
export type ReporterIdentity = z.output<typeof ReporterIdentity>;
