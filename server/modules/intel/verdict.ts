import { FRAUD_TYPE_CODES, FRAUD_TYPES, type FraudType } from '../../../shared/domain.ts';
import { ASK_KEEP_OR_CANCEL, BARE_CLICK, BRAND_TOKENS, CALLBACK, CALLBACK_NUMBER, HARM, INVEST, MONEY_TAKEN, MOVE_LURE, MOVE_PROBLEM, MOVE_TROUBLE, NEGATION, OFF_CHANNEL, OFF_CHANNEL_EXPLAIN, OFFICIAL_APP, OFFICIAL_CHANNEL, OFFICIAL_DOMAINS, OFFICIAL_PLACE, PRESSURE, PRETEXT_ACTIONS, PRETEXT_SIGNS, RED_FLAGS, SHORT_MESSAGE, SUPPORTING, TYPE_WORDS, type ActionKind } from './lexicon.ts';
import { loadModel, readWithModel, type ModelWeights } from './model.ts';
import { toSimplified, toSimplifiedAsTrained } from './simplify.ts';

export const MAX_TEXT = 20_000;

/**
 * The one verdict (issue 14): the public self-check (scam-check.ts) and the staff analysis
 * (analyze.ts) both call `judge`, so the same text gets the same answer in both places.
 *
 * It weighs two readings. The rules (lexicon.ts) find warning signs and words of harm, each with the
 * words that raised it; the small model (model.ts, trained on the labelled dev texts) says how much the
 * text as a whole reads like the fraud texts it was trained on. Where the two agree the verdict is
 * firm; where they disagree, or the model alone leans to fraud, the answer is 无法确定 (unsure) with
 * advice to check — never a silent guess.
 */

export type Level = 'high' | 'medium' | 'unsure' | 'low' | 'none';
export const LEVEL_LABELS: Record<Level, string> = {
  high: '很可能是骗局',
  medium: '有骗局的迹象，请当心',
  unsure: '无法确定，请先核实',
  low: '有需要留心的说法',
  none: '没有发现常见的骗局说法',
};

export interface Sign { code: string; label: string; quote: string; explain: string; weight: number }

export interface Verdict {
  level: Level;
  /** What the rules alone said, before the model was weighed in (for calibration and explanations). */
  rules: Level;
  /**
   * A warning addressed to the reader whose scam words were all the scam's (no sign left, no harm
   * done): judged by the rules alone, since it shares its words with the scam texts the model learnt.
   */
  warning: boolean;
  /** 0–100: how strongly the text reads as fraud. */
  score: number;
  fraudTypes: { code: FraudType; confidence: number }[];
  signs: Sign[];
  /** Words of harm found (被骗, 跑路, 血本无归…), quoted. */
  harm: string | null;
  /** Words of the text the model leaned on, for the explanation (pieces of the text itself). */
  cues: string[];
  /** The model's probability that the text is about fraud; null when no model is shipped. */
  pFraud: number | null;
  /**
   * Why the top type: the scheme's core the rules found for it (what the elder paid for or handed
   * over), quoted from the text, with the reason in plain words; null when the type rests on vocabulary
   * or the model alone.
   */
  typeReason: { code: FraudType; quote: string; why: string } | null;
  /** One plain sentence: why this verdict. */
  summary: string;
  advice: string[];
}

/**
 * Mirror sites print pinyin after characters ("同學(xué)建設(shè)銀行的卡號(hào)", m136; "醫(yī)保", o371): the rules read
 * through it (their gaps count characters of the text, not of the annotation), and every quote is still cut
 * from the original, annotation included, so it stays the text's own words. The model is not affected.
 */
const PINYIN = /\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)/g;
interface Reading { simple: string; quote: (start: number, end: number) => string }
function readable(original: string, simple = toSimplified(original)): Reading {
  const spans = [...simple.matchAll(PINYIN)];
  if (spans.length === 0) return { simple, quote: (start, end) => original.slice(start, end) };
  const back: number[] = [];
  let clean = '';
  let from = 0;
  for (const m of [...spans, { index: simple.length, 0: '' }]) {
    for (let i = from; i < m.index; i++) back.push(i);
    clean += simple.slice(from, m.index);
    from = m.index + m[0].length;
  }
  return { simple: clean, quote: (start, end) => original.slice(back[start], back[end - 1] + 1) };
}

/**
 * Session 16: 诈骗 that says what a message or a call was ("经核实为诈骗短信", "这是诈骗电话") is a verdict on it, as 骗局 in a
 * warning is, not harm done; a victim's account names its harm in other words (被骗, 损失, 转走…), which stay harm.
 */
