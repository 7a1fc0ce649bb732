import { z } from 'zod';
import { RISK_GRADE_CODES } from '../../../shared/domain.ts';
import { day as calendarDay, oneOf, timestamp } from '../../schemas.ts';

/** 一院一策 (issue 13 item 5): a red or orange subject's plan — measures, progress notes, history. */

export const planParams = z.object({ id: z.coerce.number().int().positive() });
export const measureParams = planParams.extend({ mid: z.coerce.number().int().positive() });

const dueOn = z.iso.date('请填写有效的完成期限（YYYY-MM-DD）');

export const planBody = z
  .object({
    summary: z.string().trim().min(4, '请填写整治目标和总体安排（至少 4 个字）').max(2000),
    measures: z
      .array(
        z.object({
          /** An existing measure kept (and possibly changed); none: a new one. Measures left out are removed. */
          id: z.number().int().positive().optional(),
          text: z.string().trim().min(4, '请填写整治措施（至少 4 个字）').max(500),
          unitId: z.number('请选择责任单位').int().positive('请选择责任单位'),
          dueOn,
        }).strict(),
      )
      .min(1, '至少填写一项整治措施')
      .max(50, '整治措施最多 50 项'),
  })
  .strict();
export type PlanInput = z.infer<typeof planBody>;

export const noteBody = z.object({ text: z.string().trim().min(2, '请填写进展情况（至少 2 个字）').max(2000) }).strict();

export const PlanMeasure = z.object({
  id: z.number(),
  text: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  dueOn: calendarDay,
  done: z.boolean(),
  doneAt: timestamp.nullable(),
  doneBy: z.string().nullable(),
  /** Not done and past its due date (China's day). */
  overdue: z.boolean(),
});

export const Plan = z.object({
  id: z.number(),
  subjectId: z.number(),
  summary: z.string(),
  createdBy: z.string(),
  createdAt: timestamp,
  updatedBy: z.string(),
  updatedAt: timestamp,
  measures: z.array(PlanMeasure),
  /** 整治进展, newest first (append-only). */
  notes: z.array(z.object({ id: z.number(), text: z.string(), author: z.string(), unitName: z.string(), createdAt: timestamp })),
  /** Every edit of the plan, newest first. */
  history: z.array(z.object({ id: z.number(), action: oneOf(['created', 'edited', 'measure_done'] as const), changes: z.record(z.string(), z.unknown()), changedBy: z.string(), changedAt: timestamp })),
});
export type Plan = z.output<typeof Plan>;

/** GET answer: the subject's stored grade, whether a plan may be created now, and the plan (null: none yet). */
export const PlanFile = z.object({
  grade: oneOf(RISK_GRADE_CODES).nullable(),
  /** No plan yet and the subject is red or orange. */
  mayCreate: z.boolean(),
  plan: Plan.nullable(),
  /** Units that may answer for a measure: at the subject's region, above it, and below it (nearest first). */
  units: z.array(z.object({ id: z.number(), name: z.string() })),
});
export type PlanFile = z.output<typeof PlanFile>;
