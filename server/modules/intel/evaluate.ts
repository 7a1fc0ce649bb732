import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FRAUD_TYPE_CODES } from '../../../shared/domain.ts';
import { analyze } from './analyze.ts';
import { extractFigures } from './figures.ts';
import { scamCheck } from './scam-check.ts';

/** Reads one of the labelled data files beside this module (see docs/intel.md for provenance). */
export function load<T>(name: string): T[] {
  const text = readFileSync(fileURLToPath(new URL(`./data/${name}`, import.meta.url)), 'utf8');
  return text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
}

export interface Scores {
  perType: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  macroF1: number;
  scamFalsePositiveRate: number;
  scamAnyFlagRate: number;
  scamTruePositiveRate: number;
  figurePrecision: number;
  figureRecall: number;
  maskedExact: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Scores the analysis on the held-out files: nothing in the lexicon was tuned on them. */
export function evaluateHeldOut(): Scores {
  const tips = load<{ text: string; label: string }>('tips.heldout.jsonl');
  const ordinary = load<{ text: string }>('nonfraud.heldout.jsonl');
  const summaries = load<{ text: string; figures: { indicator: string; value: number }[]; masked: string[] }>('figures.heldout.jsonl');

  const perType: Scores['perType'] = {};
  const predicted = tips.map((t) => analyze(t.text).fraudTypes[0]?.code ?? 'none');
  for (const code of FRAUD_TYPE_CODES) {
    const tp = tips.filter((t, i) => t.label === code && predicted[i] === code).length;
    const fp = tips.filter((t, i) => t.label !== code && predicted[i] === code).length;
    const fn = tips.filter((t, i) => t.label === code && predicted[i] !== code).length;
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    perType[code] = { precision: round(precision), recall: round(recall), f1: round(precision + recall ? (2 * precision * recall) / (precision + recall) : 0), support: tp + fn };
  }
  const macroF1 = round(Object.values(perType).reduce((s, x) => s + x.f1, 0) / FRAUD_TYPE_CODES.length);

  const levels = ordinary.map((o) => scamCheck(o.text).riskLevel);
  const scamFalsePositiveRate = round(levels.filter((l) => l === 'high' || l === 'medium').length / ordinary.length);
  const scamAnyFlagRate = round(levels.filter((l) => l !== 'none').length / ordinary.length);
  const scamTruePositiveRate = round(tips.filter((t) => ['high', 'medium'].includes(scamCheck(t.text).riskLevel)).length / tips.length);

  let tp = 0, fp = 0, fn = 0, maskedOk = 0;
  for (const s of summaries) {
    const got = extractFigures(s.text);
    const expected = s.figures.map((f) => `${f.indicator}=${f.value}`);
    const found = got.figures.map((f) => `${f.indicator}=${f.value}`);
    const left = [...expected];
    for (const f of found) {
      const i = left.indexOf(f);
      if (i >= 0) {
        tp++;
        left.splice(i, 1);
      } else fp++;
    }
    fn += left.length;
    // Each expected masked number ("X家") must be in exactly one listed quote, and nothing else listed.
    const quotes = [...got.masked];
    const allFound = s.masked.every((m) => {
      const i = quotes.findIndex((q) => q.includes(m));
      return i >= 0 && quotes.splice(i, 1).length === 1;
    });
    if (allFound && quotes.length === 0) maskedOk++;
  }
  return {
    perType, macroF1, scamFalsePositiveRate, scamAnyFlagRate, scamTruePositiveRate,
    figurePrecision: round(tp / (tp + fp)), figureRecall: round(tp / (tp + fn)), maskedExact: round(maskedOk / summaries.length),
  };
}
