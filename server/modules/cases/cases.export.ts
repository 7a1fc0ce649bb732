import { capRows, finishExport, newSheet } from '../../xlsx.ts';
import { yuanText } from '../../../shared/money.ts';
import type { Db } from '../../db/client.ts';
import { CASE_ORIGINS, CASE_STAGES, FRAUD_TYPES, type CaseOrigin, type CaseStage, type FraudType } from '../../../shared/domain.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { narrowedTo } from '../access/jurisdiction.ts';
import { AppError } from '../../errors.ts';
import { casePage } from './cases.repository.ts';
import type { CaseListQuery } from './cases.schemas.ts';

/** An export holds at most this many cases and says when it was cut (X-Export-Truncated). */
export const CASES_MAX_ROWS = 10_000;

/** The case list of the current filter as an .xlsx workbook, audited. */
export async function exportCases(db: Db, user: SessionUser, filter: CaseListQuery) {
  if (!narrowedTo(user, filter.regionCode)) throw new AppError('NOT_FOUND');
  const { items } = await casePage(db, user, { ...filter, page: 1, pageSize: CASES_MAX_ROWS + 1 });
  const { rows, truncated } = capRows(items, CASES_MAX_ROWS);
  const { book, sheet } = newSheet('刑事案件', [
    { header: '序号', key: 'no', width: 6 },
    { header: '案件编号', key: 'caseNo', width: 28 },
    { header: '案件名称', key: 'title', width: 36 },
    { header: '诈骗类型', key: 'types', width: 24 },
    { header: '阶段', key: 'stage', width: 10 },
    { header: '现案/积案', key: 'origin', width: 10 },
    { header: '团伙人数', key: 'gang', width: 10 },
    { header: '案发地区', key: 'region', width: 12 },
    { header: '立案单位', key: 'unit', width: 20 },
    { header: '立案日期', key: 'filedOn', width: 12 },
    { header: '抓获（人）', key: 'arrested', width: 10 },
    { header: '涉案金额（元）', key: 'involved', width: 16 },
    { header: '追赃挽损（元）', key: 'recovered', width: 16 },
  ]);
  rows.forEach((c, i) => sheet.addRow({
    no: i + 1, caseNo: c.caseNo, title: c.title, types: c.fraudTypes.map((f) => FRAUD_TYPES[f as FraudType] ?? f).join('、'),
    stage: CASE_STAGES[c.stage as CaseStage] ?? c.stage, origin: CASE_ORIGINS[c.origin as CaseOrigin] ?? c.origin, gang: c.gangSize ?? '',
    region: c.regionName, unit: c.leadUnit.name, filedOn: c.filedOn, arrested: c.arrested, involved: yuanText(c.amountInvolvedFen), recovered: yuanText(c.amountRecoveredFen),
  }));
  const { page: _p, pageSize: _s, ...used } = filter;
  return finishExport(db, user, book, { action: 'case.exported', entity: 'case', filter: used, rows: rows.length, truncated });
}
