import type { Db, Queryable } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { actorOf, audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { hasAny, isOffice } from '../access/jurisdiction.ts';
import { OFFICE_ROLES } from '../../../shared/domain.ts';
import { findCase } from './cases.repository.ts';
import { maskForPublic, unmaskedFindings } from './mask.ts';
import * as repo from './typical.repository.ts';
import type { TypicalEdit, TypicalInput } from './typical.schemas.ts';

/**
 * Typical cases (典型案例): a campaign office writes a case up for the public — the text is masked
 * on the way in (mask.ts) — and an office lead other than the writer publishes it after review;
 * text still holding an ID, mobile or bank card number is refused (422 naming the field). Withdrawing
 * is audited with its reason. The public reads published ones only.
 */

const FIELDS = ['title', 'body', 'recognise', 'advice'] as const;

/** The text fields masked for the public (mask.ts), and how many things were masked. */
function masking(b: Record<(typeof FIELDS)[number], string>) {
  let masked = 0;
  const text = Object.fromEntries(FIELDS.map((f) => {
    const m = maskForPublic(b[f]);
    masked += m.masked;
    return [f, m.text];
  })) as Record<(typeof FIELDS)[number], string>;
  return { text, masked };
}

const mayWrite = (user: SessionUser) => isOffice(user) && hasAny(user, OFFICE_ROLES);

export async function writeTypical(db: Db, user: SessionUser, b: TypicalInput) {
  if (!mayWrite(user)) throw new AppError('FORBIDDEN');
  return db.tx(async (q) => {
    if (!(await findCase(q, user, b.caseId))) throw new AppError('NOT_FOUND', [{ path: 'caseId', message: '未找到该案件' }]);
    const { text, masked } = masking(b);
    const id = await repo.insertTypical(q, user.id, { ...b, ...text });
    await audit(q, actorOf(user), { action: 'typical_case.written', entity: 'case', entityId: b.caseId, detail: { typicalCaseId: id, masked } });
    return { id, masked };
  });
}

/**
 * Edits a draft (or a withdrawn case) before it is published: masked again, the editor becomes the
 * writer of record (so publishing still needs a second person), audited. Published: 409.
 */
export async function editTypical(db: Db, user: SessionUser, id: number, b: TypicalEdit) {
  if (!mayWrite(user)) throw new AppError('FORBIDDEN');
  return db.tx(async (q) => {
    const t = await visible(q, user, id, true);
    if (t.status === 'published') throw new AppError('TYPICAL_CASE_STATE', undefined, '已发布的典型案例不能修改，请先撤回');
    const { text, masked } = masking(b);
    await repo.updateDraft(q, id, user.id, { ...b, ...text });
    const changed = FIELDS.filter((f) => t[f] !== text[f]);
    await audit(q, actorOf(user), { action: 'typical_case.edited', entity: 'case', entityId: t.caseId, detail: { typicalCaseId: id, from: t.status, changed, masked } });
    return repo.findTypical(q, user, id).then((r) => r!);
  });
}

async function visible(q: Queryable, user: SessionUser, id: number, forUpdate = false) {
  const t = await repo.findTypical(q, user, id, forUpdate);
  if (!t) throw new AppError('NOT_FOUND');
  return t;
}

/** An office lead other than the writer publishes after review: 403 for the writer, 409 if already published, 422 if unmasked. */
export async function publishTypical(db: Db, user: SessionUser, id: number) {
  return db.tx(async (q) => {
    const t = await visible(q, user, id, true);
    // The role alone is not enough: an account of a police unit, procuratorate or court may hold it too.
    if (!isOffice(user)) throw new AppError('FORBIDDEN', undefined, '典型案例由专项办负责人审核发布');
    if (t.writtenBy.id === user.id) throw new AppError('FORBIDDEN', undefined, '典型案例须由撰写人以外的负责人审核后发布');
    if (t.status === 'published') throw new AppError('TYPICAL_CASE_STATE');
    const fields = FIELDS.flatMap((f) => unmaskedFindings(t[f]).map((what) => ({ path: f, message: `仍有${what}，请先处理` })));
    if (fields.length) throw new AppError('TYPICAL_CASE_UNMASKED', fields);
    await repo.setPublished(q, id, user.id);
    await audit(q, actorOf(user), { action: 'typical_case.published', entity: 'case', entityId: t.caseId, detail: { typicalCaseId: id } });
    return repo.findTypical(q, user, id).then((r) => r!);
  });
}

export async function withdrawTypical(db: Db, user: SessionUser, id: number, reason: string) {
  return db.tx(async (q) => {
    const t = await visible(q, user, id, true);
    if (!isOffice(user)) throw new AppError('FORBIDDEN', undefined, '典型案例由专项办负责人撤回');
    if (t.status !== 'published') throw new AppError('TYPICAL_CASE_STATE');
    await repo.setWithdrawn(q, id, reason);
    await audit(q, actorOf(user), { action: 'typical_case.withdrawn', entity: 'case', entityId: t.caseId, detail: { typicalCaseId: id, reason } });
    return repo.findTypical(q, user, id).then((r) => r!);
  });
}

export async function listTypical(db: Db, user: SessionUser, f: { status?: string; page: number; pageSize: number }) {
  return { ...(await repo.typicalPage(db, user, f)), page: f.page, pageSize: f.pageSize };
}

export const typicalDetail = (db: Db, user: SessionUser, id: number) => visible(db, user, id);

export const publicTypicalList = async (db: Db, f: { fraudType?: string; page: number; pageSize: number }) =>
  ({ ...(await repo.publishedPage(db, f)), page: f.page, pageSize: f.pageSize });

export async function publicTypical(db: Db, id: number) {
  const t = await repo.publishedOne(db, id);
  if (!t) throw new AppError('NOT_FOUND');
  return t;
}
