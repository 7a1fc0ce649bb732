import { z } from 'zod';
import { INDICATOR_KEYS } from '../../../shared/indicators.ts';
import { FIGURE_STATUS_CODES } from '../../../shared/domain.ts';
import { day, nextCursor, oneOf, timestamp } from '../../schemas.ts';

export const FiguresReported = z.object({ ids: z.array(z.number()) });

export const ReportedFigure = z.object({
  id: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  unitName: z.string(),
  periodStart: day,
  periodEnd: day,
  indicator: oneOf(INDICATOR_KEYS),
  value: z.number(),
  unit: z.string(),
  approx: z.boolean(),
  subject: z.string().nullable(),
  note: z.string().nullable(),
  quote: z.string().nullable(),
  source: oneOf(['form', 'summary']),
  submittedAt: timestamp,
  status: oneOf(FIGURE_STATUS_CODES),
  reviewNote: z.string().nullable(),
  reviewedAt: timestamp.nullable(),
  /** Submitted and the caller reviews it (shows the approve/return buttons). */
  reviewable: z.boolean(),
});
export type ReportedFigure = z.output<typeof ReportedFigure>;
/** Newest first, a keyset page on the id. */
export const ReportedFigurePage = z.object({ items: z.array(ReportedFigure), nextCursor });
export const FigureReviewed = z.object({ id: z.number(), status: oneOf(['approved', 'returned']) });
