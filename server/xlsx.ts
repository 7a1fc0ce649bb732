import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { chinaToday } from '../shared/time.ts';
import type { Queryable } from './db/client.ts';
import { actorOf, audit } from './modules/audit/audit.service.ts';
import type { SessionUser } from './modules/auth/auth.service.ts';

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

/** An export's rows from a list read with one row beyond the cap: what to write and whether it was cut. */
export function capRows<T>(items: T[], max: number) {
  return { rows: items.slice(0, max), truncated: items.length > max };
}

/** Writes an export's workbook and records it in the audit log: every export is audited, here. */
export async function finishExport(
  db: Queryable, user: Pick<SessionUser, 'id' | 'username'>, book: ExcelJS.Workbook,
  entry: { action: string; entity: string; filter: object; rows: number; truncated: boolean },
) {
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  const { action, entity, filter, rows, truncated } = entry;
  await audit(db, actorOf(user), { action, entity, detail: { filter, rows, truncated } });
  return { buffer, rows, truncated };
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