const SCAM_VERDICT_BEFORE = /(?:为|是|系|属于?)$/;
const SCAM_VERDICT_AFTER = /^(?:短信|电话|信息|消息|链接|网站)/;
/** Session 16 (third constructed set): a quotation called fraud ("「您有交通罰鍰未繳…」是詐騙"): the verdict on the quoted message. */
const QUOTE_CALLED = /[”」』"]\s*(?:就|都)?(?:是|为|系|属于?)$/;
function namedAsScam(simple: string, word: string, start: number, end: number): boolean {
  if (word === '诈骗' && QUOTE_CALLED.test(simple.slice(Math.max(0, start - 5), start))) return true;
  return word === '诈骗' && SCAM_VERDICT_BEFORE.test(simple.slice(Math.max(0, start - 2), start)) && SCAM_VERDICT_AFTER.test(simple.slice(end, end + 2));
}

/**
 * The first match of a pattern that is not a warning (请勿泄露验证码, 谨防诈骗), or null. Matched on the
 * simplified text, quoted from the original (the mapping keeps offsets).
 */
function firstAffirmed(r: Reading, pattern: RegExp, skipReported = false, frame = false, skip?: Skip): string | null {
  for (const m of affirmed(r, pattern, { skipReported, frame, skip })) return m.quote;
  return null;
}

/** How many matches of one pattern in one text are read (see affirmed). */
const MAX_MATCHES = 64;

/**
 * The matches of a pattern that are not a warning's words, in order, lazily: not after a turning-away word or
 * inside a list the reader is told not to give, not skipped by the caller, not reported speech (when asked), not
 * disarmed in a warning frame. The one filter for signs (firstAffirmed) and for the moves (affirmedMatches).
 */
/** A caller's own reason to pass over one match: its words, and where it lies in the simplified text. */
type Skip = (word: string, start: number, end: number) => boolean;
function* affirmed(r: Reading, pattern: RegExp, o: { skipReported: boolean; frame: boolean; skip?: Skip }) {
  const simple = r.simple;
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  // Each match's checks look across its sentence, so a hostile text of one phrase repeated without a stop
  // ("转账到安全账户" × 2,857) made them quadratic: 716 ms at the length cap (session 13). Only the first
  // MAX_MATCHES matches of a pattern that pass the cheap, local checks (negation, the caller's skip) are read
  // further (no real text comes near: the most on dev is 9), so a long warning's many negated mentions do not use
  // up the count before a real one; and whether the text warns at all is read once per text, not once per match.
  let examined = 0;
  let warns: boolean | undefined;
  for (const m of simple.matchAll(re)) {
    const start = m.index, end = m.index + m[0].length;
    if (m[0].length === 0 || NEGATION.test(simple.slice(Math.max(0, start - 12), start)) || NEGATED_LIST.test(simple.slice(Math.max(0, start - 30), start))) continue;
    if (o.skip?.(m[0], start, end)) continue;
    if (++examined > MAX_MATCHES) return;
    if (deniedInSentence(simple, start, end)) continue;
    if (o.skipReported && reported(simple, start, end, (warns ??= WARNING.test(simple)))) continue;
    if (o.frame && disarmedInWarning(simple, start)) continue;
    yield { start, end, quote: r.quote(start, end) };
  }
}

/**
 * Session 16 (docs/intel.md, "False-alarm kinds on unseen and constructed ordinary texts"): two denials NEGATION's eight
 * characters do not reach.
 * - NEVER_ASKS: a sender's statement of what it never asks ("社保经办机构不会通过电话、短信要求参保人提供银行卡密码", "银行不会以任何
 *   理由要求您…"): 不会/从不/绝不 … 要求/索要/让您 … then the sign, in one sentence, with no new ask between (", 请…", "但…").
 * - NONE_SUCH: the thing said not to exist, right before its word ("公安机关没有安全账户"); a fact with 没有 further back ("原机构没有替她
 *   向新机构支付费用", c110) is not a denial of the sign.
 * - DENIED_BARE: a sign whose sentence goes on to tell the reader, in two or three words and nothing after, not to believe or heed
 *   it ("陌生电话说我出事了要钱，别信", "有人让你点链接、报卡号，不要理"). A scam's "不要相信其他人" has an object and keeps its sign.
 */
const NEVER_ASKS = /(?:不会|从不|从来不|绝不|决不|不可能)[^。；！？!?\n]{0,30}(?:要求|索要|让您|让你|叫您|叫你|向您|向你)[^。；！？!?\n，,]{0,30}$/;
/** The thing itself said not to exist, right before it: "公安机关没有安全账户", "并无所谓的“资金清查账户”". */
const NONE_SUCH = /(?:没有|并无|不存在)(?:所谓的?)?[“"‘]?$/;
/** A sign that starts with its verb: after 没有 it is a thing not done ("没有交纳有线电视费的用户", o280), not a thing that does not exist. */
const ACT_FIRST = /^(?:交|缴|付|支付|转|汇|打|存|提供|告诉|说出|回复|填|输入|点|下载|加|扫|登|凭|报)/;
const NEW_ASK = /[，,：:]\s*(?:请|但|现在|马上|立即|只要|您只需|需要)|但是?|而是/;
const DENIED_BARE = /^[^。；！？!?\n，,]*?[,，]\s*(?:大家|各位|您|你)?(?:千万|可|也|就)?(?:别信|不要信|别相信|不要相信|不能信|不可信|不要理会?|别理会?|不要理睬|别上当)(?=[，,。；！!？?\n]|$)/;
/**
 * Session 16 (third constructed set): a case the reader is told how to meet — "如对方要求转账或提供验证码，请立即挂断", "遇到
 * “儿子”换了新号码急着借钱，一定先给孩子原来的号码打个电话核实": the sign is what another party may do (如/若/遇到/一旦/接到…
 * with 对方/有人/陌生人…, or a relative in quotation marks), and the same sentence, after it, tells the reader to hang up, refuse,
 * check or report. A scam's own order after a condition ("如有疑问请拨打…", "如不配合…后果自负") turns nothing away.
 */
const IF_OTHER = /(?:如|如果|若|倘若|一旦|遇到|碰到|接到|凡是)[^。；！？!?\n]{0,6}(?:对方|有人|陌生人|陌生电话|来电|[“"「][^”"」]{1,4}[”"」])[^。；！？!?\n]{0,30}$/;
const THEN_REFUSE = /^[^。；！？!?\n]{0,40}?[,，]\s*(?:请|要|应|就|一定|务必|千万)?(?:先|立即|马上|及时)?(?:挂断|拒绝|报警|核实(?!后|完|无误)|给[^，。；]{0,12}打个?电话核实|拨打110|拨打96110|不要(?:理会|相信|转账|汇款|回复|点击)|别(?:信|理))/;
function deniedInSentence(simple: string, start: number, end: number): boolean {
  const from = sentenceStart(simple, start);
  if (IF_OTHER.test(simple.slice(from, start)) && THEN_REFUSE.test(simple.slice(end))) return true;
  const m = NEVER_ASKS.exec(simple.slice(from, start));
  if (m && !NEW_ASK.test(m[0].slice(2))) return true;
  if (NONE_SUCH.test(simple.slice(Math.max(0, start - 6), start)) && !ACT_FIRST.test(simple.slice(start, end))) return true;
  return DENIED_BARE.test(simple.slice(end, end + 80));
}

// Session 12: also the words of advice between people (叮嘱, 记住, 千万别信, "…的都是骗子") — the tenth collection's
// dev warnings (o604: a daughter's "任何要你们转账、验证码…的,都是骗子") were not warnings by the old list.
/**
 * A sign that is one item of a list the reader is told not to give or do ("不要轻易向陌生人透露身份证号码、银行卡密码、
 * 验证码", o577): NEGATION's few characters do not reach back past the list's first items. The list is joined by
 * 、 or 和/及, within one clause.
 */
const NEGATED_LIST = /(?:不要|切勿|请勿|勿|别|不能|不得|谨防|警惕|防止)[^，。；！!,;]{0,8}(?:透露|泄露|提供|告诉|告知|点击|扫描|下载|转账|汇款|相信|轻信)[^，。；！!,;]{0,24}[、和及][^，。；！!,;、]{0,10}$/;
/**
 * Advice to whoever may already have acted on it: "市民若曾…向任何可疑网站…提供个人资料,应与警方联络" (o701, 衞生署 on a fake
 * free-dental advert, session 15). A sender who tells those harmed to go to the police is warning, not harming; a scam that
 * borrows the form gives its own way to act, a sign, and the warning reading needs none.
 */
const IF_HARMED_TELL_POLICE = '(?:若|如|如果|倘若)(?:您|你|市民|居民|民众)?(?:曾|已经?|不慎)[^。；！？\\n]{0,40}(?:(?:应|请|须|需|要)(?:尽快|立即|及时|马上)?(?:与|向|联络|联系|通知|致电)[^。；！？\\n]{0,3}(?:警方|公安|警察|派出所|110)|报警|报案)';
// Session 14: also a rule stated for every such ask ("任何要求提供账户并转账的电话均为诈骗", o684: a hospital's statement):
// it calls the ask itself fraud, in general, which only a warning does; a victim's account names what was done to them.
const WARNING = /(?<!不要|别|勿|不能|不准|不许|不可)挂断|不会这样(?:做|要求)|(?:不要|别|切勿)(?:在|把|向|给|随意|轻易)|提提你|提醒|提示|请勿|切勿|切记|谨防|警惕|以免|反诈|防骗|防范|叮嘱|记住|牢记|千万(?:别|不要|不能)|不要(?:相信|轻信|回复|理会|理睬)|别信|直接删除|(?:都|全|均)是骗子|(?:都|就|也|全)?是骗人的|(?:我院|本院|我行|本行|我司|本公司|我局|本局|本中心)(?:从来|从|绝|均|都|也|决)?不会|留个?心眼|(?:任何|凡是)[^。；！？\n]{0,40}(?:都|均|一律|全)(?:为|是|属于?)(?:诈骗|骗局|骗子|骗案)/;
/**
 * WARNING, or advice to those already harmed (IF_HARMED_TELL_POLICE): read only for a text that names no sign (judge), never
 * to disarm a sign as reported speech (`reported`). Review, session 15: read there, the advice a fake police call borrows
 * ("…被不法分子冒充办理了银行卡，涉嫌洗钱。如您已经泄露过个人信息，须立即与警方联系，请添加办案民警QQ…") made its sentence
 * of 不法分子 + 冒充 the scammer's reported words, and the call fell from high to low by the rules.
 */
const WARNING_OR_ADVICE = new RegExp(`${WARNING.source}|${IF_HARMED_TELL_POLICE}`);
// Session 16: "有人冒充…" — someone impersonating is the scammer in the third person, as 不法分子 is.
// Session 16 (third constructed set): 骗徒 (the Hong Kong word), 诈骗集团/团伙, and "有的机构/公司/商家" — a kind of sender
// described in the third person by a warning ("有的机构以“会员卡”名义收取高额费用") — are the scammer too.
const SCAMMER = /不法分子|骗子|骗徒|犯罪分子|诈骗分子|诈骗(?:集团|团伙)|有人(?=冒充|假冒|冒用|自称)|有的(?:机构|公司|商家|养老院)(?=以|打着|借|冒充|假冒|谎称)/;
/**
 * Session 16 (independent constructed set): a kind of scam described by what it does, with no one named — "冒充子女、孙子借钱的
 * 电话很多", "近期冒充社区工作人员上门…的情况增多", "以“以房养老”为名骗取老人房产的案件多发" — is the scammer's move reported, in a
 * text that tells the reader what to do or not to do (READER_TOLD). A news report of such cases tells the reader nothing
 * ("苏州市连续接报多起冒充退管处工作人员…诈骗老年人钱财的案件", c016) and keeps its signs and its harm.
 */
const SCAM_KIND = /(?:冒充|假冒|冒用)[^。；！？\n]{0,30}?的(?:电话|短信|信息|情况|案件|案例|现象|事件|骗局)|为名骗取/;
const SCAM_KIND_ALL = new RegExp(SCAM_KIND.source, 'g');
/** A case put to the reader in the sign's own clause ("接到说“换号了”要钱的"): the kind described further, not an ask. */
const CASE_PUT = /接到|收到|遇到|碰到|如果|如|若|凡是|说/;
function kindCovers(sentence: string, signStart: number, signEnd: number): boolean {
  const kinds = [...sentence.matchAll(SCAM_KIND_ALL)];
  if (kinds.length === 0) return false;
  const clause = sentence.slice(Math.max(sentence.lastIndexOf('，', signStart - 1), sentence.lastIndexOf(',', signStart - 1)) + 1, signStart);
  return kinds.some((m) => signEnd <= m.index + m[0].length) || CASE_PUT.test(clause);
}
const READER_TOLD = /提醒(?:您|你|大家|广大)|提示(?:您|你|大家|广大)|提提你|请(?:勿|大家|广大|您|你)|不要(?!挂断)|切勿|千万|(?<!不要|别|勿)挂断|注意[:：!！]|别信/;
const GENERIC = /常见|手段|为名|为由|名义|冒充|谎称|假冒|惯用/;
const CALLED_SCAM = /^[^。；！？\n]{0,24}(?:诈骗|骗局|骗案|骗取|虚假|假的|不实|谣言|非法集资)/;
/** Words that name what follows in quotation marks as the scam's, a list of quotes included (session 14, o660: a 交通委 Q&A quoting "ETC已停用"). */
const QUOTED_AS_SCAM = /(?:诈骗|骗局|骗子|不法分子|犯罪分子|虚假)[^。；！？\n]{0,48}$/;

/**
 * Session 16 (docs/intel.md, "False-alarm kinds on unseen and constructed ordinary texts"): a quotation that is a message or
 * a caller's words — at least a short clause, introduced by a word of saying or sending (说“, 内容为“, 收到“, ：“) or named as
 * one after it (“…”的短信, “…”之类的电话, “…”——) — in a text that, outside its quotations, both warns (WARNING_OR_ADVICE) and
 * names the fraud or tells the reader not to believe it (诈骗, 骗子, 骗局…; 切勿相信, 挂断, 核实, 删除), is the scam's words
 * being shown to the reader. The scam message itself speaks in its own
 * voice: it quotes a word (“养老补贴”), not a whole message of someone else's, so a “…” around a word keeps its sign.
 */
const SPEECH_BEFORE = /(?:说|称|讲|问|道|喊|内容(?:为|是)?|短信|信息|消息|电话|来电|收到|接到|发来|写着|类似|诸如|[:：]|——)\s*$/;
const SPEECH_AFTER = /^(?:的|之类的?|这样的|这类|一类的|等)(?:短信|信息|消息|电话|来电|说法|话术|话)|^\s*——/;
const FRAUD_NAMED = /诈骗|骗子|骗局|骗人|上当|陷阱|话术|假的|(?:不要|切勿|请勿|勿|千万别|别)(?:相信|轻信|理会|理睬|回复|点击|点开|上当)|(?<!不要|别|勿)挂断|核实|删除/;
const QUOTED = /[“「][^”」]*[”」]/g;
function quotedSpeech(simple: string, open: number, close: number): boolean {
  if (close - open - 1 < 8 || !/[，,。！？!?]/.test(simple.slice(open + 1, close))) return false;
  return SPEECH_BEFORE.test(simple.slice(Math.max(0, open - 6), open)) || SPEECH_AFTER.test(simple.slice(close + 1, close + 8));
}
/**
 * Review (after the held-out reading): the quotation is shown as the scam's only when the text turns it away after it ("…”的电话，
 * 马上挂断", "…”的短信，切勿相信") or names its speaker as the scammer before it (骗子说, 陌生人发来, 自称…); a scam that borrows
 * "谨防诈骗" and then quotes an official's orders ("温馨提示：谨防诈骗。工作人员通知：“您的养老金资格认证未通过，请点击链接…”")
 * keeps its signs.
 */
const SPEAKER_SCAMMER = /骗子|骗徒|不法分子|犯罪分子|诈骗|陌生|自称|冒充|假冒|冒用|有人/;
function speechTurnedAway(simple: string, open: number, close: number): boolean {
  return FRAUD_NAMED.test(simple.slice(close + 1).replace(QUOTED, '　')) || SPEAKER_SCAMMER.test(simple.slice(sentenceStart(simple, open), open));
}
let outsideCache: { simple: string; warns: boolean } | null = null;
function warnsOutsideQuotes(simple: string): boolean {
  if (outsideCache?.simple === simple) return outsideCache.warns;
  const outside = simple.replace(QUOTED, '　');
  const warns = (WARNING_OR_ADVICE.test(outside) || (outside.match(FRAME_WARN)?.length ?? 0) > 0) && FRAUD_NAMED.test(outside);
  outsideCache = { simple, warns };
  return warns;
}

/**
 * A warning that tells how scams work (a police or bank notice) quotes the scam's words or describes
 * what scammers do; those words are the scam's, not the sender's. A sign is reported speech when it lies
 * inside quotation marks that the text then calls a scam ("内容为“…逾期将停用”的短信,均为诈骗短信"), or
 * in a sentence of a warning whose subject is the scammer and which says how they operate
 * ("骗子以…为名,…套取受害人的银行卡密码").
 */
/** Where the sentence holding position `at` starts (after 。！？；or a line break). */
const sentenceStart = (simple: string, at: number) => Math.max(...['。', '！', '？', '\n', '；'].map((c) => simple.lastIndexOf(c, at - 1))) + 1;
function reported(simple: string, start: number, end: number, warns: boolean): boolean {
  const open = Math.max(simple.lastIndexOf('“', start), simple.lastIndexOf('「', start));
  const shut = Math.max(simple.lastIndexOf('”', start), simple.lastIndexOf('」', start));
  if (open > shut) {
    // Quoted words the text then calls a scam, or introduces as the scam's before quoting them ("ETC诈骗短信常见内容主要有
    // “ETC已停用”", o660).
    const close = simple.slice(end).search(/[”」]/);
    if (close >= 0 && (CALLED_SCAM.test(simple.slice(end + close + 1)) || QUOTED_AS_SCAM.test(simple.slice(sentenceStart(simple, open), open)))) return true;
    // Session 16: words someone said or sent, quoted whole by a text that itself warns and names the fraud
    // (“接到“我是公安局的，你涉嫌洗钱…”的电话，马上挂断”, "收到“…请下载APP解冻”的短信，切勿相信").
    if (close >= 0 && quotedSpeech(simple, open, end + close) && warnsOutsideQuotes(simple) && speechTurnedAway(simple, open, end + close)) return true;
  }
  if (!warns) return false;
  const from = sentenceStart(simple, start);
  const after = simple.slice(end).search(/[。！？\n；]/);
  const sentence = simple.slice(from, after < 0 ? simple.length : end + after);
  // Review (after the held-out reading): the kind reported covers the sign only when the sign lies inside or before its
  // description ("冒充子女、孙子借钱的电话很多"); a sign after it ("最近冒充公安的电话很多，我是真的民警，请您…把钱转到安全账户")
  // is the caller's own ask.
  return (SCAMMER.test(sentence) || (kindCovers(sentence, start - from, end - from) && READER_TOLD.test(simple))) && GENERIC.test(sentence);
}

/**
 * A warning or advice addressed to the reader (police, courts, banks, 人社, 市场监管 telling elders how
 * scams go): it names the scam's own words (免费旅游, 以房养老, 保本, 高收益…手续费) to warn against them.
 * The frame needs BOTH a reader-addressed warning (提醒/谨防/警惕/切勿/不要被…迷惑/如遇…请拨打110…) AND
 * talk of the scam in the third person (骗子/不法分子/骗局/陷阱/上当受骗/行骗…): a scam message that
 * borrows one of them ("为了您的资金安全，请勿泄露…", "警惕…") has no scammer in the third person.
 */
const FRAME_WARN = /注意[:：!！]|提提你|提醒|提示|谨防|警惕|提防|切勿|请勿|切莫|不要轻信|不要相信|别信|千万(?:别|不要|不能)|坚决不|留个?心眼|叮嘱|记住|牢记|勿因|以免|防止|谨慎|不要被[^。；]{0,20}(?:迷惑|蒙骗|忽悠|欺骗|误导)|如(?:发现|遇到?|有疑问)[^。；]{0,24}(?:拨打?|报警|举报|投诉)|(?:拨打|报警)[^。；]{0,6}(?:110|96110)|反诈中心/g;
// Third-person talk of the scam. Session 12 adds the words a bank or a clerk uses for it (假冒/冒充…名义, 防诈, 反诈;
// not a bare 诈骗 or 套路, nor the 防诈 inside 谨防诈骗, which a scam's own tail carries — review): the tenth collection's dev warnings (o532 a bank clerk's 防诈 talk, o613 ICBC's statement "假冒工行名义")
// named no 骗子. A case report that is also a frame keeps its harm unless every sign was disarmed (judge).
// Session 16: also a general statement that what it lists is fraud ("…的都是诈骗", "都是骗案", "都是非法集资", "…就是诈骗").
const FRAME_SCAM = /(?:都|均|全|一律|就)(?:是|为|属于?)(?:诈骗|骗局|骗案|假的|非法集资)(?!团伙|分子|案|犯)|骗子|骗徒|不法分子|犯罪分子|诈骗分子|骗局|陷阱|上当|行骗|诈骗短信|诈骗电话|迷惑|说辞|(?<![谨提预以])防诈|反诈|(?:假冒|冒充|冒用)[^，。；]{0,8}名义|骗子的[^，。；]{0,4}套路/;
/** Session 16 (third constructed set): a caller who names themselves 反诈中心 ("我是国家反诈中心的") claims an identity; it frames no warning. */
const SELF_ANTIFRAUD = /(?:我是|我们是|这里是|这边是)[^，。；,;]{0,8}反诈(?:中心)?(?:的)?/g;
function warningFrame(text: string): boolean {
  const simple = text.replace(SELF_ANTIFRAUD, '');
  return FRAME_SCAM.test(simple) && (simple.match(FRAME_WARN)?.length ?? 0) >= 1;
}

/**
 * Inside a warning, a sign is the scam's word, not the sender's, when its clause before it turns the
 * reader away (不要/不会/警惕/谨防/勿…, further back than NEGATION's few characters: "不会通过电话方式要求
 * 参保人员提供个人账户的密码") or describes the lawful kind ("正规的“以房养老”是…", not the sender's own claim "本公司正规…"); when its sentence
 * names the scammer as the one who says it ("骗子会…承诺更高收益…,先收取…手续费"); or when it is in
 * quotation marks. The turning-away words count only within the clause, so a pitch that follows a
 * warning word in an earlier clause ("谨防骗子！本产品不会亏损，保本保息") keeps its sign.
 */
const DISARM_CLAUSE = /不要|不会|不能|不可|不得|不需|无需|勿|莫|别|警惕|谨防|提防|防止|避免|谨慎|没有|并无/;
/** The lawful kind disarms only when described, not when the sender claims it ("本公司正规养老项目保本保息" is a pitch). */
const DISARM_LAWFUL = /正规|合法/;
const SENDER_SELF = /本公司|我公司|我司|我们|本机构|我院|本院|本店|本单位|本项目/;
const DISARM_SENTENCE = /骗子|骗徒|不法分子|犯罪分子|诈骗分子|骗局|陷阱|行骗/;
function disarmedInWarning(simple: string, start: number): boolean {
  const from = Math.max(...['。', '！', '？', '\n', '；', '!', '?'].map((c) => simple.lastIndexOf(c, start - 1))) + 1;
  const before = simple.slice(from, start);
  if (DISARM_SENTENCE.test(before)) return true;
  if (before.split('“').length > before.split('”').length || before.split('‘').length > before.split('’').length) return true;
  const clause = before.slice(Math.max(...['，', ',', '：', ':'].map((c) => before.lastIndexOf(c))) + 1);
  if (DISARM_CLAUSE.test(clause) || DISARM_IF.test(clause) || (DISARM_LAWFUL.test(clause) && !SENDER_SELF.test(clause))) return true;
  // A sentence that ends by calling what it listed a scam ("不管是谁让您下载陌生软件、开启屏幕共享,都是骗子", o371).
  const stop = simple.slice(start).search(/[。！？\n；!?]/);
  const rest = simple.slice(start, stop < 0 ? simple.length : start + stop);
  return CALLED_AFTER.test(rest) || DENIED_AFTER.test(rest) || SCAM_NAMED_KIND.test(rest);
}
/**
 * Inside a warning, a case put to the reader ("凡是要求…的", "任何…的", "要是收到…", "一旦接到…") is the scam
 * described, not asked for (o532; not 遇到/接到/一旦, which a scam's own order carries: "遇到这种情况请立即将资金转到安全账户"), and so is a sign whose own sentence goes on to tell the reader not to
 * do it ("…涉及银行卡密码、验证码的,坚决不能透露", "…让点链接领‘养老补贴’,可千万别信").
 */
const DISARM_IF = /凡是|任何|如遇/;
/** Session 16 (third constructed set): inside a warning, a sign that names a kind of scam ("以房养老骗局：…", "保健品骗局") is its title. */
const SCAM_NAMED_KIND = /^[^，。；,;:：！!？?]{1,8}?(?<!不是|并非|绝非|非)(?:骗局|骗术|诈骗)/;
const DENIED_AFTER = /[,，]\s*(?:可|也|就|都)?(?:千万|一定|绝对|坚决)?(?:不能|不要|别|勿|不可)(?:轻易)?(?:透露|泄露|相信|轻信|信|理会|点击?|转账|汇款|上当)/;
// With or without a word pointing back at what was listed ("…,这是诈骗", "…,这都是骗局", "…,以上都是骗子"; review, session 14:
// warnings that quote a scam's WeChat id or its "未完成实名核验" read high without it).
// Session 16: also a definition that ends by calling its subject a scam or a trap ("中奖要先交钱的是骗局", "保本高息的理财是陷阱").
const CALLED_AFTER = /[,，、]\s*(?:这些?|此|以上|上述|这种|这类)?(?:都|全|均|一律|统统|肯定|一定)?(?:是|属于?)(?:骗子|诈骗|骗局|骗案|非法集资)|的(?:(?![不非没])[^，。；,;]){0,6}?(?:都|全|均|一律)?(?:是|属于?)(?:骗子|诈骗|骗局|骗案|陷阱|假的|非法集资)|^(?:(?![不非没])[^，。；,;]){0,6}?(?:就|都|也)是(?:骗子|诈骗|骗局|陷阱|骗案|非法集资)/;

/** Topping up phone credit ("话费充值…充20送5") is an operator's offer, not a prepaid care membership. */
const TOPUP = /话费|流量/;
/** A short code replied or sent to the sender's number to cancel a service (回复TD, 发送QXLLTX到10086). */
const REPLY_CODE = /(?:回复|回|发送)[\s“"]*[A-Za-z0-9]{1,8}(?![A-Za-z0-9])/;
const TOPUP_WORDS = new Set(['充值', '赠送']);

/** A notice addressed to the reader ("尊敬的客户", "提醒您"): when it names no sign, its talk of fraud is a warning. */
const ADDRESSED = /尊敬的(?:客户|用户|市民)|提示您|提醒您|郑重提示|温馨提示|提醒广大|提示广大/;

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;
const EDGE = /[的了是在我你您他她它和与及将已为对把被就都也还又而或之其这那个们吗呢吧啊，。、；：！？,.;:!?\s0-9a-z"“”'‘’（）()《》【】\-]/;

/** Every match of a pattern that is not a warning (affirmed, reported speech included), with its place in the simplified text. */
function affirmedMatches(r: Reading, pattern: RegExp, frame: boolean, skip?: Skip): { start: number; end: number; quote: string }[] {
  return [...affirmed(r, pattern, { skipReported: true, frame, skip })];
}

/** The host of a web address as written ("http://wap.icbcapk.com/x" → "wap.icbcapk.com"), or null for words like "点击链接". */
function hostOf(link: string): string | null {
  const m = /^(?:https?:\/\/)?([a-z0-9*×.-]+\.[a-z*]{2,})/i.exec(link.trim());
  return m && m[1].includes('.') ? m[1].toLowerCase() : null;
}
/** A link on an institution's own domain (95588's icbc.com.cn, 12333's gov.cn): the official channel, not a sign. */
export function officialLink(link: string): boolean {
  const host = hostOf(link);
  return host !== null && OFFICIAL_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));
}
/** A domain that borrows an institution's name or number but is not its own (10086pyzxa.com, icbcapk.com, ddicbc.cn.com). */
export function lookalikeLink(link: string): string | null {
  const host = hostOf(link);
  if (host === null || officialLink(link)) return null;
  return BRAND_TOKENS.find((t) => host.includes(t)) ?? null;
}

export interface Moves { pretext: { kind: 'problem' | 'lure' | 'trouble'; quote: string }; action: { kind: ActionKind; label: string; quote: string } }
/** Characters between a pretext and an action that still read as one request (a scam message is one or two sentences). */
const MOVE_GAP = 100;
/** The link action of OFF_CHANNEL: its addresses are also read for look-alike domains. */
const LINK_ACTION = OFF_CHANNEL.find((a) => a.kind === 'link')!;

/**
 * The scam message's two moves (lexicon.ts, session 12): a pretext (a problem with your account, money for you,
 * trouble) and an action off the official channel that it allows, no further apart than MOVE_GAP, both affirmed
 * (not a warning's words). The closest pair, or null.
 */
export function findMoves(r: Reading | string, frame?: boolean): Moves | null {
  const reading = typeof r === 'string' ? readable(r) : r;
  const inFrame = frame ?? warningFrame(reading.simple);
  const actions = paidAtOfficialChannel(reading.simple, offChannelActions(reading, inFrame));
  if (actions.length === 0) return null;
  let best: (Moves & { gap: number }) | null = null;
  const callBack = reading.simple.length <= SHORT_MESSAGE && !OFFICIAL_CHANNEL.test(reading.simple);
  for (const [kind, pattern] of [['problem', MOVE_PROBLEM], ['lure', MOVE_LURE], ['trouble', MOVE_TROUBLE]] as const) {
    for (const p of affirmedMatches(reading, pattern, inFrame)) {
      for (const a of actions) {
        if (!PRETEXT_ACTIONS[kind].includes(a.kind) || (a.start < p.end && p.start < a.end)) continue;
        if (a.kind === 'call' && kind !== 'lure' && !callBack) continue;
        const gap = Math.max(a.start - p.end, p.start - a.end);
        if (gap > MOVE_GAP || (best !== null && gap >= best.gap)) continue;
        // Read after the distance: the clause is looked up only for a pair that could be the closest.
        if (onOfficialChannel(reading.simple, a)) continue;
        best = { pretext: { kind, quote: p.quote }, action: { kind: a.kind, label: a.label, quote: a.quote }, gap };
      }
    }
  }
  return best && { pretext: best.pretext, action: best.action };
}

type Action = { start: number; end: number; quote: string; kind: ActionKind; label: string };
/**
 * The affirmed actions of OFF_CHANNEL in a text, in the lexicon's order. A click without an address ("点击兑换", "请登录网站")
 * goes to the link the message carries: when it carries links and every one is the institution's own ("积分即将清零,请及时
 * 点击兑换:https://dx.10086.cn/…"), the click is the official channel, not a site off it (review, session 13). Session 14:
 * so is a click that points at nothing (BARE_CLICK: "请及时点击兑换", not "点击下方兑换") in a text that carries no link and
 * sends the reader to the institution's own app, hotline or hall ("…详情登录联通APP", "…详情咨询10086"): the click is made
 * there. With no channel named (m221 "谨防过期!请及时点击换取") it stays a click to a link the quote stripped.
 */
function offChannelActions(reading: Reading, inFrame: boolean): Action[] {
  const links = [...reading.simple.matchAll(LINK_ACTION.pattern)].map((m) => m[0]);
  const officialLinksOnly = links.length > 0 && links.every(officialLink);
  const officialNamed = links.length === 0 && (OFFICIAL_CHANNEL.test(reading.simple) || OFFICIAL_APP.test(reading.simple));
  return OFF_CHANNEL.filter((a) => !(officialLinksOnly && a.kind === 'site'))
    .flatMap((a) => affirmedMatches(reading, a.pattern, inFrame, a.kind === 'link' ? officialLink : a.kind === 'site' && officialNamed ? (w) => BARE_CLICK.test(w) : a.kind === 'card' ? (w) => CARD_GIVEN.test(w) : a.kind === 'transfer' ? (w, start) => intoOwnAccount(reading.simple, w, start) : undefined).map((m) => ({ ...m, kind: a.kind, label: a.label })));
}

/**
 * A fee to pay or a card to show, in a text that names the official channel (OFFICIAL_CHANNEL: a hall, the official app, a
 * 95/96/12 service number) and gives no way off it (no link, site, number, contact, app or code to scan outside it), is paid
 * or shown there: "您的包裹被海关查扣,需缴纳关税,请拨打12360咨询" (review, session 14: high, the hotline being in another
 * clause than the fee). A scam that asks for the fee gives its own way to pay or ask (a number, a WeChat, a link).
 */
const WAYS_OFF: ActionKind[] = ['link', 'site', 'call', 'contact', 'app', 'qr'];
/** The text names the official channel and gives no way off it (a link, site, number, contact, app or code to scan outside it). */
function onlyOfficialWay(simple: string, actions: Action[]): boolean {
  return OFFICIAL_CHANNEL.test(simple) && !actions.some((a) => WAYS_OFF.includes(a.kind) && !onOfficialChannel(simple, a));
}
function paidAtOfficialChannel(simple: string, actions: Action[]): Action[] {
  return onlyOfficialWay(simple, actions) ? actions.filter((a) => a.kind !== 'fee' && a.kind !== 'card') : actions;
}

/**
 * An action in the institution's own place: a site, fee, card or number in a clause that names an official place
 * (OFFICIAL_PLACE), or a tap in an app the reader opens (IN_APP, below).
 */
function onOfficialChannel(simple: string, a: Action): boolean {
  if ((a.kind === 'site' || a.kind === 'fee' || a.kind === 'card' || a.kind === 'call') && OFFICIAL_PLACE.test(clauseAt(simple, a.start, a.end))) return true;
  return a.kind === 'site' && IN_APP.test(sentenceBefore(simple, a.start));
}

/**
 * A tap inside an app the reader opens ("请打开国家医保服务平台APP,点击“我的”页面激活", "在电子社保卡小程序点击认证") is no
 * link in the message (review, session 13: such notices read high once 点击…页面 and 点击认证 became site actions). An app
 * to download is its own action (app), so a scam that sends you to one keeps its move.
 */
const IN_APP = /app|小程序|公众号|客户端/i;
function sentenceBefore(simple: string, start: number): string {
  // At most MOVE_GAP characters back, so that many pairs in a hostile unbroken text each cost a bounded read.
  const window = simple.slice(Math.max(0, start - MOVE_GAP), start);
  return window.slice(Math.max(...['。', '！', '!', '？', '?', '；', ';', '\n'].map((c) => window.lastIndexOf(c))) + 1);
}

/** The clause (between , ; 。 ! ? and line breaks) around a span of the simplified text. */
function clauseAt(simple: string, start: number, end: number): string {
  const from = Math.max(...['，', ',', '。', '；', ';', '！', '!', '？', '?', '\n'].map((c) => simple.lastIndexOf(c, start - 1))) + 1;
  const stop = simple.slice(end).search(/[，,。；;！!？?\n]/);
  return simple.slice(from, stop < 0 ? simple.length : end + stop);
}

/** The signs above that already name an action of the kind (a link and "登入我行网站" are one request). */
const SAME_ACTION: Record<ActionKind, string[]> = {
  link: ['link', 'website', 'lookalike_domain'], site: ['link', 'website', 'lookalike_domain'], call: ['callback'], contact: ['add_contact'],
  transfer: ['transfer_request', 'third_party_card'], code: ['transfer_request'], app: ['download_app'], qr: [], fee: ['fee'], card: [], follow: [],
};

/** A one-time code the text carries ("验证码为【 123456 】"), and the secrets that are never asked back (session 14). */
const CODE_DELIVERED = /(?:验证码|动态码|校验码)(?:为|是)[:：]?\s*[【\[(（]?\s*\d{4,8}/;
const ONE_TIME_CODE = /验证码|动态码|校验码/;
const CODE_TO_PERSON = /来电|工作人员|客服人员|专员|对方|他人|给我/;
const OTHER_SECRET = /密码|卡号/;

/** Whether two quotes of the original text are the same words or overlap in place. */
function overlaps(original: string, a: string, b: string): boolean {
  if (a.includes(b) || b.includes(a)) return true;
  const i = original.indexOf(a), j = original.indexOf(b);
  return i >= 0 && j >= 0 && i < j + b.length && j < i + a.length;
}

/** The warning signs in a text, each with the words that triggered it (the first occurrence that is not a warning). */
/**
 * Session 16 (docs/intel.md, "False-alarm kinds on unseen and constructed ordinary texts"): signs read on the reader's own side.
 * - transfer_request (and the moves' transfer action): money moved INTO the reader's own account (您的/您指定的/您名下的 账户, 卡)
 *   and said as done (已/已经 right before the verb: "本金及利息已转入您的活期账户", "理赔款已转入您指定的银行账户") is a receipt,
 *   not money asked for. With an ask in its clause (请/需/要/必须/立即…), or not said as done ("将192万元的诈骗所得转到你名下的
 *   银行卡中", m146), it keeps the sign; the scam's 安全账户 is its own word.
 * - secrecy: "别告诉别人/任何人" said of a password or a code just named ("密码是你生日，别告诉别人") is advice to keep a secret, not
 *   to hide something from the family.
 * - fee, prepaid_fee, pension_agency's bare 补缴: a fee whose own sentence sends the payment to the institution's counter or its own
 *   official channel (住院部收费处, 住院处结算窗口, 营业厅, 公众号, 官方App…), in a text that gives no way off that channel, is a bill (a
 *   hospital's 预交金 or 补缴, a utility's arrears), not a fee pressed off the channel. A fee to a person, a card, a link or a WeChat
 *   keeps the sign, and so does a fee no office charges (解冻费, 认证费, 手续费, 保证金…) wherever it is to be paid, and 补缴 of a
 *   pension through an agent (代缴, 内部指标: the sign's other words).
 * - relative_money: money the speaker offers ("爸，…这几天要用钱跟我说，我给你转") is not money asked for.
 * - high_return: a return named to say it is not certain ("业绩比较基准不等于实际收益率", "分红是不确定的，…不代表以后") is the
 *   lawful disclosure, not a promise.
 * - house_mortgage: a text that names the lawful product (住房反向抵押养老保险) and its insurer describes it ("俗称以房养老，是由保险
 *   公司经营的正规业务，老人可将房产抵押给保险公司…"); a pledge to a company, a lender or a person keeps the sign.
 */
const INTO_OWN_DEST = /^(?:您|你)(?:的|本人|名下|指定|预留|绑定)/;
const ASK_IN_CLAUSE = /请|需要?|要|必须|立即|马上|尽快|务必/;
const SECRET_NAMED = /密码|验证码|口令|动态码/;
const TELL_NO_ONE = /^(?:不要|别|不能)告诉(?:别人|任何人|外人|其他人|他人)/;
const PAID_AT_COUNTER = new RegExp(`${OFFICIAL_CHANNEL.source}|收费处|收费窗口|住院处|住院部|财务室|官方app|医院app`, 'i');
/** Fees no office charges (解冻费, 认证费…, 手续费, 保证金, 工本费): a sign wherever they are to be paid ("需缴纳解冻费,详情请到社保服务大厅"). */
const NO_OFFICE_CHARGES = /认证费|激活费|解冻费|验证费|审核费|手续费|保证金|工本费/;
const NOT_CERTAIN = /不等于|不代表|不确定|不保证|不承诺|不保本|非保本|不再保本|有涨有跌|可能亏损|亏损的?风险/;
const LAWFUL_HOME_PLEDGE = /反向抵押/;
const sentenceAround = (simple: string, start: number) => {
  const stop = simple.slice(start).search(/[。；！？\n]/);
  return simple.slice(sentenceStart(simple, start), stop < 0 ? simple.length : start + stop);
};
/** Money the speaker offers the reader ("这几天要用钱跟我说，我给你转"), read right after a relative_money match. */
const MONEY_OFFERED = /^[^。]{0,4}(?:跟我说|和我说|告诉我|找我)|^[^。]{0,8}我(?:给|帮)(?:你|您)(?:转|打|汇|出)/;
const OWN_SIDE: Record<string, (simple: string, word: string, start: number, end: number) => boolean> = {
  transfer_request: (simple, word, start) => intoOwnAccount(simple, word, start),
  secrecy: (simple, _word, start) => TELL_NO_ONE.test(simple.slice(start)) && SECRET_NAMED.test(simple.slice(Math.max(0, start - 16), start)),
  fee: (simple, word, start) => !NO_OFFICE_CHARGES.test(word) && PAID_AT_COUNTER.test(sentenceAround(simple, start)) && paidOnlyThere(simple),
  prepaid_fee: (simple, _word, start) => PAID_AT_COUNTER.test(sentenceAround(simple, start)) && paidOnlyThere(simple),
  pension_agency: (simple, word, start) => word === '补缴' && PAID_AT_COUNTER.test(sentenceAround(simple, start)) && paidOnlyThere(simple),
  relative_money: (simple, _word, _start, end) => MONEY_OFFERED.test(simple.slice(end, end + 16)),
  high_return: (simple, _word, start, end) => NOT_CERTAIN.test(simple.slice(sentenceStart(simple, start), end + Math.max(0, simple.slice(end).search(/[。；！？\n]|$/)))),
  house_mortgage: (simple) => LAWFUL_HOME_PLEDGE.test(simple) && /保险公司/.test(simple),
};
function intoOwnAccount(simple: string, word: string, start: number): boolean {
  // The verb and where the money goes, a sum or a fee allowed between them ("已转3000元到您的银行卡").
  const m = /(?:打|汇|转|交|存)[^到进入至，。；]{0,12}?(?:到|进|入|至)/.exec(word);
  if (!m) return false;
  const at = m.index, destAt = start + m.index + m[0].length;
  const dest = simple.slice(destAt, destAt + 22);
  const from = Math.max(...['，', ',', '。', '；', '！', '？', '\n'].map((c) => simple.lastIndexOf(c, start - 1))) + 1;
  const before = simple.slice(from, start + at);
  if (ASK_IN_CLAUSE.test(before)) return false;
  return (INTO_OWN_DEST.test(dest) && DONE_BEFORE.test(before)) || READER_KEEPS.test(dest);
}
/**
 * Session 16 (independent constructed set): money paid into an account only the reader holds — one the reader designated or
 * gave (您指定的, 您预留的, 您本人的), or the reader's 社保卡, 医保卡, 存折 or own card said plainly ("高龄补贴…打到您社保卡上",
 * "满期金…将于到期日转入您指定的银行账户", "尊老金…直接打到社保卡上") — is a payout announced, said as done or not. 名下 ("转到你名下
 * 的银行卡", m146) is the fake police's word and is not read so; an ask in the clause keeps the sign.
 */
const READER_KEEPS = /^(?:(?:您|你)(?:本人)?(?:指定|预留|绑定|填报|登记|提供)的|(?:您|你)(?:本人)?的?(?:社保卡|社会保障卡|医保卡|存折|卡上|卡里)|(?:社保卡|社会保障卡|医保卡|养老金账户|一卡通))/;
/** Said as done: 已/已经/均已 (已于12月10日) right before the verb. "将…转到你名下的银行卡" (m146: a fake police call's criminal money) is not. */
const DONE_BEFORE = /(?:已|已经|均已)(?:于[^，。；]{0,14})?$/;
/** A text that offers no way to pay or act off the institution's channel (no link, site, number, contact, app or code to scan). */
function paidOnlyThere(simple: string): boolean {
  const r = readable(simple, simple);
  // Review (after the held-out reading): money sent to a person's or a given account ("或转账到工作人员个人账户6222…") is a way
  // off the counter too; a bare 转账 (a hospital's "可通过银行转账缴纳") names no account and is not.
  return !offChannelActions(r, warningFrame(simple)).some((a) => (WAYS_OFF.includes(a.kind) || (a.kind === 'transfer' && ACCOUNT_GIVEN.test(simple.slice(a.start, a.end + 24)))) && !onOfficialChannel(simple, a));
}
const ACCOUNT_GIVEN = /个人|私人|\d{6}|指定|这个|以下|下列/;
/** A card the reader already gave ("退至您填报的银行卡", "发放到您登记的银行卡"): where the money goes, not a card asked for. */
const CARD_GIVEN = /^(?:凭|提供|登记|报上?)的/;

export function findRedFlags(text: string, r: Reading = readable(text), frame = warningFrame(r.simple), moves: Moves | null = findMoves(r, frame)): Sign[] {
  const simple = r.simple;
  const out: Sign[] = [];
  const topup = TOPUP.test(simple);
  // A charge notice that sends you to the institution's own channel (95588, 10086, 网点, 营业厅) is what real banks and
  // operators send ("…年费将于下月从您的卡中扣除,如需核实…请拨打95555", "已为您开通了…如需取消,请发送…到10086"); the
  // scam has you verify or cancel with the sender (m204's 400 number, m217's caller). Review, session 13.
  // So is a cancel code replied to the sender's own service number ("如需取消请回复TD"): how operators' subscriptions
  // are ended, where the scam wants a call, a chat or a screen share.
  const officialCharge = OFFICIAL_CHANNEL.test(simple) || REPLY_CODE.test(simple);
  // A code the text itself delivers, from a sender that names only its own channel, asked back to confirm the reader's
  // own order ("本次办理的随机验证码为【123456】…请确认…后提供随机验证码办理", o657): the code's own sender, not a scam
  // wanting someone else's code. A text that asks for a code it does not carry, gives a way off the channel or has it told to a
  // person (a caller, a clerk: the scam's use of a real code), keeps the sign.
  const ownCode = CODE_DELIVERED.test(simple) && !CODE_TO_PERSON.test(simple) && onlyOfficialWay(simple, offChannelActions(r, frame));
  for (const f of RED_FLAGS) {
    if (f.code === 'unrequested_charge' && officialCharge) continue;
    const skip = topup && (f.code === 'prepaid_fee' || f.code === 'free_bait') ? (w: string) => TOPUP_WORDS.has(w) : f.code === 'transfer_request' && ownCode ? (w: string) => ONE_TIME_CODE.test(w) && !OTHER_SECRET.test(w) : f.code === 'link' ? officialLink : f.code === 'website' ? (w: string) => OFFICIAL_PLACE.test(w) : undefined;
    const own = OWN_SIDE[f.code];
    const quote = firstAffirmed(r, f.pattern, true, frame, own ? (w, a, b) => (skip?.(w) ?? false) || own(simple, w, a, b) : skip);
    if (quote && f.code === 'unrequested_charge' && !answeredToSender(r, frame, quote)) continue;
    if (quote) out.push({ code: f.code, label: f.label, quote, explain: f.explain, weight: f.weight });
  }
  // A number to call is in many real notices; only beside a windfall or an unknown charge is it a sign.
  if (out.some((f) => f.code === 'windfall' || f.code === 'fake_charge' || f.code === 'unrequested_charge')) {
    const quote = firstAffirmed(r, CALLBACK) ?? firstAffirmed(r, CALLBACK_NUMBER);
    if (quote) out.push({ code: 'callback', label: '留了电话让您回拨', quote, explain: '短信里说有好处可领或有笔扣款，再留个电话让您打过去——接电话的就是骗子，会一步步让您说出卡号、密码，或到 ATM 机上“操作”。要核实，请打官方客服电话。', weight: 1 });
  }
  // A web address that borrows an institution's name or number (session 12).
  for (const m of affirmedMatches(r, LINK_ACTION.pattern, frame)) {
    const brand = lookalikeLink(m.quote);
    if (!brand) continue;
    // The address itself, without the words a message runs on with ("http://10086pyzxa.com领取,逾期…").
    const quote = m.quote.match(/^[!-~]+/)![0].replace(/[,.;:!?)]+$/, '');
    out.push({ code: 'lookalike_domain', label: '网址冒充官方', quote, explain: `这个网址里有“${brand}”，看着像官方的，其实不是官方网址。骗子用这种假网站骗银行卡号、密码和验证码。请自己打开官方App，或拨打官方客服电话。`, weight: 3 });
    break;
  }
  // The two moves of a scam message (session 12), each shown once: a move already quoted by a sign above is not repeated.
  if (moves) {
    const p = PRETEXT_SIGNS[moves.pretext.kind];
    if (!out.some((s) => overlaps(text, s.quote, moves.pretext.quote))) out.push({ code: `pretext_${moves.pretext.kind}`, label: p.label, quote: moves.pretext.quote, explain: p.explain, weight: 2 });
    const same = SAME_ACTION[moves.action.kind];
    if (!out.some((s) => same.includes(s.code) || overlaps(text, s.quote, moves.action.quote))) out.push({ code: 'off_channel', label: moves.action.label, quote: moves.action.quote, explain: OFF_CHANNEL_EXPLAIN, weight: 2 });
  }
  return out;
}

/**
 * Session 14: the charge is the scam's opener only when the answer goes back to the sender — a question put to the reader
 * ("请问您要保留还是取消这项业务?", m217: the caller is the channel) or a way off the official channel the text gives (m204's
 * "如有疑问请咨询4008121556", a link, a WeChat to add). A notice that reports a service opened or a charge and says "如需取消"
 * with no number, link or contact ("已为您开通了…业务,月费15元,如需取消请及时办理") asks nothing of the sender: real operators
 * and banks send it, and the reader cancels where they always do (review, session 13).
 */
const ASKED_IN_QUOTE = new RegExp(ASK_KEEP_OR_CANCEL);
const ASKED_AFTER = /^[^，。；,;！!]{0,10}[吗？?]/;
function answeredToSender(r: Reading, frame: boolean, quote: string): boolean {
  if (ASKED_IN_QUOTE.test(quote)) return true;
  const at = r.simple.indexOf(toSimplified(quote));
  if (at >= 0 && ASKED_AFTER.test(r.simple.slice(at + quote.length))) return true;
  return offChannelActions(r, frame).some((a) => a.kind !== 'fee' && !onOfficialChannel(r.simple, a));
}

// Signs that on their own are enough to call a pitch dangerous.
const DECISIVE = new Set(['lookalike_domain', 'relative_money', 'guaranteed', 'secrecy', 'house_mortgage', 'transfer_request', 'new_number', 'fake_charge', 'relative_urgent', 'task_lure', 'third_party_card', 'accused', 'relative_trouble', 'task_commission', 'unrequested_charge', 'show_prize']);
/** Signs that say only that something will stop or be frozen (session 12: with the official channel named, real notices say it too). */
const STOP_SIGNS = new Set(['account_stopped', 'threat']);
// The signs of the common scam message ("逾期将停发养老金，点击链接，缴纳手续费"). One alone can be in a
// real notice (社保 does warn that an unverified pension stops); two together are the scam.
const MESSAGE_SIGNS = new Set(['lookalike_domain', 'pretext_problem', 'pretext_lure', 'pretext_trouble', 'off_channel', 'link', 'threat', 'fee', 'account_stopped', 'website', 'windfall', 'fake_charge', 'callback', 'fake_service', 'robocall', 'auto_charge', 'flight_change', 'parcel_claim', 'add_contact', 'cancel_service', 'download_app', 'unrequested_charge', 'show_prize']);

/**
 * The six-type reading of docs/intel.md's labelling guide, in its order: the first rule that fits wins
 * (the home pledged → 以房养老; pension or retirement arranged for a fee → 养老保险; a payout that
 * first costs a fee → 养老帮扶; goods → 养老产品; promised returns → 养老项目; prepaid care → 养老服务).
 * Each cue adds a bonus to its type, larger for earlier rules, on top of the lexicon and the model.
 *
 * A cue is the scheme's core — what the elder paid for or handed over — not a word that merely occurs
 * (session 10): an earlier type's bonus outweighs a later one's, so a loose cue lets a passing mention
 * (a care home's residents "吃药", a warning that lists "以房养老" among the kinds of scam, a pension
 * paid "用养老保险金") take the type from the scheme the text describes. So: 养老产品 needs goods named
 * beside a sale or a price (a claim of cure alone — 抗癌, 疗效 — is said of treatments and services too);
 * 养老保险 needs the insurance arranged or paid for, not just named; the home and its pledge may lie
 * further apart in one sentence ("有房产的老年人…签订借款协议和抵押合同"); "本息" is a return; collectibles
 * sold with a return promised are 养老项目. `why` is the plain reason shown with the type.
 */
interface Cue { code: FraudType; core: (t: string) => string | null; bonus: number; why: string }
const first = (re: RegExp) => (t: string) => t.match(re)?.[0] ?? null;

/** Goods (the thing bought) — not a claim about health, which treatments and care services make too. */
const GOODS = /保健(?:品|食品|产品|酒|茶)|营养(?:品|液)|(?:神|特效|假|祖传|抗癌|中成|灵|御用神)药|药(?:品|物|丸|酒|材)|[a-z]药|(?:买|卖|购|售|推销|兜售|开)[^，。；！？]{0,4}药|胶囊|口服液|(?:减肥|理疗|养生)(?:产品|套餐)|理疗(?:仪|床|椅|器|设备)|治疗仪|电位|仪器|机器|床垫|奶粉|纪念章/g;
/** A sale or a price near the goods: they were sold to the elder. */
const SALE = /卖|售|推销|兜售|购买|购入|买|订购|花费?了?[^，。；！？]{0,8}元|[\d.,]+\s*(?:多|余)?[万千百]?元|[一二两三四五六七八九十百千万]+(?:多|余)?[万千百]?元/;
/**
 * A price per package (session 13): "2000多元一盒", "380元/盒", "1.38万元/条", "每瓶198元" — what is counted in boxes,
 * bottles, pills or pieces is goods, and a price put on each is their sale, whatever the goods are called (熊胆粉,
 * 养生项链). Courses and sessions (疗程, 次) are services and not counted.
 */
const GOODS_ONE = new RegExp(GOODS.source);
const PER_PACKAGE = /(?:\d[\d.,]*|[一二两三四五六七八九十百千]+)(?:多|余)?[万千百]?元\s*(?:\/|一|每)\s*(?:盒|瓶|粒|袋|罐|支|条|台|件|包|丸)|(?:每|一)(?:盒|瓶|粒|袋|罐|支|包)[^，。；！？]{0,4}(?:\d[\d.,]*|[一二两三四五六七八九十百千]+)(?:多|余)?[万千百]?元/;
/**
 * Session 16 (second independent set): goods handed out free ("还送了几盒营养品", "赠送米、油、保健品", "免费领保健品") are the
 * bait of a sale of something else (the lexicon's free_bait), not goods sold — the guide's rule 5 names goods *sold*. Read
 * from the gift word just before the goods; goods both given and sold ("买三盒送一盒保健品": a purchase word in the ten
 * characters before) are still sold.
 */
const GIVEN_FREE = /(?:送|赠送|赠|免费领取?|免费发放?|发放|领)了?(?:[一二两三四五六七八九十几\d]+(?:盒|瓶|袋|包|箱|罐))?[^，。；！？卖售买购]{0,4}$/;
function goodsNamedSold(t: string): string | null {
  for (const m of t.matchAll(GOODS)) {
    const before = t.slice(Math.max(0, m.index - 10), m.index);
    if (GIVEN_FREE.test(before) && !/[买卖售购]/.test(before)) continue;
    const around = t.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40);
    if (SALE.test(around)) return m[0];
  }
  return null;
}
/**
 * Session 16 (docs/intel.md, "An independent constructed set for the six types"): goods elders are sold that the lists
 * did not name — aids (助听器, 老花镜, 轮椅), beds and chairs (护理床, 按摩椅), home-safety goods (扶手, 防滑垫, 报警器) — and a
 * sale of "产品" or "商品" by name (推销…等产品, not a 养老/理财/金融 "产品" contract, which is a wrapper of a return). Type only:
 * the level reads goodsNamedSold as before.
 */
const AID_GOODS = /助听器|老花镜|轮椅|(?:护理|电动|按摩|磁疗|保健)床|按摩椅|扶手|防滑垫|报警器/;
const GOODS_BY_NAME = /(?:推销|兜售|销售|售卖|出售)[^，。；]{0,20}(?<!养老|理财|金融|投资|保险|分红型)(?:产品|商品)/;
function aidGoodsSold(t: string): string | null {
  const m = AID_GOODS.exec(t);
  if (m && SALE.test(t.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40))) return m[0];
  return t.match(GOODS_BY_NAME)?.[0] ?? null;
}
const goodsSold = (t: string) => goodsNamedSold(t) ?? t.match(PER_PACKAGE)?.[0] ?? aidGoodsSold(t);

/** The 养老服务 cue as the level reads it (session 14 added the cards of PREPAID_CARD to the type's cue only). */
const SERVICE_BEFORE = /床位|会员卡|养老服务|预付|预订|预定|入住|养老院|养老公寓|(?:足疗|美容|疗程|理疗|养生|护理)卡/;
/** What the elder paid for when it is a card or sessions paid ahead (session 14; the service cue and rankTypes). */
const SESSION_CARD = '(?:会员|储值|预付|足疗|美容|疗程|理疗|养生|护理|艾灸|按摩|推拿|保健)(?:年|月|季|次)?卡';
/**
 * Session 16 (independent set): care paid ahead by other words — 预交 or 预存 a fee (预交两年的护理费, 预交两年费用 for a 陪诊
 * service), and the care itself when it is not a bed (陪诊, 陪护, 助浴). Type only (the cue and the type's lexicon share).
 */
const CARE_AHEAD = '预交|预存|陪诊|陪护|助浴';
/**
 * Session 16, the guide's 疗程卡 decision without the card (docs/intel.md, "Twelfth collection (session 16): cases"): a course
 * of treatment priced and paid for — "大单一疗程58500元" (c138), "每个疗程3980元", "疗程费" — is sessions of care bought ahead,
 * as a 疗程卡 is. Read as the code stood before its collection and ever since, c138 (细胞回输, no goods) went to 养老产品 on
 * its bait (讲座, 免费健康检查, 防癌抗癌). Goods sold beside the course ("花费1980元购买一个疗程…收到20盒药", c142) keep
 * 养老产品 through the guards of cardNoGoods, which this joins; a course counted in pills or boxes is not priced as a course.
 */
const TREATMENT_COURSE = '(?:[一每两三四五六七八九十\\d]+个?疗程[^，。；]{0,6}?\\d[\\d.,]*(?:多|余)?万?元|\\d[\\d.,]*(?:多|余)?万?元[^，。；]{0,4}?[一每]个?疗程|疗程费)';
const PREPAID_CARD = new RegExp(`${SESSION_CARD}|预付|预存|充值|${TREATMENT_COURSE}`);
/**
 * Session 16: meals for elders (助餐点, 老年餐, 长者饭堂, 老年食堂) are care paid for like a bed or a home-care visit — the
 * guide's rule 7 ("money paid for future care") names the care, not the building. A 助餐点 taking elders' 预存餐费 and closing
 * was read with no type at all (constructions; no dev case has it). Type choice only: the level reads SERVICE_BEFORE as before.
 */
const ELDER_MEALS = '助餐|老年餐|长者饭堂|老年(?:人)?食堂|老年饭桌';
/** A card, membership or top-up as a shop sells them (session 15: beside goods sold, not a service bought). */
const CARD_OF_SHOP = new RegExp(`${PREPAID_CARD.source}|会员|入会|办卡`, 'g');
/** The 养老项目 cue's words; `kept` names the deposit kept (保本, 零风险), which session 14 took out of the type's cue only. */
const projectWords = (kept: string) => `利息|付息|本息|高息|高利(?!贷)|分红|返利|年化|收益|高价回[购收]|回购|拍卖|升值|增值|翻[一两几好]?[倍番]|${INVEST}|高额回报|高回报|${kept}(?:床位|消费)补贴|返还?[^，。；]{0,6}补贴`;
/** The 养老项目 cue as the level reads it (with the deposit kept). */
const PROJECT_BEFORE = new RegExp(projectWords('零风险|保本|'));

/** The 养老帮扶 cue's payout by name: a subsidy (session 15: with a return promised on money paid in, it is that return). */
const SUBSIDY = /补贴|补助|津贴/g;
/**
 * A subsidy named as the scheme's pretext ("以发放高龄补贴为名，要求老人缴纳500元激活费，并承诺每年返还本金和补贴"): the guide's
 * rule 4 (a fake payout that first costs a fee), which comes before rule 6 — not the return of an investment (review, session 15).
 */
const SUBSIDY_PRETEXT = /以[^，。；]{0,10}(?:补贴|补助)[^，。；]{0,4}(?:为名|名义|为由|幌子)/;

/** The 以房养老 cue as the level reads it. */
const HOUSE_BEFORE = /(?:房产|房子|房屋|房本|住房)[^。；！？]{0,40}(?:抵押|过户|买卖合同|委托|抵给)|(?:抵押|过户)[^。；]{0,8}(?:房产|房子|房屋|住房)|以房养老/;
/**
 * Session 16 (independent set): the home handed over by other words — its deed pledged ("把房产证押给主办方"), the home put
 * in the scheme's "托管" ("养老房产托管"), and Hong Kong / Taiwan's 自住物业 as the thing mortgaged ("以自住物業作抵押").
 * The guide's rule 2: the home pledged, sold or entrusted decides, whatever return is promised. Type only.
 */
const HOUSE_PLEDGED = new RegExp(`${HOUSE_BEFORE.source.replace('抵给)', '抵给|押给|押在|托管)')}|自住物业|物业作?抵押`);
/** The 养老保险 cue as the level reads it; the type's cue adds 工龄 bought (买断工龄, session 16). */
const INSURANCE_BEFORE = /办(?:理)?(?:提前|正式)?退休|办病退|病退|挂靠|补缴|代缴|代办社保|办(?:理)?社保|(?:代办|办理?|补缴|补交|缴纳|交|买|参保)[^，。；]{0,6}养老保险|养老保险[^，。；]{0,6}(?:补缴|代缴|挂靠|指标|名额)|养老金资格|(?:人脸识别|资格)认证|停发(?:养老金|退休金)|开得多/;
/** The 养老帮扶 cue as the level reads it; the type's cue adds 津贴 (补贴's twin) and 补发…工资 apart (session 16). */
const ASSISTANCE_BEFORE = /(?<!消费|床位|返还?[^，。；]{0,6})补贴(?!卡)|补助|慰问金|扶贫|脱贫|民族资产|资产解冻|慈善|救助|补发工资|保障金|爱心助老|惠民/;
/**
 * Session 16 (independent set), the guide's own decision "民族资产解冻, 慈善富民, 扶贫基金… → 养老帮扶, even when it is dressed as
 * an investment": a relief scheme named by its own words (not a bare 补贴, which session 15 reads as the return it is when a
 * return is promised) makes the promised 分红 or 回报 the dressing of the payout — rule 4 before rule 6.
 */
const RELIEF_SCHEME = /民族资产|资产解冻|扶贫|脱贫|慈善|救助|保障金|爱心助老/;
/**
 * Session 16 (independent set), the guide's rule 5 "goods wrapped in an official-sounding 'organisation pays the rest'": a
 * 补贴 deducted from the price of goods sold, or the goods' price paid in part by "the state", is how the goods were sold,
 * not a payout — 养老产品, not 养老帮扶.
 */
const SUBSIDY_OFF_PRICE = /(?:抵扣|冲抵|抵)[^，。；]{0,2}(?:货款|价款|售价)|只需自付|(?:其余|剩下|差价)[^，。；]{0,6}(?:承担|报销|补贴|支付)/;

const CUES: Cue[] = [
  {
    code: 'house_for_pension', bonus: 1.2, why: '涉及把老人的房子抵押、过户或“委托”出去',
    // The home and the pledge in one sentence (a long span is quoted by its end: "…借款协议和抵押").
    core: (t) => {
      const m = first(HOUSE_PLEDGED)(t);
      return m && m.length > 20 ? m.slice(-8) : m;
    },
  },
  {
    code: 'pension_insurance', bonus: 1.0, why: '说能花钱代办养老保险、退休或养老金',
    core: first(new RegExp(`${INSURANCE_BEFORE.source}|买断?工龄`)),
  },
  {
    code: 'elderly_assistance', bonus: 0.8, why: '说有补贴、救助之类的钱可领',
    core: first(new RegExp(`${ASSISTANCE_BEFORE.source}|(?<!消费|床位|返还?[^，。；]{0,6})津贴|补发[^，。；]{0,8}工资`)),
  },
  { code: 'elderly_product', bonus: 0.6, why: '花钱买的是保健品、药、仪器之类的商品', core: goodsSold },
  {
    code: 'elderly_project', bonus: 0.4, why: '交钱是冲着利息、分红、返利或回购这类回报',
    // Session 14: 保本 and 零风险 alone are the deposit kept, not a return (RETURN_PROMISE); the level reads them as before.
    core: first(new RegExp(projectWords(''))),
  },
  {
    code: 'elderly_service', bonus: 0.2, why: '交钱是预订养老院床位、会员卡或以后的服务',
    // Session 14: any card for sessions paid ahead (艾灸卡, 按摩卡, 储值卡…) is what was bought; the level reads the list before.
    core: first(new RegExp(`${SERVICE_BEFORE.source}|${SESSION_CARD}|${TREATMENT_COURSE}|${ELDER_MEALS}|${CARE_AHEAD}`)),
  },
];

/** The cues of 以房养老, 养老保险 and 养老帮扶 as the level reads them (session 16's additions decide the type only). */
const LEVEL_CUE: Record<string, RegExp> = { house_for_pension: HOUSE_BEFORE, pension_insurance: INSURANCE_BEFORE, elderly_assistance: ASSISTANCE_BEFORE };

const ASSISTANCE_CUE = CUES.find((c) => c.code === 'elderly_assistance')!;

/**
 * The scheme's core found for each type (the quote the cue rests on), in the guide's order — for the
 * readable reason and for tests. Works on simplified text (as `judge` does).
 */
export function typeCues(input: string): { code: FraudType; quote: string; why: string }[] {
  const text = typeText(toSimplified(input));
  const collectible = !RESALE.test(text) && !returnPromised(text) ? text.match(COLLECTIBLE)?.[0] ?? null : null;
  return CUES.flatMap((c) => {
    const quote = c.core(text) ?? (c.code === 'elderly_product' ? collectible : null) ?? (c.code === 'elderly_project' ? returnPromised(text) : null);
    return quote ? [{ code: c.code, quote, why: c.why }] : [];
  });
}

/**
 * A resale for the elder (session 13): besides 拍卖, 回购 and 升值, the seller's promise to sell the goods on for the
 * elder — "帮忙把这些收藏品卖出去", 代售, 寄售, 寄卖 — is the same promised return (the guide: "a promise to resell them
 * for the elder → 养老项目"). The elder trying to sell them later ("准备将这批藏品出手") is no promise and not read.
 */
const RESELL_FOR = '帮(?:忙|您|你|他|她|老人)?[^，。；！？房]{0,10}卖出去|代(?:为)?(?:售|卖)|寄(?:售|卖)|寄存代售';
/**
 * A promised return (interest, dividends, a yearly payout, buy-back): by the guide it, not the wrapper
 * (bed, membership, care contract), makes a case 养老项目. The refund of the deposit or a discount is
 * not a return. When it is there, the 养老项目 cue counts double and the wrapper's 养老服务 cue gives no bonus.
 * Session 13: the scammers' own gains ("牟取高额收益", "非法获取收益") are no return promised to the elder.
 * `returnWords` takes the word for gains, so the level can read the list as it did before that guard (RETURN_BEFORE).
 */
const returnWords = (gain: string, kept = '零风险|保本|') => `利息|付息|本息|高息|高利(?!贷)|分红|返利|年化|${gain}|高价回[购收]|回购|高额回报|高回报|${kept}升值|增值|翻[一两几好]?[倍番]|(?:床位|消费)补贴|返还?[^，。；]{0,6}(?:福利|补贴|利)|返点|(?:每年|每月|按月|按年|定期)再?返`;
/**
 * Session 14 (docs/intel.md, "Type errors on unseen cases"): read as the code stood before each collection, 项目 cases
 * were read 养老服务 in three collections of five (c026, c029, c030, c044, c104) — the care home's words outweighed a
 * return worded otherwise, and the same happens today to a return the list did not know. So the list names a return
 * in all its usual words: interest by its period (年息, 月息, 日息), 红利, 保息, a 回报 that is a rate or
 * is fixed (回报率, 固定回报, 稳定回报, 丰厚回报, 投资回报 — not a bare 回报, as in "回报社会"), 资金占用费, and a percentage
 * paid as 利润, 回报 or 红利. And by the guide's rule 7 "the refund of the deposit" is no return: 保本 and 零风险 say the
 * money is kept, not that it earns, so alone they are the deposit's refund (with 保息, 付息 or 高息 the case has its
 * return anyway). These words decide the type only: the level reads the list as before (RETURN_BEFORE, PROJECT_BEFORE).
 * Not 年利率/利率: it is as often the rate on a loan the victim is told to fix (m106, 京东金条) as a return.
 */
const RETURN_MORE = '(?<!老)年息|月息|日息|红利|保息|回报率|(?:固定|稳定|丰厚|投资|(?<!老)年|月)回报|回报丰厚|资金占用费|\\d+(?:\\.\\d+)?[%％]的?(?:利润|回报|红利)';
const RETURN_PROMISE = new RegExp(`${returnWords('(?<!(?:牟取|谋取|获取|赚取|骗取|非法获)[^，。；]{0,2})收益', '')}|${RETURN_MORE}|${RESELL_FOR}`);
/**
 * Session 14: a payout at fixed periods ("每月可领取500元", "每个季度能够领取…补贴", "每年返还…福利") on money whose
 * principal is to come back (本金, 全额返还, 到期退还) is interest on a deposit, however it is named — 补贴, 福利 or even
 * "养老金" (c030, c104 and c168 were read 养老服务 or 养老帮扶 before the words of their payout were listed). A relief
 * payout promised for a fee has no principal to come back.
 */
const PERIODIC_PAYOUT = /(?:每个?月|每个?季度?|每年|按月|按季|按年)[^，。；]{0,12}(?:领取?|发放?|返还?|给付|可得|拿到?|获得)[^，。；]{0,12}(?:补贴|福利|养老金|生活费|元)/;
const PRINCIPAL_BACK = /本金|还本|返本|(?:全额|如数|到期)[^，。；]{0,4}(?:返还|退还|退回)/;
/**
 * Session 16 (docs/intel.md, "Twelfth collection (session 16): cases", the study of type errors on unseen readings): the
 * confusion that recurs most across collections read by the code before them is 养老项目 read 养老服务 (c026, c029, c030,
 * c044, c104 — three data commits): the return was worded in a way the lists did not know. Today a care home's membership or
 * deposit with a rate paid per period — "每年按10%发放孝心金", "每年可拿8%的分成", "每年再返还会员费的6%作为旅游补贴" — was
 * still read 养老服务 (or 养老帮扶): a percentage paid out at fixed periods on the money paid in is interest, whatever the payout
 * is called (the guide's rule 6). Not a rate the elder pays (支付, 收取, 违约金, 手续费), a discount (折, 优惠), a pension's rise
 * (养老金…涨/增/提高) or a share of the principal paid back (本金的10%: the refund of the deposit, rule 7).
 */
const RATE_GAP = '(?:(?!养老金|本金|涨|增|提高|违约|手续|利率|优惠)[^，。；]){0,8}?';
const PERIODIC_RATE = new RegExp(`(?:每个?[年月]|每季度?|按[年月季])${RATE_GAP}(?:发放?|返还?|领取?|可拿|拿到?|分得?|获得|得到)${RATE_GAP}\\d+(?:\\.\\d+)?[%％]|(?:每个?[年月]|每季度?|按[年月季])按?\\d+(?:\\.\\d+)?[%％]${RATE_GAP}(?:发放?|返还?|领取?|拿|分)`);
/** The return promised to the elder (the quote), or null — what makes a case 养老项目 by the guide's rule 6. */
const returnPromised = (t: string): string | null => t.match(RETURN_PROMISE)?.[0] ?? t.match(PERIODIC_RATE)?.[0] ?? (PRINCIPAL_BACK.test(t) ? t.match(PERIODIC_PAYOUT)?.[0] ?? null : null);

/**
 * How the model's probability is combined with the rules' reading (the only place these numbers live).
 * `npm run train:intel` chooses them by 5-fold cross-validation on the dev split (false alarms on dev
 * ordinary messages at most 1 %, then the most fraud texts flagged) and ships them with the weights in
 * data/model.json; a model file without them, or the rules alone, gets the defaults below, which are
 * the hand-set values used before calibration.
 */
export interface Calibration {
  /** Rules at none: the model alone flags (medium) at p ≥ this. */
  medium: number;
  /** Rules at low (one sign that alone is not enough): flagged at p ≥ this. */
  lowMedium: number;
  /** A word of harm done and p ≥ this: flagged. */
  harm: number;
  /** Rules at medium: below this the model disagrees and the verdict is unsure. */
  keep: number;
  /** Rules at medium and p ≥ this: high. */
  confirm: number;
  /** Rules at low: unsure at p ≥ this (not flagged). */
  unsure: number;
  /** Rules at none: unsure at p ≥ this (not flagged). */
  unsureNone: number;
  /**
   * The model's six-type guess counts only when its top type has p ≥ this or is the rules' own top type;
   * otherwise the rules' type stands, and with no six-type words at all the text is 其他诈骗 (no type).
   */
  typeConfident: number;
}
export const DEFAULT_CALIBRATION: Calibration = { medium: 0.85, lowMedium: 0.85, harm: 0.5, keep: 0.25, confirm: 0.75, unsure: 0.75, unsureNone: 0.7, typeConfident: 0 };

/**
 * Collectibles, sold as worth keeping: 养老产品 by the guide unless a resale, buy-back or auction is promised (then 养老项目).
 * Session 13: jade and jewellery (翡翠, 玉石, 珠宝, 首饰) are sold to elders the same way — at many times their worth,
 * as "传世收藏" — and the guide's rule 5 names goods sold at inflated prices, whatever the goods are.
 */
const COLLECTIBLE_WORDS = '收藏品|纪念币|纪念钞|艺术品|字画|邮票|古董|玉器|藏品';
const COLLECTIBLE = new RegExp(`${COLLECTIBLE_WORDS}|翡翠|玉石|珠宝|首饰|玉镯`);
const RESALE_WORDS = '拍卖|回购|回收|升值|增值|变现|转卖|转让';
const RESALE = new RegExp(`${RESALE_WORDS}|${RESELL_FOR}`);
/** The collectibles, resales and returns as the level read them before session 13 (rankTypes: anyCue). */
const COLLECTIBLE_BEFORE = new RegExp(COLLECTIBLE_WORDS);
const RESALE_BEFORE = new RegExp(RESALE_WORDS);
const RETURN_BEFORE = new RegExp(returnWords('收益'));

/**
 * The text the six types are read from: the simplified text without the pinyin that content-mirror sites
 * insert after characters ("養(yǎng)老機(jī)構(gòu)", docs/intel.md), which splits the very words the types rest on.
 * The signs read through the same annotation (readable, above, with PINYIN); quotes keep the text as written.
 * Session 13: also without quotation marks. Reports put the scheme's own words in quotes, and the quote often
 * cuts a phrase in two ("代办“退休”", "以“以房养老”为名", "投资“养老项目”"): the typography says whose words
 * they are, not what was paid for, so the types read through it as through the pinyin.
 */
/** A sale of something other than a card, a service, a bed or a membership (rankTypes). */
const OTHER_SALE = /(?:销售|推销|兜售|售卖|出售|购买|购入|订购|卖给)(?![^，。；]{0,8}(?:卡|服务|床位|会员))/;
/** Goods named, sold or not: the product lexicon's own goods and devices (TYPE_WORDS.elderly_product) and GOODS. */
const GOODS_NAMED = new RegExp(`${TYPE_WORDS.elderly_product[0][0].source}|仪器|床垫|设备|[降治]\\S?仪|${GOODS.source}`);

const QUOTE_MARKS = /[“”‘’"「」『』]/g;
/**
 * Session 16 (independent set): a return denied ("退住时保证金全额退还、不计利息") is no return — the guide's rule 7, "the refund of
 * the deposit". The denial is blanked for the type reading.
 */
const NO_RETURN = /(?:不计|不付|不支付|不含|不给|没有|并无|无)(?:任何)?(?:利息|收益|回报|分红|返利)/g;
/**
 * Session 16 (second independent set): a resale denied ("推销员并未承诺回购", "未作回购承诺", "对方从没说过回收的事") is no
 * promised resale — the guide's "collectibles … without that promise → elderly_product". Only a promise denied (承诺, 说, 提,
 * 许诺, 答应): a buy-back that did not happen ("到期后并未回购", "拒绝回购") is a promise broken and still a return. Blanked for
 * the type reading, as NO_RETURN is.
 */
const NO_RESALE = /(?:未|没|并未|从未|从没|没有|不曾)(?:作出?|做出?|有)?(?:说过?|提过?|承诺过?|许诺过?|答应过?)(?:要|会)?(?:任何)?(?:回购|回收|拍卖|转卖|转售|代售)|(?:未|没|并未|从未|没有)作出?(?:任何)?(?:回购|回收)承诺/g;
export const typeText = (simple: string) =>
  simple.replace(PINYIN, '').replace(QUOTE_MARKS, '').replace(NO_RETURN, (m) => '、'.repeat(m.length)).replace(NO_RESALE, (m) => '、'.repeat(m.length));

/**
 * Session 16 (independent set): words read for the type only (the level reads TYPE_WORDS as before) — a share bought in (股金),
 * care by its name (陪诊, 陪护, 助浴, 预交), 津贴 (补贴's twin), the aids and home-safety goods of AID_GOODS.
 */
const TYPE_EXTRA: Partial<Record<FraudType, [RegExp, number][]>> = {
  elderly_project: [[/股金/g, 3]],
  elderly_service: [[/陪诊|陪护|助浴|预交/g, 2]],
  elderly_assistance: [[/(?<!消费|床位|返还?[^，。；]{0,6})津贴/g, 3]],
  elderly_product: [[new RegExp(AID_GOODS.source, 'g'), 4]],
};
/** Session 16 (independent set): "拦住了", "记住了" — a verb's result 住, not a stay (the lexicon's 住了). Type only. */
const HELD_NOT_STAYED = /[拦抓挡记忍稳止保顶守按扣困愣镇吓卡接捂握揪罩]住了/g;
/**
 * Session 16 (second independent set): an auction house or sale (拍卖会, 拍卖公司, 拍卖行) sells goods — collectibles put up for
 * the elder, the guide's "a fee paid to have one's own collectibles auctioned → elderly_project" — not the home: the lexicon's
 * 拍卖 (a home seized and auctioned) is not read for 以房养老 there. The home's own pledge or sale still makes that cue. Type only.
 */
const GOODS_AUCTION = /拍卖(?:会|公司|行)/g;
const typeWords = (code: FraudType) => [...TYPE_WORDS[code], ...(TYPE_EXTRA[code] ?? [])];

function rankTypes(simple: string, modelTypes: { code: FraudType; p: number }[] | null, typeConfident: number) {
  const text = typeText(simple);
  // Words of weight 1 (登记, 领取, 银行卡, 借款…) are in every report; they support a type that has a word
  // of its own or a cue, and never make one alone.
  // So do the words in SUPPORTING (session 12: the elder's pension named is the money spent, not a fee to arrange it).
  const strong = (re: RegExp, w: number) => w > 1 && !SUPPORTING.has(re);
  const returned = returnPromised(text);
  const returns = returned !== null;
  // By the guide, collectibles sold without a promised resale, buy-back or auction are 养老产品 (with one, 养老项目).
  const collectible = !RESALE.test(text) && !returns ? text.match(COLLECTIBLE)?.[0] ?? null : null;
  // Session 15, the guide's own example for cards ("疗程卡 … → 养老服务; the same shop selling the pills → 养老产品"), the
  // other half of session 14's rule below: when goods are sold to the elder (the 养老产品 cue — goods beside a sale or a
  // price, or collectibles with no resale) and no return is promised, a card, a membership or a top-up in the same text
  // (会员卡, 成为会员, 充值) is how the shop sold them, not a service bought: it is read as not there for 养老服务. A bed, a
  // stay or a care home still counts. Dev 产品 cases with "老人还办理了会员卡。" added were read 养老服务 (5 of 34 by the
  // rules, 6 with the model; session 14's "Left").
  const cardOfGoods = !returns && (goodsSold(text) ?? collectible) !== null && text.search(CARD_OF_SHOP) >= 0;
  const serviceText = (cardOfGoods ? text.replace(CARD_OF_SHOP, '、') : text).replace(HELD_NOT_STAYED, '、');
  const houseText = text.replace(GOODS_AUCTION, '、');
  const readAs = (code: FraudType) => (code === 'elderly_service' ? serviceText : code === 'house_for_pension' ? houseText : text);
  const strongLex = FRAUD_TYPE_CODES.map((code) => typeWords(code).reduce((s, [re, w]) => s + (strong(re, w) ? Math.min(count(readAs(code), re), 3) * w : 0), 0));
  const weakLex = FRAUD_TYPE_CODES.map((code) => typeWords(code).reduce((s, [re, w]) => s + (strong(re, w) ? 0 : Math.min(count(readAs(code), re), 3) * w), 0));
  const cued = FRAUD_TYPE_CODES.map((code) => CUES.find((c) => c.code === code)!.core(readAs(code)) !== null);
  // Session 13, the guide's rule 6 for goods: when one sentence sells goods and promises a return on them
  // ("以购买保健品返还高额利息为诱饵", collectibles with 升值 or a monthly 返利), the goods are the wrapper of the
  // return — as the care home's words are in session 12's rule — and count neither for 养老产品.
  const goodsReturn = text.split(/[。！？；]/).some((s) => RETURN_PROMISE.test(s) && (GOODS_ONE.test(s) || COLLECTIBLE.test(s)));
  // The guide's rule 6 before rule 7 (session 12): when a return is promised, the care home's words (床位,
  // 养老院, 会员卡) are the wrapper and do not count for 养老服务.
  // Session 14, the guide's rule 7 for prepaid cards ("疗程卡, 健康养生馆 prepaid cards for future sessions → 养老服务; the
  // same shop selling the pills → 养老产品"): when the elder paid for a card or prepaid sessions and the text names no goods,
  // the health claims and the bait (理疗, 体检, 养生, 能治高血压…) are how the elder was drawn in, not what was bought,
  // and count not for 养老产品. Read as the code stood before each collection, 养老服务 cases were read 养老产品 in two
  // collections (c114 by the model, c138); today a 养生馆's 理疗卡 with 体检 and 理疗 as bait still was.
  // Goods the lists do not name (熏灸仪, 益生菌粉, 压片糖果) are still sold when the text sells something other than the card.
  const cardNoGoods = PREPAID_CARD.test(text) && !goodsSold(text) && !COLLECTIBLE.test(text) && !GOODS_NAMED.test(text) && !OTHER_SALE.test(text);
  // Session 15, the guide's decision of session 12 in its general form ("a 补贴 returned on money paid in is a return →
  // 养老项目"): when the text promises a return on the money paid in, a 补贴 or 补助 it names is that return — "以缴纳养老
  // 床位预订金可领取福利补贴作为返利" (c217), "大多没有拿回本金、补贴" (c022) — not a relief payout, and counts not for 养老帮扶.
  // Read as the code stood, 项目 cases were read 养老帮扶 for their 补贴 in two collections (c168, c217). A relief scheme
  // dressed as an investment keeps its type (the guide): its own words (扶贫, 民族资产, 慈善, 救助…) still make the cue.
  const subsidyReturn = returns && !SUBSIDY_PRETEXT.test(text) && ASSISTANCE_CUE.core(text.replace(SUBSIDY, '、')) === null;
  const reliefDressed = returns && RELIEF_SCHEME.test(text);
  const goodsOffPrice = !returns && goodsSold(text) !== null && SUBSIDY_OFF_PRICE.test(text);
  const wrapper = (code: FraudType) => (returns && code === 'elderly_service') || (code === 'elderly_product' && (goodsReturn || cardNoGoods)) || (code === 'elderly_assistance' && (subsidyReturn || goodsOffPrice)) || (code === 'elderly_project' && reliefDressed);
  const lex = FRAUD_TYPE_CODES.map((code, k) => (wrapper(code) ? 0 : strongLex[k] + (strongLex[k] > 0 || cued[k] ? weakLex[k] : 0)));
  const typeLexTotal = lex.reduce((s, x) => s + x, 0);
  const rules = FRAUD_TYPE_CODES.map((code, k) => {
    const cue = CUES.find((c) => c.code === code)!;
    const quote = cue.core(readAs(code)) ?? (code === 'elderly_product' ? collectible : null);
    const bonus = returns && code === 'elderly_project' && !reliefDressed ? cue.bonus * 2 : quote && !wrapper(code) ? cue.bonus : 0;
    return { code, score: (typeLexTotal ? lex[k] / typeLexTotal : 0) + bonus, evidence: lex[k] > 0 || bonus > 0, quote: bonus > 0 ? quote ?? returned : null };
  });
  const typed = rules.some((s) => s.evidence);
  const rulesTop = typed ? rules.reduce((a, b) => (b.score > a.score ? b : a)).code : null;
  // Whether the text is about one of the six at all (it raises the level) is read as before session 10:
  // every lexicon word and the cues on the text as written. The changes above only decide which type.
  const allLex = FRAUD_TYPE_CODES.map((code) => TYPE_WORDS[code].reduce((s, [re, w]) => s + Math.min(count(simple, re), 3) * w, 0));
  const lexTotal = allLex.reduce((s, x) => s + x, 0);
  // Session 13's type cues (a price per package, jade and jewellery, a resale for the elder) decide which type only:
  // the level reads the goods and collectibles as it did before them.
  const unpinyined = simple.replace(PINYIN, '');
  const collectibleBefore = !RESALE_BEFORE.test(unpinyined) && !RETURN_BEFORE.test(unpinyined) && COLLECTIBLE_BEFORE.test(unpinyined);
  const anyCue = allLex.some((x) => x > 0) || CUES.some((c) => (c.code === 'elderly_product' ? goodsNamedSold(simple) : c.code === 'elderly_project' ? first(PROJECT_BEFORE)(simple) : c.code === 'elderly_service' ? first(SERVICE_BEFORE)(simple) : first(LEVEL_CUE[c.code])(simple)) !== null) || collectibleBefore;
  // The model's type is a guess over six classes even for a parcel scam; it counts when it is sure or
  // when it names the type the rules already lean to.
  const top = modelTypes?.[0];
  const useModel = top !== undefined && (top.p >= typeConfident || top.code === rulesTop);
  const scores = rules.map((r) => ({ ...r, score: r.score + (useModel ? (modelTypes!.find((t) => t.code === r.code)?.p ?? 0) : 0) }));
  return { scores, lexTotal, anyCue };
}

/**
 * One text message (70 characters, the length of a single SMS in Chinese). A text this short that shows no sign
 * and tells of no harm is not called fraud by the model alone: the verdict would rest on no reason the reader
 * can see, and on such texts the model's guesses were as often an ordinary message as a scam (session 13,
 * docs/intel.md "Short texts and the model alone"). It is unsure instead, which tells the reader to check.
 */
export const ONE_SMS = 70;
export const isShort = (text: string) => text.trim().length <= ONE_SMS;

/** Combines the rules' level with the model's probability by the calibration. */
export function combineLevel(rules: Level, p: number | null, harm: boolean, cal: Calibration, o: { warning?: boolean; short?: boolean } = {}): Level {
  if (p === null || rules === 'high' || o.warning) return rules;
  if (rules === 'medium') return p >= cal.confirm ? 'high' : p >= cal.keep ? 'medium' : 'unsure';
  const modelFlags = p >= (rules === 'low' ? cal.lowMedium : cal.medium);
  if ((modelFlags && !o.short) || (harm && p >= cal.harm)) return 'medium';
  if (modelFlags || p >= (rules === 'low' ? cal.unsure : cal.unsureNone)) return 'unsure';
  return rules;
}

/** Decides the verdict for a text. `model` defaults to the shipped weights; `null` means rules only. */
export function judge(input: string, model: ModelWeights | null = loadModel()): Verdict {
  const original = input.slice(0, MAX_TEXT);
  const raw = toSimplified(original);
  const forRules = readable(original, raw);
  const asTrained = toSimplifiedAsTrained(original);
  const text = forRules.simple;
  const frame = warningFrame(text);
  const moves = findMoves(forRules, frame);
  const signs = findRedFlags(original, forRules, frame, moves);
  // A word of harm inside a sign's own quote ("逾期将停发养老金") is that sign, not a second reason.
  const harmWord = firstAffirmed(forRules, HARM, false, false, (w, start, end) => namedAsScam(text, w, start, end));
  // A short warning that names no sign ("请勿轻易相信…诈骗", "反诈中心提醒…都是骗子") speaks of fraud
  // to prevent it: its words of harm are not harm done. Nor are they in a warning frame (above) whose
  // every sign was the scam's word.
  const warning = signs.length === 0 && (frame || ((original.length <= 200 || ADDRESSED.test(text)) && WARNING_OR_ADVICE.test(text)));
  const harm = harmWord && !warning && !signs.some((f) => f.quote.includes(harmWord)) ? harmWord : null;
  // The model reads the text as it was trained to (model.ts normalize), not through the rules' fuller table.
  const reading = model ? readWithModel(model, original) : null;
  const cal = model?.calibration ?? DEFAULT_CALIBRATION;
  const { scores, lexTotal, anyCue } = rankTypes(text, reading?.types ?? null, cal.typeConfident);

  // A web address and "登录网站" beside it are one request to visit a site, not two signs.
  // A notice that only says your card or pension will stop and sends you to the official channel (营业厅,
  // 网点, 12333, 95588…) is what real notices say (session 12): its signs are shown, each counting as a word to
  // heed (together as much as one sign of weight 2), not as the scam message's move.
  const officialOnly = signs.length > 0 && signs.every((f) => STOP_SIGNS.has(f.code)) && OFFICIAL_CHANNEL.test(text);
  const weighed = officialOnly ? signs.map((f, i) => ({ ...f, weight: i === 0 ? 2 : 0 })) : signs;
  const counted = weighed.some((f) => f.code === 'link') ? weighed.filter((f) => f.code !== 'website') : weighed;
  const ruleScore = counted.reduce((s, f) => s + f.weight, 0) + (harm ? 2 : 0);
  const decisive = signs.some((f) => DECISIVE.has(f.code));
  const messageSigns = officialOnly ? 0 : counted.filter((f) => MESSAGE_SIGNS.has(f.code)).length;
  // A text that tells of harm done and names a scheme of one of the types is about fraud.
  const harmWithScheme = harm !== null && (anyCue || lexTotal >= 2);
  const pressure = (count(text, MONEY_TAKEN) > 0 || count(text, PRESSURE) > 0) && lexTotal >= 2;
  const rules: Level =
    ruleScore >= 6 || (decisive && signs.length >= 2) || messageSigns >= 2 || moves !== null ? 'high'
      : ruleScore >= 4 || decisive || harmWithScheme || (weighed.some((f) => f.weight >= 3) && anyCue) ? 'medium'
        : ruleScore >= 2 || pressure ? 'low' : 'none';

  const p = reading?.pFraud ?? null;
  // A warning whose scam words were all the scam's (no sign left, no harm done) is judged by what it
  // says, not by how much it reads like the scam texts the model was trained on (they share the words).
  const disarmed = frame && signs.length === 0 && harm === null;
  const level = combineLevel(rules, p, harm !== null, cal, { warning: disarmed, short: isShort(original) });

  const aboutFraud = level !== 'none' || harm !== null;
  const total = scores.reduce((s, x) => s + x.score, 0);
  const fraudTypes = aboutFraud && total > 0
    ? scores
        .filter((s) => s.score > 0)
        .map((s) => ({ code: s.code, confidence: Math.round((s.score / total) * 100) / 100 }))
        .sort((a, b) => b.confidence - a.confidence)
        .filter((s, i) => i === 0 || s.confidence >= 0.2)
    : [];

  // The model's strongest n-grams, as words of the text: no piece starting or ending on a function
  // character (的养, 我的), none inside another shown or inside a sign's quote.
  const cues: string[] = [];
  for (const g of reading?.cues ?? []) {
    const at = asTrained.indexOf(g);
    if (at < 0 || g.length < 2 || EDGE.test(g[0]) || EDGE.test(g[g.length - 1])) continue;
    const quote = original.slice(at, at + g.length);
    if (signs.some((f) => f.quote.includes(quote)) || cues.some((c) => c.includes(quote) || quote.includes(c))) continue;
    cues.push(quote);
    if (cues.length === 3) break;
  }
  const score = Math.round(Math.min(100, p === null ? ruleScore * 10 : 50 * Math.min(1, ruleScore / 8) + 50 * p));
  const topScore = fraudTypes[0] ? scores.find((s) => s.code === fraudTypes[0].code) : undefined;
  const typeReason = topScore?.quote ? { code: topScore.code, quote: quoteOriginal(forRules, topScore.quote), why: CUES.find((c) => c.code === topScore.code)!.why } : null;
  return { level, rules, warning: disarmed, score, fraudTypes, signs, harm, cues, pFraud: p, typeReason, summary: summarize(level, signs, harm, cues, disarmed, typeReason), advice: advise(level, signs) };
}

/**
 * The words of the original text (traditional script kept) at the place the simplified quote was found. A quote
 * read through quotation marks or pinyin (typeText) is found again with them in place, so it stays the text's own words.
 */
function quoteOriginal(r: Reading, quote: string): string {
  // Offsets are in the text read without mirror pinyin (r.simple); r.quote maps them back to the original with its
  // annotation (session 14: quoted with original.slice, a mirror text's reason was cut some characters off — c194's
  // "保息" quoted as "黑字").
  const simple = r.simple;
  const at = simple.indexOf(quote);
  if (at >= 0) return r.quote(at, at + quote.length);
  const gap = `(?:[“”‘’"「」『』]|${PINYIN.source})*`;
  const spread = new RegExp([...quote].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(gap));
  const m = new RegExp(`${spread.source}[”’」』"]?`).exec(simple);
  return m ? r.quote(m.index, m.index + m[0].length) : quote;
}

function summarize(level: Level, signs: Sign[], harm: string | null, cues: string[], warning = false, typeReason: Verdict['typeReason'] = null): string {
  if (warning && level === 'none') return '这是一段防骗提醒：文中提到的骗局说法，是在提醒您当心，不是在向您要钱或推销。';
  const seen = signs.map((s) => `${s.label}（“${s.quote}”）`);
  if (harm) seen.push(`说到了受骗或损失（“${harm}”）`);
  // The type in plain words, when it rests on the scheme's core: what the elder paid for.
  if (typeReason && (level === 'high' || level === 'medium' || level === 'unsure')) seen.push(`像是${FRAUD_TYPES[typeReason.code]}的骗局：${typeReason.why}（“${typeReason.quote}”）`);
  const words = cues.length ? `文中“${cues.join('”“')}”等说法，与已知的骗局材料相似` : '';
  const list = seen.length ? `看到的迹象：${seen.join('；')}` : '';
  switch (level) {
    case 'high':
    case 'medium':
      return [list, words].filter(Boolean).join('。') + '。';
    case 'unsure':
      return `无法确定是不是骗局。${[list, words].filter(Boolean).join('。') || '这段话的说法与骗局材料有相似之处，但没有明确的危险信号'}。请先核实，再决定。`;
    case 'low':
      return `${list}。单凭这一点还不能说是骗局。`;
    default:
      return '没有看到常见的骗局说法。';
  }
}

function advise(level: Level, signs: Sign[]): string[] {
  const has = (code: string) => signs.some((f) => f.code === code);
  return [
    ...(has('link') || has('website') || has('lookalike_domain') ? ['不要点开短信、微信里的陌生链接，更不要在打开的网页里填银行卡号、密码和验证码。'] : []),
    ...(has('accused') ? ['说您涉嫌犯罪、要您配合调查的电话和消息都是骗局：公检法不会用电话、微信办案，也没有“安全账户”。请挂断，拨打 110 核实。'] : []),
    ...(has('threat') || has('account_stopped') ? ['社保、养老金、医保的事，请拨打 12333 或到社保窗口核实；银行卡、ETC 的事，请拨打卡背面或官方客服电话核实，不要按短信里的说法办。'] : []),
    ...(has('new_number') || has('relative_urgent') || has('relative_trouble') || has('third_party_card') ? ['自称亲友、房东换了号或出了事要钱的，先打对方原来的号码或当面问清楚。'] : []),
    ...(has('off_channel') || has('pretext_problem') || has('pretext_lure') || has('pretext_trouble') ? ['先说出了问题或有钱可领、再让您点链接、加好友、转账或交钱的，不要照办。有事请打卡背面、账单上或官方网站上的客服电话，或到营业厅、窗口问清楚。'] : []),
    ...(has('task_commission') ? ['“做任务拿提成”的兼职都要先垫钱，这是刷单诈骗，不要参加，也不要下载对方给的软件。'] : []),
    ...(has('fake_service') || has('robocall') || has('auto_charge') || has('flight_change') || has('parcel_claim') || has('add_contact') || has('cancel_service') || has('download_app') ? ['来电、短信里的“客服”“录音通知”都不要信，挂断后自己打官方客服电话或打开官方App查看。'] : []),
    ...(level === 'high' || level === 'medium'
      ? ['先不要交钱、不要转账，也不要签任何合同。', '马上和子女或信得过的家人商量。', '已经交了钱或被骗的，请拨打 110 报警；拿不准的可以拨打 96110 反诈专线咨询。', '可以在本网站一键举报，工作人员会核查并答复您。']
      : level === 'unsure'
        ? ['我们拿不准这是不是骗局。在核实之前，先不要交钱、转账、点链接或说出验证码。', '请和子女或信得过的家人商量，或拨打 96110 反诈专线问一问。', '觉得可疑的，可以在本网站举报，工作人员会核查。']
        : level === 'low'
          ? ['有一些需要留心的说法。交钱之前，先和家人商量，查一查对方的营业执照和资质。', '拿不准的可以拨打 96110 反诈专线咨询。']
          : ['没有发现常见的骗局说法。不过骗局花样多，涉及交钱、投资、抵押房子的事，仍请先和家人商量。']),
  ];
}
