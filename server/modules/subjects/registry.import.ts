import { createHash } from 'node:crypto';
import { collectGarbage } from '../../gc.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { newSheet, normaliseDate, readCell, sheetRows, type Cell } from '../../xlsx.ts';
import { SUBJECT_KIND_UNITS, SUBJECT_KINDS, SUBJECT_KINDS_WITH_AREA, SUBJECT_KINDS_WITH_BEDS, type SubjectKind } from '../../../shared/domain.ts';
import { inJurisdiction } from '../access/jurisdiction.ts';
import { actorOf, audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { indexRegions, jurisdictionRegions, resolveRegion, type RegionIndex } from '../regions/regions.repository.ts';
import { normalizeOrg } from '../intel/entities.ts';
import * as repo from './subjects.repository.ts';
import { subjectFacts } from './subjects.schemas.ts';
import { changedFacts, toFacts } from './subjects.service.ts';
import { refreshImported } from '../screening/grades.ts';

/**
 * The registry from Excel: a template per sector, and its import as a job. The file is checked at
 * once (an .xlsx of the sector's template, within the limits, its rows read) and answered 202 with the
 * job; each row is then checked by the entry form's schema and the duplicate rules, and
 * written a chunk at a time, the progress recorded for the console to poll. A row matches a registered
 * subject by credit code or by normalised name and address in its region: the same file twice
 * creates nothing, and a changed row updates only what changed, in the subject's history.
 */

export const SHEET = '主体名录';
export const MAX_IMPORT_ROWS = 100_000;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** What the workbook may unpack to: 100,000 rows are ~60 MB of XML; a zip bomb is refused before it is read. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
const CHUNK = 2000;
const ERRORS_SHOWN = 200;
const CELL_KEPT = 200;

type Field = 'name' | 'uscc' | 'region' | 'address' | 'registered' | 'licenceNo' | 'beds' | 'areaM2' | 'regulator' | 'contactName' | 'contactPhone' | 'commitmentSignedOn';
interface Column { field: Field; header: string; width: number }
const ALL: Column[] = [
  { field: 'name', header: '名称*', width: 30 },
  { field: 'uscc', header: '统一社会信用代码', width: 22 },
  { field: 'region', header: '地区（名称或代码）*', width: 18 },
  { field: 'address', header: '地址', width: 30 },
  { field: 'registered', header: '是否登记（是/否）', width: 10 },
  { field: 'licenceNo', header: '许可证/备案编号', width: 18 },
  { field: 'beds', header: '床位数（张）', width: 10 },
  { field: 'areaM2', header: '用地面积（平方米）', width: 14 },
  { field: 'regulator', header: '监管单位', width: 18 },
  { field: 'contactName', header: '联系人', width: 10 },
  { field: 'contactPhone', header: '联系电话', width: 14 },
  { field: 'commitmentSignedOn', header: '承诺书签订日期', width: 14 },
];
/** A sector's template columns: beds for institutions, area for land parcels. */
export function columnsOf(kind: SubjectKind): Column[] {
  return ALL.filter((c) => (c.field !== 'beds' || SUBJECT_KINDS_WITH_BEDS.includes(kind)) && (c.field !== 'areaM2' || SUBJECT_KINDS_WITH_AREA.includes(kind)));
}
const LABEL: Record<string, string> = Object.fromEntries(ALL.map((c) => [c.field, c.header.replace(/[*（].*$/, '').replace('*', '')]));
LABEL.regionCode = '地区';

export async function template(db: Db, user: SessionUser, kind: SubjectKind): Promise<Buffer> {
  const cols = columnsOf(kind);
  const { book, sheet } = newSheet(SHEET, cols.map((c) => ({ header: c.header, key: c.field, width: c.width })));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const help = book.addWorksheet('填写说明');
  help.columns = [{ header: '说明', key: 'a', width: 60 }, { header: '', key: 'b', width: 20 }];
  const lines: [string, string][] = [
    [`类别：${SUBJECT_KINDS[kind]}（计数单位：${SUBJECT_KIND_UNITS[kind]}）。本模板只用于导入这一类别。`, kind],
    ['在“主体名录”工作表中每行填写一个主体；带 * 的列必填，不要改动表头和工作表名称。', ''],
    ['统一社会信用代码为 18 位（含校验位）；有代码的按代码识别，没有的按“名称 + 地址 + 地区”识别。', ''],
    ['同一文件重复导入不会重复登记；内容有变化的行只更新变化的项，并记入修改记录。', ''],
    ['日期格式：2025-03-15；是否登记填“是”或“否”；有误的行列入错误表，改正后可再次导入。', ''],
    [`一次最多导入 ${MAX_IMPORT_ROWS} 行、文件不超过 20 MB。`, ''],
    ['本单位辖区的地区（名称或代码均可）', '代码'],
  ];
  for (const [a, b] of lines) help.addRow({ a, b });
  for (const r of (await jurisdictionRegions(db, user)).slice(0, 5000)) help.addRow({ a: r.name, b: r.code });
  return Buffer.from(await book.xlsx.writeBuffer());
}

// ── Reading ──────────────────────────────────────────────────────────────────────────────────

const number = (t: string) => (/^-?\d+(\.\d+)?$/.test(t.replace(/,/g, '')) ? Number(t.replace(/,/g, '')) : t);

/** One row → the entry form's body, or the reason it cannot be one. */
function rowToBody(kind: SubjectKind, cols: Column[], cells: Cell[], regions: RegionIndex): { body: Record<string, unknown> } | { reason: string; region?: string } {
  const at = (f: Field) => cells[cols.findIndex((c) => c.field === f)] ?? { text: '' };
  const formula = cols.find((_, i) => cells[i]?.formula);
  if (formula) return { reason: `“${LABEL[formula.field]}”含公式，请复制后“粘贴为数值”再导入` };
  const regionText = at('region').text.trim();
  if (!regionText) return { reason: '请填写地区' };
  const region = resolveRegion(regions, regionText);
  if ('problem' in region) {
    // An unknown name is checked later against the whole country (outside the jurisdiction, or no such region).
    return region.problem === 'ambiguous' ? { reason: `地区“${regionText.slice(0, 20)}”有重名，请填写地区代码` } : { reason: '', region: regionText };
  }
  const regionCode = region.code;
  const text = (f: Field) => at(f).text.trim() || undefined;
  const reg = text('registered');
  const registered = reg === undefined ? undefined : ['是', '已登记', 'Y', 'y', '1'].includes(reg) ? true : ['否', '未登记', 'N', 'n', '0'].includes(reg) ? false : null;
  if (registered === null) return { reason: '“是否登记”应填“是”或“否”' };
  const body: Record<string, unknown> = {
    regionCode, kind, name: at('name').text.trim(), uscc: text('uscc'), address: text('address'), registered, licenceNo: text('licenceNo'),
    regulator: text('regulator'), contactName: text('contactName'), contactPhone: text('contactPhone'),
    commitmentSignedOn: text('commitmentSignedOn') ? normaliseDate(at('commitmentSignedOn')) : undefined,
  };
  if (text('beds') !== undefined) body.beds = number(text('beds')!);
  if (text('areaM2') !== undefined) body.areaM2 = number(text('areaM2')!);
  return { body };
}

function reasonOf(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.slice(0, 3).map((i) => `${LABEL[String(i.path[0] ?? '')] ?? String(i.path[0] ?? '')}：${i.message}`).join('；');
}

type Row = { n: number; cells: Cell[] };

/**
 * The rows of the template's sheet, header checked, empty rows skipped, read as a stream: a row is
 * handed on and dropped, never the workbook kept (loaded whole, a 50,000-row file took ~350 MB).
 */
async function* readRows(file: Buffer, cols: Column[]): AsyncGenerator<Row> {
  let header = false;
  for await (const { n, row } of sheetRows(file, SHEET, { maxUnpacked: MAX_UNPACKED_BYTES, tooLarge: '文件解压后过大，请只保留“主体名录”工作表的数据后再导入' })) {
    if (n === 1) {
      const wrong = cols.findIndex((c, i) => readCell(row.getCell(i + 1)).text.trim() !== c.header);
      if (wrong >= 0) throw new AppError('IMPORT_INVALID', [{ path: 'file', message: `第 ${wrong + 1} 列的表头应为“${cols[wrong].header}”，请使用本类别下载的导入模板` }]);
      header = true;
      continue;
    }
    if (!header) throw new AppError('IMPORT_INVALID', [{ path: 'file', message: '第 1 行应为表头，请使用本类别下载的导入模板' }]);
    if (n > MAX_IMPORT_ROWS + 1) throw new AppError('PAYLOAD_TOO_LARGE', undefined, `一次最多导入 ${MAX_IMPORT_ROWS} 行，请分成几个文件导入`);
    const cells = cols.map((_, i) => readCell(row.getCell(i + 1)));
    if (cells.some((c) => c.text.trim() !== '')) yield { n, cells };
  }
  if (!header) throw new AppError('IMPORT_INVALID', [{ path: 'file', message: '“主体名录”工作表是空的，请使用本类别下载的导入模板' }]);
}

// ── The job ──────────────────────────────────────────────────────────────────────────────────

/** Imports running in this process: the app waits for them when it closes. */
const running = new Set<Promise<void>>();
export const importsSettled = () => Promise.allSettled([...running]);

/**
 * Checks the file is a workbook of the sector's template and starts its import; the rows are read
 * and written in the background (poll importStatus). A file that is not an .xlsx, has the wrong
 * header or too many rows is refused here, by a first pass that counts the rows and keeps none.
 */
export async function startImport(db: Db, user: SessionUser, kind: SubjectKind, file: Buffer, fileName: string | null): Promise<{ id: number }> {
  const cols = columnsOf(kind);
  let rowsTotal = 0;
  for await (const _ of readRows(file, cols)) if (++rowsTotal % CHUNK === 0) collectGarbage();
  const sha256 = createHash('sha256').update(file).digest('hex');
  const id = await repo.insertImport(db, user, kind, fileName?.slice(0, 200) ?? null, sha256);
  await repo.importProgress(db, id, { rowsTotal, rowsDone: 0, created: 0, updated: 0, unchanged: 0, refused: 0 });
  const job = runImport(db, user, id, kind, cols, file, rowsTotal).catch(async (err: unknown) => {
    await repo.finishImport(db, id, 'failed', [], '导入中断：' + (err instanceof Error ? err.message : String(err)).slice(0, 300)).catch(() => undefined);
  }).finally(() => running.delete(job));
  running.add(job);
  return { id };
}

/** A turn of the event loop (see the chunk loop in runImport). */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Good { n: number; cells: Cell[]; facts: repo.Facts; normalizedName: string; key: string }

/**
 * The import, streamed: each row is checked as it is read (on its own and against the rows above it,
 * which only their keys are remembered for), and every CHUNK good rows are matched against the
 * registry and written in one transaction, the progress recorded. Only the keys, the refused rows and
 * one chunk are held, so memory does not grow with the file (bench/import: 50,000 rows).
 */
async function runImport(db: Db, user: SessionUser, id: number, kind: SubjectKind, cols: Column[], file: Buffer, rowsTotal: number) {
  const errors: repo.ImportError[] = [];
  const refuse = (r: Row, reason: string) => errors.push({ row: r.n, reason, cells: r.cells.map((c) => c.text.slice(0, CELL_KEPT)) });
  const regions = indexRegions(await jurisdictionRegions(db, user));
  const firstByCode = new Map<string, number>();
  const firstByKey = new Map<string, number>();
  const usedExisting = new Map<number, number>();
  const counts = { rowsDone: 0, created: 0, updated: 0, unchanged: 0, refused: 0 };
  let good: Good[] = [];
  let unknownRegion: { r: Row; region: string }[] = [];
  let read = 0;

  const flush = async () => {
    await refuseUnknownRegions(db, unknownRegion, refuse);
    await writeChunk(db, user, id, good, usedExisting, refuse, counts);
    counts.rowsDone = read;
    counts.refused = errors.length;
    await repo.importProgress(db, id, { rowsTotal, ...counts });
    good = [];
    unknownRegion = [];
    // What the chunk parsed and wrote is garbage now: collected here, the import's peak stays near its live memory.
    collectGarbage();
    // Embedded PGlite answers every query in the same thread, as resolved promises: without a turn of
    // the event loop between chunks, the job held the server for its whole run (2 minutes for 50,000
    // rows on a loaded machine) and the progress the console polls for was never answered.
    await nextTurn();
  };

  for await (const r of readRows(file, cols)) {
    read++;
    const mapped = rowToBody(kind, cols, r.cells, regions);
    if ('reason' in mapped) {
      if (mapped.region !== undefined) unknownRegion.push({ r, region: mapped.region });
      else refuse(r, mapped.reason);
    } else {
      const parsed = subjectFacts.safeParse(mapped.body);
      if (!parsed.success) refuse(r, reasonOf(parsed.error.issues));
      else {
        const facts = toFacts(parsed.data);
        const normalizedName = normalizeOrg(facts.name);
        const key = `${facts.regionCode}|${normalizedName}|${repo.normalizeAddress(facts.address)}`;
        const sameCode = facts.uscc ? firstByCode.get(facts.uscc) : undefined;
        const sameKey = firstByKey.get(key);
        if (sameCode) refuse(r, `与第 ${sameCode} 行的统一社会信用代码相同，是同一主体`);
        else if (sameKey) refuse(r, `与第 ${sameKey} 行的名称、地址和地区相同，是同一主体`);
        else {
          if (facts.uscc) firstByCode.set(facts.uscc, r.n);
          firstByKey.set(key, r.n);
          good.push({ ...r, facts, normalizedName, key });
        }
      }
    }
    if (good.length >= CHUNK || read % CHUNK === 0) await flush();
  }
  await flush();
  errors.sort((a, b) => a.row - b.row);
  await db.tx(async (q) => {
    await repo.importProgress(q, id, { rowsTotal, ...counts, rowsDone: read, refused: errors.length });
    await repo.finishImport(q, id, 'done', errors, null);
    await audit(q, actorOf(user), {
      action: 'subject.imported', entity: 'registry_import', entityId: id,
      detail: { kind, rows: read, created: counts.created, updated: counts.updated, unchanged: counts.unchanged, refused: errors.length },
    });
  });
}

/** Regions typed that are not in the jurisdiction: unknown anywhere, or another office's. */
async function refuseUnknownRegions(db: Db, unknown: { r: Row; region: string }[], refuse: (r: Row, reason: string) => void) {
  if (!unknown.length) return;
  const texts = [...new Set(unknown.map((u) => u.region))];
  const known = new Set((await db.query<{ t: string }>('select code as t from regions where code = any($1::text[]) union select name from regions where name = any($1::text[])', [texts])).map((x) => x.t));
  for (const u of unknown) {
    refuse(u.r, known.has(u.region) ? `地区“${u.region.slice(0, 20)}”不在本单位辖区内，不能导入` : `地区“${u.region.slice(0, 20)}”不存在，请填写辖区内的地区名称或代码`);
  }
}

/** One chunk of checked rows matched against the registry and written in one transaction. */
async function writeChunk(
  db: Db, user: SessionUser, id: number, chunk: Good[], usedExisting: Map<number, number>,
  refuse: (r: Row, reason: string) => void, counts: { created: number; updated: number; unchanged: number },
) {
  if (!chunk.length) return;
  const { byCode, byName } = await repo.importMatches(
    db, chunk.flatMap((g) => (g.facts.uscc ? [g.facts.uscc] : [])), chunk.map((g) => ({ region: g.facts.regionCode, name: g.normalizedName })),
  );
  const codeMap = new Map(byCode.map((s) => [s.uscc!, s]));
  const keyMap = new Map<string, (typeof byName)[number]>();
  for (const s of byName) { const k = `${s.regionCode}|${s.normalizedName}|${s.normalizedAddress}`; if (!keyMap.has(k)) keyMap.set(k, s); }
  const creates: Good[] = [];
  const updates: { id: number; g: Good; facts: repo.Facts; changes: Record<string, [unknown, unknown]> }[] = [];
  for (const g of chunk) {
    const byC = g.facts.uscc ? codeMap.get(g.facts.uscc) : undefined;
    const byK = keyMap.get(g.key);
    if (byC && !inJurisdiction(user, byC.regionCode)) { refuse(g, '该统一社会信用代码已由辖区外的单位登记，不能导入'); continue; }
    if (byC && byK && byC.id !== byK.id) { refuse(g, `信用代码与“${byC.name}”相同，名称和地址却与“${byK.name}”相同：请先合并重复记录`); continue; }
    if (!byC && byK && g.facts.uscc && byK.uscc && byK.uscc !== g.facts.uscc) {
      refuse(g, `本地区已登记同名同地址的“${byK.name}”，但统一社会信用代码不同，请核实`); continue;
    }
    const existing = byC ?? byK;
    if (!existing) { creates.push(g); continue; }
    const first = usedExisting.get(existing.id);
    if (first) { refuse(g, `与第 ${first} 行对应同一已登记主体“${existing.name}”`); continue; }
    usedExisting.set(existing.id, g.n);
    // An empty credit code keeps the one registered.
    const facts = { ...g.facts, uscc: g.facts.uscc ?? existing.uscc };
    const changes = changedFacts(existing, facts);
    if (Object.keys(changes).length) updates.push({ id: existing.id, g: { ...g, facts }, facts, changes });
    else counts.unchanged++;
  }
  await db.tx(async (q) => {
    counts.created += await repo.insertSubjects(q, creates, user.id);
    for (const u of updates) await repo.updateSubject(q, u.id, u.facts, u.g.normalizedName);
    await repo.insertHistory(q, updates.map((u) => ({ subjectId: u.id, source: 'imported' as const, changes: u.changes, importId: id })), user.id);
    await refreshImported(q, updates.map((u) => u.id), creates.map((g) => ({ uscc: g.facts.uscc ?? null, normalizedName: g.normalizedName })), user.id);
    counts.updated += updates.length;
  });
}

/** An import's state (the user's unit's own), with the first refused rows. */
export async function importStatus(db: Db, user: SessionUser, id: number) {
  const found = await repo.findImport(db, user, id);
  if (!found) throw new AppError('NOT_FOUND');
  return { ...found, errors: found.errors.slice(0, ERRORS_SHOWN).map(({ row, reason }) => ({ row, reason })) };
}

/** The refused rows as a sheet: row number, reason, and the row as it was typed. */
export async function errorSheet(db: Db, user: SessionUser, id: number): Promise<{ buffer: Buffer; rows: number; truncated: boolean }> {
  const found = await repo.findImport(db, user, id);
  if (!found) throw new AppError('NOT_FOUND');
  const cols = columnsOf(found.kind as SubjectKind);
  const { book, sheet } = newSheet('错误行', [
    { header: '原表行号', key: 'row', width: 10 },
    { header: '原因', key: 'reason', width: 50 },
    ...cols.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width })),
  ]);
  for (const e of found.errors) sheet.addRow({ row: e.row, reason: e.reason, ...Object.fromEntries(e.cells.map((t, i) => [`c${i}`, t])) });
  return { buffer: Buffer.from(await book.xlsx.writeBuffer()), rows: found.errors.length, truncated: false };
}
