import ExcelJS from 'exceljs';
import { COLUMNS, SHEET } from './publicity.import.ts';

/**
 * A workbook shaped like the import template, for tests, the benchmark and the browser journey:
 * each row lists the template's columns in order (missing ones empty). Not used by the server.
 */
export async function publicityWorkbook(rows: ExcelJS.CellValue[][], opts: { sheet?: string; headers?: string[] } = {}) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(opts.sheet ?? SHEET);
  sheet.addRow(opts.headers ?? COLUMNS.map((c) => c.header));
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A good row: date, region, kind, title and a few counts (materials, banners, posters, people). */
export const goodRow = (day: string, region: string, title: string, n = 1): (string | number)[] =>
  [day, '', region, '专题讲座', title, '社区活动室', '社区居委会、老年大学', 100 * n, 2, 3, 50 * n, 0, 1, 0, 0, ''];
