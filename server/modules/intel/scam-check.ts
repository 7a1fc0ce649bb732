import { analyze } from './analyze.ts';
import { RED_FLAGS } from './lexicon.ts';

export type RiskLevel = 'high' | 'medium' | 'low' | 'none';

// Signs that on their own are enough to call a pitch dangerous.
const DECISIVE = new Set(['guaranteed', 'secrecy', 'house_mortgage', 'transfer_request']);

/**
 * The public "这是不是骗局？" check: a risk level from the warning signs found, each sign explained in
 * plain words, and what to do. Nothing is stored.
 */
export function scamCheck(text: string) {
  const a = analyze(text);
  const weights = a.redFlags.map((f) => RED_FLAGS.find((r) => r.code === f.code)!.weight);
  const score = weights.reduce((s, w) => s + w, 0) + (a.fraudTypes.length ? 1 : 0);
  const decisive = a.redFlags.some((f) => DECISIVE.has(f.code));
  const riskLevel: RiskLevel = score >= 6 || (decisive && a.redFlags.length >= 2) ? 'high' : score >= 4 || decisive ? 'medium' : score >= 2 ? 'low' : 'none';
  const advice = [
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
