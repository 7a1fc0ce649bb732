import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { chinaToday } from '../shared/time.ts';

// Text a spreadsheet may take for a formula (OWASP "CSV injection"): =HYPERLINK(…) in a reporter's
// description would become a live link, or a command, once the cell is edited or saved as CSV.
// Such text gets a leading ' so it stays text.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A workbook with one sheet and a bold header row: the shape of every export (tips, hazard ledger).
 * Whatever the sheet holds when the workbook is written is neutralised first, so no export can
 * forget it.
 */
export function newSheet(name: string, columns: Partial<ExcelJS.Column>[]) {
  const book = new ExcelJS.Workbook();
  book.creator = '守护 Shouhu';
  const sheet = book.addWorksheet(name);
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  const write = book.xlsx.writeBuffer.bind(book.xlsx);
  book.xlsx.writeBuffer = (options) => {
    sheet.eachRow((row) => row.eachCell((cell) => {
      if (typeof cell.value === 'string' && FORMULA_START.test(cell.value)) cell.value = `'${cell.value}`;
    }));
    return write(options);
  };
  return { book, sheet };
}

/** Sends an export as a dated .xlsx download (ASCII name plus the Chinese one), with its row count. */
export function sendXlsx(reply: FastifyReply, file: { buffer: Buffer; rows: number; truncated: boolean }, asciiName: string, chineseName: string) {
  const day = chinaToday();
  return reply
    .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('Content-Disposition', `attachment; filename="${asciiName}-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${chineseName}-${day}.xlsx`)}`)
    .header('X-Export-Rows', String(file.rows))
    .header('X-Export-Truncated', String(file.truncated))
    .send(file.buffer);
}
