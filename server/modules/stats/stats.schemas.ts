import { z } from 'zod';
import { TIP_STATUS_CODES } from '../../../shared/domain.ts';
import { day, oneOf } from '../../schemas.ts';

export const Overview = z.object({
  byStatus: z.array(z.object({ status: oneOf(TIP_STATUS_CODES), n: z.number() })),
  /** 'unclassified' counts tips with no fraud type yet. */
  byType: z.array(z.object({ fraudType: z.string(), n: z.number() })),
  daily: z.array(z.object({ day, received: z.number(), closed: z.number() })),
  overdueByRegion: z.array(z.object({ regionCode: z.string(), regionName: z.string(), n: z.number() })),
});
export type Overview = z.output<typeof Overview>;
