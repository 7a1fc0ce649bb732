import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { capRows, finishExport, newSheet } from '../../xlsx.ts';
import { SUBJECT_KIND_UNITS, SUBJECT_KINDS, type SubjectKind } from '../../../shared/domain.ts';
import { inJurisdiction } from '../access/jurisdiction.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import * as repo from './subjects.repository.ts';

/** Subjects one export may hold: a province's registry. */
export const EXPORT_MAX = 200_000;

/** The registry of a subtree (the user's jurisdiction or a region in it), one row per live subject, audited. */
export async function exportRegistry(db: Db, user: SessionUser, f: { regionCode?: string; kind?: SubjectKind }) {
  const root = f.regionCode ?? user.unitRegionCode;
  if (!inJurisdiction(user, root)) throw new AppError('VALIDATION_FAILED', [{ path: 'regionCode', message: '所选地区不在本单位辖区内' }]);
  const { rows, truncated } = capRows(await repo.registryRows(db, root, f.kind, EXPORT_MAX), EXPORT_MAX);
  const { book, sheet } = newSheet('主体名录', [
    { header: '编号', key: 'id', width: 8 }, { header: '类别', key: 'kind', width: 18 }, { header: '计数单位', key: 'unit', width: 8 },
    { header: '名称', key: 'name', width: 30 }, { header: '统一社会信用代码', key: 'uscc', width: 22 }, { header: '地区代码', key: 'regionCode', width: 12 },
    { header: '地区', key: 'regionName', width: 14 }, { header: '地址', key: 'address', width: 30 }, { header: '是否登记', key: 'registered', width: 8 },
    { header: '许可证/备案编号', key: 'licenceNo', width: 18 }, { header: '床位数（张）', key: 'beds', width: 10 }, { header: '用地面积（平方米）', key: 'areaM2', width: 14 },
    { header: '监管单位', key: 'regulator', width: 18 }, { header: '联系人', key: 'contactName', width: 10 }, { header: '联系电话', key: 'contactPhone', width: 14 },
    { header: '承诺书签订日期', key: 'commitmentSignedOn', width: 14 },
  ]);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) {
    sheet.addRow({
      ...r, kind: SUBJECT_KINDS[r.kind as SubjectKind], unit: SUBJECT_KIND_UNITS[r.kind as SubjectKind],
      registered: r.registered === null ? '' : r.registered ? '是' : '否',
    });
  }
  return finishExport(db, user, book, { action: 'subject.exported', entity: 'subject', filter: { regionCode: root, kind: f.kind ?? null }, rows: rows.length, truncated });
}
