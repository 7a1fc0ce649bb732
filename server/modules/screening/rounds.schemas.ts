import { z } from 'zod';
import { ROUND_SCOPE_CODES, ROUND_STATUS_CODES, SUBJECT_KIND_CODES } from '../../../shared/domain.ts';
import { day as calendarDay, oneOf, timestamp } from '../../schemas.ts';

/** Screening rounds (排查批次) and the sectors' checklists: requests and answers. */

const date = z.iso.date('请填写有效的日期（YYYY-MM-DD）');
const REGION = /^(\d{2}|\d{4}|\d{6}|\d{9})$/;
/** A round lasts at most three years: a campaign's phases are months long. */
export const ROUND_MAX_DAYS = 1096;
const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86400_000;

const title = z.string().trim().min(4, '请填写批次名称（至少 4 个字）').max(100, '批次名称不能超过 100 个字');
const period = <T extends z.ZodType<{ periodFrom?: string; periodTo?: string }>>(s: T) =>
  s.refine((b) => !b.periodFrom || !b.periodTo || b.periodFrom <= b.periodTo, { message: '结束日期不能早于开始日期', path: ['periodTo'] })
    .refine((b) => !b.periodFrom || !b.periodTo || daysBetween(b.periodFrom, b.periodTo) <= ROUND_MAX_DAYS, { message: '排查期限不能超过 3 年', path: ['periodTo'] });

export const roundBody = period(z
  .object({
    title,
    scope: z.enum(ROUND_SCOPE_CODES, '请选择排查方式'),
    regionCode: z.string().regex(REGION, '请选择有效的地区'),
    sectors: z.array(z.enum(SUBJECT_KIND_CODES, '行业无效')).min(1, '请至少选择一个行业').max(SUBJECT_KIND_CODES.length)
      .refine((s) => new Set(s).size === s.length, '行业不能重复'),
    periodFrom: date,
    periodTo: date,
  })
  .strict());
export type RoundInput = z.infer<typeof roundBody>;

/** While a round is open its owner corrects the title and period (its sectors and region fix its scope). */
export const roundPatch = period(z
  .object({ title: title.optional(), periodFrom: date.optional(), periodTo: date.optional() })
  .strict()
  .refine((b) => b.title !== undefined || b.periodFrom !== undefined || b.periodTo !== undefined, { message: '请填写要修改的内容', path: ['title'] }));
export type RoundPatch = z.infer<typeof roundPatch>;

export const roundListQuery = z.object({
  status: z.enum(ROUND_STATUS_CODES).optional(),
  // Rounds an inspection of this subject may join: open, of its sector, its region inside the round's.
  forSubject: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
}).strict();
export type RoundListQuery = z.infer<typeof roundListQuery>;

export const coverageQuery = z.object({ by: z.enum(['child'], '目前只支持按下级地区统计（by=child）').default('child') }).strict();

export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const sectorParams = z.object({ sector: z.enum(SUBJECT_KIND_CODES, '行业无效') });

export const CHECKLIST_KEY = /^[a-z][a-z0-9_]{1,39}$/;
export const checklistBody = z
  .object({
    items: z.array(z.object({
      key: z.string().regex(CHECKLIST_KEY, '检查项代码为 2–40 位小写字母、数字或下划线，以字母开头'),
      label: z.string().trim().min(2, '请填写检查项内容（至少 2 个字）').max(200, '检查项内容不能超过 200 个字'),
    }).strict()).min(1, '检查表至少一项').max(50, '检查表最多 50 项'),
  })
  .strict()
  .superRefine((b, ctx) => {
    const seen = new Set<string>();
    b.items.forEach((it, i) => {
      if (seen.has(it.key)) ctx.addIssue({ code: 'custom', path: ['items', i, 'key'], message: '检查项代码重复' });
      seen.add(it.key);
    });
  });

// Responses

const sectors = z.array(oneOf(SUBJECT_KIND_CODES));
const roundFields = {
  id: z.number(),
  title: z.string(),
  scope: oneOf(ROUND_SCOPE_CODES),
  regionCode: z.string(),
  regionName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  sectors,
  periodFrom: calendarDay,
  periodTo: calendarDay,
  status: oneOf(ROUND_STATUS_CODES),
  /** Distinct subjects inspected in the round (in the whole round, as its owner counts them). */
  inspectedSubjects: z.number(),
  createdAt: timestamp,
};
export const RoundListItem = z.object(roundFields);
export type RoundListItem = z.output<typeof RoundListItem>;
export const RoundPage = z.object({ items: z.array(RoundListItem), total: z.number(), page: z.number(), pageSize: z.number() });

export const RoundDetail = z.object({
  ...roundFields,
  createdBy: z.string(),
  updatedAt: timestamp.nullable(),
  closedAt: timestamp.nullable(),
  closedBy: z.string().nullable(),
  /** The user may correct the title and period (its owning unit's screeners, while open). */
  editable: z.boolean(),
  /** The user may close it (a lead of its owning unit, while open). */
  closable: z.boolean(),
});
export type RoundDetail = z.output<typeof RoundDetail>;

const coverageRow = {
  /** In scope: registered subjects of the round's sectors in this region's subtree, merged records excepted. */
  inScope: z.number(),
  /** Of those, subjects with at least one inspection in the round. */
  inspected: z.number(),
  /** inspected / inScope (0 when nothing is in scope). */
  coverage: z.number(),
};
export const Coverage = z.object({
  roundId: z.number(),
  /** The region the rows are children of: the round's, or the user's own part of it. */
  regionCode: z.string(),
  regionName: z.string(),
  sectors,
  rows: z.array(z.object({
    regionCode: z.string(),
    regionName: z.string(),
    /** Subjects registered at the region itself, not at a child region: one row of their own. */
    own: z.boolean(),
    ...coverageRow,
  })),
  total: z.object(coverageRow),
});
export type Coverage = z.output<typeof Coverage>;

export const ChecklistItem = z.object({ key: z.string(), label: z.string() });
export const ChecklistVersion = z.object({
  id: z.number(),
  sector: oneOf(SUBJECT_KIND_CODES),
  version: z.number(),
  items: z.array(ChecklistItem),
  /** Null: version 1, the built-in checklist. */
  createdBy: z.string().nullable(),
  createdAt: timestamp,
});
export type ChecklistVersion = z.output<typeof ChecklistVersion>;
export const Checklists = z.object({
  /** Each sector's current checklist (its latest version). */
  current: z.array(ChecklistVersion),
  /** Every version, newest first. */
  history: z.array(ChecklistVersion),
  /** Item keys the 红橙黄绿 rules read (risk.ts); other items are recorded and shown but do not change the grade. */
  gradedKeys: z.array(z.string()),
});
export type Checklists = z.output<typeof Checklists>;
