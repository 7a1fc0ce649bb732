/**
 * The groups of the real dev texts for grouped cross-validation (issue 14, session 11; docs/intel.md
 * "Grouped cross-validation (session 11)"): used by bench/intel-generalise.ts (the report) and by
 * bench/train-intel.ts (the calibration it ships). DEV ONLY — loadReal(…, 'dev').
 *
 * A group is the registrable domain of the `source` address (github/gitee: the repository owner), joined
 * across groups when two texts share a 16-character run after the model's normalisation that holds at least
 * 8 letters other than date words (the same text quoted by two sites; a shared date stamp joins nothing). The invented dev sets have no source and are never scored.
 */
import { FRAUD_TYPE_CODES } from '../shared/domain.ts';
import { load } from '../server/modules/intel/evaluate.ts';
import { loadReal, type RealCase, type RealOrdinary } from '../server/modules/intel/evaluate-detection.ts';
import { readForModel } from '../server/modules/intel/model.ts';

/**
 * `kind`: which collection the text is from (cases, scams, ordinary, tips, nonfraud, corrections, synth-…).
 * `weight`: relative weight in the fraud head (default 1; see relativeWeights), set only on the invented sets of session 12.
 */
export interface Example { text: string; fraud: 0 | 1; type: number | null; kind?: string; weight?: number }

/**
 * Examples' own relative weights (Example.weight) applied on top of the training weights `w`, each class
 * rescaled to keep its total: with INTEL_SYNTH_WEIGHT 0.3 an invented text counts 0.3 of a real text of its
 * collection share. No example with a weight → `w` unchanged.
 */
export function relativeWeights(examples: Example[], w: number[], share = Number(process.env.INTEL_SYNTH_SHARE ?? NaN)): number[] {
  if (!examples.some((e) => e.weight !== undefined) && !Number.isFinite(share)) return w;
  const out = w.map((x, i) => x * (examples[i].weight ?? 1));
  if (Number.isFinite(share)) {
    // INTEL_SYNTH_SHARE=x: each invented set weighs x times its real counterpart in total (synth-scams: the real
    // scam messages; synth-cases: the other real and invented fraud texts; synth-ordinary: the other not-fraud texts).
    const synth = (e: Example) => e.kind?.startsWith('synth-') ?? false;
    const counterpart: Record<string, (e: Example) => boolean> = {
      'synth-scams': (e) => e.kind === 'scams',
      'synth-cases': (e) => e.fraud === 1 && e.kind !== 'scams' && !synth(e),
      'synth-ordinary': (e) => e.fraud === 0 && !synth(e),
    };
    for (const [kind, real] of Object.entries(counterpart)) {
      const total = (f: (e: Example) => boolean) => out.reduce((s, x, i) => s + (f(examples[i]) ? x : 0), 0);
      const has = total((e) => e.kind === kind);
      if (has > 0) examples.forEach((e, i) => { if (e.kind === kind) out[i] *= (share * total(real)) / has; });
    }
  }
  return keepClassTotals(examples, w, out);
}

/**
 * `scaled` rescaled so that each class (fraud, not fraud) weighs in total what it weighed in `weight`: every
 * reweighting of the fraud head (relativeWeights, train-intel's scaleKinds and hardNegatives) moves weight
 * within a class, never between the classes. A class scaled to nothing stays at nothing.
 */
export function keepClassTotals(examples: Example[], weight: number[], scaled: number[]): number[] {
  const before = [0, 0], after = [0, 0];
  examples.forEach((e, i) => { before[e.fraud] += weight[i]; after[e.fraud] += scaled[i]; });
  return scaled.map((x, i) => (after[examples[i].fraud] > 0 ? x * (before[examples[i].fraud] / after[examples[i].fraud]) : 0));
}

export interface Item extends Example { id: string; source: string; kind: 'cases' | 'scams' | 'ordinary'; label: string | null }

/** A fraud type's index in FRAUD_TYPE_CODES, or null for a label outside the six (other_fraud, none). */
export const typeIndex = (label: string | null | undefined) => {
  const i = FRAUD_TYPE_CODES.indexOf(label as (typeof FRAUD_TYPE_CODES)[number]);
  return i >= 0 ? i : null;
};

