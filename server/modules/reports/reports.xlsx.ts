import type { Queryable } from '../../db/client.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { capRows, finishExport, newSheet } from '../../xlsx.ts';
import { REPORT_KINDS } from '../../../shared/domain.ts';
import type { ReportRow } from './reports.repository.ts';
import { periodText } from './reports.narrative.ts';

/** Child regions in one workbook: more than any region has (a county has a few dozen townships). */
export const MAX_CHILD_ROWS = 2000;

/**
 * How a figure is shown (docs/reports.md): yuan with thousands separators and 2 decimals, rates with
 * 1 decimal (the value is the percentage: 42.5 means 42.5%), counts whole with thousands separators.
 */
export const numFmt = (key: string) => (key.endsWith('_yuan') ? '#,##0.00' : key.endsWith('_pct') ? '0.0' : '#,##0');

/**
 * A report's figures as a workbook: the title, region, period and issuer above; one row per child
 * region and a 合计 row with the region's own figures (the engine's, so rates are rates and records
 * at the region's own level count too); numbers as numbers, "暂无数据" where a strand has none; the
 * header frozen. Printed (docs/reports.md) on A4 landscape, one page wide and as many long as it
 * takes, centered, with the title rows 1–3 repeated on every page and "第 1 页，共 N 页" below. Written
 * from the stored report, through finishExport (audited).
 */
export async function reportXlsx(q: Queryable, user: SessionUser, r: ReportRow) {
  const { indicators, children } = r.figures;
  const { book, sheet } = newSheet(REPORT_KINDS[r.kind], [{ key: 'region', width: 16 }, ...indicators.map((f) => ({ key: f.key, width: 12 }))]);
  book.creator = r.issuer;
  book.title = r.title;
  // The document's own dates, so the same report gives the same workbook.
  book.created = book.modified = new Date(`${r.issuedOn}T00:00:00+08:00`);
  const last = indicators.length + 1;
  sheet.mergeCells(1, 1, 1, last);
  sheet.getCell(1, 1).value = r.title;
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, last);
  sheet.getCell(2, 1).value = `地区：${r.regionName}　统计期：${periodText(r.from, r.to)}　发文单位：${r.issuer}　日期：${r.issuedOn}${r.status === 'draft' ? '　（草稿，未签发）' : ''}`;
  const header = sheet.getRow(3);
  header.values = ['地区', ...indicators.map((f) => `${f.name}（${f.unit}）`)];
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.height = 48;

  const { rows, truncated } = capRows(children, MAX_CHILD_ROWS);
  const put = (label: string, values: (number | null)[], bold = false) => {
    const row = sheet.addRow([label, ...values.map((v) => (v === null ? '暂无数据' : v))]);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 2);
      cell.alignment = { horizontal: 'center' };
      if (v !== null) cell.numFmt = numFmt(indicators[i].key);
    });
    if (bold) row.font = { bold: true };
  };
  for (const c of rows) put(c.name, c.values);
  put('合计', indicators.map((f) => (f.source === 'none' ? null : f.value)), true);

  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 3 }];
  sheet.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true, fitToWidth: 1, fitToHeight: 0,
    horizontalCentered: true,
    // Inches (Excel's unit): 2 cm each side, room for the footer below.
    margins: { left: 0.79, right: 0.79, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.4 },
    printTitlesRow: '1:3',
  };
  sheet.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
  return finishExport(q, user, book, { action: 'report.exported', entity: 'work_report', filter: { reportId: r.id, format: 'xlsx' }, rows: rows.length, truncated });
}
