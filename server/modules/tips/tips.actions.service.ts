import { tipsClosed } from '../../metrics.ts';
import { empty, sql, type Db, type Queryable, type Sql } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { MEASURES, VERDICTS } from '../../../shared/domain.ts';
import { audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { findUnit } from '../admin/admin.service.ts';
import { notifyUnit, withdrawNotifications } from '../notifications/notifications.service.ts';
import { analyze } from '../intel/analyze.ts';
import { canSeeTip, inJurisdiction } from '../access/jurisdiction.ts';
import { accessFacts, currentAssist, currentLead, pendingReport, permit, type TipContext } from './tips.policy.ts';
import { ancestry } from '../regions/regions.repository.ts';
import { caseFromTipReport } from '../cases/cases.service.ts';
import { mayFileCase } from '../cases/cases.policy.ts';
import { tipHasCase } from '../cases/cases.repository.ts';
import { attachUploads, findTip, insertEvent, listAssignments, officesOnPath, pendingClosureOf, type AssignmentRow, type ReportDraft } from './tips.repository.ts';
import type { TipAction } from './tips.schemas.ts';
import { refreshTipGrades } from '../screening/grades.ts';

type Of<A extends TipAction['action']> = Extract<TipAction, { action: A }>;

/** Loads a tip with what the policy needs; null when it does not exist. */
export async function loadContext(q: Queryable, tipId: number, forUpdate = false): Promise<TipContext | null> {
  const tip = await findTip(q, tipId, forUpdate);
  if (!tip) return null;
  const [assignments, [owner], pendingClosure] = await Promise.all([
    listAssignments(q, tipId),
    q.query<{ region_code: string }>(sql`select region_code from units where id = ${tip.office_unit_id}`),
    tip.status === 'closing' ? pendingClosureOf(q, tipId) : null,
  ]);
  return { tip, assignments, ownerRegionCode: owner.region_code, pendingClosure };
}

/** Loads a tip the user may see, or 404 — never revealing that it exists. */
export async function loadVisible(q: Queryable, user: SessionUser, tipId: number, forUpdate = false): Promise<TipContext> {
  const ctx = await loadContext(q, tipId, forUpdate);
  if (!ctx || !canSeeTip(user, accessFacts(ctx))) throw new AppError('NOT_FOUND');
  return ctx;
}

/** The id of the tip with this tracking code, or null. No visibility check: callers make it, so that a code the user may not see answers like one that does not exist. */
export async function tipIdByCode(q: Queryable, trackingCode: string): Promise<number | null> {
  const [row] = await q.query<{ id: number }>(sql`select id from tips where tracking_code = ${trackingCode}`);
  return row?.id ?? null;
}

/** The 404 for a tracking code staff typed: the same words whether no tip has it or the user may not see it. */
export const codeNotFound = (trackingCode: string, path = 'trackingCode') =>
  new AppError('NOT_FOUND', [{ path, message: `没有找到查询码为 ${trackingCode} 的线索，或它不在您的办理范围内` }], `没有找到查询码为 ${trackingCode} 的线索，或它不在您的办理范围内`);

/** A tip the user may see, by the 12-digit tracking code shown on screen; 404 otherwise (see codeNotFound). */
export async function loadVisibleByCode(q: Queryable, user: SessionUser, trackingCode: string): Promise<TipContext> {
  const id = await tipIdByCode(q, trackingCode);
  const ctx = id === null ? null : await loadVisible(q, user, id).catch(() => null);
  if (!ctx) throw codeNotFound(trackingCode);
  return ctx;
}

interface Step {
  q: Queryable;
  user: SessionUser;
  ctx: TipContext;
  /** Tips this transaction has locked besides the one acted on (a merge's target). */
  locked: number[];
}

async function record(s: Step, kind: string, text: string, isPublic: boolean, data?: object) {
  await insertEvent(s.q, { tipId: s.ctx.tip.id, kind, text, public: isPublic, actorId: s.user.id, unitId: s.user.unitId, data });
  await audit(s.q, { id: s.user.id, name: s.user.username }, { action: `tip.${kind}`, entity: 'tip', entityId: s.ctx.tip.id, detail: data as Record<string, unknown> });
}

const setStatus = (s: Step, status: string, extra: Sql = empty) =>
  s.q.query(sql`update tips set status = ${status}, updated_at = now()${extra} where id = ${s.ctx.tip.id}`);

/** 受理: the office takes the tip on, optionally correcting its fraud types and naming accused units. */
async function acceptTip(s: Step, a: Of<'accept'>) {
  const types = a.fraudTypes ?? s.ctx.tip.fraud_types;
  const accused = [...new Set([...s.ctx.tip.accused_unit_ids, ...(a.accusedUnitIds ?? [])])];
  await s.q.query(sql`update tips set status = 'accepted', fraud_types = ${types}, accused_unit_ids = ${accused}, updated_at = now() where id = ${s.ctx.tip.id}`);
  // A clerk's types that differ from the analysis are kept as labelled data (docs/intel.md).
  const suggested = analyze(s.ctx.tip.description).fraudTypes.map((t) => t.code);
  if (a.fraudTypes && [...types].sort().join() !== [...suggested].sort().join()) {
    await s.q.query(sql`insert into type_corrections (tip_id, suggested, corrected, user_id) values (${s.ctx.tip.id}, ${suggested}, ${types}, ${s.user.id})`);
  }
  await record(s, 'accepted', '您的举报已受理', true, { fraudTypes: types });
  if (a.note) await record(s, 'note', a.note, false);
  await withdrawNotifications(s.q, s.ctx.tip.id, accused.filter((id) => !s.ctx.tip.accused_unit_ids.includes(id)));
  if (accused.includes(s.ctx.tip.office_unit_id)) await handOverFromAccused(s, accused);
}

/**
 * The receiving office has just been named as accused: the tip moves to the nearest office above it
 * that it does not accuse, which receives and works it from now on (the accused office loses sight of it).
 */
async function handOverFromAccused(s: Step, accused: number[]) {
  const from = s.ctx.tip.office_unit_id;
  const above = ancestry(s.ctx.ownerRegionCode).filter((c) => c.length < s.ctx.ownerRegionCode.length);
  const to = (await officesOnPath(s.q, s.ctx.ownerRegionCode ? [...above, ''] : [])).find((o) => !accused.includes(o.id));
  if (!to) throw new AppError('TIP_INVALID_TRANSITION', [{ path: 'accusedUnitIds', message: '没有可接收此线索的上级专项办' }], '受理单位被反映，且没有可接收此线索的上级专项办');
  await s.q.query(sql`update tips set office_unit_id = ${to.id}, updated_at = now() where id = ${s.ctx.tip.id}`);
  await record(s, 'transferred', `线索反映对象涉及原受理单位，移交${to.name}受理办理`, false, { fromUnitId: from, toUnitId: to.id, reason: 'accused' });
  await notifyUnit(s.q, to.id, ['intake', 'office_lead'], {
    kind: 'transferred', tipId: s.ctx.tip.id, text: '下级受理单位被线索反映，线索已移交本单位办理', dedupeKey: `accused:${from}`,
  });
}

/** 不予受理: closes the tip with a reason (internal) and an answer the reporter reads. */
async function rejectTip(s: Step, a: Of<'reject'>) {
  await s.q.query(
    sql`update tips set status = 'rejected', public_answer = ${a.publicAnswer}, public_answer_at = now(), closed_at = now(), updated_at = now()
        where id = ${s.ctx.tip.id}`,
  );
  await record(s, 'rejected', a.reason, false);
  await record(s, 'answer', a.publicAnswer, true);
  await answerMerged(s, 'rejected', a.publicAnswer);
}

/**
 * Gives every tip merged into this one — directly or through a chain of merges — the same outcome
 * and public answer, each with its own timeline event and audit row, so no merged tip waits for ever.
 */
async function answerMerged(s: Step, status: 'closed' | 'rejected', answer: string) {
  const answered = await s.q.query<{ id: number }>(sql`
    with recursive m(id) as (
      select id from tips where merged_into_id = ${s.ctx.tip.id} and status = 'merged'
      union
      select t.id from tips t join m on t.merged_into_id = m.id where t.status = 'merged')
    update tips set status = ${status}, public_answer = ${answer}, public_answer_at = now(), closed_at = now(), updated_at = now()
    where id in (select id from m) and status = 'merged' returning id`);
  for (const { id } of answered) {
    await insertEvent(s.q, { tipId: id, kind: status, text: answer, public: true, actorId: s.user.id, unitId: s.user.unitId, data: { viaTipId: s.ctx.tip.id } });
    await audit(s.q, { id: s.user.id, name: s.user.username }, { action: `tip.${status}`, entity: 'tip', entityId: id, detail: { viaTipId: s.ctx.tip.id } });
  }
}

/**
 * Where a merge into `tipId` lands: the tip itself, or — when it was merged — the end of its chain of
 * merges (null when the tip does not exist). A chain never loops (see mergeTip), but is walked at most 50 deep.
 */
async function finalTarget(q: Queryable, tipId: number): Promise<{ id: number; status: string } | null> {
  const [end] = await q.query<{ id: number; status: string }>(sql`
    with recursive chain(id, status, next_id, depth) as (
      select id, status, merged_into_id, 0 from tips where id = ${tipId}
      union all
      select t.id, t.status, t.merged_into_id, c.depth + 1 from tips t join chain c on t.id = c.next_id where c.status = 'merged' and c.depth < 50)
    select id, status from chain order by depth desc limit 1`);
  return end ?? null;
}

/**
 * Locks a merge's source and final target in id order before either is read, so that two merges
 * crossing each other (A→B and B→A) queue instead of deadlocking, and a close of the target waits
 * for the merge (and then answers the merged tip) or makes it fail (409). Returns the locked target.
 */
async function lockMergePair(q: Queryable, tipId: number, intoTipId: number): Promise<number[]> {
  const target = intoTipId === tipId ? null : await finalTarget(q, intoTipId);
  const ids = target && target.id !== tipId ? [tipId, target.id] : [tipId];
  await q.query(sql`select id from tips where id = any(${ids}::bigint[]) order by id for update`);
  return ids.slice(1);
}

/**
 * 并案: folds the tip into another visible, live tip; it is answered when that one is closed or rejected.
 * Merging into a tip that was itself merged follows the chain and merges into its final target, so
 * the reporter is answered with the case that is actually worked. A target that is closed or rejected,
 * or that was merged into this very tip, is refused (409).
 */
async function mergeTip(s: Step, a: Of<'merge'>) {
  // runTipAction has resolved a tracking code to intoTipId (0 when no tip has it).
  const into = a.intoTipId ?? 0;
  const path = a.intoTrackingCode !== undefined ? 'intoTrackingCode' : 'intoTipId';
  const invalid = (message: string) => new AppError('MERGE_TARGET_INVALID', [{ path, message }]);
  if (into === s.ctx.tip.id) throw invalid('不能并入自身');
  if (!(await loadVisible(s.q, s.user, into).catch(() => null))) {
    // A code the user may not see is answered exactly like a code no tip has.
    throw a.intoTrackingCode !== undefined ? codeNotFound(a.intoTrackingCode, path) : invalid('目标线索不存在或不可见');
  }
  const end = await finalTarget(s.q, into);
  if (!end || end.id === s.ctx.tip.id) {
    throw new AppError('TIP_INVALID_TRANSITION', [{ path, message: '目标线索已并入本线索' }], '目标线索已并入本线索，不能再将本线索并入它');
  }
  // The chain moved between locking and now (its end was merged further): the caller retries.
  if (!s.locked.includes(end.id)) throw new AppError('CONFLICT', [{ path, message: '目标线索刚刚被并案，请刷新后重试' }]);
  const target = await loadVisible(s.q, s.user, end.id).catch(() => null);
  if (!target) throw invalid('目标线索已并入您不可见的线索');
  if (['merged', 'rejected', 'closed'].includes(target.tip.status)) {
    throw new AppError('TIP_INVALID_TRANSITION', [{ path, message: '目标线索已办结或不予受理' }], '目标线索已办结或不予受理，不能并入');
  }
  await s.q.query(sql`update tips set status = 'merged', merged_into_id = ${end.id}, updated_at = now() where id = ${s.ctx.tip.id}`);
  await record(s, 'merged', '您反映的问题已与相关线索合并办理', true, { intoTipId: end.id, ...(end.id !== into ? { requestedTipId: into } : {}) });
}

/** 交办: to a member unit or a lower office within the dispatcher's subtree, with a deadline. */
async function dispatchTip(s: Step, a: Of<'dispatch'>) {
  const deadline = new Date(a.deadline);
  const parent = s.ctx.tip.status === 'accepted' ? null : currentLead(s.ctx.assignments);
  if (deadline.getTime() <= Date.now() + 60_000 || (parent && deadline > parent.deadline_at)) {
    throw new AppError('DEADLINE_INVALID', [{ path: 'deadline', message: parent ? '不能晚于上级交办的时限' : '须晚于现在' }]);
  }
  const unitIds = [a.leadUnitId, ...(a.assistingUnitIds ?? [])];
  if (new Set(unitIds).size !== unitIds.length) {
    throw new AppError('DISPATCH_UNIT_INVALID', [{ path: 'assistingUnitIds', message: '主办单位与协办单位不能重复' }]);
  }
  for (const [i, id] of unitIds.entries()) {
    const path = i === 0 ? 'leadUnitId' : `assistingUnitIds.${i - 1}`;
    if (s.ctx.tip.accused_unit_ids.includes(id)) throw new AppError('DISPATCH_ACCUSED_UNIT', [{ path, message: '该单位为被反映对象' }]);
    const unit = await findUnit(s.q, id);
    if (!unit || unit.id === s.user.unitId || !inJurisdiction(s.user, unit.region_code)) {
      throw new AppError('DISPATCH_UNIT_INVALID', [{ path, message: '单位不存在或不在本辖区内' }]);
    }
  }
  // 报上级审核 is asked by the receiving office for its own closing; a lower office's closing goes up anyway.
  const reviewClosure = !!a.reviewClosure && s.user.unitId === s.ctx.tip.office_unit_id;
  if (a.reviewClosure && !reviewClosure) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'reviewClosure', message: '只有受理单位交办时可以要求报上级审核；下级专项办的办结意见本就须报交办单位审核' }]);
  }
  if (reviewClosure && !(await officeAbove(s))) throw new AppError('VALIDATION_FAILED', [{ path: 'reviewClosure', message: '本单位没有可审核办结的上级专项办' }]);
  if (parent) await s.q.query(sql`update tip_assignments set status = 'forwarded' where id = ${parent.id}`);
  const ids: number[] = [];
  for (const [i, unitId] of unitIds.entries()) {
    const [{ id }] = await s.q.query<{ id: number }>(
      sql`insert into tip_assignments (tip_id, unit_id, role, parent_id, dispatched_by_unit_id, dispatched_by, deadline_at, instructions, status, review_closure)
          values (${s.ctx.tip.id}, ${unitId}, ${i === 0 ? 'lead' : 'assist'}, ${parent?.id ?? null}, ${s.user.unitId}, ${s.user.id}, ${deadline},
                  ${a.instructions}, 'dispatched', ${reviewClosure && i === 0}) returning id`,
    );
    ids.push(id);
    await notifyUnit(s.q, unitId, i === 0 ? ['handler', 'unit_lead', 'intake', 'office_lead'] : ['handler', 'unit_lead'], {
      kind: 'dispatched', tipId: s.ctx.tip.id, text: `收到交办线索（${i === 0 ? '主办' : '协办'}），请按时办理`, dedupeKey: `assignment:${id}`,
    });
  }
  await s.q.query(sql`update tips set status = 'dispatched', deadline_at = ${deadline}, updated_at = now() where id = ${s.ctx.tip.id}`);
  await record(s, 'dispatched', a.instructions, false, {
    leadUnitId: a.leadUnitId, assistingUnitIds: a.assistingUnitIds ?? [], deadline, assignmentIds: ids, ...(reviewClosure ? { reviewClosure } : {}),
  });
  if (!parent) await insertEvent(s.q, { tipId: s.ctx.tip.id, kind: 'dispatched', text: '已交有关单位核查办理', public: true });
}

