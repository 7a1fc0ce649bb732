import { sql, type Db } from '../../db/client.ts';
import { page } from '../../db/page.ts';
import { AppError } from '../../errors.ts';
import type { IndicatorKey } from '../../../shared/indicators.ts';
import { chinaToday as today } from '../../../shared/time.ts';
import { canSeeFigure, figureVisibleSql, mayReviewFigure, reviewableFigureSql } from '../access/jurisdiction.ts';
import type { FigureStatus } from '../../../shared/domain.ts';
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

/**
 * Any unit (a campaign office or a member unit) reports figures for its own region and a past period;
 * they are 'submitted' until the office that reviews them approves them (mayReviewFigure). All rows
 * and the audit row in one transaction.
 */
export async function reportFigures(db: Db, user: SessionUser, b: FigureReport): Promise<number[]> {
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

/**
 * Figures the user sees (figureVisibleSql) for periods overlapping [from, to], newest first, a page at
 * a time. `status: 'submitted'` is the review queue: only the figures the user may review.
 */
export async function listReportedFigures(db: Db, user: SessionUser, f: { from?: string; to?: string; status?: FigureStatus; cursor?: number; limit: number }) {
  const rows = await db.query<{
    id: number; regionCode: string; regionName: string; unitName: string; periodStart: string; periodEnd: string; indicator: string; value: number;
    unit: string; approx: boolean; subject: string | null; note: string | null; quote: string | null; source: string; submittedAt: Date;
    status: string; reviewNote: string | null; reviewedAt: Date | null; reviewable: boolean;
  }>(
    sql`select f.id, f.region_code as "regionCode", r.name as "regionName", u.name as "unitName", f.period_start as "periodStart",
               f.period_end as "periodEnd", f.indicator, f.value, f.unit, f.approx, f.subject, f.note, f.quote, f.source, f.submitted_at as "submittedAt",
               f.status, f.review_note as "reviewNote", f.reviewed_at as "reviewedAt",
               (f.status = 'submitted' and ${reviewableFigureSql(user, 'f', "u.kind = 'campaign_office'")}) as reviewable
        from reported_figures f join regions r on r.code = f.region_code join units u on u.id = f.unit_id
        where ${figureVisibleSql(user, 'f')}
          and (${f.status ?? null}::text is null or f.status = ${f.status ?? null})
          and (${f.status ?? null}::text is distinct from 'submitted' or ${reviewableFigureSql(user, 'f', "u.kind = 'campaign_office'")})
          and (${f.from ?? null}::date is null or f.period_end >= ${f.from ?? null}::date)
          and (${f.to ?? null}::date is null or f.period_start <= ${f.to ?? null}::date)
          and (${f.cursor ?? null}::bigint is null or f.id < ${f.cursor ?? null})
        order by f.id desc limit ${f.limit + 1}`,
  );
  return page(rows, f.limit, (x) => String(x.id));
}

/**
 * Approves a submitted figure (it counts from now on) or returns it with a reason (it never counts;
 * the unit reports again). 404 when the user may not see it or does not review it, 409 when it was
 * already reviewed. The row is locked so two reviewers cannot both decide.
 */
async function review(db: Db, user: SessionUser, id: number, to: 'approved' | 'returned', note: string | null): Promise<void> {
  await db.tx(async (q) => {
    const [f] = await q.query<{ region_code: string; unit_id: number; status: string; submitter_is_office: boolean }>(
      sql`select f.region_code, f.unit_id::int as unit_id, f.status, u.kind = 'campaign_office' as submitter_is_office
          from reported_figures f join units u on u.id = f.unit_id where f.id = ${id} for update of f`,
    );
    if (!f || !canSeeFigure(user, f) || !mayReviewFigure(user, f)) throw new AppError('NOT_FOUND', undefined, '未找到该上报数字');
    if (f.status !== 'submitted') throw new AppError('CONFLICT', undefined, '该上报数字已审核');
    await q.query(sql`update reported_figures set status = ${to}, reviewed_by = ${user.id}, reviewed_at = now(), review_note = ${note} where id = ${id}`);
    await audit(q, actorOf(user), {
      action: to === 'approved' ? 'figures.approved' : 'figures.returned', entity: 'reported_figures', entityId: id,
      detail: note ? { reason: note } : {},
    });
  });
}

export const approveFigure = (db: Db, user: SessionUser, id: number, note?: string | null) => review(db, user, id, 'approved', note?.trim() || null);

export async function returnFigure(db: Db, user: SessionUser, id: number, reason: string) {
  if (reason.trim().length < 2) throw new AppError('VALIDATION_FAILED', [{ path: 'reason', message: '请填写退回理由（至少 2 个字）' }]);
  return review(db, user, id, 'returned', reason.trim());
}
