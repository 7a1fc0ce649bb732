import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { chinaToday } from '../shared/time.ts';
import type { Queryable } from './db/client.ts';
import { actorOf, audit } from './modules/audit/audit.service.ts';
import type { SessionUser } from './modules/auth/auth.service.ts';
import { AppError } from './errors.ts';

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

// ── Reading a file ───────────────────────────────────────────────────────────────────────────

/**
 * The unpacked size of a zip (an .xlsx) from its central directory, without unpacking it; null when
 * the bytes are not a zip. Lets a zip bomb be refused before any XML is inflated.
 */
export function unpackedSize(buf: Buffer): number | null {
  // The end-of-central-directory record is in the last 22 + 65535 bytes.
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) !== 0x06054b50) continue;
    const entries = buf.readUInt16LE(i + 10);
    let at = buf.readUInt32LE(i + 16);
    let total = 0;
    for (let e = 0; e < entries; e++) {
      if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return null;
      total += buf.readUInt32LE(at + 24);
      at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    }
    return total;
  }
  return null;
}

/** A cell as the text the clerk sees; a formula is reported, never evaluated or trusted. */
/** `at`: a date cell's full value (ISO, the wall-clock time Excel keeps, read as UTC). */
export type Cell = { text: string; date?: string; at?: string; formula?: boolean };
export function readCell(cell: ExcelJS.Cell): Cell {
  const v = cell.value;
  if (v == null) return { text: '' };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10), date: v.toISOString().slice(0, 10), at: v.toISOString() };
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) return { text: own(`=${'formula' in v ? v.formula : v.sharedFormula}`), formula: true };
    if ('richText' in v) return { text: own(v.richText.map((r) => r.text).join('')) };
    if ('text' in v) return { text: own(String(v.text)) };
    if ('error' in v) return { text: String(v.error) };
    return { text: '' };
  }
  return { text: own(String(v)) };
}

/**
 * A copy of a cell's text that owns its characters. The stream reader's cell texts are slices of the
 * XML chunk they were parsed from, and V8 keeps a slice's whole parent string alive: 50,000 rows kept
 * as slices held ~90 MB of XML, as copies 26 MB (measured, docs/benchmarks.md bench/import).
 */
const own = (s: string) => (s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8'));

/** '2025-03-15', '2025/3/15', '2025.3.15', '2025年3月15日' or an Excel date → 'YYYY-MM-DD'; anything else as it was (the schema refuses it). */
export function normaliseDate(c: Cell): string {
  if (c.date) return c.date;
  const t = c.text.trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t);
  if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  // A date typed as a plain number is Excel's serial day (1900 system).
  if (/^\d{5}$/.test(t)) return new Date((Number(t) - 25569) * 86400_000).toISOString().slice(0, 10);
  return t;
}

/** What a workbook may unpack to: a 5 MB .xlsx of 5,000 rows is ~10 MB of XML; a zip bomb is refused before it is read. */
const MAX_UNPACKED_BYTES = 60 * 1024 * 1024;

/**
 * An uploaded .xlsx, opened: 422 IMPORT_INVALID when it is not a zip or not a workbook, 413 when it
 * would unpack to more than MAX_UNPACKED_BYTES (checked from the zip's directory before unpacking).
 */
export async function openWorkbook(file: Buffer, tooLarge: string): Promise<ExcelJS.Workbook> {
  const size = unpackedSize(file);
  if (size === null) throw new AppError('IMPORT_INVALID', [{ path: 'file', message: '文件不是 Excel（.xlsx）文件' }]);
  if (size > MAX_UNPACKED_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', undefined, tooLarge);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new AppError('IMPORT_INVALID', [{ path: 'file', message: '文件已损坏或不是 Excel（.xlsx）文件' }]);
  }
  return book;
}

// ── Reading a large file as a stream ─────────────────────────────────────────────────────────

/** UTF-8 text from byte chunks, a character split between two chunks decoded whole. */
async function* utf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** The parts of ExcelJS's stream reader (4.4) this file reaches into; see Utf8WorkbookReader. */
interface ReaderInternals {
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}
const StreamReader = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (input: Readable, options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>) =>
  ExcelJS.stream.xlsx.WorkbookReader & ReaderInternals;

/**
 * ExcelJS's stream reader with its UTF-8 decoding fixed. It decodes each inflated chunk (16 KB) of
 * the shared strings and of a sheet on its own, so a Chinese character split between two chunks
 * comes out as “��” (exceljs issues #2063, #2084, #2316; PRs #1665, #2081 unmerged): bench/import
 * lost 2 region names in 50,000 rows. Here both parts are decoded as one text before the XML parser
 * sees them (a decoded string passes through ExcelJS's own decoding unchanged). Tested in xlsx.test.ts
 * with characters placed across every chunk boundary.
 */
class Utf8WorkbookReader extends StreamReader {
  _parseSharedStrings(entry: NodeJS.ReadableStream) {
    entry.setEncoding('utf8');
    return super._parseSharedStrings(entry);
  }
  *_parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string) {
    yield* super._parseWorksheet(utf8(iterator), sheetNo);
  }
}

/**
 * The rows of one sheet of an uploaded .xlsx, read as a stream (the whole workbook is never held: a
 * 50,000-row file loaded whole takes ~350 MB). The same checks as openWorkbook first (not a zip,
 * unpacks to more than `maxUnpacked`); 422 when the sheet is missing. Rows come with their number
 * (1 = the header), cells read as readCell reads them.
 */
export async function* sheetRows(file: Buffer, sheetName: string, opts: { maxUnpacked: number; tooLarge: string }): AsyncGenerator<{ n: number; row: ExcelJS.Row }> {
  const size = unpackedSize(file);
  if (size === null) throw new AppError('IMPORT_INVALID', [{ path: 'file', message: '文件不是 Excel（.xlsx）文件' }]);
  if (size > opts.maxUnpacked) throw new AppError('PAYLOAD_TOO_LARGE', undefined, opts.tooLarge);
  const reader = new Utf8WorkbookReader(Readable.from([file]), {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore',
  });
  let found = false;
  try {
    for await (const sheet of reader) {
      // Other sheets (the template's instructions) are read past, not kept.
      if ((sheet as unknown as { name: string }).name !== sheetName) {
        for await (const _ of sheet) void _;
        continue;
      }
      found = true;
      for await (const row of sheet) yield { n: row.number, row };
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('IMPORT_INVALID', [{ path: 'file', message: '文件已损坏或不是 Excel（.xlsx）文件' }]);
  }
  if (!found) throw new AppError('IMPORT_INVALID', [{ path: 'file', message: `找不到名为“${sheetName}”的工作表，请使用下载的导入模板` }]);
}
