/**
 * Figure extraction on summaries the rules had not seen (session 14): each collection's DEV items read by the
 * extractor as it stood at the commit that added that collection (before any rule was written from it), scored with
 * today's matching rule against today's dev labels. A proxy for held-out errors that never touches held-out.
 *
 *   git worktree add --detach /tmp/s14fig-old-<sha> <sha>; ln -s "$PWD/node_modules" /tmp/s14fig-old-<sha>/node_modules   (each sha below)
 *   npx tsx bench/intel-fig-unseen.ts            the extractor of each data commit (out of sample)
 *   npx tsx bench/intel-fig-unseen.ts --now      today's extractor on the same items (in sample: written from them)
 *   OLD_ROOT=/path/old- overrides the /tmp/s14fig-old- prefix; OLD_FILE=name reads another file beside figures.ts (a
 *   patched copy: what a change would have done on text not yet seen). Remove the worktrees after (git worktree remove).
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadRealSummaries, scoreRealFigures, type RealFigureMistakes, type RealSummary } from '../server/modules/intel/evaluate-real.ts';
import { extractFigures } from '../server/modules/intel/figures.ts';

/** Data commit, first and last id of the collection it added (git log -- server/modules/intel/data/real/summaries.jsonl). */
const BATCHES: [sha: string, from: string, to: string][] = [
  ['fc4d5b2', 's056', 's093'],
  ['178946a', 's094', 's117'],
  ['3f313a8', 's118', 's132'],
  ['d9739db', 's133', 's189'],
  ['65a506e', 's190', 's209'],
  ['258c01d', 's210', 's215'],
];

type Extract = typeof extractFigures;
const now = process.argv.includes('--now');
const root = process.env.OLD_ROOT ?? '/tmp/s14fig-old-';
const file0 = process.env.OLD_FILE ?? 'figures.ts';
const dev = loadRealSummaries('dev');
let tp = 0, pred = 0, lab = 0;

/** Where a wrong figure sits: on a number labelled with another key, labelled `other`, or on no labelled figure. */
function where(s: RealSummary, f: { start: number; end: number; value: number }) {
  const l = s.figures.find((l) => f.start < l.end && l.start < f.end);
  return l ? (l.indicator === 'other' ? 'labelled other' : `labelled ${l.indicator}=${l.value}`) : 'no label';
}

for (const [sha, from, to] of BATCHES) {
  const file = `${root}${sha}/server/modules/intel/${file0}`;
  if (!now && !existsSync(file)) {
    console.log(`${sha}: ${file} missing — create the worktree first (see the header)`);
    continue;
  }
  const extract: Extract = now ? extractFigures : ((await import(pathToFileURL(file).href)) as { extractFigures: Extract }).extractFigures;
  const items = dev.filter((s) => s.id >= from && s.id <= to);
  const mistakes: RealFigureMistakes[] = [];
  const r = scoreRealFigures(items, mistakes, extract);
  tp += r.truePositives; pred += r.predictedKeyed; lab += r.labelledKeyed;
  console.log(`== ${sha} ${from}–${to}: ${r.items} dev items, P ${r.precision} (${r.truePositives}/${r.predictedKeyed}), R ${r.recall} (${r.truePositives}/${r.labelledKeyed}), masked guessed ${r.maskedGuessed}`);
  for (const m of mistakes) {
    const s = items.find((s) => s.id === m.id)!;
    for (const f of m.wrong) console.log(`  ${m.id} wrong  ${f.indicator}=${f.value} [${where(s, f)}] «${f.quote}»`);
    for (const f of m.missed) console.log(`  ${m.id} missed ${f.indicator}=${f.value} «${f.quote}»`);
  }
}
const round = (x: number) => Math.round(x * 1000) / 1000;
console.log(`all batches (${now ? "today's extractor, in sample" : 'extractor of each data commit, out of sample'}): P ${round(tp / pred)} (${tp}/${pred}), R ${round(tp / lab)} (${tp}/${lab})`);
