/**
 * Numbers as people write them in Chinese: Arabic or Chinese numerals, mixed ("3千5", "1.5万"),
 * financial forms (壹贰叁), 十/百/千 inside a 万/亿 section, and the spoken shortening where a last
 * digit after a unit stands for the next lower unit ("两千五" = 2500, "一万二" = 12000, "3千5" =
 * 3500; "一千零五" = 1005 because 零 says the units follow). Used by the analysis (figures in work
 * summaries) and by the portal (amounts typed by elders), so both read a number the same way.
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 两: 2, 贰: 2, 三: 3, 叁: 3, 四: 4, 肆: 4, 五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };

const FULLWIDTH = /[０-９．]/g;
export const toHalfWidth = (s: string) => s.replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

type Token = { n: number; single: boolean } | { unit: number; big: boolean } | { zero: true };

function tokenize(s: string): Token[] | null {
  const out: Token[] = [];
  for (let i = 0; i < s.length; ) {
    const arabic = /^\d+(?:\.\d+)?/.exec(s.slice(i));
    if (arabic) {
      out.push({ n: Number(arabic[0]), single: /^\d$/.test(arabic[0]) });
      i += arabic[0].length;
      continue;
    }
    const c = s[i++];
    if (c === '零' || c === '〇') out.push({ zero: true });
    else if (c in DIGITS) out.push({ n: DIGITS[c], single: true });
    else if (c in SMALL) out.push({ unit: SMALL[c], big: false });
    else if (c in BIG) out.push({ unit: BIG[c], big: true });
    else return null;
  }
  return out;
}

/**
 * Reads a number written with digits and/or Chinese numerals and units, or null when it is not
 * one well-formed number ("一二", "千千", "万", "3..5"). No spaces, signs or measure words.
 */
export function readNumber(input: string): number | null {
  const tokens = tokenize(toHalfWidth(input));
  if (!tokens?.length) return null;
  let total = 0; // finished 亿 parts
  let wan = 0; // the finished 万 part of the current 亿 section
  let section = 0; // below 万
  let cur: number | null = null; // a number waiting for its unit
  let curSingle = false;
  let lastSmall = 0; // 十/百/千 must fall within a section
  let lastUnit = 0; // the unit a trailing digit shortens from
  let zero = false;
  let seenWan = false;
  let seenYi = false;
  for (const t of tokens) {
    if ('zero' in t) {
      if (cur !== null) return null;
      zero = true;
    } else if ('n' in t) {
      if (cur !== null) return null;
      cur = t.n;
      curSingle = t.single;
    } else if (!t.big) {
      if (cur === null) {
        // "十五" = 15, "近百人" = 100: a unit opening a section counts once.
        if (section !== 0 || lastSmall) return null;
        cur = 1;
      }
      if (lastSmall && t.unit >= lastSmall) return null;
      section += cur * t.unit;
      cur = null;
      lastSmall = lastUnit = t.unit;
      zero = false;
    } else if (t.unit === 1e4) {
      const v = section + (cur ?? 0);
      if (seenWan || (cur === null && section === 0)) return null;
      wan = v * 1e4;
      section = 0;
      cur = null;
      lastSmall = 0;
      lastUnit = 1e4;
      zero = false;
      seenWan = true;
    } else {
      const v = wan + section + (cur ?? 0);
      if (seenYi || (cur === null && section === 0 && wan === 0)) return null;
      total = v * 1e8;
      wan = section = 0;
      cur = null;
      lastSmall = 0;
      lastUnit = 1e8;
      zero = false;
      seenYi = true;
      seenWan = false;
    }
  }
  // The spoken shortening: one digit right after a unit counts in the next lower unit.
  if (cur !== null && curSingle && !zero && lastUnit >= 10) cur *= lastUnit / 10;
  return total + wan + section + (cur ?? 0);
}

/** "二十三万" → 230000, "三亿五千万" → 350000000, "十五" → 15; null when not purely a Chinese numeral. */
export function parseChineseNumeral(s: string): number | null {
  if (!s || ![...s].every((c) => c in DIGITS || c in SMALL || c in BIG) || ![...s].some((c) => c in DIGITS || c in SMALL)) return null;
  return readNumber(s);
}