/** 签收: the lead unit acknowledges the tip and starts work. */
async function signForTip(s: Step) {
  const lead = currentLead(s.ctx.assignments)!;
  await s.q.query(sql`update tip_assignments set status = 'signed', signed_at = now() where id = ${lead.id}`);
  await setStatus(s, 'in_progress');
  await record(s, 'signed', `${s.user.unitName}已签收`, false, { assignmentId: lead.id });
  await insertEvent(s.q, { tipId: s.ctx.tip.id, kind: 'in_progress', text: '承办单位已签收，正在核查', public: true });
}

/** A report's text on the timeline: verdict, measures, summary. */
const reportText = (r: { verdict: keyof typeof VERDICTS; measures?: (keyof typeof MEASURES)[]; summary: string }) =>
  `核查结论：${VERDICTS[r.verdict]}；措施：${r.measures?.length ? r.measures.map((m) => MEASURES[m]).join('、') : '无'}。${r.summary}`;

/**
 * Attaches documents uploaded for a report (POST /api/uploads, unattached until now) to the tip and
 * the assignment whose report they belong to — all of them or none (422 on `attachmentIds`).
 */
async function attachReportDocuments(s: Step, assignmentId: number, attachmentIds: string[] | undefined): Promise<string[]> {
  const ids = [...new Set(attachmentIds ?? [])];
  if ((await attachUploads(s.q, s.ctx.tip.id, ids, assignmentId)) !== ids.length) {
    throw new AppError('UPLOAD_INVALID', [{ path: 'attachmentIds', message: '附件不存在或已被使用，请重新上传' }]);
  }
  return ids;
}

