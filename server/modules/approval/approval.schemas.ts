import { z } from 'zod';
import { UNIT_KIND_CODES } from '../../../shared/domain.ts';
import { oneOf } from '../../schemas.ts';

export const unitParam = z.object({ id: z.coerce.number().int().positive() });
export const reportApprovalBody = z.object({ required: z.boolean({ error: '请选择是否需要单位负责人审核' }) }).strict();

/** A member unit's own setting: its reports need its unit lead's approval (单位负责人审核). */
export const ReportApproval = z.object({
  unitId: z.number(),
  unitName: z.string(),
  unitKind: oneOf(UNIT_KIND_CODES),
  required: z.boolean(),
  /** Whether the user may switch it (the unit's own unit lead, or an administrator over it). */
  canChange: z.boolean(),
});
export type ReportApproval = z.output<typeof ReportApproval>;
