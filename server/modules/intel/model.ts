import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FRAUD_TYPE_CODES, type FraudType } from '../../../shared/domain.ts';
import { toSimplified } from './simplify.ts';

/**
 * The small learned part of the analysis (issue 14): two linear models over character 1–3-grams,
 * trained offline by `npm run train:intel` (bench/train-intel.ts) on the labelled DEV texts and staff
 * corrections, and shipped as JSON weights beside this file. One head says how likely a text is about
 * fraud; the other ranks the six types. The weights are read once, on first use. Every n-gram that
 * weighs for fraud is a piece of the text itself, so the words the model leaned on can be shown.
 */

export const MODEL_FILE = fileURLToPath(new URL('./data/model.json', import.meta.url));

export interface ModelWeights {
  version: 1;
  trainedOn: string;
  /** n-gram → [fraud weight, six type weights in FRAUD_TYPE_CODES order]. */
  features: Record<string, number[]>;
  fraudBias: number;
  typeBias: number[];
}

/** Simplified characters, lower case, every digit as 0 (amounts and dates differ, their shape does not), spaces dropped. */
export const normalize = (text: string) => toSimplified(text).toLowerCase().replace(/[0-9０-９]/g, '0').replace(/\s+/g, '');

/** The distinct character 1–3-grams of a text, with the position of their first occurrence. */
export function ngrams(text: string): Map<string, number> {
  const t = normalize(text);
  const out = new Map<string, number>();
  for (let i = 0; i < t.length; i++) {
    for (let n = 1; n <= 3 && i + n <= t.length; n++) {
      const g = t.slice(i, i + n);
      if (!out.has(g)) out.set(g, i);
    }
  }
  return out;
}

export interface ModelReading {
  /** Probability that the text is about fraud. */
  pFraud: number;
  /** Probability of each of the six types (sums to 1). */
  types: { code: FraudType; p: number }[];
  /** The n-grams that weighed most toward fraud, strongest first. */
  cues: string[];
}

let cached: ModelWeights | null | undefined;
/** The shipped weights, read once; null when no model file is present (the rules then decide alone). */
export function loadModel(file = MODEL_FILE): ModelWeights | null {
  if (cached !== undefined && file === MODEL_FILE) return cached;
  let m: ModelWeights | null = null;
  try {
    m = JSON.parse(readFileSync(file, 'utf8')) as ModelWeights;
  } catch {
    m = null;
  }
  if (file === MODEL_FILE) cached = m;
  return m;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Reads a text with the given weights (features are binary and scaled by 1/√count, as in training). */
export function readWithModel(m: ModelWeights, text: string): ModelReading {
  const grams = ngrams(text.slice(0, 5000));
  const scale = grams.size ? 1 / Math.sqrt(grams.size) : 0;
  let z = m.fraudBias;
  const t = [...m.typeBias];
  const cues: [string, number][] = [];
  for (const g of grams.keys()) {
    const w = m.features[g];
    if (!w) continue;
    z += w[0] * scale;
    for (let k = 0; k < 6; k++) t[k] += w[k + 1] * scale;
    if (w[0] > 0 && g.length >= 2) cues.push([g, w[0]]);
  }
  const max = Math.max(...t);
  const e = t.map((x) => Math.exp(x - max));
  const sum = e.reduce((s, x) => s + x, 0);
  return {
    pFraud: sigmoid(z),
    types: FRAUD_TYPE_CODES.map((code, k) => ({ code, p: e[k] / sum })).sort((a, b) => b.p - a.p),
    cues: cues.sort((a, b) => b[1] - a[1]).slice(0, 24).map(([g]) => g),
  };
}
