import { sql, type Db } from '../client.ts';
import type { DemoStructure } from './seed.ts';

/**
 * Evaluation (考评) for the demo province: the elderly population (60+) of 山东省, its 16 cities and
 * 烟台市's 13 county-level regions, and the weights 山东省 and 烟台市 use to rank their child regions.
 *
 * The population figures are ILLUSTRATIVE: rounded numbers of a plausible size (about a fifth of each
 * region's residents at the 2020 census), not published counts — replace them with the figures of
 * the 第七次全国人口普查 bulletins or the civil affairs statistics before any real evaluation. The
 * province's figure is the sum of its cities', 烟台市's the sum of its counties'.
 */
const SOURCE = '演示数据（示意数字，非公布统计）';
const CENSUS_DAY = '2020-11-01';

const CITIES: [string, number][] = [
  ['3701', 1_800_000], ['3702', 2_000_000], ['3703', 1_100_000], ['3704', 800_000], ['3705', 450_000], ['3706', 1_820_000],
  ['3707', 2_100_000], ['3708', 1_850_000], ['3709', 1_300_000], ['3710', 800_000], ['3711', 620_000], ['3713', 2_100_000],
  ['3714', 1_250_000], ['3715', 1_250_000], ['3716', 880_000], ['3717', 1_650_000],
];
const YANTAI: [string, number][] = [
  ['370602', 190_000], ['370611', 130_000], ['370612', 125_000], ['370613', 80_000], ['370614', 115_000], ['370671', 15_000],
  ['370676', 40_000], ['370681', 170_000], ['370682', 235_000], ['370683', 240_000], ['370685', 150_000], ['370686', 150_000], ['370687', 180_000],
];

export async function seedDemoEvaluation(db: Db, s: DemoStructure): Promise<void> {
  const add = async (regionCode: string, population: number, asOf: string, source: string, unitKey: string, username: string) =>
    db.query(sql`insert into elderly_population (region_code, population, as_of, source, unit_id, created_by)
                 values (${regionCode}, ${population}, ${asOf}::date, ${source}, ${s.units.get(unitKey)!}, ${s.users.get(username)!})`);
  const sum = (rows: [string, number][]) => rows.reduce((t, [, n]) => t + n, 0);
  await add('37', sum(CITIES), CENSUS_DAY, SOURCE, '37:campaign_office', 'sd_intake');
  for (const [code, n] of CITIES) await add(code, n, CENSUS_DAY, SOURCE, '37:campaign_office', 'sd_intake');
  for (const [code, n] of YANTAI) await add(code, n, CENSUS_DAY, SOURCE, '3706:campaign_office', 'yt_intake');
  // A later figure entered by the county itself: the history shows both, the newer one is in force.
  await add('370681', 178_000, '2024-12-31', '演示数据：龙口市民政局年末老年人口（示意）', '370681:campaign_office', 'lk_intake');

  const scheme = async (regionCode: string, username: string, weights: Record<string, number>, missingRule: string, note: string, daysAgo: number) =>
    db.query(sql`insert into evaluation_schemes (region_code, unit_id, weights, missing_rule, note, created_by, created_at)
                 values (${regionCode}, ${s.units.get(`${regionCode}:campaign_office`)!}, ${JSON.stringify(weights)}::jsonb, ${missingRule}, ${note},
                         ${s.users.get(username)!}, now() - make_interval(days => ${daysAgo}))`);
  await scheme('37', 'sd_lead', { on_time: 25, satisfaction: 15, recovery: 15, screening: 15, hazards: 15, reach: 15 }, 'reweight', '2026 年度专项行动考评（演示）', 40);
  // 烟台市 weighed the tips first, then gave screening and publicity more weight: two schemes in its history.
  await scheme('3706', 'yt_lead', { on_time: 40, satisfaction: 30, recovery: 10, screening: 10, hazards: 10, reach: 0 }, 'zero', '一季度考评（演示）', 60);
  await scheme('3706', 'yt_lead', { on_time: 25, satisfaction: 15, recovery: 10, screening: 20, hazards: 15, reach: 15 }, 'reweight', '调整后权重：加大排查整治和宣传比重（演示）', 10);
}
