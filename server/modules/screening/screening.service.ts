import { capRows } from '../../xlsx.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { actorOf, audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import type { RiskGrade } from '../../../shared/domain.ts';
import { chinaToday } from '../../../shared/time.ts';
import { narrowedTo } from '../access/jurisdiction.ts';
import { assessRisk } from './risk.ts';
import type { Keys } from '../../crypto.ts';
import { attachUploads, countAttachments, MAX_ATTACHMENTS, readAttachment } from '../uploads/uploads.service.ts';
import { isScreeningLead, permitHazard } from './screening.policy.ts';
import * as repo from './screening.repository.ts';
import * as grades from './grades.ts';
import { issueRecord } from '../enforcement/enforcement.service.ts';
import type { HazardAction, HazardInput, HazardSourceInput, InspectionInput, LedgerFilter, StandaloneHazardInput, SubjectListQuery } from './screening.schemas.ts';
import { loadVisibleByCode } from '../tips/tips.actions.service.ts';
import { visibleFinding } from '../supervision/supervision.service.ts';
import { checkInspectionRound, checklistFor } from './rounds.service.ts';

/**
 * Screening and rectification: inspections of subjects, the hazard ledger (台账) with one function per
 * state change, and each subject's explained risk grade. A subject outside the user's jurisdiction
 * is "not found", as tips are. Lists are pages with their total: nothing is cut off silently.
 */

const today = chinaToday;

/** A subject of the user's jurisdiction, or 404 (the screening strand and the plans that build on it). */
export async function visibleSubject(q: Queryable, user: SessionUser, id: number) {
  const s = await repo.findSubject(q, user, id);
  if (!s) throw new AppError('NOT_FOUND');
  return s;
}

/**
 * The registry page: grade, counts and filtering by grade come from SQL (the stored grades,
 * grades.ts) over the whole jurisdiction; the reasons and counts shown beside a grade come from
 * assessRisk on this page's subjects.
 */
export async function listSubjects(db: Db, user: SessionUser, f: SubjectListQuery) {
  const scope = narrowedTo(user, f.region);
  if (!scope) throw new AppError('NOT_FOUND');
  const { items, total } = await repo.subjectPage(db, scope, f);
  const facts = await repo.riskFacts(db, items.map((s) => s.id));
  const day = today();
  return {
    items: items.map((s) => {
      const f = facts.get(s.id)!;
      const risk = assessRisk(f, day);
      return { ...s, reasons: risk.reasons, riskNote: risk.note, openHazards: f.hazards.filter((h) => h.status !== 'verified').length, tips: f.tips, inspected: f.inspected };
    }),
    total, page: f.page, pageSize: f.pageSize,
  };
}

/** Tips naming a subject shown in its file; `tipsTotal` says how many there are in all. */
const FILE_TIPS = 50;

export async function subjectDetail(db: Db, user: SessionUser, id: number) {
  const subject = await visibleSubject(db, user, id);
  const day = today();
  const risk = assessRisk((await repo.riskFacts(db, [id])).get(id)!, day);
  const inspections = await repo.subjectInspections(db, id);
  const hazards = await repo.subjectHazards(db, user, id, day);
  const tips = await repo.subjectTips(db, user, id, FILE_TIPS);
  const cases = await repo.subjectCases(db, user, id);
  const gradeHistory = await grades.gradeHistory(db, id);
  return { ...subject, risk, inspections, hazards, tips: tips.items, tipsTotal: tips.total, cases, gradeHistory };
}

async function addHazard(q: Queryable, user: SessionUser, subjectId: number, origin: repo.HazardOrigin, h: HazardInput) {
  const id = await repo.insertHazard(q, user, subjectId, origin, h);
  await audit(q, actorOf(user), {
    action: 'hazard.created', entity: 'hazard', entityId: id,
    detail: { subjectId, category: h.category, serious: h.serious, deadline: h.deadline, source: origin.source, ...(origin.tipId ? { tipId: origin.tipId } : {}), ...(origin.findingId ? { findingId: origin.findingId } : {}) },
  });
  return id;
}

/** Records an inspection and the hazards it found, in one transaction. */
export async function recordInspection(db: Db, user: SessionUser, subjectId: number, b: Omit<InspectionInput, 'kind'> & { kind?: InspectionInput['kind'] }) {
  const subject = await visibleSubject(db, user, subjectId);
  return db.tx(async (q) => {
    // The sector's current checklist (the answers must be its items) and, in a round, the round's scope and period.
    const version = await checklistFor(q, subject.kind, b.checklist, b.checklistVersionId);
    if (b.roundId) await checkInspectionRound(q, user, b.roundId, subject, b.inspectedOn);
    const kind = b.kind ?? 'routine';
    const id = await repo.insertInspection(q, user, subjectId, { ...b, kind, checklistVersionId: version.id });
    await audit(q, actorOf(user), {
      action: 'inspection.recorded', entity: 'subject', entityId: subjectId,
      detail: { inspectionId: id, hazards: b.hazards.length, kind, checklistVersion: version.version, ...(b.roundId ? { roundId: b.roundId } : {}), ...(b.samplingRatio ? { samplingRatio: b.samplingRatio } : {}) },
    });
    const hazardIds = [];
    for (const h of b.hazards) hazardIds.push(await addHazard(q, user, subjectId, { source: 'inspection', inspectionId: id }, h));
    await grades.refreshGrades(q, [subjectId], 'inspection', user.id);
    return { id, hazardIds };
  });
}