type ReportValues = { verdict: keyof typeof VERDICTS; measures: (keyof typeof MEASURES)[]; summary: string };

/**
 * 反馈结果: verdict, measures, summary and documents from the lead unit, for its dispatcher to review.
 * A member unit whose reports need its unit lead's approval (units.report_approval) writes a draft
 * instead: the tip stays in progress and the office sees nothing of it until the lead approves.
 */
async function reportTip(s: Step, a: Of<'report'>) {
  const lead = currentLead(s.ctx.assignments)!;
  const documents = await attachReportDocuments(s, lead.id, a.attachmentIds);
  // 行刑衔接: 立案侦查 files or links the case in this same transaction (the reporter is told by the case module).
  // Filing is the police's own act, recorded when done, even while the report itself awaits the unit lead.
  if (a.case && !a.measures.includes('case_filed')) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'case', message: '只有处理措施含“立案侦查”时才同时立案或关联案件' }]);
  }
  // A police unit reporting 立案侦查 names the case (new or existing) unless the tip is already linked to one.
  if (!a.case && a.measures.includes('case_filed') && mayFileCase(s.user) && !(await tipHasCase(s.q, s.ctx.tip.id))) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'case', message: '处理措施为“立案侦查”时，请同时填写立案信息或选择已立的案件' }]);
  }
  const filed = a.case ? await caseFromTipReport(s.q, s.user, s.ctx.tip, a.case) : null;
  const extra = { documents: documents.length, ...(filed ? { caseId: filed.id } : {}) };
  if (lead.unit_report_approval) return draftReport(s, lead, a, extra);
  await publishReport(s, lead, a, s.user.id, extra);
}

