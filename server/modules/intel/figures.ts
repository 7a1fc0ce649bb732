import { MAX_TEXT } from './analyze.ts';
import { findQuantities, type Quantity } from './numbers.ts';

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

interface Rule {
  indicator: string;
  /** The clause words before the number must match this. */
  words: RegExp;
  /** Measure words this indicator is counted in ('' = none written). */
  measures: string[];
  unit: string;
  /** For screening: the sector named between the verb and the number. */
  subject?: RegExp;
}

// Order matters: the first rule that fits wins (specific before general).
const RULES: Rule[] = [
  { indicator: 'recovery_rate_pct', words: /挽损率|追赃挽损率|返还率/, measures: ['%'], unit: '%' },
  { indicator: 'amount_recovered_yuan', words: /挽回|追赃|挽损|追回|返还|退赔|退还/, measures: ['元'], unit: '元' },
  { indicator: 'penalty_amount_yuan', words: /罚没|罚款/, measures: ['元'], unit: '元' },
  { indicator: 'amount_involved_yuan', words: /涉案|涉及金额|涉案金额|诈骗金额|非法吸收|集资/, measures: ['元'], unit: '元' },
  { indicator: 'tips_true', words: /查实|属实/, measures: ['条', '件', '个'], unit: '条' },
  { indicator: 'tips_overdue', words: /超期|逾期|超时/, measures: ['条', '件', '个'], unit: '条' },
  { indicator: 'reporter_satisfied', words: /满意/, measures: ['条', '件', '个'], unit: '条' },
  { indicator: 'tips_closed_on_time', words: /(?:按期|按时|如期)办结/, measures: ['条', '件', '个'], unit: '条' },
  { indicator: 'tips_received', words: /(?:受理|收到|接到|接收|摸排|排查|新增|收集)[^，。；]*线索|线索[^，。；]*(?:受理|收到|接到)/, measures: ['条', '件', '个'], unit: '条' },
  { indicator: 'tips_closed', words: /办结|销号[^，。；]*线索|线索[^，。；]*办结/, measures: ['条', '件', '个'], unit: '条' },
  { indicator: 'tips_verified', words: /核查|核实/, measures: ['条', '件'], unit: '条' },
  { indicator: 'cases_filed', words: /立案/, measures: ['起', '件'], unit: '起' },
  { indicator: 'cases_solved', words: /破获|侦破|打掉|破案/, measures: ['起', '件', '个'], unit: '起' },
  { indicator: 'suspects_detained_formally', words: /逮捕/, measures: ['人', '名'], unit: '人' },
  { indicator: 'suspects_arrested', words: /抓获|抓捕/, measures: ['人', '名'], unit: '人' },
  { indicator: 'prosecuted_persons', words: /起诉/, measures: ['人', '名'], unit: '人' },
  { indicator: 'prosecuted_cases', words: /起诉/, measures: ['件', '起'], unit: '件' },
  { indicator: 'trial_cases', words: /审结|审判|判决/, measures: ['件', '起'], unit: '件' },
  { indicator: 'rectification_notices', words: /责令整改通知书|整改通知|三书一函|下达[^，。；]*(?:通知书|文书)/, measures: ['份', '件'], unit: '份' },
  { indicator: 'hazards_rectified', words: /整改(?:到位|完成|销号)|已整改|销号/, measures: ['个', '处', '项', '条'], unit: '个' },
  { indicator: 'hazards_found', words: /(?:发现|排查出|查出)[^，。；]*(?:问题|隐患)|(?:问题|隐患)/, measures: ['个', '处', '项', '条'], unit: '个' },
  { indicator: 'admin_penalties', words: /行政处罚|处罚/, measures: ['次', '起', '件'], unit: '次' },
  { indicator: 'inspections_person_times', words: /出动|检查人员|执法人员/, measures: ['人次'], unit: '人次' },
  { indicator: 'institutions_count', words: /(?:现有|共有|登记在册|备案)[^，。；]*养老机构|养老机构[^，。；]*(?:现有|共有)/, measures: ['家', '所', '个'], unit: '家' },
  { indicator: 'entities_screened', words: /排查|检查|走访|摸排/, measures: ['家', '宗', '个', '所', '处'], unit: '家', subject: /(?:排查|检查|走访|摸排)(?:了|各类|全市|全县|全区|辖区)?([\u4e00-\u9fa5、]{2,14}?)(?:共|合计|累计)?$/ },
  { indicator: 'ads_cleaned', words: /清理|清除|删除|下架|撤下/, measures: ['条', '处', '则', '个'], unit: '处' },
  { indicator: 'ads_monitored', words: /监测|巡查/, measures: ['条', '则', '个'], unit: '条' },
  { indicator: 'publicity_events', words: /宣传|讲座|活动|宣讲|进社区|集中宣传/, measures: ['场', '场次', '次', '期'], unit: '场' },
  { indicator: 'materials_distributed', words: /发放|散发|派发|印制|制作/, measures: ['份', '册', '张', '本'], unit: '份' },
  { indicator: 'banners', words: /横幅|标语/, measures: ['条', '幅'], unit: '条' },
  { indicator: 'posters', words: /海报|展板|挂图/, measures: ['张', '块', '幅'], unit: '张' },
  { indicator: 'households_visited', words: /入户|走访|敲门/, measures: ['户'], unit: '户' },
  { indicator: 'sms_sent', words: /短信/, measures: ['条'], unit: '条' },
  { indicator: 'media_posts', words: /推送|报道|发布|公众号|微信|抖音|新媒体/, measures: ['条', '篇', '期'], unit: '条' },
  { indicator: 'videos_made', words: /视频|短片/, measures: ['个', '部', '条'], unit: '个' },
  { indicator: 'supervision_rounds', words: /督导|督查|暗访/, measures: ['轮', '轮次', '次'], unit: '轮次' },
  { indicator: 'meetings', words: /会议|召开|部署会|推进会/, measures: ['次', '场'], unit: '次' },
  { indicator: 'people_reached', words: /覆盖|受益|惠及|群众|老年人|参与|受众|发放|宣传/, measures: ['人', '人次', '名'], unit: '人' },
  { indicator: 'victims', words: /受害|被骗/, measures: ['人', '名'], unit: '人' },
  { indicator: 'beds', words: /床位/, measures: ['张', '床'], unit: '张' },
  { indicator: 'elderly_devices', words: /腕表|手环|监控|设备/, measures: ['个', '台', '块'], unit: '个' },
];

