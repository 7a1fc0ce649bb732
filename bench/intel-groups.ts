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

/** `kind`: which collection the text is from (cases, scams, ordinary, tips, nonfraud, corrections). */
export interface Example { text: string; fraud: 0 | 1; type: number | null; kind?: string }

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

export function inventedDev(): Example[] {
  return [
    ...load<{ text: string; label: string }>('tips.dev.jsonl').map((t): Example => ({ text: t.text, fraud: 1, type: typeIndex(t.label), kind: 'tips' })),
    ...load<{ text: string }>('nonfraud.dev.jsonl').map((t): Example => ({ text: t.text, fraud: 0, type: null, kind: 'nonfraud' })),
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