/** The report reaches the dispatching office: the assignment and the tip are reported, the office is told. */
async function publishReport(s: Step, lead: AssignmentRow, r: ReportValues, reportedBy: number, extra: object) {
  await s.q.query(
    sql`update tip_assignments set status = 'reported', reported_at = now(), verdict = ${r.verdict}, measures = ${r.measures}, summary = ${r.summary},
          reported_by = ${reportedBy}, draft = null
        where id = ${lead.id}`,
  );
  await setStatus(s, 'reported', sql`, reported_at = now()`);
  await record(s, 'reported', reportText(r), false, { assignmentId: lead.id, verdict: r.verdict, measures: r.measures, ...extra });
  await notifyUnit(s.q, lead.dispatched_by_unit_id, ['office_lead', 'intake'], {
    kind: 'reported', tipId: s.ctx.tip.id, text: `${lead.unit_name}已反馈办理结果，请审核`, dedupeKey: `report:${lead.id}:${Date.now()}`,
  });
}

/**
 * A report (lead or assisting) kept as the unit's draft until its unit lead approves it: on the
 * assignment (status pending_approval, `draft`), with a timeline event only the unit's staff read.
 */
async function draftReport(s: Step, assignment: AssignmentRow, r: ReportValues, extra: object) {
  const draft: ReportDraft = {
    verdict: r.verdict, measures: r.measures, summary: r.summary, documents: (extra as { documents?: number }).documents ?? 0,
    by: s.user.id, byName: s.user.displayName, at: new Date().toISOString(),
  };
  await s.q.query(sql`update tip_assignments set status = 'pending_approval', draft = ${draft} where id = ${assignment.id}`);
  await record(s, 'report_drafted', reportText(r), false, { assignmentId: assignment.id, role: assignment.role, verdict: r.verdict, measures: r.measures, ...extra });
  await notifyUnit(s.q, assignment.unit_id, ['unit_lead'], {
    kind: 'report_drafted', tipId: s.ctx.tip.id, text: `${s.user.displayName}提交了${assignment.role === 'lead' ? '办理结果' : '协办情况'}，请审核`,
    dedupeKey: `draft:${assignment.id}:${Date.now()}`,
  });
}

