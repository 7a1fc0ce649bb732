import { capRows, finishExport, newSheet } from '../../xlsx.ts';
import { yuanText } from '../../../shared/money.ts';
import type { Db } from '../../db/client.ts';
import { ENFORCEMENT_KINDS, type EnforcementKind } from '../../../shared/domain.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { narrowedTo } from '../access/jurisdiction.ts';
import { AppError } from '../../errors.ts';
import { recordPage } from './enforcement.repository.ts';
import type { EnforcementQuery } from './enforcement.schemas.ts';

/** An export holds at most this many documents and says when it was cut (X-Export-Truncated). */
export const ENFORCEMENT_MAX_ROWS = 10_000;

/** The enforcement records of the current filter (行政执法台账) as an .xlsx workbook, audited. */
export async function exportEnforcement(db: Db, user: SessionUser, filter: EnforcementQuery) {
  if (!narrowedTo(user, filter.regionCode)) throw new AppError('NOT_FOUND');
  const { items } = await recordPage(db, user, { ...filter, page: 1, pageSize: ENFORCEMENT_MAX_ROWS + 1 });
  const { rows, truncated } = capRows(items, ENFORCEMENT_MAX_ROWS);
  const { book, sheet } = newSheet('行政执法', [
    { header: '序号', key: 'no', width: 6 },
    { header: '签发日期', key: 'issuedOn', width: 12 },
    { header: '文书', key: 'kind', width: 16 },
    { header: '文书编号', key: 'docNo', width: 26 },
    { header: '主体', key: 'subject', width: 28 },
    { header: '主要内容', key: 'summary', width: 40 },
    { header: '罚没金额（元）', key: 'fine', width: 16 },
    { header: '签发单位', key: 'unit', width: 24 },
    { header: '移送公安机关', key: 'police', width: 20 },
  ]);
  rows.forEach((r, i) => sheet.addRow({
    no: i + 1, issuedOn: r.issuedOn, kind: ENFORCEMENT_KINDS[r.kind as EnforcementKind] ?? r.kind, docNo: r.docNo, subject: r.subject.name,
    summary: r.summary, fine: r.fineFen === null ? '' : yuanText(r.fineFen), unit: r.unit.name, police: r.policeUnit?.name ?? '',
  }));
  // The document kind recorded as documentKind: the audit log reads a filter's `kind` as the subjects' sector.
  const { page: _p, pageSize: _s, kind, ...used } = filter;
  return finishExport(db, user, book, { action: 'enforcement.exported', entity: 'subject', filter: { ...used, ...(kind ? { documentKind: kind } : {}) }, rows: rows.length, truncated });
}
