/**
 * Numbers as Chinese work summaries and tips write them: Arabic or Chinese numerals, 万/亿 units,
 * and the approximations 余/多/近/约 ("1.2万余份" = 12000, approx). Masked digits (X, x, *, _) are
 * recognised as masked and never turned into a value.
 */

import { parseChineseNumeral, toHalfWidth } from '../../../shared/numbers.ts';

// The numeral reading itself is shared with the portal (amounts typed by reporters).
export { parseChineseNumeral, toHalfWidth };

export interface Quantity {
  /** The value with 万/亿 applied; null when masked. */
  value: number | null;
  approx: boolean;
  masked: boolean;
  /** The measure word right after the number (元, 家, 份, 人, 起 …), or ''. */
  measure: string;
  /** The whole match: the leading 约/近, the numeral, the measure word and a trailing 以上. */
  start: number;
  end: number;
  /** The numeral alone with its 万/亿/千 and inner 余/多 ("3.9万余", "300余亿"): what a reviewer sees highlighted. */
  numStart: number;
  numEnd: number;
  raw: string;
}

// A number: masked digits (first, so "202_" is masked, not 202), Arabic with separators and decimals, or Chinese numerals.
// One space between two digits is a paste or OCR slip inside the number ("线索 2 36条", "办结1 7 6条", "１ ５起", session 16
// constructed passages): a reader reads 236, never 36.
const NUM = String.raw`(?:[0-9０-９]*[Xx×*＊_＿]+(?:[.．]?[0-9０-９Xx×*＊_＿]+)*|[0-9０-９](?:[.．] (?=[0-9０-９])|(?<=[0-9０-９])[  　](?=[0-9０-９])|[0-9０-９,，.．]|(?<=[0-9０-９〇])〇)*(?:亿零?[0-9０-９]+(?:[.．][0-9０-９]+)?千?万)?|[零〇一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万亿]*(?:点[零〇一二三四五六七八九]+(?=[万亿]))?|(?<=[近上超约逾过])[万亿])`;
export const MEASURES = '万元|亿元|元|块|家次|个次|家|宗|所|个|份|册|本|张|幅|条次|条|则|篇|项|场次|场|人次|件次|户次|批次|次|人|户|起|件|名|处|轮次|轮|台|床|期|批|部|辆|支|封|余|多';
const QUANTITY = new RegExp(String.raw`(约|近|超过|超|逾|过(?=[万亿])|上(?=[百千万])|共|累计)?(${NUM})(余|多|几|于(?=[份个人件条次场家名起元]))?([  　](?=[万亿]))?(万|亿|千|百)?(余|多)?(万|亿)?(余|多)?(?:[  　]?(${MEASURES}))?(左右|以上|\+)?`, 'g');

/** "十一" + "三" → 11.3: the integer part read as a numeral, the decimals digit by digit. */
function chineseDecimal(int: string, decimals: string): number | null {
  const i = parseChineseNumeral(int);
  return i === null ? null : i + Number(`0.${[...decimals].map((c) => (c === '零' ? 0 : '〇一二三四五六七八九'.indexOf(c))).join('')}`);
}

/** Every number in a text with its measure word, value in base units (元 for money) and approximation. */
export function findQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const [raw, pre, num, approx1, space, unit1, approx2, unit2, approx3, measureRaw, post] = m;
    if (/^[,，.．]+$/.test(num)) continue;
    // A trailing separator belongs to the sentence, not the number ("共5家，").
    if (/[,，.．]$/.test(num)) continue;
    // "数百篇", "几十场", "若干万": a vague quantity has no value a reviewer could report.
    if (/^[十百千万]/.test(num) && /(?:数|几|若干)$/.test(text.slice(Math.max(0, m.index! - 2), m.index!))) continue;
    const masked = /[Xx×*＊_＿]/.test(num);
    let value: number | null = null;
    if (!masked) {
      // 〇 among Arabic digits is an OCR or typing slip for 0 ("1〇5场次", "2〇〇〇〇余份"); "1亿2千万", "1亿零500万" write the
      // 亿 and 万 sections in digits; "一点二亿", "十一点三亿" are a decimal in Chinese numerals (session 16, second passages).
      const arabic = toHalfWidth(num).replace(/[,，\s]/g, '').replace(/〇/g, '0');
      const sections = /^(\d+(?:\.\d+)?)亿零?(\d+(?:\.\d+)?)(千?)万$/.exec(arabic);
      const point = /^([^点]+)点([零〇一二三四五六七八九]+)$/.exec(num);
      value = sections ? Number(sections[1]) * 1e8 + Number(sections[2]) * (sections[3] ? 1e7 : 1e4)
        : point ? chineseDecimal(point[1], point[2])
        : /^\d/.test(arabic) ? Number.parseFloat(arabic) : num === '万' ? 1e4 : num === '亿' ? 1e8 : parseChineseNumeral(num);
      if (value === null || Number.isNaN(value)) continue;
      for (const u of [unit1, unit2]) if (u) value *= u === '万' ? 1e4 : u === '亿' ? 1e8 : u === '千' ? 1e3 : 100;
    }
    let measure = measureRaw ?? '';
    if (measure === '万元' || measure === '亿元') {
      if (value !== null) value *= measure === '万元' ? 1e4 : 1e8;
      measure = '元';
    }
    if (measure === '块') measure = '元';
    const approx = !!(pre && pre !== '共' && pre !== '累计') || !!(approx1 || approx2 || approx3 || post) || measure === '余' || measure === '多';
    if (measure === '余' || measure === '多') measure = '';
    if (value !== null) value = Math.round(value * 100) / 100;
    const numStart = m.index! + (pre?.length ?? 0);
    const numEnd = numStart + num.length + [approx1, space, unit1, approx2, unit2, approx3].reduce((n, x) => n + (x?.length ?? 0), 0);
    out.push({ value, approx, masked, measure, start: m.index!, end: m.index! + raw.length, numStart, numEnd, raw });
  }
  return out;
}
