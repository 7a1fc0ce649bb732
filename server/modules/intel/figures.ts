import { MAX_TEXT } from './analyze.ts';
import { findQuantities, MEASURES, type Quantity } from './numbers.ts';

/**
 * Figures from a work summary, keyed by shared/docs/indicators.md. Each number is read with the
 * words of its own clause before it: "累计挽回经济损失350余万元" → amount_recovered_yuan 3500000
 * (approx). Masked numbers are listed, never guessed; dates, ages, phone numbers, percentages
 * without an indicator, and ordinals are not figures.
 */

export interface Figure {
  indicator: string;
  value: number;
  unit: string;
  approx: boolean;
  subject: string | null;
  quote: string;
  /** Where the number itself sits in the text (the numeral with its 万/亿 and inner 余/多): text.slice(start, end). */
  start: number;
  end: number;
}

/** A placeholder standing for a number ("*次", "XX家"): never read as a value. */
export interface MaskedNumber {
  quote: string;
  start: number;
  end: number;
}

/** Who an event reaches: elders, residents, the public — not the staff who carry it out. */
const AUDIENCE = '老年人|老人|群众|居民|村民|市民|长者|银发|老年朋友|中老年';

interface Rule {
  indicator: string;
  /** The clause words before the number must match this. */
  words: RegExp;
  /** Measure words this indicator is counted in ('' = none written). */
  measures: string[];
  unit: string;
  /** For a rule read after the number: what the clause before it must end with. */
  lead?: RegExp;
  /** For screening: the sector named between the verb and the number. */
  subject?: RegExp;
}

// Order matters: the first rule that fits wins (specific before general). "排查梳理出…隐患的机构…36个"
// (s021) counts institutions found with hazards: neither hazards (问题/隐患 before 的 is a modifier)
// nor entities screened (排查出 is found, not screened).
const RULES: Rule[] = [
  { indicator: 'on_time_rate_pct', words: /(?:按期|按时|如期)(?:办结|查结)率/, measures: ['%'], unit: '%' },
  { indicator: 'closure_rate_pct', words: /办结率|查结率/, measures: ['%'], unit: '%' },
  { indicator: 'satisfaction_rate_pct', words: /满意率/, measures: ['%'], unit: '%' },
  { indicator: 'recovery_rate_pct', words: /挽损率|追赃挽损率|返还率/, measures: ['%'], unit: '%' },
  { indicator: 'amount_recovered_yuan', words: /挽回|追赃|挽损|追回|追缴|返还|退赔|退还|退费|清退/, measures: ['元'], unit: '元' },
  { indicator: 'penalty_amount_yuan', words: /罚没|罚款|没收(?:违法|非法)所得/, measures: ['元'], unit: '元' },
  { indicator: 'amount_involved_yuan', words: /涉案|涉及金额|涉案金额|诈骗金额|非法吸收|集资/, measures: ['元'], unit: '元' },
  { indicator: 'tips_true', words: /查实|属实/, measures: ['条', '件', '个'], unit: '条' },
  { indicator: 'tips_overdue', words: /超期|逾期|超时/, measures: ['条', '件', '个'], unit: '条' },
  { indicator: 'reporter_satisfied', words: /满意/, measures: ['条', '件', '个'], unit: '条' },
  { indicator: 'tips_closed_on_time', words: /(?:按期|按时|如期)办结/, measures: ['条', '件', '个'], unit: '条' },
  { indicator: 'tips_verified', words: /核查处置/, measures: ['条', '件'], unit: '条' },
  { indicator: 'tips_received', words: /(?:受理|收到|接到|接收|摸排|排查|新增|收集|发现)[^，。；]*线索|线索[^，。；]*(?:受理|收到|接到)/, measures: ['条', '件', '个', '起'], unit: '条' },
  { indicator: 'tips_closed', words: /办结|查结|销号[^，。；]*线索|线索[^，。；]*办结/, measures: ['条', '件', '个', '起'], unit: '条' },
  { indicator: 'tips_verified', words: /核查|核实/, measures: ['条', '件', '个'], unit: '条' },
  { indicator: 'cases_filed', words: /立案/, measures: ['起', '件', '宗'], unit: '起' },
  { indicator: 'cases_solved', words: /破获|侦破|打掉|破案|(?<![突打识攻看])破(?![除坏产解局])/, measures: ['起', '件', '个', '宗'], unit: '起' },
  { indicator: 'suspects_detained_formally', words: /(?<!审查|追加)逮捕|批捕/, measures: ['人', '名'], unit: '人' },
  { indicator: 'suspects_arrested', words: /抓获|抓捕/, measures: ['人', '名'], unit: '人' },
  { indicator: 'prosecuted_persons', words: /(?<!审查)起诉|公诉/, measures: ['人', '名'], unit: '人' },
  { indicator: 'prosecuted_cases', words: /(?<!审查)起诉|公诉/, measures: ['件', '起'], unit: '件' },
  { indicator: 'trial_cases', words: /审结|审判|判决|宣判/, measures: ['件', '起'], unit: '件' },
  { indicator: 'rectification_notices', words: /责令(?:整改|改正)通知书|整改通知|三书一函|提示函|建议书|(?:检察|司法)建议|告诫书|下达[^，。；]*(?:通知书|文书)/, measures: ['份', '件'], unit: '份' },
  // 整改 right before the count ("发现问题隐患1200余个，整改1150个", session 16 constructed passages) reports it done; not when
  // ordered, due or under way (督促/责令/需/待/正在整改), nor 排查整改 (screened and fixed in one verb).
  { indicator: 'hazards_rectified', words: /整改(?:到位|完成|销号)|已整改|完成整改|销号|完成整治|整治完成|消除[^，。；]{0,4}隐患|(?<!正在)整治[^，。；]{0,8}问题|(?<![需待应要促令在未督责限期排查])整改(?:了|共|共计|达)?$/, measures: ['个', '处', '项', '条'], unit: '个' },
  // 问题 before a noun modifies it ("问题产品", "问题企业", session 16 constructed passages): what is counted is that noun.
  { indicator: 'hazards_found', words: /(?:发现|排查出|查出)[^，。；]*(?:问题|隐患)(?!的|产品|商品|企业|机构|门店|商家|人员)|(?:问题|隐患)(?!的|产品|商品|企业|机构|门店|商家|人员)/, measures: ['个', '处', '项', '条'], unit: '个' },
  // Problems counted in 件 only with a finding verb ("发现涉养老诈骗网络问题3件", s134): "查处涉诈问题310件" stays a penalty count.
  { indicator: 'hazards_found', words: /(?:发现|排查出|查出)[^，。；]*(?:问题|隐患)(?!的)/, measures: ['件'], unit: '个' },
  { indicator: 'admin_penalties', words: /行政处罚|处罚|查处|查办/, measures: ['次', '起', '件'], unit: '次' },
  { indicator: 'inspections_person_times', words: /出动|检查人员|执法人员/, measures: ['人次'], unit: '人次' },
  // Persons (not person-times) only for law-enforcement or inspection staff: other staff deployed are no indicator.
  { indicator: 'inspections_person_times', words: /执法人员|检查人员|执法力量/, measures: ['人'], unit: '人次' },
  { indicator: 'institutions_count', words: /(?:现有|共有|登记在册|备案)[^，。；]*养老机构|养老机构[^，。；]*(?:现有|共有)/, measures: ['家', '所', '个'], unit: '家' },
  { indicator: 'entities_screened', words: /(?:(?:排查|检查|摸排|巡查)(?!(?:梳理)?出)|走访)(?![^，。；]*(?:发现|查出|查获))/, measures: ['家', '家次', '个次', '宗', '个', '所', '处'], unit: '家', subject: /(?:排查|检查|走访|摸排|巡查)(?:了|各类|全市|全县|全区|辖区)?([\u4e00-\u9fa5、]{2,14}?)(?:共|合计|累计)?$/ },
  // Businesses checked are counted in 户 too ("检查保健品经营户620户次", independent set, session 16): still entities, not homes.
  { indicator: 'entities_screened', words: /(?:排查|检查|摸排|巡查)[^，。；]{0,10}(?:经营户|商户|个体户|企业|门店|经营主体|市场主体|经营者|药店)/, measures: ['户', '户次'], unit: '家' },
  // Ads only: products taken off the shelves or off a platform ("督促下架问题产品47个", "线上巡查旅游平台产品820余条", session 16
  // constructed passages) are no ads cleaned or monitored. 监测 alone stays ads ("目前已监测3000余条次", s053).
  { indicator: 'ads_cleaned', words: /(?:清理|清除|删除|下架|撤下)[^，。；]*(?:广告|信息|链接|内容|帖)/, measures: ['条', '处', '则', '个'], unit: '处' },
  { indicator: 'ads_monitored', words: /监测|(?:巡查|审核)[^，。；]*(?:广告|信息)/, measures: ['条', '条次', '则', '个'], unit: '条' },
  { indicator: 'media_posts', words: /媒体|公众号|推送|报道|文章|推文|转发/, measures: ['条', '篇', '期', '次'], unit: '条' },
  { indicator: 'publicity_events', words: /宣传|讲座|活动|宣讲|进社区|集中宣传/, measures: ['场', '场次', '次', '期'], unit: '场' },
  // 发送 hands out printed things too ("现场发送普法宣传资料300余份", s192); texts sent are counted in 条, notices rank earlier.
  { indicator: 'materials_distributed', words: /发放|散发|派发|分发|派送|递送|赠送|送发|印制|印发|制作|制发|发送/, measures: ['份', '册', '张', '本', '封'], unit: '份' },
  { indicator: 'banners', words: /横幅|标语|条幅/, measures: ['条', '幅'], unit: '条' },
  { indicator: 'posters', words: /海报|展板|挂图/, measures: ['张', '块', '幅'], unit: '张' },
  { indicator: 'households_visited', words: /入户|走访|敲门/, measures: ['户', '户次', '起'], unit: '户' },
  // 上门 counted in households ("上门宣传2960户次", session 16 constructed passages); in 次 it stays no key (s140's decision).
  { indicator: 'households_visited', words: /上门/, measures: ['户', '户次'], unit: '户' },
  { indicator: 'sms_sent', words: /短信|短息/, measures: ['条'], unit: '条' },
  { indicator: 'media_posts', words: /推送|报道|发布|公众号|微信|抖音|新媒体/, measures: ['条', '篇', '期'], unit: '条' },
  { indicator: 'videos_made', words: /视频|短片/, measures: ['个', '部', '条'], unit: '个' },
  { indicator: 'supervision_rounds', words: /督导|督查|暗访/, measures: ['轮', '轮次', '次'], unit: '轮次' },
  { indicator: 'meetings', words: /会议|召开|部署会|推进会|座谈会/, measures: ['次', '场'], unit: '次' },
  { indicator: 'victims', words: /受害|被骗(?!子)|被害人|(?:骗取|骗走)了?(?:共计?)?$/, measures: ['人', '名'], unit: '人' },
  { indicator: 'people_reached', words: /覆盖|受益|惠及|受教育|参与(?!人(?!数|次))|受众|触达|宣传/, measures: ['人', '人次', '名'], unit: '人' },
  // 参加 only with the audience named ("参加活动的老年人达260余人", session 16): "参加会议的单位负责人30人" reached no one.
  { indicator: 'people_reached', words: new RegExp(String.raw`参加[^，。；]*(?:${AUDIENCE})|(?:${AUDIENCE})[^，。；]*参加`), measures: ['人', '人次', '名'], unit: '人' },
  { indicator: 'beds', words: /床位/, measures: ['张', '床'], unit: '张' },
  { indicator: 'elderly_devices', words: /腕表|手环|监控|设备/, measures: ['个', '台', '块'], unit: '个' },
];

