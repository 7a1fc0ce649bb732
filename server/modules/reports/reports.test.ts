import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { createTestApp, json, seedSecondProvince, validTip, type TestApp } from '../../test/helpers.ts';
import { sql } from '../../db/client.ts';
import { chinaToday } from '../../../shared/time.ts';
import { REPORT_KIND_CODES } from '../../../shared/domain.ts';
import { MAX_SECTION_CHARS } from './reports.schemas.ts';
import { comparison, draftSections } from './reports.narrative.ts';
import { reportDocx } from './reports.docx.ts';
import type { ReportRow } from './reports.repository.ts';

const day = (d: number) => chinaToday(Date.now() + d * 86400_000);

/** Work reports through the API: generation from the engine, editing, sign-off, freezing, jurisdiction, 要情随报. */
describe('work reports (工作报告) and 要情随报', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedSecondProvince(t.db);
    // Tips received today in three places of the province: 龙口市 (2), 芝罘区 (1).
    for (const regionCode of ['370681001', '370681001', '370602001']) {
      expect((await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ regionCode }) })).statusCode).toBe(201);
    }
  });
  afterAll(() => t.close());

  async function as(user: string) {
    const cookie = await t.login(user);
    const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => t.app.inject({ method, url, headers: { cookie }, payload: payload as object });
    return {
      get: (url: string) => call('GET', url),
      post: (url: string, payload?: unknown) => call('POST', url, payload),
      put: (url: string, payload?: unknown) => call('PUT', url, payload),
    };
  }
  const weekly = (regionCode = '37') => ({ kind: 'weekly', regionCode, from: day(-6) });
  const generate = async (user: string, body: object) => {
    const r = await (await as(user)).post('/api/reports', body);
    expect(r.statusCode, r.body).toBe(201);
    return json(r).id as number;
  };
  /** The text of the Word document's body and of the workbook's sheet: what the downloads say. */
  const documentXml = async (buf: Buffer) => (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string');
  const sheetXml = async (buf: Buffer) => (await JSZip.loadAsync(buf)).file('xl/worksheets/sheet1.xml')!.async('string');
  const download = async (user: string, id: number, format: 'docx' | 'xlsx') => {
    const r = await (await as(user)).get(`/api/reports/${id}/${format}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.rawPayload;
  };
  const value = (detail: { indicators: { key: string; value: number | null }[] }, key: string) => detail.indicators.find((i) => i.key === key)!.value;

  it('generates a weekly report from the engine: the figures equal GET /api/stats, by child region too, with sentences and comparisons', async () => {
    // The week is read once: the report, its figures and GET /api/stats are compared over the same seven days even if
    // the run crosses Beijing midnight (16:00 UTC) meanwhile (the tips, received today, are in the week either way).
    const from = day(-6);
    const to = chinaToday(Date.parse(from) + 6 * 86400_000);
    const id = await generate('sd_lead', { ...weekly(), from });
    const lead = await as('sd_lead');
    const detail = json(await lead.get(`/api/reports/${id}`));
    expect(detail).toMatchObject({
      kind: 'weekly', status: 'draft', region: { code: '37', name: '山东省' }, from, to, issuedOn: to,
      issuer: '山东省打击整治养老诈骗专项行动办公室', canEdit: true, canSignOff: true, signedBy: null, signedAt: null,
    });
    expect(detail.title).toMatch(/^山东省打击整治养老诈骗专项行动总结周报（\d{4}年\d+月\d+日至\d+月\d+日）$/);
    const keys = detail.indicators.map((i: { key: string }) => i.key).join(',');
    const stats = json(await lead.get(`/api/stats?region=37&from=${from}&to=${to}&indicators=${keys}&compare=1`));
    for (const f of detail.indicators) {
      expect({ key: f.key, value: f.value, source: f.source }).toEqual({ key: f.key, value: stats.figures[f.key].value, source: stats.figures[f.key].source });
      expect(f.previous, f.key).toBe(stats.figures[f.key].previous ?? null);
    }
    const [{ n }] = await t.db.query<{ n: number }>(sql`select count(*)::int as n from tips where region_code like '37%'`);
    expect(value(detail, 'tips_received')).toBe(n);
    expect(n).toBeGreaterThanOrEqual(3);
    // By child region: 烟台市 holds every tip; the others none.
    const byChild = json(await lead.get(`/api/stats?region=37&from=${from}&to=${to}&indicators=${keys}&by=child`));
    expect(detail.children.map((c: { code: string }) => c.code)).toEqual(byChild.rows.map((r: { key: string }) => r.key));
    const yt = detail.children.find((c: { code: string }) => c.code === '3706');
    expect(yt.values[0]).toBe(n);
    expect(detail.sections.work).toContain(`本周受理线索${n}条`);
    expect(detail.sections.problems.length).toBeGreaterThan(4);
    expect(detail.sections.plans).toContain('继续落实日报告');
  });

  it('writes comparisons as sentences: 增加/减少 with the percentage, 持平, none without a base, rates in 个百分点', () => {
    expect(comparison('tips_received', 15, 12, '上周')).toBe('较上周增加3条，增长25.0%');
    expect(comparison('tips_received', 9, 12, '上周')).toBe('较上周减少3条，下降25.0%');
    expect(comparison('tips_received', 12, 12, '上周')).toBe('与上周持平');
    expect(comparison('tips_received', 12, null, '上周')).toBe('');
    expect(comparison('tips_received', 4, 0, '上周')).toBe('较上周增加4条');
    expect(comparison('amount_involved_yuan', 1800, 1200, '去年同期')).toBe('较去年同期增加600.00元，增长50.0%');
    expect(comparison('recovery_rate_pct', 40.5, 50, '上周')).toBe('较上周降低9.5个百分点');
    const s = draftSections('weekly', '山东省', '2026-11-23', '2026-11-29', [
      { key: 'tips_received', name: '受理线索', unit: '条', source: 'recorded', value: 15, previous: 12, yoy: null },
      { key: 'tips_overdue', name: '超期线索', unit: '条', source: 'recorded', value: 2, previous: null, yoy: null },
      { key: 'cases_filed', name: '立案', unit: '起', source: 'none', value: null, previous: null, yoy: null },
    ], []);
    expect(s.work).toContain('受理线索15条，较上周增加3条，增长25.0%');
    expect(s.work).not.toContain('立案');
    expect(s.problems).toContain('仍有2条线索超期未办结');
    expect(s.plans).toContain('对超期线索逐条督办');
  });

  it('lets the issuing office edit the draft; its lead alone signs it off; then it is frozen (409, and the database refuses)', async () => {
    const id = await generate('sd_intake', weekly());
    const sections = { work: '一段修改后的工作开展情况。', problems: '存在的问题。', plans: '下一步打算。' };
    const intake = await as('sd_intake');
    expect((await intake.put(`/api/reports/${id}`, { title: '山东省专项行动周报（修改）', sections })).statusCode).toBe(200);
    expect(json(await intake.get(`/api/reports/${id}`))).toMatchObject({ title: '山东省专项行动周报（修改）', sections, canEdit: true, canSignOff: false });
    // Not a lead: 403 at the door. A lead of another office (the city's, which sees the province's report? no: 404).
    expect((await intake.post(`/api/reports/${id}/sign-off`)).statusCode).toBe(403);
    expect((await (await as('yt_lead')).post(`/api/reports/${id}/sign-off`)).statusCode).toBe(404);
    // A city report generated by the province: the city's lead sees it but neither edits nor signs it.
    const cityReport = await generate('sd_lead', weekly('3706'));
    const ytLead = await as('yt_lead');
    expect(json(await ytLead.get(`/api/reports/${cityReport}`))).toMatchObject({ canEdit: false, canSignOff: false });
    expect((await ytLead.put(`/api/reports/${cityReport}`, { sections })).statusCode).toBe(403);
    expect((await ytLead.post(`/api/reports/${cityReport}/sign-off`)).statusCode).toBe(403);

    const lead = await as('sd_lead');
    expect((await lead.post(`/api/reports/${id}/sign-off`)).statusCode).toBe(200);
    const signed = json(await lead.get(`/api/reports/${id}`));
    const [{ display_name }] = await t.db.query<{ display_name: string }>(sql`select display_name from users where username = 'sd_lead'`);
    expect(signed).toMatchObject({ status: 'signed_off', signedBy: { name: display_name }, canEdit: false, canSignOff: false, issuedOn: day(0) });
    expect(Date.now() - Date.parse(signed.signedAt)).toBeLessThan(60_000);
    const again = await lead.post(`/api/reports/${id}/sign-off`);
    expect(again.statusCode).toBe(409);
    expect(json(again).error.code).toBe('REPORT_SIGNED_OFF');
    expect((await intake.put(`/api/reports/${id}`, { sections })).statusCode).toBe(409);
    await expect(t.db.query(sql`update work_reports set title = 'x' where id = ${id}`)).rejects.toThrow(/frozen/);
    await expect(t.db.query(sql`delete from work_reports where id = ${id}`)).rejects.toThrow(/frozen/);
    const audit = json(await (await as('sd_auditor')).get(`/api/audit?entity=work_report&entityId=${id}`));
    expect(audit.items.map((i: { action: string }) => i.action).sort()).toEqual(['report.edited', 'report.generated', 'report.signed_off']);
  });

  it('keeps a signed-off report frozen after new records: the same figures and byte-identical document and sheet text', async () => {
    const id = await generate('sd_lead', weekly());
    const lead = await as('sd_lead');
    expect((await lead.post(`/api/reports/${id}/sign-off`)).statusCode).toBe(200);
    const before = json(await lead.get(`/api/reports/${id}`));
    const [docBefore, xlsBefore] = [await download('sd_lead', id, 'docx'), await download('sd_lead', id, 'xlsx')];
    expect(docBefore.subarray(0, 2).toString()).toBe('PK');
    for (let i = 0; i < 4; i++) expect((await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ regionCode: '370602001' }) })).statusCode).toBe(201);
    const after = json(await lead.get(`/api/reports/${id}`));
    expect(after.indicators).toEqual(before.indicators);
    expect(after.children).toEqual(before.children);
    expect(await documentXml(await download('sd_lead', id, 'docx'))).toBe(await documentXml(docBefore));
    expect(await sheetXml(await download('sd_lead', id, 'xlsx'))).toBe(await sheetXml(xlsBefore));
    // A new report of the same period counts the new tips: the live figures did change.
    const fresh = json(await lead.get(`/api/reports/${await generate('sd_lead', weekly())}`));
    expect(value(fresh, 'tips_received')).toBe(value(before, 'tips_received')! + 4);
    // The workbook: title, region and period above, a row per city, the 合计 row with the region's figures, numbers as numbers.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsBefore as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getCell(1, 1).value).toBe(before.title);
    expect(String(sheet.getCell(2, 1).value)).toContain('地区：山东省');
    expect(sheet.getCell(3, 2).value).toBe('受理线索（条）');
    expect(sheet.getCell(3, 10).value).toBe('涉案金额（元）');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const totalRow = sheet.getRow(sheet.rowCount);
    expect(totalRow.getCell(1).value).toBe('合计');
    expect(totalRow.getCell(2).value).toBe(value(before, 'tips_received'));
    expect(sheet.rowCount).toBe(3 + before.children.length + 1);
    const ytRow = sheet.getRow(4 + before.children.findIndex((c: { code: string }) => c.code === '3706'));
    expect([ytRow.getCell(1).value, typeof ytRow.getCell(2).value]).toEqual(['烟台市', 'number']);
    // Number formats: counts and yuan with thousands separators, rates with one decimal.
    const col = (key: string) => 2 + before.indicators.findIndex((f: { key: string }) => f.key === key);
    expect(totalRow.getCell(col('tips_received')).numFmt).toBe('#,##0');
    expect(ytRow.getCell(col('amount_involved_yuan')).numFmt).toBe('#,##0.00');
    expect(totalRow.getCell(col('recovery_rate_pct')).value === '暂无数据' || totalRow.getCell(col('recovery_rate_pct')).numFmt === '0.0').toBe(true);
    // Print setup, read from the file's XML: A4 landscape, one page wide, centered, rows 1–3 repeated, page numbers below.
    const zip = await JSZip.loadAsync(xlsBefore);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const setup = xml.match(/<pageSetup\b[^>]*>/)?.[0] ?? '';
    expect(setup).toMatch(/paperSize="9"/);
    expect(setup).toMatch(/orientation="landscape"/);
    expect(setup).toMatch(/fitToWidth="1"/);
    expect(setup).toMatch(/fitToHeight="0"/);
    expect(xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    expect(xml).toMatch(/<printOptions horizontalCentered="1"/);
    expect(xml).toMatch(/<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页<\/oddFooter>/);
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbook).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="0">'?[^<']+'?!\$1:\$3<\/definedName>/);
    expect(book.title).toBe(before.title);
  });

  it('writes the Word file in the layout of GB/T 9704-2012: A4, the margins, 22 fixed lines of 28 characters, the fonts, 署名 and date, 附件, 版记 and page numbers', async () => {
    const id = await generate('sd_lead', weekly());
    const lead = await as('sd_lead');
    const sections = { work: '（一）线索办理。本周受理线索若干条。\n一段正文。', problems: '存在的问题。', plans: '下一步打算。' };
    expect((await lead.put(`/api/reports/${id}`, { sections })).statusCode).toBe(200);
    expect((await lead.post(`/api/reports/${id}/sign-off`)).statusCode).toBe(200);
    const detail = json(await lead.get(`/api/reports/${id}`));
    const zip = await JSZip.loadAsync(await download('sd_lead', id, 'docx'));
    const part = (name: string) => zip.file(name)!.async('string');
    const doc = await part('word/document.xml');
    const styles = await part('word/styles.xml');
    const attr = (xml: string, tag: string, name: string) => {
      const el = xml.match(new RegExp(`<${tag}\\b[^>]*>`))?.[0] ?? '';
      return Number(el.match(new RegExp(`${name}="(-?\\d+)"`))?.[1]);
    };
    const twips = (mm: number) => (mm / 25.4) * 1440;
    // 5.1, 5.2.1: A4; 天头 37 mm, 订口 28 mm; 版心 156 × 225 mm (within the standard's ±1 mm).
    expect(attr(doc, 'w:pgSz', 'w:w')).toBe(11906);
    expect(attr(doc, 'w:pgSz', 'w:h')).toBe(16838);
    const [top, left, right, bottom] = ['w:top', 'w:left', 'w:right', 'w:bottom'].map((n) => attr(doc, 'w:pgMar', n));
    expect(Math.abs(top - twips(37))).toBeLessThan(2);
    expect(Math.abs(left - twips(28))).toBeLessThan(2);
    expect(Math.abs(11906 - left - right - twips(156))).toBeLessThan(2);
    expect(Math.abs(16838 - top - bottom - twips(225))).toBeLessThan(2);
    // 5.2.3: 22 lines a page — every paragraph outside the tables (and the Normal style) on a fixed 579-twip line: 22 fill the 版心, 23 do not fit.
    const pitch = 579;
    expect(22 * pitch).toBeLessThanOrEqual(16838 - top - bottom);
    expect(23 * pitch).toBeGreaterThan(16838 - top - bottom);
    expect(styles).toMatch(/<w:pPrDefault><w:pPr><w:spacing w:line="579" w:lineRule="exact"\/>/);
    const outside = doc.slice(doc.indexOf('<w:body>')).replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
    const paras = outside.match(/<w:p>[\s\S]*?<\/w:p>|<w:p\/>/g)!;
    expect(paras.length).toBeGreaterThan(15);
    for (const p of paras) expect(p, p.slice(0, 300)).toContain('<w:spacing w:line="579" w:lineRule="exact"/>');
    // …of 28 characters: the 3号 body (16 pt = 320 twips) condensed so that 28 fit the 156 mm line and 29 do not.
    const condense = attr(styles.slice(styles.indexOf('<w:docDefaults>')), 'w:spacing', 'w:val');
    expect(condense).toBeLessThan(0);
    expect(28 * (320 + condense)).toBeLessThanOrEqual(11906 - left - right);
    expect(29 * (320 + condense)).toBeGreaterThan(11906 - left - right);
    // 5.2.2, 7.3.1, 7.3.3: the body 3号 仿宋_GB2312 (the default), the title 2号 方正小标宋简体, 一、 in 黑体, （一） in 楷体_GB2312.
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"\/>.*?<w:sz w:val="32"\/>/);
    const runOf = (text: string) => {
      const at = doc.indexOf(`>${text}</w:t>`);
      expect(at, text).toBeGreaterThan(0);
      return doc.slice(doc.lastIndexOf('<w:r>', at), at);
    };
    const fontOf = (text: string) => runOf(text).match(/w:eastAsia="([^"]+)"/)?.[1];
    const sizeOf = (text: string) => Number(runOf(text).match(/<w:sz w:val="(\d+)"/)?.[1]);
    expect([fontOf(detail.title), sizeOf(detail.title)]).toEqual(['方正小标宋简体', 44]);
    expect(doc).toContain('jc w:val="center"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="方正小标宋简体"');
    for (const h of ['一、工作开展情况', '二、存在的问题', '三、下一步工作打算']) expect([fontOf(h), sizeOf(h)], h).toEqual(['黑体', 32]);
    expect([fontOf('（一）线索办理。'), sizeOf('（一）线索办理。')]).toEqual(['楷体_GB2312', 32]);
    expect([fontOf('一段正文。'), sizeOf('一段正文。')]).toEqual(['仿宋_GB2312', 32]);
    // 7.3.5.2: after the body, 署名 ending two characters from the right (18 characters start at the 9th: 8 in),
    // the date's first character two to the right of the 署名's; 7.2.6: 签发人 with the name in 楷体.
    const char = 320 + condense;
    const paraOf = (text: string) => {
      const at = doc.indexOf(`>${text}</w:t>`);
      return doc.slice(doc.lastIndexOf('<w:p>', at), at);
    };
    expect(detail.issuer).toBe('山东省打击整治养老诈骗专项行动办公室');
    expect(attr(paraOf(detail.issuer), 'w:ind', 'w:left')).toBe((26 - 18) * char);
    const date = `${Number(detail.issuedOn.slice(0, 4))}年${Number(detail.issuedOn.slice(5, 7))}月${Number(detail.issuedOn.slice(8, 10))}日`;
    expect(attr(paraOf(date), 'w:ind', 'w:left')).toBe((26 - 18 + 2) * char);
    expect(doc.indexOf(`>${date}</w:t>`)).toBeGreaterThan(doc.indexOf('>下一步打算。</w:t>'));
    expect(fontOf(detail.signedBy.name)).toBe('楷体_GB2312');
    // 7.3.4, 7.3.7: the 附件说明 below the body; the figures table on a page of its own under "附件" in 黑体.
    expect(doc).toMatch(/>附件：山东省总结周报主要指标（/);
    expect(paraOf('附件')).toContain('<w:pageBreakBefore/>');
    expect(fontOf('附件')).toBe('黑体');
    expect(doc.indexOf('>附件</w:t>')).toBeLessThan(doc.indexOf('<w:tbl>'));
    // 7.4: the 版记 last, between two rules, 4号 仿宋: the issuer, and the date of sign-off then 印发.
    expect(doc.lastIndexOf('印发</w:t>')).toBeGreaterThan(doc.lastIndexOf('</w:tbl>'));
    const last = doc.slice(doc.lastIndexOf('<w:p>', doc.lastIndexOf('印发</w:t>')));
    expect(last).toMatch(/<w:pBdr><w:top w:val="single"[^>]*w:sz="8"[^>]*\/><w:bottom w:val="single"[^>]*w:sz="8"/);
    expect(last).toContain(`>${detail.issuer}</w:t>`);
    expect(last).toContain(`>${date}印发</w:t>`);
    expect(last.match(/<w:sz w:val="(\d+)"/)?.[1]).toBe('28');
    // 7.5: page numbers under the 版心 — "— 1 —" in 4号 宋体; odd pages right and even pages left, one character in; the footer 7 mm below the 版心.
    expect(await part('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    expect(doc).toMatch(/<w:footerReference w:type="default"/);
    expect(doc).toMatch(/<w:footerReference w:type="even"/);
    expect(attr(doc, 'w:pgMar', 'w:footer')).toBe(bottom - Math.round(twips(7)) - 280);
    const footers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/footer\d+\.xml$/.test(f)).map(part));
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(f).toContain('>— </w:t>');
      expect(f).toContain('> —</w:t>');
      expect(f).toContain('w:eastAsia="宋体"');
      expect(f).toContain('<w:sz w:val="28"/>');
    }
    expect(footers.map((f) => f.match(/<w:jc w:val="(\w+)"/)?.[1]).sort()).toEqual(['left', 'right']);
    expect(footers.find((f) => f.includes('w:val="right"'))).toContain('<w:ind w:right="280"/>');
    expect(footers.find((f) => f.includes('w:val="left"'))).toContain('<w:ind w:left="280"/>');
  });

  it('puts a short 署名 two characters before a date that ends two characters from the right (7.3.5.2), and wraps 附件 names under themselves', async () => {
    const row = {
      id: 1, kind: 'daily', regionCode: '370681', regionName: '龙口市', from: '2026-11-30', to: '2026-11-30', title: '龙口市公安局动态日报', unitId: 1,
      issuer: '龙口市公安局', issuedOn: '2026-11-30', sections: { work: '正文。', problems: '问题。', plans: '打算。' },
      figures: { indicators: [], children: [], urgent: [] }, status: 'draft', createdBy: { name: '张三' }, createdAt: new Date(), signedBy: null, signedAt: null,
    } as unknown as ReportRow;
    const doc = await documentXml(await reportDocx(row));
    const indentOf = (text: string) => {
      const at = doc.indexOf(`>${text}</w:t>`);
      const p = doc.slice(doc.lastIndexOf('<w:p>', at), at);
      return { left: Number(p.match(/w:left="(\d+)"/)?.[1]), hanging: Number(p.match(/w:hanging="(\d+)"/)?.[1] ?? 0) };
    };
    const char = 315; // a 3号 character on the 28-character line
    const issuer = indentOf('龙口市公安局').left;
    const date = indentOf('2026年11月30日').left;
    expect(date - issuer).toBe(2 * char);
    // The date (3 characters and 8 digits at ¾) ends two characters from the right: 28 − 2 − 9 = 17 characters in.
    expect(date).toBe(17 * char);
    // 附件：name — a wrapped name continues under its first character, five characters in.
    expect(indentOf('附件：龙口市动态日报主要指标（2026年11月30日）')).toEqual({ left: 5 * char, hanging: 3 * char });
  });

  it('keeps reports to the jurisdiction: outside is 404 for generating, reading, downloading; the list shows only one’s own', async () => {
    const id = await generate('sd_lead', weekly());
    for (const user of ['lk_lead', 'cs_lead']) {
      const other = await as(user);
      const r = await other.post('/api/reports', weekly('37'));
      expect(r.statusCode, user).toBe(404);
      expect(json(r).error.fields.map((f: { path: string }) => f.path)).toEqual(['regionCode']);
      for (const url of [`/api/reports/${id}`, `/api/reports/${id}/docx`, `/api/reports/${id}/xlsx`]) expect((await other.get(url)).statusCode, `${user} ${url}`).toBe(404);
      expect(json(await other.get('/api/reports')).items.map((i: { id: number }) => i.id)).not.toContain(id);
    }
    expect((await (await as('lk_lead')).post('/api/reports', { ...weekly('370602') })).statusCode).toBe(404);
    expect((await (await as('lk_lead')).post('/api/reports', { ...weekly('370681') })).statusCode).toBe(201);
    expect((await (await as('sd_lead')).post('/api/reports', weekly('999999'))).statusCode).toBe(404);
  });

  it('lists past reports per region, newest period first, paginated, by kind', async () => {
    const lead = await as('lk_lead');
    await generate('lk_lead', weekly('370681'));
    await generate('lk_lead', { kind: 'daily', regionCode: '370681', from: day(-1) });
    await generate('lk_lead', { kind: 'stage', regionCode: '370681', from: day(-60), to: day(-1) });
    const listed = await lead.get('/api/reports?regionCode=370681');
    expect(listed.statusCode, listed.body).toBe(200);
    const all = json(listed);
    expect(all.total).toBeGreaterThanOrEqual(3);
    expect(all.items.every((i: { region: { code: string } }) => i.region.code === '370681')).toBe(true);
    const tos = all.items.map((i: { to: string }) => i.to);
    expect(tos).toEqual([...tos].sort().reverse());
    const page2 = json(await lead.get('/api/reports?regionCode=370681&pageSize=1&page=2'));
    expect(page2).toMatchObject({ total: all.total, page: 2, pageSize: 1 });
    expect(page2.items[0].id).toBe(all.items[1].id);
    const stage = json(await lead.get('/api/reports?regionCode=370681&kind=stage'));
    expect(stage.items.map((i: { kind: string }) => i.kind)).toEqual(['stage']);
    expect(stage.items[0]).toMatchObject({ from: day(-60), to: day(-1), title: expect.stringContaining('阶段工作总结') });
    expect((await lead.get('/api/reports?kind=monthly')).statusCode).toBe(400);
    // The province sees the county's reports in its list, the county not the province's.
    expect(json(await (await as('sd_viewer')).get('/api/reports?regionCode=370681')).total).toBe(all.total);
  });

  it('refuses bad input with field paths', async () => {
    const lead = await as('sd_lead');
    const bad: [string, unknown, string][] = [
      ['unknown kind', { kind: 'monthly', regionCode: '37', from: day(-6) }, 'kind'],
      ['from after to', { kind: 'stage', regionCode: '37', from: day(-3), to: day(-5) }, 'to'],
      ['future period', { kind: 'weekly', regionCode: '37', from: day(-3) }, 'to'],
      ['future day', { kind: 'daily', regionCode: '37', from: day(1) }, 'to'],
      ['weekly not seven days', { kind: 'weekly', regionCode: '37', from: day(-9), to: day(-7) }, 'to'],
      ['daily over two days', { kind: 'daily', regionCode: '37', from: day(-2), to: day(-1) }, 'to'],
      ['stage over a year', { kind: 'stage', regionCode: '37', from: day(-400), to: day(-1) }, 'to'],
      ['malformed date', { kind: 'daily', regionCode: '37', from: '2026-13-01' }, 'from'],
      ['malformed region', { kind: 'daily', regionCode: '37;drop', from: day(-1) }, 'regionCode'],
      ['unknown field', { kind: 'daily', regionCode: '37', from: day(-1), figures: {} }, ''],
    ];
    for (const [name, body, path] of bad) {
      const r = await lead.post('/api/reports', body);
      expect(r.statusCode, `${name}: ${r.body}`).toBe(400);
      if (path) expect(json(r).error.fields.map((f: { path: string }) => f.path), name).toContain(path);
    }
    const id = await generate('sd_lead', { kind: 'daily', regionCode: '37', from: day(-1) });
    const big = 'X'.repeat(MAX_SECTION_CHARS + 1);
    const tooLong = await lead.put(`/api/reports/${id}`, { sections: { work: big, problems: '', plans: '' } });
    expect(tooLong.statusCode).toBe(400);
    expect(json(tooLong).error.fields.map((f: { path: string }) => f.path)).toContain('sections.work');
    expect((await lead.put(`/api/reports/${id}`, { sections: { work: 'a' } })).statusCode).toBe(400);
    expect((await lead.put('/api/reports/99999999', { sections: { work: '', problems: '', plans: '' } })).statusCode).toBe(404);
    expect((await lead.get('/api/reports/abc')).statusCode).toBe(400);
    const [{ n }] = await t.db.query<{ n: number }>(sql`select count(*)::int as n from work_reports where sections->>'work' like 'XXXX%'`);
    expect(n).toBe(0);
  });

  it('要情随报 notifies the office above at once and appears in its daily report for the day, in the Word file too', async () => {
    const lk = await as('lk_intake');
    const body = {
      regionCode: '370681001', occurredOn: day(0), title: '某养生馆集中收取老人预付款后关门', description: '今日上午，东莱街道某养生馆关门停业，约四十名老人预付的会员费无法退还，聚集在门店前。',
      amountFen: 86_000_000, victims: 42, measures: '公安机关已立案侦查，街道和市场监管部门到场疏导，登记受害人信息。',
    };
    const sent = await lk.post('/api/urgent-reports', body);
    expect(sent.statusCode, sent.body).toBe(201);
    expect(json(sent)).toMatchObject({ toUnit: '烟台市打击整治养老诈骗专项行动办公室', notified: 3 });
    for (const user of ['yt_lead', 'yt_intake', 'yt_viewer']) {
      const notes = json(await (await as(user)).get('/api/notifications')).items;
      expect(notes[0].text, user).toContain('【要情随报】');
      expect(notes[0].text).toContain('某养生馆集中收取老人预付款后关门');
      expect(notes[0].text).toContain('涉案金额860000.00元');
    }
    expect(JSON.stringify(json(await (await as('sd_lead')).get('/api/notifications')))).not.toContain('要情随报');
    expect(JSON.stringify(json(await (await as('zf_lead')).get('/api/notifications')))).not.toContain('要情随报');
    // The city's daily report of today lists it, in the narrative and in the file. Today is the day it was reported on
    // (the database's Beijing day at the insert), not a day read here later: a run may cross Beijing midnight (16:00 UTC) between.
    const [{ reportedOn }] = await t.db.query<{ reportedOn: string }>(sql`select to_char(reported_on, 'YYYY-MM-DD') as "reportedOn" from urgent_reports where title = ${body.title}`);
    expect([day(-1), day(0)]).toContain(reportedOn);
    const id = await generate('yt_lead', { kind: 'daily', regionCode: '3706', from: reportedOn });
    const daily = json(await (await as('yt_lead')).get(`/api/reports/${id}`));
    expect(daily.urgent).toHaveLength(1);
    expect(daily.urgent[0]).toMatchObject({ title: body.title, amountFen: 86_000_000, victims: 42, unit: '龙口市打击整治养老诈骗专项行动办公室' });
    expect(daily.sections.work).toContain('收到要情随报1件');
    expect(daily.sections.work).toContain(body.title);
    // The 要情 are the second attachment (附件2), named in the 附件说明 below the body.
    const xml = await documentXml(await download('yt_lead', id, 'docx'));
    expect(xml).toContain('>附件2<');
    expect(xml).toContain('2．要情随报（1件）');
    // Yesterday's daily report does not.
    const dayBefore = chinaToday(Date.parse(reportedOn) - 86400_000);
    const yesterday = json(await (await as('yt_lead')).get(`/api/reports/${await generate('yt_lead', { kind: 'daily', regionCode: '3706', from: dayBefore })}`));
    expect(yesterday.urgent).toEqual([]);
    // The city and the county list it; another county does not.
    expect(json(await (await as('yt_viewer')).get('/api/urgent-reports')).items.map((u: { title: string }) => u.title)).toContain(body.title);
    expect(json(await (await as('zf_lead')).get('/api/urgent-reports')).total).toBe(0);
  });

  it('refuses a 要情 outside the jurisdiction, with bad fields, or with no office above', async () => {
    const lk = await as('lk_intake');
    const ok = { regionCode: '370681', occurredOn: day(0), title: '某事发生了需要上报', description: '基本情况基本情况基本情况。', measures: '已经采取措施' };
    const bad: [string, unknown, number, string][] = [
      ['another county', { ...ok, regionCode: '370602' }, 404, 'regionCode'],
      ['negative amount', { ...ok, amountFen: -1 }, 400, 'amountFen'],
      ['fractional fen', { ...ok, amountFen: 1.5 }, 400, 'amountFen'],
      ['future day', { ...ok, occurredOn: day(2) }, 400, 'occurredOn'],
      ['no measures', { ...ok, measures: '' }, 400, 'measures'],
      ['victims as text', { ...ok, victims: '四十' }, 400, 'victims'],
      ['oversized description', { ...ok, description: '很'.repeat(3001) }, 400, 'description'],
    ];
    for (const [name, body, status, path] of bad) {
      const r = await lk.post('/api/urgent-reports', body);
      expect(r.statusCode, `${name}: ${r.body}`).toBe(status);
      expect(json(r).error.fields.map((f: { path: string }) => f.path), name).toContain(path);
    }
    // The province's office has none above it in the demo structure.
    const top = await (await as('sd_intake')).post('/api/urgent-reports', { ...ok, regionCode: '37' });
    expect(top.statusCode).toBe(422);
    expect(json(top).error.code).toBe('NO_OFFICE_ABOVE');
    const [{ n }] = await t.db.query<{ n: number }>(sql`select count(*)::int as n from urgent_reports where title = ${ok.title}`);
    expect(n).toBe(0);
  });

  it('keeps the database codes equal to shared/domain.ts', async () => {
    const [{ d }] = await t.db.query<{ d: string }>(sql`select pg_get_constraintdef(oid) as d from pg_constraint where conname = 'work_reports_kind_known'`);
    expect([...d.matchAll(/'([a-z_0-9]+)'/g)].map((m) => m[1]).sort()).toEqual([...REPORT_KIND_CODES].sort());
  });
});
