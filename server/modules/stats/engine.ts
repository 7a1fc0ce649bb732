import { join, raw, sql, type Queryable, type Sql } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { INDICATORS, INDICATOR_KEYS, type IndicatorKey } from '../../../shared/indicators.ts';
import { FRAUD_TYPES, SUBJECT_KINDS } from '../../../shared/domain.ts';
import { chinaToday } from '../../../shared/time.ts';
import { inSubtree, subtreeSql } from '../access/jurisdiction.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { childRegions } from '../regions/regions.repository.ts';

/**
 * The indicator engine (issue 11): every indicator of shared/indicators.ts defined once
 * (INDICATOR_DEFS) and computed for a region subtree and a period of Beijing days.
 *
 * Where figures come from (docs/indicators.md, "The indicator engine", and docs/ARCHITECTURE.md,
 * "Statistics storage"):
 * - recorded flows ('sum'): the contributions of each record — (region, Beijing day, indicator,
 *   dimension, value), one SQL function per kind of record in migration 0022 — summed over the
 *   subtree and period. Read from the rollups (stats_rollup + stats_delta, kept by triggers in the
 *   records' own transaction) at the levels they keep (nation, province and city by day, a county's
 *   totals by month: migrations 0040, 0041), the rest from the subtree's own records; or, with
 *   `{ direct: true }`, counted from all the records (the reference);
 * - 'distinct' (entities_screened: subjects with an inspection in the period) and 'state'
 *   (tips_overdue: received in the period and overdue NOW) are counted from the records by index;
 * - 'stock' (institutions_count): registered up to `to`, whatever `from` is;
 * - reported figures: approved reported figures whose period lies inside the query period. For an
 *   indicator the platform records they are shown beside (`reported`), never added; for one only
 *   reported they are the value (source 'reported'). No figure at all → null, source 'none'.
 *
 * Rebuilding the rollups from the records: the SQL function `stats_rebuild()` (see rebuildRollups),
 * used by restore and after bulk loads (bench/generate); `stats_compact()` folds the delta table in.
 */

export type StatsBy = 'child' | 'day' | 'week' | 'month' | 'fraudType' | 'sector' | 'unit';
export const STATS_BY = ['child', 'day', 'week', 'month', 'fraudType', 'sector', 'unit'] as const satisfies readonly StatsBy[];

export interface StatsQuery {
  region?: string;
  from?: string;
  to?: string;
  indicators?: IndicatorKey[];
  by?: StatsBy;
  compare?: boolean;
}
export interface Figure {
  value: number | null;
  unit: string;
  source: 'recorded' | 'reported' | 'none';
  previous?: number | null;
  yoy?: number | null;
  link?: string;
  /** A recorded indicator's approved reported figures in the period, shown beside the value and never added to it. */
  reported?: number;
  /** A rate's two parts (money in yuan), so a reader can show "1 ÷ 2" beside the percentage. */
  parts?: { numerator: number; denominator: number };
}
export interface StatsRow { key: string; name: string; figures: Record<string, Figure> }
export interface StatsResult {
  region: { code: string; name: string };
  from: string | null;
  to: string;
  figures: Record<string, Figure>;
  rows?: StatsRow[];
}

type Strand = 'tips' | 'cases' | 'screening' | 'enforcement' | 'publicity' | 'monitoring' | 'subjects' | 'supervision' | 'reported';
type Kind = 'sum' | 'fen' | 'rate' | 'distinct' | 'state' | 'stock' | 'reported';
type Dim = 'fraudType' | 'sector' | 'unit';

export interface IndicatorDef {
  key: IndicatorKey;
  name: string;
  unit: string;
  strand: Strand;
  kind: Kind;
  /** Which records count (Chinese-free description for docs and the API reader). */
  records: string;
  /** Which date puts a record in a period. */
  date: string;
  /** The dimensions it can be broken down by (besides child regions and time). */
  dims: readonly Dim[];
  /** The console list that shows its records, when one can select exactly them (see RecordsList). */
  list?: RecordsList;
}

/**
 * A console list page and the query that selects an indicator's records (docs/indicators.md, "Links"):
 * the list's parameter for the region subtree, its parameters for the first and last day of the
 * period by the date the indicator counts (null first: a stock, counted up to the last day whatever
 * the first), the fixed filter (kind, stage, status …) and its parameters for a dimension's value.
 */
export interface RecordsList {
  path: string;
  region: string;
  dates: readonly [string | null, string];
  filter?: Record<string, string | string[]>;
  dims?: Partial<Record<Dim, string>>;
}

const TIP_DIMS = ['fraudType', 'unit'] as const;
const CASE_DIMS = ['fraudType', 'unit'] as const;
const SUBJECT_DIMS = ['sector', 'unit'] as const;
const UNIT_ONLY = ['unit'] as const;
const RECEIVED = 'received_at (Beijing day): tips received in the period, by their state now';

const def = (key: IndicatorKey, strand: Strand, kind: Kind, records: string, date: string, dims: readonly Dim[], list?: RecordsList): IndicatorDef =>
  ({ key, name: INDICATORS[key][0], unit: INDICATORS[key][1], strand, kind, records, date, dims, ...(list ? { list } : {}) });

// The lists behind the figures, each selecting by the same records and date as the indicator counts.
const tipList = (filter: Record<string, string | string[]> = {}): RecordsList =>
  ({ path: '/console/tips', region: 'regionCode', dates: ['from', 'to'], filter, dims: { fraudType: 'fraudType' } });
const caseStageList = (stage: string): RecordsList =>
  ({ path: '/console/cases', region: 'regionCode', dates: ['reachedFrom', 'reachedTo'], filter: { reached: stage }, dims: { fraudType: 'fraudType' } });
/** The cases with an entry in force of the kind dated in the period (the figure sums those entries). */
const caseFigureList = (kind: string): RecordsList =>
  ({ path: '/console/cases', region: 'regionCode', dates: ['figureFrom', 'figureTo'], filter: { figureKind: kind }, dims: { fraudType: 'fraudType' } });
/** Subjects with an inspection dated in the period (排查主体; 检查人次 sums those inspections' inspectors). */
const inspectedList: RecordsList = { path: '/console/subjects', region: 'region', dates: ['inspectedFrom', 'inspectedTo'], dims: { sector: 'kind' } };
const hazardList = (dates: readonly [string, string], filter: Record<string, string> = {}): RecordsList =>
  ({ path: '/console/subjects', region: 'region', dates, filter: { tab: 'ledger', ...filter }, dims: { sector: 'kind', unit: 'unitId' } });