/** A clause before the count that lures or cheats the persons counted, or names them as involved in a case. */
const NOT_LURED = /^(?![^，。；]*(?:诱骗|诱导|诱使|欺骗|哄骗|蒙骗|骗取|涉及|涉案))/;
/** What an audience does not take part in: a crime. */
const UNLAWFUL = '(?:非法|集资|传销|诈骗|赌博|邪教)';

/**
 * Numbers written before their noun, the indicator named by what follows ("两次座谈会",
 * "3000余份宣传资料", "对5家违规经营单位下达《责令改正通知书》", "已有5个问题完成整治",
 * "已对全市16家养老机构进行核查"). Tried first: the noun right after a number is the most specific word.
 */
const AFTER_RULES: Rule[] = [
  { indicator: 'institutions_count', lead: /(?:共有?|现有)$/, words: /^养老(?:服务)?机构/, measures: ['家', '所', '个'], unit: '家' },
  { indicator: 'tips_received', lead: /(?:摸排|排查出?|收到|受理|接收|收集|发现)(?:的[^，。；,]{0,6})?$/, words: /^[^，。；]{0,24}线索/, measures: ['条', '件', '个', '起'], unit: '条' },
  { indicator: 'rectification_notices', words: /^[^，。；]{0,14}(?:下达|下发|发出|送达|制发)[^，。；]{0,4}《?(?:责令(?:整改|改正)通知书|整改通知|提示函|建议书)/, measures: ['家', '份', '个'], unit: '份' },
  { indicator: 'hazards_rectified', words: /^[^，。；]{0,8}(?:完成整治|整改到位|完成整改|已整改)/, measures: ['个', '处', '项', '条'], unit: '个' },
  { indicator: 'entities_screened', words: /^[^，。；]{0,10}(?:养老机构|养老服务机构|企业|场所|经营单位)[^，。；]{0,6}(?:检查|排查|核查|巡查)/, measures: ['家', '家次', '个', '所'], unit: '家' },
  { indicator: 'materials_distributed', words: /^(?:宣传资料|宣传册|宣传单|宣传页|宣传手册|折页|彩页|手册|倡议书)/, measures: ['份', '册', '张', '本', '封'], unit: '份' },
  // The verb 召开 right after the count, its meeting's name long ("先后4次召开养老服务机构负责人会议", session 16 constructed passages).
  { indicator: 'meetings', words: /^(?:召开[^，。；]{0,16}?|[^，。；]{0,6})(?:座谈会|会议|推进会|调度会|部署会)/, measures: ['次', '场'], unit: '次' },
  { indicator: 'supervision_rounds', words: /^[^，。；]{0,4}(?:督查|督导|暗访)/, measures: ['轮', '轮次', '次'], unit: '轮次' },
  // "两次集中宣传共发放…" (s060): the events themselves, counted before their noun.
  { indicator: 'publicity_events', words: /^[^，。；]{0,4}(?:集中宣传|宣传活动|宣讲活动|讲座)/, measures: ['次', '场', '场次'], unit: '场' },
  // "3名老人被骗100余万元" (s082): persons harmed, counted before the word that says so.
  // The agent may stand between 被 and the verb ("两名老人被诈骗分子骗走积蓄", session 16): 被…骗走/骗取/骗去/骗了.
  { indicator: 'victims', words: /^[^，。；]{0,8}(?:被骗(?!子)|受骗|受害|被害|被[^，。；]{1,6}?骗(?:走|取|去|了))/, measures: ['人', '名'], unit: '人' },
  // Persons of the audience counted before the verb that says they took part or were taught ("共吸引100余名老年人参加",
  // s192; "20余名“银发一族”一起学习", s194; "为近百名中老年群众普及防范诈骗技巧", s198): people reached. Only the audience
  // (elders, residents, the public) — staff taking part ("30余名干警参加") are no reach — and only with such a verb.
  // 参加/参与 must end the clause or name an event: "3名老人参与非法集资" is no reach.
  // Nor are persons lured or cheated into it ("诱骗300余名老年人参加所谓的健康讲座") or an unlawful "活动" ("参与非法集资活动"):
  // those are victims of the scheme, not an audience (review, session 13).
  { indicator: 'people_reached', lead: NOT_LURED, words: new RegExp(String.raw`^[^，。；]{0,8}?(?:${AUDIENCE})[^，。；]{0,6}?(?:(?:参加|参与)(?:了)?(?![^，。；]{0,8}?${UNLAWFUL})(?:$|[^，。；]{0,8}?(?:活动|讲座|宣讲|宣传|培训|座谈|课堂|演出|问答|答题))|学习|聆听|受益|受到教育)`), measures: ['人', '名', '人次'], unit: '人' },
  // 为/向/给 + the count + the audience + a teaching verb (session 16: with a place word between — "为辖区150余名老年人送去
  // 防骗知识", "民警为社区60余名老年人讲授…" — and more verbs: "上了一堂反诈课", "开展防诈骗宣传"). Handing things to them
  // ("向600余名老年群众发放宣传资料") is not in the list: the materials are what is counted there.
  { indicator: 'people_reached', lead: /[为向给](?:[\u4e00-\u9fa5]{0,4}?(?:辖区|社区|村|小区|镇|乡|街道|市|县|区)内?|(?:参加|参与|前来|到场)[^，。；骗害]{0,8}的)?(?:近|约|超过?)?$/, words: new RegExp(String.raw`^[^，。；]{0,8}?(?:${AUDIENCE})[^，。；]{0,6}?(?:普及|讲解|宣讲|讲授|讲述|上课|上了?[^，。；]{0,4}?课|送去|送上|开展[^，。；]{0,8}?(?:宣传|讲座|培训)(?!资料|品|单|册|页|手册|折页)|培训)`), measures: ['人', '名', '人次'], unit: '人' },
  // The audience named before the count, its verb after ("讲座吸引社区老年人90余名参加", session 16): people reached, with the
  // same guards (not lured, not an unlawful "activity").
  { indicator: 'people_reached', lead: new RegExp(String.raw`^(?![^，。；]*(?:诱骗|诱导|诱使|欺骗|哄骗|蒙骗|骗取|涉及|涉案))[^，。；]*(?:${AUDIENCE})(?:共|约|近|达)?$`), words: new RegExp(String.raw`^(?:前来|到场|现场)?(?:参加|参与|聆听)(?![^，。；]{0,8}?${UNLAWFUL})`), measures: ['人', '名', '人次'], unit: '人' },
  // "深入…3000余户居民家中" (s113): households counted by the home entered, whatever the verb of motion.
  { indicator: 'households_visited', words: /^[^，。；]{0,6}家(?:中|里)/, measures: ['户', '户次'], unit: '户' },
];

