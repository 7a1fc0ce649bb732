import { sql, type Db } from '../../db/client.ts';
import { chinaToday } from '../../../shared/time.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { tipVisibleSql } from '../access/jurisdiction.ts';
import { closedBetweenSql, dissatisfiedSql, leadAssignmentSql, ratedSql, returnedSql } from './tip-facts.ts';
import { gamingFlags, RULES, type UnitFigures } from './gaming.ts';

const DAY_MS = 86400_000;

/**
 * Gaming flags for a supervisor or office lead: every unit that led tips closed in the period that the
 * user may see, set against its peers (gaming.ts). Each flag carries its figures and the tip list's
 * query selecting the tips behind it (filters leadUnitId, verdict, returned, dissatisfied, closedFrom/To).
 */
export async function listGamingFlags(db: Db, user: SessionUser, f: { from?: string; to?: string }) {
  const to = f.to ?? chinaToday();
  const from = f.from ?? chinaToday(Date.parse(`${to}T00:00:00+08:00`) - 89 * DAY_MS);
  const rows = await db.query<UnitFigures>(
    sql`select u.id as "unitId", u.name, u.kind, count(*)::int as closed,
               count(*) filter (where la.verdict = 'untrue')::int as untrue,
               count(*) filter (where ${returnedSql()})::int as returned,
               count(*) filter (where ${ratedSql()})::int as rated,
               count(*) filter (where ${dissatisfiedSql()})::int as dissatisfied,
               percentile_cont(0.5) within group (order by extract(epoch from (la.reported_at - la.created_at)) / 3600) as "medianHours"
        from tips t cross join lateral (${leadAssignmentSql()}) la join units u on u.id = la.unit_id
        where t.status = 'closed' and ${closedBetweenSql(from, to)} and ${tipVisibleSql(user)}
        group by u.id, u.name, u.kind order by u.id`,
  );
  const units = rows.map((r) => ({ ...r, unitId: Number(r.unitId), medianHours: r.medianHours === null ? null : Number(r.medianHours) }));
  const extra: Record<string, string> = { untrue_rate: '&verdict=untrue', returned_rate: '&returned=true', dissatisfied_rate: '&dissatisfied=true', fast_closure: '' };
  const flags = gamingFlags(units).map(({ unit, ...flag }) => ({
    ...flag,
    unit: { id: unit.unitId, name: unit.name, kind: unit.kind },
    tipQuery: `status=closed&leadUnitId=${unit.unitId}&closedFrom=${from}&closedTo=${to}${extra[flag.rule]}`,
  }));
  return { from, to, rules: { ...RULES }, units: units.length, flags };
}
