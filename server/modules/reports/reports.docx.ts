import {
  AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType,
} from 'docx';
import { REPORT_KINDS } from '../../../shared/domain.ts';
import type { ReportRow } from './reports.repository.ts';
import { PERIOD_WORDS, dateText, numberText, periodText, urgentLines } from './reports.narrative.ts';

/**
 * A report as a Word document in the layout offices use for documents sent upward (after GB/T 9704):
 * A4 with the standard margins; the title centered in 二号 小标宋; 发文单位 and date below it in 三号
 * 楷体; headings 一、二、三、 in 三号 黑体; the body in 三号 仿宋 with a two-character first-line indent on
 * a fixed 28-point line; then the figures table and, in a daily report, the 要情 received. Written
 * only from the stored report, so the same report gives the same text every time.
 */

// Fonts by their Windows names (offices' machines have them); LibreOffice substitutes CJK fonts.
const FONT = { title: '方正小标宋简体', heading: '黑体', body: '仿宋_GB2312', kai: '楷体_GB2312' };
const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name });
const PT = (pt: number) => pt * 2; // docx sizes are half-points
const SIZE = { title: PT(22), body: PT(16), table: PT(12) }; // 二号 22pt, 三号 16pt, 小四 12pt
const LINE = { line: 560, lineRule: LineRuleType.EXACT }; // 28 pt
const MM = (mm: number) => Math.round((mm / 25.4) * 1440);

const body = (text: string) =>
  new Paragraph({ indent: { firstLine: SIZE.body * 20 }, spacing: LINE, alignment: AlignmentType.JUSTIFIED, children: [new TextRun({ text, font: font(FONT.body), size: SIZE.body })] });
const heading = (text: string) =>
  new Paragraph({ indent: { firstLine: SIZE.body * 20 }, spacing: LINE, children: [new TextRun({ text, font: font(FONT.heading), size: SIZE.body })] });
const centered = (text: string, f: string, size: number, spacing = LINE, keepNext = false) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing, keepNext, children: [new TextRun({ text, font: font(f), size })] });

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const cell = (text: string, opts: { bold?: boolean; right?: boolean; width: number }) =>
  new TableCell({
    width: { size: opts.width, type: WidthType.PERCENTAGE },
    verticalAlign: VerticalAlign.CENTER,
    borders: { top: border, bottom: border, left: border, right: border },
    children: [new Paragraph({
      alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.CENTER,
      children: [new TextRun({ text, bold: opts.bold, font: font(opts.bold ? FONT.heading : FONT.body), size: SIZE.table })],
    })],
  });

/** The figures table: 指标 | 单位 | 本期 | 环比基数 | 去年同期 (the comparisons are in the sentences). */
function figuresTable(r: ReportRow): Table {
  const words = PERIOD_WORDS[r.kind];
  const widths = [34, 12, 18, 18, 18];
  const header = ['指标', '单位', words.current, words.previous, '去年同期'];
  const rows = r.figures.indicators.map((f) => new TableRow({
    children: [
      cell(f.name, { width: widths[0] }),
      cell(f.unit, { width: widths[1] }),
      cell(numberText(f.key, f.value), { width: widths[2], right: true }),
      cell(f.source === 'none' ? '—' : f.previous === null ? '—' : numberText(f.key, f.previous), { width: widths[3], right: true }),
      cell(f.source === 'none' ? '—' : f.yoy === null ? '—' : numberText(f.key, f.yoy), { width: widths[4], right: true }),
    ],
  }));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, { bold: true, width: widths[i] })) }), ...rows],
  });
}

const paragraphs = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean).map(body);

export async function reportDocx(r: ReportRow): Promise<Buffer> {
  const children = [
    centered(r.title, FONT.title, SIZE.title, { line: 700, lineRule: LineRuleType.EXACT }),
    centered(r.issuer, FONT.kai, SIZE.body),
    centered(dateText(r.issuedOn), FONT.kai, SIZE.body),
    ...(r.status === 'draft' ? [centered('（草稿，未签发）', FONT.kai, SIZE.body)] : []),
    body(''),
    heading('一、工作开展情况'),
    ...paragraphs(r.sections.work),
    heading('二、存在的问题'),
    ...paragraphs(r.sections.problems),
    heading('三、下一步工作打算'),
    ...paragraphs(r.sections.plans),
    body(''),
    centered(`${r.regionName}${REPORT_KINDS[r.kind]}主要指标（${periodText(r.from, r.to)}）`, FONT.heading, SIZE.body, LINE, true),
    figuresTable(r),
    ...(r.figures.urgent.length ? [body(''), heading(`附：要情随报（${r.figures.urgent.length}件）`), ...urgentLines(r.figures.urgent).map(body)] : []),
    ...(r.signedBy && r.signedAt ? [body(''), new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, children: [new TextRun({ text: `签发人：${r.signedBy.name}`, font: font(FONT.body), size: SIZE.body })] })] : []),
  ];
  const doc = new Document({
    creator: r.issuer,
    title: r.title,
    styles: { default: { document: { run: { font: font(FONT.body), size: SIZE.body } } } },
    sections: [{ properties: { page: { size: { width: MM(210), height: MM(297) }, margin: { top: MM(37), bottom: MM(35), left: MM(28), right: MM(26) } } }, children }],
  });
  return Packer.toBuffer(doc);
}
