import { z } from 'zod';
import { FRAUD_TYPE_CODES, MEASURE_CODES, STAFF_SOURCE_CODES, TIP_STATUS_CODES, VERDICT_CODES } from '../../../shared/domain.ts';
import { boundedDate, boundedDateTime, isIdCardNumber, isPhone, isUscc } from '../../../shared/validators.ts';


const phone = z.string().trim().refine(isPhone, '电话号码格式不正确（手机 11 位，座机如 0535-1234567）');
export const regionCode = z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/, '请选择有效的地区');
const uuid = z.uuid('附件编号无效');
const trackingCode = z.string().trim().regex(/^\d{12}$/, '查询码为 12 位数字');
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
const tipFields = {
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

export const staffTipBody = z
  .object({ ...tipFields, source: z.enum(STAFF_SOURCE_CODES), accusedUnitIds: z.array(z.number().int().positive()).max(20).optional() })
  .strict();
export type StaffTipInput = z.infer<typeof staffTipBody>;

export const credentials = { trackingCode, accessKey };
export const statusBody = z.object(credentials).strict();
export const messageBody = z
  .object({ ...credentials, text: z.string().trim().min(1, '请填写内容').max(2000), attachmentIds: z.array(uuid).max(10).optional() })
  .strict();
export const ratingBody = z.object({ ...credentials, satisfied: z.boolean(), comment: z.string().trim().max(500).optional() }).strict();
export const reexaminationBody = z.object({ ...credentials, reason: z.string().trim().min(5, '请说明申请复核的理由').max(2000) }).strict();

const text = (min: number, max: number, msg: string) => z.string().trim().min(min, msg).max(max);

export const actionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), fraudTypes: z.array(z.enum(FRAUD_TYPE_CODES)).max(6).optional(), accusedUnitIds: z.array(z.number().int().positive()).max(20).optional(), note: z.string().trim().max(2000).optional() }).strict(),
  z.object({ action: z.literal('reject'), reason: text(2, 2000, '请填写不予受理的理由'), publicAnswer: text(5, 5000, '请填写给举报人的答复') }).strict(),
  z.object({ action: z.literal('merge'), intoTipId: z.number().int().positive() }).strict(),
  z
    .object({
      action: z.literal('dispatch'),
      leadUnitId: z.number().int().positive(),
      assistingUnitIds: z.array(z.number().int().positive()).max(10).optional(),
      // In the future and within a year: 9999-12-31 is a slip, not a deadline (the service checks the parent's).
      deadline: boundedDateTime({ past: 0, future: 366 }, '办理时限'),
      instructions: text(2, 2000, '请填写交办要求'),
    })
    .strict(),
  z.object({ action: z.literal('sign') }).strict(),
  z
    .object({
      action: z.literal('report'),
      verdict: z.enum(VERDICT_CODES),
      measures: z.array(z.enum(MEASURE_CODES)).min(1, '请至少选择一项处理措施').max(8),
      summary: text(5, 5000, '请填写办理情况'),
    })
    .strict(),
  z.object({ action: z.literal('return'), reason: text(2, 2000, '请填写退回理由') }).strict(),
  z.object({ action: z.literal('close'), publicAnswer: text(5, 5000, '请填写给举报人的答复') }).strict(),
  z.object({ action: z.literal('urge'), note: text(2, 2000, '请填写督办意见') }).strict(),
  z.object({ action: z.literal('note'), text: text(1, 5000, '请填写内容') }).strict(),
  z.object({ action: z.literal('reply'), text: text(1, 5000, '请填写内容') }).strict(),
]);
export type TipAction = z.infer<typeof actionBody>;
export type ActionName = TipAction['action'];

export const listQuery = z.object({
  status: z.union([z.enum(TIP_STATUS_CODES), z.array(z.enum(TIP_STATUS_CODES))]).optional(),
  fraudType: z.enum(FRAUD_TYPE_CODES).optional(),
  source: z.string().max(40).optional(),
  regionCode: z.string().regex(/^\d{2,9}$/, '地区代码应为数字').optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
  todo: z.enum(['to_accept', 'to_dispatch', 'to_sign', 'to_handle', 'to_review']).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export type ListQuery = z.infer<typeof listQuery>;