/**
 * `INTEL_SCAMS_BEFORE=m160` leaves out dev scam messages from that id on (session 12: the ninth collection's dev
 * half kept unseen while rules are written, then read once as a pseudo-held-out).
 */
const scamsBefore = Number((process.env.INTEL_SCAMS_BEFORE ?? '').slice(1)) || Infinity;

export function realDevItems(): Item[] {
  const cases = loadReal<RealCase & { source: string }>('cases', 'dev').map((c): Item => ({ id: c.id, source: c.source, kind: 'cases', label: c.label, text: c.text, fraud: 1, type: typeIndex(c.label) }));
  const scams = loadReal<RealCase & { source: string }>('scams', 'dev').filter((c) => Number(c.id.slice(1)) < scamsBefore).map((c): Item => ({ id: c.id, source: c.source, kind: 'scams', label: c.label, text: c.text, fraud: 1, type: typeIndex(c.label) }));
  const ordinary = loadReal<RealOrdinary & { source: string }>('ordinary', 'dev').map((o): Item => ({ id: o.id, source: o.source, kind: 'ordinary', label: null, text: o.text, fraud: 0, type: null }));
  return [...cases, ...scams, ...ordinary];
}

/**
 * The larger invented training sets (session 12, docs/intel.md "Invented training texts (session 12)"):
 * synth.scams.dev (scam messages of many scripts), synth.ordinary.dev (ordinary look-alikes: bank, 社保,
 * parcel, carrier notices, anti-fraud warnings, family money talk), synth.cases.dev (case narratives). Like
 * tips.dev they have no source: always training, never scored. Since session 12's write gate ON by default (SHIPPED_SYNTH); otherwise as named in INTEL_SYNTH (comma list of
 * `scams`, `ordinary`, `cases`; `all` for the three). Their kinds are `synth-…`, so the 'messages' weighting
 * keeps the real scam messages' half of the fraud weight; `scams-as-real` in the list gives the invented
 * scam messages the kind `scams` instead (they then share that half). INTEL_SYNTH_WEIGHT=x: each invented text
 * of these sets weighs x of what its collection share gives it; INTEL_SYNTH_SHARE=x: each set weighs x times its
 * real counterpart in total (relativeWeights).
 */
// Session 12: the shipped model was trained with all three sets, the invented scam messages sharing the real ones'
// half of the fraud weight, each invented text at 0.3 (docs/intel.md "The write gate, session 12"). INTEL_SYNTH=none
// trains without them.
export const SHIPPED_SYNTH = 'all,scams-as-real';
export const SHIPPED_SYNTH_WEIGHT = 0.3;
export function synthSets(spec = process.env.INTEL_SYNTH ?? SHIPPED_SYNTH): Set<string> {
  const names = new Set(spec.split(',').map((s) => s.trim()).filter((s) => s && s !== 'none'));
  if (names.has('all')) ['scams', 'ordinary', 'cases'].forEach((n) => names.add(n));
  return names;
}

export function inventedDev(synth = synthSets()): Example[] {
  const w = { weight: Number(process.env.INTEL_SYNTH_WEIGHT ?? SHIPPED_SYNTH_WEIGHT) };
  return [
    ...load<{ text: string; label: string }>('tips.dev.jsonl').map((t): Example => ({ text: t.text, fraud: 1, type: typeIndex(t.label), kind: 'tips' })),
    ...load<{ text: string }>('nonfraud.dev.jsonl').map((t): Example => ({ text: t.text, fraud: 0, type: null, kind: 'nonfraud' })),
    ...(synth.has('scams') ? load<{ text: string; label: string }>('synth.scams.dev.jsonl').map((t): Example => ({ text: t.text, fraud: 1, type: typeIndex(t.label), kind: synth.has('scams-as-real') ? 'scams' : 'synth-scams', ...w })) : []),
    ...(synth.has('ordinary') ? load<{ text: string }>('synth.ordinary.dev.jsonl').map((t): Example => ({ text: t.text, fraud: 0, type: null, kind: 'synth-ordinary', ...w })) : []),
    ...(synth.has('cases') ? load<{ text: string; label: string }>('synth.cases.dev.jsonl').map((t): Example => ({ text: t.text, fraud: 1, type: typeIndex(t.label), kind: 'synth-cases', ...w })) : []),
  ];
}

