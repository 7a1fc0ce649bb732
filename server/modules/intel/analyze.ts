import type { FraudType } from '../../../shared/domain.ts';
import { extractEntities, type Entity } from './entities.ts';
import { SECONDARY_TAGS } from './lexicon.ts';
import { judge, LEVEL_LABELS, MAX_TEXT, type Level } from './verdict.ts';

export { findRedFlags } from './verdict.ts';
export { MAX_TEXT };

export interface Analysis {
  fraudTypes: { code: FraudType; confidence: number }[];
  tags: { code: string; label: string }[];
  redFlags: { code: string; label: string; quote: string }[];
  entities: Entity[];
  /** The same verdict the public self-check gives for this text (verdict.ts). */
  verdict: { level: Level; label: string; score: number; summary: string };
}

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

/**
 * Reads a tip the way an experienced clerk does, offline and explainably: the verdict and ranked
 * fraud types of `judge` (the one function the public self-check also calls), the warning signs with
 * their quotes, secondary tags, and the entities for linking.
 */
export function analyze(input: string): Analysis {
  const text = input.slice(0, MAX_TEXT);
  const v = judge(text);
  const aboutFraud = v.fraudTypes.length > 0;
  return {
    fraudTypes: v.fraudTypes,
    tags: aboutFraud ? SECONDARY_TAGS.filter(([, , re]) => count(text, re) > 0).map(([code, label]) => ({ code, label })) : [],
    redFlags: v.signs.map(({ code, label, quote }) => ({ code, label, quote })),
    entities: extractEntities(text),
    verdict: { level: v.level, label: LEVEL_LABELS[v.level], score: v.score, summary: v.summary },
  };
}
