import { sql, type Db } from '../client.ts';
import { usccCheckChar } from '../../../shared/validators.ts';
import type { DemoStructure } from './seed.ts';

/**
 * The demo province's registry in the thousands, across sectors, for the registry pages, exports and
 * the screening strand: deterministic (the n-th subject is always the same) and one statement per
 * sector (generate_series), so the seed stays quick. Counts follow a city's summary (issue 13): most
 * are health-product sellers and care institutions; land parcels are few.
 */
const SECTORS: { kind: string; n: number; name: string; beds?: boolean; area?: boolean; regulator: string }[] = [
  { kind: 'elderly_care_institution', n: 1090, name: '颐养院', beds: true, regulator: '民政局' },
  { kind: 'unregistered_care_place', n: 160, name: '老年康养活动室', beds: true, regulator: '民政局' },
  { kind: 'travel_agency', n: 420, name: '旅行社', regulator: '文化和旅游局' },
  { kind: 'health_product_seller', n: 1640, name: '保健品经营部', regulator: '市场监督管理局' },
  { kind: 'real_estate_developer', n: 188, name: '置业有限公司', regulator: '住房和城乡建设局' },
  { kind: 'care_land_parcel', n: 33, name: '养老服务用地地块', area: true, regulator: '自然资源和规划局' },
  { kind: 'medical_care_institution', n: 120, name: '医养结合中心', beds: true, regulator: '卫生健康局' },
  { kind: 'finance_company', n: 90, name: '投资管理有限公司', regulator: '地方金融管理局' },
];

export async function seedDemoRegistry(db: Db, s: DemoStructure): Promise<number> {
  const clerk = s.users.get('yt_intake')!;
  // The counties and townships of 烟台市 (the demo city), in code order.
  const regions = (await db.query<{ code: string; name: string }>(sql`select code, name from regions where code like '3706%' and length(code) in (6, 9) order by code`));
  const codes = regions.map((r) => r.code);
  const names = regions.map((r) => r.name);
  let total = 0;
  for (const [k, sec] of SECTORS.entries()) {
    // Two in three have a credit code: 91 3706 + the kind's digit + DM + the number, and its check character.
    const usccs = Array.from({ length: sec.n }, (_, i) => {
      const first17 = `913706${k}0DM${String(i).padStart(7, '0')}`;
      return i % 3 === 2 ? null : first17 + usccCheckChar(first17);
    });
    await db.query(
      sql`insert into subjects (region_code, kind, name, normalized_name, uscc, address, normalized_address, registered, licence_no, beds, area_m2,
                                regulator, contact_name, contact_phone, commitment_signed_on, created_by)
          select r.code, ${sec.kind}, n.name, regexp_replace(n.name, '(有限责任公司|股份有限公司|有限公司)$', '公司'), u.uscc, r.name || '幸福路' || g || '号', r.name || '幸福路' || g || '号',
                 ${sec.kind === 'elderly_care_institution' ? true : sec.kind === 'unregistered_care_place' ? false : null}::boolean,
                 case when g % 4 <> 0 then ${sec.name.slice(0, 2)} || '证' || lpad(g::text, 5, '0') end,
                 ${sec.beds ? sql`20 + (g * 37) % 280` : sql`null`}, ${sec.area ? sql`(1000 + (g * 613) % 20000)::numeric` : sql`null`},
                 ${'烟台市' + sec.regulator}, case when g % 5 <> 0 then '联系人' || g end, case when g % 5 <> 0 then '1380535' || lpad(g::text, 4, '0') end,
                 case when g % 3 <> 0 then date '2026-01-01' + (g % 300) end, ${clerk}
          from generate_series(1, ${sec.n}) g
          cross join lateral (select ${codes}::text[] as c, ${names}::text[] as nm) a
          cross join lateral (select a.c[1 + (g * 7) % array_length(a.c, 1)] as code, a.nm[1 + (g * 7) % array_length(a.c, 1)] as name) r
          cross join lateral (select r.name || '第' || g || ${sec.name} as name) n
          cross join lateral (select (${usccs}::text[])[g] as uscc) u`,
    );
    total += sec.n;
  }
  return total;
}
