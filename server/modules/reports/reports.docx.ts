import {
  AlignmentType, BorderStyle, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, Tab, TabStopType, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType,
  type ParagraphChild,
} from 'docx';
import { REPORT_KINDS } from '../../../shared/domain.ts';
import { chinaToday } from '../../../shared/time.ts';
import type { ReportRow } from './reports.repository.ts';
import { PERIOD_WORDS, dateText, numberText, periodText, urgentLines } from './reports.narrative.ts';

/**
 * A report as a Word document in the layout of GB/T 9704-2012 《党政机关公文格式》, the rules in
 * docs/reports.md: A4 with 天头 37 mm and 订口 28 mm (版心 156 × 225 mm), 22 fixed lines of 28
 * characters; the title in 2号 方正小标宋简体; the body in 3号 仿宋_GB2312, headings 一、 in 黑体 and （一）
 * in 楷体_GB2312; 发文机关署名 and 成文日期 after the body (not sealed: 7.3.5.2); the figures table and the
 * 要情 as 附件 on pages of their own; the 版记 (印发机关, 印发日期) at the end; page numbers "— 1 —" in 4号
 * 宋体 under the 版心, odd pages right and even pages left. Written only from the stored report, so the
 * same report gives the same file every time.
 */

// Fonts by the names offices' machines have them (Windows, with the 方正 and GB2312 fonts installed);
// the file names them, never embeds them, and LibreOffice substitutes what it has.
const DOCX_FONTS = { title: '方正小标宋简体', heading: '黑体', body: '仿宋_GB2312', kai: '楷体_GB2312', pageNumber: '宋体' } as const;
const FONT = DOCX_FONTS;
const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name });
const PT = (pt: number) => pt * 2; // docx sizes are half-points
/** 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt. */
const SIZE = { title: PT(22), body: PT(16), pageNumber: PT(14), table: PT(12) };
const MM = (mm: number) => Math.round((mm / 25.4) * 1440);

/** GB/T 9704 5.2.1: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm (so 地脚 35 mm and 翻口 26 mm). */
const DOCX_PAGE = {
  width: MM(210), height: MM(297),
  margin: { top: MM(37), bottom: MM(297 - 37 - 225), left: MM(28), right: MM(210 - 28 - 156) },
};
/**
 * 5.2.3: 22 lines of 28 characters filling the 版心. A line is 225 mm / 22 = 28.95 pt: every paragraph
 * (and the Normal style, for paragraphs an office adds) has that fixed line spacing (579 twips; 22 lines
 * are 224.7 mm). A character is 156 mm / 28 = 15.79 pt (see CONDENSE). No document grid: LibreOffice
 * draws Word's linesAndChars grid with 20 characters a line and 16 lines a page, and even a lines-only
 * grid gives the 2号 title two grid lines each, while the fixed spacing gives the same page everywhere.
 */
const LINE_TWIPS = Math.floor(MM(225) / 22);
const CHAR_PT = ((156 / 25.4) * 72) / 28;
const DOCX_LINE = { line: LINE_TWIPS, lineRule: LineRuleType.EXACT };
const LINE = DOCX_LINE;
/**
 * The character pitch without a character grid (LibreOffice draws Word's linesAndChars grid with 20
 * characters a line): every character condensed by 16 pt − 15.79 pt, rounded up to a quarter point
 * (−5 twentieths), so 28 characters of 3号 fit the 156 mm line (441 pt of 442.2) and a 29th does not.
 */
const DOCX_CONDENSE = -Math.ceil((16 - CHAR_PT) * 20);
const CONDENSE = DOCX_CONDENSE;
/** One character (字) of the 3号 body, in twips: indents are counted in characters. */
const CHAR = 16 * 20 + CONDENSE;
/**
 * 7.5: the page number's 一字线 7 mm below the 版心's lower edge. Word puts the footer's last line
 * `footer` above the page's edge, so that distance is the 地脚 less 7 mm less the number's line (4号).
 */
const PAGE_NUMBER_LINE = PT(14) * 10; // 14 pt in twips
const FOOTER_DISTANCE = DOCX_PAGE.margin.bottom - MM(7) - PAGE_NUMBER_LINE;

