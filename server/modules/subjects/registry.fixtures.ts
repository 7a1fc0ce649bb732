import ExcelJS from 'exceljs';
import type { SubjectKind } from '../../../shared/domain.ts';
import { usccCheckChar } from '../../../shared/validators.ts';
import { columnsOf, SHEET } from './registry.import.ts';

/**
 * A workbook shaped like a sector's import template, for tests, the benchmark and the browser
 * journey: each row gives the template's columns in order (missing ones empty). Not used by the server.
 */
export async function registryWorkbook(kind: SubjectKind, rows: ExcelJS.CellValue[][], opts: { headers?: string[] } = {}) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(SHEET);
  sheet.addRow(opts.headers ?? columnsOf(kind).map((c) => c.header));
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A valid credit code from a number (distinct numbers, distinct codes). */
export function testUscc(n: number, prefix = '91370681') {
  const first17 = `${prefix}MA${String(n).padStart(7, '0')}`;
  return first17 + usccCheckChar(first17);
}
