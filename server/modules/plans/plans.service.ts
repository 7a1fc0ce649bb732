import type { Db, Queryable } from '../../db/client.ts';
import { AppError, type FieldError } from '../../errors.ts';
import { RISK_GRADES } from '../../../shared/domain.ts';
import { chinaToday } from '../../../shared/time.ts';
import { actorOf, audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { inJurisdiction, inSubtree } from '../access/jurisdiction.ts';
import { visibleSubject } from '../screening/screening.service.ts';
import * as repo from './plans.repository.ts';
import type { PlanFile, PlanInput } from './plans.schemas.ts';

/**
 * 一院一策 / 一案一策 (issue 13 item 5): one plan per red or orange subject — measures with their
 * responsible unit and due date, progress notes (append-only) and the history of every edit. The
 * subject is found in the user's jurisdiction (access module) or the plan is 404. A plan is created
 * only while the stored grade (screening/grades.ts) is red or orange (409 otherwise); once made it
 * stays editable when the grade falls, so the record of the work is kept to its end.
 */

const needsPlan = (grade: string | null) => grade === 'red' || grade === 'orange';

export async function planFile(db: Db, user: SessionUser, subjectId: number): Promise<PlanFile> {
  const subject = await visibleSubject(db, user, subjectId);
  const grade = await repo.storedGrade(db, subjectId);
  const plan = await repo.planView(db, subjectId, chinaToday());
  return { grade, mayCreate: !plan && needsPlan(grade), plan: plan as PlanFile['plan'], units: await repo.candidateUnits(db, subject.regionCode) };
}

/**
 * Responsible units: units of the user's jurisdiction, or of a region above the subject (a city's
 * bureau answering for a county's institution). Anything else is 422 on the measure's unitId.
 */
async function checkUnits(q: Queryable, user: SessionUser, subjectRegion: string, b: PlanInput) {
  const units = new Map((await repo.unitsById(q, [...new Set(b.measures.map((m) => m.unitId))])).map((u) => [u.id, u]));
  const bad: FieldError[] = b.measures.flatMap((m, i) => {
    const u = units.get(m.unitId);
    return u && (inJurisdiction(user, u.region_code) || inSubtree(u.region_code, subjectRegion)) ? [] : [{ path: `measures.${i}.unitId`, message: '责任单位不存在或不在本辖区' }];
  });
  if (bad.length) throw new AppError('UNIT_INVALID', bad);
}

const measureFacts = (m: { text: string; unitId: number; dueOn: string }) => ({ text: m.text, unitId: m.unitId, dueOn: m.dueOn });

/** Creates the plan (red or orange subjects only) or replaces its summary and measures; the difference is kept. */
export async function savePlan(db: Db, user: SessionUser, subjectId: number, b: PlanInput): Promise<PlanFile> {
  const subject = await visibleSubject(db, user, subjectId);
  await checkUnits(db, user, subject.regionCode, b);
  await db.tx(async (q) => {
    // The grade row is locked too: a plan is decided on the grade as it stands, not as it stood.
    const grade = await repo.storedGrade(q, subjectId, true);
    const plan = await repo.findPlan(q, subjectId, true);
    if (!plan) {
      if (!needsPlan(grade)) {
        const now = grade ? `当前为${RISK_GRADES[grade]}色` : '当前尚未评级';
        throw new AppError('CONFLICT', undefined, `只有风险等级为红色或橙色的主体才制定“一院一策”整治方案，该主体${now}`);
      }
      if (b.measures.some((m) => m.id)) throw new AppError('VALIDATION_FAILED', b.measures.flatMap((m, i) => (m.id ? [{ path: `measures.${i}.id`, message: '新方案的措施不能带编号' }] : [])));
      const id = await repo.insertPlan(q, subjectId, b.summary, user.id);
      for (const [i, m] of b.measures.entries()) await repo.insertMeasure(q, id, i, m);
      await repo.insertHistory(q, id, 'created', { summary: b.summary, measures: b.measures.map(measureFacts) }, user.id);
      await audit(q, actorOf(user), { action: 'plan.created', entity: 'subject', entityId: subjectId, detail: { planId: id, measures: b.measures.length } });
      return;
    }
    const live = new Map((await repo.liveMeasures(q, plan.id)).map((m) => [m.id, m]));
    const unknown = b.measures.flatMap((m, i) => (m.id && !live.has(m.id) ? [{ path: `measures.${i}.id`, message: '该措施不属于本方案或已被删除' }] : []));
    if (unknown.length) throw new AppError('VALIDATION_FAILED', unknown);
    const kept = new Set(b.measures.flatMap((m) => (m.id ? [m.id] : [])));
    const removed = [...live.values()].filter((m) => !kept.has(m.id));
    const added: object[] = [];
    const changed: object[] = [];
    for (const [i, m] of b.measures.entries()) {
      if (!m.id) {
        await repo.insertMeasure(q, plan.id, i, m);
        added.push(measureFacts(m));
        continue;
      }
      const before = live.get(m.id)!;
      const diff = Object.fromEntries(
        ([['text', before.text, m.text], ['unitId', before.unit_id, m.unitId], ['dueOn', before.due_on, m.dueOn]] as const).filter(([, x, y]) => x !== y).map(([k, x, y]) => [k, [x, y]]),
      );
      await repo.updateMeasure(q, m.id, i, m);
      if (Object.keys(diff).length) changed.push({ id: m.id, ...diff });
    }
    if (removed.length) await repo.removeMeasures(q, removed.map((m) => m.id));
    const changes = {
      ...(plan.summary !== b.summary ? { summary: [plan.summary, b.summary] } : {}),
      ...(added.length ? { added } : {}),
      ...(changed.length ? { changed } : {}),
      ...(removed.length ? { removed: removed.map((m) => ({ id: m.id, text: m.text })) } : {}),
    };
    if (!Object.keys(changes).length) return;
    await repo.updatePlan(q, plan.id, b.summary, user.id);
    await repo.insertHistory(q, plan.id, 'edited', changes, user.id);
    await audit(q, actorOf(user), { action: 'plan.edited', entity: 'subject', entityId: subjectId, detail: { planId: plan.id, ...changes } });
  });
  return planFile(db, user, subjectId);
}

async function planFor(q: Queryable, user: SessionUser, subjectId: number) {
  await visibleSubject(q, user, subjectId);
  const plan = await repo.findPlan(q, subjectId, true);
  if (!plan) throw new AppError('NOT_FOUND', undefined, '该主体尚未制定整治方案');
  return plan;
}

/** Appends a progress note (整治进展); notes are never changed or removed. */
export async function addNote(db: Db, user: SessionUser, subjectId: number, text: string): Promise<PlanFile> {
  await db.tx(async (q) => {
    const plan = await planFor(q, user, subjectId);
    await repo.insertNote(q, plan.id, text, user.id);
    await audit(q, actorOf(user), { action: 'plan.note_added', entity: 'subject', entityId: subjectId, detail: { planId: plan.id } });
  });
  return planFile(db, user, subjectId);
}

/** Marks one measure done (once: a second time is 409). */
export async function completeMeasure(db: Db, user: SessionUser, subjectId: number, measureId: number): Promise<PlanFile> {
  await db.tx(async (q) => {
    const plan = await planFor(q, user, subjectId);
    const outcome = await repo.markDone(q, plan.id, measureId, user.id);
    if (outcome === 'missing') throw new AppError('NOT_FOUND', undefined, '未找到该整治措施');
    if (outcome === 'already') throw new AppError('CONFLICT', undefined, '该整治措施已标记完成');
    await repo.touchPlan(q, plan.id, user.id);
    await repo.insertHistory(q, plan.id, 'measure_done', { measureId }, user.id);
    await audit(q, actorOf(user), { action: 'plan.measure_done', entity: 'subject', entityId: subjectId, detail: { planId: plan.id, measureId } });
  });
  return planFile(db, user, subjectId);
}
