import type { Db, Queryable } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { AD_MONITOR_UNIT_KINDS, MONITORING_COUNT_KEYS, type MonitoringCountKey } from '../../../shared/domain.ts';
import { INDICATORS } from '../../../shared/indicators.ts';
import { chinaToday } from '../../../shared/time.ts';
import { actorOf, audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import * as repo from './monitoring.repository.ts';
import { periodReported } from './publicity.repository.ts';
import { changedPairs, checkRegion } from './publicity.service.ts';
import type { MonitoringCounts, RoundFilter, RoundInput } from './monitoring.schemas.ts';

/**
 * Ads and online monitoring rounds (广告监测): logged by market-regulation and cyberspace units (and
 * offices), listed and summed over the user's jurisdiction. Out of jurisdiction is 404; another unit's
 * round in view is 403 to correct; every write commits with its audit row.
 */


/** Only units whose work this is log rounds (a police station's "monitoring" is not this figure). */
function mayLog(user: SessionUser) {
  if (!(AD_MONITOR_UNIT_KINDS as readonly string[]).includes(user.unitKind)) {
    throw new AppError('FORBIDDEN', undefined, '广告监测由市场监管、网信部门和专项办登记');
  }
}

const toNew = (b: RoundInput): repo.NewRound => ({
  regionCode: b.regionCode, title: b.title, media: b.media, startDate: b.startDate, endDate: b.endDate ?? b.startDate, counts: b.counts, note: b.note || null,
});

export async function createRound(db: Db, user: SessionUser, b: RoundInput) {
  mayLog(user);
  await checkRegion(db, user, b.regionCode);
  return db.tx(async (q) => {
    const id = await repo.insertRound(q, user, toNew(b));
    await audit(q, actorOf(user), { action: 'monitoring.created', entity: 'ads_monitoring_round', entityId: id, detail: { regionCode: b.regionCode, counts: b.counts } });
    return { id };
  });
}

async function visible(q: Queryable, user: SessionUser, id: number, forUpdate = false) {
  const m = await repo.findRound(q, user, id, forUpdate);
  if (!m) throw new AppError('NOT_FOUND');
  return m;
}

export async function roundDetail(db: Queryable, user: SessionUser, id: number) {
  const m = await visible(db, user, id);
  return { ...m, editable: m.unitId === user.unitId, periodReported: await periodReported(db, m.regionCode, m.startDate) };
}

/** Its unit corrects a round: an audit row with what changed, and a reason once the period has been reported. */
export async function correctRound(db: Db, user: SessionUser, id: number, b: RoundInput & { reason?: string }) {
  // A unit that logs no rounds is refused before any round is looked up (its answer says nothing about ids).
  mayLog(user);
  return db.tx(async (q) => {
    const before = await visible(q, user, id, true);
    if (before.unitId !== user.unitId) throw new AppError('FORBIDDEN', undefined, '只有登记单位可以更正这次监测');
    await checkRegion(q, user, b.regionCode);
    const reported = await periodReported(q, before.regionCode, before.startDate);
    if (reported && !b.reason) throw new AppError('VALIDATION_FAILED', [{ path: 'reason', message: '该监测所在统计期已上报，更正须说明理由' }]);
    const after = toNew(b);
    const changed = changedPairs([
      ['regionCode', before.regionCode, after.regionCode], ['title', before.title, after.title], ['media', before.media, after.media],
      ['startDate', before.startDate, after.startDate], ['endDate', before.endDate, after.endDate], ['note', before.note, after.note],
      ...MONITORING_COUNT_KEYS.map((k): [string, unknown, unknown] => [k, before.counts[k], after.counts[k]]),
    ]);
    await repo.updateRound(q, user.id, id, after);
    await audit(q, actorOf(user), {
      action: 'monitoring.corrected', entity: 'ads_monitoring_round', entityId: id, detail: { changed, periodReported: reported, ...(b.reason ? { reason: b.reason } : {}) },
    });
    return roundDetail(q, user, id);
  });
}

const countsOf = (sums: MonitoringCounts): MonitoringCounts =>
  Object.fromEntries(MONITORING_COUNT_KEYS.map((k) => [k, sums[k]])) as Record<MonitoringCountKey, number>;

export async function listRounds(db: Db, user: SessionUser, f: RoundFilter & { page: number; pageSize: number }) {
  const where = repo.roundWhere(user, f);
  const items = await repo.roundRows(db, where, f.pageSize, (f.page - 1) * f.pageSize);
  const sums = await repo.roundSums(db, where);
  return { items, total: sums.n, page: f.page, pageSize: f.pageSize, totals: countsOf(sums) };
}

/** The period's monitoring figures of the user's jurisdiction (a round counts in the period of its start date). */
export async function monitoringSummary(db: Db, user: SessionUser, q: { from?: string; to?: string }) {
  const to = q.to ?? chinaToday();
  const from = q.from ?? `${to.slice(0, 4)}-01-01`;
  const sums = await repo.roundSums(db, repo.roundWhere(user, { from, to }));
  const figures = (['ads_monitored', 'ads_cleaned'] as const).map((k) => ({ indicator: k, value: sums[k], unit: INDICATORS[k][1] as string }));
  return { from, to, rounds: sums.n, totals: countsOf(sums), figures };
}
