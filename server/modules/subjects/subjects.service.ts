import type { Db, Queryable } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { SUBJECT_KIND_UNITS, type SubjectKind } from '../../../shared/domain.ts';
import { actorOf, audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { inJurisdiction } from '../access/jurisdiction.ts';
import { findRegion } from '../regions/regions.repository.ts';
import { normalizeOrg } from '../intel/entities.ts';
import * as repo from './subjects.repository.ts';
import { refreshGrades } from '../screening/grades.ts';
import type { SubjectFacts } from './subjects.schemas.ts';

/** Facts as services take them (the seed passes a kind as a plain string). */
export type SubjectInput = Omit<SubjectFacts, 'kind'> & { kind: string };

/**
 * The registry of subjects (主体名录): registration with its duplicate checks (credit code anywhere;
 * normalised name and address within a region), edits with their history, merging two records of
 * one subject. Out of jurisdiction is "not found"; every write commits with its audit row.
 */

/** Where a subject's registry file opens in the console (the link a duplicate's 409 carries). */
export const subjectLink = (id: number) => `/console/registry/${id}`;

/** Optional facts as stored: a fact not given is null. */
export const toFacts = (b: SubjectInput): repo.Facts => ({
  regionCode: b.regionCode, kind: b.kind as SubjectKind, name: b.name, uscc: b.uscc ?? null, address: b.address || null, registered: b.registered ?? defaultRegistered(b.kind),
  licenceNo: b.licenceNo || null, beds: b.beds ?? null, areaM2: b.areaM2 ?? null, regulator: b.regulator || null, contactName: b.contactName || null,
  contactPhone: b.contactPhone || null, commitmentSignedOn: b.commitmentSignedOn ?? null,
});
/** Registered care institutions are registered and unregistered places are not, whatever the form left out. */
export const defaultRegistered = (kind: string): boolean | null =>
  kind === 'elderly_care_institution' ? true : kind === 'unregistered_care_place' ? false : null;

/** The facts that differ, as {field: [before, after]} for the history and the audit row. */
export function changedFacts(before: repo.Facts, after: repo.Facts) {
  const out: Record<string, [unknown, unknown]> = {};
  for (const k of repo.FACT_KEYS) if (JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)) out[k] = [before[k] ?? null, after[k] ?? null];
  return out;
}

async function checkRegion(q: Queryable, user: SessionUser, code: string) {
  if (!(await findRegion(q, code))) throw new AppError('UNKNOWN_REGION', [{ path: 'regionCode', message: '所选地区不存在' }]);
  if (!inJurisdiction(user, code)) throw new AppError('UNKNOWN_REGION', [{ path: 'regionCode', message: '地区不在本单位辖区内' }]);
}

/** 409 when another live subject has the same credit code, or the same normalised name and address in the region. */
async function checkDuplicates(q: Queryable, f: repo.Facts, normalizedName: string, self = 0) {
  if (f.uscc) {
    const other = await repo.byUscc(q, f.uscc);
    if (other && other.id !== self) {
      throw new AppError('CONFLICT', [{ path: 'uscc', message: '该统一社会信用代码已登记', link: subjectLink(other.id) }]);
    }
  }
  const same = await repo.byNameAddress(q, f.regionCode, normalizedName, repo.normalizeAddress(f.address), self);
  if (same && !(f.uscc && same.uscc && same.uscc !== f.uscc)) {
    throw new AppError('CONFLICT', [{ path: 'name', message: `本地区已登记同名同地址的主体“${same.name}”`, link: subjectLink(same.id) }]);
  }
}

/** Registers a subject in the user's jurisdiction; a duplicate is 409 with a link to the one registered. */
export async function registerSubject(db: Db, user: SessionUser, b: SubjectInput): Promise<{ id: number }> {
  await checkRegion(db, user, b.regionCode);
  const facts = toFacts(b);
  const normalizedName = normalizeOrg(b.name);
  return db.tx(async (q) => {
    await checkDuplicates(q, facts, normalizedName);
    const id = await repo.insertSubject(q, facts, normalizedName, user.id);
    if (id === null) {
      const other = facts.uscc ? await repo.byUscc(q, facts.uscc) : null;
      throw new AppError('CONFLICT', [{ path: 'uscc', message: '该统一社会信用代码已登记', ...(other ? { link: subjectLink(other.id) } : {}) }]);
    }
    await audit(q, actorOf(user), { action: 'subject.created', entity: 'subject', entityId: id, detail: { name: b.name, uscc: b.uscc ?? null } });
    // Tips may already name it (by code or name): its grade counts them from the start.
    await refreshGrades(q, [id], 'registry', user.id);
    return { id };
  });
}