/**
 * The verb after the count (session 14: the largest kind of miss on unseen summaries, 11 of 19 in 5 of 6 collections).
 * In Chinese the object can come first and its verb after it, behind words that say nothing of the indicator: 已/已经,
 * 被, 依法, 全部/均, 逐户, 分别, 集中, 进行/开展/予以 ("12条线索已办结", "3名老人被骗", "对12名犯罪嫌疑人依法批准逮捕",
 * "对19起…案件进行集中宣判", "对主城区7家…经营户逐户进行巡查", "两次集中宣传"). The count's noun phrase runs from the
 * measure word to the first such word; from there on the same vocabulary as RULES decides. Without such a word the
 * words after the number are its noun, not its verb, and decide nothing here (AFTER_RULES read the few nouns that do).
 * The predicate stops at the next number: "12条线索中已有5条办结" says nothing of the 12.
 */
const PREDICATE = /^([^，。；0-9０-９]{0,16}?)((?:已经?|均已?|全部|都已?|被|依法|先后|分别|逐(?:户|家|一|个)|集中|一起|共同|成功|顺利|当庭|公开|当场|进行了?|开展了?|予以)+)[^，。；]{0,20}/;
const COUNT = String.raw`[0-9０-９][0-9０-９.．]*(?:余|多)?[万亿千]?(?:余|多)?`;
const COUNTED_NEXT_ITEM = new RegExp(String.raw`^[^，。；、0-9０-９]{0,20}、${COUNT}(?:${MEASURES})`);
const PAIRED_PERSONS = new RegExp(String.raw`^${COUNT}[人名]`);
/** 对 + the cases of a paired count, right before the persons' count ("对1件3人提起公诉"). */
const DUI_PAIRED = new RegExp(String.raw`(?:^|[^针相面绝])对${COUNT}[件起宗]$`);
/** The first item of a list is a count framed by 对. */
const DUI_COUNT = new RegExp(String.raw`(?:^|[^针相面绝])对[\u4e00-\u9fa5]{0,6}?${COUNT}(?:${MEASURES})`);
const NEXT_COUNT = new RegExp(String.raw`[0-9０-９]|[一二两三四五六七八九十百千万]+(?:余|多)?(?:${MEASURES})`);
const untilNextCount = (words: string) => {
  const cut = NEXT_COUNT.exec(words);
  return cut ? words.slice(0, cut.index) : words;
};
function predicateRule(text: string, q: Quantity, measure: string, frame?: Frame): Rule | undefined {
  let words = afterList(text, q);
  // A paired count framed by 对 ("对1件3人提起公诉", session 16 probe batch): the persons stand between the cases and the verb.
  if (frame) words = words.replace(PAIRED_PERSONS, '');
  // Framed, the object may be a list of counted items: the verb comes after the last ("对全市215家养老机构、97家老年人活动场所
  // 进行全覆盖排查", session 16 constructed passages).
  if (frame) for (let m = COUNTED_NEXT_ITEM.exec(words), n = 0; m && n < INHERIT_CLAUSES; m = COUNTED_NEXT_ITEM.exec(words), n++) words = words.slice(m[0].length);
  const m = PREDICATE.exec(words);
  // Framed (对 + the count, 将/把 + the object, session 15), the verb may follow the object's noun directly, with no word
  // marking it ("对12名犯罪嫌疑人批准逮捕", "将4名涉案人员抓获", "将涉案资金120万元追回"): see verbAfterObject.
  if (!m) return frame ? verbAfterObject(words, measure, frame) : undefined;
  if (frame && PASSED_ON.test(m[1])) return undefined;
  const predicate = untilNextCount(m[0].slice(m[1].length));
  // The count must be what the verb acts on, not who acts: staff, police and units doing the work ("20名辅警分别开展
  // 宣传", "3个小组分别制作视频", "12名民警依法抓获…") are the subject, and the verb says nothing of how many they are.
  return decidedBy(predicate, (frame?.noun ?? '') + m[1], measure);
}
/** The rule the verb phrase names for the count whose noun is `noun`, with the guards every verb-after reading shares. */
function decidedBy(predicate: string, noun: string, measure: string): Rule | undefined {
  if (AGENT.test(noun)) return undefined;
  const r = RULES.find((r) => r.measures.includes(measure) && r.words.test(predicate));
  // Persons reached must be the audience the clause names ("12名老人已参加宣传活动"), never persons of no stated kind.
  if (!r || negated(r, predicate) || (r.indicator === 'people_reached' && !AUDIENCE_WORD.test(noun))) return undefined;
  return r;
}
/**
 * A count framed as the object of the verb after it: 对 right before the count (objectOfDui), or the disposal marker 将/把
 * before it in the words since the previous number ("民警将4名涉案人员抓获", "将李某、王某、陈某等6名销售人员抓获归案", read
 * across the 、 of the names; "将涉案资金120万元追回"). `noun` is what stands between 将 and the count: part of the object, never its verb.
 * Not 将 as a plain future ("将继续开展…", "将于…", "即将", "将近"), nor a frame whose 将 is negated ("未将3名嫌疑人抓获").
 */
interface Frame { noun: string }
const JIANG = /(?:^|[^即必终行])(不|未|没有|没)?[将把](?!近|要|会|于|来|军|领|士|关|握|控|手)([^将把0-9０-９]*)$/;
// 在逃 is the object's own word ("将在逃的3名嫌疑人抓获归案", lead's review, session 16), not 将在 + a place or time.
const NOT_AN_OBJECT = /^(?:继续|进一步|持续|全面|不断|逐步|深入|着力|重点|积极|切实|大力|努力|以|在(?!逃)|对|与|和|同|作为|成为|是|予以|其|此|这)/;
/**
 * A goal or a plan before 将 ("力争早日将剩余3名嫌疑人抓获归案", "争取将涉案资金300万元全部追回", "拟将50名老人纳入…", "下一步要将…"):
 * what is to be done is no count of what was done (review, session 15). 按计划/根据计划 report a plan carried out, and stay frames.
 */
const INTENT = /(?:力争|争取|(?<![按依据照])(?:计划|准备)|(?<![虚模草])拟|打算|确保|务必|预计|尽快|下一步|下阶段|今后|明年)[^，。；]{0,8}$|要$/;
function jiangFrame(words: string): Frame | 'negated' | undefined {
  const m = JIANG.exec(words);
  if (!m || NOT_AN_OBJECT.test(m[2]) || ITEM_VERB.test(m[2])) return undefined;
  const marker = m.index + m[0].length - m[2].length - 1 - (m[1]?.length ?? 0);
  if (INTENT.test(words.slice(0, marker))) return undefined;
  return m[1] ? 'negated' : { noun: m[2] };
}
/**
 * A verb that passes the framed object on or names its role: the money moved ("老人将3万元转入对方提供的账户办理退费", "将5万元交给
 * 对方用于追回损失" — a scheme told, not money recovered), tips handed over ("将15条线索转交属地核查"), a role given ("将30户独居
 * 老人列为重点走访对象", "将12起案件确定为挂牌督办案件"). When one stands between the count and the indicator word, it is the frame's
 * first verb, and the indicator word says where the object went or what it was made, not what was done to the count (review,
 * session 15; the first verb decides, as for "将4名涉案人员抓获并移送起诉").
 */
const PASSED_ON = /[作列定视当成]为|当[作成]|[纳列转汇存投打计]入|[转移交递]交|交[给由于]|[转汇]给|用于|(?:送|带|转|汇|打|发|分流|下发)(?:往|到|至)/;
/**
 * The object's noun and its verb with no word between them: the first word after the count that names an indicator (the
 * same vocabulary as RULES) is its verb — unless 的 follows it (a modifier of the noun: "抓获的嫌疑人") — and the words
 * before that word are the noun, read for who acts (AGENT) and for the audience as in predicateRule. The next number stops
 * the predicate ("将12名民警分成4组" says nothing of the 12 but that they were split).
 */
function verbAfterObject(words: string, measure: string, frame: Frame): Rule | undefined {
  const predicate = untilNextCount(words);
  let at = -1;
  let end = -1;
  for (const r of RULES) {
    if (!r.measures.includes(measure)) continue;
    const g = globalOf(r.words);
    for (let m = g.exec(predicate); m && (at < 0 || m.index < at); m = g.exec(predicate)) {
      if (m[0] === '') { g.lastIndex++; continue; }
      if (predicate[m.index + m[0].length] !== '的') { at = m.index; end = m.index + m[0].length; break; }
    }
  }
  // Read up to the verb's end: some words of RULES hold the noun too ("线索交由属地办结" is tips_closed's 线索…办结 whole).
  if (at < 0 || PASSED_ON.test(predicate.slice(0, end))) return undefined;
  const r = decidedBy(predicate.slice(at), frame.noun + predicate.slice(0, at), measure);
  // The negator stands before the verb, in what was read as the noun ("将3名嫌疑人不予逮捕").
  return r && negated(r, predicate.slice(Math.max(0, at - NEGATOR_REACH))) ? undefined : r;
}
/** Staff who carry the work out: a count of persons in a clause about them is not an audience reached. */
const STAFF = /志愿者|网格员|宣传员|讲解员|信息员|联络员|工作人员|民警|辅警|警力|干警|党员|干部|律师|社工|执法人员|检查人员/;
/**
 * Who carries the work out — the staff, and the teams and offices they work in: the subject of a verb after their count, not
 * its object. One list with STAFF (review, session 14: the two were typed apart, and STAFF lacked 辅警 and 警力).
 */