/**
 * 协办反馈: an assisting unit reports its part on its own assignment — the same record as the lead's
 * (verdict, measures, summary, documents), once. The tip's status does not move: the lead unit still
 * reports the result. The lead unit and the office that dispatched the assist are told. Like the
 * lead's, it is a draft first when the unit's reports need its unit lead's approval.
 */
async function assistReportTip(s: Step, a: Of<'assist_report'>) {
  const assist = currentAssist(s.ctx.assignments, s.user.unitId)!;
  const r = { verdict: a.verdict, measures: a.measures ?? [], summary: a.summary };
  const documents = await attachReportDocuments(s, assist.id, a.attachmentIds);
  if (assist.unit_report_approval) return draftReport(s, assist, r, { documents: documents.length });
  await publishAssistReport(s, assist, r, s.user.id, { documents: documents.length });
}

async function publishAssistReport(s: Step, assist: AssignmentRow, r: ReportValues, reportedBy: number, extra: object) {
  await s.q.query(
    sql`update tip_assignments set status = 'reported', reported_at = now(), verdict = ${r.verdict}, measures = ${r.measures}, summary = ${r.summary},
          reported_by = ${reportedBy}, draft = null
        where id = ${assist.id}`,
  );
  await record(s, 'assist_reported', reportText(r), false, { assignmentId: assist.id, verdict: r.verdict, measures: r.measures, ...extra });
  const lead = currentLead(s.ctx.assignments);
  const told = { kind: 'assist_reported', tipId: s.ctx.tip.id, text: `${assist.unit_name}已反馈协办情况`, dedupeKey: `assist:${assist.id}` };
  await notifyUnit(s.q, assist.dispatched_by_unit_id, ['office_lead', 'intake'], told);
  if (lead && lead.unit_id !== assist.dispatched_by_unit_id) await notifyUnit(s.q, lead.unit_id, ['handler', 'unit_lead', 'intake', 'office_lead'], told);
}

