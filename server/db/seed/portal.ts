import type { Db } from '../client.ts';
import { MONITORING_COUNT_KEYS, type AdMedium } from '../../../shared/domain.ts';
import { chinaToday } from '../../../shared/time.ts';
import type { DemoStructure } from './seed.ts';

/**
 * Demo data for the rest of 宣传: a year of ads monitoring rounds by the market-regulation bureaus,
 * portal articles (knowledge, warnings, typical cases) written by the offices and approved by a lead
 * who did not write them — plus one waiting for review and one draft — and the offices' published
 * reporting channels. Deterministic, so every machine shows the same.
 */

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const ROUND_TITLES: [string, AdMedium[]][] = [
  ['互联网涉养老虚假广告专项监测', ['website', 'social_media']],
  ['短视频、直播平台保健品广告监测', ['short_video']],
  ['户外及社区张贴广告巡查', ['outdoor']],
  ['报刊、广播电视养老广告监测', ['print', 'broadcast']],
];
/** [unit key, user, rounds in the year] */
const MONITORS: [string, string, number][] = [
  ['37:market_regulation', 'sd_market_regulation', 6], ['3706:market_regulation', 'yt_market_regulation', 12],
  ['370681:market_regulation', 'lk_market_regulation', 12], ['370602:market_regulation', 'zf_market_regulation', 8],
];

const day = (offset: number) => new Date(Date.parse(chinaToday()) + offset * 86400_000).toISOString().slice(0, 10);

/** [kind, region, writer, reviewer (null: not yet approved), status, title, summary, body, fraud type, days ago, expires in days] */
type DemoArticle = [string, string, string, string | null, string, string, string, string, string | null, number, number | null];
const ARTICLES: DemoArticle[] = [
  ['warning', '370681', 'lk_intake', 'lk_lead', 'published', '警惕“免费体检”后推销高价保健品', '近期东莱街道、新嘉街道多个小区出现“免费体检、送鸡蛋”活动，随后向老人推销上万元的保健品。',
    '最近，有人在小区门口摆摊，说是“健康讲座、免费体检”，还送鸡蛋、送挂面。\n\n体检完，他们会说您“血管堵了”“身体有大问题”，再拿出几千、上万元的保健品或理疗仪，说能治病。\n\n请记住：保健品不是药，不能治病。真正的体检要去正规医院。\n\n遇到这种情况，请不要交钱，不要签合同。可以拨打龙口市专项办举报电话，或在本网站举报。', 'elderly_product', 6, 45],
  ['warning', '3706', 'yt_intake', 'yt_lead', 'published', '冒充社保人员“内部补缴养老保险”的骗局又出现了', '烟台市多地有人冒充社保工作人员，称可“内部补缴”养老保险、提高养老金，收取“手续费”。',
    '社保补缴只能到社保经办机构办理，没有“内部渠道”，也不收“手续费”。\n\n有人打电话或上门说能帮您多领养老金，让您先交钱、或告诉他银行卡号和验证码，这就是骗局。\n\n请挂断电话，到社保窗口或拨打 12333 核实。', 'pension_insurance', 20, 60],
  ['knowledge', '37', 'sd_intake', 'sd_lead', 'published', '“以房养老”骗局是怎么回事', '骗子劝老人把房子抵押出去，把钱投进所谓的理财产品，许诺每月发“养老金”，最后房子被拍卖。',
    '正规的“以房养老”是保险公司经批准开展的业务，不会让您把抵押得来的钱再拿去投资。\n\n骗局的样子：先带您办公证、签抵押合同，再让您把钱投到他们的“理财项目”，前几个月按时给您发钱。几个月后公司不见了，您的房子被债主拍卖。\n\n请记住：房产证、公证书、抵押合同，签字前一定要让子女看过。', 'house_for_pension', 60, null],
  ['knowledge', '37', 'sd_intake', 'sd_lead', 'published', '投资养老项目，年年返利？当心非法集资', '许诺“保本保息、年化 15% 以上”的养老院、康养基地投资，大多是非法集资。',
    '正规的养老机构不会向老人募集资金，更不会承诺高额回报。\n\n“投 10 万，每年返 1.8 万”“介绍亲友再奖励”，这些都是非法集资的典型说法。\n\n已经投了钱的，请保存好合同、收据、转账记录，尽快报案。', 'elderly_project', 90, null],
  ['warning', '370602', 'zf_intake', null, 'pending', '警惕“政府养老补贴”短信', '有人发短信称可领取“养老补贴”，点链接后要求填写银行卡号和验证码。',
    '政府发放的补贴不会通过短信链接领取，也不会要验证码。\n\n收到这类短信请直接删除，不要点链接。', 'elderly_assistance', 1, 30],
  ['knowledge', '370681', 'lk_intake', null, 'draft', '老年人防骗“三不一多”', '不轻信、不透露、不转账，多和子女商量。', '不轻信陌生电话和上门推销；不透露身份证、银行卡、验证码；不向陌生账户转账；遇事多和子女、社区商量。', null, 0, null],
];