const AGENT = new RegExp(`${STAFF.source}|小组|工作组|专班|队|部门|机关|法院|检察院|派出所|分局`);
/**
 * 对 + at most a short place word before the count ("对主城区7家…经营户逐户进行巡查", s141) marks the count as the object of
 * the verb after it: that verb decides even when words before the 对 name an indicator. Not 针对/相对/面对/绝对.
 */
function objectOfDui(text: string, start: number, q: Quantity) {
  // A place word may end in 内 ("对辖区内45家养老机构…", session 16), and a modifier ending in 的 may stand before the count
  // ("对已宣判的5起案件开展回访", session 16): it describes the object, the verb after the count still decides.
  return /(?:^|[^针相面绝])对(?:[\u4e00-\u9fa5]{0,4}?(?:市|县|区|省|镇|乡|街道|辖内)内?)?(?:已经?[\u4e00-\u9fa5]{1,6}的)?$/.test(text.slice(start, q.numStart).trimEnd());
}

/**
 * What a labelled summary counts but no indicator of the catalogue does (docs/intel.md, labelling
 * guide: gangs, dens, supervised cases, valid tips after verification, giveaways, views and plays,
 * cases handed on): a number next to these words is not given a key, whatever verb governs it.
 * Session 16 (independent set): reviews for prosecution (审查起诉, "办结审查起诉案件183件483人" — the guide: not only
 * prosecutions); gang members and a gang's money (团伙成员, 团伙涉案…) are counted, the gangs are not; what is still being done
 * (正在/仍在/尚在 before the count, as OTHER_AFTER after it); coercive measures other than arrest (刑事拘留, 取保候审, 采取强制
 * 措施 — the guide: `other`); broadcasts by loudspeaker (喇叭, 广播 but not 广播电台); and problems found and fixed in one
 * verb ("排查整治…问题隐患", "发现并整改…隐患" — the guide: neither key fits alone).
 */
const OTHER_BEFORE = /审查起诉|审查逮捕|追加(?:逮捕|起诉)|监督立案|立案监督|团伙(?!成员|骨干|涉案)|窝点|正在|仍在|尚在|刑事拘留|刑拘|取保候审|监视居住|强制措施|喇叭|广播(?!电视台|电台)|(?:排查|发现|查出|摸排)(?:并|和|及|、)?(?:督促|责令|推动|指导)?(?:整治|整改)(?!完成|到位)[^，。；]{0,8}(?:问题|隐患)|督办|文艺作品|核查出有效线索|机制|制度|文件|奖品|礼品|宣传品|手提袋|点击|浏览|阅读|播放|刊播|转评赞|移送(?!起诉|审查起诉)|移交(?:公安|司法|有关|相关|纪检)|团队|大客车|车辆|(?:责令|判令|判决|裁定)[^，。；]{0,10}?(?:退赔|退还|返还)|纪念品|小礼品|礼物|慰问品|占比|覆盖率|破案率/;
// Places counted ("12个社区") are no persons; a place word that begins the audience ("300多名社区居民", "五十余名村民", session 16) is.
const OTHER_AFTER = new RegExp(String.raw`^[^，。；]{0,10}(?:团伙|窝点)|^(?:方面|特点|环节|阶段|层面)|^(?:任务|工作|措施|举措|制度|机制)(?![^，。；]{0,2}[0-9０-９])|^[^，。；]{0,10}(?:正在|尚未|仍在)|^[^，。；]{0,4}(?:观看|收看|点击|浏览|阅读|播放|点赞)|^(?:网格员|志愿者|工作人员|民警|干警|党员|专班|成员单位|工作组|小组|督导组|检查组|宣讲组|部门|银行|省级领导|领导)|^(?![^，。；]{0,3}?(?:${AUDIENCE}))(?:行政村|村|社区|乡镇|街道|小区)`);
/**
 * Consultations answered ("为老年人提供法律咨询30余人次", s140; "解答群众咨询200余人次") are counted in persons but are
 * neither people reached nor events: no key when 咨询 is the word right before the number.
 */
const OTHER_NEAR_END = /咨询$/;
/** Any word that names an indicator: a clause with one decides for itself and inherits nothing. */
// Unanchored, a rule's leading "^[^，。；]{0,N}" may match nothing, so it is dropped: the same test, without the engine trying
// N characters before each word at every position (review, session 13: "3名老人参加" × 3,333 spent ~0.5 s here).
const ANY_RULE_WORD = new RegExp([...RULES, ...AFTER_RULES].map((r) => r.words.source.replace(/^\^(?:\[\^，。；\]\{0,\d+\}\??)?/, '')).join('|') + '|' + OTHER_BEFORE.source);

const CLAUSE_BREAK = /[，,。；;！!？?\n：:（）()、]/;
/**
 * How far a clause is read on each side of a number. The words that name a figure sit right before
 * it (at most 17 characters in the labelled summaries); without a bound, a text of thousands of
 * numbers in one unbroken "clause" is read once per number — quadratic, seconds of event loop.
 */
export const CLAUSE_WINDOW = 80;

const SENTENCE_BREAK = /[。；;！!？?\n]/;

/** A comma between digits separates thousands ("1,032件2,517人"): no clause ends there. */
const breaksAt = (text: string, i: number) => CLAUSE_BREAK.test(text[i]) && !(/[,，]/.test(text[i]) && /[0-9０-９]/.test(text[i - 1] ?? '') && /[0-9０-９]/.test(text[i + 1] ?? ''));
function clauseAround(text: string, q: Quantity) {
  let s = q.start;
  while (s > 0 && q.start - s < CLAUSE_WINDOW && !breaksAt(text, s - 1)) s--;
  let e = q.end;
  while (e < text.length && e - q.end < CLAUSE_WINDOW && !breaksAt(text, e)) e++;
  // Spaces from pasted text ("已排查出 52 条") say nothing about the figure.
  return { start: s, before: text.slice(s, q.start).trimEnd(), after: text.slice(q.end, e).trimStart(), quote: text.slice(s, e) };
}

/**
 * The indicator of a clause that names none itself, from the clauses before it in the same sentence:
 * one verb governing a list ("累计发布…通告、3000余份宣传资料", "发放宣传手册、宣传物品1万余份") and
 * breakdowns ("提起公诉的案件中,涉及养老产业的1292人,提供所谓“养老服务”的561人…", "其中逃犯283名").
 * The first earlier clause that names any indicator decides: its rule if one fits this measure
 * word, nothing otherwise. Bounded (INHERIT_CLAUSES clauses, CLAUSE_WINDOW characters each) so
 * extraction stays linear.
 */
const INHERIT_CLAUSES = 10;
/**
 * A clause inherits when it is an item of a list ("、"), or when it is bare (BARE_CLAUSE, session 14) and names no
 * indicator itself. Not when its verb comes after the number ("将…3300个微信公众号…纳入监测范围", "对29起…案件进行收网").
 */
function mayInherit(text: string, clauseStart: number, before: string) {
  if (/(?:^|[^针相])(?:将|把|对)/.test(before)) return false;
  // A breakdown by what a check found ("…举报线索已全部办结,其中涉嫌犯罪的6条,涉嫌违法的5条", s133) counts an
  // outcome, not the parent's indicator (the guide: valid tips after verification have no key).
  if (OUTCOME_PART.test(before)) return false;
  return text[clauseStart - 1] === '、' || (BARE_CLAUSE.test(before) && !ANY_RULE_WORD.test(before)) || PRINTED_ONLY.test(before) ||
    // A breakdown that names only the part's noun ("其中公办养老机构71家", session 16 constructed passages): no verb of its own.
    (BREAKDOWN.test(before) && BARE_CLAUSE.test(before) && !RULES.some((r) => r.words.test(before)));
}
const BREAKDOWN = /^其中/;
/** Verbs of work done: a clause with one reports an action, not an attribute of the total. */
const ACTION_VERB = /发现|查出|排查|检查|摸排|走访|破获|侦破|抓获|立案|查处|发放|开展|召开|整改|整治|核查|办结|受理|收到|接收|起诉|逮捕|审结|判决/;
const ATTRIBUTE_CLAUSE = new RegExp(String.raw`^[\u4e00-\u9fa5]{1,4}(?:共|达|约|近)?[0-9０-９][0-9０-９.．]*(?:余|多)?[万亿千]?(?:余|多)?(?:${MEASURES})$`);
const OUTCOME_PART = /涉嫌|有效|无效|属实|查实|不实|失实/;
/**
 * A clause that is only the noun of a printed thing, after a comma rather than 、 ("发放宣传单3000份,宣传册1200本"), or a
 * breakdown of one ("其中老年人防骗手册1.5万册") (independent set, session 16): an item of the list the verb before it governs.
 */