async function visible(q: Queryable, user: SessionUser, id: number, forUpdate = false) {
  const s = await repo.findSubject(q, user, id, forUpdate);
  if (!s) throw new AppError('NOT_FOUND');
  return s;
}
const merged = (into: number) => new AppError('CONFLICT', [{ path: 'id', message: '该主体已合并到另一条记录，请修改保留的记录', link: subjectLink(into) }]);

/** Corrects a subject's facts (all of them, as the edit form holds them); the change is kept in its history. */
export async function editSubject(db: Db, user: SessionUser, id: number, b: SubjectInput) {
  // Another jurisdiction's subject is not found, whatever the form says.
  await visible(db, user, id);
  await checkRegion(db, user, b.regionCode);
  const after = toFacts(b);
  const normalizedName = normalizeOrg(b.name);
  await db.tx(async (q) => {
    const before = await visible(q, user, id, true);
    if (before.mergedInto) throw merged(before.mergedInto);
    const changes = changedFacts(before, after);
    if (!Object.keys(changes).length) return;
    await checkDuplicates(q, after, normalizedName, id);
    await repo.updateSubject(q, id, after, normalizedName);
    await repo.insertHistory(q, [{ subjectId: id, source: 'edited', changes }], user.id);
    await audit(q, actorOf(user), { action: 'subject.updated', entity: 'subject', entityId: id, detail: { changes } });
    await refreshGrades(q, [id], 'registry', user.id);
  });
  return subjectRegistry(db, user, id);
}

/**
 * Merges `id` into `into` (two records of one subject): inspections, hazards, case links and enforcement documents (0039) move to
 * the kept record, the credit code too when only the merged one had it; the merged record stays,
 * pointing to the kept one, and leaves the lists. Tips name subjects by code and name: a code moved
 * brings its tips with it.
 */
export async function mergeSubjects(db: Db, user: SessionUser, id: number, into: number, reason: string) {
  if (id === into) throw new AppError('VALIDATION_FAILED', [{ path: 'into', message: '不能与自身合并' }]);
  await db.tx(async (q) => {
    // Both rows locked in id order, so two merges of the same pair cannot deadlock.
    const locked = new Map<number, Awaited<ReturnType<typeof visible>>>();
    for (const n of [id, into].sort((x, y) => x - y)) locked.set(n, await visible(q, user, n, true));
    const a = locked.get(id)!;
    const b = locked.get(into)!;
    if (a.mergedInto) throw merged(a.mergedInto);
    if (b.mergedInto) throw new AppError('VALIDATION_FAILED', [{ path: 'into', message: '保留的记录已合并到另一条记录，请选择最终保留的记录' }]);
    if (a.uscc && b.uscc && a.uscc !== b.uscc) {
      throw new AppError('CONFLICT', [{ path: 'into', message: '两条记录的统一社会信用代码不同，不是同一主体，不能合并' }]);
    }
    const moveUscc = a.uscc && !b.uscc ? a.uscc : null;
    const moved = await repo.mergeInto(q, id, into, moveUscc);
    await repo.insertHistory(q, [
      { subjectId: id, source: 'merged', changes: { mergedInto: [null, into], ...(moveUscc ? { uscc: [moveUscc, null] } : {}) } },
      { subjectId: into, source: 'merged', changes: { mergedFrom: [null, id], ...(moveUscc ? { uscc: [null, moveUscc] } : {}) } },
    ], user.id);
    await refreshGrades(q, [into], 'registry', user.id);
    await audit(q, actorOf(user), { action: 'subject.merged', entity: 'subject', entityId: into, detail: { merged: id, kept: into, reason, moved, movedUscc: moveUscc } });
  });
  return subjectRegistry(db, user, into);
}

/** A subject's registry file: facts, count unit, merges and the history of its changes. */
export async function subjectRegistry(db: Queryable, user: SessionUser, id: number) {
  const found = await repo.subjectRegistry(db, user, id);
  if (!found) throw new AppError('NOT_FOUND');
  const { row, mergedFrom, history } = found;
  const { mergedIntoId, mergedIntoName, ...facts } = row;
  return {
    ...facts, countUnit: SUBJECT_KIND_UNITS[row.kind as SubjectKind],
    mergedInto: mergedIntoId ? { id: mergedIntoId, name: mergedIntoName! } : null, mergedFrom, history,
  };
}
