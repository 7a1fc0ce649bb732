import { z } from 'zod';

export const Region = z.object({ code: z.string(), name: z.string(), level: z.number().int() });
export type Region = z.output<typeof Region>;
export const RegionList = z.array(Region);

/** A region found by name for staff, with its full path (山东省 / 烟台市 / 龙口市) to tell namesakes apart. */
export const RegionHit = Region.extend({ path: z.string() });
export type RegionHit = z.output<typeof RegionHit>;
export const RegionHitList = z.array(RegionHit);
