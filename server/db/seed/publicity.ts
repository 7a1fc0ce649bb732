import type { Db } from '../client.ts';
import { PUBLICITY_COUNT_KEYS, type PublicityKind, type PublicityCountKey } from '../../../shared/domain.ts';
import { chinaToday } from '../../../shared/time.ts';
import type { DemoStructure } from './seed.ts';

/**
 * A year of publicity activities for the demo province: the offices and member units of 山东省,
 * 烟台市, 龙口市 and 芝罘区, each kind with counts of its own size (a lecture reaches a hundred
 * people, an SMS campaign tens of thousands), deterministic so every machine shows the same.
 */

type Shape = { titles: string[]; places: string[]; counts: Partial<Record<PublicityCountKey, [number, number]>> };
const SHAPES: Partial<Record<PublicityKind, Shape>> = {
  lecture: { titles: ['防范养老诈骗专题讲座', '“守护夕阳红”反诈知识讲座'], places: ['社区老年活动中心', '老年大学报告厅'], counts: { materials_distributed: [100, 400], people_reached: [60, 200], posters: [2, 6] } },
  campaign_day: { titles: ['集中宣传日', '赶集日防骗宣传'], places: ['人民广场', '镇大集'], counts: { materials_distributed: [500, 3000], banners: [2, 10], posters: [5, 20], people_reached: [300, 2000] } },
  community_visit: { titles: ['反诈宣传进社区', '防骗知识进养老机构', '宣传进村'], places: ['社区服务中心', '敬老院', '村委会'], counts: { materials_distributed: [100, 600], banners: [1, 3], people_reached: [50, 300] } },
  door_to_door: { titles: ['敲门行动入户宣传', '独居老人入户走访'], places: ['辖区居民楼', '自然村'], counts: { households_visited: [50, 400], materials_distributed: [50, 400], people_reached: [80, 600] } },
  letter: { titles: ['致全市老年人的一封信'], places: ['辖区各社区'], counts: { materials_distributed: [2000, 20000], people_reached: [2000, 20000] } },
  new_media: { titles: ['微信公众号推送防骗提示', '抖音号发布典型案例'], places: ['线上'], counts: { media_posts: [1, 8], people_reached: [1000, 30000] } },
  short_video: { titles: ['拍摄防骗情景短视频'], places: ['线上'], counts: { videos_made: [1, 3], media_posts: [1, 3], people_reached: [2000, 50000] } },
  sms: { titles: ['发送防骗提醒短信'], places: ['全辖区'], counts: { sms_sent: [5000, 80000], people_reached: [5000, 80000] } },
  tv_radio: { titles: ['电视台播出反诈专题节目', '广播电台防骗提示'], places: ['本地电视台'], counts: { media_posts: [1, 4], people_reached: [10000, 100000] } },
  banner_poster: { titles: ['悬挂横幅、张贴海报', '电子屏滚动播放防骗标语'], places: ['主要街道', '银行网点'], counts: { banners: [5, 40], posters: [10, 120] } },
  performance: { titles: ['反诈主题文艺演出', '吕剧小戏《识破骗局》'], places: ['文化广场'], counts: { people_reached: [200, 1500], materials_distributed: [200, 800] } },
  training: { titles: ['养老机构负责人防诈培训会', '网格员业务培训'], places: ['会议室'], counts: { people_reached: [30, 150], materials_distributed: [30, 150] } },
};
const KINDS = Object.keys(SHAPES) as PublicityKind[];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Who logs for whom: [unit key in the structure, user, activities in the year]. */
const LOGGERS: [string, string, number][] = [
  ['37:campaign_office', 'sd_intake', 24], ['3706:campaign_office', 'yt_intake', 60], ['3706:market_regulation', 'yt_market_regulation', 20],
  ['370681:campaign_office', 'lk_intake', 120], ['370681:police', 'lk_police', 40], ['370681:civil_affairs', 'lk_civil_affairs', 40],
  ['370602:campaign_office', 'zf_intake', 80], ['370602:police', 'zf_police', 30],
];

export async function seedDemoPublicity(db: Db, s: DemoStructure): Promise<number> {
  const random = rng(20260110);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const today = Date.parse(chinaToday());
  const towns = await db.query<{ code: string; parent: string }>(`select code, parent_code as parent from regions where parent_code in ('370681', '370602')`);
  let made = 0;
  for (const [unitKey, username, n] of LOGGERS) {
    const unitId = s.units.get(unitKey);
    const userId = s.users.get(username);
    if (!unitId || !userId) continue;
    const region = unitKey.split(':')[0];
    const below = towns.filter((t) => t.parent === region).map((t) => t.code);
    const rows = Array.from({ length: n }, () => {
      const kind = pick(KINDS);
      const shape = SHAPES[kind]!;
      const start = new Date(today - Math.floor(random() * 365 + 1) * 86400_000).toISOString().slice(0, 10);
      const counts = Object.fromEntries(PUBLICITY_COUNT_KEYS.map((k) => {
        const range = shape.counts[k];
        return [k, range ? Math.round(range[0] + random() * (range[1] - range[0])) : 0];
      }));
      return {
        region_code: below.length && random() < 0.5 ? pick(below) : region, kind, title: pick(shape.titles), place: pick(shape.places),
        start_date: start, end_date: start, co_organisers: random() < 0.4 ? ['社区居委会'] : [], ...counts,
      };
    });
    await db.query(
      `insert into publicity_activities (region_code, unit_id, kind, title, place, start_date, end_date, co_organisers, created_by, ${PUBLICITY_COUNT_KEYS.join(', ')})
       select region_code, $2, kind, title, place, start_date, end_date, co_organisers, $3, ${PUBLICITY_COUNT_KEYS.join(', ')}
       from jsonb_to_recordset($1::jsonb) as x(region_code text, kind text, title text, place text, start_date date, end_date date, co_organisers text[],
            ${PUBLICITY_COUNT_KEYS.map((k) => `${k} int`).join(', ')})`,
      [JSON.stringify(rows), unitId, userId],
    );
    made += rows.length;
  }
  return made;
}
