import type { Db, Queryable } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { CHECKLIST_ITEM_CODES, CHECKLIST_ITEMS, SUBJECT_KINDS } from '../../../shared/domain.ts';
import { actorOf, audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { canSeeScreeningRound, coverageRoot, inJurisdiction, inSubtree } from '../access/jurisdiction.ts';
import { findRegion } from '../regions/regions.repository.ts';
import { isScreeningLead, permitCloseRound, permitEditRound, permitRunRounds, requireOpenRound } from './screening.policy.ts';
import * as repo from './rounds.repository.ts';
import * as lists from './checklists.repository.ts';
import { findSubject } from './screening.repository.ts';
import type { RoundInput, RoundListQuery, RoundPatch } from './rounds.schemas.ts';

/**
 * Screening rounds (排查批次, issue 13 item 3): a campaign office or a screening department opens a
 * round over its subtree — title, period, sectors, 集中排查 / 回头看 / 专项检查 — inspections join it,
 * and its coverage is counted per child region. A round concerns its region's subtree and the offices
 * above (jurisdiction.ts canSeeScreeningRound); any other is "not found". And the sectors' checklists,
 * versioned: an inspection keeps the version it was recorded with.
 */

export async function createRound(db: Db, user: SessionUser, b: RoundInput) {
  permitRunRounds(user);
  if (!(await findRegion(db, b.regionCode))) throw new AppError('UNKNOWN_REGION', [{ path: 'regionCode', message: '所选地区不存在' }]);
  if (!inJurisdiction(user, b.regionCode)) throw new AppError('UNKNOWN_REGION', [{ path: 'regionCode', message: '地区不在本单位辖区内' }]);
  return db.tx(async (q) => {
    const id = await repo.insertRound(q, user, b);
    await audit(q, actorOf(user), {
      action: 'screening_round.created', entity: 'screening_round', entityId: id,
      detail: { title: b.title, scope: b.scope, regionCode: b.regionCode, sectors: b.sectors, periodFrom: b.periodFrom, periodTo: b.periodTo },
    });
    return { id };
  });
}

async function visibleRound(q: Queryable, user: SessionUser, id: number, forUpdate = false) {
  const r = await repo.findRound(q, user, id, forUpdate);
  if (!r) throw new AppError('NOT_FOUND');
  return r;
}

export async function listRounds(db: Db, user: SessionUser, f: RoundListQuery) {
  let subject: { kind: string; regionCode: string } | null = null;
  if (f.forSubject) {
    subject = await findSubject(db, user, f.forSubject);
    if (!subject) throw new AppError('NOT_FOUND');
  }
  const { items, total } = await repo.roundPage(db, user, f, subject);
  return { items, total, page: f.page, pageSize: f.pageSize };
}

const mayRun = (user: SessionUser) => {
  try { permitRunRounds(user); return true; } catch { return false; }
};

export async function roundDetail(q: Queryable, user: SessionUser, id: number) {
  const r = await visibleRound(q, user, id);
  const own = r.status === 'open' && r.unitId === user.unitId && mayRun(user);
  return { ...r, editable: own, closable: own && isScreeningLead(user) };
}

/** Its unit corrects an open round's title or period; the period never leaves out inspections already in the round. */
export async function editRound(db: Db, user: SessionUser, id: number, b: RoundPatch) {
  permitRunRounds(user);
  return db.tx(async (q) => {
    const before = await visibleRound(q, user, id, true);
    permitEditRound(user, before);
    requireOpenRound(before, 'title');
    const after = { title: b.title ?? before.title, periodFrom: b.periodFrom ?? before.periodFrom, periodTo: b.periodTo ?? before.periodTo };
    if (after.periodFrom > after.periodTo) throw new AppError('VALIDATION_FAILED', [{ path: b.periodTo ? 'periodTo' : 'periodFrom', message: '结束日期不能早于开始日期' }]);
    const outside = await repo.inspectionsOutside(q, id, after.periodFrom, after.periodTo);
    if (outside) {
      throw new AppError('VALIDATION_FAILED', [{ path: b.periodFrom ? 'periodFrom' : 'periodTo', message: `本批次已有 ${outside} 次检查在新的期限之外，期限须包含这些检查的日期` }]);
    }
    const changed: Record<string, [unknown, unknown]> = {};
    for (const k of ['title', 'periodFrom', 'periodTo'] as const) if (before[k] !== after[k]) changed[k] = [before[k], after[k]];
    await repo.updateRound(q, id, after);
    await audit(q, actorOf(user), { action: 'screening_round.edited', entity: 'screening_round', entityId: id, detail: { changed } });
    return roundDetail(q, user, id);
  });
}

export async function closeRound(db: Db, user: SessionUser, id: number) {
  permitRunRounds(user);
  if (!isScreeningLead(user)) throw new AppError('FORBIDDEN', undefined, '排查批次由创建单位的负责人结束');
  return db.tx(async (q) => {
    const r = await visibleRound(q, user, id, true);
    permitCloseRound(user, r);
    requireOpenRound(r, 'status');
    await repo.closeRound(q, id, user.id);
    await audit(q, actorOf(user), { action: 'screening_round.closed', entity: 'screening_round', entityId: id, detail: { inspectedSubjects: r.inspectedSubjects } });
    return roundDetail(q, user, id);
  });
}

const ratio = (inspected: number, inScope: number) => (inScope ? inspected / inScope : 0);

/**
 * Coverage of the round per child region (one grouped query), with the total; a user below the
 * round's region counts its own part (coverageRoot). A row for subjects registered at the region
 * itself shows only when there are some.
 */
export async function roundCoverage(db: Db, user: SessionUser, id: number) {
  const r = await visibleRound(db, user, id);
  const root = coverageRoot(user, r.regionCode);
  const region = await findRegion(db, root);
  const rows = (await repo.coverageByChild(db, id, root, r.sectors)).filter((x) => !x.own || x.inScope > 0);
  const inScope = rows.reduce((s, x) => s + x.inScope, 0);
  const inspected = rows.reduce((s, x) => s + x.inspected, 0);
  return {
    roundId: id, regionCode: root, regionName: region?.name ?? root, sectors: r.sectors,
    rows: rows.map((x) => ({ ...x, regionName: x.own ? `${x.regionName}（本级）` : x.regionName, coverage: ratio(x.inspected, x.inScope) })),
    total: { inScope, inspected, coverage: ratio(inspected, inScope) },
  };
}

/**
 * An inspection put in a round: the round is one the user sees and still open (409), the subject is of
 * one of its sectors and inside its region, and the inspection is dated within its period — else 400
 * with the field that does not fit.
 */
export async function checkInspectionRound(q: Queryable, user: SessionUser, roundId: number, subject: { kind: string; regionCode: string }, inspectedOn: string) {
  const r = await repo.findRound(q, user, roundId);
  if (!r || !canSeeScreeningRound(user, r.regionCode)) throw new AppError('VALIDATION_FAILED', [{ path: 'roundId', message: '排查批次不存在或不在本辖区' }]);
  requireOpenRound(r);
  if (!r.sectors.includes(subject.kind)) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'roundId', message: `该主体属于“${SUBJECT_KINDS[subject.kind as keyof typeof SUBJECT_KINDS] ?? subject.kind}”，不在本批次排查的行业内` }]);
  }
  if (!inSubtree(r.regionCode, subject.regionCode)) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'roundId', message: `该主体不在本批次的排查地区（${r.regionName}）内` }]);
  }
  if (inspectedOn < r.periodFrom || inspectedOn > r.periodTo) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'inspectedOn', message: `检查日期须在本批次的排查期限（${r.periodFrom} 至 ${r.periodTo}）内` }]);
  }
  return r;
}

