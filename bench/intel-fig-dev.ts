/**
 * Figure extraction on the real work summaries of issue 14, DEVELOPMENT split only: the scores and
 * every mistake, item by item. The held-out split is scored in aggregate by `npm run eval:intel`;
 * its texts and per-item results are never printed.   npx tsx bench/intel-fig-dev.ts [--from=s094]
 * --from=ID scores only dev items from that id on: the honest estimate on a new collection, taken before
 * any rule is written from it.
 */
import { formatRealFigureScores, loadRealSummaries, scoreRealFigures, type RealFigureMistakes } from '../server/modules/intel/evaluate-real.ts';

const mistakes: RealFigureMistakes[] = [];
const from = process.argv.find((a) => a.startsWith('--from='))?.slice('--from='.length);
const dev = loadRealSummaries('dev').filter((s) => !from || s.id >= from);
const scores = scoreRealFigures(dev, mistakes);
for (const m of mistakes) {
  const lines = [
    ...m.missed.map((f) => `  missed ${f.indicator}=${f.value} «${f.quote}» ${f.start}-${f.end}${f.note ? ` (${f.note})` : ''}`),
    ...m.wrong.map((f) => `  wrong  ${f.indicator}=${f.value} ${f.start}-${f.end} «${f.quote}»`),
    ...m.guessed.map((f) => `  GUESSED masked ${f.indicator}=${f.value} «${f.quote}»`),
    ...m.maskedMissed.map((q) => `  masked not reported «${q}»`),
  ];
  if (lines.length) console.log(`${m.id}\n${lines.join('\n')}`);
}
console.log(formatRealFigureScores(`real work summaries, DEV split${from ? ` from ${from} (${dev.length} items)` : ''}`, scores));
