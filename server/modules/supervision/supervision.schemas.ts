import { z } from 'zod';
import { boundedDate } from '../../../shared/validators.ts';
import {
  CALLBACK_HANDLED_CODES, FINDING_STATUS_CODES, GAMING_RULE_CODES, SAMPLE_ITEM_STATUS_CODES, SAMPLE_KIND_CODES, SUPERVISION_METHOD_CODES,
  TIP_STATUS_CODES, UNIT_KIND_CODES,
} from '../../../shared/domain.ts';
import { day as calendarDay, oneOf, timestamp, unitIdFilter } from '../../schemas.ts';

/** Supervision (督导检查): rounds, findings and their follow-up, samples of closed tips, gaming flags. */

export const idParams = z.object({ id: z.coerce.number().int().positive() });
const text = (min: number, max: number, msg: string) => z.string().trim().min(min, msg).max(max);
const regionCode = z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/, '请选择有效的地区');
const day = z.iso.date('请填写有效的日期（YYYY-MM-DD）');
const uuid = z.uuid('附件编号无效');

export const findingFields = {
  targetUnitId: z.number().int().positive(),
  description: text(4, 2000, '请填写发现的问题（至少 4 个字）'),
  fixRequired: text(4, 2000, '请填写整改要求（至少 4 个字）'),
  // A deadline lies ahead (today at the earliest), within a year.
  deadline: boundedDate({ past: 0, future: 366 }, '整改时限'),
};
export const findingBody = z.object(findingFields).strict();
export type FindingInput = z.infer<typeof findingBody>;

export const roundBody = z
  .object({
    title: text(2, 200, '请填写督导检查名称'),
    method: z.enum(SUPERVISION_METHOD_CODES),
    // Rounds are recorded while or after they run: from a year back, up to a year ahead.
    startDate: boundedDate({ past: 366, future: 366 }, '开始日期'),
    endDate: boundedDate({ past: 366, future: 732 }, '结束日期'),
    memberIds: z.array(z.number().int().positive()).max(30).default([]),
    targetRegionCodes: z.array(regionCode).max(50).default([]),
    targetUnitIds: z.array(z.number().int().positive()).min(1, '请至少选择一个被督导单位').max(50),
    summary: z.string().trim().max(5000).optional(),
    /** Findings recorded with the round (each names one of the target units). */
    findings: z.array(findingBody).max(50).default([]),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.endDate < b.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: '结束日期不能早于开始日期' });
    if (new Set(b.targetUnitIds).size !== b.targetUnitIds.length) ctx.addIssue({ code: 'custom', path: ['targetUnitIds'], message: '被督导单位重复' });
    b.findings.forEach((f, i) => {
      if (!b.targetUnitIds.includes(f.targetUnitId)) ctx.addIssue({ code: 'custom', path: ['findings', i, 'targetUnitId'], message: '请从被督导单位中选择' });
    });
  });
export type RoundInput = z.infer<typeof roundBody>;

export const roundListQuery = z
  .object({
    /** Rounds whose supervising unit's region lies in this subtree (where 督导检查轮次 counts them). */
    regionCode: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, '请选择有效的地区').optional(),
    from: day.optional(),
    to: day.optional(),
    /** One supervising unit's rounds (a by=unit row of the statistics links here). */
    unitId: unitIdFilter,
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] });
export type RoundListQuery = z.infer<typeof roundListQuery>;

export const feedbackBody = z
  .object({
    feedback: text(4, 5000, '请填写整改情况（至少 4 个字）'),
    attachmentIds: z.array(uuid).max(10, '每次反馈最多 10 个附件').optional(),
  })
  .strict();
export const verifyBody = z
  .object({ verified: z.boolean(), note: z.string().trim().max(2000).optional() })
  .strict()
  .refine((b) => b.verified || (b.note?.length ?? 0) >= 2, { path: ['note'], message: '核验不通过请说明理由' });

