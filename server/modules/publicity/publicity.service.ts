import type { Db, Queryable } from '../../db/client.ts';
import type { Keys } from '../../crypto.ts';
import { AppError } from '../../errors.ts';
import { PUBLICITY_COUNT_KEYS } from '../../../shared/domain.ts';
import { INDICATORS } from '../../../shared/indicators.ts';
import { chinaToday } from '../../../shared/time.ts';
import { inJurisdiction } from '../access/jurisdiction.ts';
import { actorOf, audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { findRegion } from '../regions/regions.repository.ts';
import { staffCopy } from '../uploads/strip.ts';
import { sniffMime } from '../uploads/sniff.ts';
import { readStored, storeUpload } from '../uploads/uploads.service.ts';
import type { UploadLimits } from '../uploads/capacity.ts';
import * as repo from './publicity.repository.ts';
import type { ActivityFilter, ActivityInput, Counts } from './publicity.schemas.ts';

/**
 * Publicity activities (宣传活动): entered by hand or imported from Excel by the organising unit,
 * listed and summed over the user's jurisdiction. Out of jurisdiction is "not found" (404); another
 * unit's activity in view is 403 to correct. Every write and its audit row commit together.
 */


/** Photos an activity may have (a few pictures for the summary, not an album). */
export const MAX_PHOTOS = 9;

/** The region must exist and lie in the user's jurisdiction: a clerk logs only what happened there. */
export async function checkRegion(q: Queryable, user: SessionUser, code: string, path = 'regionCode') {
  if (!inJurisdiction(user, code)) throw new AppError('VALIDATION_FAILED', [{ path, message: '所选地区不在本单位辖区内' }]);
  if (!(await findRegion(q, code))) throw new AppError('UNKNOWN_REGION', [{ path, message: '所选地区不存在' }]);
}

export const toNew = (b: ActivityInput): repo.NewActivity => ({
  regionCode: b.regionCode, kind: b.kind, title: b.title, place: b.place || null, startDate: b.startDate, endDate: b.endDate ?? b.startDate,
  coOrganisers: b.coOrganisers, counts: b.counts, note: b.note || null,
});

export async function createActivity(db: Db, user: SessionUser, b: ActivityInput) {
  await checkRegion(db, user, b.regionCode);
  return db.tx(async (q) => {
    const id = await repo.insertActivity(q, user, toNew(b));
    await audit(q, actorOf(user), { action: 'publicity.created', entity: 'publicity_activity', entityId: id, detail: { regionCode: b.regionCode, kind: b.kind } });
    return { id };
  });
}

async function visible(q: Queryable, user: SessionUser, id: number, forUpdate = false) {
  const a = await repo.findActivity(q, user, id, forUpdate);
  if (!a) throw new AppError('NOT_FOUND');
  return a;
}

export async function activityDetail(db: Queryable, user: SessionUser, id: number) {
  const a = await visible(db, user, id);
  return {
    ...a,
    photoList: await repo.activityPhotos(db, id),
    editable: a.unitId === user.unitId,
    periodReported: await repo.periodReported(db, a.regionCode, a.startDate),
  };
}

/** The fields a correction changed, each as [before, after], for the audit row. */
function changes(before: repo.ActivityRow, after: repo.NewActivity) {
  const pairs: [string, unknown, unknown][] = [
    ['regionCode', before.regionCode, after.regionCode], ['kind', before.kind, after.kind], ['title', before.title, after.title],
    ['place', before.place, after.place], ['startDate', before.startDate, after.startDate], ['endDate', before.endDate, after.endDate],
    ['coOrganisers', before.coOrganisers, after.coOrganisers], ['note', before.note, after.note],
    ...PUBLICITY_COUNT_KEYS.map((k): [string, unknown, unknown] => [k, before.counts[k], after.counts[k]]),
  ];
  return changedPairs(pairs);
}

/** Of [field, before, after] triples, those that differ, as {field: [before, after]} for an audit row. */
export function changedPairs(pairs: [string, unknown, unknown][]) {
  const out: Record<string, [unknown, unknown]> = {};
  for (const [k, x, y] of pairs) if (JSON.stringify(x) !== JSON.stringify(y)) out[k] = [x, y];
  return out;
}

/**
 * Its unit corrects an activity. Every correction is an audit row with what changed; once the period
 * it belongs to has been reported upward, the correction needs a written reason as well.
 */
export async function correctActivity(db: Db, user: SessionUser, id: number, b: ActivityInput & { reason?: string }) {
  return db.tx(async (q) => {
    // Not found (404) and not yours (403) come before anything about the new content.
    const before = await visible(q, user, id, true);
    if (before.unitId !== user.unitId) throw new AppError('FORBIDDEN', undefined, '只有组织单位可以更正这条宣传活动');
    await checkRegion(q, user, b.regionCode);
    const reported = await repo.periodReported(q, before.regionCode, before.startDate);
    if (reported && !b.reason) throw new AppError('VALIDATION_FAILED', [{ path: 'reason', message: '该活动所在统计期已上报，更正须说明理由' }]);
    const after = toNew(b);
    const changed = changes(before, after);
    await repo.updateActivity(q, user.id, id, after);
    await audit(q, actorOf(user), {
      action: 'publicity.corrected', entity: 'publicity_activity', entityId: id, detail: { changed, periodReported: reported, ...(b.reason ? { reason: b.reason } : {}) },
    });
    return activityDetail(q, user, id);
  });
}

/** The figures of a set of activities, keyed by shared/docs/indicators.md, each a direct sum of the records. */
function figures(sums: { n: number } & Counts) {
  return [
    { indicator: 'publicity_events' as const, value: sums.n, unit: INDICATORS.publicity_events[1] },
    ...PUBLICITY_COUNT_KEYS.map((k) => ({ indicator: k, value: sums[k], unit: INDICATORS[k][1] as string })),
  ];
}

export async function listActivities(db: Db, user: SessionUser, f: ActivityFilter & { page: number; pageSize: number }) {
  const where = repo.activityWhere(user, f);
  const items = await repo.activityRows(db, where, f.pageSize, (f.page - 1) * f.pageSize);
  const sums = await repo.activitySums(db, where);
  return { items, total: sums.n, page: f.page, pageSize: f.pageSize, totals: figures(sums) };
}

/** The period's publicity figures of the user's jurisdiction (an activity counts in the period of its start date). */
export async function publicitySummary(db: Db, user: SessionUser, q: { from?: string; to?: string }) {
  const to = q.to ?? chinaToday();
  const from = q.from ?? `${to.slice(0, 4)}-01-01`;
  const where = repo.activityWhere(user, { from, to });
  return { from, to, figures: figures(await repo.activitySums(db, where)), byKind: await repo.countByKind(db, where) };
}

// ── Photos ───────────────────────────────────────────────────────────────────────────────────

/** Stores a photo of an activity (images only), attached to it; the copy anyone sees has no location. */
export async function addPhoto(db: Db, keys: Keys, dataDir: string, limits: UploadLimits, user: SessionUser, id: number, data: Buffer) {
  const a = await visible(db, user, id);
  if (a.unitId !== user.unitId) throw new AppError('FORBIDDEN', undefined, '只有组织单位可以上传活动照片');
  if (a.photos >= MAX_PHOTOS) throw new AppError('UPLOAD_INVALID', undefined, `每个活动最多上传 ${MAX_PHOTOS} 张照片`);
  const mime = sniffMime(data);
  if (mime !== 'image/jpeg' && mime !== 'image/png') throw new AppError('UPLOAD_TYPE_NOT_ALLOWED', undefined, '活动照片只能是 JPG 或 PNG 图片');
  // A damaged image is refused now (422), not when someone opens it and no location-free copy can be made.
  await staffCopy(mime, data);
  const stored = await storeUpload(db, keys, dataDir, data, { limits, client: null });
  await db.tx(async (q) => {
    // Counted again under the activity's lock, in a statement of its own (on PostgreSQL a count in the
    // locking statement would not see a photo committed while it waited): photos sent at once all
    // passed the check above. One refused here stays unattached, for the stale sweep.
    await visible(q, user, id, true);
    if ((await repo.activityPhotos(q, id)).length >= MAX_PHOTOS) throw new AppError('UPLOAD_INVALID', undefined, `每个活动最多上传 ${MAX_PHOTOS} 张照片`);
    await repo.attachPhoto(q, id, stored.id);
    await audit(q, actorOf(user), { action: 'publicity.photo_added', entity: 'publicity_activity', entityId: id, detail: { uploadId: stored.id } });
  });
  return stored;
}

export async function photo(db: Db, keys: Keys, dataDir: string, user: SessionUser, id: number, uploadId: string) {
  await visible(db, user, id);
  const u = await repo.photoFile(db, id, uploadId);
  if (!u) throw new AppError('NOT_FOUND');
  return { mime: u.mime, data: await staffCopy(u.mime, await readStored(keys, dataDir, u.storage_name)) };
}
