/**
 * Grouped cross-validation of detection (issue 14, session 11) — DEV ONLY; nothing is written.
 *
 *   npx tsx bench/intel-generalise.ts [--folds 5] [--show-groups] [--json]
 *     [--placeholders] [--full-table] [--weights kind] [--min-df N] [--l2 X] [--l2-type X] [--steps N]
 *     [--max-fp X] [--baseline] [--position] [--show]
 *     [--fraud-scale cases=0.25,tips=0.5] [--feature-scale nb|idf] [--nb-from messages|all] [--nb-alpha X] [--nb-beta X]
 *     [--topic-l2 X] [--topic-drop X] [--topic-from all|cases] [--topic-words] (session 12, topic bias: train-intel.ts TrainOptions)
 *     [--hard-negatives X]                                            (not-fraud texts on the reports' topic weigh more)
 *     [--message-head MAXLEN] [--message-scale cases=0,tips=0]       (a second fraud head for texts ≤ MAXLEN characters)
 *
 *   --repeats R  R dealings of the groups into folds (counts pooled over all; ±1 item is noise at n 74)
 *   --baseline   main's configuration before session 11 (no placeholders, classes balanced)
 *   --position   the old folds by position instead of groups (to see the leak)
 *   --cal JSON   also report one fixed calibration (e.g. the one position CV would ship)
 *   --show       dev only: scam messages the model alone misses, ordinary messages it reads highest
 *   --show-types dev only: cases whose cross-fitted type is wrong, with the wrong types and how often
 *   --synth LIST also train on the invented sets of session 12: scams,ordinary,cases | all (+ scams-as-real);
 *                same as INTEL_SYNTH=LIST, which bench/train-intel.ts reads too (default since session 12's gate:
 *                all,scams-as-real at weight 0.3; INTEL_SYNTH=none trains without them)
 *
 * Why: the 5-fold CV of `npm run train:intel -- --cv` deals texts to folds by position, so a scam message
 * quoted by two pages of one site, or the same notice template collected twice, sits on both sides, and its
 * twin teaches the model the answer. The held-out split of session 10 showed the gap: dev CV ~0.91 recall,
 * held-out scam messages 0.388. Here the real dev texts are grouped so that no group is split:
 *
 * - by the registrable domain of the `source` address (news.shi-fen.com and m.news.shi-fen.com, or
 *   hebei.sina.com.cn and sc.sina.com.cn, are one group; yybnet.net is one group across cases, scam
 *   messages and ordinary messages) — one site reposts, templates and quotes its own items; for github.com
 *   by the repository owner (ordinary SMS samples come from a few accounting/SMS-tool projects, whose
 *   files share templates; Auto-Accounting and AutoAccountingOrg are one project);
 * - and, across groups, texts that share a 16-character run after the model's normalisation are joined
 *   when the run holds at least 8 letters other than date words (the collectors' criterion for refusing
 *   candidates already in the files, without date stamps): a scam message quoted verbatim by two
 *   different sites is one item, not two.
 *
 * Id ranges (the collections) were not chosen as groups: a collection is one helper's pass over many sites,
 * and a fold per collection would leave only 4–7 uneven folds and mix a site's items across folds anyway.
 *
 * The invented dev sets (tips.dev, nonfraud.dev) have no source; they are always training texts and never
 * scored — the targets are about real texts. Each fold retrains the model on the other folds (plus the
 * invented sets) with the options given. The calibration (verdict.ts) is cross-fitted: for each fold it is
 * chosen (train-intel.ts chooseCalibration) on the grouped out-of-fold readings of the OTHER folds only.
 * The rules were partly written from these dev items, so the rules' share is in-sample; the model alone is
 * also reported (flagged at p ≥ a threshold cross-fitted the same way, types by its top class).
 */