const enforcementList = (filter: Record<string, string>): RecordsList =>
  ({ path: '/console/cases', region: 'regionCode', dates: ['from', 'to'], filter: { tab: 'enforcement', ...filter }, dims: { sector: 'subjectKind', unit: 'unitId' } });
// By unit: the unit that logged the record (the engine's 'unit' dimension of these strands), in the region's subtree.
const activityList: RecordsList = { path: '/console/publicity', region: 'regionCode', dates: ['from', 'to'], dims: { unit: 'unitId' } };
/** Monitoring rounds started in the period (监测/清理 sum the rounds' counts; the list shows those sums as its totals). */
const monitoringList: RecordsList = { path: '/console/publicity/monitoring', region: 'regionCode', dates: ['from', 'to'], dims: { unit: 'unitId' } };

const reportedOnly = (key: IndicatorKey, why: string) => def(key, 'reported', 'reported', `approved reported figures (${why})`, 'the reported period lies inside the query period', UNIT_ONLY);

export const INDICATOR_DEFS: Record<IndicatorKey, IndicatorDef> = {
  tips_received: def('tips_received', 'tips', 'sum', 'every tip received (all statuses)', RECEIVED, TIP_DIMS, tipList()),
  tips_verified: def('tips_verified', 'tips', 'sum', 'tips with a handling result: status reported or closed', RECEIVED, TIP_DIMS, tipList({ status: ['reported', 'closed'] })),
  tips_closed: def('tips_closed', 'tips', 'sum', 'tips whose status is closed (已办结)', RECEIVED, TIP_DIMS, tipList({ status: 'closed' })),
  tips_closed_on_time: def('tips_closed_on_time', 'tips', 'sum', 'closed tips with closed_at <= deadline_at', RECEIVED, TIP_DIMS, tipList({ counted: 'closed_on_time' })),
  tips_overdue: def('tips_overdue', 'tips', 'state', 'tips overdue now: dispatched or in progress, deadline passed', RECEIVED, TIP_DIMS, tipList({ overdue: 'true' })),
  tips_true: def('tips_true', 'tips', 'sum', 'tips an assignment reported true or partly true', RECEIVED, TIP_DIMS, tipList({ counted: 'true' })),
  reporter_satisfied: def('reporter_satisfied', 'tips', 'sum', 'tips whose reporter rated the answer satisfied', RECEIVED, TIP_DIMS, tipList({ counted: 'satisfied' })),
  // The dashboard's rates (docs/indicators.md): parts are contributions of the same tips (migration 0022's '_' denominators).
  closure_rate_pct: def('closure_rate_pct', 'tips', 'rate', 'tips_closed / tips accepted (status accepted, dispatched, in progress, reported, closing or closed) × 100', RECEIVED, TIP_DIMS),
  on_time_rate_pct: def('on_time_rate_pct', 'tips', 'rate', 'tips_closed_on_time / closed tips with a deadline × 100', RECEIVED, TIP_DIMS),
  satisfaction_rate_pct: def('satisfaction_rate_pct', 'tips', 'rate', 'reporter_satisfied / tips whose reporter rated the answer × 100', RECEIVED, TIP_DIMS),
  cases_filed: def('cases_filed', 'cases', 'sum', 'case stage 立案', 'the stage date (case_stages.on_date)', CASE_DIMS, caseStageList('filed')),
  cases_solved: def('cases_solved', 'cases', 'sum', 'case stage 侦破', 'the stage date', CASE_DIMS, caseStageList('solved')),
  suspects_arrested: def('suspects_arrested', 'cases', 'sum', 'case figure entries in force, kind arrested', 'the entry date (case_figures.on_date)', CASE_DIMS, caseFigureList('arrested')),
  suspects_detained_formally: def('suspects_detained_formally', 'cases', 'sum', 'case figure entries in force, kind detained', 'the entry date', CASE_DIMS, caseFigureList('detained')),
  prosecuted_cases: def('prosecuted_cases', 'cases', 'sum', 'case stage 提起公诉', 'the stage date', CASE_DIMS, caseStageList('prosecuted')),
  prosecuted_persons: def('prosecuted_persons', 'cases', 'sum', 'case figure entries in force, kind prosecuted_persons', 'the entry date', CASE_DIMS, caseFigureList('prosecuted_persons')),
  trial_cases: def('trial_cases', 'cases', 'sum', 'case stage 审判', 'the stage date', CASE_DIMS, caseStageList('tried')),
  amount_involved_yuan: def('amount_involved_yuan', 'cases', 'fen', 'case figure entries in force, kind amount_involved (fen, shown in yuan)', 'the entry date', CASE_DIMS, caseFigureList('amount_involved')),
  amount_recovered_yuan: def('amount_recovered_yuan', 'cases', 'fen', 'case figure entries in force, kind amount_recovered (fen, shown in yuan)', 'the entry date', CASE_DIMS, caseFigureList('amount_recovered')),
  recovery_rate_pct: def('recovery_rate_pct', 'cases', 'rate', 'amount_recovered / amount_involved × 100, 1 decimal; null when involved is 0', 'the entry dates', CASE_DIMS),
  victims: def('victims', 'cases', 'sum', 'case figure entries in force, kind victims', 'the entry date', CASE_DIMS, caseFigureList('victims')),
  entities_screened: def('entities_screened', 'screening', 'distinct', 'distinct subjects with an inspection in the period', 'inspected_on', SUBJECT_DIMS, inspectedList),
  inspections_person_times: def('inspections_person_times', 'screening', 'sum', 'sum of inspectors over inspections', 'inspected_on', SUBJECT_DIMS, inspectedList),
  hazards_found: def('hazards_found', 'screening', 'sum', 'hazards registered', 'created_at (Beijing day)', SUBJECT_DIMS, hazardList(['foundFrom', 'foundTo'])),
  hazards_rectified: def('hazards_rectified', 'screening', 'sum', 'hazards crossed off (status verified)', 'verified_at (Beijing day)', SUBJECT_DIMS, hazardList(['verifiedFrom', 'verifiedTo'], { status: 'verified' })),
  rectification_notices: def('rectification_notices', 'enforcement', 'sum', 'enforcement records of the NOTICE_KINDS (三书一函 incl. penalty decisions)', 'issued_on', SUBJECT_DIMS, enforcementList({ notices: 'true' })),
  admin_penalties: def('admin_penalties', 'enforcement', 'sum', 'enforcement records of kind penalty_decision', 'issued_on', SUBJECT_DIMS, enforcementList({ kind: 'penalty_decision' })),
  penalty_amount_yuan: def('penalty_amount_yuan', 'enforcement', 'fen', 'fine_fen of penalty decisions (shown in yuan)', 'issued_on', SUBJECT_DIMS, enforcementList({ kind: 'penalty_decision' })),
  ads_monitored: def('ads_monitored', 'monitoring', 'sum', 'ads_monitored of monitoring rounds', 'start_date', UNIT_ONLY, monitoringList),
  ads_cleaned: def('ads_cleaned', 'monitoring', 'sum', 'ads_cleaned of monitoring rounds', 'start_date', UNIT_ONLY, monitoringList),
  publicity_events: def('publicity_events', 'publicity', 'sum', 'publicity activities', 'start_date', UNIT_ONLY, activityList),
  materials_distributed: def('materials_distributed', 'publicity', 'sum', 'the activities\u2019 materials_distributed', 'start_date', UNIT_ONLY, activityList),
  banners: def('banners', 'publicity', 'sum', 'the activities\u2019 banners', 'start_date', UNIT_ONLY, activityList),
  posters: def('posters', 'publicity', 'sum', 'the activities\u2019 posters', 'start_date', UNIT_ONLY, activityList),
  people_reached: def('people_reached', 'publicity', 'sum', 'the activities\u2019 people_reached', 'start_date', UNIT_ONLY, activityList),
  households_visited: def('households_visited', 'publicity', 'sum', 'the activities\u2019 households_visited', 'start_date', UNIT_ONLY, activityList),
  sms_sent: def('sms_sent', 'publicity', 'sum', 'the activities\u2019 sms_sent', 'start_date', UNIT_ONLY, activityList),
  media_posts: def('media_posts', 'publicity', 'sum', 'the activities\u2019 media_posts', 'start_date', UNIT_ONLY, activityList),
  videos_made: def('videos_made', 'publicity', 'sum', 'the activities\u2019 videos_made', 'start_date', UNIT_ONLY, activityList),
  supervision_rounds: def('supervision_rounds', 'supervision', 'sum', 'supervision rounds, one each, in the supervising unit\u2019s region (migration 0031)', 'start_date', UNIT_ONLY, { path: '/console/supervision', region: 'regionCode', dates: ['from', 'to'], dims: { unit: 'unitId' } }),
  elderly_devices: reportedOnly('elderly_devices', 'not recorded by the platform'),
  institutions_count: def('institutions_count', 'subjects', 'stock', 'registered subjects of kind elderly_care_institution (a stock)', 'created_at (Beijing day) on or before `to`', ['sector'],
    { path: '/console/subjects', region: 'region', dates: [null, 'registeredTo'], filter: { kind: 'elderly_care_institution' }, dims: { sector: 'kind' } }),
  beds: reportedOnly('beds', 'subjects carry no bed count'),
  meetings: reportedOnly('meetings', 'not recorded by the platform'),
  other: reportedOnly('other', 'not recorded by the platform'),
};

