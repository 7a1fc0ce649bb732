import { isUscc } from '../../../shared/validators.ts';
import { findQuantities } from './numbers.ts';

export type EntityKind = 'mobile' | 'landline' | 'uscc' | 'organization' | 'money' | 'date' | 'address' | 'bank_card' | 'wechat' | 'qq' | 'url';

export interface Entity {
  kind: EntityKind;
  value: string;
  /** The form used for linking: digits only, upper case, yuan as a number, ISO dates … */
  normalized: string;
  start: number;
  end: number;
}

const ORG_SUFFIX = '有限责任公司|股份有限公司|有限公司|分公司|公司|集团|合作社|经营部|服务部|服务中心|中心|养老院|敬老院|福利院|颐养院|护理院|老年公寓|公寓|基金会|协会|研究院|医院|诊所|门诊部|药房|大药房|工作室|商行|旅行社';
// A name: 2–20 Chinese characters, letters or digits, ending with an organisation word.
const ORG = new RegExp(String.raw`([\u4e00-\u9fa5A-Za-z0-9（）()]{2,20}?)(${ORG_SUFFIX})`, 'g');
// Words before a name that are not part of it ("我在福寿康公司" → 福寿康公司); only the part before
// the organisation word is trimmed, so 有限公司 itself is never cut.
const ORG_LEAD = /^(?:.*(?:在|到|去|向|给|被|让|把|跟|和|与|是|说|称|由|从|对|有|自称|冒充|名为|叫做|叫|的|个|家))(?=[\u4e00-\u9fa5A-Za-z0-9]{2})/;

const ADDRESS = /(?:[\u4e00-\u9fa5]{2,8}(?:省|自治区|市|区|县|镇|乡|街道))?[\u4e00-\u9fa5]{1,12}(?:路|街|大街|大道|巷|胡同|村|小区|广场|大厦)[0-9０-９一二三四五六七八九十百]+(?:号|弄)(?:[0-9０-９]+(?:号楼|栋|幢|单元|室|楼))*/g;
const DATE = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]|(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|(\d{4})年(\d{1,2})月/g;
const MOBILE = /(?<!\d)1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g;
const USCC = /(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])/gi;
const BANK_CARD = /(?<!\d)(?:62|4\d|5[1-5])\d{14,17}(?!\d)|(?<!\d)\d{4}(?: \d{4}){3}(?: \d{1,3})?(?!\d)/g;
// A bare domain starts where a host label starts (not after a hyphen) and a label is at most 63 characters
// (RFC 1035): without both, "a-a-a-…" made the scan quadratic (session 13: 259 ms on 20,000 characters).
const URL_RE = /https?:\/\/[A-Za-z0-9.-]+(?::\d+)?(?:\/[^\s\u4e00-\u9fa5，。；！？）)"”']*)?|(?<![@\w.-])(?:www\.)?[A-Za-z0-9-]{1,63}\.(?:com|cn|net|org|top|xyz|vip|cc)(?:\/[^\s\u4e00-\u9fa5，。；]*)?/gi;
const WECHAT = /(?:微信号?|VX|vx|WX|wx|薇信|威信)[：: ]*([A-Za-z][-_A-Za-z0-9]{5,19})/g;
const QQ = /(?:QQ|qq|扣扣)(?:号|群)?[：: ]*([1-9]\d{4,11})/g;

/** Luhn check of a bank card number. */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Organisation names as people write them, trimmed of the clause words before them. */
export function normalizeOrg(name: string): string {
  return name.replace(/[（(][^）)]*[）)]/g, '').replace(/\s+/g, '').replace(/(?:有限责任公司|股份有限公司|有限公司)$/, '公司');
}

/** Every entity in a text, with character offsets; overlapping finds keep the longest. */
export function extractEntities(text: string): Entity[] {
  const found: Entity[] = [];
  const add = (kind: EntityKind, value: string, normalized: string, start: number) => found.push({ kind, value, normalized, start, end: start + value.length });
  for (const m of text.matchAll(USCC)) if (isUscc(m[0])) add('uscc', m[0], m[0].toUpperCase(), m.index!);
  for (const m of text.matchAll(MOBILE)) add('mobile', m[0], m[0].replace(/\D/g, ''), m.index!);
  for (const m of text.matchAll(LANDLINE)) add('landline', m[0], m[0].replace(/\D/g, ''), m.index!);
  for (const m of text.matchAll(BANK_CARD)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length >= 16 && luhn(digits)) add('bank_card', m[0], digits, m.index!);
  }
  for (const m of text.matchAll(URL_RE)) add('url', m[0], m[0].toLowerCase().replace(/^https?:\/\//, '').replace(/\/$/, ''), m.index!);
  for (const m of text.matchAll(WECHAT)) add('wechat', m[1], m[1].toLowerCase(), m.index! + m[0].length - m[1].length);
  for (const m of text.matchAll(QQ)) add('qq', m[1], m[1], m.index! + m[0].length - m[1].length);
  for (const m of text.matchAll(ORG)) {
    const lead = ORG_LEAD.exec(m[1]);
    const cut = lead ? lead[0].length : 0;
    // "松鹤颐养院有限公司": a place word may be followed by the company form; keep both.
    const more = /^(?:有限责任公司|股份有限公司|有限公司|分公司|公司|集团)/.exec(text.slice(m.index! + m[0].length))?.[0] ?? '';
    const name = m[0].slice(cut) + more;
    if ([...name].length >= 4) add('organization', name, normalizeOrg(name), m.index! + cut);
  }
  for (const m of text.matchAll(ADDRESS)) {
    const lead = /^(?:.*?(?:地址|住址|位于|住在|在|于))[:：]?/.exec(m[0]);
    const value = lead && lead[0].length < m[0].length - 4 ? m[0].slice(lead[0].length) : m[0];
    add('address', value, value.replace(/\s+/g, ''), m.index! + m[0].length - value.length);
  }
  for (const m of text.matchAll(DATE)) {
    const [y, mo, d] = m[1] || m[2] ? [m[1], m[2], m[3]] : m[4] ? [m[4], m[5], m[6]] : [m[7], m[8], undefined];
    const iso = [y ?? '????', mo.padStart(2, '0'), d?.padStart(2, '0')].filter(Boolean).join('-');
    add('date', m[0], iso, m.index!);
  }
  for (const q of findQuantities(text)) {
    if (q.measure === '元' && q.value !== null) add('money', q.raw, String(q.value), q.start);
  }
  // Longest first; drop anything inside an already-kept span (a phone inside a card number …).
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  // The characters already covered are marked, so that many entities (a hostile "路1号" × 6,000) cost
  // their lengths, not every pair (was 67 ms on 18,000 characters).
  const covered = new Uint8Array(text.length);
  const kept: Entity[] = [];
  for (const e of found) {
    if (covered.subarray(e.start, e.end).includes(1)) continue;
    covered.fill(1, e.start, e.end);
    kept.push(e);
  }
  return kept.sort((a, b) => a.start - b.start);
}
