import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FRAUD_TYPE_CODES, type FraudType } from '../../../shared/domain.ts';
import { toSimplifiedAsTrained } from './simplify.ts';

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
  /** How verdict.ts combines this model with the rules, chosen by dev cross-validation (verdict.ts Calibration). */
  calibration?: import('./verdict.ts').Calibration;
}

/** Simplified characters, lower case, every digit as 0 (amounts and dates differ, their shape does not), spaces dropped. */
export const normalize = (text: string) => toSimplifiedAsTrained(text).toLowerCase().replace(/[0-9０-９]/g, '0').replace(/\s+/g, '');

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

/**
 * The weights in the form reading needs: every n-gram as an exact number (its UTF-16 units in base
 * 2^16, at most 48 bits), so a text is read by arithmetic on its characters instead of by hashing
 * hundreds of fresh strings — five times faster on a 300-character text.
 */
interface Compiled { index: Map<number, number>; grams: string[]; w: Float64Array; m: ModelWeights }
const compiled = new WeakMap<ModelWeights, Compiled>();
const keyOf = (g: string) => {
  let k = 0;
  for (let i = 0; i < g.length; i++) k = k * 65536 + g.charCodeAt(i);
  return k + g.length * 2 ** 48;
};
function compile(m: ModelWeights): Compiled {
  let c = compiled.get(m);
  if (c) return c;
  const grams = Object.keys(m.features);
  const w = new Float64Array(grams.length * 7);
  grams.forEach((g, i) => w.set(m.features[g], i * 7));
  c = { index: new Map(grams.map((g, i) => [keyOf(g), i])), grams, w, m };
  compiled.set(m, c);
  return c;
}

let cached: ModelWeights | null | undefined;
/** The shipped weights, read once; null when no model file is present (the rules then decide alone). */
export function loadModel(file = MODEL_FILE): ModelWeights | null {
  if (cached !== undefined && file === MODEL_FILE) return cached;
  let m: ModelWeights | null = null;
  try {
    m = JSON.parse(readFileSync(file, 'utf8')) as ModelWeights;
    compile(m);
  } catch {
    m = null;
  }
  if (file === MODEL_FILE) cached = m;
  return m;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Reads a text with the given weights (features are binary and scaled by 1/√count, as in training). */
export function readWithModel(m: ModelWeights, text: string): ModelReading {
  const { index, grams, w } = compile(m);
  const t = normalize(text.slice(0, 5000));
  // The distinct n-grams of the text, as numbers (the same set ngrams() yields as strings).
  const seen = new Set<number>();
  for (let i = 0; i < t.length; i++) {
    let k = 0;
    for (let n = 1; n <= 3 && i + n <= t.length; n++) {
      k = k * 65536 + t.charCodeAt(i + n - 1);
      seen.add(k + n * 2 ** 48);
    }
  }
  const scale = seen.size ? 1 / Math.sqrt(seen.size) : 0;
  let z = m.fraudBias;
  const ty = [...m.typeBias];
  const cues: [string, number][] = [];
  for (const k of seen) {
    const i = index.get(k);
    if (i === undefined) continue;
    const o = i * 7;
    z += w[o] * scale;
    for (let c = 0; c < 6; c++) ty[c] += w[o + c + 1] * scale;
    if (w[o] > 0 && grams[i].length >= 2) cues.push([grams[i], w[o]]);
  }
  const max = Math.max(...ty);
  const e = ty.map((x) => Math.exp(x - max));
  const sum = e.reduce((s, x) => s + x, 0);
  return {
    pFraud: sigmoid(z),
    types: FRAUD_TYPE_CODES.map((code, k) => ({ code, p: e[k] / sum })).sort((a, b) => b.p - a.p),
    cues: cues.sort((a, b) => b[1] - a[1]).slice(0, 24).map(([g]) => g),
  };
}
