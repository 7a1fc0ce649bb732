import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FRAUD_TYPE_CODES, type FraudType } from '../../../shared/domain.ts';
import { toSimplified, toSimplifiedAsTrained } from './simplify.ts';

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
  /** How the text is read before its n-grams are taken (absent: the first form, `normalize` with no options). */
  reading?: TextReading;
  /**
   * Session 12 (option, absent in the shipped file): a second fraud head, its weight the 8th number of each
   * feature, trained without the case reports; it gives p for texts of at most maxLength characters (as read
   * for the model), so a short message is not judged by the vocabulary of reports about elders.
   */
  messageHead?: { bias: number; maxLength: number };
}

/**
 * Session 11: how a text is read before its n-grams are taken. Absent fields keep the first form, so a
 * model file trained before these options existed reads exactly as it was trained.
 */
export interface TextReading {
  /** Traditional characters through the full one-for-one table the rules use (else the hand-made pairs). */
  fullTable?: boolean;
  /**
   * Web addresses, phone numbers and amounts of money become one placeholder character each (see PLACEHOLDERS),
   * and any other run of digits one 0: a new scam message has its own link, number and sum, and what
   * generalises is that it has one, not its digits.
   */
  placeholders?: boolean;
}

/**
 * The placeholders, each a character no real text here contains (Unicode circled letters): a web address
 * (Ⓤ, masked ones "***.***.cn" too), a phone number — mobile, landline with area code, 95xxx/96xxx/400/800
 * service numbers, masked digits allowed (Ⓟ) — and a sum of money, digits or Chinese numerals followed by 元/万元/块 (Ⓜ). Order matters: the address first (it may hold
 * digits), then the amount (its digits are not a phone), then the phone.
 */
const URL_RE = /(?:https?:\/\/|www\.)[a-z0-9*./?=&_%#:~+-]+|[a-z0-9*-]+(?:\.[a-z0-9*-]+)*\.(?:com|cn|net|org|cc|top|vip|xyz|me|info|gov|edu)(?:\/[a-z0-9*./?=&_%#~+-]*)?/g;
// 万 only with 元 ("5万人" is a count); a Chinese numeral only before 元/块钱 ("一块儿" is not money).
const MONEY_RE = /[0-9][0-9,.]*\s*(?:多|余)?\s*(?:万元|元|块钱|块)|[一二三四五六七八九十两百千万亿]+(?:多|余)?(?:万元|元|块钱)/g;
const PHONE_RE = /(?:\+?86[- ]?)?1[3-9][0-9](?:[- ]?[0-9*]){8}|0[0-9]{2,3}[- ]?[0-9*]{7,8}|(?:400|800)[- ]?[0-9]{3}[- ]?[0-9]{4}|9[56][0-9]{3,6}/g;
export const PLACEHOLDER = { url: 'Ⓤ', phone: 'Ⓟ', money: 'Ⓜ' } as const;

export function readForModel(text: string, r: TextReading = {}): string {
  let t = (r.fullTable ? toSimplified : toSimplifiedAsTrained)(text).toLowerCase();
  if (!r.placeholders) return t.replace(/[0-9０-９]/g, '0').replace(/\s+/g, '');
  t = t.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  t = t.replace(URL_RE, PLACEHOLDER.url).replace(MONEY_RE, PLACEHOLDER.money).replace(PHONE_RE, PLACEHOLDER.phone);
  return t.replace(/[0-9]+/g, '0').replace(/\s+/g, '');
}

/** Simplified characters, lower case, every digit as 0 (amounts and dates differ, their shape does not), spaces dropped. */
export const normalize = (text: string) => readForModel(text);

/** The distinct character 1–3-grams of a text, with the position of their first occurrence. */
export function ngrams(text: string, r: TextReading = {}): Map<string, number> {
  const t = readForModel(text, r);
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
interface Compiled { index: Map<number, number>; grams: string[]; w: Float64Array; m: ModelWeights; stride: number }
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
  const stride = m.messageHead ? 8 : 7;
  const w = new Float64Array(grams.length * stride);
  grams.forEach((g, i) => w.set(m.features[g].slice(0, stride), i * stride));
  c = { index: new Map(grams.map((g, i) => [keyOf(g), i])), grams, w, m, stride };
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
  const { index, grams, w, stride } = compile(m);
  const t = readForModel(text.slice(0, 5000), m.reading);
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
  // The fraud head's column: the message head's (8th) for a short text when the file has one.
  const short = m.messageHead !== undefined && t.length <= m.messageHead.maxLength;
  const f = short ? 7 : 0;
  let z = short ? m.messageHead!.bias : m.fraudBias;
  const ty = [...m.typeBias];
  const cues: [string, number][] = [];
  for (const k of seen) {
    const i = index.get(k);
    if (i === undefined) continue;
    const o = i * stride;
    z += w[o + f] * scale;
    for (let c = 0; c < 6; c++) ty[c] += w[o + c + 1] * scale;
    if (w[o + f] > 0 && grams[i].length >= 2) cues.push([grams[i], w[o + f]]);
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
