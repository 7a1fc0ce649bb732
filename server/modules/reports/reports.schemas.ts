import { z } from 'zod';
import { boundedDate } from '../../../shared/validators.ts';
import { REPORT_KIND_CODES, REPORT_STATUS_CODES } from '../../../shared/domain.ts';
import { chinaToday } from '../../../shared/time.ts';
import { day as calendarDay, oneOf, timestamp } from '../../schemas.ts';

/**
 * Work reports (工作报告: 动态日报, 总结周报, 阶段工作总结) and 要情随报: requests and responses.
 * Money in the figures is yuan as the indicator engine gives it; 要情 amounts are integer fen.
 */

export const idParams = z.object({ id: z.coerce.number().int().positive() });

const regionCode = z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})?$/, '请选择有效的地区');
const date = z.iso.date('请填写有效的日期（YYYY-MM-DD）');
const DAY_MS = 86400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** A stage summary covers at most a year and a day (a campaign year). */
export const MAX_STAGE_DAYS = 366;
/** One narrative section (一、二、三、) holds at most this many characters. */
export const MAX_SECTION_CHARS = 5000;

export const reportBody = z
  .object({
    kind: z.enum(REPORT_KIND_CODES, '报告类型应为动态日报、总结周报或阶段工作总结'),
    regionCode,
    from: date,
    /** Omitted: the day itself (日报) or the seventh day (周报); a stage summary names it. */
    to: date.optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    const to = b.to ?? (b.kind === 'weekly' ? new Date(Date.parse(b.from) + 6 * DAY_MS).toISOString().slice(0, 10) : b.from);
    if (b.from > to) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
    else if (to > chinaToday()) ctx.addIssue({ code: 'custom', path: ['to'], message: '统计期不能晚于今天：报告只写已经过去的日子' });
    else if (b.kind === 'daily' && to !== b.from) ctx.addIssue({ code: 'custom', path: ['to'], message: '动态日报只统计一天' });
    else if (b.kind === 'weekly' && daysBetween(b.from, to) !== 6) ctx.addIssue({ code: 'custom', path: ['to'], message: '总结周报统计连续七天' });
    else if (daysBetween(b.from, to) >= MAX_STAGE_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `统计期最长 ${MAX_STAGE_DAYS} 天` });
  })
  .transform((b) => ({ ...b, to: b.to ?? (b.kind === 'weekly' ? new Date(Date.parse(b.from) + 6 * DAY_MS).toISOString().slice(0, 10) : b.from) }));
export type ReportInput = z.output<typeof reportBody>;

const section = (label: string) => z.string().trim().max(MAX_SECTION_CHARS, `${label}最多 ${MAX_SECTION_CHARS} 字`);
export const Sections = z.object({ work: z.string(), problems: z.string(), plans: z.string() });
export type Sections = z.output<typeof Sections>;

export const editBody = z
  .object({
    title: z.string().trim().min(2, '请填写标题').max(200).optional(),
    sections: z.object({ work: section('工作开展情况'), problems: section('存在的问题'), plans: section('下一步工作打算') }).strict(),
  })
  .strict();
export type EditInput = z.output<typeof editBody>;

export const listQuery = z.object({
  regionCode: regionCode.optional(),
  kind: z.enum(REPORT_KIND_CODES).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListQuery = z.output<typeof listQuery>;

const region = z.object({ code: z.string(), name: z.string() });
const person = z.object({ name: z.string() });

export const Urgent = z.object({
  id: z.number(),
  region,
  unit: z.string(),
  toUnit: z.string(),
  occurredOn: calendarDay,
  reportedOn: calendarDay,
  title: z.string(),
  description: z.string(),
  amountFen: z.number().nullable(),
  victims: z.number().nullable(),
  measures: z.string(),
  createdAt: timestamp,
});
export type Urgent = z.output<typeof Urgent>;

/** One indicator of the report: the period's value and its 环比 / 同比 bases (null: the earlier period has no data). */
export const ReportIndicator = z.object({
  key: z.string(),
  name: z.string(),
  unit: z.string(),
  source: z.enum(['recorded', 'reported', 'none']),
  value: z.number().nullable(),
  previous: z.number().nullable(),
  yoy: z.number().nullable(),
});
export type ReportIndicator = z.output<typeof ReportIndicator>;

export const ReportChild = z.object({ code: z.string(), name: z.string(), values: z.array(z.number().nullable()) });

export const ReportSummary = z.object({
  id: z.number(),
  kind: oneOf(REPORT_KIND_CODES),
  region,
  from: calendarDay,
  to: calendarDay,
  title: z.string(),
  issuer: z.string(),
  issuedOn: calendarDay,
  status: oneOf(REPORT_STATUS_CODES),
  signedBy: person.nullable(),
  signedAt: timestamp.nullable(),
});

export const ReportPage = z.object({ items: z.array(ReportSummary), total: z.number(), page: z.number(), pageSize: z.number() });

export const ReportDetail = ReportSummary.extend({
  sections: Sections,
  indicators: z.array(ReportIndicator),
  children: z.array(ReportChild),
  urgent: z.array(Urgent),
  createdBy: person,
  createdAt: timestamp,
  canEdit: z.boolean(),
  canSignOff: z.boolean(),
});
export type ReportDetail = z.output<typeof ReportDetail>;

/** Fen in one 要情 (10^14 fen = one trillion yuan), persons in one. */
export const MAX_FEN = 100_000_000_000_000;

export const urgentBody = z
  .object({
    regionCode: regionCode.refine((c) => c !== '', '请选择事发地区'),
    occurredOn: boundedDate({ past: 30, future: 0 }, '发生日期'),
    title: z.string().trim().min(4, '请用一句话写明发生了什么（至少 4 个字）').max(100),
    description: z.string().trim().min(10, '请写明基本情况（至少 10 个字）').max(3000),
    amountFen: z.number({ error: '请填写数字' }).int('涉案金额以分为单位，须为整数').min(0, '涉案金额不能为负').max(MAX_FEN).optional(),
    victims: z.number({ error: '请填写数字' }).int().min(0, '受害人数不能为负').max(1_000_000).optional(),
    measures: z.string().trim().min(4, '请写明已采取的措施（至少 4 个字）').max(3000),
  })
  .strict();
export type UrgentInput = z.output<typeof urgentBody>;

export const urgentQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const UrgentPage = z.object({ items: z.array(Urgent), total: z.number(), page: z.number(), pageSize: z.number() });
export const UrgentSent = z.object({ id: z.number(), toUnit: z.string(), notified: z.number() });