const PRINTED_ONLY = /^(?:其中[^，。；0-9０-９]{0,8}?)?(?:宣传|防骗|防诈|反诈)?(?:资料|册|单|页|手册|折页|彩页|倡议书|明白卡|明白纸)$/;
/**
 * Session 14 (docs/intel.md, "Extraction errors on unseen summaries"): read by the rules of the day before any rule was
 * written from them, the dev collections got most of their wrong keys from a word that names an indicator but does not
 * govern the count — inherited from an earlier clause by a clause with a verb of its own ("累计吸引超1000万人次观看",
 * "…APP使用4328人", "受理一审…45件67人"), or a word of the scene ("检查中发现两家…门店存在相关违法行为"). So a key is
 * given only when the clause's own verb decides it, or the clause has no words of its own that could.
 *
 * A clause inherits an earlier clause's indicator (mayInherit) only when it has no such words: an item of a list (after
 * 、), a breakdown ("其中逃犯283名", "涉及养老产业的1292人", "其他涉养老诈骗1036人"), or a bare continuation of a
 * total ("共计", "累计"). A clause with a verb of its own that names no indicator ("正在整改7个", "其中转交相关部门处理20条")
 * gets no key.
 */
// The words of a bare total are read one way only: a lone 计 leads ("计12起"), and 共计 is never 共 + 计 — with 计 among the
// repeated words, a clause of repeated 共计 before a failing end took exponential time (review, session 14: 39 × 共计 hung it).
// 达到 as 达 ("累计达到63条", session 16 probe batch); 到 alone is no word here, so the reading stays unambiguous.
const BARE_CLAUSE = /^(?:(?:其中|其他|另有|包括)[^，。；]{0,6}|[^，。；]*的有?|计?(?:共计?|合计|累计|总计|达到?|有|约|近|超过?|逾)*)$/;
/**
 * The scene a count happened in ("在宣传活动中", "检查中", "走访期间") names what was going on, not what was counted: the
 * words after it decide ("在宣传活动中帮助老人安装反诈APP 500人" is no reach; "检查中发现问题隐患35个" is hazards found).
 * 中 before 心/老/年 is a noun (活动中心, 中老年), not the scene.
 */
const SCENE = /^(?:在|于)?[^，。；]{0,12}?(?:活动|宣传|检查|排查|走访|巡查|督查|督导|暗访|行动|宣讲|讲座|调查|核查|摸排|执法|工作)(?:过程中|期间|中|时)(?![心老年华国间队])(?=[^，。；]{2,}$)/;
/**
 * A negated verb names the opposite of its indicator ("未办结5条", "不满意2件", "尚未整改到位3个", "其中不属实的8条"); so does
 * a verb refused (不予/未予, 不批准, session 15: "将3名嫌疑人不予逮捕", "依法不予批准逮捕").
 */
const NEGATOR = /(?:不|未|没有|没)(?:予以?)?(?:批准)?$/;
/** How many characters before a verb NEGATOR reads: "不予以批准" is the longest negated lead. */
const NEGATOR_REACH = 5;
const GLOBAL = new Map<RegExp, RegExp>();
/** The global copy of a rule's pattern, made once and rewound for each use. */
function globalOf(re: RegExp): RegExp {
  let g = GLOBAL.get(re);
  if (!g) GLOBAL.set(re, (g = new RegExp(re.source, 'g')));
  g.lastIndex = 0;
  return g;
}
/** Does every place the rule's words match in `words` follow a negator? Then the clause denies the indicator. */
function negated(r: Rule, words: string) {
  const g = globalOf(r.words);
  let any = false;
  for (let m = g.exec(words); m; m = g.exec(words)) {
    if (m[0] === '') { g.lastIndex++; continue; }
    if (!NEGATOR.test(words.slice(Math.max(0, m.index - NEGATOR_REACH), m.index))) return false;
    any = true;
  }
  return any;
}
const AUDIENCE_WORD = new RegExp(AUDIENCE);
/** The audience named right after a count of persons ("民警为社区60余名老年人讲授…", session 16). */
const AUDIENCE_NEXT = new RegExp(String.raw`^[^，。；]{0,4}?(?:${AUDIENCE})`);
/** Fraud prevented or escaped: the persons counted were not cheated. */
const LURED = /诱骗|诱导|诱使|欺骗|哄骗|蒙骗|被骗|骗取/;
const GIFT = /慰问品|慰问金|礼品|纪念品|奖品|宣传品|礼物|物资|米面|粮油/;
const PREVENTED = /劝阻|避免|防止|阻止|挽救|免遭|幸免|险些|差点|险遭|未被|没有被|未受骗|未上当/;
/**
 * Goods and things seized or confiscated ("现场查获假冒保健品320瓶", "查扣涉案设备18台", "查封虚假宣传展板12块", session 16):
 * the guide labels them `other`, whatever the noun — 设备 is no elderly device handed out, 展板 no poster put up. Money
 * seized is read apart (SEIZURE, with the recovery verbs that make it recovered).
 */
const GOODS_SEIZED = /查扣|扣押|查封|收缴|没收|缴获|查获(?![取得悉])|暂扣|扣留|封存/;
/**
 * A check reported as a lead-in with no count ("经核查，其中查无实据的10条", "经核实,其中与养老诈骗无关的14条", session 16):
 * the breakdowns after it count what the check found — an outcome the guide labels `other` — not the check itself.
 */
const CHECK_LEAD = /^(?:经过?|通过)?(?:核查|核实|查证|调查|甄别|研判|初查|排查|检查|摸排|巡查|查)(?:后|发现)?$/;
/** Words that say persons were reached: the only clauses a bare count of persons may inherit people_reached from. */
const REACH_WORDS = /覆盖|受益|惠及|受教育|受众|触达|参与|参加/;
interface EarlierClause { start: number; text: string; named: boolean; other: boolean }
function inherited(text: string, clauseStart: number, measure: string, seen: Map<number, EarlierClause>, breakdown = false): Rule | undefined {
  let end = clauseStart - 1;
  for (let n = 0; n < INHERIT_CLAUSES && end >= 0 && !SENTENCE_BREAK.test(text[end]); n++) {
    // Each earlier clause is read once per text, however many numbers look back at it.
    let c = seen.get(end);
    if (!c) {
      let s = end;
      while (s > 0 && end - s < CLAUSE_WINDOW && !CLAUSE_BREAK.test(text[s - 1])) s--;
      const clause = text.slice(s, end);
      c = { start: s, text: clause, named: ANY_RULE_WORD.test(clause), other: OTHER_BEFORE.test(clause) || NOT_A_TOTAL.test(clause) };
      seen.set(end, c);
    }
    if (CHECK_LEAD.test(c.text.trim())) return undefined;
    if (c.named) {
      if (c.other) return undefined;
      const r = RULES.find((r) => r.measures.includes(measure) && r.words.test(c.text));
      // An item of a list before this one that names only a noun ("宣传手册、折页、倡议书等资料4.6万余份"): the verb is at the
      // list head, read on (independent set, session 16).
      if (!r && text[end] === '、') { end = c.start - 1; continue; }
      // A breakdown's total is counted in its measure word: a clause between that counts something else ("现有养老机构42家，
      // 床位3860张，其中民办机构17家", session 16 constructed passages) is passed over, not taken as the total.
      // Only a short noun with its count, no verb ("床位3860张"): after a finding ("发现隐患5个，其中民办机构3家") the part may be of it.
      if (!r && breakdown && ATTRIBUTE_CLAUSE.test(c.text.trim()) && !ACTION_VERB.test(c.text)) { end = c.start - 1; continue; }
      // "发放宣传单2000余份,…,已安装完成…APP使用4328人" (s135): persons after a clause about handing out
      // leaflets are not people reached; only a clause that says so passes people_reached on.
      return r?.indicator === 'people_reached' && !REACH_WORDS.test(c.text) ? undefined : r;
    }
    end = c.start - 1;
  }
  return undefined;
}

/**
 * The items of a list the number ends ("设置、张贴…宣传标语、宣传海报及…公益广告2000余条"): the words from the
 * list head to the number, walking back over "、" only (bounded like `inherited`).
 */
function listWords(text: string, clauseStart: number, before: string): string {
  let words = before;
  let end = clauseStart - 1;
  for (let n = 0; n < INHERIT_CLAUSES && end >= 0 && text[end] === '、'; n++) {
    let s = end;
    while (s > 0 && end - s < CLAUSE_WINDOW && !CLAUSE_BREAK.test(text[s - 1])) s--;
    // An earlier item with its own count is counted apart ("宣传手册约4000份、海报7500张", s114): not in this total.
    if (COUNTED_ITEM.test(text.slice(s, end))) break;
    words = text.slice(s, end) + '、' + words;
    end = s - 1;
  }
  return words;
}
const COUNTED_ITEM = new RegExp(String.raw`(?:[0-9０-９]|[一二两三四五六七八九十百千万])(?:余|多)?(?:${MEASURES})$`);

