import { z } from 'zod';
import { TIP_STATUS_CODES } from '../../../shared/domain.ts';
import { day, oneOf } from '../../schemas.ts';

/** A rate as its two parts (docs/indicators.md defines each); the web shows both and the percentage. */
const Ratio = z.object({ numerator: z.number(), denominator: z.number() });

export const Overview = z.object({
  /** The period: the `days` China days up to and including today; cards, rates and types count the tips received in it. */
  period: z.object({ from: day, to: day, days: z.number() }),
  /** Tips received in the period. */
  received: z.number(),
  /** Tips received in the period by where they are now, every status in workflow order (zeros included). */
  byStatus: z.array(z.object({ status: oneOf(TIP_STATUS_CODES), n: z.number() })),
  /** 办结率, 按期办结率 and 满意率 of the tips received in the period. */
  rates: z.object({ closure: Ratio, onTime: Ratio, satisfaction: Ratio }),
  /** 'unclassified' counts tips with no fraud type yet (tips received in the period). */
  byType: z.array(z.object({ fraudType: z.string(), n: z.number() })),
  daily: z.array(z.object({ day, received: z.number(), closed: z.number() })),
  /** Open tips past their deadline now (a state, not a flow: not limited to the period), by child region. */
  overdueByRegion: z.array(z.object({ regionCode: z.string(), regionName: z.string(), n: z.number() })),
  /** 打击 in the period: cases (stages and figures by their dates) and enforcement records (by issue date); amounts in fen. */
  strike: z.object({
    casesFiled: z.number(), casesSolved: z.number(), arrested: z.number(), involvedFen: z.number(), recoveredFen: z.number(),
    notices: z.number(), penalties: z.number(), penaltyFen: z.number(), transfers: z.number(),
  }),
});
export type Overview = z.output<typeof Overview>;

/** One indicator's figure (server/modules/stats/engine.ts: Figure). */
export const StatsFigure = z.object({
  value: z.number().nullable(),
  unit: z.string(),
  source: oneOf(['recorded', 'reported', 'none']),
  previous: z.number().nullable().optional(),
  yoy: z.number().nullable().optional(),
  link: z.string().optional(),
  reported: z.number().optional(),
  parts: z.object({ numerator: z.number(), denominator: z.number() }).optional(),
});
export const StatsResult = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  from: day.nullable(),
  to: day,
  figures: z.record(z.string(), StatsFigure),
  rows: z.array(z.object({ key: z.string(), name: z.string(), figures: z.record(z.string(), StatsFigure) })).optional(),
});
export type StatsResult = z.output<typeof StatsResult>;