const run = (text: string, f: string, size = SIZE.body) => new TextRun({ text, font: font(f), size });
const para = (children: ParagraphChild[], opts: Omit<ConstructorParameters<typeof Paragraph>[0] & object, 'children'> = {}) =>
  new Paragraph({ spacing: LINE, ...opts, children });
const blank = () => para([]);

/** Level-1 numbering 一、 (黑体), level-2 （一） (楷体: the heading up to its first 。, the rest in the body font). */
const LEVEL1 = /^[一二三四五六七八九十]+、/;
const LEVEL2 = /^（[一二三四五六七八九十]+）/;
function bodyLine(text: string): Paragraph {
  const indent = { firstLine: 2 * CHAR };
  if (LEVEL1.test(text)) return para([run(text, FONT.heading)], { indent });
  if (LEVEL2.test(text)) {
    const end = text.indexOf('。');
    const head = end < 0 ? text : text.slice(0, end + 1);
    return para([run(head, FONT.kai), ...(end < 0 ? [] : [run(text.slice(end + 1), FONT.body)])], { indent, alignment: AlignmentType.JUSTIFIED });
  }
  return para([run(text, FONT.body)], { indent, alignment: AlignmentType.JUSTIFIED });
}
const paragraphs = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean).map(bodyLine);

/** The title (7.3.1): 2号 小标宋, centered, on the body's fixed lines. */
const title = (text: string) => para([run(text, FONT.title, SIZE.title)], { alignment: AlignmentType.CENTER });

/**
 * How many characters wide a text is, for placing it: CJK one; ASCII (the date's digits) three
 * quarters — 仿宋_GB2312 draws digits half-width and Word and LibreOffice add about a quarter
 * character between digits and CJK (LibreOffice's substitute digits are a little wider again).
 */
const widthInChars = (s: string) => [...s].reduce((n, c) => n + (c.charCodeAt(0) < 0x80 ? 0.75 : 1), 0);

/**
 * 7.3.5.2 (not sealed): 发文机关署名 right-indented two characters, below the body and a blank line;
 * 成文日期 on the next line, its first character two to the right of the 署名's first. Both are placed by
 * their first character (a left indent in characters), which for the all-CJK 署名 is exact whatever
 * the font. When the date would then reach past the two free characters (a short 署名), the date is
 * right-indented two characters instead and the 署名 starts two characters before it.
 */
function signature(issuer: string, date: string): Paragraph[] {
  let issuerAt = 28 - 2 - widthInChars(issuer);
  let dateAt = issuerAt + 2;
  if (dateAt + widthInChars(date) > 28 - 2) {
    dateAt = 28 - 2 - widthInChars(date);
    issuerAt = dateAt - 2;
  }
  const at = (chars: number) => ({ left: Math.max(0, Math.round(chars * CHAR)) });
  return [para([run(issuer, FONT.body)], { indent: at(issuerAt) }), para([run(date, FONT.body)], { indent: at(dateAt) })];
}

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

/**
 * 7.3.7: an attachment starts a page; "附件" and its number in 3号 黑体 flush left on the first line,
 * its title centered on the third (as a title, 2号 小标宋).
 */
const attachmentHead = (label: string, name: string) => [
  para([run(label, FONT.heading)], { pageBreakBefore: true }),
  blank(),
  title(name),
  blank(),
];

/**
 * 7.4: the 版记 — 印发机关 one character (4号) from the left, 印发日期 (…印发) one from the right, in 4号 仿宋,
 * between a first and a last rule (0.35 mm ≈ 1 pt: 8 eighths of a point), as wide as the 版心. It
 * follows the last content on the last page (docs/reports.md: a flowing document cannot pin it to the
 * 版心's lower edge).
 */
