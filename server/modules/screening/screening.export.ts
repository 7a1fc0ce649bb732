import { finishExport, newSheet } from '../../xlsx.ts';
import type { Db } from '../../db/client.ts';
import { HAZARD_CATEGORIES, HAZARD_MEASURES, HAZARD_SOURCES, HAZARD_STATUSES, RISK_GRADES, SUBJECT_KINDS, type HazardStatus } from '../../../shared/domain.ts';
import { chinaToday } from '../../../shared/time.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { regionPath } from '../regions/regions.repository.ts';
import { ledgerForExport } from './screening.service.ts';
import { officialHeading } from './screening.tables.ts';
import type { LedgerFilter } from './screening.schemas.ts';

const label = (table: Record<string, string>, code: string | null) => (code === null ? '' : (table[code] ?? code));

/**
 * The rectification ledger (台账) of the current filter as an .xlsx workbook, audited: one row per
 * hazard under the official tables' heading (title, region, period), the header row frozen, numbers
 * (序号, 罚没金额) as numbers.
 */
export async function exportLedger(db: Db, user: SessionUser, filter: LedgerFilter) {
  const { rows, truncated } = await ledgerForExport(db, user, filter);
  const columns = [
    { header: '序号', key: 'no', width: 6 },
    { header: '主体名称', key: 'subject', width: 30 },
    { header: '行业领域', key: 'kind', width: 16 },
    { header: '所在地区', key: 'region', width: 14 },
    { header: '风险等级', key: 'grade', width: 8 },
    { header: '隐患来源', key: 'source', width: 12 },
    { header: '隐患描述', key: 'description', width: 40 },
    { header: '类别', key: 'category', width: 16 },
    { header: '重大隐患', key: 'serious', width: 10 },
    { header: '处置措施', key: 'measure', width: 12 },
    { header: '发现日期', key: 'found', width: 12 },
    { header: '整改期限', key: 'deadline', width: 12 },
    { header: '整改责任人', key: 'responsible', width: 14 },
    { header: '整改状态', key: 'status', width: 14 },
    { header: '是否超期', key: 'overdue', width: 10 },
    { header: '罚没金额（元）', key: 'fine', width: 14 },
    { header: '登记单位', key: 'unit', width: 24 },
  ];
  // The heading goes above the column names, so the columns carry only keys and widths here.
  const { book, sheet } = newSheet('隐患整改台账', columns.map(({ key, width }) => ({ key, width })));
  const root = filter.region ?? user.unitRegionCode;
  const period = filter.foundFrom || filter.foundTo ? `发现日期 ${filter.foundFrom ?? '…'} 至 ${filter.foundTo ?? '…'}` : '全部（不限发现日期）';
  officialHeading(sheet, columns.length, '养老诈骗风险隐患整改台账',
    `地区：${root === '' ? '全国' : await regionPath(db, root)}　统计期：${period}　导出单位：${user.unitName}　导出日期：${chinaToday()}`);
  const header = sheet.getRow(3);
  header.values = columns.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  rows.forEach((h, i) => {
    const row = sheet.addRow({
      no: i + 1, subject: h.subjectName, kind: label(SUBJECT_KINDS, h.kind), region: h.regionName, grade: h.grade ? `${RISK_GRADES[h.grade]}色` : '未评级',
      source: label(HAZARD_SOURCES, h.source), description: h.description,
      category: label(HAZARD_CATEGORIES, h.category), serious: h.serious ? '是' : '否', measure: label(HAZARD_MEASURES, h.measure),
      found: chinaToday(h.createdAt.getTime()), deadline: h.deadline, responsible: h.responsible,
      status: HAZARD_STATUSES[h.status as HazardStatus] ?? h.status, overdue: h.overdue ? '是' : '否', fine: h.fineYuan, unit: h.unitName,
    });
    row.getCell('fine').numFmt = '0.00';
  });
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 3 }];
  return finishExport(db, user, book, { action: 'hazard.exported', entity: 'hazard', filter, rows: rows.length, truncated });
}
