import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { chinaToday } from '../shared/time.ts';

/** A workbook with one sheet and a bold header row: the shape of every export (tips, hazard ledger). */
export function newSheet(name: string, columns: Partial<ExcelJS.Column>[]) {
  const book = new ExcelJS.Workbook();
  book.creator = '守护 Shouhu';
  const sheet = book.addWorksheet(name);
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
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
