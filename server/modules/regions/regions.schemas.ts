import { z } from 'zod';

export const Region = z.object({ code: z.string(), name: z.string(), level: z.number().int() });
export type Region = z.output<typeof Region>;
export const RegionList = z.array(Region);