import { FRAUD_TYPE_CODES } from '../shared/domain.ts';
import { flagged } from '../server/modules/intel/evaluate-detection.ts';
import { readWithModel, type ModelWeights } from '../server/modules/intel/model.ts';
import { combineLevel, DEFAULT_CALIBRATION, isShort, judge, type Calibration, type Level } from '../server/modules/intel/verdict.ts';
import { assignFolds, groupItems, inventedDev, realDevItems, type Item } from './intel-groups.ts';
import { chooseCalibration, readOut, TRAIN_OPTIONS, train, type Oof, type TrainOptions } from './train-intel.ts';

interface Row extends Oof { fold: number; item: Item; modelType: string }

const isFlagged = (level: Level) => flagged({ level });

interface Metrics { scams: number; scamsN: number; cases: number; casesN: number; fp: number; ordN: number; types: number; typesN: number; unsureFraud: number; unsureOrd: number }
function metrics(rows: Row[], flagged: (r: Row) => boolean, unsure: (r: Row) => boolean, type: (r: Row) => string): Metrics {
  const s = rows.filter((r) => r.item.kind === 'scams'), c = rows.filter((r) => r.item.kind === 'cases'), o = rows.filter((r) => r.item.kind === 'ordinary');
  const typed = c.filter((r) => r.e.type !== null);
  return {
    scams: s.filter(flagged).length, scamsN: s.length, cases: c.filter(flagged).length, casesN: c.length,
    fp: o.filter(flagged).length, ordN: o.length, types: typed.filter((r) => type(r) === FRAUD_TYPE_CODES[r.e.type!]).length, typesN: typed.length,
    unsureFraud: [...s, ...c].filter(unsure).length, unsureOrd: o.filter(unsure).length,
  };
}
const f3 = (a: number, n: number) => (n ? (a / n).toFixed(3) : '  -  ');
const line = (name: string, m: Metrics) =>
  `| ${name} | ${f3(m.scams, m.scamsN)} (${m.scams}/${m.scamsN}) | ${f3(m.cases, m.casesN)} (${m.cases}/${m.casesN}) | ${f3(m.fp, m.ordN)} (${m.fp}/${m.ordN}) | ${f3(m.types, m.typesN)} (${m.types}/${m.typesN}) | ${m.unsureFraud} / ${m.unsureOrd} |`;

/** The model alone: the threshold with the most fraud texts flagged at ≤ maxFp false alarms on the given readings. */
function modelThreshold(rows: Row[], maxFp: number): number {
  let best = { t: 0.99, recall: -1 };
  for (let t = 0.3; t <= 0.991; t += 0.01) {
    const pos = rows.filter((r) => r.e.fraud), neg = rows.filter((r) => !r.e.fraud);
    const fp = neg.filter((r) => r.p >= t).length / neg.length;
    const recall = pos.filter((r) => r.p >= t).length / pos.length;
    if (fp <= maxFp + 1e-12 && recall > best.recall + 1e-12) best = { t: Math.round(t * 100) / 100, recall };
  }
  return best.t;
}

export interface GroupedResult { rows: Row[]; cal: Calibration[]; modelT: number[] }

export function groupedCv(opts: TrainOptions, folds = 5, maxFp = 0.005, log = (_: string) => {}, byPosition = false, repeats = 1): GroupedResult {
  const items = realDevItems();
  const invented = inventedDev();
  const groups = groupItems(items);
  const rows: Row[] = [];
  // Repeats: other dealings of the same groups (fold ids r·folds + f); every item is read once per repeat.
  for (let rep = 0; rep < repeats; rep++) {
  // --position: the old folds (by position in the files), to show how much the grouping changes the estimate.
  const fold0 = byPosition ? items.map((_, i) => (i + rep) % folds) : assignFolds(items, groups, folds, rep);
  const fold = fold0.map((f) => f + rep * folds);
  for (let f = rep * folds; f < (rep + 1) * folds; f++) {
    const t0 = Date.now();
    const m: ModelWeights = train([...items.filter((_, i) => fold[i] !== f), ...invented], 'grouped-cv', opts);
    items.forEach((it, i) => {
      if (fold[i] !== f) return;
      const o = readOut(it, m);
      rows.push({ ...o, fold: f, item: it, modelType: readWithModel(m, it.text).types[0].code });
    });
    log(`fold ${f}: trained in ${Date.now() - t0} ms, ${Object.keys(m.features).length} features`);
  }
  }
  // Cross-fitted within a repeat: fold f's thresholds from the other folds of the same dealing.
  const rep = (f: number) => Math.floor(f / folds);
  const cal = Array.from({ length: folds * repeats }, (_, f) => chooseCalibration(rows.filter((r) => rep(r.fold) === rep(f) && r.fold !== f), maxFp));
  const modelT = Array.from({ length: folds * repeats }, (_, f) => modelThreshold(rows.filter((r) => rep(r.fold) === rep(f) && r.fold !== f), 0.01));
  return { rows, cal, modelT };
}

