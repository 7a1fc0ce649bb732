import { raw, sql, type Queryable, type Sql } from '../../db/client.ts';
import { jurisdictionSql } from '../access/jurisdiction.ts';
import type { SessionUser } from '../auth/auth.service.ts';

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

/** SQL: the full name of the region whose code is in `column` (山东省 / 烟台市 / 龙口市); 全国 for the nation. */
export const regionPathSql = (column: string): Sql => {
  const c = raw(column);
  return sql`coalesce((select string_agg(a.name, ' / ' order by length(a.code)) from regions a
    where a.code in (left(${c}, 2), left(${c}, 4), left(${c}, 6), ${c}) and a.code <> ''), '全国')`;
};

const withPath = sql`r.code, r.name, r.level, ${regionPathSql('r.code')} as path`;

/**
 * Regions whose name holds `text` (literally, its own % and _ included), those for which `first` holds
 * ranked first (the user's jurisdiction), then higher levels before lower ones: at most `limit`.
 */
export async function searchRegions(q: Queryable, text: string, first: Sql, limit = 20) {
  const like = `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  return q.query<Region & { path: string }>(
    sql`select ${withPath} from regions r where r.code <> '' and r.name like ${like}
        order by (${first}) desc, r.level, r.code limit ${limit}`,
  );
}

/** One region with its full path, or none. */
export const regionWithPath = (q: Queryable, code: string) =>
  q.query<Region & { path: string }>(sql`select ${withPath} from regions r where r.code = ${code} and r.code <> ''`);

/** Codes and names of the regions in the user's jurisdiction, for reading a region an import's row names. */
export const jurisdictionRegions = (q: Queryable, user: Pick<SessionUser, 'unitRegionCode'>) =>
  q.query<{ code: string; name: string }>(sql`select code, name from regions r where ${jurisdictionSql(user, 'r.code')}`);

/** A region typed in an import's row, by code or by name; a name may stand for several regions. */
export interface RegionIndex { byCode: Set<string>; byName: Map<string, string[]> }

export function indexRegions(all: { code: string; name: string }[]): RegionIndex {
  const index: RegionIndex = { byCode: new Set(all.map((r) => r.code)), byName: new Map() };
  for (const r of all) addRegionName(index, r.name, r.code);
  return index;
}

export function addRegionName(index: RegionIndex, name: string, code: string): void {
  index.byName.set(name, [...(index.byName.get(name) ?? []), code]);
}

/** The code a row's region text stands for: itself when it is a code, else the one region of that name. */
export function resolveRegion(index: RegionIndex, text: string): { code: string } | { problem: 'ambiguous' | 'unknown' } {
  if (index.byCode.has(text)) return { code: text };
  const codes = index.byName.get(text) ?? [];
  return codes.length === 1 ? { code: codes[0] } : { problem: codes.length ? 'ambiguous' : 'unknown' };
}