/**
 * 单位负责人审核通过: the unit lead approves the unit's draft (never their own: tips.policy.ts), and it
 * reaches the office as if reported now — the lead's moves the tip to reported.
 */
async function approveReport(s: Step) {
  const assignment = pendingReport(s.ctx.assignments, s.user.unitId)!;
  const draft = assignment.draft!;
  const r = { verdict: draft.verdict, measures: draft.measures, summary: draft.summary } as ReportValues;
  await s.q.query(sql`update tip_assignments set approved_by = ${s.user.id}, approved_at = now() where id = ${assignment.id}`);
  await record(s, 'report_approved', `${s.user.unitName}负责人审核通过${assignment.role === 'lead' ? '办理结果' : '协办情况'}`, false, {
    assignmentId: assignment.id, reportedBy: draft.by,
  });
  const extra = { documents: draft.documents, reportedBy: draft.by, approvedBy: s.user.id };
  if (assignment.role === 'lead') await publishReport(s, assignment, r, draft.by, extra);
  else await publishAssistReport(s, assignment, r, draft.by, extra);
}

/** 单位负责人退回: the draft goes back to the unit's handlers with a reason; the office never saw it. */
async function rejectReport(s: Step, a: Of<'reject_report'>) {
  const assignment = pendingReport(s.ctx.assignments, s.user.unitId)!;
  const back = assignment.role === 'assist' ? 'dispatched' : 'signed';
  await s.q.query(sql`update tip_assignments set status = ${back}, draft = null where id = ${assignment.id}`);
  await record(s, 'report_rejected', a.reason, false, { assignmentId: assignment.id, draft: assignment.draft });
  await notifyUnit(s.q, assignment.unit_id, ['handler'], {
    kind: 'report_rejected', tipId: s.ctx.tip.id, text: `单位负责人退回了办理结果：${a.reason.slice(0, 60)}`, dedupeKey: `draft_back:${assignment.id}:${Date.now()}`,
  });
}

/**
 * 退回交办: the lead unit sends a wrongly routed tip back to the office that dispatched it, with a reason.
 * That dispatch is undone as a whole: the lead assignment ends as `sent_back` and the assisting ones
 * given with it as `withdrawn` (their reports stay on record). The tip goes back to where it stood
 * before the dispatch: when the dispatcher was itself leading (a forward down the chain), its own
 * assignment leads again, with its own deadline and its signing kept; otherwise the tip is `accepted`
 * again at the receiving office with no deadline running, to be dispatched anew (docs/ARCHITECTURE.md, "Work that fits the roles").
 */
async function sendBackTip(s: Step, a: Of<'send_back'>) {
  const lead = currentLead(s.ctx.assignments)!;
  const parent = s.ctx.assignments.find((x) => x.id === lead.parent_id) ?? null;
  const ended = await s.q.query<{ id: number }>(
    sql`update tip_assignments set active = false, status = case when id = ${lead.id} then 'sent_back' else 'withdrawn' end
        where tip_id = ${s.ctx.tip.id} and active and dispatched_by_unit_id = ${lead.dispatched_by_unit_id}
          and parent_id is not distinct from ${lead.parent_id}::bigint returning id`,
  );
  if (parent) {
    await s.q.query(sql`update tip_assignments set status = ${parent.signed_at ? 'signed' : 'dispatched'} where id = ${parent.id}`);
    await setStatus(s, parent.signed_at ? 'in_progress' : 'dispatched', sql`, deadline_at = ${parent.deadline_at}`);
  } else {
    await setStatus(s, 'accepted', sql`, deadline_at = null`);
  }
  await record(s, 'sent_back', a.reason, false, { assignmentId: lead.id, toUnitId: lead.dispatched_by_unit_id, endedAssignmentIds: ended.map((e) => e.id) });
  await notifyUnit(s.q, lead.dispatched_by_unit_id, ['intake', 'office_lead'], {
    kind: 'sent_back', tipId: s.ctx.tip.id, text: `${s.user.unitName}退回交办：${a.reason.slice(0, 60)}，请重新交办`, dedupeKey: `sent_back:${lead.id}`,
  });
}

