import type ExcelJS from 'exceljs';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { finishExport, newSheet } from '../../xlsx.ts';
import { SUBJECT_KIND_UNITS, type SubjectKind } from '../../../shared/domain.ts';
import { chinaToday } from '../../../shared/time.ts';
import { narrowedTo } from '../access/jurisdiction.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { childRegions, findRegion, regionPath } from '../regions/regions.repository.ts';
import { CHILD_LENGTH } from '../stats/engine.ts';
import * as repo from './screening.repository.ts';

/**
 * The official screening tables (统计表, issue 13 item 6): for a region of the user's jurisdiction
 * and a period, one row per child region (and 本级 for subjects registered at the region itself),
 * then 合计. Every figure comes from one grouped query (repo.tableFigures); what each column counts
 * is written in docs/indicators.md ("Official screening tables").
 */

export const OFFICIAL_TABLES = {
  institutions: { kind: 'elderly_care_institution', title: '养老服务机构诈骗风险隐患排查情况统计表', file: 'institutions-screening' },
  unregistered: { kind: 'unregistered_care_place', title: '未经登记但开展养老服务活动的场所风险隐患排查情况统计表', file: 'unregistered-places-screening' },
} as const satisfies Record<string, { kind: SubjectKind; title: string; file: string }>;
export type OfficialTable = keyof typeof OFFICIAL_TABLES;

export interface TableRow extends Omit<repo.TableFigures, 'fineFen'> { name: string; coverage: number | null; fineYuan: number }

/** 排查覆盖率: screened / in scope, in percent to one decimal; null when nothing is in scope (shown empty, never 0). */
const coverage = (screened: number, subjects: number) => (subjects ? Math.round((1000 * screened) / subjects) / 10 : null);
const COUNTS = ['subjects', 'screened', 'found', 'serious', 'general', 'rectified', 'verified', 'notices', 'penalties', 'police'] as const;

const rowOf = (name: string, f: Omit<repo.TableFigures, 'code'> & { code: string }): TableRow => {
  const { fineFen, ...rest } = f;
  return { ...rest, name, coverage: coverage(f.screened, f.subjects), fineYuan: fineFen / 100 };
};
const zero = (code: string): repo.TableFigures => ({ code, ...Object.fromEntries(COUNTS.map((k) => [k, 0])), fineFen: 0 }) as repo.TableFigures;

/** The table's rows (children in code order, 本级 when it has subjects) and its total, from one query. */
export async function tableRows(db: Db, user: SessionUser, table: OfficialTable, region: string | undefined, from: string, to: string) {
  const scope = narrowedTo(user, region);
  if (!scope) throw new AppError('NOT_FOUND');
  const root = scope.unitRegionCode;
  const found = await findRegion(db, root);
  if (!found && root !== '') throw new AppError('NOT_FOUND');
  const figures = new Map((await repo.tableFigures(db, scope, OFFICIAL_TABLES[table].kind, from, to, CHILD_LENGTH[root.length] ?? 12)).map((f) => [f.code, f]));
  const children = root.length < 12 ? await childRegions(db, root || null) : [];
  const rows = children.map((c) => rowOf(c.name, figures.get(c.code) ?? zero(c.code)));
  const own = figures.get(root);
  if (own) rows.push(rowOf('（本级）', own));
  const sum = zero(root);
  for (const f of figures.values()) {
    for (const k of COUNTS) sum[k] += f[k];
    sum.fineFen += f.fineFen;
  }
  return { regionCode: root, regionName: root === '' ? '全国' : await regionPath(db, root), rows, total: rowOf('合计', sum) };
}

