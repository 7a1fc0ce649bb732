import { z } from 'zod';
import { boundedDate } from '../../../shared/validators.ts';
import { ENFORCEMENT_KIND_CODES, SUBJECT_KIND_CODES } from '../../../shared/domain.ts';
import { day as calendarDay, oneOf, timestamp, unitIdFilter } from '../../schemas.ts';

/** Administrative enforcement records (行政执法): requests and responses. Fines are integer fen. */

export const MAX_FEN = 100_000_000_000_000;
const day = z.iso.date('请填写有效的日期（YYYY-MM-DD）');

export const enforcementBody = z
  .object({
    kind: z.enum(ENFORCEMENT_KIND_CODES),
    docNo: z.string().trim().min(4, '请填写文书编号（至少 4 个字符）').max(60),
    subjectId: z.number().int().positive(),
    hazardId: z.number().int().positive().optional(),
    issuedOn: boundedDate({ past: 3660, future: 0 }, '签发日期'),
    fineFen: z.number({ error: '请填写数字' }).int('罚没金额以分为单位，须为整数').min(0, '罚没金额不能为负').max(MAX_FEN).optional(),
    policeUnitId: z.number().int().positive().optional(),
    summary: z.string().trim().min(4, '请填写主要内容（至少 4 个字）').max(2000),
  })
  .strict()
  .superRefine((b, ctx) => {
    if ((b.kind === 'penalty_decision') !== (b.fineFen !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['fineFen'], message: b.kind === 'penalty_decision' ? '行政处罚决定书请填写罚没金额（可为 0）' : '只有行政处罚决定书填写罚没金额' });
    }
    if ((b.kind === 'transfer_police') !== (b.policeUnitId !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['policeUnitId'], message: b.kind === 'transfer_police' ? '请选择接收的公安机关' : '只有移送公安填写接收单位' });
    }
  });
export type EnforcementInput = z.infer<typeof enforcementBody>;

export const enforcementQuery = z
  .object({
    kind: z.enum(ENFORCEMENT_KIND_CODES).optional(),
    subjectId: z.coerce.number().int().positive().optional(),
    /** Only the 三书一函 (NOTICE_KINDS: what 三书一函 counts, the penalty decision included). */
    notices: z.stringbool({ error: '请填写 true 或 false' }).optional(),
    /** The subject's sector (a by=sector row of the statistics links here). */
    subjectKind: z.enum(SUBJECT_KIND_CODES, '请选择有效的主体类型').optional(),
    /** The issuing unit (a by=unit row of the statistics links here). */
    unitId: unitIdFilter,
    /** A region of the jurisdiction: the records of subjects in its subtree. */
    regionCode: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, '请选择有效的地区').optional(),
    from: day.optional(),
    to: day.optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] });
export type EnforcementQuery = z.infer<typeof enforcementQuery>;

export const subjectQuery = z.object({ subjectId: z.coerce.number().int().positive() });

const ref = z.object({ id: z.number(), name: z.string() });

export const EnforcementRecord = z.object({
  id: z.number(),
  kind: oneOf(ENFORCEMENT_KIND_CODES),
  docNo: z.string(),
  unit: ref,
  subject: ref,
  hazardId: z.number().nullable(),
  issuedOn: calendarDay,
  fineFen: z.number().nullable(),
  policeUnit: ref.nullable(),
  summary: z.string(),
  createdAt: timestamp,
});
export type EnforcementRecord = z.output<typeof EnforcementRecord>;

/** One page, its total, and the figures of every record the filter selects (indicators.md keys; the fine in fen). */
export const EnforcementPage = z.object({
  items: z.array(EnforcementRecord),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  figures: z.object({ rectification_notices: z.number(), admin_penalties: z.number(), penalty_amount_fen: z.number(), transfers_police: z.number() }),
});

export const transferQuery = z.object({
  pending: z.stringbool().default(true),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** Transfers addressed to the police unit (its queue), with the cases already naming each subject. */
export const TransferPage = z.object({
  items: z.array(z.object({
    id: z.number(),
    docNo: z.string(),
    unit: ref,
    subject: ref.extend({ regionCode: z.string() }),
    hazardId: z.number().nullable(),
    hazard: z.string().nullable(),
    issuedOn: calendarDay,
    summary: z.string(),
    cases: z.array(z.object({ id: z.number(), caseNo: z.string() })),
  })),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type TransferPage = z.output<typeof TransferPage>;
