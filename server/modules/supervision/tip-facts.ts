import { raw, sql, type Sql } from '../../db/client.ts';

/**
 * Facts about how a tip was handled, as SQL on the tips table under alias `t` — one definition shared
 * by the gaming flags (gaming.service.ts) and the tip list's filters behind each flag
 * (tips.query.service.ts), so a flag's count and the list it links to select the same tips.
 */

/** The tip's lead assignment now (the deepest active one, the unit in tips.lead_unit_id): `select … limit 1`. */
export const leadAssignmentSql = (t = 't') =>
  sql`select la.* from tip_assignments la where la.tip_id = ${raw(t)}.id and la.active and la.role = 'lead' order by la.id desc limit 1`;

/** The lead unit's verdict equals `verdict`. */
export const leadVerdictIsSql = (verdict: string, t = 't'): Sql =>
  sql`exists (select 1 from (${leadAssignmentSql(t)}) lv where lv.verdict = ${verdict})`;

/** The office returned (退回重办) a report of the current lead unit: a 'returned' event after its dispatch. */
export const returnedSql = (t = 't'): Sql =>
  sql`exists (select 1 from (${leadAssignmentSql(t)}) lr join tip_events re on re.tip_id = lr.tip_id and re.kind = 'returned' and re.at >= lr.created_at)`;

/** The reporter is dissatisfied: rated the answer 不满意, or said so at a supervision 回访. */
export const dissatisfiedSql = (t = 't'): Sql =>
  sql`(${raw(t)}.rating_satisfied = false or exists (select 1 from supervision_sample_items ds where ds.tip_id = ${raw(t)}.id and ds.satisfied = false))`;

/** The reporter gave a view: rated the answer, or answered the satisfaction question at a 回访. */
export const ratedSql = (t = 't'): Sql =>
  sql`(${raw(t)}.rating_satisfied is not null or exists (select 1 from supervision_sample_items rs where rs.tip_id = ${raw(t)}.id and rs.satisfied is not null))`;

/** Closed within the China days [from, to] (either end optional). */
export const closedBetweenSql = (from?: string, to?: string, t = 't'): Sql => {
  const T = raw(t);
  return sql`(${from ?? null}::date is null or ${T}.closed_at >= (${from ?? null}::date)::timestamp at time zone 'Asia/Shanghai')
          and (${to ?? null}::date is null or ${T}.closed_at < (${to ?? null}::date + 1)::timestamp at time zone 'Asia/Shanghai')`;
};