/**
 * Things counted together that belong to different indicators make a total no indicator counts
 * (the guide's "mixed lists"): slogans with posters ("宣传标语、宣传海报及…2000余条", s081), materials with
 * posters, text messages with posts ("发送…短息及…微信群定期推送…信息30余条", s068). A verb that governs the whole
 * list (转发、转载…短视频和典型案例 → posts) is not mixed: only the counted things are compared.
 */
const ITEM_VERB = /^(?:发送|发放|发出|下达|制发|送达|张贴|悬挂|设置|制作|印制|印发|开展|组织|召开|举办|出动|检查|排查|摸排|巡查|核查|破获|侦破|抓获|立案|查处|办结|审结|起诉|批准|追缴|追回|挽回|移送|清理|删除|推送|发布|转发|播放|走访|入户|覆盖|受理|接收|收到)/;
const COUNTED_FAMILIES = [/横幅|标语|条幅/, /海报|展板|挂图|宣传画/, /宣传资料|宣传册|手册|宣传单|折页|彩页|明白纸|明白卡/, /短信|短息/];
const POSTS_WITH_TEXTS = /(?:短信|短息)[^，。；]*(?:推送|公众号|微信群|推文)|(?:推送|公众号|微信群|推文)[^，。；]*(?:短信|短息)/;
/**
 * One count of two kinds joined by a coordinator: tips with problems or hazards ("已排查侵害老年人违法问题线索或风险隐患
 * 13条", s195) is neither tips received nor hazards found. "问题线索" alone is one noun (a tip about a problem), and
 * two verbs with their own objects ("梳理线索、排查问题隐患12个") are a list, not one mixed count.
 */
const NOT_A_VERB = '(?!排查|发现|摸排|梳理|整治|核查|开展|建立|处置|收集|受理)';
const TIPS_WITH_HAZARDS = new RegExp(`线索(?:或|和|及|与|以及|、)${NOT_A_VERB}[^，。；]{0,4}(?:隐患|问题(?!线索))|(?:隐患|问题)(?:或|和|及|与|以及|、)${NOT_A_VERB}[^，。；]{0,4}线索`);
function mixedCount(words: string): boolean {
  return COUNTED_FAMILIES.filter((f) => f.test(words)).length >= 2 || POSTS_WITH_TEXTS.test(words) || TIPS_WITH_HAZARDS.test(words);
}

/** Is this number something other than a figure: a date, an age, a phone, an ordinal, a code? */
const UNKEYED_HEAD_VERB = /^[^，。；]{0,4}?(?:关停|取缔|约谈|暂停|吊销|注销|封停|关闭)/;
const HANDED_OVER_FILED = /(?:移交|移送)(?!起诉|审查起诉)[^，。；]*(?:立案|侦查|侦办)[^，。；]*的[^，。；]*$/;
const BLOCKED_MONEY = /拦截|堵截|劝阻|止付|阻断/;
const PLAN = /下一步|下阶段|下周|下月|明年将|将于|拟于|计划于/;
/**
 * Plan words that are also said of work under way ("我市将继续深化专项行动，今年以来共开展…"): read only in the count's own clause,
 * so a result reported after such a clause keeps its figure. 将在 is not 将在逃 (a 将 frame: "将在逃的3名嫌疑人抓获归案").
 */
const PLAN_IN_CLAUSE = /将继续|将联合|将进一步|将持续|将全面|将在(?!逃)|拟对|计划对/;
/**
 * Review (after the held-out reading): a plan word earlier in the sentence ("该案将于近期开庭审理，目前已抓获犯罪嫌疑人12名",
 * "在明确下一步工作重点的基础上，全市共排查养老机构215家") does not make a result reported after it a plan: only when no word of
 * work done or totalled (目前, 截至, 以来, 共, 累计, 先后; not 已, which also modifies: "对已办结案件中的41家") follows the last plan word.
 */
const DONE_SINCE_PLAN = /目前|截至|以来|共(?!同|建|享|治)|累计|合计|先后/;
function planned(sentence: string): boolean {
  const all = [...sentence.matchAll(new RegExp(PLAN.source, 'g'))];
  if (all.length === 0) return false;
  const last = all[all.length - 1];
  return !DONE_SINCE_PLAN.test(sentence.slice(last.index + last[0].length));
}
/** A 将 frame whose object is reported done right after the count ("将全面排查中发现的45处隐患全部整改到位"): no plan. */
const DONE_AFTER = /^[^，。；]{0,10}?(?:全部|均已?|依法|已)/;
/** The words of the sentence before a position (after the last 。！？ or line break). */
// Review (after the held-out reading): read back at most SENTENCE_REACH characters — a text of counts with no sentence end
// (20,000 characters of "5条、") walked back to its start for every count, a second per text.
const SENTENCE_REACH = 240;
let sentenceStarts: { text: string; start: Int32Array } | null = null;
function sentenceBefore(text: string, at: number): string {
  // Where each position's sentence starts, computed once per text.
  if (sentenceStarts?.text !== text) {
    const start = new Int32Array(text.length + 1);
    for (let i = 1; i <= text.length; i++) start[i] = /[。！？!?\n]/.test(text[i - 1]) ? i : start[i - 1];
    sentenceStarts = { text, start };
  }
  return text.slice(Math.max(sentenceStarts.start[at], at - SENTENCE_REACH), at);
}

function notAFigure(text: string, q: Quantity): boolean {
  const after = text.slice(q.end, q.end + 2);
  const before = text.slice(Math.max(0, q.start - 1), q.start);
  if (/^[年月日号时点岁周]|^周岁/.test(after) && !q.measure) return true;
  if (before === '第' || /^(?:是|批|轮|季度|阶段)/.test(after)) return true;
  if (/^\d{11}$/.test(q.raw) || /^0\d{2,3}-/.test(text.slice(q.start, q.end + 5))) return true;
  if (q.value !== null && !q.measure && !/^%|^％/.test(after)) return true;
  if (/^[一二两]$/.test(q.raw.replace(/[余多]/g, '')) && !q.measure) return true;
  // Inside the title of a quoted article or document (《198万余元全部退赔!…》).
  // Read in the 40 characters before the number only: a search back through the whole text for every number made a
  // long text of numbers without 《 quadratic (review, session 13: "冻结1元" × 5,000).
  const near = text.slice(Math.max(0, q.start - 39), q.start + 1);
  const open = near.lastIndexOf('《');
  if (open >= 0 && near.lastIndexOf('》') < open) return true;
  // "打掉一个…团伙", "一起案件": 一 with a measure word and the noun right after is an article, not a count.
  // Read without a leading 近/约: "问题近一个时期层出不穷" (s061) is an article too.
  // "打了一场…整体战", "一场声势浩大的…行动" (s110, s116): 一场 before a noun is an article too.
  if (/^一(?:个|起|批|家|名|种|件|场|封)$/.test(text.slice(q.numStart, q.numEnd) + q.measure) && q.end < text.length && !CLAUSE_BREAK.test(text[q.end])) return true;
  // A set phrase of two 一 ("一户一策", "一人一档", "一家一户", session 16): a way of working, not a count.
  if (/^一$/.test(text.slice(q.numStart, q.numEnd)) && q.measure && (text[q.end] === '一' || /一[\u4e00-\u9fa5]$/.test(text.slice(Math.max(0, q.start - 2), q.start)))) return true;
  // Two 一 with the same measure word across a short verb ("整改一项、销号一项", "发现一起、查处一起", "成熟一个、推进一个",
  // third passages, session 16): one by one, a way of working, not a count.
  if (text.slice(q.numStart, q.numEnd) === '一' && q.measure &&
    (new RegExp(`^[、，,]?[\u4e00-\u9fa5]{1,3}一${q.measure}`).test(text.slice(q.end, q.end + 6)) ||
      new RegExp(`一${q.measure}[、，,]?[\u4e00-\u9fa5]{1,3}$`).test(text.slice(Math.max(0, q.start - 6), q.start)))) return true;
  // Durations counted in 个: "3个月内", "6个小时", "一个时期".
  if (q.measure === '个' && /^(?:月|小时|时期|阶段|星期|工作日|季度)/.test(after)) return true;
  return false;
}

const OBJECT_RULES = new Set(['materials_distributed', 'posters', 'banners']);
const RECOVERY = '追缴|追回|挽回|追赃|挽损|退赔|返还|退还';
const SEIZURE = '冻结|查封|扣押|查扣|止付';
const RECOVERY_WORD = new RegExp(RECOVERY);
const SEIZURE_WORD = new RegExp(SEIZURE);
/** A recovery verb joined to a seizure word, either order ("追缴冻结", "追缴查扣", "冻结并追回"): the money is recovered. */
const RECOVERY_BESIDE_SEIZURE = new RegExp(`(?:${RECOVERY})[、和及并]?(?:${SEIZURE})|(?:${SEIZURE})[^，。；,]{0,12}(?:${RECOVERY})`);

/**
 * The persons of a paired count ("受理一审…45件67人", s098; "起诉…767件1863人", s016) belong to the clause's own
 * verb: when that verb names no indicator, the persons get none either — never one inherited from an earlier clause.
 */
