import { judge, LEVEL_LABELS, type Level } from './verdict.ts';

export type RiskLevel = Level;

/**
 * The public "这是不是骗局？" check: the verdict of `judge` (the same one staff see in the analysis),
 * each sign explained in plain words, the words the model leaned on, and what to do. Nothing is stored.
 */
export function scamCheck(text: string) {
  const v = judge(text);
  return {
    riskLevel: v.level,
    label: LEVEL_LABELS[v.level],
    score: v.score,
    summary: v.summary,
    fraudTypes: v.fraudTypes,
    redFlags: v.signs.map(({ code, label, quote, explain }) => ({ code, label, quote, explain })),
    cues: v.cues,
    advice: v.advice,
  };
}
