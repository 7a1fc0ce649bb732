import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../../db/client.ts';
import { randomDigits, type Keys } from '../../crypto.ts';
import { AppError } from '../../errors.ts';
import { capRows, finishExport, newSheet, normaliseDate, openWorkbook, readCell, type Cell } from '../../xlsx.ts';
import { MEASURES, TIP_STATUSES, VERDICTS, type Measure, type Verdict } from '../../../shared/domain.ts';
import { chinaToday } from '../../../shared/time.ts';
import { actorOf, audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { addRegionName, indexRegions, jurisdictionRegions, regionPath, resolveRegion, type RegionIndex } from '../regions/regions.repository.ts';
import { sql } from '../../db/client.ts';
import { newTip, receivingOffice } from '../tips/tips.intake.service.ts';
import { insertSubmittedTips, type NewTip } from '../tips/tips.repository.ts';
import { tipFields } from '../tips/tips.schemas.ts';
import * as repo from './intake.repository.ts';
import type { TipImportResult } from './intake.schemas.ts';

/**
 * The 12337 batch (issue 12 item 5): the .xlsx an upper level hands down in the platform's export
 * layout (编号, 时间, 地区, 被举报对象, 内容, 办理期限), each good row a tip with source
 * platform_12337, its 编号 as the reference number, the platform's time and deadline; bad rows kept
 * with their row number and a Chinese reason (the bad-rows sheet). A 编号 registered before — by an
 * earlier batch or by hand — is not created again, so the same batch twice creates nothing. The
 * results go back up in the same layout (编号, 核查结论, 处理措施, 答复内容, 办结日期).
 *
 * All rows are written in one transaction, 500 to a statement, so a batch is imported whole or not
 * at all; 5,000 rows take a few seconds (measured in batch12337.test.ts), so the console shows the
 * upload's progress and waits for the answer — no background job.
 */

export const LAYOUT = ['编号', '时间', '地区', '被举报对象', '内容', '办理期限'] as const;
export const RESULT_LAYOUT = ['编号', '核查结论', '处理措施', '答复内容', '办结日期'] as const;
/** Rows one file may hold: a city's month of 12337 items fits; a bigger list is split. */
export const MAX_BATCH_ROWS = 5000;
export const MAX_BATCH_BYTES = 5 * 1024 * 1024;
const ERRORS_SHOWN = 200;
const CELL_KEPT = 200;
const CHUNK = 500;

const COL = { ref: 0, time: 1, region: 2, subject: 3, content: 4, due: 5 } as const;

/** '2026-11-02 09:30(:15)', '2026/11/2 9:30', an Excel date-time, or a date alone (00:00), in Beijing time → ISO; null if it is none of these. */
export function parseBeijingTime(c: Cell): string | null {
  if (c.at) {
    // Excel keeps wall-clock time without a zone; ExcelJS reads it as UTC: it is Beijing time.
    const ms = Date.parse(c.at);
    return Number.isNaN(ms) ? null : new Date(ms - 8 * 3600_000).toISOString();
  }
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+(\d{1,2})[:：时](\d{2})(?:[:：分](\d{2}))?秒?)?$/.exec(c.text.trim());
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1).map((x) => x ?? undefined) as string[];
  const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) - 8 * 3600_000;
  const back = new Date(ms + 8 * 3600_000);
  // A real calendar day and clock time (no 2月30日, no 25:00).
  if (back.getUTCFullYear() !== +y || back.getUTCMonth() !== +mo - 1 || back.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) return null;
  return new Date(ms).toISOString();
}