export const sampleBody = z
  .object({
    targetUnitId: z.number().int().positive(),
    kind: z.enum(SAMPLE_KIND_CODES),
    size: z.number().int().min(1, '抽取数量至少 1 条').max(100, '一次最多抽取 100 条'),
    /** Given to reproduce an earlier draw; otherwise the server draws one and stores it. */
    seed: z.string().trim().regex(/^[0-9a-f]{8,64}$/, '随机种子为 8–64 位十六进制数字').optional(),
    /** Closed tips closed in this window (China days); none: all the target's closed tips. */
    closedFrom: day.optional(),
    closedTo: day.optional(),
  })
  .strict()
  .refine((q) => !q.closedFrom || !q.closedTo || q.closedFrom <= q.closedTo, { message: '开始日期不能晚于结束日期', path: ['closedTo'] });
export type SampleInput = z.infer<typeof sampleBody>;

export const callbackBody = z
  .object({
    reached: z.boolean(),
    handled: z.enum(CALLBACK_HANDLED_CODES).optional(),
    satisfied: z.boolean().optional(),
    note: text(2, 2000, '请填写回访情况'),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.reached && b.handled === undefined) ctx.addIssue({ code: 'custom', path: ['handled'], message: '请选择举报人所说的处理情况' });
    if (b.reached && b.satisfied === undefined) ctx.addIssue({ code: 'custom', path: ['satisfied'], message: '请选择举报人是否满意' });
    if (!b.reached && (b.handled !== undefined || b.satisfied !== undefined)) ctx.addIssue({ code: 'custom', path: ['reached'], message: '未联系上举报人时不填处理情况和满意度' });
  });
export const recheckAnswerBody = z
  .object({ confirmed: z.boolean(), answer: text(4, 5000, '请填写二次核查情况（至少 4 个字）') })
  .strict();
export const recheckJudgeBody = z
  .object({ upheld: z.boolean(), note: text(2, 2000, '请填写评定意见') })
  .strict();

export const flagsQuery = z
  .object({ from: day.optional(), to: day.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] });

// ── Responses ──────────────────────────────────────────────────────────────────────────────────

const ref = z.object({ id: z.number(), name: z.string() });

