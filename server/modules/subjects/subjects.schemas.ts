import { z } from 'zod';
import { timestamp } from '../../schemas.ts';
import { isPhone, isUscc } from '../../../shared/validators.ts';
import { SUBJECT_KIND_CODES, SUBJECT_KINDS_WITH_AREA, SUBJECT_KINDS_WITH_BEDS, type SubjectKind } from '../../../shared/domain.ts';

const REGION_CODE = /^(\d{2}|\d{4}|\d{6}|\d{9})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A subject's facts (domain.md §5), as the entry form, the edit form and every imported row give them. */
export const subjectFacts = z
  .object({
    regionCode: z.string().regex(REGION_CODE, '请选择有效的地区'),
    kind: z.enum(SUBJECT_KIND_CODES),
    name: z.string().trim().min(2, '名称至少 2 个字').max(100, '名称不能超过 100 个字'),
    uscc: z.string().trim().toUpperCase().refine(isUscc, '统一社会信用代码无效（应为 18 位，校验位须相符）').optional(),
    address: z.string().trim().max(200, '地址不能超过 200 个字').optional(),
    registered: z.boolean().optional(),
    licenceNo: z.string().trim().max(60, '许可证/备案编号不能超过 60 个字').optional(),
    beds: z.number().int('床位数应为整数').min(0, '床位数不能为负').max(100_000, '床位数过大').optional(),
    areaM2: z.number().min(0, '面积不能为负').max(100_000_000, '面积过大').optional(),
    regulator: z.string().trim().max(60, '监管单位不能超过 60 个字').optional(),
    contactName: z.string().trim().max(30, '联系人不能超过 30 个字').optional(),
    contactPhone: z.string().trim().refine(isPhone, '联系电话应为手机号码或带区号的固定电话').optional(),
    commitmentSignedOn: z.string().regex(ISO_DATE, '日期格式应为 YYYY-MM-DD').refine((d) => !Number.isNaN(Date.parse(d)) && d >= '2000-01-01', '承诺书签订日期无效').optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    const kind = f.kind as SubjectKind;
    if (f.beds !== undefined && !SUBJECT_KINDS_WITH_BEDS.includes(kind)) ctx.addIssue({ code: 'custom', path: ['beds'], message: '该类别不登记床位数' });
    if (f.areaM2 !== undefined && !SUBJECT_KINDS_WITH_AREA.includes(kind)) ctx.addIssue({ code: 'custom', path: ['areaM2'], message: '只有养老服务用地登记面积' });
    if (kind === 'unregistered_care_place' && f.registered === true) ctx.addIssue({ code: 'custom', path: ['registered'], message: '未登记的养老服务场所不能标为已登记' });
    if (kind === 'elderly_care_institution' && f.registered === false) ctx.addIssue({ code: 'custom', path: ['registered'], message: '已登记养老机构不能标为未登记（未登记的请选“未登记的养老服务场所”）' });
  });
export type SubjectFacts = z.output<typeof subjectFacts>;

export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const kindQuery = z.object({ kind: z.enum(SUBJECT_KIND_CODES) }).strict();
export const mergeBody = z
  .object({ into: z.number().int().positive(), reason: z.string().trim().min(4, '请说明合并理由（至少 4 个字）').max(500) })
  .strict();
export const exportQuery = z
  .object({ regionCode: z.string().regex(REGION_CODE, '请选择有效的地区').optional(), kind: z.enum(SUBJECT_KIND_CODES).optional() })
  .strict();

const factsOut = {
  regionCode: z.string(), regionName: z.string(), kind: z.enum(SUBJECT_KIND_CODES), name: z.string(), uscc: z.string().nullable(),
  address: z.string().nullable(), registered: z.boolean().nullable(), licenceNo: z.string().nullable(), beds: z.number().nullable(),
  areaM2: z.number().nullable(), regulator: z.string().nullable(), contactName: z.string().nullable(), contactPhone: z.string().nullable(),
  commitmentSignedOn: z.string().nullable(),
};
export const HistoryEntry = z.object({
  id: z.number(), source: z.enum(['edited', 'imported', 'merged']), changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
  importId: z.number().nullable(), changedBy: z.string().nullable(), changedAt: timestamp,
});
export const SubjectRegistry = z.object({
  id: z.number(), ...factsOut, countUnit: z.enum(['家', '宗', '个']), createdAt: timestamp, createdBy: z.string().nullable(), updatedAt: timestamp.nullable(),
  mergedInto: z.object({ id: z.number(), name: z.string() }).nullable(),
  mergedFrom: z.array(z.object({ id: z.number(), name: z.string() })),
  history: z.array(HistoryEntry),
});
export const ImportStatus = z.object({
  id: z.number(), kind: z.enum(SUBJECT_KIND_CODES), fileName: z.string().nullable(), status: z.enum(['running', 'done', 'failed']),
  rowsTotal: z.number(), rowsDone: z.number(), created: z.number(), updated: z.number(), unchanged: z.number(), refused: z.number(),
  errors: z.array(z.object({ row: z.number(), reason: z.string() })), failure: z.string().nullable(), startedAt: timestamp, finishedAt: timestamp.nullable(),
});
export const ImportList = z.object({ items: z.array(ImportStatus.omit({ errors: true })) });