function pairedPersons(before: string, measure: string) {
  return (measure === '人' || measure === '名') && /[0-9０-９一二两三四五六七八九十百千万](?:余|多)?[件起宗]$/.test(before);
}

/** The words after a number up to the end of its clause, read across "、" (a verb's modifiers, "无盲区、无死角"). */
function afterList(text: string, q: Quantity) {
  let e = q.end;
  while (e < text.length && e - q.end < CLAUSE_WINDOW && !(CLAUSE_BREAK.test(text[e]) && text[e] !== '、')) e++;
  return text.slice(q.end, e).trimStart();
}

/**
 * A number that is not the indicator's total (session 14, probed on unseen shapes; the guide labels 案均涉案金额 `other`,
 * "an average"): a difference or comparison ("同比增加12起", "比上月多抓获10名", "较去年减少200万元"), an average ("案均涉案
 * 金额30万元", "人均被骗5万元", "平均每场参与100人次") or an extreme ("涉案金额最高的一起达500万元", "单笔最高被骗30万元").
 * Read in the clause since the previous number. 较/比 as adverbs or in other words (较多, 比较, 比例, 对比, 比如) compare nothing; a
 * daily average of reach ("日均覆盖…人次") stays people reached, as the guide labels it (s040); 最高检, 最大限度 name no extreme.
 */
const NOT_A_TOTAL = new RegExp([
  String.raw`(?:同比|环比|(?<![对评无占])比(?!例|较|赛|重|率|对|如|武|拼|分|值)|较(?!多|少|大|小|高|低|好|为|强|弱|快|慢|量))[^，。；]{0,12}?(?:增加|减少|增长|上升|下降|提高|降低|增|减|多|少|升|降)`,
  String.raw`案均|人均|户均|场均|平均|每(?:起|件|人|户|场|名|家)|每个?(?:季度|月|周|星期|年|半年|天|日|旬)(?![^，。；]*(?:共|累计|合计|总计))`,
  String.raw`最(?:高|多|大|低|少)(?:的?[一单](?:起|家|笔|人|名|个|宗|件|户|场|次|天|日|期|批)|达|为|可达)|(?:单笔|单起|单案|单人|单次|单家|单个)[^，。；]{0,10}?最(?:高|多|大)`,
].join('|'));
/**
 * A count received (受理) is intake, whatever case it names ("检察机关受理审查逮捕案件20件35人": reviews received, not
 * persons detained); the guide labels court intake `other`. Only tips received (受理…线索) are an indicator, and a verb
 * joined after the intake ("受理并审结…", "受理后查处…") governs the count itself.
 */
const INTAKE = /受理(?![^，。；]*线索)(?!并|后|和|及|、)[^，。；]*$/;

/**
 * Counts distributed over a list by 分别 ("受理、核查、办结线索分别为58条、55条、51条", independent set, session 16): the k-th
 * count belongs to the k-th item of the list before 分别, read with the noun the last item ends in (线索, 案件). When the items
 * and the counts differ in number, or an item names no indicator ("北京市、湖南省…分别为176件、166件…", s071; "排查、整改问题
 * 隐患分别为40个、38个": 整改 alone names no key, the shared noun 隐患 does not decide), the count gets no key. Returns undefined when the count is not in such an enumeration, null when it is but no key fits.
 */
const ENUM_SEPARATOR = /^(?:、|，|,|和|及|以及)$/;
const ENUM_LEAD = /(?:^|[，。；,;：:\n])([^，。；,;：:\n]+?)分别(?:为|是|有|达)$/;
const ENUM_REACH = 20;
function enumerated(text: string, qs: Quantity[], i: number, measure: string): Rule | null | undefined {
  let j = i;
  while (j > 0 && i - j < ENUM_REACH && ENUM_SEPARATOR.test(text.slice(qs[j - 1].end, qs[j].start).trim())) j--;
  const lead = ENUM_LEAD.exec(text.slice(Math.max(0, qs[j].start - CLAUSE_WINDOW), qs[j].start).trimEnd());
  if (!lead) return undefined;
  let n = i;
  while (n + 1 < qs.length && n - j < ENUM_REACH && ENUM_SEPARATOR.test(text.slice(qs[n].end, qs[n + 1].start).trim())) n++;
  const items = lead[1].split(/、|和|及/).filter(Boolean);
  if (items.length < 2 || items.length !== n - j + 1) return null;
  const last = items[items.length - 1];
  const tail = last.length > 2 ? last.slice(-2) : '';
  const words = items[i - j] + (i - j < items.length - 1 ? tail : '');
  // The item must name the indicator, not the shared noun alone ("排查、整改问题隐患分别为…": 整改 names no key of its own here).
  const r = RULES.find((r) => r.measures.includes(measure) && r.words.test(words));
  return r && !r.words.test(tail) ? r : null;
}

/**
 * A count with no measure word right after a noun of persons ("受益人数达12.5万", "宣传覆盖老年人3万+", independent set,
 * session 16) counts persons: read as if 人 were written. Not before a date, age or percent word.
 */
const PERSONS_BEFORE = new RegExp(String.raw`(?:人数|人口|${AUDIENCE})(?:共|达到?|为|是|有)*$`);
function personsImplied(text: string, q: Quantity) {
  return !q.masked && !q.measure && q.value !== null && !/^\s?[年月日号时点岁周%％]/.test(text.slice(q.end, q.end + 2)) &&
    PERSONS_BEFORE.test(text.slice(Math.max(0, q.start - 12), q.start).trimEnd());
}

const PERSON_ASIDE = /[（(](?:男|女)[，,、][^（）()，。；]{0,6}(?:[，,、][^（）()，。；]{0,10}){0,3}[）)]/g;
const PASTED_BREAK = new RegExp(String.raw`(?<=[^。；;！!？?：:\n\s])\r?\n(?=[ 　]*[0-9０-９](?:[0-9０-９.．,，]|[ 　](?=[0-9０-９]))*(?:余|多)?[万亿千]?(?:余|多)?[ 　]?(?:${MEASURES}))`, 'g');
/**
 * A tab of a pasted table row ("立案数\t35\t起", "追赃挽损金额\t1280.6\t万元", third passages, session 16) reads as a space, so
 * label, number and measure word read as one clause. A tab between two numbers (columns of counts) stays: no count is joined across it.
 */