export const RoundListItem = z.object({
  id: z.number(),
  title: z.string(),
  method: oneOf(SUPERVISION_METHOD_CODES),
  supervisingUnit: ref,
  startDate: calendarDay,
  endDate: calendarDay,
  targets: z.array(ref),
  findings: z.object({ open: z.number(), submitted: z.number(), verified: z.number(), overdue: z.number() }),
});
export const RoundPage = z.object({
  items: z.array(RoundListItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** indicators.md supervision_rounds: rounds started in the period (the filter's from/to) in the user's subtree. */
  figures: z.object({ supervision_rounds: z.number() }),
});
export type RoundListItem = z.output<typeof RoundListItem>;

const findingEvent = z.object({ at: timestamp, kind: z.string(), text: z.string(), actor: z.string(), unit: z.string() });
export const Finding = z.object({
  id: z.number(),
  roundId: z.number(),
  roundTitle: z.string(),
  supervisingUnit: ref,
  unit: ref,
  description: z.string(),
  fixRequired: z.string(),
  deadline: calendarDay,
  status: oneOf(FINDING_STATUS_CODES),
  /** Not verified and past its deadline with no feedback waiting (status open). */
  overdue: z.boolean(),
  feedback: z.string().nullable(),
  feedbackAt: timestamp.nullable(),
  verifiedAt: timestamp.nullable(),
  attachments: z.array(z.object({ id: z.string(), mime: z.string(), size: z.number() })),
  history: z.array(findingEvent),
});
export type Finding = z.output<typeof Finding>;

export const SampleItem = z.object({
  id: z.number(),
  sampleId: z.number(),
  kind: oneOf(SAMPLE_KIND_CODES),
  roundId: z.number(),
  roundTitle: z.string(),
  supervisingUnit: z.string(),
  handlingUnitId: z.number().nullable(),
  tip: z.object({ id: z.number(), trackingCode: z.string(), status: oneOf(TIP_STATUS_CODES), summary: z.string() }),
  handlingUnit: ref.nullable(),
  status: oneOf(SAMPLE_ITEM_STATUS_CODES),
  reached: z.boolean().nullable(),
  handled: oneOf(CALLBACK_HANDLED_CODES).nullable(),
  satisfied: z.boolean().nullable(),
  note: z.string().nullable(),
  recordedAt: timestamp.nullable(),
  confirmed: z.boolean().nullable(),
  answer: z.string().nullable(),
  answeredAt: timestamp.nullable(),
  judgment: z.string().nullable(),
  judgedAt: timestamp.nullable(),
});
export type SampleItem = z.output<typeof SampleItem>;

export const Sample = z.object({
  id: z.number(),
  targetUnit: ref,
  kind: oneOf(SAMPLE_KIND_CODES),
  seed: z.string(),
  size: z.number(),
  population: z.number(),
  closedFrom: calendarDay.nullable(),
  closedTo: calendarDay.nullable(),
  createdAt: timestamp,
  items: z.array(SampleItem),
});

export const RoundDetail = z.object({
  id: z.number(),
  title: z.string(),
  method: oneOf(SUPERVISION_METHOD_CODES),
  supervisingUnit: ref,
  regionCode: z.string(),
  startDate: calendarDay,
  endDate: calendarDay,
  summary: z.string().nullable(),
  members: z.array(z.object({ id: z.number(), name: z.string(), unit: z.string() })),
  targetRegions: z.array(z.object({ code: z.string(), name: z.string() })),
  targets: z.array(z.object({ id: z.number(), unit: ref.extend({ kind: oneOf(UNIT_KIND_CODES), regionCode: z.string() }) })),
  findings: z.array(Finding),
  samples: z.array(Sample),
  /** The user runs this round: may add findings, draw samples, record 回访 and verify. */
  canRun: z.boolean(),
  createdAt: timestamp,
});
export type RoundDetail = z.output<typeof RoundDetail>;

export const RoundCreated = z.object({ id: z.number(), findingIds: z.array(z.number()) });
export const SampleDrawn = z.object({ id: z.number(), seed: z.string(), population: z.number(), tipIds: z.array(z.number()) });

/** What waits for the user's unit: findings to rectify (until verified) and 二次核查 to answer. */
export const MySupervision = z.object({
  findings: z.array(Finding),
  rechecks: z.array(SampleItem),
  overdue: z.number(),
});
export type MySupervision = z.output<typeof MySupervision>;

/** Sample outcomes recorded on one tip (tip detail). */
export const TipSupervision = z.object({
  items: z.array(SampleItem.extend({ canAnswer: z.boolean() })),
});
export type TipSupervision = z.output<typeof TipSupervision>;

export const StaffOptions = z.object({ items: z.array(z.object({ id: z.number(), name: z.string(), unit: z.string() })) });

export const GamingFlags = z.object({
  from: calendarDay,
  to: calendarDay,
  /** The rules' parameters, as applied (docs/indicators.md, "Gaming flags"). */
  rules: z.object({ minTips: z.number(), minPeers: z.number(), madFactor: z.number(), rateFloor: z.number(), fastRatio: z.number() }),
  units: z.number(),
  flags: z.array(z.object({
    rule: oneOf(GAMING_RULE_CODES),
    unit: ref.extend({ kind: oneOf(UNIT_KIND_CODES) }),
    /** The unit's figure (a rate 0–1, or median hours for fast_closure) and its parts. */
    value: z.number(),
    count: z.number(),
    of: z.number(),
    peerMedian: z.number(),
    peerMad: z.number(),
    threshold: z.number(),
    peers: z.number(),
    /** The tip list's query string selecting the tips behind the flag. */
    tipQuery: z.string(),
  })),
});
export type GamingFlags = z.output<typeof GamingFlags>;
