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