/** A rate's [numerator, denominator] contributions; its value is their quotient × 100, 1 decimal, null when the denominator is 0. */
const RATES: Partial<Record<IndicatorKey, [string, string]>> = {
  recovery_rate_pct: ['amount_recovered_yuan', 'amount_involved_yuan'],
  closure_rate_pct: ['tips_closed', '_tips_accepted'],
  on_time_rate_pct: ['tips_closed_on_time', '_tips_closed_with_deadline'],
  satisfaction_rate_pct: ['reporter_satisfied', '_tips_rated'],
};
/** Rollup rows (contributions) an indicator's value is made from. */
/**
 * The rolled-up contributions whose first day says when an indicator's records began (环比/同比 are null
 * before it): its parts, or, for the figures counted from the records and not rolled up, a rolled-up
 * indicator of the same records (entities_screened had none, so its 环比 was always null).
 */
const BEGINS_WITH: Partial<Record<IndicatorKey, string>> = { entities_screened: '_screened_first', tips_overdue: 'tips_received' };
const beganBy = (k: IndicatorKey): string[] => (partsOf(k).length ? partsOf(k) : [BEGINS_WITH[k] ?? k]);

const partsOf = (k: IndicatorKey): string[] => {
  const d = INDICATOR_DEFS[k];
  if (RATES[k]) return RATES[k];
  return d.kind === 'sum' || d.kind === 'fen' || d.kind === 'stock' ? [k] : [];
};

// ── Dates ──────────────────────────────────────────────────────────────────────────────────────

const DAY_MS = 86_400_000;
const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (d: string, n: number) => fromMs(toMs(d) + n * DAY_MS);
/** The same date a year earlier (29 February → 28 February). */
export const yearEarlier = (d: string) => {
  const y = String(Number(d.slice(0, 4)) - 1).padStart(4, '0');
  const md = d.slice(5) === '02-29' ? '02-28' : d.slice(5);
  return `${y}-${md}`;
};
const mondayOf = (d: string) => addDays(d, -((new Date(toMs(d)).getUTCDay() + 6) % 7));
const MAX_BUCKETS = 400;

// ── Sources of contribution sums ───────────────────────────────────────────────────────────────

/** A contribution sum: its indicator, the group key ('' without grouping) and the dimension value ('' for the total). */
interface Part { indicator: string; bucket: string; dimValue: string; value: number }
type Grouping = 'none' | 'child' | 'day' | 'week' | 'month';

interface SumArgs {
  root: string; from: string | null; to: string; indicators: string[]; dim: '' | Dim; group: Grouping; childLen: number;
  /** Only contributions whose dimension value is '' or before this day ('_screened_day': the previous inspection day). */
  prevBefore?: string;
}

const bucketSql = (g: Grouping, region: string, dayCol: string, childLen: number): Sql => {
  switch (g) {
    case 'none': return sql`''`;
    case 'child': return sql`left(${raw(region)}, ${childLen}::int)`;
    case 'day': return sql`to_char(${raw(dayCol)}, 'YYYY-MM-DD')`;
    case 'week': return sql`to_char(date_trunc('week', ${raw(dayCol)})::date, 'YYYY-MM-DD')`;
    case 'month': return sql`to_char(${raw(dayCol)}, 'YYYY-MM')`;
  }
};
const dayRange = (col: string, from: string | null, to: string): Sql =>
  from ? sql`${raw(col)} between ${from}::date and ${to}::date` : sql`${raw(col)} <= ${to}::date`;

/**
 * Contribution sums counted from the records themselves: every contribution of the country filtered
 * afterwards (`stats_contributions()`, the reference the engine must equal), or, for the subtrees the
 * rollups hold no level for (`subtree`), only the subtree's records of the kinds that contribute to
 * the indicators asked for (`stats_contributions_in`, migration 0040).
 */
