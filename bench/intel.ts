/**
 * bench/intel: average time to analyze a 300-character tip (target < 2 ms), over the held-out tips
 * stretched to 300 characters, after a warm-up. Linking (the other half of the target) is
 * not built yet.
 */
import { cpus } from 'node:os';
import { analyze } from '../server/modules/intel/analyze.ts';
import { load } from '../server/modules/intel/evaluate.ts';

const tips = load<{ text: string }>('tips.heldout.jsonl').map((t) => {
  let s = t.text;
  while (s.length < 300) s += t.text;
  return s.slice(0, 300);
});
for (let i = 0; i < 500; i++) analyze(tips[i % tips.length]);
const runs = 20_000;
const t0 = process.hrtime.bigint();
for (let i = 0; i < runs; i++) analyze(tips[i % tips.length]);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
console.log(`bench/intel — ${cpus()[0].model}, Node ${process.version}`);
console.log(`analyze 300-character tip: ${(ms / runs).toFixed(3)} ms on average over ${runs} runs (target < 2 ms)`);

// Figure extraction (issue 14) on 300-character cuts of the real dev work summaries.
import { extractFigures } from '../server/modules/intel/figures.ts';
import { loadRealSummaries } from '../server/modules/intel/evaluate-real.ts';
const cuts = loadRealSummaries('dev').flatMap((s) => [0, 300, 600].map((i) => s.text.slice(i, i + 300)).filter((c) => c.length === 300));
for (let i = 0; i < 500; i++) extractFigures(cuts[i % cuts.length]);
const f0 = process.hrtime.bigint();
for (let i = 0; i < runs; i++) extractFigures(cuts[i % cuts.length]);
console.log(`extract figures from a 300-character summary cut: ${(Number(process.hrtime.bigint() - f0) / 1e6 / runs).toFixed(3)} ms on average over ${runs} runs (target < 2 ms)`);