/** [unit key, user, hotline, address, hours, email] */
const CHANNELS: [string, string, string, string, string, string | null][] = [
  ['37:campaign_office', 'sd_intake', '0531-86000110', '济南市历下区省府前街 1 号', '工作日 8:30–12:00，13:30–17:30', null],
  ['3706:campaign_office', 'yt_intake', '0535-6600110', '烟台市莱山区府后路 9 号', '工作日 8:30–12:00，13:30–17:30', 'ytzxb@example.gov.cn'],
  ['370681:campaign_office', 'lk_intake', '0535-8500110', '龙口市东莱街道港城大道 1 号政务服务中心 2 楼', '工作日 8:30–17:30（节假日电话值守）', 'lkzxb@example.gov.cn'],
  ['370602:campaign_office', 'zf_intake', '0535-6200110', '烟台市芝罘区南大街 2 号', '工作日 9:00–17:00', null],
];

export async function seedDemoPortal(db: Db, s: DemoStructure): Promise<void> {
  const random = rng(20260111);
  const user = (name: string) => s.users.get(name);
  for (const [unitKey, username, n] of MONITORS) {
    const unitId = s.units.get(unitKey);
    const userId = user(username);
    if (!unitId || !userId) continue;
    const region = unitKey.split(':')[0];
    const rows = Array.from({ length: n }, (_, i) => {
      const [title, media] = ROUND_TITLES[i % ROUND_TITLES.length];
      const start = day(-Math.floor((365 / n) * i + random() * 20 + 1));
      const monitored = Math.round(200 + random() * 3000);
      const found = Math.round(monitored * (0.005 + random() * 0.03));
      return {
        region_code: region, title, media, start_date: start, end_date: start, ads_monitored: monitored, illegal_ads_found: found,
        ads_cleaned: Math.max(0, found - Math.round(random() * 2)), accounts_closed: Math.round(random() * found * 0.3), cases_transferred: random() < 0.3 ? 1 : 0,
      };
    });
    await db.query(
      `insert into ads_monitoring_rounds (region_code, unit_id, title, media, start_date, end_date, created_by, ${MONITORING_COUNT_KEYS.join(', ')})
       select region_code, $2, title, media, start_date, end_date, $3, ${MONITORING_COUNT_KEYS.join(', ')}
       from jsonb_to_recordset($1::jsonb) as x(region_code text, title text, media text[], start_date date, end_date date, ${MONITORING_COUNT_KEYS.map((k) => `${k} int`).join(', ')})`,
      [JSON.stringify(rows), unitId, userId],
    );
  }
  for (const [kind, region, writer, reviewer, status, title, summary, body, fraudType, ago, expires] of ARTICLES) {
    const writerId = user(writer);
    const unitId = s.units.get(`${region.length > 6 ? region.slice(0, 6) : region}:campaign_office`);
    if (!writerId || !unitId) continue;
    const reviewerId = reviewer ? user(reviewer) ?? null : null;
    await db.query(
      `insert into public_articles (kind, region_code, unit_id, fraud_type, title, summary, body, expires_on, status, editors, created_by, created_at,
                                    submitted_at, reviewed_by, reviewed_at, published_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, array[$10::bigint], $10, now() - make_interval(days => $11 + 1),
               case when $9 <> 'draft' then now() - make_interval(days => $11) end, $12, case when $12::bigint is not null then now() - make_interval(days => $11) end,
               case when $9 = 'published' then now() - make_interval(days => $11) end)`,
      [kind, region, unitId, fraudType, title, summary, body, expires === null ? null : day(expires), status, writerId, ago, reviewerId],
    );
  }
  for (const [unitKey, username, hotline, address, hours, email] of CHANNELS) {
    const unitId = s.units.get(unitKey);
    const userId = user(username);
    if (!unitId || !userId) continue;
    await db.query(
      `insert into reporting_channels (unit_id, hotline, address, email, hours, published, updated_by) values ($1, $2, $3, $4, $5, true, $6)`,
      [unitId, hotline, address, email, hours, userId],
    );
  }
}
