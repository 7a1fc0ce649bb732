import { sql, type Db } from '../client.ts';
import { chinaToday } from '../../../shared/time.ts';
import type { DemoStructure } from './seed.ts';

/**
 * Two screening rounds (排查批次) in the demo province, over the registry seedDemoRegistry loaded: 烟台市's
 * 集中排查 of care institutions and unregistered care places, about seven in ten of them inspected
 * (coverage below 100 %, uneven by county), and 龙口市's 回头看 of its medical-care institutions, every
 * one inspected (100 %). One statement per round for its inspections (insert … select), so the seed
 * stays quick; the checklist version is filled by the trigger of migration 0033.
 */
export async function seedDemoRounds(db: Db, s: DemoStructure): Promise<void> {
  const day = (d: number) => chinaToday(Date.now() + d * 86400_000);
  const cityOffice = s.units.get('3706:campaign_office')!;
  const civil = s.units.get('3706:civil_affairs')!;
  const countyOffice = s.units.get('370681:campaign_office')!;
  const health = s.units.get('370681:health')!;
  const round = async (title: string, scope: string, region: string, unitId: number, creator: string, sectors: string[], from: string, to: string) => {
    const [{ id }] = await db.query<{ id: number }>(
      sql`insert into screening_rounds (title, scope, region_code, unit_id, sectors, period_from, period_to, created_by)
          values (${title}, ${scope}, ${region}, ${unitId}, ${sectors}::text[], ${from}, ${to}, ${s.users.get(creator)!}) returning id`,
    );
    return id;
  };

  const sectors = ['elderly_care_institution', 'unregistered_care_place'];
  const centralized = await round('烟台市养老服务机构风险隐患集中排查', 'centralized', '3706', cityOffice, 'yt_intake', sectors, day(-60), day(30));
  // Seven in ten, fewer in the counties whose code ends in an odd digit: the table shows who lags.
  // Every ninth a self-check (自查) recorded by staff, every eleventh a 20 % spot check (抽查).
  await db.query(
    sql`insert into inspections (subject_id, unit_id, inspected_on, inspectors, checklist, findings, created_by, round_id, kind, sampling_ratio)
        select s.id, ${civil}, ${day(0)}::date - (s.id % 55)::int, 2 + s.id % 3,
               case when s.id % 13 = 0 then '{"prepaid": true}'::jsonb when s.id % 17 = 0 then '{"no_commitment": true}'::jsonb else '{}'::jsonb end,
               case when s.id % 13 = 0 then '前台摆放会员卡宣传材料' end, ${s.users.get('yt_civil_affairs')!}, ${centralized},
               k.kind, case when k.kind = 'spot_check' then 0.2 end
        from subjects s
        cross join lateral (select case when s.id % 11 = 0 then 'spot_check' when s.id % 9 = 0 then 'self_check' else 'routine' end as kind) k
        where s.region_code like '3706%' and s.merged_into is null and s.kind = any(${sectors}::text[])
          and s.id % 10 < case when substr(s.region_code, 6, 1)::int % 2 = 1 then 5 else 8 end`,
  );

  const review = await round('龙口市医养结合机构“回头看”', 'review', '370681', countyOffice, 'lk_intake', ['medical_care_institution'], day(-14), day(7));
  await db.query(
    sql`insert into inspections (subject_id, unit_id, inspected_on, inspectors, checklist, findings, created_by, round_id)
        select s.id, ${health}, ${day(0)}::date - (s.id % 14)::int, 2, '{}'::jsonb, '回头看：前次问题已整改到位', ${s.users.get('lk_health')!}, ${review}
        from subjects s where s.region_code like '370681%' and s.merged_into is null and s.kind = 'medical_care_institution'`,
  );
}
