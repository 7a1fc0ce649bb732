import { FRAUD_TYPE_CODES, type FraudType } from '../../../shared/domain.ts';
import { extractEntities, type Entity } from './entities.ts';
import { HARM, MONEY_TAKEN, PRESSURE, RED_FLAGS, SECONDARY_TAGS, TYPE_WORDS } from './lexicon.ts';

export const MAX_TEXT = 20_000;

export interface Analysis {
  fraudTypes: { code: FraudType; confidence: number }[];
  tags: { code: string; label: string }[];
  redFlags: { code: string; label: string; quote: string }[];
  entities: Entity[];
}

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

/** The warning signs in a text, each with the words that triggered it (first occurrence). */
export function findRedFlags(text: string) {
  const out: { code: string; label: string; quote: string; weight: number }[] = [];
  for (const f of RED_FLAGS) {
    // The first occurrence only: the same pattern without its global flag (other flags kept).
    const m = text.match(new RegExp(f.pattern.source, f.pattern.flags.replace('g', '')));
    if (m) out.push({ code: f.code, label: f.label, quote: m[0], weight: f.weight });
  }
  return out;
}

/**
 * Reads a tip the way an experienced clerk does, offline and explainably: the fraud types ranked by
 * the weighted words of each (confidence is a type's share of all type evidence, damped when the
 * evidence is thin), the warning signs with their quotes, and the entities for linking. A text with
 * no warning sign, no word of harm, no money handed over and no sales pressure is not about fraud: no types.
 */
export function analyze(input: string): Analysis {
  const text = input.slice(0, MAX_TEXT);
  const flags = findRedFlags(text);
  const harm = count(text, HARM);
  const scores = FRAUD_TYPE_CODES.map((code) => ({
    code,
    score: TYPE_WORDS[code].reduce((s, [re, w]) => s + Math.min(count(text, re), 3) * w, 0),
  }));
  const total = scores.reduce((s, x) => s + x.score, 0);
  const aboutFraud = flags.length > 0 || harm > 0 || ((count(text, MONEY_TAKEN) > 0 || count(text, PRESSURE) > 0) && total >= 2);
  const evidence = Math.min(1, (total + flags.reduce((s, f) => s + f.weight, 0) + harm * 2) / 12);
  const fraudTypes = aboutFraud && total > 0
    ? scores
        .filter((s) => s.score > 0)
        .map((s) => ({ code: s.code, confidence: Math.round((s.score / total) * evidence * 100) / 100 }))
        .sort((a, b) => b.confidence - a.confidence)
        .filter((s, i) => i === 0 || s.confidence >= 0.2)
    : [];
  return {
    fraudTypes,
    tags: aboutFraud ? SECONDARY_TAGS.filter(([, , re]) => count(text, re) > 0).map(([code, label]) => ({ code, label })) : [],
    redFlags: flags.map(({ code, label, quote }) => ({ code, label, quote })),
    entities: extractEntities(text),
  };
}