async function sumRecords(q: Queryable, a: SumArgs, subtree: boolean): Promise<Part[]> {
  if (!a.indicators.length) return [];
  const source = subtree ? sql`stats_contributions_in(${a.root}, ${a.indicators}::text[], ${a.dim}, ${a.from}::date, ${a.to}::date)` : sql`stats_contributions()`;
  const rows = await q.query<{ indicator: string; bucket: string; dimValue: string; value: string }>(
    sql`select c.indicator, ${bucketSql(a.group, 'c.region_code', 'c.day', a.childLen)} as bucket, c.dim_value as "dimValue", sum(c.value)::text as value
        from ${source} c
        where ${subtreeSql(a.root, 'c.region_code')} and ${dayRange('c.day', a.from, a.to)}
          and c.indicator = any(${a.indicators}::text[]) and c.dim = ${a.dim}
        group by 1, 2, 3`,
  );
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}
const sumDirect = (q: Queryable, a: SumArgs) => sumRecords(q, a, false);
const sumSubtree = (q: Queryable, a: SumArgs) => sumRecords(q, a, true);

// ── Figures from parts ─────────────────────────────────────────────────────────────────────────

const round = (v: number, places: number) => Math.round(v * 10 ** places) / 10 ** places;

/** A contribution's sum as shown: fen in yuan, counts as they are. */
const shown = (indicator: string, v: number) => (INDICATOR_DEFS[indicator as IndicatorKey]?.kind === 'fen' ? round(v / 100, 2) : v);

function recordedValue(k: IndicatorKey, get: (indicator: string) => number): number | null {
  const rate = RATES[k];
  if (rate) {
    const den = get(rate[1]);
    return den > 0 ? round((get(rate[0]) * 100) / den, 1) : null;
  }
  return shown(k, get(k));
}

interface Ctx { q: Queryable; direct: boolean }

/**
 * The (level, dimension) pairs stats_rollup holds by day (migration 0040, stats_kept): nation and
 * province every dimension but 'unit', the city the total only. Level = length of the region code.
 * (The county's total is kept by month, 0041: read only through sumCountyMonths.)
 */
export const rollupHas = (level: number, dim: '' | Dim): boolean => (level <= 2 && dim !== 'unit') || (level === 4 && dim === '');

const COUNTY = 6;
const lastOfMonth = (d: string) => addDays(`${String(Number(d.slice(0, 4)) + (d.slice(5, 7) === '12' ? 1 : 0)).padStart(4, '0')}-${d.slice(5, 7) === '12' ? '01' : String(Number(d.slice(5, 7)) + 1).padStart(2, '0')}-01`, -1);

/**
 * A county's totals (dimension '') for [from, to]: its month rows (migration 0041: the county level is
 * kept by calendar month, each row on the month's first day) for the months wholly inside the period,
 * and the days at either end from its records. Without whole months, all from the records.
 */
async function sumCountyMonths(q: Queryable, a: SumArgs): Promise<Part[]> {
  const first = !a.from ? null : a.from.endsWith('-01') ? a.from : addDays(lastOfMonth(a.from), 1);
  const last = lastOfMonth(a.to) === a.to ? a.to : addDays(`${a.to.slice(0, 7)}-01`, -1);
  if (first && first > last) return sumSubtree(q, a);
  const parts = await Promise.all([
    sumRollup(q, { ...a, from: first, to: last }),
    a.from && a.from < first! ? sumSubtree(q, { ...a, to: addDays(first!, -1) }) : [],
    last < a.to ? sumSubtree(q, { ...a, from: addDays(last, 1) }) : [],
  ]);
  return parts.flat();
}

/** Whether a sum is read from the rollups: the levels it reads (the root's, and its children's for by=child) are kept. */
const fromRollup = (a: Pick<SumArgs, 'root' | 'dim' | 'group' | 'childLen'>): boolean =>
  rollupHas(a.root.length, a.dim) && (a.group !== 'child' || rollupHas(a.childLen, a.dim));

/** Approved reported figures whose period lies inside [from, to], summed per indicator and group. */
async function reportedSums(q: Queryable, a: Omit<SumArgs, 'indicators' | 'dim'> & { indicators: string[]; byUnit: boolean }): Promise<Part[]> {
  if (!a.indicators.length) return [];
  const bucket = a.byUnit ? sql`f.unit_id::text` : a.group === 'child' ? sql`left(f.region_code, ${a.childLen}::int)` : sql`''`;
  const rows = await q.query<{ indicator: string; bucket: string; value: string }>(
    sql`select f.indicator, ${bucket} as bucket, sum(f.value)::text as value from reported_figures f
        where f.status = 'approved' and ${subtreeSql(a.root, 'f.region_code')} and f.period_end <= ${a.to}::date
          ${a.from ? sql`and f.period_start >= ${a.from}::date` : sql``}
          and f.indicator = any(${a.indicators}::text[])
        group by 1, 2`,
  );
  return rows.map((r) => ({ indicator: r.indicator, bucket: a.byUnit ? r.bucket : r.bucket, dimValue: '', value: Number(r.value) }));
}

/** Each subject's first inspection day, rolled up (0038): 排查主体 up to a day is the sum of these up to it. */
const SCREENED_FIRST = '_screened_first';

/**
 * 排查主体 for a period from the rollups: a subject has an inspection in [from, to] iff one of its
 * inspection days in the period has no earlier inspection day, or an earlier one before `from`
 * (the first such day in the period is one). '_screened_day' holds each inspection day with the
 * subject's previous one as its dimension value (0038).
 */
async function screenedInPeriod(q: Queryable, a: Omit<SumArgs, 'indicators'>): Promise<Part[]> {
  const parts = await sumRollup(q, { ...a, dim: '', indicators: [SCREENED_DAY], prevBefore: a.from! });
  return parts.map((p) => ({ ...p, indicator: 'entities_screened', dimValue: '' }));
}
const SCREENED_DAY = '_screened_day';

/** 排查主体: distinct subjects with an inspection in the period (not additive over days, so counted from the records). */
async function distinctScreened(q: Queryable, a: SumArgs): Promise<Part[]> {
  const dimCol = a.dim === 'sector' ? sql`s.kind` : a.dim === 'unit' ? sql`i.unit_id::text` : sql`''`;
  const rows = await q.query<{ bucket: string; dimValue: string; value: number }>(
    sql`select ${bucketSql(a.group, 's.region_code', 'i.inspected_on', a.childLen)} as bucket, ${dimCol} as "dimValue", count(distinct i.subject_id)::int as value
        from inspections i join subjects s on s.id = i.subject_id
        where ${subtreeSql(a.root, 's.region_code')} and ${dayRange('i.inspected_on', a.from, a.to)}
        group by 1, 2`,
  );
  return rows.map((r) => ({ indicator: 'entities_screened', ...r }));
}

