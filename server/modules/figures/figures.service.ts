import { sql, type Db } from '../../db/client.ts';
import { page } from '../../db/page.ts';
import { AppError } from '../../errors.ts';
import type { IndicatorKey } from '../../../shared/indicators.ts';
import { chinaToday as today } from '../../../shared/time.ts';
import { isOffice, jurisdictionSql } from '../access/jurisdiction.ts';
import { actorOf, audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';

export interface FigureInput {
  indicator: IndicatorKey;
  value: number;
  unit: string;
  approx: boolean;
  subject?: string | null;
  note?: string | null;
  quote?: string | null;
}

export interface FigureReport {
  periodStart: string;
  periodEnd: string;
  source: 'form' | 'summary';
  figures: FigureInput[];
}

/** An office reports figures for its own region and a past period; all rows and the audit row in one transaction. */
export async function reportFigures(db: Db, user: SessionUser, b: FigureReport): Promise<number[]> {
  if (!isOffice(user)) throw new AppError('FORBIDDEN', undefined, '只有专项办可以上报统计数字');
  if (b.periodStart > b.periodEnd) throw new AppError('VALIDATION_FAILED', [{ path: 'periodEnd', message: '结束日期不能早于开始日期' }]);
  if (b.periodEnd > today()) throw new AppError('VALIDATION_FAILED', [{ path: 'periodEnd', message: '不能上报未来的统计期' }]);
  return db.tx(async (q) => {
    const rows = await q.query<{ id: number }>(
      sql`insert into reported_figures (region_code, unit_id, period_start, period_end, indicator, value, unit, approx, subject, note, quote, source, submitted_by)
          select ${user.unitRegionCode}, ${user.unitId}, ${b.periodStart}, ${b.periodEnd}, f.indicator, f.value, f.unit, f.approx, f.subject, f.note, f.quote,
                 ${b.source}, ${user.id}
          from jsonb_to_recordset(${JSON.stringify(b.figures)}::jsonb)
            as f(indicator text, value numeric, unit text, approx boolean, subject text, note text, quote text)
          returning id`,
    );
    await audit(q, actorOf(user), {
      action: 'figures.reported', entity: 'reported_figures', entityId: rows[0]?.id,
      detail: { count: rows.length, periodStart: b.periodStart, periodEnd: b.periodEnd, source: b.source },
    });
    return rows.map((r) => r.id);
  });
}

/** Figures reported in the user's jurisdiction for periods overlapping [from, to], newest first, a page at a time. */
export async function listReportedFigures(db: Db, user: SessionUser, f: { from?: string; to?: string; cursor?: number; limit: number }) {
  const rows = await db.query<{
    id: number; regionCode: string; regionName: string; unitName: string; periodStart: string; periodEnd: string; indicator: string; value: number;
    unit: string; approx: boolean; subject: string | null; note: string | null; quote: string | null; source: string; submittedAt: Date;
  }>(
    sql`select f.id, f.region_code as "regionCode", r.name as "regionName", u.name as "unitName", f.period_start as "periodStart",
               f.period_end as "periodEnd", f.indicator, f.value, f.unit, f.approx, f.subject, f.note, f.quote, f.source, f.submitted_at as "submittedAt"
        from reported_figures f join regions r on r.code = f.region_code join units u on u.id = f.unit_id
        where ${jurisdictionSql(user, 'f.region_code')}
          and (${f.from ?? null}::date is null or f.period_end >= ${f.from ?? null}::date)
          and (${f.to ?? null}::date is null or f.period_start <= ${f.to ?? null}::date)
          and (${f.cursor ?? null}::bigint is null or f.id < ${f.cursor ?? null})
        order by f.id desc limit ${f.limit + 1}`,
  );
  return page(rows, f.limit, (x) => String(x.id));
}
