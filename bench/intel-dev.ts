/**
 * Prints the analysis's mistakes on the development set only — the one set the lexicon may be tuned
 * on. The held-out set is scored in aggregate by `npm run eval:intel` and its errors are never printed.
 */
import { analyze } from '../server/modules/intel/analyze.ts';
import { load } from '../server/modules/intel/evaluate.ts';
import { scamCheck } from '../server/modules/intel/scam-check.ts';

const tips = load<{ text: string; label: string }>('tips.dev.jsonl');
let right = 0;
for (const t of tips) {
  const a = analyze(t.text);
  const got = a.fraudTypes[0]?.code ?? 'none';
  if (got === t.label) right++;
  else console.log(`✗ ${t.label} → ${got} ${JSON.stringify(a.fraudTypes)} flags=${a.redFlags.map((f) => f.quote).join('/')}\n  ${t.text}`);
}
console.log(`dev accuracy ${right}/${tips.length}`);
for (const o of load<{ text: string }>('nonfraud.dev.jsonl')) {
  const r = scamCheck(o.text);
  if (r.riskLevel !== 'none') console.log(`ordinary text rated ${r.riskLevel}: ${o.text} ${r.redFlags.map((f) => f.quote).join('/')}`);
}

import { extractFigures } from '../server/modules/intel/figures.ts';
for (const s of load<{ text: string; figures: { indicator: string; value: number }[]; masked: string[] }>('figures.dev.jsonl')) {
  const got = extractFigures(s.text);
  const want = s.figures.map((f) => `${f.indicator}=${f.value}`).sort().join(' ');
  const have = got.figures.map((f) => `${f.indicator}=${f.value}`).sort().join(' ');
  if (want !== have || got.masked.length !== s.masked.length) console.log(`figures ✗ ${s.text}\n  want ${want} masked ${s.masked}\n  have ${have} masked ${got.masked}`);
}