/** 超期: tips received in the period that are overdue now (a state, read from the open-deadline index). */
async function overdueTips(q: Queryable, a: SumArgs): Promise<Part[]> {
  const day = `(t.received_at at time zone 'Asia/Shanghai')::date`;
  const dimJoin = a.dim === 'fraudType'
    ? sql`cross join lateral unnest(case when cardinality(t.fraud_types) = 0 then array['unclassified'] else t.fraud_types end) dv(v)`
    : a.dim === 'unit' ? sql`cross join lateral (select coalesce(t.lead_unit_id, t.office_unit_id)::text as v) dv` : sql`cross join lateral (select ''::text as v) dv`;
  const rows = await q.query<{ bucket: string; dimValue: string; value: number }>(
    sql`select ${bucketSql(a.group, 't.region_code', day, a.childLen)} as bucket, dv.v as "dimValue", count(*)::int as value
        from tips t ${dimJoin}
        where ${subtreeSql(a.root, 't.region_code')} and t.status in ('dispatched', 'in_progress') and t.deadline_at < now()
          and t.received_at < (${a.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'
          ${a.from ? sql`and t.received_at >= (${a.from}::date)::timestamp at time zone 'Asia/Shanghai'` : sql``}
        group by 1, 2`,
  );
  return rows.map((r) => ({ indicator: 'tips_overdue', ...r }));
}

/** Every part the requested indicators need, for one period and grouping. */
async function allParts(ctx: Ctx, keys: IndicatorKey[], a: Omit<SumArgs, 'indicators'>) {
  const flows = [...new Set(keys.filter((k) => INDICATOR_DEFS[k].kind !== 'stock').flatMap(partsOf))];
  const stocks = [...new Set(keys.filter((k) => INDICATOR_DEFS[k].kind === 'stock').flatMap(partsOf))];
  // The rollups where they hold the levels asked for; a smaller subtree (a county, a township, a city's
  // children or its fraud types, any unit) from its own records.
  const rollup = !ctx.direct && fromRollup(a);
  const sum = ctx.direct ? sumDirect : rollup ? sumRollup : a.root.length === COUNTY && a.dim === '' && a.group === 'none' ? sumCountyMonths : sumSubtree;
  const byUnit = a.dim === 'unit';
  // 排查主体 since records began adds up by each subject's first inspection day (0038); a period with a
  // first day, a time grouping or a unit's subjects are counted from the records, and so is the direct
  // count (the reference the rollup must equal).
  // A period (dimension '' only) from each inspection day with the subject's previous one (0038, screenedInPeriod).
  const screened = keys.includes('entities_screened');
  const rolled = screened && rollup && (a.group === 'none' || a.group === 'child');
  const screenedFirst = rolled && a.from === null && a.dim !== 'unit';
  const screenedDays = rolled && a.from !== null && a.dim === '';
  const [f, s, d, o, r] = await Promise.all([
    sum(ctx.q, { ...a, indicators: screenedFirst ? [...flows, SCREENED_FIRST] : flows }),
    stocks.length ? sum(ctx.q, { ...a, from: null, indicators: stocks }) : [],
    screenedDays ? screenedInPeriod(ctx.q, a) : screened && !screenedFirst ? distinctScreened(ctx.q, { ...a, indicators: [] }) : [],
    keys.includes('tips_overdue') ? overdueTips(ctx.q, { ...a, indicators: [] }) : [],
    a.dim && a.dim !== 'unit' ? [] : reportedSums(ctx.q, { ...a, indicators: keys, byUnit }),
  ]);
  const flowParts = screenedFirst ? f.map((p) => (p.indicator === SCREENED_FIRST ? { ...p, indicator: 'entities_screened' } : p)) : f;
  return { recorded: [...flowParts, ...s, ...d, ...o], reported: r };
}

/** Figures of one cell (a bucket and dimension value) from the parts. */
function figuresOf(keys: IndicatorKey[], recorded: Map<string, number>, reported: Map<string, number>, first: Map<string, string> | null, periodEnd: string): Record<string, Figure> {
  const out: Record<string, Figure> = {};
  for (const k of keys) {
    const d = INDICATOR_DEFS[k];
    const rep = reported.get(k);
    if (d.kind === 'reported') {
      out[k] = rep === undefined ? { value: null, unit: d.unit, source: 'none' } : { value: rep, unit: d.unit, source: 'reported' };
      continue;
    }
    const get = (i: string) => recorded.get(i) ?? 0;
    const rate = RATES[k];
    out[k] = {
      value: recordedValue(k, get), unit: d.unit, source: 'recorded', ...(rep !== undefined ? { reported: rep } : {}),
      ...(rate ? { parts: { numerator: shown(rate[0], get(rate[0])), denominator: shown(rate[1], get(rate[1])) } } : {}),
    };
    void first; void periodEnd;
  }
  return out;
}

// ── Rollups ───────────────────────────────────────────────────────────────────────────────────

/** SQL: `column` (collate "C") lies in the subtree of `root` — one index range, even in a generic plan. */
const regionRange = (root: string, column: string): Sql =>
  root === '' ? sql`true` : sql`(${raw(column)} >= ${root} and ${raw(column)} < ${root + ':'})`;

/**
 * Contribution sums read from the rollups: stats_rollup at the root's level (or the children's level)
 * plus the not yet compacted stats_delta, in one statement (one snapshot, so a compaction running at
 * the same time is seen wholly or not at all). For child rows the root's own records (本级) are the
 * root's total less its children's.
 */
