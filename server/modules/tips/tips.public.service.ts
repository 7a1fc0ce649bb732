import type { Db, Queryable } from '../../db/client.ts';
import { safeEqual, type Keys } from '../../crypto.ts';
import { AppError } from '../../errors.ts';
import { audit } from '../audit/audit.service.ts';
import { notifyUnit } from '../notifications/notifications.service.ts';
import { accessKeyHash } from './tips.intake.service.ts';
import { refreshTipGrades } from '../screening/grades.ts';
import { attachUploads, countAttachments, findTipByTrackingCode, insertEvent, reopenTip, type TipRow } from './tips.repository.ts';

// A tip's hash to compare against when the code does not exist, so both paths do the same work.
const ABSENT = 'x'.repeat(43);

/** The tip behind a tracking code and access key, or the same 404 for a wrong code or a wrong key. */
export async function tipByCredentials(q: Queryable, keys: Keys, trackingCode: string, accessKey: string, forUpdate = false): Promise<TipRow> {
  const tip = await findTipByTrackingCode(q, trackingCode, forUpdate);
  const ok = safeEqual(tip?.access_key_hash ?? ABSENT, accessKeyHash(keys, accessKey));
  if (!tip || !ok) throw new AppError('TIP_NOT_FOUND');
  return tip;
}

/** What the reporter may read: status, public timeline, the answer. */
export async function publicStatus(db: Db, keys: Keys, trackingCode: string, accessKey: string) {
  const tip = await tipByCredentials(db, keys, trackingCode, accessKey);
  const timeline = await db.query<{ at: Date; kind: string; text: string }>(
    'select at, kind, text from tip_events where tip_id = $1 and public order by at, id',
    [tip.id],
  );
  return {
    trackingCode: tip.tracking_code,
    // A closing awaiting the upper office's review (上级审核) is internal: the reporter reads "result reported" until it is approved.
    status: tip.status === 'closing' ? 'reported' : tip.status,
    submittedAt: tip.received_at,
    timeline,
    answer: tip.public_answer ? { text: tip.public_answer, at: tip.public_answer_at } : null,
    rating: tip.rated_at ? { satisfied: tip.rating_satisfied, comment: tip.rating_comment, at: tip.rated_at } : null,
    canRate: ['closed', 'rejected'].includes(tip.status) && !tip.rated_at,
    canRequestReexamination: ['closed', 'rejected'].includes(tip.status),
  };
}

const reporter = { id: null, name: 'reporter' };

/** The reporter adds information (and, optionally, more evidence); the receiving office is told. */
export async function addReporterMessage(db: Db, keys: Keys, b: { trackingCode: string; accessKey: string; text: string; attachmentIds?: string[] }) {
  return db.tx(async (q) => {
    const tip = await tipByCredentials(q, keys, b.trackingCode, b.accessKey, true);
    if (tip.status === 'merged') throw new AppError('TIP_INVALID_TRANSITION', undefined, '该举报已并入其他线索办理，无法补充');
    const ids = [...new Set(b.attachmentIds ?? [])];
    if (ids.length) {
      if ((await countAttachments(q, tip.id)) + ids.length > 10) throw new AppError('UPLOAD_INVALID', [{ path: 'attachmentIds', message: '每条举报最多 10 个附件' }]);
      if ((await attachUploads(q, tip.id, ids)) !== ids.length) throw new AppError('UPLOAD_INVALID', [{ path: 'attachmentIds', message: '附件不存在或已被使用' }]);
    }
    await insertEvent(q, { tipId: tip.id, kind: 'reporter_message', text: b.text, public: true, data: ids.length ? { attachmentIds: ids } : null });
    await audit(q, reporter, { action: 'tip.reporter_message', entity: 'tip', entityId: tip.id });
    await notifyUnit(q, tip.office_unit_id, ['intake', 'office_lead'], { kind: 'reporter_message', tipId: tip.id, text: '举报人补充了信息', dedupeKey: `msg:${Date.now()}` });
    return { ok: true };
  });
}

/** The reporter rates the answer, once per answer. */
export async function rateAnswer(db: Db, keys: Keys, b: { trackingCode: string; accessKey: string; satisfied: boolean; comment?: string }) {
  return db.tx(async (q) => {
    const tip = await tipByCredentials(q, keys, b.trackingCode, b.accessKey, true);
    if (!['closed', 'rejected'].includes(tip.status)) throw new AppError('TIP_INVALID_TRANSITION', undefined, '办结后才能评价');
    if (tip.rated_at) throw new AppError('CONFLICT', undefined, '您已评价过本次答复');
    await q.query('update tips set rating_satisfied = $2, rating_comment = $3, rated_at = now() where id = $1', [tip.id, b.satisfied, b.comment ?? null]);
    await insertEvent(q, { tipId: tip.id, kind: 'rating', text: b.satisfied ? '举报人表示满意' : '举报人表示不满意', public: true, data: { satisfied: b.satisfied } });
    await audit(q, reporter, { action: 'tip.rated', entity: 'tip', entityId: tip.id, detail: { satisfied: b.satisfied } });
    return { ok: true };
  });
}

/** 申请复核: a closed or rejected tip goes back to accepted at the receiving office, assignments ended. */
export async function requestReexamination(db: Db, keys: Keys, b: { trackingCode: string; accessKey: string; reason: string }) {
  return db.tx(async (q) => {
    const tip = await tipByCredentials(q, keys, b.trackingCode, b.accessKey, true);
    if (!['closed', 'rejected'].includes(tip.status)) throw new AppError('TIP_INVALID_TRANSITION', undefined, '办结后才能申请复核');
    await reopenTip(q, tip.id);
    await refreshTipGrades(q, [tip.id], null);
    await insertEvent(q, { tipId: tip.id, kind: 'reexamination', text: b.reason, public: true });
    await audit(q, reporter, { action: 'tip.reexamination_requested', entity: 'tip', entityId: tip.id });
    await notifyUnit(q, tip.office_unit_id, ['intake', 'office_lead'], { kind: 'reexamination', tipId: tip.id, text: '举报人申请复核', dedupeKey: `reexam:${Date.now()}` });
    return { ok: true, status: 'accepted' as const };
  });
}
