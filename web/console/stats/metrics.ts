/**
 * What the dashboard shows, each once: its title and unit, how it is read from the engine's figures
 * (one figure; rates come from the engine with their two parts), and where its records are. Cards, the table by region, the bar
 * chart and the map all read this list.
 */
import type { IndicatorKey } from '../../../shared/indicators.ts';
import { shownOf, type Figure, type Shown } from './figures.ts';

type Figures = Record<string, Figure>;

export interface Metric {
  id: string;
  title: string;
  unit: string;
  isRate?: boolean;
  /** The indicators it reads. */
  keys: IndicatorKey[];
  /** How the rate is counted, with its two parts when the engine gives them, shown under it. */
  explain?: (f: Figures) => string;
  get: (f: Figures) => Shown;
  /** The figure whose records stand behind the number (the numerator of a rate). */
  recordsOf: IndicatorKey;
  /** Where the tip list holds those records, when the engine gives no link: the status, if any. */
  tipStatus?: string | null;
}

const one = (key: IndicatorKey, title: string, unit: string, tipStatus?: string | null): Metric =>
  ({ id: key, title, unit, keys: [key], get: (f) => shownOf(f[key]), recordsOf: key, tipStatus });
/** A rate the engine computes (docs/indicators.md), explained by its parts: "已办结 3 ÷ 已受理 8". */
const rate = (key: IndicatorKey, title: string, [num, den]: [string, string], tipStatus?: string | null): Metric => ({
  ...one(key, title, '%', tipStatus), isRate: true,
  explain: (f) => { const p = f[key]?.parts; return p ? `${num} ${p.numerator} ÷ ${den} ${p.denominator}` : `${num} ÷ ${den}`; },
});

export const METRICS: Metric[] = [
  one('tips_received', '受理线索', '条', null),
  rate('closure_rate_pct', '办结率', ['已办结', '已受理（含其后各环节）'], 'closed'),
  rate('on_time_rate_pct', '按期办结率', ['按期办结', '有办理期限的已办结'], 'closed'),
  rate('satisfaction_rate_pct', '满意率', ['反馈满意', '作出评价'], 'closed'),
  one('cases_filed', '立案', '起'),
  one('suspects_arrested', '抓获', '人'),
  one('amount_recovered_yuan', '追赃挽损', '元'),
  { ...rate('recovery_rate_pct', '追赃挽损率', ['追赃挽损（元）', '涉案金额（元）']), recordsOf: 'amount_recovered_yuan' },
  one('entities_screened', '排查主体', '家'),
  one('people_reached', '宣传覆盖人数', '人'),
];

export const metric = (id: string) => METRICS.find((m) => m.id === id) ?? METRICS[0];

/** Every indicator the metrics read, for one request. */
export const METRIC_KEYS = [...new Set(METRICS.flatMap((m) => m.keys))];

/** The console page for an indicator's records when the engine gives no link (tips have their own filter). */
export function sectionOf(key: IndicatorKey): string {
  if (key.startsWith('tips_') || key === 'reporter_satisfied') return '/console/tips';
  if (['entities_screened', 'inspections_person_times', 'hazards_found', 'hazards_rectified'].includes(key)) return '/console/subjects';
  if (['ads_monitored', 'ads_cleaned'].includes(key)) return '/console/publicity/monitoring';
  if (['people_reached', 'publicity_events', 'materials_distributed'].includes(key)) return '/console/publicity';
  return '/console/cases';
}

/**
 * The records behind a figure: the engine's link when it gives one, else the tip list filtered by
 * region, dates and status for tip figures, else the section that lists them.
 */
export function recordsLink(m: Metric, figures: Figures, scope: { region: string; from: string; to: string }): string {
  const link = figures[m.recordsOf]?.link;
  if (link) return link;
  const section = sectionOf(m.recordsOf);
  if (section !== '/console/tips') return section;
  const p = new URLSearchParams();
  if (m.tipStatus) p.set('status', m.tipStatus);
  if (scope.region) p.set('regionCode', scope.region);
  p.set('from', scope.from);
  p.set('to', scope.to);
  return `/console/tips?${p}`;
}