/** The columns: key, heading (with its group above, if any), unit, number format. */
function columnsOf(unit: string): { key: keyof TableRow; group?: string; head: string; fmt: string; width: number }[] {
  return [
    { key: 'subjects', head: `在册主体数（${unit}）`, fmt: '0', width: 12 },
    { key: 'screened', head: `已排查（${unit}）`, fmt: '0', width: 11 },
    { key: 'coverage', head: '排查覆盖率（%）', fmt: '0.0', width: 11 },
    { key: 'found', group: '发现风险隐患（个）', head: '小计', fmt: '0', width: 9 },
    { key: 'serious', group: '发现风险隐患（个）', head: '重大隐患', fmt: '0', width: 9 },
    { key: 'general', group: '发现风险隐患（个）', head: '一般隐患', fmt: '0', width: 9 },
    { key: 'rectified', head: '已整改（个）', fmt: '0', width: 10 },
    { key: 'verified', head: '已销号（个）', fmt: '0', width: 10 },
    { key: 'notices', head: '下达整改通知（三书一函，份）', fmt: '0', width: 14 },
    { key: 'penalties', head: '行政处罚（次）', fmt: '0', width: 10 },
    { key: 'fineYuan', head: '罚没金额（元）', fmt: '0.00', width: 13 },
    { key: 'police', head: `移送公安机关（${unit}）`, fmt: '0', width: 12 },
  ];
}

/** Rows 1–2 of every official sheet: the title across the table, then region, period and who made it. */
export function officialHeading(sheet: ExcelJS.Worksheet, last: number, title: string, line: string) {
  sheet.mergeCells(1, 1, 1, last);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, last);
  sheet.getCell(2, 1).value = line;
  sheet.getRow(1).height = 28;
}

/** The table as an .xlsx workbook (two header rows, frozen with the region column), audited. */
export async function officialTableXlsx(db: Db, user: SessionUser, table: OfficialTable, q: { region?: string; from?: string; to?: string }) {
  const to = q.to ?? chinaToday();
  const from = q.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw new AppError('VALIDATION_FAILED', [{ path: 'from', message: '开始日期不能晚于结束日期' }]);
  const t = OFFICIAL_TABLES[table];
  const { regionCode, regionName, rows, total } = await tableRows(db, user, table, q.region, from, to);
  const cols = columnsOf(SUBJECT_KIND_UNITS[t.kind]);
  const { book, sheet } = newSheet('统计表', [{ key: 'name', width: 18 }, ...cols.map((c) => ({ key: c.key, width: c.width }))]);
  const last = cols.length + 1;
  officialHeading(sheet, last, t.title, `地区：${regionName}　统计期：${from} 至 ${to}　填报单位：${user.unitName}　制表日期：${chinaToday()}`);
  // Two header rows: a group heading over its columns, every other heading spanning both rows.
  sheet.getCell(3, 1).value = '地区';
  sheet.mergeCells(3, 1, 4, 1);
  cols.forEach((c, i) => {
    const col = i + 2;
    if (!c.group) {
      sheet.getCell(3, col).value = c.head;
      sheet.mergeCells(3, col, 4, col);
    } else {
      sheet.getCell(4, col).value = c.head;
      if (cols[i - 1]?.group !== c.group) {
        const span = cols.filter((x) => x.group === c.group).length;
        sheet.getCell(3, col).value = c.group;
        sheet.mergeCells(3, col, 3, col + span - 1);
      }
    }
  });
  for (const r of [3, 4]) {
    sheet.getRow(r).font = { bold: true };
    sheet.getRow(r).alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  }
  sheet.getRow(3).height = 36;
  const put = (r: TableRow, bold = false) => {
    const row = sheet.addRow([r.name, ...cols.map((c) => r[c.key])]);
    cols.forEach((c, i) => { row.getCell(i + 2).numFmt = c.fmt; });
    if (bold) row.font = { bold: true };
  };
  rows.forEach((r) => put(r));
  put(total, true);
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 4 }];
  sheet.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return finishExport(db, user, book, {
    action: 'screening.table_exported', entity: 'subject', filter: { table, regionCode, period: `${from} 至 ${to}` }, rows: rows.length, truncated: false,
  });
}
