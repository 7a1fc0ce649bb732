import ExcelJS from 'exceljs';
import { LAYOUT } from './batch12337.ts';

/**
 * A workbook in the 12337 platform's export layout (编号, 时间, 地区, 被举报对象, 内容, 办理期限),
 * for tests, the demo data (server/db/seed) and the browser journey. Not used by the routes.
 */
export async function batchWorkbook(rows: ExcelJS.CellValue[][], opts: { headers?: string[]; sheet?: string } = {}) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(opts.sheet ?? '12337线索');
  sheet.addRow(opts.headers ?? [...LAYOUT]);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Beijing date-time text `days` from now, as the platform writes it ('2026-11-02 09:30'). */
export const beijing = (days: number, hour = 9) => {
  const d = new Date(Date.now() + days * 86400_000 + 8 * 3600_000);
  return `${d.toISOString().slice(0, 10)} ${String(hour).padStart(2, '0')}:30`;
};

/** A good row: 编号, time (yesterday), region, reported party, content, deadline in two weeks. */
export const batchRow = (ref: string, region = '龙口市', subject = '某某养生馆'): string[] => [
  ref, beijing(-1), region, subject, `${subject}以免费体检为名吸引老人，推销所谓能治病的保健品，价格高昂，请核查。编号${ref}`, beijing(14).slice(0, 10),
];
