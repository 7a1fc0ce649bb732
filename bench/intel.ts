/**
 * bench/intel: average time to analyze a 300-character text (target < 2 ms) — the invented held-out
 * tips and the real dev cases and messages, each stretched to 300 characters, after a warm-up — and
 * what the shipped model costs: the time to read its weights and the RSS it adds (targets < 200 ms,
 * < 20 MB), measured first, before anything else touches it.
 */
import { cpus } from 'node:os';
import { statSync } from 'node:fs';
import { loadModel, MODEL_FILE, readWithModel } from '../server/modules/intel/model.ts';

import { extractFigures } from '../server/modules/intel/figures.ts';
import { loadRealSummaries } from '../server/modules/intel/evaluate-real.ts';
global.gc?.();
const rss0 = process.memoryUsage().rss;
const heap0 = process.memoryUsage().heapUsed;
const l0 = process.hrtime.bigint();
const model = loadModel();
if (model) readWithModel(model, '预热');
const loadMs = Number(process.hrtime.bigint() - l0) / 1e6;
global.gc?.();
const rss1 = process.memoryUsage().rss;
const heap1 = process.memoryUsage().heapUsed;

const { analyze } = await import('../server/modules/intel/analyze.ts');
const { load } = await import('../server/modules/intel/evaluate.ts');
const { loadReal } = await import('../server/modules/intel/evaluate-detection.ts');
const stretch = (t: string) => {
  let s = t;
  while (s.length < 300) s += t;
  return s.slice(0, 300);
};
const texts = [
  ...load<{ text: string }>('tips.heldout.jsonl'),
  ...loadReal<{ text: string; split: 'dev' }>('cases', 'dev'),
  ...loadReal<{ text: string; split: 'dev' }>('ordinary', 'dev'),
  ...loadReal<{ text: string; split: 'dev' }>('scams', 'dev'),
].map((t) => stretch(t.text));
for (let i = 0; i < 500; i++) analyze(texts[i % texts.length]);
const runs = 10_000;
const t0 = process.hrtime.bigint();
for (let i = 0; i < runs; i++) analyze(texts[i % texts.length]);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
console.log(`bench/intel — ${cpus()[0].model}, Node ${process.version}`);
console.log(`model ${MODEL_FILE.split('/').slice(-2).join('/')}: ${(statSync(MODEL_FILE).size / 1024).toFixed(0)} KB, ${model ? Object.keys(model.features).length : 0} features; loaded in ${loadMs.toFixed(1)} ms (target < 200 ms), RSS +${((rss1 - rss0) / 1048576).toFixed(1)} MB, heap +${((heap1 - heap0) / 1048576).toFixed(1)} MB (target < 20 MB)${global.gc ? '' : ' — run with --expose-gc for exact figures'}`);
console.log(`analyze 300-character text: ${(ms / runs).toFixed(3)} ms on average over ${runs} runs, ${texts.length} texts (target < 2 ms)`);

// Hostile input at the length cap (session 12 review): runs that once made the link patterns quadratic.
// Session 13: one sign's words repeated with no stop (each match's checks looked across the whole sentence), and
// thousands of entities (each kept one was compared with every other).
const repeat = (unit: string) => unit.repeat(Math.ceil(20_000 / unit.length)).slice(0, 20_000);
for (const [name, t] of [['"a-" × 10,000', 'a-'.repeat(10_000)], ['"*" × 20,000', '*'.repeat(20_000)], ['"a." × 10,000', 'a.'.repeat(10_000)], ['"转账到安全账户" repeated', repeat('转账到安全账户')], ['"你的包裹被海关扣了要交税" repeated', repeat('你的包裹被海关扣了要交税')], ['"路1号" repeated', repeat('路1号')]] as const) {
  const h0 = process.hrtime.bigint();
  analyze(t);
  console.log(`analyze hostile 20,000 characters ${name}: ${(Number(process.hrtime.bigint() - h0) / 1e6).toFixed(1)} ms`);
}

// Figure extraction (issue 14) on 300-character cuts of the real dev work summaries.
const cuts = loadRealSummaries('dev').flatMap((s) => [0, 300, 600].map((i) => s.text.slice(i, i + 300)).filter((c) => c.length === 300));
for (let i = 0; i < 500; i++) extractFigures(cuts[i % cuts.length]);
const f0 = process.hrtime.bigint();
for (let i = 0; i < runs; i++) extractFigures(cuts[i % cuts.length]);
console.log(`extract figures from a 300-character summary cut: ${(Number(process.hrtime.bigint() - f0) / 1e6 / runs).toFixed(3)} ms on average over ${runs} runs (target < 2 ms)`);
