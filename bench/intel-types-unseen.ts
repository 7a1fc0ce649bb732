/**
 * Type errors on UNSEEN rule readings (session 16, docs/intel.md "Twelfth collection (session 16): cases"). For every
 * commit that added cases to cases.jsonl, the DEV cases it added (today's dev split, today's labels) are read by the
 * code of the commit's PARENT — the rules and model as they stood before anyone had read those cases — and the six-type
 * choice is tabulated against today's labels. Session 14 did the same with the data commit itself; the parent is
 * stricter (a commit that added data and rules together is read before its rules).
 *
 *   npx tsx bench/intel-types-unseen.ts --read   detached worktree of each parent under /tmp/cases-old-<sha>
 *                                                (node_modules symlinked), read, remove; cache /tmp/cases-unseen
 *   npx tsx bench/intel-types-unseen.ts          the table, per type and per confusion (from the cache)
 *
 * Parents before verdict.ts existed (the first three data commits) are read with their analyze() (no model).
 * Dev only: ids come from realDevItems(); old files are parsed for their "id" fields only; no held-out text is read.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { realDevItems } from './intel-groups.ts';

const CACHE = '/tmp/cases-unseen';
const FILE = 'server/modules/intel/data/real/cases.jsonl';
const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', maxBuffer: 1 << 28 });
const idsAt = (rev: string) => {
  let text = '';
  try { text = git('show', `${rev}:${FILE}`); } catch { return new Set<string>(); }
  return new Set([...text.matchAll(/"id"\s*:\s*"([^"]+)"/g)].map((m) => m[1]));
};

interface Reading { id: string; commit: string; code: string; label: string; model: string; rules: string; levelModel: string; levelRules: string }
type Types = { fraudTypes: { code: string; confidence: number }[]; level?: string };

async function read() {
  mkdirSync(CACHE, { recursive: true });
  const dev = new Map(realDevItems().filter((e) => e.kind === 'cases').map((e) => [e.id, e]));
  const commits = git('log', '--no-merges', '--reverse', '--format=%h', '--', FILE).trim().split('\n');
  const out: Reading[] = [];
  for (const c of commits) {
    const parent = git('rev-parse', '--short', `${c}^`).trim();
    const before = idsAt(parent);
    const ids = [...idsAt(c)].filter((id) => !before.has(id) && dev.has(id));
    if (!ids.length) { console.log(`${c}: no new dev case`); continue; }
    const wt = `/tmp/cases-old-${parent}`;
    if (!existsSync(wt)) {
      git('worktree', 'add', '--detach', wt, parent);
      symlinkSync(`${process.cwd()}/node_modules`, `${wt}/node_modules`);
    }
    const mod = `${wt}/server/modules/intel`;
    let withModel: (t: string) => Types, alone: (t: string) => Types;
    if (existsSync(`${mod}/verdict.ts`)) {
      const { judge } = (await import(pathToFileURL(`${mod}/verdict.ts`).href)) as { judge: (t: string, m: unknown) => Types };
      const { loadModel } = (await import(pathToFileURL(`${mod}/model.ts`).href)) as { loadModel: () => unknown };
      const model = loadModel();
      withModel = (t) => judge(t, model);
      alone = (t) => judge(t, null);
    } else {
      const { analyze } = (await import(pathToFileURL(`${mod}/analyze.ts`).href)) as { analyze: (t: string) => Types };
      withModel = alone = analyze;
    }
    for (const id of ids) {
      const e = dev.get(id)!;
      const a = withModel(e.text), b = alone(e.text);
      out.push({ id, commit: c, code: parent, label: e.label!, model: a.fraudTypes[0]?.code ?? 'none', rules: b.fraudTypes[0]?.code ?? 'none', levelModel: a.level ?? '-', levelRules: b.level ?? '-' });
    }
    git('worktree', 'remove', '--force', wt);
    console.log(`${c} (code ${parent}): ${ids.length} dev cases`);
  }
  writeFileSync(`${CACHE}/readings.json`, JSON.stringify(out));
  console.log(`${out.length} readings → ${CACHE}/readings.json`);
}

const SHORT: Record<string, string> = {
  elderly_service: '服务', elderly_project: '项目', elderly_product: '产品', house_for_pension: '以房', pension_insurance: '保险', elderly_assistance: '帮扶', none: 'untyped',
};

function report() {
  const rs = JSON.parse(readFileSync(`${CACHE}/readings.json`, 'utf8')) as Reading[];
  const commits = [...new Set(rs.map((r) => r.commit))];
  console.log('| data commit | code read | dev cases | n | right, rules + model | right, rules alone | errors (label → read; rules alone in brackets where different) |');
  console.log('|---|---|---|---|---|---|---|');
  for (const c of commits) {
    const p = rs.filter((r) => r.commit === c);
    const errs = p.filter((r) => r.model !== r.label || r.rules !== r.label)
      .map((r) => `${r.id} ${SHORT[r.label]}→${SHORT[r.model]}${r.rules !== r.model ? ` (${SHORT[r.rules]})` : ''}`);
    const ids = p.map((r) => r.id).sort();
    console.log(`| ${c} | ${p[0].code} | ${ids[0]}–${ids[ids.length - 1]} | ${p.length} | ${p.filter((r) => r.model === r.label).length} | ${p.filter((r) => r.rules === r.label).length} | ${errs.join('; ') || '—'} |`);
  }
  for (const k of ['model', 'rules'] as const) {
    const typed = rs.filter((r) => r[k] !== 'none');
    console.log(`\n${k === 'model' ? 'rules + model' : 'rules alone'}: right ${rs.filter((r) => r[k] === r.label).length}/${rs.length}, typed right ${typed.filter((r) => r[k] === r.label).length}/${typed.length}`);
    for (const t of Object.keys(SHORT).filter((t) => t !== 'none')) {
      const tp = typed.filter((r) => r[k] === t && r.label === t).length;
      const pred = typed.filter((r) => r[k] === t).length, gold = typed.filter((r) => r.label === t).length;
      console.log(`  ${SHORT[t]}: precision ${tp}/${pred}, recall ${tp}/${gold} (typed)`);
    }
    const conf = new Map<string, string[]>();
    for (const r of typed.filter((r) => r[k] !== r.label)) conf.set(`${SHORT[r.label]}→${SHORT[r[k]]}`, [...(conf.get(`${SHORT[r.label]}→${SHORT[r[k]]}`) ?? []), `${r.id}@${r.commit}`]);
    for (const [c, ids] of [...conf].sort((a, b) => b[1].length - a[1].length)) console.log(`  ${c}: ${ids.join(' ')}`);
  }
}

if (process.argv.includes('--read')) await read();
else report();