const TWO_LEVEL = new Set(['com.cn', 'gov.cn', 'org.cn', 'net.cn', 'edu.cn', 'ac.cn', 'com.hk', 'com.tw']);
/** The group of a source address: its registrable domain, or the owner of a github/gitee repository. */
export function sourceGroup(source: string): string {
  const m = /^[a-z]+:\/\/([^/:?#]+)(?::\d+)?(\/[^?#]*)?/i.exec(source.trim());
  if (!m) return `raw:${source.trim().toLowerCase()}`;
  const host = m[1].toLowerCase();
  if (host === 'github.com' || host === 'gitee.com' || host.endsWith('.github.io')) {
    const owner = host.endsWith('.github.io') ? host.split('.')[0] : (m[2] ?? '').split('/')[1] ?? '';
    return `${host.endsWith('.github.io') ? 'github.com' : host}/${owner.toLowerCase().replace(/[^a-z0-9]/g, '').replace(/org$/, '')}`;
  }
  const labels = host.split('.');
  const n = labels.length >= 3 && TWO_LEVEL.has(labels.slice(-2).join('.')) ? 3 : 2;
  return labels.slice(-n).join('.');
}

/** Characters of date and time stamps, not counted as shared wording. */
const DATE_WORDS = new Set([...'年月日时分秒点号周星期']);

/** Groups: source group, joined across groups by a shared 16-character run (union-find). Returns a group id per item. */
export function groupItems(items: Item[], run = 16): string[] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number) => {
    const ra = find(a), rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const bySource = new Map<string, number>();
  const byRun = new Map<string, number>();
  items.forEach((it, i) => {
    const g = sourceGroup(it.source);
    if (bySource.has(g)) union(i, bySource.get(g)!);
    else bySource.set(g, i);
    const t = readForModel(it.text);
    for (let k = 0; k + run <= t.length; k++) {
      const s = t.slice(k, k + run);
      // Shared wording: at least 8 letters (Han or Latin) that are not date and time words; runs of
      // digits, punctuation or date stamps alone ("0000年00月00日00:00") join nothing. (Without the u
      // flag \W matched every Han character, so Chinese runs were never compared: review, session 11.)
      if ((s.match(/[\p{L}]/gu) ?? []).filter((c) => !DATE_WORDS.has(c)).length < 8) continue;
      if (byRun.has(s)) union(i, byRun.get(s)!);
      else byRun.set(s, i);
    }
  });
  return items.map((_, i) => sourceGroup(items[find(i)].source));
}

/** A fixed string hash (FNV-1a), to order groups of one size differently per repeat, deterministically. */
const hash = (s: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
};

/**
 * Deterministic fold per item: groups, largest first (ties by name, or with `repeat` > 0 by a hash of name and
 * repeat, for another equally valid dealing), each to the fold where the three kinds stay most even (least sum
 * of squared shares).
 */
export function assignFolds(items: Item[], groups: string[], folds: number, repeat = 0): number[] {
  const kinds = ['cases', 'scams', 'ordinary'] as const;
  const total = Object.fromEntries(kinds.map((k) => [k, items.filter((it) => it.kind === k).length])) as Record<string, number>;
  const members = new Map<string, number[]>();
  groups.forEach((g, i) => members.set(g, [...(members.get(g) ?? []), i]));
  const tie = (g: string) => (repeat ? hash(`${repeat}:${g}`) : 0);
  const order = [...members].sort((a, b) => b[1].length - a[1].length || tie(a[0]) - tie(b[0]) || (a[0] < b[0] ? -1 : 1));
  const load = Array.from({ length: folds }, () => ({ cases: 0, scams: 0, ordinary: 0 } as Record<string, number>));
  const fold = new Array<number>(items.length);
  for (const [, idx] of order) {
    const add = Object.fromEntries(kinds.map((k) => [k, idx.filter((i) => items[i].kind === k).length]));
    let best = 0, bestCost = Infinity;
    for (let f = 0; f < folds; f++) {
      const cost = kinds.reduce((s, k) => s + ((load[f][k] + add[k]) / total[k]) ** 2, 0);
      if (cost < bestCost - 1e-12) { best = f; bestCost = cost; }
    }
    for (const k of kinds) load[best][k] += add[k];
    for (const i of idx) fold[i] = best;
  }
  return fold;
}

