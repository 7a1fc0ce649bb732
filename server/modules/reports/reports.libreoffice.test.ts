import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, validTip, type TestApp } from '../../test/helpers.ts';
import { chinaToday } from '../../../shared/time.ts';
import { numberText } from './reports.narrative.ts';

/**
 * Acceptance (issue 11): the .docx and .xlsx open in LibreOffice — converted to PDF with
 * `soffice --headless --convert-to pdf` — and the figures in the PDF's text (pdftotext, poppler-utils)
 * equal the API's. Skipped only on a machine without LibreOffice outside CI; .ci/run installs it and
 * sets CI, so there it always runs (and fails if LibreOffice is missing).
 */
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const soffice = ['soffice', 'libreoffice'].find(has);
const skip = !soffice && !process.env.CI;

/** The file as PDF text, laid out as on the page (one table row a line). */
function pdfText(dir: string, file: string): string {
  // A profile of its own: a second LibreOffice on the machine (another test, a user) must not share it.
  const profile = pathToFileURL(join(dir, 'profile')).href;
  const conv = spawnSync(soffice ?? 'soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, file)], { encoding: 'utf8', timeout: 180_000 });
  expect(conv.status, `${conv.stdout}\n${conv.stderr}`).toBe(0);
  const pdf = join(dir, file.replace(/\.\w+$/, '.pdf'));
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  const text = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  expect(text.status, `pdftotext (poppler-utils): ${text.stderr}`).toBe(0);
  return text.stdout;
}

/** pdfinfo's page size line, and each text line's top (pt) on page `n` (pdftotext -bbox). */
function pdfPage(dir: string, file: string, n: number) {
  const pdf = join(dir, file.replace(/\.\w+$/, '.pdf'));
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  const bbox = spawnSync('pdftotext', ['-f', String(n), '-l', String(n), '-bbox', pdf, '-'], { encoding: 'utf8' }).stdout;
  const words = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3] }));
  return { size: info.match(/Page size:.*/)?.[0] ?? '', pages: Number(info.match(/Pages:\s+(\d+)/)?.[1]), words };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describe.skipIf(skip)('a report opens in LibreOffice and its PDF shows the API’s figures', () => {
  let t: TestApp;
  let dir: string;
  let id: number;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'shouhu-lo-'));
    for (const regionCode of ['370681001', '370681001', '370602001', '370602001', '370602001']) {
      expect((await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ regionCode }) })).statusCode).toBe(201);
    }
    cookie = await t.login('sd_lead');
    const from = chinaToday(Date.now() - 6 * 86400_000);
    const made = await t.app.inject({ method: 'POST', url: '/api/reports', headers: { cookie }, payload: { kind: 'weekly', regionCode: '37', from } });
    expect(made.statusCode, made.body).toBe(201);
    id = json(made).id;
    expect((await t.app.inject({ method: 'POST', url: `/api/reports/${id}/sign-off`, headers: { cookie } })).statusCode).toBe(200);
    for (const format of ['docx', 'xlsx']) {
      const r = await t.app.inject({ method: 'GET', url: `/api/reports/${id}/${format}`, headers: { cookie } });
      expect(r.statusCode).toBe(200);
      writeFileSync(join(dir, `report.${format}`), r.rawPayload);
    }
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const report = async () => json(await t.app.inject({ method: 'GET', url: `/api/reports/${id}`, headers: { cookie } }));

  it('the Word file: title, issuer, headings, the sentence and every row of the figures table', async () => {
    const r = await report();
    const text = pdfText(dir, 'report.docx');
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain(r.title.replace(/\s+/g, ''));
    expect(flat).toContain('山东省打击整治养老诈骗专项行动办公室');
    for (const h of ['一、工作开展情况', '二、存在的问题', '三、下一步工作打算']) expect(flat).toContain(h);
    const received = r.indicators.find((f: { key: string }) => f.key === 'tips_received');
    expect(received.value).toBeGreaterThanOrEqual(5);
    expect(flat).toContain(`受理线索${received.value}条`);
    for (const f of r.indicators) {
      const cells = [f.name, f.unit, numberText(f.key, f.value), f.source === 'none' || f.previous === null ? '—' : numberText(f.key, f.previous), f.source === 'none' || f.yoy === null ? '—' : numberText(f.key, f.yoy)];
      expect(text, `row ${f.name}`).toMatch(new RegExp(`^\\s*${cells.map(escape).join('\\s+')}\\s*$`, 'm'));
    }
    // GB/T 9704-2012 as LibreOffice lays it out (docs/reports.md): A4; the body on lines 28.95 pt apart, at most
    // 22 to the 225 mm 版心; page numbers "— 1 —" below it, odd pages right and even pages left.
    const one = pdfPage(dir, 'report.docx', 1);
    expect(one.size).toMatch(/\(A4\)/);
    expect(one.pages).toBeGreaterThanOrEqual(2);
    const number = (p: typeof one) => p.words.filter((w) => /^—\d+—$|^—$/.test(w.text) || /^\d+$/.test(w.text)).at(-1)!;
    const rows = [...new Set(one.words.filter((w) => w.y < 104.9 + 637.8).map((w) => w.y.toFixed(1)))].map(Number).sort((a, b) => a - b);
    expect(rows.length).toBeLessThanOrEqual(22);
    const gaps = rows.slice(1).map((y, i) => y - rows[i]);
    expect(gaps.filter((g) => Math.abs(g - 28.95) < 0.2).length, gaps.join(' ')).toBeGreaterThan(10);
    expect(text).toMatch(/—\s*1\s*—/);
    expect(text).toMatch(/—\s*2\s*—/);
    const [n1, n2] = [number(one), number(pdfPage(dir, 'report.docx', 2))];
    expect(n1.y).toBeGreaterThan(104.9 + 637.8);
    expect(n1.x).toBeGreaterThan(300); // right
    expect(n2.x).toBeLessThan(150); // left
  }, 240_000);

  it('the Excel file: one line per child region and the 合计 line, with the API’s numbers', async () => {
    const r = await report();
    const text = pdfText(dir, 'report.xlsx');
    expect(text.replace(/\s+/g, '')).toContain(r.title.replace(/\s+/g, ''));
    // The workbook's number formats (#,##0 and #,##0.00; rates 0.0): numberText with thousands separators.
    const shown = (key: string, v: number) => {
      const [whole, decimals] = numberText(key, v).split('.');
      return `${key.endsWith('_pct') ? whole : whole.replace(/\B(?=(\d{3})+$)/g, ',')}${decimals ? `.${decimals}` : ''}`;
    };
    const line = (label: string, values: (number | null)[]) =>
      new RegExp(`^\\s*${[label, ...values.map((v, i) => (v === null ? '暂无数据' : shown(r.indicators[i].key, v)))].map(escape).join('\\s+')}\\s*$`, 'm');
    expect(r.children.length).toBeGreaterThan(1);
    for (const c of r.children) expect(text, c.name).toMatch(line(c.name, c.values));
    expect(text).toMatch(line('合计', r.indicators.map((f: { source: string; value: number | null }) => (f.source === 'none' ? null : f.value))));
    // The figures are the engine's: the 合计 of tips received is the API's count for the province and period.
    const stats = json(await t.app.inject({ method: 'GET', url: `/api/stats?region=37&from=${r.from}&to=${r.to}&indicators=tips_received`, headers: { cookie } }));
    expect(stats.figures.tips_received.value).toBe(r.indicators[0].value);
    // Printed as set up (docs/reports.md): A4 landscape, the whole width on one page, numbered below.
    const page = pdfPage(dir, 'report.xlsx', 1);
    expect(page.size).toMatch(/^Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    expect(text.replace(/\s+/g, '')).toContain(`第1页，共${page.pages}页`);
    expect(text).toContain(r.indicators.at(-1).name);
  }, 240_000);
});
