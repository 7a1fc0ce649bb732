import type { Db, Queryable } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { actorOf, audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { inSubtree, isOffice, narrowedTo } from '../access/jurisdiction.ts';
import { findUnit, unitsAbove } from '../cases/cases.repository.ts';
import { ancestry } from '../regions/regions.repository.ts';
import * as repo from './enforcement.repository.ts';
import type { EnforcementInput, EnforcementQuery } from './enforcement.schemas.ts';

/**
 * Administrative enforcement (行政执法): a unit records each document it issued to a subject in its
 * jurisdiction. A subject not found there is 404 on its field; a fine only by a member unit (campaign
 * offices coordinate, they do not fine: 403); a transfer names a police unit at the subject's region
 * or above (422); a document number twice from one unit is 409.
 */
export const recordEnforcement = (db: Db, user: SessionUser, b: EnforcementInput) => db.tx((q) => issueRecord(q, user, b));

/**
 * Records one document inside the caller's transaction — also the hazard's 记录处罚 (screening), so
 * that a penalty exists once, here, and the ledger and every figure read it from here. A hazard
 * carries one penalty decision: a second is 409 on `hazardId` (the caller locks the hazard first).
 */
export async function issueRecord(q: Queryable, user: SessionUser, b: EnforcementInput) {
  if (b.kind === 'penalty_decision' && isOffice(user)) throw new AppError('FORBIDDEN', undefined, '行政处罚由有执法权的成员单位作出');
  const subject = await repo.findSubject(q, user, b.subjectId);
  if (!subject) throw new AppError('NOT_FOUND', [{ path: 'subjectId', message: '未找到该主体' }]);
  if (b.hazardId && !(await repo.hazardOf(q, b.subjectId, b.hazardId))) throw new AppError('NOT_FOUND', [{ path: 'hazardId', message: '该主体没有这条隐患' }]);
  if (b.hazardId && b.kind === 'penalty_decision' && (await repo.hazardPenalty(q, b.hazardId))) {
    throw new AppError('CONFLICT', [{ path: 'hazardId', message: '该隐患已记录行政处罚决定' }], '该隐患已记录行政处罚决定，请勿重复登记');
  }
  if (b.policeUnitId) {
    const police = await findUnit(q, b.policeUnitId);
    if (!police || police.kind !== 'police' || !inSubtree(police.region_code, subject.region_code)) {
      throw new AppError('UNIT_INVALID', [{ path: 'policeUnitId', message: '请选择主体所在地或上级的公安机关' }]);
    }
  }
  const id = await repo.insertRecord(q, user, b);
  await audit(q, actorOf(user), {
    action: 'enforcement.recorded', entity: 'subject', entityId: b.subjectId,
    detail: { recordId: id, kind: b.kind, docNo: b.docNo, ...(b.hazardId ? { hazardId: b.hazardId } : {}), ...(b.fineFen !== undefined ? { fineFen: b.fineFen } : {}) },
  });
  return { id };
}

export async function listEnforcement(db: Db, user: SessionUser, f: EnforcementQuery) {
  // A region outside the jurisdiction: 404, as every list and figure of a region answers.
  if (!narrowedTo(user, f.regionCode)) throw new AppError('NOT_FOUND');
  return { ...(await repo.recordPage(db, user, f)), page: f.page, pageSize: f.pageSize };
}

/** Police units a matter about this subject can be transferred to: at its region or above. */
export async function policeUnitsFor(db: Db, user: SessionUser, subjectId: number) {
  const subject = await repo.findSubject(db, user, subjectId);
  if (!subject) throw new AppError('NOT_FOUND');
  return { items: await unitsAbove(db, 'police', ['', ...ancestry(subject.region_code)]) };
}

/**
 * The police's queue (行刑衔接): matters other units transferred to this police unit — a hazard's
 * 移送公安 — each with the cases already naming its subject. Pending: none yet; filing a case that
 * links the subject takes it off the queue. Only the addressed unit sees it here (others: empty).
 */
export async function policeQueue(db: Db, user: SessionUser, f: { pending: boolean; page: number; pageSize: number }) {
  return { ...(await repo.transferPage(db, user, f)), page: f.page, pageSize: f.pageSize };
}
