import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { newSheet, normaliseDate, openWorkbook, readCell, type Cell } from '../../xlsx.ts';
import { PUBLICITY_COUNT_KEYS, PUBLICITY_KINDS, PUBLICITY_KIND_CODES, type PublicityKind } from '../../../shared/domain.ts';
import { INDICATORS } from '../../../shared/indicators.ts';
import { actorOf, audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { indexRegions, jurisdictionRegions, resolveRegion, type RegionIndex } from '../regions/regions.repository.ts';
import * as repo from './publicity.repository.ts';
import { activityBody, type ImportResult } from './publicity.schemas.ts';
import { toNew } from './publicity.service.ts';

/**
 * Bulk entry from Excel: the template, and its import. Every row is checked by the same schema as
 * the entry form; good rows are written in one statement, refused rows are kept with their row number
 * and a Chinese reason (the error sheet). A row's fingerprint (a hash of its content) is unique per
 * unit, so importing the same file again — or a row already imported — creates nothing.
 */

export const SHEET = '宣传活动';
/** Rows one file may hold: a county's year fits; a province splits its file. */
export const MAX_IMPORT_ROWS = 5000;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Refused rows answered in the JSON (all of them are in the error sheet). */
const ERRORS_SHOWN = 200;
/** A cell copied into the error sheet is cut to this many characters. */
const CELL_KEPT = 200;

type Field = 'startDate' | 'endDate' | 'region' | 'kind' | 'title' | 'place' | 'coOrganisers' | 'note' | (typeof PUBLICITY_COUNT_KEYS)[number];
const COUNT_HEADERS: Record<(typeof PUBLICITY_COUNT_KEYS)[number], string> = {
  materials_distributed: '发放宣传资料', banners: '悬挂横幅', posters: '张贴海报/展板', people_reached: '覆盖人数', households_visited: '入户',
  media_posts: '新媒体推送', videos_made: '制作视频', sms_sent: '发送短信',
};
/** The template's columns, in order: the field each fills and its header (a count's header says its unit). */
export const COLUMNS: { field: Field; header: string; width: number }[] = [
  { field: 'startDate', header: '开始日期*', width: 12 },
  { field: 'endDate', header: '结束日期', width: 12 },
  { field: 'region', header: '地区（名称或代码）*', width: 18 },
  { field: 'kind', header: '活动形式*', width: 20 },
  { field: 'title', header: '活动名称*', width: 30 },
  { field: 'place', header: '活动地点', width: 20 },
  { field: 'coOrganisers', header: '协办单位（用、分隔）', width: 24 },
  ...PUBLICITY_COUNT_KEYS.map((k) => ({ field: k, header: `${COUNT_HEADERS[k]}（${INDICATORS[k][1]}）`, width: 12 })),
  { field: 'note', header: '备注', width: 24 },
];
const LABEL: Record<string, string> = {
  startDate: '开始日期', endDate: '结束日期', regionCode: '地区', kind: '活动形式', title: '活动名称', place: '活动地点', coOrganisers: '协办单位', note: '备注',
  ...COUNT_HEADERS,
};

/** The template: the data sheet with its headers, and a sheet of instructions with the kinds and the user's regions. */
export async function template(db: Db, user: SessionUser): Promise<Buffer> {
  const { book, sheet } = newSheet(SHEET, COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width })));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const help = book.addWorksheet('填写说明');
  help.columns = [{ header: '说明', key: 'a', width: 50 }, { header: '', key: 'b', width: 30 }];
  const lines: [string, string][] = [
    ['在“宣传活动”工作表中每行填写一次活动；带 * 的列必填，不要改动表头和工作表名称。', ''],
    ['日期格式：2025-03-15（北京时间）；单日活动只填开始日期。', ''],
    [`数量填非负整数，不填视为 0；一次最多导入 ${MAX_IMPORT_ROWS} 行。`, ''],
    ['同一文件重复导入不会重复登记；有误的行会列在错误表中，改正后可再次导入。', ''],
    ['活动形式（填名称）', ''],
    ...PUBLICITY_KIND_CODES.map((k): [string, string] => [PUBLICITY_KINDS[k], '']),
    ['本单位辖区的地区（名称或代码均可）', '代码'],
  ];
  for (const [a, b] of lines) help.addRow({ a, b });
  for (const r of (await jurisdictionRegions(db, user)).slice(0, 5000)) help.addRow({ a: r.name, b: r.code });
  return Buffer.from(await book.xlsx.writeBuffer());
}

const KIND_BY_NAME = new Map<string, PublicityKind>();
for (const k of PUBLICITY_KIND_CODES) {
  KIND_BY_NAME.set(k, k);
  KIND_BY_NAME.set(PUBLICITY_KINDS[k], k);
  for (const part of PUBLICITY_KINDS[k].split('/')) KIND_BY_NAME.set(part, k);
}

