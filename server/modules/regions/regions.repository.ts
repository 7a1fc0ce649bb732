import type { Queryable } from '../../db/client.ts';

export interface Region {
  code: string;
  name: string;
  level: number;
}

export const childRegions = (q: Queryable, parent: string | null) =>
  q.query<Region>(
    parent
      ? 'select code, name, level from regions where parent_code = $1 order by code'
      : 'select code, name, level from regions where level = 1 order by code',
    parent ? [parent] : [],
  );

export async function findRegion(q: Queryable, code: string): Promise<Region | null> {
  const [r] = await q.query<Region>('select code, name, level from regions where code = $1', [code]);
  return r ?? null;
}

/** The code itself and every ancestor's code, nearest first ("370681001" → 370681001, 370681, 3706, 37). */
export function ancestry(code: string): string[] {
  const lengths = [9, 6, 4, 2].filter((n) => n <= code.length);
  return lengths.map((n) => code.slice(0, n));
}

/** Full display path: 山东省 / 烟台市 / 龙口市. */
export async function regionPath(q: Queryable, code: string): Promise<string> {
  const rows = await q.query<{ name: string }>(
    'select name from regions where code = any($1::text[]) order by length(code)',
    [ancestry(code)],
  );
  return rows.map((r) => r.name).join(' / ');
}
