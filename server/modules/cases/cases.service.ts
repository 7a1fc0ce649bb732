import type { Db, Queryable } from '../../db/client.ts';
import { AppError, type FieldError } from '../../errors.ts';
import { actorOf, audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { inJurisdiction, inSubtree, narrowedTo } from '../access/jurisdiction.ts';
import { ancestry, findRegion } from '../regions/regions.repository.ts';
import { insertEvent } from '../tips/tips.repository.ts';
import { CASE_STAGES, type CaseStage, type FraudType } from '../../../shared/domain.ts';
import { chinaToday } from '../../../shared/time.ts';
import { yuanText } from '../../../shared/money.ts';
import { allowedOn, mayFileCase, permitCorrection, permitFigure, permitLink, permitStage } from './cases.policy.ts';
import * as repo from './cases.repository.ts';
import { refreshGrades } from '../screening/grades.ts';
import { MAX_FEN, type CaseFromTip, type CaseInput, type CaseListQuery, type FigureInput, type FigureTotals, type StageInput } from './cases.schemas.ts';

/**
 * Criminal cases: filing, one function per stage, figures as dated entries that are never changed
 * (a correction is a new entry with its reason), links to tips and subjects, and the period's figures
 * summed from the entries. Not visible is 404, the wrong part 403, a stage out of order 409
 * (cases.policy.ts); every change writes its audit row in the same transaction.
 */

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', [{ path, message }]);

async function visibleCase(q: Queryable, user: SessionUser, id: number, forUpdate = false) {
  const c = await repo.findCase(q, user, id, forUpdate);
  if (!c) throw new AppError('NOT_FOUND');
  return c;
}

/** What the reporter of a linked tip reads: that a case was filed, nothing more. */
export const PUBLIC_CASE_FILED = '公安机关已对您反映的问题立案侦查。';

/**
 * Links tips (by tracking code, only those the user may open) and subjects (in the user's
 * jurisdiction) to a case. A code not found is 422 naming its field; a link that exists is 409.
 * Each newly linked tip's reporter reads that a case was filed.
 */
async function link(q: Queryable, user: SessionUser, caseId: number, codes: string[], subjectIds: number[], base: string) {
  if (new Set(subjectIds).size !== subjectIds.length) throw invalid(`${base}subjectIds`, '主体重复');
  if (new Set(codes).size !== codes.length) throw invalid(`${base}trackingCodes`, '查询码重复');
  const tips = codes.length ? await repo.visibleTipsByCode(q, user, codes) : [];
  const found = new Map(tips.map((t) => [t.tracking_code, t.id]));
  const missing: FieldError[] = codes.flatMap((code, i) => (found.has(code) ? [] : [{ path: `${base}trackingCodes.${i}`, message: '未找到该线索，或您无权查看' }]));
  if (missing.length) throw new AppError('CASE_TIP_NOT_FOUND', missing);
  const subjects = new Set(subjectIds.length ? (await repo.subjectsInScope(q, user, subjectIds)).map((s) => s.id) : []);
  const outside = subjectIds.flatMap((id, i) => (subjects.has(id) ? [] : [{ path: `${base}subjectIds.${i}`, message: '未找到该主体' }]));
  if (outside.length) throw new AppError('NOT_FOUND', outside, '未找到所选主体');
  const tipIds = codes.map((c) => found.get(c)!);
  const [linkedTips, linkedSubjects] = [new Set(await repo.linkedTipIds(q, caseId)), new Set(await repo.linkedSubjectIds(q, caseId))];
  const dupes = [
    ...tipIds.flatMap((id, i) => (linkedTips.has(id) ? [{ path: `${base}trackingCodes.${i}`, message: '该线索已关联本案' }] : [])),
    ...subjectIds.flatMap((id, i) => (linkedSubjects.has(id) ? [{ path: `${base}subjectIds.${i}`, message: '该主体已关联本案' }] : [])),
  ];
  if (dupes.length) throw new AppError('CONFLICT', dupes, '所选线索或主体已关联本案');
  await repo.insertLinks(q, user.id, caseId, tipIds, subjectIds);
  await refreshGrades(q, subjectIds, 'case', user.id);
  // Once per tip: a tip behind two cases tells its reporter once.
  for (const tipId of await repo.tipsNotYetTold(q, tipIds)) {
    await insertEvent(q, { tipId, kind: 'case_filed', text: PUBLIC_CASE_FILED, public: true, actorId: user.id, unitId: user.unitId, data: { caseId } });
  }
  return { tips: tipIds.length, subjects: subjectIds.length, tipIds };
}

/** A police unit files a case in its own region subtree (立案), with the tips and subjects it came from. */
export const fileCase = (db: Db, user: SessionUser, b: CaseInput) => db.tx((q) => fileCaseIn(q, user, b));

async function fileCaseIn(q: Queryable, user: SessionUser, b: CaseInput) {
  if (!mayFileCase(user)) throw new AppError('FORBIDDEN');
  if (!(await findRegion(q, b.regionCode)) || !inJurisdiction(user, b.regionCode)) {
    throw new AppError('UNKNOWN_REGION', [{ path: 'regionCode', message: '案件地区须在本单位辖区内' }]);
  }
  const id = await repo.insertCase(q, user, b);
  await repo.insertStage(q, user, id, 'filed', b.filedOn, null);
  const { tipIds: _ids, ...linked } = await link(q, user, id, b.trackingCodes, b.subjectIds, '');
  await audit(q, actorOf(user), { action: 'case.filed', entity: 'case', entityId: id, detail: { caseNo: b.caseNo, filedOn: b.filedOn, ...linked } });
  return { id };
}

export const linkToCase = (db: Db, user: SessionUser, id: number, b: { trackingCodes: string[]; subjectIds: number[] }) =>
  db.tx((q) => linkToCaseIn(q, user, id, b));

async function linkToCaseIn(q: Queryable, user: SessionUser, id: number, b: { trackingCodes: string[]; subjectIds: number[] }, base = '') {
  const c = await visibleCase(q, user, id, true);
  permitLink(user, c);
  const { tipIds, ...linked } = await link(q, user, id, b.trackingCodes, b.subjectIds, base);
  // Tips by id, never by tracking code: the audit log names a tip only to an auditor it does not accuse (audit.labels.ts).
  await audit(q, actorOf(user), { action: 'case.linked', entity: 'case', entityId: id, detail: { tipIds, subjectIds: b.subjectIds } });
  return linked;
}

/**
 * 行刑衔接 from a tip: the lead police unit's report with the measure 立案侦查 files a new case from
 * the tip, or links the tip to a case it filed, inside the report's transaction — so the report and
 * the case stand or fall together. Errors name fields under `case.`. Only a police unit files (403).
 */
export async function caseFromTipReport(q: Queryable, user: SessionUser, tip: { tracking_code: string; region_code: string | null; fraud_types: FraudType[] }, c: CaseFromTip) {
  if (!mayFileCase(user)) throw new AppError('FORBIDDEN', [{ path: 'case', message: '只有公安机关可以立案' }], '只有公安机关可以立案');
  if ('caseId' in c) {
    const found = await repo.findCase(q, user, c.caseId);
    if (!found) throw new AppError('NOT_FOUND', [{ path: 'case.caseId', message: '未找到该案件' }], '未找到该案件');
    await linkToCaseIn(q, user, c.caseId, { trackingCodes: [tip.tracking_code], subjectIds: [] }, 'case.');
    return { id: c.caseId, filed: false };
  }
  // The tip's region when the police unit's jurisdiction covers it, else the unit's own.
  const regionCode = c.regionCode ?? (tip.region_code && inJurisdiction(user, tip.region_code) ? tip.region_code : user.unitRegionCode);
  try {
    // The tip's fraud types unless the form names the case's own.
    const fraudTypes = c.fraudTypes.length ? c.fraudTypes : tip.fraud_types;
    const { id } = await fileCaseIn(q, user, { ...c, regionCode, fraudTypes, trackingCodes: [tip.tracking_code], subjectIds: [] });
    return { id, filed: true };
  } catch (e) {
    throw e instanceof AppError && e.fields ? new AppError(e.code, e.fields.map((f) => ({ ...f, path: `case.${f.path}` })), e.message) : e;
  }
}

// ── Stages: one function each, each with its owner and what it names ─────────────────────────────

/** Locks the case, checks the part and order, refuses a date before the last stage's, then writes. */
function recordStage(
  db: Db, user: SessionUser, id: number, stage: CaseStage, date: string, note: string | null,
  write: (q: Queryable, c: repo.CaseRow) => Promise<{ procuratorate?: number; court?: number }>, detail: Record<string, unknown> = {},
) {
  return db.tx(async (q) => {
    const c = await visibleCase(q, user, id, true);
    permitStage(user, c, stage);
    const last = (await repo.stageRows(q, id)).at(-1)!;
    if (date < last.onDate) throw invalid('date', `${CASE_STAGES[stage]}日期不能早于${CASE_STAGES[last.stage]}日期（${last.onDate}）`);
    const units = await write(q, c);
    await repo.insertStage(q, user, id, stage, date, note);
    await repo.setCaseStage(q, id, stage, units);
    await audit(q, actorOf(user), { action: `case.${stage}`, entity: 'case', entityId: id, detail: { date, ...units, ...detail } });
    return { id, stage };
  });
}

/** The procuratorate or court a case goes to: of that kind, at the case's region or above it. */
async function receivingUnit(q: Queryable, c: repo.CaseRow, unitId: number, kind: 'procuratorate' | 'court', path: string) {
  const u = await repo.findUnit(q, unitId);
  if (!u || u.kind !== kind || !inSubtree(u.region_code, c.region_code)) {
    throw new AppError('UNIT_INVALID', [{ path, message: kind === 'court' ? '请选择本案所在地或上级的人民法院' : '请选择本案所在地或上级的人民检察院' }]);
  }
  return u.id;
}

export const solveCase = (db: Db, u: SessionUser, id: number, b: Extract<StageInput, { stage: 'solved' }>) =>
  recordStage(db, u, id, 'solved', b.date, b.note ?? null, async () => ({}));

export const transferCase = (db: Db, u: SessionUser, id: number, b: Extract<StageInput, { stage: 'transferred' }>) =>
  recordStage(db, u, id, 'transferred', b.date, b.note ?? null, async (q, c) => ({
    procuratorate: await receivingUnit(q, c, b.procuratorateUnitId, 'procuratorate', 'procuratorateUnitId'),
  }));

/** 提起公诉: the procuratorate names the court and records the persons prosecuted as a figure entry. */
export const prosecuteCase = (db: Db, u: SessionUser, id: number, b: Extract<StageInput, { stage: 'prosecuted' }>) =>
  recordStage(db, u, id, 'prosecuted', b.date, b.note ?? null, async (q, c) => {
    const court = await receivingUnit(q, c, b.courtUnitId, 'court', 'courtUnitId');
    await repo.insertFigure(q, u, id, { kind: 'prosecuted_persons', value: b.personsProsecuted, onDate: b.date });
    return { court };
  }, { personsProsecuted: b.personsProsecuted });

/** 审判: the court records the judgment and the persons sentenced. */
export const tryCase = (db: Db, u: SessionUser, id: number, b: Extract<StageInput, { stage: 'tried' }>) =>
  recordStage(db, u, id, 'tried', b.date, b.judgment, async (q) => {
    if (b.personsSentenced > 0) await repo.insertFigure(q, u, id, { kind: 'sentenced_persons', value: b.personsSentenced, onDate: b.date });
    return {};
  }, { personsSentenced: b.personsSentenced });

export function recordStageAction(db: Db, user: SessionUser, id: number, b: StageInput) {
  if (b.stage === 'solved') return solveCase(db, user, id, b);
  if (b.stage === 'transferred') return transferCase(db, user, id, b);
  if (b.stage === 'prosecuted') return prosecuteCase(db, user, id, b);
  return tryCase(db, user, id, b);
}

// ── Figures ──────────────────────────────────────────────────────────────────────────────────

/**
 * The recovered total may exceed the amount involved only with a reason (money of victims not yet
 * counted, interest): without one it is 422 naming the reason field.
 */
function checkRecovery(totals: FigureTotals, reason: string | undefined) {
  if (totals.amount_recovered > totals.amount_involved && !reason) {
    throw new AppError('CASE_RECOVERY_EXCEEDS', [{ path: 'reason', message: `追赃挽损合计（${yuanText(totals.amount_recovered)} 元）将超过涉案金额（${yuanText(totals.amount_involved)} 元），请说明理由` }]);
  }
}

/**
 * A case's total of one kind stays within the bound of one entry: totals are read as JS numbers, and
 * past 2^53 (91 maximal entries) a sum of fen would lose cents, past int8 the case lists would fail.
 */
function checkTotal(totals: FigureTotals, kind: FigureInput['kind']) {
  if (totals[kind] > MAX_FEN) throw invalid('value', `本案该项合计不能超过 ${kind.startsWith('amount') ? `${yuanText(MAX_FEN)} 元` : MAX_FEN}，请核对数字`);
}

export async function addFigure(db: Db, user: SessionUser, id: number, b: FigureInput) {
  return db.tx(async (q) => {
    const c = await visibleCase(q, user, id, true);
    permitFigure(user, c, b.kind);
    if (b.onDate < c.filed_on) throw invalid('onDate', `日期不能早于立案日期（${c.filed_on}）`);
    const entryId = await repo.insertFigure(q, user, id, b);
    const totals = await repo.figureTotals(q, id);
    checkTotal(totals, b.kind);
    if (b.kind === 'amount_recovered') checkRecovery(totals, b.reason);
    await audit(q, actorOf(user), { action: 'case.figure_recorded', entity: 'case', entityId: id, detail: { entryId, kind: b.kind, value: b.value, onDate: b.onDate, ...(b.reason ? { reason: b.reason } : {}) } });
    return { id: entryId, total: totals[b.kind] };
  });
}

/**
 * A correction: a new entry replacing one entry of the user's own unit, with the reason. The old
 * entry stays in the history, marked as corrected, and no longer counts. Only the latest entry of a
 * chain can be corrected (409 otherwise).
 */
export async function correctFigure(db: Db, user: SessionUser, id: number, entryId: number, b: { value: number; reason: string }) {
  return db.tx(async (q) => {
    const c = await visibleCase(q, user, id, true);
    const entry = await repo.findEntry(q, id, entryId);
    if (!entry) throw new AppError('NOT_FOUND');
    permitCorrection(user, c, entry);
    if (entry.corrected_by_id) throw new AppError('CASE_ENTRY_CORRECTED');
    if (entry.value === b.value) throw invalid('value', '更正后的数字与原数字相同');
    const newId = await repo.insertFigure(q, user, id, { kind: entry.kind, value: b.value, onDate: entry.on_date, reason: b.reason, correctsId: entryId });
    // A correction always has its reason, which also covers a recovered total left above the amount involved.
    const totals = await repo.figureTotals(q, id);
    checkTotal(totals, entry.kind);
    await audit(q, actorOf(user), {
      action: 'case.figure_corrected', entity: 'case', entityId: id, detail: { entryId: newId, corrects: entryId, kind: entry.kind, from: entry.value, to: b.value, reason: b.reason },
    });
    return { id: newId, total: totals[entry.kind] };
  });
}

// ── Reading ──────────────────────────────────────────────────────────────────────────────────

export async function listCases(db: Db, user: SessionUser, f: CaseListQuery) {
  // A region outside the jurisdiction is not an empty list but one the user may not ask about (as the hazard ledger and the engine answer).
  if (!narrowedTo(user, f.regionCode)) throw new AppError('NOT_FOUND');
  const { items, total } = await repo.casePage(db, user, f);
  return { items, total, page: f.page, pageSize: f.pageSize };
}

export async function caseDetail(db: Db, user: SessionUser, id: number) {
  const c = await visibleCase(db, user, id);
  const head = await repo.caseHead(db, id);
  return {
    ...head,
    stages: await repo.stageRows(db, id),
    totals: await repo.figureTotals(db, id),
    entries: await repo.figureEntries(db, id),
    tips: await repo.caseTips(db, user, id),
    subjects: await repo.caseSubjects(db, id),
    can: allowedOn(user, c),
  };
}

/** Procuratorates or courts the case can be given to, for the stage forms. */
export async function receivers(db: Db, user: SessionUser, id: number, kind: 'procuratorate' | 'court') {
  const c = await visibleCase(db, user, id);
  return { items: await repo.unitsAbove(db, kind, ['', ...ancestry(c.region_code)]) };
}

/** Indicator keys (shared/docs/indicators.md) the period's counts answer. */
export async function caseSummary(db: Db, user: SessionUser, from: string | undefined, to: string | undefined) {
  const end = to ?? chinaToday();
  const start = from ?? `${end.slice(0, 4)}-01-01`;
  const { stages, sums } = await repo.periodFigures(db, user, start, end);
  const n = (s: CaseStage) => stages.get(s) ?? 0;
  return {
    from: start, to: end,
    counts: {
      cases_filed: n('filed'), cases_solved: n('solved'), suspects_arrested: sums.arrested, suspects_detained_formally: sums.detained,
      prosecuted_cases: n('prosecuted'), prosecuted_persons: sums.prosecuted_persons, trial_cases: n('tried'), victims: sums.victims,
    },
    amounts: { involvedFen: sums.amount_involved, frozenFen: sums.amount_frozen, recoveredFen: sums.amount_recovered },
    recoveryRate: {
      recoveredFen: sums.amount_recovered, involvedFen: sums.amount_involved,
      pct: sums.amount_involved > 0 ? Math.round((sums.amount_recovered * 10000) / sums.amount_involved) / 100 : null,
    },
  };
}