async function sumRollup(q: Queryable, a: SumArgs): Promise<Part[]> {
  if (!a.indicators.length) return [];
  // Only for the levels and dimensions the rollups hold (fromRollup; 'unit' never, migration 0040).
  const child = a.group === 'child';
  const prev = (alias: string) => (a.prevBefore ? sql`and (${raw(alias)}.dim_value = '' or ${raw(alias)}.dim_value collate "C" < ${a.prevBefore})` : sql``);
  // With prevBefore the dimension value only selects rows (the previous inspection day) and the sum
  // is the total: collapsed to '' where read, so a national month groups a few rows per child, not
  // the 11,000–16,000 distinct previous days the planner had estimated at 45 and sorted.
  const dv = (alias: string) => (a.prevBefore ? sql`''::text` : sql`${raw(alias)}.dim_value`);
  const rollupRows = (where: Sql, bucket: Sql) => sql`select r.indicator, ${bucket} as bucket, ${dv('r')} as dim_value, r.value, false as delta from stats_rollup r
           where ${where} and r.dim = ${a.dim} and r.indicator = any(${a.indicators}::text[]) and ${dayRange('r.day', a.from, a.to)} ${prev('r')}`;
  // Child rows: the rollup's key runs (level, dim, indicator, region, day), so one range over the
  // children read every day of every child to keep the period's (427,000 index entries for a national
  // by=child month on a 200,000-tip set). Instead the children with rows are found by skipping from
  // one code to the next (an index probe each: the rollup itself says which exist, so nothing is
  // missed), and each child's period is its own index range, summed where it is read (a lateral
  // aggregate: one row per child and dimension value goes up, not one per day). The root's own row is
  // another range.
  const childCodes = sql`with recursive child_codes(indicator, code) as (
      select k.indicator, (select min(r.region_code) from stats_rollup r where r.lvl = ${a.childLen} and r.dim = ${a.dim} and r.indicator = k.indicator and ${regionRange(a.root, 'r.region_code')})
        from unnest(${a.indicators}::text[]) k(indicator)
      union all
      select c.indicator, (select min(r.region_code) from stats_rollup r where r.lvl = ${a.childLen} and r.dim = ${a.dim} and r.indicator = c.indicator and r.region_code > c.code and ${regionRange(a.root, 'r.region_code')})
        from child_codes c where c.code is not null)`;
  const rollup = child ? sql`select c.indicator, c.code as bucket, s.dim_value, s.value, false as delta from child_codes c
                    cross join lateral (select ${dv('r')} as dim_value, sum(r.value) as value from stats_rollup r
                       where r.lvl = ${a.childLen} and r.dim = ${a.dim} and r.indicator = c.indicator and r.region_code = c.code
                         and ${dayRange('r.day', a.from, a.to)} ${prev('r')}
                       group by 1) s
                   where c.code is not null
                  union all ${rollupRows(sql`r.lvl = ${a.root.length} and r.region_code = ${a.root}`, sql`'\u0001'`)}`
    : rollupRows(sql`r.lvl = ${a.root.length} and r.region_code = ${a.root}`, bucketSql(a.group, 'r.region_code', 'r.day', a.childLen));
  const rows = await q.query<{ indicator: string; bucket: string; dimValue: string; value: string; delta: boolean }>(
    sql`${child ? childCodes : sql``} select indicator, bucket, dim_value as "dimValue", sum(value)::text as value, delta from (
          ${rollup}
          union all
          select d.indicator, ${bucketSql(a.group, 'd.region_code', 'd.day', a.childLen)}, ${dv('d')}, d.value, true from stats_delta d
           where d.dim = ${a.dim} and d.indicator = any(${a.indicators}::text[]) and ${regionRange(a.root, 'd.region_code')} and ${dayRange('d.day', a.from, a.to)} ${prev('d')}
        ) x group by 1, 2, 3, 5`,
  );
  const parts = rows.map((r) => ({ indicator: r.indicator, bucket: r.bucket, dimValue: r.dimValue, value: Number(r.value) }));
  if (!child) return parts;
  // The root's total from the rollup, less its children's rollup rows, is the root's own (本级).
  const out: Part[] = [];
  const own = new Map<string, Part>();
  for (const p of parts) if (p.bucket === '\u0001') own.set(`${p.indicator}\u0000${p.dimValue}`, { ...p, bucket: a.root });
  for (const p of parts) if (p.bucket !== '\u0001') out.push(p);
  // Subtract the children's rollup rows from the root's rollup total.
  for (const r of rows) {
    if (r.delta || r.bucket === '\u0001') continue;
    const o = own.get(`${r.indicator}\u0000${r.dimValue}`);
    if (o) o.value -= Number(r.value);
  }
  for (const o of own.values()) if (o.value !== 0) out.push(o);
  return out;
}

/**
 * Rebuilds the rollups from the records: the SQL function `stats_rebuild()` (migration 0022) empties
 * stats_rollup and stats_delta and loads every record's contributions. Restore calls it (the rollups
 * are never in a backup); a bulk load that bypassed the triggers (bench/generate) calls it after
 * loading. Exact and idempotent; returns the number of rollup rows.
 */
export async function rebuildRollups(q: Queryable): Promise<number> {
  const [{ n }] = await q.query<{ n: string }>(sql`select stats_rebuild()::text as n`);
  return Number(n);
}

/** Folds stats_delta into stats_rollup (the `stats` job runs it every minute); returns rollup rows written. */
export async function compactRollups(q: Queryable): Promise<number> {
  const [{ n }] = await q.query<{ n: string }>(sql`select stats_compact()::text as n`);
  return Number(n);
}

// ── The engine ────────────────────────────────────────────────────────────────────────────────

/** How long a child region's code is, below a region of this code length (nation → province → …). */
export const CHILD_LENGTH: Record<number, number> = { 0: 2, 2: 4, 4: 6, 6: 9, 9: 12, 12: 12 };

const groupOf = (by: StatsBy | undefined): Grouping => (by === 'child' || by === 'day' || by === 'week' || by === 'month' ? by : 'none');
const dimOf = (by: StatsBy | undefined): '' | Dim => (by === 'fraudType' || by === 'sector' || by === 'unit' ? by : '');

/**
 * The console list of an indicator's records, filtered to exactly those counted for a region and
 * period (and a dimension's value, for a by=fraudType or by=sector row); a rate's goes to its
 * numerator's records. None when no list can select them (reported figures, on-time closures …)
 * rather than a wrong one, nor for a dimension the list cannot filter by.
 */
export function recordsLink(k: IndicatorKey, region: string, from: string | null, to: string, dim?: { dim: Dim; value: string }): string | undefined {
  const numerator = RATES[k]?.[0] as IndicatorKey | undefined;
  const list = INDICATOR_DEFS[numerator ?? k].list;
  if (!list) return undefined;
  const p = new URLSearchParams();
  for (const [name, v] of Object.entries(list.filter ?? {})) for (const x of Array.isArray(v) ? v : [v]) p.append(name, x);
  if (region) p.set(list.region, region);
  if (dim) {
    const name = list.dims?.[dim.dim];
    if (!name) return undefined;
    // 未分类 (no fraud type) has no list filter: the list unfiltered by type would show more.
    if (dim.value === 'unclassified') return undefined;
    p.set(name, dim.value);
  }
  const [fromParam, toParam] = list.dates;
  if (from && fromParam) p.set(fromParam, from);
  p.set(toParam, to);
  return `${list.path}?${p}`;
}

