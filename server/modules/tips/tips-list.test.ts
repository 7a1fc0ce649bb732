import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, validTip, type TestApp } from '../../test/helpers.ts';

describe('staff intake, list, search and paging', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const get = async (user: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: await t.login(user) } });

  it('staff enter tips from other sources into their own queue; only within their region', async () => {
    const cookie = await t.login('yt_intake');
    let r = await t.app.inject({ method: 'POST', url: '/api/tips', headers: { cookie }, payload: { ...validTip({ regionCode: '370681001' }), source: 'hotline' } });
    expect(r.statusCode).toBe(201);
    const { id, trackingCode } = json(r);
    const detail = json(await get('yt_intake', `/api/tips/${id}`));
    expect(detail.source).toBe('hotline');
    expect(detail.office.id).toBe(t.world.units.get('3706:campaign_office'));
    expect(detail.trackingCode).toBe(trackingCode);
    r = await t.app.inject({ method: 'POST', url: '/api/tips', headers: { cookie }, payload: { ...validTip({ regionCode: '110101' }), source: 'hotline' } });
    expect(r.statusCode).toBe(422);
    r = await t.app.inject({ method: 'POST', url: '/api/tips', headers: { cookie }, payload: { ...validTip(), source: 'portal' } });
    expect(r.statusCode).toBe(400);
  });

  it('finds tips by jieba-segmented words in description and subject, and filters', async () => {
    const submit = (payload: object) => t.app.inject({ method: 'POST', url: '/api/public/tips', payload });
    await submit(validTip({ description: '某公司以投资养老公寓为名，承诺高额回报，我父亲投了十万元。', fraudTypes: ['elderly_project'], subject: { name: '鑫泰财富投资有限公司' } }));
    await submit(validTip({ description: '有人冒充社保局工作人员代办养老保险，收取手续费后失联。', fraudTypes: ['pension_insurance'] }));
    const search = async (q: string) => json(await get('lk_intake', `/api/tips?q=${encodeURIComponent(q)}`)).items.map((i: any) => i.summary);
    expect(await search('养老公寓')).toEqual([expect.stringContaining('投资养老公寓')]);
    expect(await search('鑫泰财富')).toHaveLength(1); // subject name is indexed too
    expect(await search('社保局 手续费')).toEqual([expect.stringContaining('冒充社保局')]);
    expect(await search('火星基地')).toEqual([]);
    const byType = json(await get('lk_intake', '/api/tips?fraudType=pension_insurance')).items;
    expect(byType.length).toBe(1);
    expect(json(await get('lk_intake', '/api/tips?regionCode=370602')).items).toEqual([]);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(json(await get('lk_intake', `/api/tips?from=${today}&to=${today}`)).items.length).toBeGreaterThanOrEqual(2);
    expect(json(await get('lk_intake', '/api/tips?from=2001-01-01&to=2001-12-31')).items).toEqual([]);
  });

  it('pages with a keyset cursor: no duplicates, no gaps, newest first', async () => {
    for (let i = 0; i < 23; i++) {
      await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ description: `分页测试线索第${i}条：推销保健品骗取老人钱财。` }) });
    }
    const all = json(await get('lk_intake', '/api/tips?limit=200')).items.map((i: any) => i.id);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: any = json(await get('lk_intake', `/api/tips?limit=7${cursor ? `&cursor=${cursor}` : ''}`));
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((i: any) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(all.length).toBeGreaterThanOrEqual(25);
    const times = json(await get('lk_intake', '/api/tips?limit=200')).items.map((i: any) => Date.parse(i.receivedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('a forged or malformed cursor is a 400 on `cursor`, never a 500', async () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    for (const cursor of [
      '%%%', 'AAAA', '_-_-', b64('garbage'), b64('|'), b64('1|1'), b64('Tue|5'),
      b64('+275760-09-14T00:00:00.000000Z|1'), b64('+275760-09-14|1'), b64('9999-12-31T23:59:59.999999Z|1'), b64('0000-01-01T00:00:00.000000Z|1'),
      b64('2026-02-30T00:00:00.000000Z|1'), b64('2026-01-01T25:00:00.000000Z|1'), b64('2026-01-01T00:00:00.000Z|1'),
      b64('2026-01-01T00:00:00.000000Z|abc'), b64('2026-01-01T00:00:00.000000Z|-1'), b64('2026-01-01T00:00:00.000000Z|0'),
      b64('2026-01-01T00:00:00.000000Z|99999999999999999999'), b64('2026-01-01T00:00:00.000000Z|9223372036854775808'),
      b64('2026-01-01T00:00:00.000000Z|1|2'), b64('2026-01-01T00:00:00.000000Z\u00001|1'),
    ]) {
      const r = await get('lk_intake', `/api/tips?cursor=${encodeURIComponent(cursor)}`);
      expect(r.statusCode, cursor).toBe(400);
      expect(json(r).error.fields.map((f: any) => f.path), cursor).toEqual(['cursor']);
    }
    // Ids past what a JavaScript number holds exactly are refused too (zod's int() is safe-integer only), wherever they come in.
    const huge = '99999999999999999999';
    for (const url of [`/api/tips/${huge}`, `/api/audit?cursor=${huge}`, `/api/admin/users?cursor=${huge}`, `/api/figures/reported?cursor=${huge}`, `/api/routing-rules/history?ruleId=${huge}`]) {
      const user = url.startsWith('/api/audit') ? 'sd_auditor' : url.startsWith('/api/admin') || url.startsWith('/api/routing') ? 'admin' : 'lk_intake';
      expect((await get(user, url)).statusCode, url).toBe(400);
    }
    const merge = await t.app.inject({ method: 'POST', url: '/api/tips/1/actions', headers: { cookie: await t.login('lk_intake') }, payload: { action: 'merge', intoTipId: 1e20 } });
    expect(merge.statusCode).toBe(400);
    expect(json(merge).error.fields[0].path).toBe('intoTipId');
    // The largest id a cursor may carry still works (an empty page, not an error).
    const r = await get('lk_intake', `/api/tips?cursor=${b64('2026-01-01T00:00:00.000000Z|999999999999999')}`);
    expect(r.statusCode).toBe(200);
  });

  it('pages through tips that share one received_at (one group commit) without skipping any', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ description: `同一时刻收到的线索第${i}条：推销保健品骗取老人钱财。`, regionCode: '370602001' }) }));
      ids.push((await t.db.query<{ id: number }>('select id from tips where tracking_code = $1', [r.trackingCode]))[0].id);
    }
    // As a group commit writes them: one transaction, one now() to the microsecond.
    await t.db.query(`update tips set received_at = '2026-03-01 10:00:00.123456+08' where id = any($1::bigint[])`, [ids]);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: any = json(await get('zf_intake', `/api/tips?limit=2&from=2026-03-01&to=2026-03-01${cursor ? `&cursor=${cursor}` : ''}`));
      seen.push(...page.items.map((i: any) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].sort((a, b) => b - a));
  });

  it('exports the current filter to Excel, audited', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const res = await get('lk_intake', `/api/tips/export?q=${encodeURIComponent('养老公寓')}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['x-export-rows']).toBe('1');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as any);
    const sheet = book.getWorksheet('线索台账')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('查询码');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(1).getCell(20).value).toBe('线索描述');
    expect(String(sheet.getRow(2).getCell(20).value)).toContain('投资养老公寓');
    const all = await get('lk_intake', '/api/tips/export');
    expect(Number(all.headers['x-export-rows'])).toBeGreaterThan(1);
    const [row] = await t.db.query<{ detail: any }>(`select detail from audit_log where action = 'tip.exported' order by id limit 1`);
    expect(row.detail).toMatchObject({ rows: 1, truncated: false, filter: { q: '养老公寓' } });
    expect((await get('lk_intake', '/api/tips/export?status=nope')).statusCode).toBe(400);
    // Times are written in Beijing time whatever zone the server process runs in (run this file under TZ=UTC
    // and TZ=America/New_York): 16:30 UTC on 30 November is 00:30 on 1 December in Beijing.
    const code = String(sheet.getRow(2).getCell(1).value);
    await t.db.query(`update tips set received_at = '2026-11-30T16:30:00Z' where tracking_code = $1`, [code]);
    const again = new ExcelJS.Workbook();
    await again.xlsx.load((await get('lk_intake', `/api/tips/export?q=${encodeURIComponent('养老公寓')}`)).rawPayload as any);
    expect(again.getWorksheet('线索台账')!.getRow(2).getCell(3).value).toBe('2026-12-01 00:30');
  });

  it('routing rules are data with history, and drive dispatch suggestions', async () => {
    const admin = await t.login('admin');
    let r = await t.app.inject({ method: 'PUT', url: '/api/admin/routing-rules', headers: { cookie: admin }, payload: { regionPrefix: '370681', fraudType: 'elderly_product', leadKind: 'police', assistKinds: ['market_regulation'] } });
    expect(r.statusCode).toBe(200);
    const ruleId = json(r).id;
    const sub = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip() }));
    const [{ id }] = await t.db.query<{ id: number }>('select id from tips where tracking_code = $1', [sub.trackingCode]);
    let sug = json(await get('lk_intake', `/api/tips/${id}/dispatch-suggestions`));
    expect(sug.lead[0].id).toBe(t.world.units.get('370681:police'));
    expect(sug.assisting.map((u: any) => u.id)).toContain(t.world.units.get('370681:market_regulation'));
    // Outside 龙口 the national default (market regulation leads) still applies.
    r = await t.app.inject({ method: 'DELETE', url: `/api/admin/routing-rules/${ruleId}`, headers: { cookie: admin } });
    expect(r.statusCode).toBe(200);
    sug = json(await get('lk_intake', `/api/tips/${id}/dispatch-suggestions`));
    expect(sug.lead[0].id).toBe(t.world.units.get('370681:market_regulation'));
    const history = json(await get('admin', `/api/routing-rules/history?ruleId=${ruleId}`));
    expect(history.items.map((h: any) => h.op)).toEqual(['delete', 'create']);
    r = await t.app.inject({ method: 'PUT', url: '/api/admin/routing-rules', headers: { cookie: admin }, payload: { regionPrefix: '37x', fraudType: 'elderly_product', leadKind: 'police' } });
    expect(r.statusCode).toBe(400);
  });
});
