import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractFigures, type Figure } from './figures.ts';

/**
 * Figure extraction scored on the real, hand-labelled work summaries of issue 14
 * (data/real/summaries.jsonl; provenance, split rule and labelling guide in docs/intel.md).
 *
 * Matching rule: a predicted figure matches a labelled one when the indicator is the same, the value
 * is the same, and the spans overlap or the predicted number's start lies inside the labelled span.
 * Each labelled figure is matched at most once. Precision and recall count only figures with a known
 * indicator key; a predicted figure keyed `other` is not counted, and a keyed prediction on a number
 * labelled `other` is a false positive (a wrong key is worse than none). "All figures" recall counts
 * every labelled figure, `other` included, found at its place with its value whatever its key
 * (informational: the number was shown to the reviewer). A masked number is "guessed" when a
 * predicted figure's span overlaps the placeholder of a labelled masked quote; masked detection
 * counts the labelled masked quotes that a reported masked number falls inside.
 */

export interface RealFigure {
  indicator: string;
  value: number;
  unit: string;
  approx: boolean;
  quote: string;
  start: number;
  end: number;
  note?: string;
}
export interface RealSummary {
  id: string;
  text: string;
  split: 'dev' | 'heldout';
  figures: RealFigure[];
  masked: string[];
}

export function loadRealSummaries(split: 'dev' | 'heldout'): RealSummary[] {
  const text = readFileSync(fileURLToPath(new URL('./data/real/summaries.jsonl', import.meta.url)), 'utf8');
  return text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as RealSummary).filter((s) => s.split === split);
}

export interface RealFigureScores {
  items: number;
  labelledKeyed: number;
  predictedKeyed: number;
  truePositives: number;
  precision: number;
  recall: number;
  /** Recall over every labelled figure, `other` included, by place and value only. */
  recallAll: number;
  labelledAll: number;
  /** Matched figures whose approx flag agrees with the label. */
  approxAgree: number;
  maskedLabelled: number;
  maskedDetected: number;
  /** Reported masked numbers that lie in no labelled masked quote (e.g. a masked name). */
  maskedSpurious: number;
  /** Masked numbers read as a figure: target 0. */
  maskedGuessed: number;
}

/** Per-item mistakes, for the development split only (bench/intel-fig-dev.ts prints them). */
export interface RealFigureMistakes {
  id: string;
  missed: RealFigure[];
  wrong: Figure[];
  guessed: Figure[];
  maskedMissed: string[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const sameValue = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
const placed = (p: { start: number; end: number }, l: { start: number; end: number }) =>
  (p.start < l.end && l.start < p.end) || (l.start <= p.start && p.start < l.end);

const MASK = /[xX×*＊_＿]/;
const MASK_RUN = /[xX×*＊_＿0-9.．万亿千百+]/;

/** The placeholders of each labelled masked quote, located in the text: the mask characters and the digits, dots and units around them. */
function maskedRegions(s: RealSummary) {
  const out: { quote: string; start: number; end: number }[] = [];
  for (const quote of new Set(s.masked)) {
    for (let at = s.text.indexOf(quote); at >= 0; at = s.text.indexOf(quote, at + 1)) {
      for (let i = 0; i < quote.length; i++) {
        if (!MASK.test(quote[i])) continue;
        let a = i, b = i + 1;
        while (a > 0 && MASK_RUN.test(quote[a - 1])) a--;
        while (b < quote.length && MASK_RUN.test(quote[b])) b++;
        out.push({ quote, start: at + a, end: at + b });
        i = b - 1;
      }
    }
  }
  return out;
}

/** `extract` defaults to today's extractor; bench/intel-fig-unseen.ts passes an older commit's, scored by today's rule and labels. */
export function scoreRealFigures(items: RealSummary[], mistakes?: RealFigureMistakes[], extract: (text: string) => Pick<ReturnType<typeof extractFigures>, 'figures' | 'maskedNumbers'> = extractFigures): RealFigureScores {
  let labelledKeyed = 0, predictedKeyed = 0, tp = 0, labelledAll = 0, foundAll = 0, approxAgree = 0;
  let maskedLabelled = 0, maskedDetected = 0, maskedSpurious = 0, maskedGuessed = 0;
  for (const s of items) {
    const got = extract(s.text);
    const keyed = s.figures.filter((f) => f.indicator !== 'other');
    labelledKeyed += keyed.length;
    labelledAll += s.figures.length;
    const used = new Set<RealFigure>();
    const wrong: Figure[] = [];
    for (const p of got.figures) {
      if (p.indicator === 'other') continue;
      predictedKeyed++;
      const m = keyed.find((l) => !used.has(l) && l.indicator === p.indicator && sameValue(p.value, l.value) && placed(p, l));
      if (m) {
        used.add(m);
        tp++;
        if (m.approx === p.approx) approxAgree++;
      } else wrong.push(p);
    }
    for (const l of s.figures) if (got.figures.some((p) => sameValue(p.value, l.value) && placed(p, l))) foundAll++;

    const regions = maskedRegions(s);
    const guessed = got.figures.filter((p) => regions.some((r) => placed(p, r) || placed(r, p)));
    maskedGuessed += guessed.length;
    const quotes = [...new Set(s.masked)];
    const missedMasked: string[] = [];
    for (const q of quotes) {
      maskedLabelled++;
      const rs = regions.filter((r) => r.quote === q);
      if (got.maskedNumbers.some((m) => rs.some((r) => placed(m, r) || placed(r, m)))) maskedDetected++;
      else missedMasked.push(q);
    }
    maskedSpurious += got.maskedNumbers.filter((m) => !regions.some((r) => placed(m, r) || placed(r, m))).length;
    mistakes?.push({ id: s.id, missed: keyed.filter((l) => !used.has(l)), wrong, guessed, maskedMissed: missedMasked });
  }
  return {
    items: items.length, labelledKeyed, predictedKeyed, truePositives: tp,
    precision: round(predictedKeyed ? tp / predictedKeyed : 0), recall: round(labelledKeyed ? tp / labelledKeyed : 0),
    recallAll: round(labelledAll ? foundAll / labelledAll : 0), labelledAll, approxAgree: round(tp ? approxAgree / tp : 0),
    maskedLabelled, maskedDetected, maskedSpurious, maskedGuessed,
  };
}

/** The release measurement on the held-out split: aggregate numbers only, never per-item results. */
export function evaluateRealFigures(): RealFigureScores {
  return scoreRealFigures(loadRealSummaries('heldout'));
}

export function formatRealFigureScores(label: string, r: RealFigureScores) {
  return [
    `${label}: ${r.items} summaries, ${r.labelledKeyed} labelled figures with an indicator key (${r.labelledAll} in all)`,
    `  extraction precision ${r.precision} (${r.truePositives}/${r.predictedKeyed}), recall ${r.recall} (${r.truePositives}/${r.labelledKeyed})  — targets P ≥ 0.95, R ≥ 0.9`,
    `  recall over all labelled figures incl. "other" (informational, place and value only) ${r.recallAll}; approx flag right on ${r.approxAgree} of matches`,
    `  masked numbers: guessed as a figure ${r.maskedGuessed} (target 0); detected ${r.maskedDetected}/${r.maskedLabelled}; reported but not a labelled masked number ${r.maskedSpurious}`,
  ].join('\n');
}
