import { capRows, finishExport, newSheet } from '../../xlsx.ts';
import type { Db } from '../../db/client.ts';
import { AD_MEDIA, MONITORING_COUNT_KEYS, MONITORING_COUNTS, PUBLICITY_COUNT_KEYS, PUBLICITY_KINDS, type AdMedium, type PublicityKind } from '../../../shared/domain.ts';
import { INDICATORS } from '../../../shared/indicators.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import * as repo from './publicity.repository.ts';
import * as rounds from './monitoring.repository.ts';
import type { ActivityFilter } from './publicity.schemas.ts';
import type { RoundFilter } from './monitoring.schemas.ts';

/**
 * The activity list and the monitoring rounds of the current filter as .xlsx workbooks (the work
 * summary's annex): the same jurisdiction-scoped predicate as the lists, a last 合计 row that sums
 * every exported row, capped and audited like the tip and case exports.
 */

/** An export holds at most this many rows and says when it was cut (X-Export-Truncated). */
export const PUBLICITY_EXPORT_MAX_ROWS = 10_000;

const countHeader = (name: string, unit: string) => `${name}（${unit}）`;
/** The filter as written in the audit row (without paging). */
const usedFilter = (f: object) => Object.fromEntries(Object.entries(f).filter(([k, v]) => k !== 'page' && k !== 'pageSize' && v !== undefined));

/** Sums each key over the rows, for the 合计 row (of what was exported, so a truncated file still adds up). */
function sumRows<K extends string>(rows: { counts: Record<K, number> }[], keys: readonly K[]) {
  return Object.fromEntries(keys.map((k) => [k, rows.reduce((s, r) => s + Number(r.counts[k]), 0)])) as Record<K, number>;
}

export async function exportActivities(db: Db, user: SessionUser, filter: ActivityFilter) {
  const items = await repo.activityRows(db, repo.activityWhere(user, filter), PUBLICITY_EXPORT_MAX_ROWS + 1, 0);
  const { rows, truncated } = capRows(items, PUBLICITY_EXPORT_MAX_ROWS);
  const { book, sheet } = newSheet('宣传活动', [
    { header: '序号', key: 'no', width: 6 },
    { header: '开始日期', key: 'startDate', width: 12 },
    { header: '结束日期', key: 'endDate', width: 12 },
    { header: '地区', key: 'region', width: 14 },
    { header: '组织单位', key: 'unit', width: 20 },
    { header: '协办单位', key: 'co', width: 20 },
    { header: '活动形式', key: 'kind', width: 18 },
    { header: '活动名称', key: 'title', width: 30 },
    { header: '地点', key: 'place', width: 20 },
    ...PUBLICITY_COUNT_KEYS.map((k) => ({ header: countHeader(INDICATORS[k][0], INDICATORS[k][1]), key: k, width: 14 })),
    { header: '照片（张）', key: 'photos', width: 10 },
    { header: '来源', key: 'source', width: 8 },
  ]);
  rows.forEach((a, i) => sheet.addRow({
    no: i + 1, startDate: a.startDate, endDate: a.endDate, region: a.regionName, unit: a.unitName, co: a.coOrganisers.join('、'),
    kind: PUBLICITY_KINDS[a.kind as PublicityKind] ?? a.kind, title: a.title, place: a.place ?? '', ...a.counts, photos: a.photos,
    source: a.imported ? 'Excel 导入' : '录入',
  }));
  sheet.addRow({ no: '合计', title: `${rows.length} 场`, ...sumRows(rows, PUBLICITY_COUNT_KEYS) }).font = { bold: true };
  return finishExport(db, user, book, { action: 'publicity.exported', entity: 'publicity_activity', filter: usedFilter(filter), rows: rows.length, truncated });
}

export async function exportRounds(db: Db, user: SessionUser, filter: RoundFilter) {
  const items = await rounds.roundRows(db, rounds.roundWhere(user, filter), PUBLICITY_EXPORT_MAX_ROWS + 1, 0);
  const { rows, truncated } = capRows(items, PUBLICITY_EXPORT_MAX_ROWS);
  const { book, sheet } = newSheet('广告监测', [
    { header: '序号', key: 'no', width: 6 },
    { header: '开始日期', key: 'startDate', width: 12 },
    { header: '结束日期', key: 'endDate', width: 12 },
    { header: '地区', key: 'region', width: 14 },
    { header: '登记单位', key: 'unit', width: 20 },
    { header: '监测名称', key: 'title', width: 30 },
    { header: '监测媒介', key: 'media', width: 24 },
    ...MONITORING_COUNT_KEYS.map((k) => ({ header: countHeader(MONITORING_COUNTS[k][0], MONITORING_COUNTS[k][1]), key: k, width: 14 })),
    { header: '备注', key: 'note', width: 24 },
  ]);
  rows.forEach((m, i) => sheet.addRow({
    no: i + 1, startDate: m.startDate, endDate: m.endDate, region: m.regionName, unit: m.unitName, title: m.title,
    media: m.media.map((x) => AD_MEDIA[x as AdMedium] ?? x).join('、'), ...m.counts, note: m.note ?? '',
  }));
  sheet.addRow({ no: '合计', title: `${rows.length} 轮`, ...sumRows(rows, MONITORING_COUNT_KEYS) }).font = { bold: true };
  return finishExport(db, user, book, { action: 'monitoring.exported', entity: 'ads_monitoring_round', filter: usedFilter(filter), rows: rows.length, truncated });
}