/** 退回重办: the reviewing office sends the result back to the lead unit. */
async function returnTip(s: Step, a: Of<'return'>) {
  const lead = currentLead(s.ctx.assignments)!;
  await s.q.query(sql`update tip_assignments set status = 'returned' where id = ${lead.id}`);
  await setStatus(s, 'in_progress', sql`, reported_at = null`);
  await record(s, 'returned', a.reason, false, { assignmentId: lead.id });
  await notifyUnit(s.q, lead.unit_id, ['handler', 'unit_lead', 'intake', 'office_lead'], {
    kind: 'returned', tipId: s.ctx.tip.id, text: '办理结果被退回，请重新办理', dedupeKey: `return:${lead.id}:${Date.now()}`,
  });
}

/**
 * The office that must review this office's closing of the tip (上级审核), or null when it closes:
 * the office that dispatched the tip to it (a lower office's closing always goes up); for the
 * receiving office, the nearest office above it only when it asked for review at dispatch.
 */
async function closureReviewer(s: Step): Promise<number | null> {
  const own = s.ctx.assignments.findLast((a) => a.active && a.role === 'lead' && a.unit_id === s.user.unitId);
  if (own) return own.dispatched_by_unit_id;
  const asked = s.ctx.assignments.some((a) => a.active && a.role === 'lead' && a.dispatched_by_unit_id === s.user.unitId && a.review_closure);
  if (asked && s.user.unitId === s.ctx.tip.office_unit_id) return (await officeAbove(s))?.id ?? null;
  return null;
}

/** The nearest campaign office above the receiving office that the tip does not accuse. */
async function officeAbove(s: Step) {
  const above = ancestry(s.ctx.ownerRegionCode).filter((c) => c.length < s.ctx.ownerRegionCode.length);
  if (!s.ctx.ownerRegionCode) return null;
  return (await officesOnPath(s.q, above)).find((o) => !s.ctx.tip.accused_unit_ids.includes(o.id)) ?? null;
}

/**
 * 办结: approved, with the public answer; tips merged into it (through any chain) are answered alike.
 * When an upper office must review this office's closing, it becomes a proposal instead (closing):
 * the reporter reads nothing until the upper office approves it.
 */
async function closeTip(s: Step, a: Of<'close'>) {
  const reviewer = await closureReviewer(s);
  if (reviewer !== null) return proposeClosure(s, reviewer, a.publicAnswer);
  await finishClosing(s, a.publicAnswer);
}

async function finishClosing(s: Step, publicAnswer: string) {
  await s.q.query(sql`update tip_assignments set status = 'closed' where tip_id = ${s.ctx.tip.id} and active`);
  await s.q.query(sql`update tips set status = 'closed', public_answer = ${publicAnswer}, public_answer_at = now(), closed_at = now(), updated_at = now()
                      where id = ${s.ctx.tip.id}`);
  await record(s, 'closed', publicAnswer, true);
  await answerMerged(s, 'closed', publicAnswer);
  tipsClosed.inc();
}

/** 提请上级审核办结: the proposal and its answer wait for the reviewing office, which is told. */
async function proposeClosure(s: Step, reviewerUnitId: number, publicAnswer: string) {
  const [{ id }] = await s.q.query<{ id: number }>(
    sql`insert into tip_closure_reviews (tip_id, proposing_unit_id, reviewer_unit_id, public_answer, proposed_by)
        values (${s.ctx.tip.id}, ${s.user.unitId}, ${reviewerUnitId}, ${publicAnswer}, ${s.user.id}) returning id`,
  );
  await setStatus(s, 'closing');
  await record(s, 'closure_proposed', publicAnswer, false, { reviewId: id, reviewerUnitId });
  await notifyUnit(s.q, reviewerUnitId, ['office_lead', 'intake'], {
    kind: 'closure_proposed', tipId: s.ctx.tip.id, text: `${s.user.unitName}提请审核办结，请审核`, dedupeKey: `closure:${id}`,
  });
}

/**
 * 上级审核同意: the upper office approves the proposal (with its answer, or its own edit of it). Its
 * approval is its own closing, under the same rule: it closes the tip and releases the answer, or —
 * when this office must itself be reviewed — goes one level further up.
 */
