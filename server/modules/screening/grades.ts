import { sql, type Db, type Queryable } from '../../db/client.ts';
import type { GradeCause, RiskGrade } from '../../../shared/domain.ts';
import { chinaToday } from '../../../shared/time.ts';
import { lastRun, recordRun } from '../../jobs/state.ts';
import { assessRisk } from './risk.ts';
import { overdueSql, riskFacts } from './screening.repository.ts';

/**
 * The stored grade (migration 0034, table subject_grades): each subject's 红橙黄绿 grade and its
 * reasons, computed by assessRisk (risk.ts, the one definition of the rules) from riskFacts and
 * written in the same transaction as the fact that changed it. Every writer of a fact calls
 * refreshGrades (or refreshTipGrades) once; the daily sweep covers deadlines passing, where nothing
 * is written. A history row is written only when the grade in force actually changes.
 */


/** Subjects recomputed per statement group: riskFacts takes an id list, kept to a bounded size. */
const BATCH = 1000;

/**
 * Recomputes and stores the grades of these subjects, inside the caller's transaction. Their grade
 * rows are locked first (in id order) so two transactions changing one subject's facts at once write
 * one after the other, the second reading the first's committed facts. Returns how many grades changed.
 */
export async function refreshGrades(q: Queryable, subjectIds: number[], cause: GradeCause, userId: number | null): Promise<number> {
  const ids = [...new Set(subjectIds)].sort((a, b) => a - b);
  let changedCount = 0;
  const today = chinaToday();
  for (let i = 0; i < ids.length; i += BATCH) {
    const chunk = ids.slice(i, i + BATCH);
    const before = new Map<number, RiskGrade | null>();
    for (const r of await q.query<{ subject_id: number; grade: RiskGrade | null }>(
      sql`select subject_id, grade from subject_grades where subject_id = any(${chunk}::bigint[]) order by subject_id for update`,
    )) before.set(r.subject_id, r.grade);
    const facts = await riskFacts(q, chunk);
    const rows = chunk.filter((id) => before.has(id)).map((id) => {
      const a = assessRisk(facts.get(id)!, today);
      return { id, grade: a.grade, computed: a.computed, reasons: a.reasons, previous: before.get(id) ?? null };
    });
    if (!rows.length) continue;
    const json = JSON.stringify(rows);
    await q.query(sql`
      update subject_grades g set grade = x.grade, computed = x.computed, reasons = x.reasons, refreshed_at = now(),
             changed_at = case when g.grade is distinct from x.grade then now() else g.changed_at end
      from jsonb_to_recordset(${json}::jsonb) as x(id bigint, grade text, computed text, reasons jsonb)
      where g.subject_id = x.id`);
    const changed = rows.filter((r) => r.grade !== r.previous);
    changedCount += changed.length;
    if (changed.length) {
      await q.query(sql`
        insert into subject_grade_history (subject_id, grade, previous, reasons, cause, changed_by)
        select x.id, x.grade, x.previous, x.reasons, ${cause}, ${userId}
        from jsonb_to_recordset(${JSON.stringify(changed)}::jsonb) as x(id bigint, grade text, previous text, reasons jsonb)`);
    }
  }
  return changedCount;
}

/**
 * Recomputes the subjects named by these tips (by credit code or normalised name, as riskFacts counts
 * them) and by the tips merged into them, whose status follows theirs (a merged tip answered with its
 * target counts again). One indexed lookup; nothing more when no registered subject is named.
 */
export async function refreshTipGrades(q: Queryable, tipIds: number[], userId: number | null): Promise<void> {
  if (!tipIds.length) return;
  const rows = await q.query<{ id: number }>(sql`
    with recursive t(id) as (
      select unnest(${tipIds}::bigint[])
      union
      select m.id from tips m join t on m.merged_into_id = t.id)
    select s.id from t join tip_entities e on e.tip_id = t.id and e.kind = 'uscc' join subjects s on s.uscc = e.normalized
    union
    select s.id from t join tip_entities e on e.tip_id = t.id and e.kind = 'organization' join subjects s on s.normalized_name = e.normalized`);
  if (rows.length) await refreshGrades(q, rows.map((r) => r.id), 'tip', userId);
}

/**
 * After a bulk registry import: recomputes the updated subjects, and the created ones (known by
 * credit code or normalised name) that some tip already names — the others stay ungraded.
 */
export async function refreshImported(q: Queryable, updatedIds: number[], created: { uscc: string | null; normalizedName: string }[], userId: number): Promise<void> {
  const usccs = created.flatMap((c) => (c.uscc ? [c.uscc] : []));
  const names = created.map((c) => c.normalizedName);
  const named = created.length ? await q.query<{ id: number }>(sql`
    select s.id from subjects s where s.uscc = any(${usccs}::text[])
      and exists (select 1 from tip_entities e where e.kind = 'uscc' and e.normalized = s.uscc)
    union
    select s.id from subjects s where s.normalized_name = any(${names}::text[])
      and exists (select 1 from tip_entities e where e.kind = 'organization' and e.normalized = s.normalized_name)`) : [];
  await refreshGrades(q, [...updatedIds, ...named.map((r) => r.id)], 'registry', userId);
}

/**
 * A serious hazard past its deadline makes its subject red (risk.ts) without any write. Once a day
 * (China's day), the subjects with a serious hazard not yet reported fixed whose deadline passed since
 * the last run are recomputed, set-based, in batches; the first run takes every such subject. Run
 * again the same day it does nothing; a subject already red gets no second history row.
 */
export async function sweepGradeDeadlines(db: Db): Promise<number> {
  const { last, now } = await lastRun(db, 'grades');
  const today = chinaToday(now.getTime());
  const lastDay = last ? chinaToday(last.getTime()) : null;
  if (lastDay === today) return 0;
  // Late from the day after the deadline: deadlines in [lastDay, today) passed since the last run.
  const due = await db.query<{ subject_id: number }>(sql`
    select distinct h.subject_id from hazards h
    where h.serious and ${overdueSql(today)}
      ${lastDay ? sql`and h.deadline >= ${lastDay}::date` : sql``}
    order by h.subject_id`);
  const ids = due.map((r) => r.subject_id);
  let changed = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    const chunk = ids.slice(i, i + BATCH);
    changed += await db.tx((q) => refreshGrades(q, chunk, 'deadline', null));
  }
  await recordRun(db, 'grades', now);
  return changed;
}

/** Recomputes every subject (the demo seed after its bulk inserts; an operator's repair), in batches. */
export async function refreshAllGrades(db: Db, cause: GradeCause = 'backfill'): Promise<void> {
  let after = 0;
  for (;;) {
    const ids = (await db.query<{ id: number }>(sql`select id from subjects where id > ${after} order by id limit ${BATCH}`)).map((r) => r.id);
    if (!ids.length) return;
    await db.tx((q) => refreshGrades(q, ids, cause, null));
    after = ids[ids.length - 1];
  }
}

/** A subject's grade history, newest first. */
export const gradeHistory = (q: Queryable, subjectId: number) =>
  q.query<{ id: number; grade: RiskGrade | null; previous: RiskGrade | null; reasons: { grade: RiskGrade; text: string }[]; cause: GradeCause; changedBy: string | null; changedAt: Date }>(
    sql`select h.id, h.grade, h.previous, h.reasons, h.cause, u.display_name as "changedBy", h.changed_at as "changedAt"
        from subject_grade_history h left join users u on u.id = h.changed_by
        where h.subject_id = ${subjectId} order by h.id desc limit 200`,
  );