/** Maps parts of one grouping to cells: bucket → dimValue → indicator → value. */
function cells(parts: Part[]) {
  const m = new Map<string, Map<string, number>>();
  for (const p of parts) {
    const key = `${p.bucket}\u0000${p.dimValue}`;
    let c = m.get(key);
    if (!c) m.set(key, (c = new Map()));
    c.set(p.indicator, (c.get(p.indicator) ?? 0) + p.value);
  }
  return m;
}
const cellKey = (bucket: string, dimValue: string) => `${bucket}\u0000${dimValue}`;

/**
 * The first day each indicator has a contribution in the subtree (records began), for 环比/同比 "has
 * data"; with `upTo`, only for the indicators that have one on or before that day.
 */
async function firstDays(ctx: Ctx, root: string, keys: string[], upTo: string | null = null): Promise<Map<string, string>> {
  if (!keys.length) return new Map();
  const rows = await ctx.q.query<{ indicator: string; first: string }>(
    ctx.direct || !rollupHas(root.length, '')
      ? sql`select c.indicator, to_char(min(c.day), 'YYYY-MM-DD') as first
            from ${ctx.direct ? sql`stats_contributions()` : sql`stats_contributions_in(${root}, ${keys}::text[], '', null, ${upTo ?? '9999-12-31'}::date)`} c
            where ${subtreeSql(root, 'c.region_code')} and c.dim = '' and c.indicator = any(${keys}::text[]) ${upTo ? sql`and c.day <= ${upTo}::date` : sql``} group by 1`
      : firstDaysRollupSql(root, keys),
  );
  return new Map(rows.filter((r) => r.first).map((r) => [r.indicator, r.first]));
}
function firstDaysRollupSql(root: string, keys: string[]): Sql {
  // Per indicator: the earliest day whose rollup + delta sum is not 0. The delta (which also holds
  // −old changes) can cancel a rollup day, so cutting the rollup off at its first non-zero day missed
  // the next one (the property test found it: a hazard crossed off, then moved). Each delta row
  // cancels at most one day, so of the root's non-zero rollup days the first (delta rows + 1) hold an
  // uncancelled one, and every day before it is read whole: reading those is exact, and a few rows
  // instead of every day of the indicator (a thousand and more nationally).
  return sql`select k.indicator, (
               select to_char(x.day, 'YYYY-MM-DD') from (
                 (select r.day, r.value from stats_rollup r
                   where r.lvl = ${root.length} and r.dim = '' and r.indicator = k.indicator and r.region_code = ${root} and r.value <> 0
                   order by r.day
                   limit (select count(*) + 1 from stats_delta d where d.dim = '' and d.indicator = k.indicator and ${regionRange(root, 'd.region_code')}))
                 union all
                 select d.day, d.value from stats_delta d where d.dim = '' and d.indicator = k.indicator and ${regionRange(root, 'd.region_code')}
               ) x group by x.day having sum(x.value) <> 0 order by x.day limit 1) as first
             from unnest(${keys}::text[]) k(indicator)`;
}

async function totals(ctx: Ctx, keys: IndicatorKey[], root: string, from: string | null, to: string) {
  const { recorded, reported } = await allParts(ctx, keys, { root, from, to, dim: '', group: 'none', childLen: 0 });
  return { recorded: cells(recorded).get(cellKey('', '')) ?? new Map<string, number>(), reported: cells(reported).get(cellKey('', '')) ?? new Map<string, number>() };
}

/**
 * The figures of the user's jurisdiction (or a region inside it) for a period. Throws NOT_FOUND when
 * the region is outside the jurisdiction or unknown, VALIDATION_FAILED for a bad period or grouping.
 */
export async function computeStats(q: Queryable, user: Pick<SessionUser, 'unitRegionCode'>, query: StatsQuery, opts: { direct?: boolean } = {}): Promise<StatsResult> {
  const ctx: Ctx = { q, direct: !!opts.direct };
  const root = query.region ?? user.unitRegionCode;
  if (!inSubtree(user.unitRegionCode, root)) throw new AppError('NOT_FOUND', undefined, '该地区不在您的辖区内');
  const [region] = await q.query<{ code: string; name: string }>(sql`select code, name from regions where code = ${root}`);
  if (!region) throw new AppError('NOT_FOUND', undefined, '未找到该地区');
  const to = query.to ?? chinaToday();
  const from = query.from ?? null;
  if (from && from > to) throw new AppError('VALIDATION_FAILED', [{ path: 'to', message: '结束日期不能早于开始日期' }]);
  const keys = query.indicators?.length ? [...new Set(query.indicators)] : [...INDICATOR_KEYS];

  const main = await totals(ctx, keys, root, from, to);
  const figures = figuresOf(keys, main.recorded, main.reported, null, to);
  for (const k of keys) {
    const link = recordsLink(k, root, from, to);
    if (link) figures[k].link = link;
  }

  if (query.compare) {
    // An earlier period's figure is null before the indicator's records began. A part with a non-zero
    // sum in the period has a contribution in it, so its records began by the period's end: the first
    // days are looked up only for the indicators whose parts are all 0 there, and only up to the later
    // period's end (a county's are counted from its records: reading all of them for the first day
    // was most of its compare call).
    const base = async (pf: string | null, pt: string) => {
      const t = await totals(ctx, keys, root, pf, pt);
      return { pt, t, f: figuresOf(keys, t.recorded, t.reported, null, pt) };
    };
    const yFrom = from ? yearEarlier(from) : null;
    const bases = await Promise.all([base(yFrom, yearEarlier(to)), ...(from ? [base(addDays(from, -(1 + (toMs(to) - toMs(from)) / DAY_MS)), addDays(from, -1))] : [])]);
    const recorded = keys.filter((k) => INDICATOR_DEFS[k].kind !== 'reported');
    const seen = (b: (typeof bases)[number], k: IndicatorKey) =>
      beganBy(k).some((p) => (b.t.recorded.get(p) ?? 0) !== 0) || (k === 'entities_screened' || k === 'tips_overdue' ? (b.t.recorded.get(k) ?? 0) !== 0 : false);
    const unseen = [...new Set(recorded.filter((k) => bases.some((b) => !seen(b, k))).flatMap(beganBy))];
    const first = await firstDays(ctx, root, unseen, [...bases.map((b) => b.pt)].sort().at(-1)!);
    const began = (b: (typeof bases)[number], k: IndicatorKey) =>
      seen(b, k) || beganBy(k).some((p) => { const f = first.get(p); return !!f && f <= b.pt; });
    const valueIn = (b: (typeof bases)[number] | undefined, k: IndicatorKey): number | null => {
      if (!b) return null;
      if (INDICATOR_DEFS[k].kind === 'reported') return b.f[k].value;
      return began(b, k) ? b.f[k].value : null;
    };
    for (const k of keys) {
      figures[k].previous = valueIn(bases[1], k);
      figures[k].yoy = valueIn(bases[0], k);
    }
  }

  const result: StatsResult = { region, from, to, figures };
  if (query.by) result.rows = await rowsBy(ctx, keys, root, from, to, query.by);
  return result;
}