async function approveClosure(s: Step, a: Of<'approve_closure'>) {
  const pending = s.ctx.pendingClosure!;
  const answer = a.publicAnswer ?? pending.public_answer;
  await s.q.query(sql`update tip_closure_reviews set decision = 'approved', decided_by = ${s.user.id}, decided_at = now() where id = ${pending.id}`);
  await record(s, 'closure_approved', `${s.user.unitName}审核同意办结`, false, { reviewId: pending.id, proposingUnitId: pending.proposing_unit_id, edited: answer !== pending.public_answer });
  await notifyUnit(s.q, pending.proposing_unit_id, ['office_lead', 'intake'], {
    kind: 'closure_approved', tipId: s.ctx.tip.id, text: `${s.user.unitName}已审核同意办结`, dedupeKey: `closure_ok:${pending.id}`,
  });
  const next = await closureReviewer(s);
  if (next !== null) return proposeClosure(s, next, answer);
  await finishClosing(s, answer);
}

/** 上级退回: the proposal goes back to the office that reviews the unit's result, with a reason; the tip is reported again. */
async function returnClosure(s: Step, a: Of<'return_closure'>) {
  const pending = s.ctx.pendingClosure!;
  await s.q.query(sql`update tip_closure_reviews set decision = 'returned', reason = ${a.reason}, decided_by = ${s.user.id}, decided_at = now() where id = ${pending.id}`);
  await setStatus(s, 'reported');
  await record(s, 'closure_returned', a.reason, false, { reviewId: pending.id, proposingUnitId: pending.proposing_unit_id });
  await notifyUnit(s.q, pending.proposing_unit_id, ['office_lead', 'intake'], {
    kind: 'closure_returned', tipId: s.ctx.tip.id, text: `${s.user.unitName}退回办结意见：${a.reason.slice(0, 60)}`, dedupeKey: `closure_back:${pending.id}`,
  });
}

/** 督办: presses the lead unit; it is told at once. */
async function urgeTip(s: Step, a: Of<'urge'>) {
  const lead = currentLead(s.ctx.assignments)!;
  await record(s, 'urged', a.note, false, { assignmentId: lead.id });
  await notifyUnit(s.q, lead.unit_id, ['handler', 'unit_lead', 'intake', 'office_lead'], {
    kind: 'urged', tipId: s.ctx.tip.id, text: `督办：${a.note}`, dedupeKey: `urge:${Date.now()}`,
  });
}

const noteTip = (s: Step, a: Of<'note'>) => record(s, 'note', a.text, false);
const replyToReporter = (s: Step, a: Of<'reply'>) => record(s, 'reply', a.text, true);

const TRANSITIONS: { [A in TipAction['action']]: (s: Step, a: Of<A>) => Promise<void> } = {
  accept: acceptTip,
  reject: rejectTip,
  merge: mergeTip,
  dispatch: dispatchTip,
  sign: signForTip,
  report: reportTip,
  assist_report: assistReportTip,
  send_back: sendBackTip,
  approve_report: approveReport,
  reject_report: rejectReport,
  approve_closure: approveClosure,
  return_closure: returnClosure,
  return: returnTip,
  close: closeTip,
  urge: urgeTip,
  note: noteTip,
  reply: replyToReporter,
};

/** Actions that change a tip's status or a verdict, so whether and how it weighs on a subject's grade. */
const GRADE_ACTIONS = new Set<TipAction['action']>(['reject', 'merge', 'report', 'assist_report', 'approve_report', 'close', 'approve_closure']);

/** Runs one action: load and check access → guard the state → write change, timeline and audit in one transaction. */
export async function runTipAction(db: Db, user: SessionUser, tipId: number, action: TipAction): Promise<void> {
  await db.tx(async (q) => {
    // A merge named by tracking code is resolved here, before locking; an unknown code becomes 0 and is
    // refused in mergeTip at the same point, with the same answer, as a tip the user may not see.
    if (action.action === 'merge' && action.intoTrackingCode !== undefined) action = { ...action, intoTipId: (await tipIdByCode(q, action.intoTrackingCode)) ?? 0 };
    const locked = action.action === 'merge' ? await lockMergePair(q, tipId, action.intoTipId ?? 0) : [];
    const ctx = await loadVisible(q, user, tipId, true);
    permit(user, ctx, action.action);
    const transition = TRANSITIONS[action.action] as (s: Step, a: TipAction) => Promise<void>;
    await transition({ q, user, ctx, locked }, action);
    // Status and verdicts are facts of the grades of the subjects the tip names (screening/grades.ts).
    if (GRADE_ACTIONS.has(action.action)) await refreshTipGrades(q, [tipId, ...locked], user.id);
  });
}