// ── Checklists ───────────────────────────────────────────────────────────────────────────────

/** Item keys the grade reads (risk.ts and view subject_risk); an admin may reword them, not remove them. */
export const GRADED_KEYS: readonly string[] = CHECKLIST_ITEM_CODES;

export async function checklists(db: Queryable) {
  const history = await lists.allVersions(db);
  const current = history.filter((v, i) => i === 0 || history[i - 1].sector !== v.sector);
  return { current, history, gradedKeys: [...GRADED_KEYS] };
}

/** An administrator saves a sector's checklist as its next version; inspections keep the version they used. */
export async function editChecklist(db: Db, user: SessionUser, sector: string, items: { key: string; label: string }[]) {
  if (!user.roles.includes('admin')) throw new AppError('FORBIDDEN');
  const missing = GRADED_KEYS.filter((k) => !items.some((it) => it.key === k));
  if (missing.length) {
    throw new AppError('VALIDATION_FAILED', [{
      path: 'items', message: `参与风险评级的检查项不能删除（可修改文字）：${missing.map((k) => CHECKLIST_ITEMS[k as keyof typeof CHECKLIST_ITEMS]).join('；')}`,
    }]);
  }
  return db.tx(async (q) => {
    const before = await lists.currentVersion(q, sector);
    if (before && JSON.stringify(before.items) === JSON.stringify(items)) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'items', message: '检查表没有变化' }]);
    }
    const v = await lists.insertVersion(q, sector, items, user.id);
    await audit(q, actorOf(user), {
      action: 'checklist.versioned', entity: 'checklist', entityId: v.id,
      detail: { sector, version: v.version, keys: items.map((it) => it.key), ...(before ? { previousVersion: before.version } : {}) },
    });
    return (await lists.currentVersion(q, sector))!;
  });
}

/**
 * The checklist an inspection is recorded with: its sector's current version (a form opened on an
 * older version is 409: reopen it), and every answered item one of that version's (400 otherwise).
 */
export async function checklistFor(q: Queryable, sector: string, answers: Record<string, boolean>, versionId?: number) {
  const v = await lists.currentVersion(q, sector);
  if (!v) throw new AppError('VALIDATION_FAILED', [{ path: 'checklist', message: '该类别没有检查表' }]);
  if (versionId !== undefined && versionId !== v.id) {
    throw new AppError('CONFLICT', [{ path: 'checklistVersionId', message: `检查表已更新为第 ${v.version} 版，请重新打开录入窗口` }], '检查表已更新');
  }
  const keys = new Set(v.items.map((it) => it.key));
  const unknown = Object.keys(answers).filter((k) => !keys.has(k));
  if (unknown.length) throw new AppError('VALIDATION_FAILED', unknown.map((k) => ({ path: `checklist.${k}`, message: '检查表中没有这一项' })));
  return v;
}
