import { analyze } from './analyze.ts';
import { RED_FLAGS } from './lexicon.ts';

export type RiskLevel = 'high' | 'medium' | 'low' | 'none';

// Signs that on their own are enough to call a pitch dangerous.
const DECISIVE = new Set(['guaranteed', 'secrecy', 'house_mortgage', 'transfer_request']);
// The signs of the most common message sent to elders ("逾期将停发养老金，点击链接，缴纳手续费").
// One alone can be in a real notice (社保 does warn that an unverified pension stops); two together are the scam.
const MESSAGE_SIGNS = new Set(['link', 'threat', 'fee']);

/**
 * The public "这是不是骗局？" check: a risk level from the warning signs found, each sign explained in
 * plain words, and what to do. Nothing is stored.
 */
export function scamCheck(text: string) {
  const a = analyze(text);
  const weights = a.redFlags.map((f) => RED_FLAGS.find((r) => r.code === f.code)!.weight);
  const score = weights.reduce((s, w) => s + w, 0) + (a.fraudTypes.length ? 1 : 0);
  const decisive = a.redFlags.some((f) => DECISIVE.has(f.code));
  const messageSigns = a.redFlags.filter((f) => MESSAGE_SIGNS.has(f.code)).length;
  const riskLevel: RiskLevel = score >= 6 || (decisive && a.redFlags.length >= 2) || messageSigns >= 2 ? 'high' : score >= 4 || decisive ? 'medium' : score >= 2 ? 'low' : 'none';
  const has = (code: string) => a.redFlags.some((f) => f.code === code);
  const advice = [
    ...(has('link') ? ['不要点开短信、微信里的陌生链接，更不要在打开的网页里填银行卡号、密码和验证码。'] : []),
    ...(has('threat') ? ['社保、养老金、医保的事，请拨打 12333 或到社保窗口核实，不要按短信里的说法办。'] : []),
    ...(riskLevel === 'high' || riskLevel === 'medium'
      ? ['先不要交钱、不要转账，也不要签任何合同。', '马上和子女或信得过的家人商量。', '已经交了钱或被骗的，请拨打 110 报警；拿不准的可以拨打 96110 反诈专线咨询。', '可以在本网站一键举报，工作人员会核查并答复您。']
      : riskLevel === 'low'
        ? ['有一些需要留心的说法。交钱之前，先和家人商量，查一查对方的营业执照和资质。', '拿不准的可以拨打 96110 反诈专线咨询。']
        : ['没有发现常见的骗局说法。不过骗局花样多，涉及交钱、投资、抵押房子的事，仍请先和家人商量。']),
  ];
  return {
    riskLevel,
    score: Math.min(100, Math.round(score * 10)),
    fraudTypes: a.fraudTypes,
    redFlags: a.redFlags.map((f) => ({ ...f, explain: RED_FLAGS.find((r) => r.code === f.code)!.explain })),
    advice,
  };
}