/** One row → the entry form's body, or the reason it cannot be one. */
function rowToBody(cells: Cell[], regions: RegionIndex): { body: unknown } | { reason: string } {
  const at = (f: Field) => cells[COLUMNS.findIndex((c) => c.field === f)] ?? { text: '' };
  const formula = COLUMNS.find((_, i) => cells[i]?.formula);
  if (formula) return { reason: `“${formula.header.replace('*', '')}”含公式，请复制后“粘贴为数值”再导入` };
  const regionText = at('region').text.trim();
  if (!regionText) return { reason: '请填写地区' };
  const region = resolveRegion(regions, regionText);
  if ('problem' in region) {
    return { reason: region.problem === 'ambiguous' ? `地区“${regionText.slice(0, 20)}”有重名，请填写地区代码` : `地区“${regionText.slice(0, 20)}”不存在或不在本单位辖区内` };
  }
  const regionCode = region.code;
  const kindText = at('kind').text.trim();
  const kind = KIND_BY_NAME.get(kindText);
  if (!kind) return { reason: kindText ? `活动形式“${kindText.slice(0, 20)}”不在模板列出的形式中` : '请填写活动形式' };
  const counts: Record<string, unknown> = {};
  for (const k of PUBLICITY_COUNT_KEYS) {
    const t = at(k).text.trim().replace(/,/g, '');
    counts[k] = t === '' ? 0 : /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
  }
  const text = (f: Field) => at(f).text.trim() || undefined;
  return {
    body: {
      kind, title: at('title').text.trim(), place: text('place'), regionCode, startDate: normaliseDate(at('startDate')),
      endDate: at('endDate').text.trim() ? normaliseDate(at('endDate')) : undefined,
      coOrganisers: (text('coOrganisers') ?? '').split(/[、,，;；]/).map((s) => s.trim()).filter(Boolean),
      counts, note: text('note'),
    },
  };
}

/** The schema's first complaint about a row, named by its column. */
function reasonOf(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.slice(0, 3).map((i) => {
    const key = String(i.path[i.path.length - 1] === undefined ? '' : i.path[0] === 'counts' ? i.path[1] : i.path[0]);
    return `${LABEL[key] ?? key}：${i.message}`;
  }).join('；');
}

const fingerprint = (a: repo.NewActivity) =>
  createHash('sha256').update(JSON.stringify([a.regionCode, a.kind, a.title, a.place, a.startDate, a.endDate, a.coOrganisers, a.counts, a.note])).digest('hex');

/** Reads, checks and imports a template file for the user's unit. */
export async function importActivities(db: Db, user: SessionUser, file: Buffer): Promise<ImportResult> {
  const book = await openWorkbook(file, '文件解压后过大，请只保留“宣传活动”工作表的数据后再导入');
  const sheet = book.getWorksheet(SHEET);
  if (!sheet) throw new AppError('IMPORT_INVALID', [{ path: 'file', message: `找不到名为“${SHEET}”的工作表，请使用下载的导入模板` }]);
  const header = sheet.getRow(1);
  const wrong = COLUMNS.findIndex((c, i) => readCell(header.getCell(i + 1)).text.trim() !== c.header);
  if (wrong >= 0) throw new AppError('IMPORT_INVALID', [{ path: 'file', message: `第 ${wrong + 1} 列的表头应为“${COLUMNS[wrong].header}”，请使用下载的导入模板` }]);

  const rows: { n: number; cells: Cell[] }[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const cells = COLUMNS.map((_, i) => readCell(row.getCell(i + 1)));
    if (cells.some((c) => c.text.trim() !== '')) rows.push({ n, cells });
  });
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new AppError('PAYLOAD_TOO_LARGE', undefined, `一次最多导入 ${MAX_IMPORT_ROWS} 行，本文件有 ${rows.length} 行，请分成几个文件导入`);
  }

  const regions = indexRegions(await jurisdictionRegions(db, user));

  const errors: repo.ImportError[] = [];
  const good: (repo.NewActivity & { fingerprint: string })[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { n, cells } of rows) {
    const refuse = (reason: string) => errors.push({ row: n, reason, cells: cells.map((c) => c.text.slice(0, CELL_KEPT)) });
    const mapped = rowToBody(cells, regions);
    if ('reason' in mapped) { refuse(mapped.reason); continue; }
    const parsed = activityBody.safeParse(mapped.body);
    if (!parsed.success) { refuse(reasonOf(parsed.error.issues)); continue; }
    const a = toNew(parsed.data);
    const fp = fingerprint(a);
    const first = firstRowOf.get(fp);
    if (first) { refuse(`与第 ${first} 行内容完全相同，未重复导入`); continue; }
    firstRowOf.set(fp, n);
    good.push({ ...a, fingerprint: fp });
  }

  const sha256 = createHash('sha256').update(file).digest('hex');
  return db.tx(async (q) => {
    const id = await repo.insertImport(q, user, { sha256, rowsTotal: rows.length, created: 0, duplicates: 0, errors });
    const written = await repo.insertImported(q, user, good, id);
    const created = written.length;
    const duplicates = good.length - created;
    await repo.setImportCounts(q, id, created, duplicates);
    await audit(q, actorOf(user), {
      action: 'publicity.imported', entity: 'publicity_import', entityId: id, detail: { sha256, rows: rows.length, created, duplicates, refused: errors.length },
    });
    return { id, rowsTotal: rows.length, created, duplicates, refused: errors.length, errors: errors.slice(0, ERRORS_SHOWN).map(({ row, reason }) => ({ row, reason })) };
  });
}

/** The refused rows of an import as a sheet: row number, reason, and the row as it was typed. */
export async function errorSheet(db: Db, user: SessionUser, importId: number): Promise<{ buffer: Buffer; rows: number; truncated: boolean }> {
  const errors = await repo.importErrors(db, user, importId);
  if (!errors) throw new AppError('NOT_FOUND');
  const { book, sheet } = newSheet('错误行', [
    { header: '原表行号', key: 'row', width: 10 },
    { header: '原因', key: 'reason', width: 50 },
    ...COLUMNS.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width })),
  ]);
  for (const e of errors) sheet.addRow({ row: e.row, reason: e.reason, ...Object.fromEntries(e.cells.map((t, i) => [`c${i}`, t])) });
  return { buffer: Buffer.from(await book.xlsx.writeBuffer()), rows: errors.length, truncated: false };
}