async function rowsBy(ctx: Ctx, keys: IndicatorKey[], root: string, from: string | null, to: string, by: StatsBy): Promise<StatsRow[]> {
  const group = groupOf(by);
  const dim = dimOf(by);
  const childLen = CHILD_LENGTH[root.length] ?? 12;
  const rowKeys = dim ? keys.filter((k) => (INDICATOR_DEFS[k].dims as readonly string[]).includes(dim) || (dim === 'unit' && INDICATOR_DEFS[k].kind === 'reported')) : group === 'child' ? keys : keys.filter((k) => INDICATOR_DEFS[k].kind !== 'stock');
  // Time buckets: from the first record when `from` is omitted.
  let start = from;
  if ((group === 'day' || group === 'week' || group === 'month') && !start) {
    const first = await firstDays(ctx, root, [...new Set(rowKeys.flatMap(beganBy))]);
    start = [...first.values()].sort()[0] ?? to;
    if (start > to) start = to;
  }
  const { recorded, reported } = await allParts(ctx, rowKeys, { root, from: group === 'day' || group === 'week' || group === 'month' ? start : from, to, dim, group, childLen });
  const rec = cells(recorded);
  const rep = cells(reported);
  const cell = (m: Map<string, Map<string, number>>, b: string, d: string) => m.get(cellKey(b, d)) ?? new Map<string, number>();

  const rows: StatsRow[] = [];
  if (group === 'child') {
    // The regions module's children (the provinces have no parent code: the nation's children by level).
    const children = await childRegions(ctx.q, root || null);
    const [self] = await ctx.q.query<{ name: string }>(sql`select name from regions where code = ${root}`);
    const list: { code: string; name: string }[] = [...children];
    if ([...(rec.get(cellKey(root, ''))?.values() ?? [])].some((v) => v !== 0) || rep.has(cellKey(root, ''))) list.push({ code: root, name: `${self.name}（本级）` });
    for (const c of list) {
      const figures = figuresOf(rowKeys, cell(rec, c.code, ''), cell(rep, c.code, ''), null, to);
      // The 本级 row counts the records placed on the region itself; a list of the region is its whole subtree: no link.
      if (c.code !== root) for (const k of rowKeys) { const l = recordsLink(k, c.code, from, to); if (l) figures[k].link = l; }
      rows.push({ key: c.code, name: c.name, figures });
    }
    return rows;
  }
  if (group !== 'none') {
    const buckets: { key: string; from: string; to: string }[] = [];
    for (let d = start!; d <= to;) {
      let b: { key: string; from: string; to: string };
      if (group === 'day') b = { key: d, from: d, to: d };
      else if (group === 'week') { const m = mondayOf(d); b = { key: m, from: d, to: [addDays(m, 6), to].sort()[0] }; }
      else { const next = `${d.slice(0, 7)}-01`; const end = addDays(fromMs(Date.UTC(Number(next.slice(0, 4)), Number(next.slice(5, 7)), 1)), -1); b = { key: d.slice(0, 7), from: d, to: end < to ? end : to }; }
      buckets.push(b);
      if (buckets.length > MAX_BUCKETS) throw new AppError('VALIDATION_FAILED', [{ path: 'by', message: `分组过多：统计期最多分为${MAX_BUCKETS}组，请缩短统计期或按周、按月分组` }]);
      d = addDays(b.to, 1);
    }
    // Reported figures count in a bucket when their period lies inside it.
    const repByBucket = await Promise.all(buckets.map((b) => reportedSums(ctx.q, { root, from: b.from, to: b.to, indicators: rowKeys, byUnit: false, group: 'none', childLen })));
    buckets.forEach((b, i) => {
      const figures = figuresOf(rowKeys, cell(rec, b.key, ''), cells(repByBucket[i]).get(cellKey('', '')) ?? new Map(), null, b.to);
      for (const k of rowKeys) { const l = recordsLink(k, root, b.from, b.to); if (l) figures[k].link = l; }
      rows.push({ key: b.key, name: b.key, figures });
    });
    return rows;
  }
  // A dimension: rows for each value with records (fraud types and sectors in catalogue order).
  // Values whose sums are not all 0 (a rollup row and a delta row may cancel out).
  const values = new Set<string>();
  for (const [k, c] of rec) if ([...c.values()].some((v) => v !== 0)) values.add(k.split('\u0000')[1]);
  if (dim === 'unit') for (const p of reported) values.add(p.bucket);
  let ordered = [...values];
  const names = new Map<string, string>();
  if (dim === 'fraudType') {
    ordered = [...Object.keys(FRAUD_TYPES), 'unclassified'].filter((v) => values.has(v));
    for (const [k, v] of Object.entries(FRAUD_TYPES)) names.set(k, v);
    names.set('unclassified', '未分类');
  } else if (dim === 'sector') {
    ordered = Object.keys(SUBJECT_KINDS).filter((v) => values.has(v));
    for (const [k, v] of Object.entries(SUBJECT_KINDS)) names.set(k, v);
  } else {
    const ids = ordered.map(Number).filter(Number.isFinite);
    const units = ids.length ? await ctx.q.query<{ id: string; name: string }>(sql`select id::text as id, name from units where id = any(${ids}::bigint[]) order by id`) : [];
    for (const u of units) names.set(u.id, u.name);
    ordered = units.map((u) => u.id);
  }
  for (const v of ordered) {
    const figures = figuresOf(rowKeys, cell(rec, '', v), dim === 'unit' ? cell(rep, v, '') : new Map(), null, to);
    // recordsLink gives none where the list cannot filter by this dimension (by=unit: only the lists whose unit is the engine's).
    if (dim) for (const k of rowKeys) { const l = recordsLink(k, root, from, to, { dim, value: v }); if (l) figures[k].link = l; }
    rows.push({ key: v, name: names.get(v) ?? v, figures });
  }
  return rows;
}

/** SQL list of indicator keys (for callers composing their own statements). */
export const indicatorList = (keys: readonly string[]) => join(keys.map((k) => sql`${k}`));
