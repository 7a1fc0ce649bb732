/**
 * The dashboard's periods, in Beijing dates ('YYYY-MM-DD', inclusive): 本周 (Monday to today), 本月,
 * 本季度, 本年 (each from its first day to today), or 自定义. Pure functions of "today", so they are
 * tested without a clock; the trend's step (day, week, month) follows the period's length.
 */
export const PERIOD_KINDS = { week: '本周', month: '本月', quarter: '本季度', year: '本年', custom: '自定义' } as const;
export type PeriodKind = keyof typeof PERIOD_KINDS;
export interface Period { kind: PeriodKind; from: string; to: string }

const DAY = 86_400_000;
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const isDate = (s: string | null | undefined): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(utc(s)) && iso(utc(s)) === s;

/** The first day of the named period that holds `today`; to is today itself. */
export function periodOf(kind: Exclude<PeriodKind, 'custom'>, today: string): Period {
  const [y, m] = today.split('-').map(Number);
  const pad = (n: number) => String(n).padStart(2, '0');
  let from: string;
  if (kind === 'week') {
    const weekday = (new Date(utc(today)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
    from = iso(utc(today) - weekday * DAY);
  } else if (kind === 'month') from = `${y}-${pad(m)}-01`;
  else if (kind === 'quarter') from = `${y}-${pad(m - ((m - 1) % 3))}-01`;
  else from = `${y}-01-01`;
  return { kind, from, to: today };
}

/** Days in a period, both ends counted. */
export const daysIn = (from: string, to: string) => Math.round((utc(to) - utc(from)) / DAY) + 1;

/** The trend's step: days up to a month and a half, weeks up to half a year, months beyond. */
export const trendStep = (from: string, to: string): 'day' | 'week' | 'month' => {
  const n = daysIn(from, to);
  return n <= 45 ? 'day' : n <= 184 ? 'week' : 'month';
};

/** The period the dashboard's address names (?period=month, or ?from&to for 自定义), else 本月. */
export function periodFromSearch(params: URLSearchParams, today: string): Period {
  const kind = params.get('period');
  const from = params.get('from');
  const to = params.get('to');
  if (kind === 'custom' && isDate(from) && isDate(to) && from <= to && to <= today) return { kind: 'custom', from, to };
  if (kind === 'week' || kind === 'quarter' || kind === 'year') return periodOf(kind, today);
  return periodOf('month', today);
}
