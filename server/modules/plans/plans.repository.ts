import { sql, type Queryable } from '../../db/client.ts';
import type { RiskGrade } from '../../../shared/domain.ts';

/** The SQL of plans (migration 0034). The service finds the subject in the user's jurisdiction first. */

export interface PlanRow { id: number; subject_id: number; summary: string }
export interface MeasureRow { id: number; text: string; unit_id: number; due_on: string; done_at: Date | null }

/** The subject's stored grade (screening/grades.ts); `forUpdate` locks its row, so a decision on it holds until commit. */
export async function storedGrade(q: Queryable, subjectId: number, forUpdate = false): Promise<RiskGrade | null> {
  const [g] = await q.query<{ grade: RiskGrade | null }>(sql`select grade from subject_grades where subject_id = ${subjectId} ${forUpdate ? sql`for update` : sql``}`);
  return g?.grade ?? null;
}

export async function findPlan(q: Queryable, subjectId: number, forUpdate = false): Promise<PlanRow | null> {
  const [p] = await q.query<PlanRow>(
    sql`select id, subject_id, summary from subject_plans where subject_id = ${subjectId} ${forUpdate ? sql`for update` : sql``}`,
  );
  return p ?? null;
}

export const liveMeasures = (q: Queryable, planId: number) =>
  q.query<MeasureRow>(sql`select id, text, unit_id, due_on, done_at from plan_measures where plan_id = ${planId} and removed_at is null order by position, id`);

export async function insertPlan(q: Queryable, subjectId: number, summary: string, userId: number): Promise<number> {
  const [{ id }] = await q.query<{ id: number }>(
    sql`insert into subject_plans (subject_id, summary, created_by, updated_by) values (${subjectId}, ${summary}, ${userId}, ${userId}) returning id`,
  );
  return id;
}

export const updatePlan = (q: Queryable, planId: number, summary: string, userId: number) =>
  q.query(sql`update subject_plans set summary = ${summary}, updated_by = ${userId}, updated_at = now() where id = ${planId}`);

export const touchPlan = (q: Queryable, planId: number, userId: number) =>
  q.query(sql`update subject_plans set updated_by = ${userId}, updated_at = now() where id = ${planId}`);

export async function insertMeasure(q: Queryable, planId: number, position: number, m: { text: string; unitId: number; dueOn: string }): Promise<number> {
  const [{ id }] = await q.query<{ id: number }>(
    sql`insert into plan_measures (plan_id, position, text, unit_id, due_on) values (${planId}, ${position}, ${m.text}, ${m.unitId}, ${m.dueOn}) returning id`,
  );
  return id;
}

export const updateMeasure = (q: Queryable, id: number, position: number, m: { text: string; unitId: number; dueOn: string }) =>
  q.query(sql`update plan_measures set position = ${position}, text = ${m.text}, unit_id = ${m.unitId}, due_on = ${m.dueOn} where id = ${id}`);

export const removeMeasures = (q: Queryable, ids: number[]) =>
  q.query(sql`update plan_measures set removed_at = now() where id = any(${ids}::bigint[])`);

/** Marks a live measure of the plan done; false when it is not one, or already done. */
export async function markDone(q: Queryable, planId: number, measureId: number, userId: number): Promise<'done' | 'already' | 'missing'> {
  const [m] = await q.query<{ done_at: Date | null }>(
    sql`select done_at from plan_measures where id = ${measureId} and plan_id = ${planId} and removed_at is null for update`,
  );
  if (!m) return 'missing';
  if (m.done_at) return 'already';
  await q.query(sql`update plan_measures set done_at = now(), done_by = ${userId} where id = ${measureId}`);
  return 'done';
}

export const insertNote = (q: Queryable, planId: number, text: string, userId: number) =>
  q.query(sql`insert into plan_notes (plan_id, text, author_id) values (${planId}, ${text}, ${userId})`);

export const insertHistory = (q: Queryable, planId: number, action: 'created' | 'edited' | 'measure_done', changes: object, userId: number) =>
  q.query(sql`insert into plan_history (plan_id, action, changes, changed_by) values (${planId}, ${action}, ${JSON.stringify(changes)}::jsonb, ${userId})`);

/** Units by id, for checking a plan's responsible units. */
export const unitsById = (q: Queryable, ids: number[]) =>
  q.query<{ id: number; region_code: string; name: string }>(sql`select id, region_code, name from units where id = any(${ids}::bigint[])`);

/**
 * Units a measure may name, nearest first: those of the subject's region and of the regions above it
 * (the system unit, of no region, excepted) and those below it. The service checks each again.
 */
export const candidateUnits = (q: Queryable, subjectRegion: string) =>
  q.query<{ id: number; name: string }>(
    sql`select id, name from units
        where (region_code <> '' and ${subjectRegion} like region_code || '%') or region_code like ${subjectRegion} || '%'
        order by length(region_code) = length(${subjectRegion}) desc, length(region_code) desc, name limit 500`,
  );

/** The whole plan as the console shows it. */
export async function planView(q: Queryable, subjectId: number, today: string) {
  const [p] = await q.query<{ id: number; subjectId: number; summary: string; createdBy: string; createdAt: Date; updatedBy: string; updatedAt: Date }>(
    sql`select p.id, p.subject_id as "subjectId", p.summary, c.display_name as "createdBy", p.created_at as "createdAt",
               u.display_name as "updatedBy", p.updated_at as "updatedAt"
        from subject_plans p join users c on c.id = p.created_by join users u on u.id = p.updated_by where p.subject_id = ${subjectId}`,
  );
  if (!p) return null;
  const measures = await q.query<{ id: number; text: string; unitId: number; unitName: string; dueOn: string; done: boolean; doneAt: Date | null; doneBy: string | null; overdue: boolean }>(
    sql`select m.id, m.text, m.unit_id as "unitId", un.name as "unitName", m.due_on as "dueOn", m.done_at is not null as done, m.done_at as "doneAt",
               d.display_name as "doneBy", (m.done_at is null and m.due_on < ${today}::date) as overdue
        from plan_measures m join units un on un.id = m.unit_id left join users d on d.id = m.done_by
        where m.plan_id = ${p.id} and m.removed_at is null order by m.position, m.id`,
  );
  const notes = await q.query<{ id: number; text: string; author: string; unitName: string; createdAt: Date }>(
    sql`select n.id, n.text, a.display_name as author, un.name as "unitName", n.created_at as "createdAt"
        from plan_notes n join users a on a.id = n.author_id join units un on un.id = a.unit_id where n.plan_id = ${p.id} order by n.id desc limit 500`,
  );
  const history = await q.query<{ id: number; action: string; changes: Record<string, unknown>; changedBy: string; changedAt: Date }>(
    sql`select h.id, h.action, h.changes, u.display_name as "changedBy", h.changed_at as "changedAt"
        from plan_history h join users u on u.id = h.changed_by where h.plan_id = ${p.id} order by h.id desc limit 500`,
  );
  return { ...p, measures, notes, history };
}