/** A date cell → 'YYYY-MM-DD' when it is a real day, else null. */
function parseDay(c: Cell): string | null {
  const t = normaliseDate(c);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) return null;
  const d = new Date(`${t}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === t ? t : null;
}

interface GoodRow { n: number; ref: string; at: string; regionCode: string; subject?: string; description: string; dueOn: string | null }

/** One row → a tip's facts, or the reason it cannot be one (the first problem found, in Chinese). */
function checkRow(n: number, cells: Cell[], regions: RegionIndex, now: number): GoodRow | { reason: string } {
  const formula = LAYOUT.find((_, i) => cells[i]?.formula);
  if (formula) return { reason: `“${formula}”含公式，请复制后“粘贴为数值”再导入` };
  const text = (i: number) => cells[i]?.text.trim() ?? '';
  const ref = text(COL.ref);
  if (!ref) return { reason: '缺少编号' };
  if (ref.length > 60 || /[\n\r\t]/.test(ref)) return { reason: '编号过长（不超过 60 个字）或含换行' };
  if (!text(COL.time)) return { reason: '缺少时间' };
  const at = parseBeijingTime(cells[COL.time]);
  if (!at) return { reason: `时间“${text(COL.time).slice(0, 30)}”无法识别，应为 2026-11-02 09:30 这样的日期时间` };
  if (Date.parse(at) > now + 3600_000) return { reason: '时间晚于当前时间' };
  if (at < '2000-01-01') return { reason: '时间早于 2000 年，请核对' };
  const regionText = text(COL.region);
  if (!regionText) return { reason: '缺少地区' };
  const key = regionText.replace(/\s+/g, '');
  const region = resolveRegion(regions, key);
  if ('problem' in region) {
    return { reason: region.problem === 'ambiguous' ? `地区“${regionText.slice(0, 20)}”有重名，请填写完整地区（如 山东省烟台市龙口市）或地区代码` : `地区“${regionText.slice(0, 30)}”不存在或不在本单位辖区内` };
  }
  const regionCode = region.code;
  const description = text(COL.content);
  if (!description) return { reason: '缺少内容' };
  const checked = tipFields.description.safeParse(description);
  if (!checked.success) return { reason: `内容：${checked.error.issues[0].message}` };
  const subject = text(COL.subject);
  if (subject.length > 100) return { reason: '被举报对象过长（不超过 100 个字）' };
  let dueOn: string | null = null;
  if (text(COL.due)) {
    dueOn = parseDay(cells[COL.due]);
    if (!dueOn) return { reason: `办理期限“${text(COL.due).slice(0, 30)}”不是有效日期，应为 2026-11-30 这样的日期` };
    if (dueOn < chinaToday(Date.parse(at))) return { reason: `办理期限 ${dueOn} 早于线索时间` };
  }
  return { n, ref, at, regionCode, subject: subject || undefined, description, dueOn };
}

/** The regions of the user's jurisdiction by code, by name and by full name (山东省烟台市龙口市). */
async function regionIndex(db: Db, user: SessionUser): Promise<RegionIndex> {
  const all = await jurisdictionRegions(db, user);
  const index = indexRegions(all);
  const nameOf = new Map(all.map((r) => [r.code, r.name]));
  const above = user.unitRegionCode ? (await regionPath(db, user.unitRegionCode)).replaceAll(' / ', '') : '';
  for (const r of all) {
    // The full name: the names above the user's unit, then each level down to the region.
    let full = '';
    for (const len of [2, 4, 6, 9, 12]) if (len <= r.code.length && len > user.unitRegionCode.length) full += nameOf.get(r.code.slice(0, len)) ?? '';
    const whole = above + full;
    if (whole !== r.name) addRegionName(index, whole, r.code);
  }
  return index;
}

/** Reads the batch's sheet: the layout's header in row 1, then rows (empty ones skipped). */
async function readBatch(file: Buffer) {
  const book = await openWorkbook(file, '文件解压后过大，请只保留线索清单后再导入');
  const sheet = book.worksheets[0];
  if (!sheet) throw new AppError('IMPORT_INVALID', [{ path: 'file', message: '文件中没有工作表' }]);
  const header = sheet.getRow(1);
  const wrong = LAYOUT.findIndex((h, i) => readCell(header.getCell(i + 1)).text.trim() !== h);
  if (wrong >= 0) {
    throw new AppError('IMPORT_INVALID', [{ path: 'file', message: `第 ${wrong + 1} 列的表头应为“${LAYOUT[wrong]}”：请导入 12337 平台导出的原表（列依次为 ${LAYOUT.join('、')}）` }]);
  }
  const rows: { n: number; cells: Cell[] }[] = [];
  let tooMany = false;
  sheet.eachRow((row, n) => {
    if (n === 1 || tooMany) return;
    const cells = LAYOUT.map((_, i) => readCell(row.getCell(i + 1)));
    if (cells.some((c) => c.text.trim() !== '')) rows.push({ n, cells });
    if (rows.length > MAX_BATCH_ROWS) tooMany = true;
  });
  if (tooMany) throw new AppError('PAYLOAD_TOO_LARGE', undefined, `一次最多导入 ${MAX_BATCH_ROWS} 行，请分成几个文件导入`);
  if (!rows.length) throw new AppError('IMPORT_INVALID', [{ path: 'file', message: '文件中没有线索：第 1 行为表头，线索从第 2 行起' }]);
  return rows;
}

/** Imports a 12337 batch into the user's office's queue. */
export async function importBatch(db: Db, keys: Keys, user: SessionUser, file: Buffer, fileName: string | null): Promise<TipImportResult> {
  if (user.unitKind !== 'campaign_office') throw new AppError('FORBIDDEN', undefined, '12337 批量导入由专项办办理');
  const rows = await readBatch(file);
  const regions = await regionIndex(db, user);
  const now = Date.now();
  const errors: repo.ImportError[] = [];
  const good: GoodRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { n, cells } of rows) {
    const refuse = (reason: string) => errors.push({ row: n, reason, cells: cells.map((c) => c.text.slice(0, CELL_KEPT)) });
    const r = checkRow(n, cells, regions, now);
    if ('reason' in r) { refuse(r.reason); continue; }
    const first = firstRowOf.get(r.ref);
    if (first) { refuse(`编号与第 ${first} 行重复`); continue; }
    firstRowOf.set(r.ref, n);
    good.push(r);
  }
  // Each row's receiving office (its own, unless the row names the office itself), found before the transaction.
  const offices = new Map<string, number>();
  for (const r of good) {
    const k = r.subject ?? '';
    if (!offices.has(k)) offices.set(k, await receivingOffice(db, user, { unitIds: [], subjectName: r.subject }));
  }
  const sha256 = createHash('sha256').update(file).digest('hex');
  return db.tx(async (q) => {
    // Imports queue one behind the other: a batch sent twice at once still creates each 编号 once.
    await q.query(sql`select pg_advisory_xact_lock(hashtext('shouhu.tip_imports'))`);
    const known = await repo.knownRefs(q, good.map((r) => r.ref));
    const fresh = good.filter((r) => !known.has(r.ref));
    const id = await repo.insertImport(q, user, user.unitId, { sha256, fileName, rowsTotal: rows.length, errors });
    const tips = fresh.map((r) => newTip(keys, {
      regionCode: r.regionCode, description: r.description, subject: r.subject ? { name: r.subject } : undefined, reporter: { anonymous: true },
    }, {
      source: 'platform_12337', officeUnitId: offices.get(r.subject ?? '')!, createdBy: user, accusedUnitIds: [],
      origin: { sourceRef: r.ref, sourceAt: r.at, sourceDueOn: r.dueOn, importId: id },
      eventText: `从 12337 平台批量导入（编号 ${r.ref}）`,
    }, randomDigits(16)));
    const created = await insertAll(q, tips);
    await repo.setImportCounts(q, id, created, good.length - fresh.length);
    const detail = { sha256, fileName, rows: rows.length, created, duplicates: good.length - fresh.length, refused: errors.length };
    await audit(q, actorOf(user), { action: 'tip.imported', entity: 'tip_import', entityId: id, detail });
    return {
      id, rowsTotal: rows.length, created, duplicates: good.length - fresh.length, refused: errors.length,
      errors: errors.slice(0, ERRORS_SHOWN).map(({ row, reason }) => ({ row, reason })),
    };
  });
}

/** Writes the tips CHUNK to a statement; a tracking code drawn twice (odds ~10^-12 a row) is drawn again. */
async function insertAll(q: Queryable, tips: NewTip[]): Promise<number> {
  let created = 0;
  for (let i = 0; i < tips.length; i += CHUNK) {
    let chunk = tips.slice(i, i + CHUNK);
    for (let attempt = 0; chunk.length && attempt < 5; attempt++) {
      const out = await insertSubmittedTips(q, chunk);
      created += out.filter((o) => o.outcome === 'inserted').length;
      chunk = chunk.filter((_, j) => out[j].outcome === 'code_taken').map((t) => ({ ...t, trackingCode: randomDigits(12) }));
    }
    if (chunk.length) throw new AppError('INTERNAL');
  }
  return created;
}

export async function listImports(db: Db, user: SessionUser) {
  const rows = await repo.importRows(db, user);
  return {
    items: rows.map((r) => ({
      id: r.id, fileName: r.file_name, rowsTotal: r.rows_total, created: r.created, duplicates: r.duplicates, refused: r.refused,
      createdAt: r.created_at, createdBy: r.created_by, closed: r.closed,
    })),
  };
}

/** The refused rows of a batch as a sheet: row number, reason, and the row as it came. */
export async function errorSheet(db: Db, user: SessionUser, importId: number) {
  const errors = await repo.importErrors(db, user, importId);
  if (!errors) throw new AppError('NOT_FOUND');
  const { book, sheet } = newSheet('错误行', [
    { header: '原表行号', key: 'row', width: 10 },
    { header: '原因', key: 'reason', width: 50 },
    ...LAYOUT.map((h, i) => ({ header: h, key: `c${i}`, width: i === COL.content ? 50 : 16 })),
  ]);
  for (const e of errors) sheet.addRow({ row: e.row, reason: e.reason, ...Object.fromEntries(e.cells.map((t, i) => [`c${i}`, t])) });
  return { buffer: Buffer.from(await book.xlsx.writeBuffer()), rows: errors.length, truncated: false };
}

const labelMeasures = (ms: string[] | null) => (ms ?? []).map((m) => MEASURES[m as Measure] ?? m).join('、');

/**
 * A batch's results for reporting upward, in the platform's layout: 编号, 核查结论 (the lead unit's
 * verdict; for a tip not yet closed, its state), 处理措施, 答复内容 (the public answer) and 办结日期
 * (Beijing date). Audited as an export.
 */
export async function resultsExport(db: Db, user: SessionUser, importId: number) {
  if (!(await repo.importExists(db, user, importId))) throw new AppError('NOT_FOUND');
  const { rows, truncated } = capRows(await repo.importResults(db, user, importId, MAX_BATCH_ROWS + 1), MAX_BATCH_ROWS);
  const { book, sheet } = newSheet('办理结果', RESULT_LAYOUT.map((h, i) => ({ header: h, key: `c${i}`, width: [20, 16, 24, 60, 12][i] })));
  for (const r of rows) {
    const done = r.status === 'closed' || r.status === 'rejected';
    const verdict = r.status === 'rejected' ? '不予受理' : done && r.verdict ? VERDICTS[r.verdict as Verdict] : done ? '' : `尚未办结（${TIP_STATUSES[r.status]}）`;
    sheet.addRow({
      c0: r.source_ref, c1: verdict, c2: done ? labelMeasures(r.measures) : '', c3: done ? (r.public_answer ?? '') : '',
      c4: done && r.closed_at ? chinaToday(r.closed_at.getTime()) : '',
    });
  }
  return finishExport(db, user, book, { action: 'tip.import_results_exported', entity: 'tip_import', filter: { importId }, rows: rows.length, truncated });
}
