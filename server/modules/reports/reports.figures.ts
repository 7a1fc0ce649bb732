import type { Db } from '../../db/client.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { computeStats } from '../stats/engine.ts';
import type { ReportIndicator, Urgent } from './reports.schemas.ts';
import { REPORT_INDICATORS, indicatorUnit } from './reports.narrative.ts';
import { urgentFor } from './reports.repository.ts';

/**
 * The figures a report is written from, read from the indicator engine (issue 11 item 1) in two calls
 * — the region's figures with 环比 and 同比, and the same figures by child region — plus the period's
 * 要情随报. This object is stored with the report and every document is written from it, never from
 * live data again: a report shows the figures it was generated from, and a signed-off one forever.
 */
export interface ReportSnapshot {
  indicators: ReportIndicator[];
  /** One row per child region, values in the order of `indicators`. */
  children: { code: string; name: string; values: (number | null)[] }[];
  urgent: Urgent[];
}

export async function reportFigures(db: Db, user: SessionUser, regionCode: string, from: string, to: string): Promise<ReportSnapshot> {
  const indicators = REPORT_INDICATORS.map((i) => i.key);
  const [total, byChild, urgent] = await Promise.all([
    computeStats(db, user, { region: regionCode, from, to, indicators, compare: true }),
    computeStats(db, user, { region: regionCode, from, to, indicators, by: 'child' }),
    urgentFor(db, regionCode, from, to),
  ]);
  return {
    indicators: REPORT_INDICATORS.map(({ key, label }) => {
      const f = total.figures[key];
      return {
        key, name: label, unit: f?.unit ?? indicatorUnit(key), source: f?.source ?? 'none',
        value: f?.value ?? null, previous: f?.previous ?? null, yoy: f?.yoy ?? null,
      };
    }),
    children: (byChild.rows ?? []).map((r) => ({ code: r.key, name: r.name, values: indicators.map((key) => r.figures[key]?.value ?? null) })),
    // JSON-stable: the stored snapshot reads back exactly as written.
    urgent: urgent.map((u) => ({ ...u, createdAt: new Date(u.createdAt).toISOString() })),
  };
}