function colophon(issuer: string, printedOn: string): Paragraph {
  const rule = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 };
  const oneChar = PAGE_NUMBER_LINE; // one 4号 character
  return new Paragraph({
    spacing: LINE,
    keepLines: true,
    border: { top: rule, bottom: rule },
    indent: { left: oneChar, right: oneChar },
    tabStops: [{ type: TabStopType.RIGHT, position: DOCX_PAGE.width - DOCX_PAGE.margin.left - DOCX_PAGE.margin.right - oneChar }],
    children: [run(issuer, FONT.body, SIZE.pageNumber), new TextRun({ children: [new Tab(), `${dateText(printedOn)}印发`], font: font(FONT.body), size: SIZE.pageNumber })],
  });
}

/**
 * 7.5: 4号 半角宋体 Arabic numerals with a 一字线 (—) each side; odd pages right with one character's
 * space, even pages left with one (the document sets evenAndOddHeaders).
 */
const pageNumber = (side: 'odd' | 'even') =>
  new Footer({
    children: [new Paragraph({
      alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: side === 'odd' ? { right: PAGE_NUMBER_LINE } : { left: PAGE_NUMBER_LINE },
      spacing: { line: PAGE_NUMBER_LINE, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONT.pageNumber), size: SIZE.pageNumber })],
    })],
  });

export async function reportDocx(r: ReportRow): Promise<Buffer> {
  const tableName = `${r.regionName}${REPORT_KINDS[r.kind]}主要指标（${periodText(r.from, r.to)}）`;
  const urgentName = `要情随报（${r.figures.urgent.length}件）`;
  const attachments = [tableName, ...(r.figures.urgent.length ? [urgentName] : [])];
  // 7.3.4: 附件说明 below the body, two characters in; several attachments numbered, their names aligned.
  // A name that wraps continues under its own first character (a hanging indent).
  const note = (text: string, start: number, nameAt: number) =>
    para([run(text, FONT.body)], { indent: { left: Math.round(nameAt * CHAR), hanging: Math.round((nameAt - start) * CHAR) } });
  const attachmentNote = attachments.length === 1
    ? [note(`附件：${attachments[0]}`, 2, 5)]
    : attachments.map((a, i) => note(`${i === 0 ? '附件：' : ''}${i + 1}．${a}`, i === 0 ? 2 : 5, 5 + widthInChars(`${i + 1}．`)));
  const numbered = attachments.length > 1;
  // The date it was printed: signed-off reports the day of sign-off (Beijing), drafts their 成文日期.
  const printedOn = r.signedAt ? chinaToday(new Date(r.signedAt).getTime()) : r.issuedOn;
  const children = [
    title(r.title),
    ...(r.status === 'draft' ? [para([run('（草稿，未签发）', FONT.kai)], { alignment: AlignmentType.CENTER })] : []),
    blank(),
    bodyLine('一、工作开展情况'),
    ...paragraphs(r.sections.work),
    bodyLine('二、存在的问题'),
    ...paragraphs(r.sections.problems),
    bodyLine('三、下一步工作打算'),
    ...paragraphs(r.sections.plans),
    blank(),
    ...attachmentNote,
    blank(),
    ...signature(r.issuer, dateText(r.issuedOn)),
    // 7.2.6: 签发人 in 3号 仿宋, the name in 3号 楷体 (this document has no 版头 to carry it).
    ...(r.signedBy && r.signedAt ? [para([run('签发人：', FONT.body), run(r.signedBy.name, FONT.kai)], { alignment: AlignmentType.RIGHT, indent: { right: 2 * CHAR } })] : []),
    ...attachmentHead(numbered ? '附件1' : '附件', tableName),
    figuresTable(r),
    ...(r.figures.urgent.length ? [...attachmentHead('附件2', urgentName), ...urgentLines(r.figures.urgent).map(bodyLine)] : []),
    blank(),
    colophon(r.issuer, printedOn),
  ];
  const doc = new Document({
    creator: r.issuer,
    title: r.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(FONT.body), size: SIZE.body, characterSpacing: CONDENSE }, paragraph: { spacing: LINE } } } },
    sections: [{
      properties: { page: { size: { width: DOCX_PAGE.width, height: DOCX_PAGE.height }, margin: { ...DOCX_PAGE.margin, footer: FOOTER_DISTANCE } } },
      footers: { default: pageNumber('odd'), even: pageNumber('even') },
      children,
    }],
  });
  return Packer.toBuffer(doc);
}