/**
 * Where a hazard recorded on its own came from, checked: an inspection of this subject (404 on
 * `source.inspectionId` otherwise), a tip the user may see by its tracking code (the jurisdiction
 * module decides: a tip that accuses the user's unit is "not found", as everywhere), a supervision
 * finding the user may see, or a complaint with its origin.
 */
async function hazardOrigin(q: Queryable, user: SessionUser, subjectId: number, src: HazardSourceInput): Promise<repo.HazardOrigin> {
  if (src.kind === 'inspection') {
    if (!(await repo.inspectionOf(q, subjectId, src.inspectionId))) throw new AppError('NOT_FOUND', [{ path: 'source.inspectionId', message: '该主体没有这条检查记录' }]);
    return { source: 'inspection', inspectionId: src.inspectionId };
  }
  if (src.kind === 'tip') {
    try {
      return { source: 'tip', inspectionId: null, tipId: (await loadVisibleByCode(q, user, src.trackingCode)).tip.id };
    } catch (e) {
      if (e instanceof AppError && e.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', [{ path: 'source.trackingCode', message: e.message }], e.message);
      throw e;
    }
  }
  if (src.kind === 'supervision') {
    try {
      return { source: 'supervision', inspectionId: null, findingId: (await visibleFinding(q, user, src.findingId)).finding.id };
    } catch (e) {
      if (e instanceof AppError && e.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', [{ path: 'source.findingId', message: '没有找到该督导发现的问题，或它不在您的查看范围内' }]);
      throw e;
    }
  }
  return { source: 'complaint', inspectionId: null, note: src.note };
}

/** A hazard recorded on its own (from a tip, a complaint, a supervision finding or an earlier inspection). */
export async function recordHazard(db: Db, user: SessionUser, subjectId: number, h: StandaloneHazardInput) {
  await visibleSubject(db, user, subjectId);
  const { source, ...hazard } = h;
  return db.tx(async (q) => {
    const id = await addHazard(q, user, subjectId, await hazardOrigin(q, user, subjectId, source), hazard);
    await grades.refreshGrades(q, [subjectId], 'hazard', user.id);
    return { id };
  });
}

// ── Hazard state changes: one function each; 404 out of scope, 403 role, 409 state (screening.policy.ts) ──

/**
 * One change of a hazard in one transaction: found in scope (404), permitted (403/409), written, its
 * files attached (uploaded before through the uploads module: unattached ones only, at most
 * MAX_ATTACHMENTS per hazard, else 422 and nothing is written) and audited.
 */
function changeHazard(
  db: Db, user: SessionUser, id: number, action: HazardAction, write: (q: Queryable, h: { subject_id: number }) => Promise<unknown>,
  detail: { note?: string; fineYuan?: number; attachmentIds?: string[] } = {},
) {
  return db.tx(async (q) => {
    const h = await repo.lockHazard(q, user, id);
    if (!h) throw new AppError('NOT_FOUND');
    const rule = permitHazard(user, h.status, action, h.rectified_by);
    await write(q, h);
    await grades.refreshGrades(q, [h.subject_id], 'hazard', user.id);
    const files = [...new Set(detail.attachmentIds ?? [])];
    if (files.length) {
      if ((await countAttachments(q, { hazardId: id })) + files.length > MAX_ATTACHMENTS) {
        throw new AppError('UPLOAD_INVALID', [{ path: 'attachmentIds', message: `每个隐患最多 ${MAX_ATTACHMENTS} 个附件` }]);
      }
      if ((await attachUploads(q, { hazardId: id }, files)) !== files.length) {
        throw new AppError('UPLOAD_INVALID', [{ path: 'attachmentIds', message: '附件不存在或已被使用' }]);
      }
    }
    const to = rule.to ?? h.status;
    await audit(q, actorOf(user), {
      action: rule.audit, entity: 'hazard', entityId: id,
      detail: { from: h.status, to, ...(detail.note ? { note: detail.note } : {}), ...(detail.fineYuan != null ? { fineYuan: detail.fineYuan } : {}), ...(files.length ? { attachments: files.length, attachmentIds: files } : {}) },
    });
    return { id, status: to };
  });
}

export const startRectifying = (db: Db, u: SessionUser, id: number) =>
  changeHazard(db, u, id, 'start', (q) => repo.setHazardRectifying(q, id));
export const reportRectified = (db: Db, u: SessionUser, id: number, note: string, attachmentIds?: string[]) =>
  changeHazard(db, u, id, 'rectified', (q) => repo.setHazardRectified(q, id, note, u.id), { note, attachmentIds });
export const verifyRectified = (db: Db, u: SessionUser, id: number) =>
  changeHazard(db, u, id, 'verify', (q) => repo.setHazardVerified(q, id));
export const reopenHazard = (db: Db, u: SessionUser, id: number, note: string) =>
  changeHazard(db, u, id, 'reopen', (q) => repo.setHazardRectifying(q, id), { note });
/**
 * Records the penalty decided on a hazard as the enforcement module's 行政处罚决定书 naming the hazard
 * and its subject, dated today (China): the one record the ledger's 罚没金额 and every period figure
 * read, so a penalty never counts twice. Offices do not fine (403); one per hazard (409).
 */
export const recordPenalty = (db: Db, u: SessionUser, id: number, p: { docNo: string; fineYuan: number; note: string; attachmentIds?: string[] }) =>
  changeHazard(db, u, id, 'penalty', async (q, h) => {
    await issueRecord(q, u, {
      kind: 'penalty_decision', docNo: p.docNo, subjectId: h.subject_id, hazardId: id, issuedOn: today(), fineFen: Math.round(p.fineYuan * 100), summary: p.note,
    });
    await repo.touchHazard(q, id);
  }, p);

/** A file attached to a hazard in the user's jurisdiction (404 otherwise). */
export async function hazardAttachment(db: Db, keys: Keys, dataDir: string, user: SessionUser, id: number, uploadId: string) {
  if (!(await repo.hazardVisible(db, user, id))) throw new AppError('NOT_FOUND');
  return readAttachment(db, keys, dataDir, { hazardId: id }, uploadId);
}

/** A lead sets the grade by hand (or clears it with grade null); the reason is kept and audited. */
export async function overrideRisk(db: Db, user: SessionUser, subjectId: number, grade: RiskGrade | null, reason: string) {
  if (!isScreeningLead(user)) throw new AppError('FORBIDDEN');
  await visibleSubject(db, user, subjectId);
  await db.tx(async (q) => {
    await repo.insertOverride(q, user.id, subjectId, grade, reason);
    await grades.refreshGrades(q, [subjectId], 'override', user.id);
    await audit(q, actorOf(user), { action: 'subject.risk_overridden', entity: 'subject', entityId: subjectId, detail: { grade, reason } });
  });
  return assessRisk((await repo.riskFacts(db, [subjectId])).get(subjectId)!, today());
}

/** The rectification ledger (台账) of the user's jurisdiction, nearest deadline first, one page with its total. */
export async function hazardLedger(db: Db, user: SessionUser, f: LedgerFilter & { page: number; pageSize: number }) {
  const scope = narrowedTo(user, f.region);
  if (!scope) throw new AppError('NOT_FOUND');
  const day = today();
  const items = await repo.ledgerRows(db, scope, user, f, day, f.pageSize, (f.page - 1) * f.pageSize);
  return { items, total: await repo.ledgerCount(db, scope, f, day), page: f.page, pageSize: f.pageSize };
}

/** An Excel export holds at most this many rows and says when it was cut (X-Export-Truncated). */
export const LEDGER_MAX_ROWS = 10_000;

export async function ledgerForExport(db: Db, user: SessionUser, f: LedgerFilter) {
  const scope = narrowedTo(user, f.region);
  if (!scope) throw new AppError('NOT_FOUND');
  const rows = await repo.ledgerRows(db, scope, user, f, today(), LEDGER_MAX_ROWS + 1);
  return capRows(rows, LEDGER_MAX_ROWS);
}

/**
 * The screening figures of the user's jurisdiction for a period, keyed by shared/docs/indicators.md,
 * each counted from the records (the ledger and the inspections) so it can be traced back, and
 * today's grades of every subject in the jurisdiction (a grade is a state, not a flow).
 */
export async function screeningSummary(db: Db, user: SessionUser, from: string, to: string, region?: string) {
  const scope = narrowedTo(user, region);
  if (!scope) throw new AppError('NOT_FOUND');
  const n = await repo.periodFigures(db, scope, from, to, today());
  const grades = await repo.gradeCounts(db, scope);
  return {
    from, to,
    figures: [
      { indicator: 'entities_screened', value: n.screenedByKind.reduce((s, r) => s + r.n, 0), unit: '家' },
      { indicator: 'inspections_person_times', value: n.persons, unit: '人次' },
      { indicator: 'hazards_found', value: n.found, unit: '个' },
      { indicator: 'hazards_rectified', value: n.rectified, unit: '个' },
      { indicator: 'admin_penalties', value: n.penalties, unit: '次' },
      { indicator: 'penalty_amount_yuan', value: n.penaltyYuan, unit: '元' },
    ],
    screenedByKind: n.screenedByKind,
    hazardsOverdue: n.overdue,
    hazardsOpen: n.open,
    grades,
  };
}
