/**
 * The indicator engine's answer (GET /api/stats, docs in server/modules/stats/engine.ts) as the
 * dashboard reads it, and the arithmetic the dashboard does on it: 环比 and
 * 同比 changes, and how a figure is written. A figure whose strand does not exist (source 'none')
 * is 暂无数据, never 0.
 */
import type { ResponseOf } from '../../api/routes.ts';
export type StatsResult = ResponseOf<'GET', '/api/stats'>;
export type StatsRow = NonNullable<StatsResult['rows']>[number];
export type Figure = StatsResult['figures'][string];

/** A value the dashboard can show: null is 暂无数据. */
export interface Shown { value: number | null; previous: number | null; yoy: number | null }

export const shownOf = (f: Figure | undefined): Shown =>
  !f || f.source === 'none' || f.value === null
    ? { value: null, previous: null, yoy: null }
    : { value: f.value, previous: f.previous ?? null, yoy: f.yoy ?? null };

/**
 * The change against a base: a relative change in percent for counts and amounts, a difference in
 * percentage points for rates. Null when either side is missing or a count's base is 0.
 */
export function changeOf(value: number | null, base: number | null, isRate: boolean): { dir: 'up' | 'down' | 'flat'; text: string } | null {
  if (value === null || base === null) return null;
  const diff = value - base;
  const dir = diff > 0 ? 'up' : diff < 0 ? 'down' : 'flat';
  if (isRate) return { dir, text: `${diff > 0 ? '+' : ''}${diff.toFixed(1)} 个百分点` };
  if (base === 0) return diff === 0 ? { dir, text: '持平' } : null;
  const pct = (diff / base) * 100;
  return { dir, text: dir === 'flat' ? '持平' : `${pct > 0 ? '+' : ''}${pct.toFixed(1)}%` };
}

/** A number as people read it: grouped, money with two decimals, percentages with one. */
export function formatValue(value: number, unit: string): string {
  if (unit === '%') return value.toFixed(1);
  if (unit === '元') return value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return value.toLocaleString('zh-CN');
}
