/**
 * Session 16: a per-id snapshot of every DEV item (scam messages, cases, ordinary): level with the shipped model, level by the
 * rules alone, the rules' sign codes and harm. `npx tsx bench/intel-dev-snapshot.ts > a.txt`, change the rules, again to b.txt,
 * then `diff a.txt b.txt`: what a rule change moved on dev, id by id. Dev only (realDevItems).
 */
import { judge } from '../server/modules/intel/verdict.ts';
import { realDevItems } from './intel-groups.ts';

for (const e of realDevItems()) {
  const m = judge(e.text), r = judge(e.text, null);
  console.log(`${e.id}\t${m.level}\t${r.level}\t${r.signs.map((s) => s.code).join(',')}\t${r.harm ? 'harm' : ''}`);
}
