import { finishExport, newSheet } from '../../xlsx.ts';
import type { Db } from '../../db/client.ts';
import { HAZARD_CATEGORIES, HAZARD_MEASURES, HAZARD_STATUSES, type HazardStatus } from '../../../shared/domain.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { ledgerForExport } from './screening.service.ts';
import type { LedgerFilter } from './screening.schemas.ts';

/** The rectification ledger (台账) of the current filter as an .xlsx workbook, audited. */
export async function exportLedger(db: Db, user: SessionUser, filter: LedgerFilter) {
  const { rows, truncated } = await ledgerForExport(db, user, filter);
  const { book, sheet } = newSheet('隐患整改台账', [
    { header: '序号', key: 'no', width: 6 },
    { header: '主体名称', key: 'subject', width: 30 },
    { header: '所在地区', key: 'region', width: 14 },
    { header: '隐患描述', key: 'description', width: 40 },
    { header: '类别', key: 'category', width: 16 },
    { header: '重大隐患', key: 'serious', width: 10 },
    { header: '处置措施', key: 'measure', width: 12 },
    { header: '整改期限', key: 'deadline', width: 12 },
    { header: '整改责任人', key: 'responsible', width: 14 },
    { header: '整改状态', key: 'status', width: 14 },
    { header: '是否超期', key: 'overdue', width: 10 },
    { header: '罚没金额（元）', key: 'fine', width: 14 },
    { header: '登记单位', key: 'unit', width: 24 },
  ]);
  rows.forEach((h, i) => sheet.addRow({
    no: i + 1, subject: h.subjectName, region: h.regionName, description: h.description,
    category: HAZARD_CATEGORIES[h.category as keyof typeof HAZARD_CATEGORIES] ?? h.category, serious: h.serious ? '是' : '否',
    measure: HAZARD_MEASURES[h.measure as keyof typeof HAZARD_MEASURES] ?? h.measure, deadline: h.deadline, responsible: h.responsible,
    status: HAZARD_STATUSES[h.status as HazardStatus] ?? h.status, overdue: h.overdue ? '是' : '否', fine: h.fineYuan ?? '', unit: h.unitName,
  }));
  return finishExport(db, user, book, { action: 'hazard.exported', entity: 'hazard', filter, rows: rows.length, truncated });
}