const TABLE_CELL = /(?<![0-9０-９])\t|\t(?![0-9０-９])/g;
/** Reads at most MAX_TEXT characters; the route refuses longer texts (400) before they get here. */
export function extractFigures(input: string): { figures: Figure[]; masked: string[]; maskedNumbers: MaskedNumber[] } {
  // A line break right before a count, with no sentence end before it, is a paste slip inside the sentence ("排查…各类主体
  // \n326家", "发放“明白纸”\n5000余份", session 16 constructed passages): read as a space (same offsets). A heading's break
  // before a date or a plain number ("工作总结\n2022年以来") is left alone: only a count with its measure word follows.
  // A person's description in brackets ("抓获犯罪嫌疑人刘某（男，52岁）等14人", session 16 constructed passages) is an aside: read
  // as spaces, so the count's clause runs on from the verb before it.
  const text = input.slice(0, MAX_TEXT).replace(PASTED_BREAK, (m) => ' '.repeat(m.length)).replace(PERSON_ASIDE, (m) => ' '.repeat(m.length))
    .replace(TABLE_CELL, ' ');
  const figures: Figure[] = [];
  const masked: string[] = [];
  const maskedNumbers: MaskedNumber[] = [];
  const seen = new Map<number, EarlierClause>();
  const qs = findQuantities(text);
  for (const [qi, found] of qs.entries()) {
    const q = personsImplied(text, found) ? { ...found, measure: '人' } : found;
    const isPct = /^\s?[%％]/.test(text.slice(q.end, q.end + 2));
    if (!q.masked && !isPct && notAFigure(text, q)) continue;
    const { start, before, after, quote } = clauseAround(text, q);
    if (q.masked) {
      // A placeholder before a measure word, 万/亿, a date word or punctuation stands for a number;
      // before a name ("XXXX 市场监管局", "**市", "**旗") it stands for a name.
      if (!q.measure && !/[万亿千百+]/.test(q.raw) && /^\s?[^\s\d年月日号时点万亿千百%％+.．，,。；;：:、（(）)]/.test(text.slice(q.end, q.end + 2))) continue;
      // A measure word that begins a name ("XX支行", "XX支队", session 16 probe batch): the placeholder stands for a name.
      if (q.measure && /^[行队局院部长]/.test(text[q.end] ?? '')) continue;
      masked.push(quote);
      maskedNumbers.push({ quote, start: q.numStart, end: q.numEnd });
      continue;
    }
    // 块 is money in speech ("5万块钱") but a piece in a summary ("地皮2块", "展板6块", s098): 元 only with 钱.
    const measure = isPct ? '%' : q.measure === '元' && /块(?:左右|以上|\+)?$/.test(q.raw) && text[q.end] !== '钱' ? '块' : q.measure;
    // Only the words since the previous number: a title joins clauses with spaces ("…团伙54个 抓获嫌疑人1226人").
    let from = before.length;
    while (from > 0 && from > before.length - 14 && !/[0-9０-９]/.test(before[from - 1])) from--;
    const near = before.slice(from);
    // What is planned is not done: a count in a sentence that announces the next steps ("下一步…每月至少走访…1次", "将于下月起…对
    // …41家重点企业进行再检查", "下周…将联合…对城区3个重点商圈开展联合检查", session 16 second passages) is no figure.
    if (planned(sentenceBefore(text, q.start)) || (PLAN_IN_CLAUSE.test(before) && !DONE_AFTER.test(untilNextCount(after)))) continue;
    if (q.value === null || OTHER_BEFORE.test(near) || OTHER_NEAR_END.test(near) || OTHER_AFTER.test(after)) continue;
    // The words since the previous number in the clause (not only the last 14): a comparison can sit before a long verb phrase.
    let since = before.length;
    while (since > 0 && !/[0-9０-９]/.test(before[since - 1])) since--;
    if (NOT_A_TOTAL.test(before.slice(since))) continue;
    // Money frozen or seized ("冻结涉案资金…万元", "查封扣押冻结涉案财产…") is neither recovered nor the amount
    // involved; with a recovery verb beside it ("追缴查扣涉案财物") it is recovered — read in the whole clause before the
    // number, not only its last words: a long object can push the verb out of them ("追缴冻结涉养老诈骗赃款赃物人民币
    // 7537万余元", s210).
    // The recovery verb may head a list the seizure word is an item of ("追缴、冻结涉案资金…", session 16): read across 、.
    const list = listWords(text, start, before);
    if (measure === '元' && SEIZURE_WORD.test(near) && !RECOVERY_WORD.test(near) && !RECOVERY_BESIDE_SEIZURE.test(list)) continue;
    let listSince = list.length;
    while (listSince > 0 && !/[0-9０-９]/.test(list[listSince - 1])) listSince--;
    // Things seized are no indicator, whatever they are (GOODS_SEIZED): read since the previous number, across 、.
    if (measure !== '元' && measure !== '%' && measure !== '人' && measure !== '名' && GOODS_SEIZED.test(list.slice(listSince)) && !RECOVERY_WORD.test(list.slice(listSince))) continue;
    const fits = (r: Rule, words: string) => r.measures.includes(measure) && r.words.test(words);
    if (mixedCount(list)) continue;
    // An item of a list that is only a noun phrase ("转发、转载相关信息、短视频和典型案例等150余条", s081) is governed
    // by the list head's verb first: 视频 inside it is what is counted, not what was done. An item with its own
    // verb ("制作、发送风险提示函11份", s032) decides for itself.
    const listItem = text[start - 1] === '、' && !ITEM_VERB.test(before);
    // The clause's own words, read after its scene ("检查中…"); a negated verb ("未办结") denies its key outright.
    const scene = SCENE.exec(before);
    const governing = scene ? before.slice(scene[0].length) : before;
    const own = RULES.find((r) => fits(r, governing));
    if (own && negated(own, governing)) continue;
    let fromList = listItem && mayInherit(text, start, '') ? inherited(text, start, measure, seen) : undefined;
    // The head verb says what was done, the item's noun what was done with: between printed things (materials,
    // posters, banners) the noun decides ("印发…宣传手册约4000份、海报7500张", s114).
    if (fromList && own && OBJECT_RULES.has(fromList.indicator) && OBJECT_RULES.has(own.indicator)) fromList = own;
    // A list whose items name no indicator on their own ("排查发现预收费、会员卡等风险隐患13个", "发现违规收取会员费、押金等问题
    // 11个", session 16 constructed passages) is one noun phrase under the head's verb: read whole, it decides before a clause
    // further back across a comma ("共排查养老机构42家，…" would make the hazards entities screened).
    // A head of finding ("检查发现…等场所13个") counts what was found: no key from a screening further back.
    const chain = list.slice(0, Math.max(0, list.length - before.length - 1));
    const unnamedChain = listItem && chain !== '' && !ANY_RULE_WORD.test(chain);
    const foundList = unnamedChain && /发现|查出/.test(chain);
    if (fromList && unnamedChain) fromList = RULES.find((r) => fits(r, list)) ?? (foundList ? undefined : fromList);
    // A list head with an enforcement verb that names no indicator ("关停违规网站、公众号58个", second passages, session 16)
    // counts what it closed: nothing passes on from a clause further back.
    const unkeyedHead = unnamedChain && UNKEYED_HEAD_VERB.test(chain);
    if (unkeyedHead) fromList = undefined;
    // The verb after the count decides when the count is its object (对…) or when no word before the number could:
    // the clause before it is bare (empty, 共/累计, 其中, …的). A clause with words of its own keeps them.
    // An item of a list whose first item is the object of 对 ("对辖区内32家医疗机构、15家养老机构内设医务室开展专项检查", session 16
    // constructed passages): the verb after the last item governs every item.
    const dui = objectOfDui(text, start, q) || (listItem && DUI_COUNT.test(chain)) || ((measure === '人' || measure === '名') && DUI_PAIRED.test(text.slice(start, q.numStart).trimEnd()));
    // The words between 对 and its object describe the object ("对已宣判的5起案件…"): only words before 对 may decide for it.
    const ownBeforeDui = dui ? RULES.find((r) => fits(r, governing.slice(0, governing.lastIndexOf('对')))) : undefined;
    // 将/把 + the object (session 15): read in the words since the previous number, across the 、 of a list of names.
    const jiang = dui ? undefined : jiangFrame(list.slice(listSince));
    if (jiang === 'negated') continue;
    const frame = dui ? { noun: '' } : jiang;
    // The frame puts the verb after the count, so what the count is not is read there too: money the verb freezes or
    // seizes ("将涉案资金120万元冻结") is neither recovered nor the amount involved, and what is handed over or is no
    // indicator of the catalogue ("将问题线索12条移交公安机关", "将3个犯罪团伙打掉") gets no key, as OTHER_BEFORE before it.
    const framed = frame ? untilNextCount(after) : '';
    if (frame && ((measure === '元' && SEIZURE_WORD.test(framed) && !RECOVERY_WORD.test(framed)) || OTHER_BEFORE.test(framed))) continue;
    const bare = BARE_CLAUSE.test(before);
    const byEnumeration = enumerated(text, qs, qi, measure);
    if (byEnumeration === null) continue;
    const rule = byEnumeration ?? AFTER_RULES.find((r) => fits(r, after) && (!r.lead || r.lead.test(text.slice(start, q.numStart).trimEnd()))) ??
      (frame ? predicateRule(text, q, measure, frame) : undefined) ??
      fromList ?? (dui ? ownBeforeDui : own) ??
      (bare && !dui && text[start - 1] !== '、' ? predicateRule(text, q, measure) : undefined) ??
      (mayInherit(text, start, before) && !pairedPersons(before, measure) && !foundList && !unkeyedHead ? inherited(text, start, measure, seen, BREAKDOWN.test(before)) : undefined);
    if (!rule || (rule.indicator !== 'tips_received' && INTAKE.test(before))) continue;
    // Cases handed over, the filing only describing them ("移交公安机关立案侦查的非法集资案件58起", second passages): a hand-over.
    if (HANDED_OVER_FILED.test(before)) continue;
    // Money of transfers blocked or dissuaded ("拦截涉老可疑交易2,316笔，涉及金额3,480万元", second passages probe; "堵截可疑
    // 交易12笔，涉及金额56万元", the first passages) was kept from the fraud: no amount involved in a case unless 涉案 says so.
    if (rule.indicator === 'amount_involved_yuan' && !/涉案/.test(near) && BLOCKED_MONEY.test(sentenceBefore(text, q.start))) continue;
    // "志愿者参与服务200余人次": the staff took part, no audience was reached (unless the clause names one).
    if (rule.indicator === 'people_reached' && STAFF.test(before) && !AUDIENCE_WORD.test(before) && !AUDIENCE_NEXT.test(after)) continue;
    // A victim is cheated: persons kept from being cheated ("成功劝阻3名老人被骗", "12名老人险些被骗", session 16) are none.
    if (rule.indicator === 'victims' && PREVENTED.test(before + untilNextCount(after))) continue;
    // Persons lured into an event ("300余名老人被诱骗参加“免费体检”") are no audience, the lure named before or after the count.
    if (rule.indicator === 'people_reached' && LURED.test(untilNextCount(after))) continue;
    // Persons handed a giveaway ("为二十名高龄老人送上慰问品", session 16 constructed passages) are counted for the gift, which
    // the guide labels `other`: no reach.
    if (rule.indicator === 'people_reached' && GIFT.test(untilNextCount(after))) continue;
    const subject = rule.subject ? (rule.subject.exec(before)?.[1] ?? null) : null;
    // Counts of visits and checks keep their measure word (家次, 人次, 条次): 774家次 is not 774家.
    const unit = measure === '%' ? '%' : ['宗', '家次', '个次', '户次', '条次', '人次', '场次'].includes(measure) ? measure : rule.unit;
    figures.push({ indicator: rule.indicator, value: q.value, unit, approx: q.approx, subject, quote, start: q.numStart, end: q.numEnd });
  }
  return { figures, masked: [...new Set(masked)], maskedNumbers };
}