export function report(res: GroupedResult, folds: number, fixed?: Calibration) {
  const { rows, cal, modelT } = res;
  const level = (r: Row, c: Calibration) => combineLevel(r.rules, r.p, r.harm, c, { warning: r.warning, short: isShort(r.e.text) });
  const typeAt = (r: Row, c: Calibration) => r.types.get(c.typeConfident) ?? 'none';
  const crossFit = {
    flagged: (r: Row) => isFlagged(level(r, cal[r.fold])), unsure: (r: Row) => level(r, cal[r.fold]) === 'unsure', type: (r: Row) => typeAt(r, cal[r.fold]),
  };
  const deflt = {
    flagged: (r: Row) => isFlagged(level(r, DEFAULT_CALIBRATION)), unsure: (r: Row) => level(r, DEFAULT_CALIBRATION) === 'unsure', type: (r: Row) => typeAt(r, DEFAULT_CALIBRATION),
  };
  const rulesOnly = (() => {
    const memo = new Map<string, ReturnType<typeof judge>>();
    const v = (r: Row) => memo.get(r.item.id) ?? memo.set(r.item.id, judge(r.item.text, null)).get(r.item.id)!;
    return { flagged: (r: Row) => isFlagged(v(r).level), unsure: (r: Row) => v(r).level === 'unsure', type: (r: Row) => v(r).fraudTypes[0]?.code ?? 'none' };
  })();
  const modelOnly = { flagged: (r: Row) => r.p >= modelT[r.fold], unsure: () => false, type: (r: Row) => r.modelType };
  const out: string[] = [];
  const head = ['| | scam messages recall | cases recall | false alarms (ordinary) | six-type accuracy (cases) | unsure fraud / ordinary |', '|---|---|---|---|---|---|'];
  out.push('rules + fold model, cross-fitted calibration (per fold, then pooled):', ...head);
  for (let f = 0; f < cal.length; f++) out.push(line(`fold ${f}`, metrics(rows.filter((r) => r.fold === f), crossFit.flagged, crossFit.unsure, crossFit.type)));
  const pooled = metrics(rows, crossFit.flagged, crossFit.unsure, crossFit.type);
  out.push(line('**pooled**', pooled));
  out.push('', 'pooled, other readings:', ...head);
  out.push(line('rules + fold model, default calibration', metrics(rows, deflt.flagged, deflt.unsure, deflt.type)));
  if (fixed) {
    const lv = (r: Row) => level(r, fixed);
    out.push(line(`rules + fold model, calibration ${JSON.stringify(fixed)}`, metrics(rows, (r) => isFlagged(lv(r)), (r) => lv(r) === 'unsure', (r) => typeAt(r, fixed))));
  }
  const modelM = metrics(rows, modelOnly.flagged, modelOnly.unsure, modelOnly.type);
  out.push(line(`fold model alone (p ≥ t, t cross-fitted at ≤ 1 % FP: ${[...new Set(modelT)].join('/')})`, modelM));
  out.push(line('rules alone (in-sample: written from dev)', metrics(rows, rulesOnly.flagged, rulesOnly.unsure, rulesOnly.type)));
  // Threshold-free view of the model alone (pooled out-of-fold p): how often a scam message reads higher
  // than an ordinary message, and the scam recall at one pooled threshold for 1 % and 3 % false alarms.
  const ps = rows.filter((r) => r.item.kind === 'scams').map((r) => r.p), po = rows.filter((r) => r.item.kind === 'ordinary').map((r) => r.p).sort((a, b) => b - a);
  const auc = ps.reduce((s, p) => s + po.reduce((t, q) => t + (p > q ? 1 : p === q ? 0.5 : 0), 0), 0) / (ps.length * po.length);
  const at = (fp: number) => { const t = po[Math.floor(fp * po.length)] ?? 1; return ps.filter((p) => p > t).length / ps.length; };
  const auc2 = { auc, r1: at(0.01), r3: at(0.03) };
  out.push('', `fold model alone, scam messages vs ordinary (pooled p): AUC ${auc.toFixed(3)}, recall at 1 % FP ${auc2.r1.toFixed(3)}, at 3 % FP ${auc2.r3.toFixed(3)}`);
  out.push('', `calibrations chosen per fold: ${cal.map((c) => `m${c.medium}/lm${c.lowMedium}/h${c.harm}/k${c.keep}/t${c.typeConfident}`).join('  ')}`);
  return { text: out.join('\n'), pooled, model: modelM, auc: auc2 };
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const args = process.argv.slice(2);
  const val = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const folds = Number(val('--folds') ?? 5);
  // --baseline: the configuration of main before session 11 (no placeholders, classes balanced).
  const base: TrainOptions = args.includes('--baseline') ? { ...TRAIN_OPTIONS, reading: {}, weights: 'balanced' } : TRAIN_OPTIONS;
  const opts: TrainOptions = {
    ...base,
    reading: { ...base.reading, ...(args.includes('--placeholders') ? { placeholders: true } : {}), ...(args.includes('--full-table') ? { fullTable: true } : {}) },
    weights: (val('--weights') as TrainOptions['weights']) ?? base.weights,
    minDf: Number(val('--min-df') ?? TRAIN_OPTIONS.minDf),
    l2Fraud: Number(val('--l2') ?? TRAIN_OPTIONS.l2Fraud),
    l2Type: Number(val('--l2-type') ?? TRAIN_OPTIONS.l2Type),
    steps: Number(val('--steps') ?? TRAIN_OPTIONS.steps),
    // Session 12, topic bias (train-intel.ts TrainOptions): each absent flag keeps the shipped training.
    ...(val('--fraud-scale') ? { fraudScale: Object.fromEntries(val('--fraud-scale')!.split(',').map((kv) => { const [k, v] = kv.split('='); return [k, Number(v)]; })) } : {}),
    ...(val('--feature-scale') ? { featureScale: val('--feature-scale') as TrainOptions['featureScale'] } : {}),
    ...(val('--nb-from') ? { nbFrom: val('--nb-from') as TrainOptions['nbFrom'] } : {}),
    ...(val('--nb-alpha') ? { nbAlpha: Number(val('--nb-alpha')) } : {}),
    ...(val('--nb-beta') ? { nbBeta: Number(val('--nb-beta')) } : {}),
    ...(val('--topic-l2') ? { topicL2: Number(val('--topic-l2')) } : {}),
    ...(val('--topic-drop') ? { topicDrop: Number(val('--topic-drop')) } : {}),
    ...(val('--topic-from') ? { topicFrom: val('--topic-from') as TrainOptions['topicFrom'] } : {}),
    ...(args.includes('--topic-words') ? { topicWords: true } : {}),
    ...(val('--hard-negatives') ? { hardNegatives: Number(val('--hard-negatives')) } : {}),
    ...(val('--message-head') ? { messageHead: { maxLength: Number(val('--message-head')), scale: Object.fromEntries((val('--message-scale') ?? 'cases=0,tips=0').split(',').map((kv) => { const [k, v] = kv.split('='); return [k, Number(v)]; })) } } : {}),
  };
  if (args.includes('--show-groups')) {
    const items = realDevItems();
    const groups = groupItems(items);
    const fold = assignFolds(items, groups, folds);
    const sizes = new Map<string, { n: number; f: number; kinds: Set<string> }>();
    groups.forEach((g, i) => { const s = sizes.get(g) ?? { n: 0, f: fold[i], kinds: new Set() }; s.n++; s.kinds.add(items[i].kind); sizes.set(g, s); });
    console.log(`${items.length} real dev items in ${sizes.size} groups`);
    for (const [g, s] of [...sizes].sort((a, b) => b[1].n - a[1].n).slice(0, 15)) console.log(`  ${g}: ${s.n} (${[...s.kinds].join(',')}) → fold ${s.f}`);
    for (let f = 0; f < folds; f++) console.log(`  fold ${f}: ${['cases', 'scams', 'ordinary'].map((k) => `${k} ${items.filter((it, i) => fold[i] === f && it.kind === k).length}`).join(', ')}`);
    process.exit(0);
  }
  // --synth LIST: also train on the invented sets of session 12 (intel-groups.ts synthSets; never scored).
  if (val('--synth') !== undefined) process.env.INTEL_SYNTH = val('--synth');
  console.log(`options: ${JSON.stringify(opts)}${process.env.INTEL_SYNTH ? `, invented sets: ${process.env.INTEL_SYNTH}` : ''}`);
  const res = groupedCv(opts, folds, Number(val('--max-fp') ?? 0.005), (s) => console.error(s), args.includes('--position'), Number(val('--repeats') ?? 1));
  const fixed = val('--cal') ? { ...DEFAULT_CALIBRATION, ...(JSON.parse(val('--cal')!) as Partial<Calibration>) } : undefined;
  const r = report(res, folds, fixed);
  console.log(r.text);
  if (args.includes('--show')) {
    // Dev only: the scam messages the fold model alone misses, and the ordinary messages it reads highest.
    for (const row of res.rows.filter((x) => x.item.kind === 'scams' && x.p < res.modelT[x.fold]).sort((a, b) => b.p - a.p))
      console.log(`MISS ${row.item.id} p=${row.p.toFixed(2)} rules=${row.rules} | ${row.item.text.replace(/\s+/g, ' ').slice(0, 80)}`);
    for (const row of res.rows.filter((x) => x.item.kind === 'ordinary').sort((a, b) => b.p - a.p).slice(0, 12))
      console.log(`ORD ${row.item.id} p=${row.p.toFixed(2)} rules=${row.rules} | ${row.item.text.replace(/\s+/g, ' ').slice(0, 80)}`);
  }
  if (args.includes('--show-types')) {
    // Dev only (session 12): the dev cases whose type, read with the fold model and the cross-fitted
    // calibration, is not their label — with how many of the dealings read each wrong type.
    const wrong = new Map<string, Map<string, number>>();
    for (const row of res.rows.filter((x) => x.item.kind === 'cases' && x.e.type !== null)) {
      const got = row.types.get(res.cal[row.fold].typeConfident) ?? 'none';
      const want = FRAUD_TYPE_CODES[row.e.type!];
      if (got === want) continue;
      const k = `${row.item.id} [${want}]`;
      const m = wrong.get(k) ?? new Map<string, number>();
      m.set(got, (m.get(got) ?? 0) + 1);
      wrong.set(k, m);
    }
    for (const [k, m] of [...wrong].sort()) console.log(`TYPE ${k} → ${[...m].map(([g, n]) => `${g}×${n}`).join(' ')}`);
  }
  if (args.includes('--json')) console.log(JSON.stringify({ opts, pooled: r.pooled, model: r.model, auc: r.auc }));
}