const CLAUSE_BREAK = /[，,。；;！!？?\n：:（）()、]/;
/**
 * How far a clause is read on each side of a number. The words that name a figure sit right before
 * it (at most 17 characters in the labelled summaries); without a bound, a text of thousands of
 * numbers in one unbroken "clause" is read once per number — quadratic, seconds of event loop.
 */
export const CLAUSE_WINDOW = 80;

function clauseAround(text: string, q: Quantity) {
  let s = q.start;
  while (s > 0 && q.start - s < CLAUSE_WINDOW && !CLAUSE_BREAK.test(text[s - 1])) s--;
  let e = q.end;
  while (e < text.length && e - q.end < CLAUSE_WINDOW && !CLAUSE_BREAK.test(text[e])) e++;
  return { before: text.slice(s, q.start), quote: text.slice(s, e) };
}

/** Is this number something other than a figure: a date, an age, a phone, an ordinal, a code? */
function notAFigure(text: string, q: Quantity): boolean {
  const after = text.slice(q.end, q.end + 2);
  const before = text.slice(Math.max(0, q.start - 1), q.start);
  if (/^[年月日号时点岁周]|^周岁/.test(after) && !q.measure) return true;
  if (before === '第' || /^(?:是|批|轮|季度|阶段)/.test(after)) return true;
  if (/^\d{11}$/.test(q.raw) || /^0\d{2,3}-/.test(text.slice(q.start, q.end + 5))) return true;
  if (q.value !== null && !q.measure && !/^%|^％/.test(after)) return true;
  if (/^[一二两]$/.test(q.raw.replace(/[余多]/g, '')) && !q.measure) return true;
  return false;
}

/** Reads at most MAX_TEXT characters; the route refuses longer texts (400) before they get here. */
export function extractFigures(input: string): { figures: Figure[]; masked: string[]; maskedNumbers: MaskedNumber[] } {
  const text = input.slice(0, MAX_TEXT);
  const figures: Figure[] = [];
  const masked: string[] = [];
  const maskedNumbers: MaskedNumber[] = [];
  for (const q of findQuantities(text)) {
    const { before, quote } = clauseAround(text, q);
    if (q.masked) {
      masked.push(quote);
      maskedNumbers.push({ quote, start: q.start, end: q.end });
      continue;
    }
    const isPct = /^[%％]/.test(text.slice(q.end, q.end + 1));
    if (!isPct && notAFigure(text, q)) continue;
    const measure = isPct ? '%' : q.measure;
    const rule = RULES.find((r) => r.measures.includes(measure) && r.words.test(before));
    if (!rule || q.value === null) continue;
    const subject = rule.subject ? (rule.subject.exec(before)?.[1] ?? null) : null;
    figures.push({ indicator: rule.indicator, value: q.value, unit: measure === '%' ? '%' : rule.unit === '家' && measure === '宗' ? '宗' : rule.unit, approx: q.approx, subject, quote, start: q.start, end: q.end });
  }
  return { figures, masked: [...new Set(masked)], maskedNumbers };
}
