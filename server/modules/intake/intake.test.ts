import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX } from '../../schemas.ts';
import { createTestApp, inDays, json, multipart, photoWithLocation, validTip, type TestApp, withoutReportApproval } from '../../test/helpers.ts';
import { chinaToday } from '../../../shared/time.ts';
import { canFollowHandover, handoverVisibleSql } from '../access/jurisdiction.ts';
import { loadUser, type SessionUser } from '../auth/auth.service.ts';
import { sql } from '../../db/client.ts';
import { batchRow, batchWorkbook, beijing } from './intake.fixtures.ts';
import { MAX_BATCH_ROWS, RESULT_LAYOUT } from './batch12337.ts';

/**
 * Intake from every source (issue 12, items 3–5): member units hand tips over (移交), staff register
 * tips with the source's reference number (duplicates flagged), the 12337 batch is imported once and
 * its results exported back — and the bad input each path must refuse.
 */
describe('intake: hand-overs, reference numbers, the 12337 batch', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    // 单位负责人审核 is tested in modules/approval; here the unit's report goes straight to the office.
    await withoutReportApproval(t, '370681:police', '370681:market_regulation');
  });
  afterAll(() => t.close());

  const req = async (user: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url, payload: payload as object, headers: { cookie: await t.login(user) } });
  const upload = async (user: string, file: Buffer, name = '12337.xlsx', type = XLSX) => {
    const m = multipart(file, name, type);
    return t.app.inject({ method: 'POST', url: '/api/tip-imports', payload: m.payload, headers: { ...m.headers, cookie: await t.login(user) } });
  };
  const act = async (user: string, id: number, body: object) => {
    const res = await req(user, 'POST', `/api/tips/${id}/actions`, body);
    expect(res.statusCode, res.body).toBe(200);
  };
  const sheetOf = async (payload: Buffer) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(payload as unknown as ArrayBuffer);
    return book.worksheets[0];
  };
  const rowValues = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as ExcelJS.CellValue[]).slice(1).map((v) => (v == null ? '' : String(v)));
  const unit = (key: string) => t.world.units.get(key)!;

  describe('移交 by member units', () => {
    it('a police unit hands a tip over: it lands in its office\'s intake queue, audited, and the police follow it in their hand-overs', async () => {
      const res = await req('lk_police', 'POST', '/api/handovers', {
        regionCode: '370681001', description: '巡逻中发现某养生馆以免费体检为名诱骗老人购买高价保健品，已有多人受骗。', subject: { name: '福寿养生馆' },
        sourceRef: '龙公移〔2026〕8号',
      });
      expect(res.statusCode, res.body).toBe(201);
      const { id, trackingCode, officeName } = json(res);
      const nameOf = async (key: string) => (await t.db.query<{ name: string }>('select name from units where id = $1', [unit(key)]))[0].name;
      expect(officeName).toBe(await nameOf('370681:campaign_office'));
      // The office sees it to accept, with the handing unit and the source.
      const queue = json(await req('lk_intake', 'GET', '/api/tips?todo=to_accept&limit=200'));
      expect(queue.items.map((x: { id: number }) => x.id)).toContain(id);
      const detail = json(await req('lk_intake', 'GET', `/api/tips/${id}`));
      expect(detail).toMatchObject({ source: 'department_transfer', sourceRef: '龙公移〔2026〕8号', status: 'submitted', handedOverBy: { id: unit('370681:police'), name: await nameOf('370681:police') } });
      expect(detail.timeline[0].text).toContain(`${await nameOf('370681:police')}移交线索`);
      // The office's clerk is told.
      const notices = json(await req('lk_intake', 'GET', '/api/notifications'));
      expect(notices.items.some((n: { tipId: number; text: string }) => n.tipId === id && n.text.includes('移交'))).toBe(true);
      // The police follow it …
      const mine = json(await req('lk_police', 'GET', '/api/handovers'));
      expect(mine.items[0]).toMatchObject({ id, trackingCode, statusLabel: '待受理', officeName, sourceRef: '龙公移〔2026〕8号' });
      // … but hold no dispatch: the office's work on it is not theirs to open.
      expect((await req('lk_police', 'GET', `/api/tips/${id}`)).statusCode).toBe(404);
      // Another unit does not see it among its own hand-overs.
      expect(json(await req('lk_market_regulation', 'GET', '/api/handovers')).items.map((x: { id: number }) => x.id)).not.toContain(id);
      const [row] = await t.db.query<{ actor_name: string; detail: { unitId: number; officeUnitId: number } }>(
        `select actor_name, detail from audit_log where action = 'tip.handed_over' and entity_id = $1`, [String(id)],
      );
      expect(row).toMatchObject({ actor_name: 'lk_police', detail: { unitId: unit('370681:police'), officeUnitId: unit('370681:campaign_office') } });
      // Accepting it shows in the police's list as the state moves on.
      await act('lk_intake', id, { action: 'accept' });
      expect(json(await req('lk_police', 'GET', '/api/handovers')).items[0]).toMatchObject({ id, statusLabel: '已受理' });
    });

    it('a hand-over that comes to accuse the handing unit disappears from its list; a unit never sees a tip it is named in', async () => {
      const res = await req('lk_market_regulation', 'POST', '/api/handovers', {
        regionCode: '370681', source: 'screening', description: '检查中发现某保健品店虚假宣传，称产品可治疗糖尿病，向老人高价销售。',
      });
      expect(res.statusCode, res.body).toBe(201);
      const { id } = json(res);
      expect(json(await req('lk_market_regulation', 'GET', '/api/handovers')).items.map((x: { id: number }) => x.id)).toContain(id);
      // The office accepts it naming the market regulator itself (the shop says the bureau protected it).
      await act('lk_intake', id, { action: 'accept', accusedUnitIds: [unit('370681:market_regulation')] });
      expect(json(await req('lk_market_regulation', 'GET', '/api/handovers')).items.map((x: { id: number }) => x.id)).not.toContain(id);
      // The one rule in two forms agrees on the unit's tips.
      const market = (await loadUser(t.db, t.world.users.get('lk_market_regulation')!)) as SessionUser;
      const rows = await t.db.query<{ id: number; handed_over_by_unit_id: number | null; accused_unit_ids: number[] }>(
        `select id, handed_over_by_unit_id, accused_unit_ids from tips where handed_over_by_unit_id is not null`,
      );
      const bySql = (await t.db.query<{ id: number }>(sql`select t.id from tips t where ${handoverVisibleSql(market)}`)).map((r) => r.id).sort();
      expect(rows.filter((r) => canFollowHandover(market, r)).map((r) => r.id).sort()).toEqual(bySql);
      expect(bySql).not.toContain(id);
    });

    it('a court card goes to the office; only a court sends one; a case the unit cannot see is refused; the police link their own case', async () => {
      const card = { regionCode: '370681', description: '审理中发现某公司以投资养老公寓为名非法吸收老人资金，涉及多名老人。', source: 'court_card' };
      const refused = await req('lk_police', 'POST', '/api/handovers', card);
      expect(refused.statusCode, refused.body).toBe(400);
      expect(json(refused).error.fields[0].path).toBe('source');
      const court = await req('yt_court', 'POST', '/api/handovers', { ...card, sourceRef: '烟法摸排〔2026〕3号' });
      expect(court.statusCode, court.body).toBe(201);
      // The city court's office is the city's.
      expect(json(court).officeName).toMatch(/^烟台市.*办公室$/);
      expect(json(await req('yt_intake', 'GET', `/api/tips/${json(court).id}`)).source).toBe('court_card');
      // A case filed by the police: another unit cannot tie a tip to it; the police can.
      const filed = json(await req('lk_police', 'POST', '/api/cases', { caseNo: '龙公立〔2026〕移1号', title: '养老公寓非法集资案', regionCode: '370681', origin: 'new', filedOn: chinaToday() }));
      const notTheirs = await req('yt_court', 'POST', '/api/handovers', { ...card, caseId: filed.id });
      expect(notTheirs.statusCode).toBe(404);
      expect(json(notTheirs).error.fields[0].path).toBe('caseId');
      const withCase = await req('lk_police', 'POST', '/api/handovers', { ...card, source: 'department_transfer', caseId: filed.id });
      expect(withCase.statusCode, withCase.body).toBe(201);
      expect(json(await req('lk_intake', 'GET', `/api/tips/${json(withCase).id}`)).cases.map((c: { id: number }) => c.id)).toEqual([filed.id]);
    });

    it('refuses bad hand-overs: offices, regions outside the unit, unknown fields, short text, hostile strings kept as text', async () => {
      const body = { regionCode: '370681', description: '检查中发现某养老院违规收取会员费，承诺高额返利。' };
      expect((await req('lk_intake', 'POST', '/api/handovers', body)).statusCode).toBe(403);
      expect((await req('lk_police', 'POST', '/api/handovers', { ...body, regionCode: '370602' })).statusCode).toBe(422);
      expect((await req('lk_police', 'POST', '/api/handovers', { ...body, regionCode: '99' })).statusCode).toBe(422);
      expect((await req('lk_police', 'POST', '/api/handovers', { ...body, regionCode: '3706x' })).statusCode).toBe(400);
      expect((await req('lk_police', 'POST', '/api/handovers', { ...body, officeUnitId: 1 })).statusCode).toBe(400);
      expect((await req('lk_police', 'POST', '/api/handovers', { ...body, description: '太短' })).statusCode).toBe(400);
      expect((await req('lk_police', 'POST', '/api/handovers', { ...body, sourceRef: '一\n二' })).statusCode).toBe(400);
      expect((await req('lk_police', 'POST', '/api/handovers', { ...body, source: 'portal' })).statusCode).toBe(400);
      expect((await req('lk_police', 'GET', '/api/handovers?cursor=abc')).statusCode).toBe(400);
      const hostile = await req('lk_police', 'POST', '/api/handovers', { ...body, sourceRef: `=HYPERLINK("http://x")'; drop table tips;--`, description: `<img src=x onerror=alert(1)> ${body.description}` });
      expect(hostile.statusCode, hostile.body).toBe(201);
      const d = json(await req('lk_intake', 'GET', `/api/tips/${json(hostile).id}`));
      expect(d.sourceRef).toBe(`=HYPERLINK("http://x")'; drop table tips;--`);
      expect(d.description.startsWith('<img src=x onerror=alert(1)>')).toBe(true);
    });
  });

  describe('staff intake with the source\'s reference number', () => {
    const hotline = (over: object = {}) => ({ ...validTip({ regionCode: '370681001' }), source: 'hotline', ...over });

    it('上级转办 needs the upper office\'s reference number and deadline; both are kept, and the list finds the tip by the number', async () => {
      const missing = await req('lk_intake', 'POST', '/api/tips', hotline({ source: 'upper_transfer' }));
      expect(missing.statusCode).toBe(400);
      expect(json(missing).error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['sourceDueOn', 'sourceRef']);
      const past = await req('lk_intake', 'POST', '/api/tips', hotline({ source: 'upper_transfer', sourceRef: '烟专办转〔2026〕41号', sourceDueOn: '2020-01-01' }));
      expect(past.statusCode).toBe(400);
      const due = inDays(10).slice(0, 10);
      const ok = await req('lk_intake', 'POST', '/api/tips', hotline({ source: 'upper_transfer', sourceRef: '烟专办转〔2026〕41号', sourceDueOn: due }));
      expect(ok.statusCode, ok.body).toBe(201);
      const d = json(await req('lk_intake', 'GET', `/api/tips/${json(ok).id}`));
      expect(d).toMatchObject({ source: 'upper_transfer', sourceRef: '烟专办转〔2026〕41号', sourceDueOn: due });
      const found = json(await req('lk_intake', 'GET', `/api/tips?q=${encodeURIComponent('烟专办转〔2026〕41号')}`));
      expect(found.items.map((x: { id: number }) => x.id)).toEqual([json(ok).id]);
      expect(found.items[0].sourceRef).toBe('烟专办转〔2026〕41号');
      // The city above sees it by its number too; a county beside it does not.
      expect(json(await req('yt_intake', 'GET', `/api/tips?q=${encodeURIComponent('烟专办转〔2026〕41号')}`)).items).toHaveLength(1);
      expect(json(await req('zf_intake', 'GET', `/api/tips?q=${encodeURIComponent('烟专办转〔2026〕41号')}`)).items).toHaveLength(0);
    });

    it('flags a duplicate by source and number: 409 naming the tip, created only when confirmed (audited); another source is no duplicate', async () => {
      const first = json(await req('lk_intake', 'POST', '/api/tips', hotline({ source: 'platform_12337', sourceRef: 'SD12337-2026-000777' })));
      const check = json(await req('lk_intake', 'GET', `/api/tips/source-ref?source=platform_12337&ref=SD12337-2026-000777`));
      expect(check.items).toEqual([expect.objectContaining({ id: first.id, trackingCode: first.trackingCode, statusLabel: '待受理' })]);
      const dup = await req('lk_lead', 'POST', '/api/tips', hotline({ source: 'platform_12337', sourceRef: 'SD12337-2026-000777' }));
      expect(dup.statusCode, dup.body).toBe(409);
      expect(json(dup).error.code).toBe('DUPLICATE_SOURCE_REF');
      expect(json(dup).error.fields[0]).toMatchObject({ path: 'sourceRef', message: expect.stringContaining(first.trackingCode) });
      const [{ n: before }] = await t.db.query<{ n: number }>(`select count(*)::int as n from tips where source_ref = 'SD12337-2026-000777'`);
      expect(before).toBe(1);
      const confirmed = await req('lk_lead', 'POST', '/api/tips', hotline({ source: 'platform_12337', sourceRef: 'SD12337-2026-000777', confirmDuplicate: true }));
      expect(confirmed.statusCode, confirmed.body).toBe(201);
      const [audit] = await t.db.query<{ detail: { duplicateOf: number[] } }>(`select detail from audit_log where action = 'tip.duplicate_confirmed' and entity_id = $1`, [String(json(confirmed).id)]);
      expect(audit.detail.duplicateOf).toEqual([first.id]);
      expect((await req('lk_intake', 'POST', '/api/tips', hotline({ source: 'letter', sourceRef: 'SD12337-2026-000777' }))).statusCode).toBe(201);
      // A county beside it sees none of them: no warning, no leak of the other county's tips.
      expect(json(await req('zf_intake', 'GET', `/api/tips/source-ref?source=platform_12337&ref=SD12337-2026-000777`)).items).toEqual([]);
    });

    it('refuses bad reference numbers and queries', async () => {
      for (const sourceRef of ['', '   ', 'x'.repeat(61), '第一行\n第二行']) {
        expect((await req('lk_intake', 'POST', '/api/tips', hotline({ sourceRef }))).statusCode, JSON.stringify(sourceRef)).toBe(400);
      }
      expect((await req('lk_intake', 'POST', '/api/tips', hotline({ sourceRef: 'A\u0000B' }))).statusCode).toBe(400);
      expect((await req('lk_intake', 'GET', '/api/tips/source-ref?source=bogus&ref=1')).statusCode).toBe(400);
      expect((await req('lk_intake', 'GET', '/api/tips/source-ref?source=hotline')).statusCode).toBe(400);
      // Hostile text as a search is only text.
      const q = encodeURIComponent(`' or 1=1 --`);
      expect(json(await req('lk_intake', 'GET', `/api/tips?q=${q}`)).items).toEqual([]);
    });
  });

  describe('the 12337 batch', () => {
    const get = async (user: string, url: string) => req(user, 'GET', url);

    it('imports good rows once, refuses bad rows with their reasons as a sheet, and exports the results back in the platform layout', async () => {
      const rows = [
        batchRow('B-0001'),
        batchRow('B-0002', '山东省烟台市龙口市'),
        batchRow('B-0003', '370681001'),
        ['B-0004', beijing(-1), '火星市', '某公司', '某公司以养老项目为名非法集资，承诺高息回报，请核查。', ''],
        ['B-0005', beijing(-1), '龙口市', '某公司', '', ''],
        ['B-0006', '2026-13-45 10:00', '龙口市', '某公司', '某公司以养老项目为名非法集资，承诺高息回报，请核查。', ''],
        ['B-0007', beijing(-1), '龙口市', '某公司', '某公司以养老项目为名非法集资，承诺高息回报，请核查。', beijing(-5).slice(0, 10)],
        ['', beijing(-1), '龙口市', '某公司', '某公司以养老项目为名非法集资，承诺高息回报，请核查。', ''],
        batchRow('B-0001'),
        ['B-0010', beijing(-1), '芝罘区', '某公司', '某公司以养老项目为名非法集资，承诺高息回报，请核查。', ''],
        ['B-0011', beijing(3), '龙口市', '某公司', '某公司以养老项目为名非法集资，承诺高息回报，请核查。', ''],
        ['B-0012', beijing(-1), '龙口市', '某公司', { formula: 'A1&A2', result: 'x' }, ''],
        ['B-0013', beijing(-1), '龙口市', '=HYPERLINK("http://evil")', '=HYPERLINK("http://evil") 假借养老服务收取会员费，老人退费无门，请核查。', ''],
        // A real Excel date-time cell (the platform's own export): 2026-11-20 14:05 Beijing time.
        ['B-0014', new Date(Date.UTC(2026, 10, 20, 14, 5)), '龙口市', '某公司', '某公司推销以房养老理财产品，诱导老人抵押房产，请核查。', new Date(Date.UTC(2026, 11, 20))],
      ];
      const res = await upload('lk_intake', await batchWorkbook(rows));
      expect(res.statusCode, res.body).toBe(201);
      const r = json(res);
      expect(r).toMatchObject({ rowsTotal: 14, created: 5, duplicates: 0, refused: 9 });
      const reason = (row: number) => r.errors.find((e: { row: number }) => e.row === row)?.reason ?? '';
      expect(reason(5)).toMatch(/地区“火星市”不存在或不在本单位辖区内/);
      expect(reason(6)).toBe('缺少内容');
      expect(reason(7)).toMatch(/时间.*无法识别/);
      expect(reason(8)).toMatch(/办理期限 .* 早于线索时间/);
      expect(reason(9)).toBe('缺少编号');
      expect(reason(10)).toBe('编号与第 2 行重复');
      expect(reason(11)).toMatch(/不在本单位辖区内/);
      expect(reason(12)).toBe('时间晚于当前时间');
      expect(reason(13)).toMatch(/公式/);
      // The tips: source, number, the platform's time and deadline, in the office's queue.
      const tips = await t.db.query<{ source: string; source_ref: string; region_code: string; office_unit_id: number; source_at: Date; source_due_on: string; status: string }>(
        `select source, source_ref, region_code, office_unit_id, source_at, source_due_on, status from tips where import_id = $1 order by source_ref`, [r.id],
      );
      expect(tips.map((x) => [x.source_ref, x.region_code])).toEqual([['B-0001', '370681'], ['B-0002', '370681'], ['B-0003', '370681001'], ['B-0013', '370681'], ['B-0014', '370681']]);
      expect(tips.every((x) => x.source === 'platform_12337' && x.office_unit_id === unit('370681:campaign_office') && x.status === 'submitted')).toBe(true);
      expect(tips[4].source_at.toISOString()).toBe('2026-11-20T06:05:00.000Z');
      expect(tips[4].source_due_on).toBe('2026-12-20');
      // The same batch again creates nothing.
      const again = json(await upload('lk_intake', await batchWorkbook(rows)));
      expect(again).toMatchObject({ rowsTotal: 14, created: 0, duplicates: 5, refused: 9 });
      const [{ n }] = await t.db.query<{ n: number }>(`select count(*)::int as n from tips where source_ref like 'B-00%'`);
      expect(n).toBe(5);
      // The bad-rows sheet: row number, reason, the row as it came.
      const sheetRes = await get('lk_intake', `/api/tip-imports/${r.id}/errors`);
      expect(sheetRes.statusCode).toBe(200);
      expect(sheetRes.headers['content-type']).toBe(XLSX);
      const ws = await sheetOf(sheetRes.rawPayload);
      expect(rowValues(ws, 1)).toEqual(['原表行号', '原因', '编号', '时间', '地区', '被举报对象', '内容', '办理期限']);
      expect(ws.rowCount).toBe(10);
      expect(rowValues(ws, 2).slice(0, 5)).toEqual(['5', expect.stringContaining('火星市'), 'B-0004', expect.any(String), '火星市']);
      // Another office, even the one above, gets no sheet of this office's batch.
      expect((await get('yt_intake', `/api/tip-imports/${r.id}/errors`)).statusCode).toBe(404);
      // The list of batches.
      const list = json(await get('lk_intake', '/api/tip-imports'));
      expect(list.items.slice(0, 2).map((b: { id: number }) => b.id)).toEqual([again.id, r.id]);

      // Work two of them: one closed with a verdict, one rejected; the rest still open.
      const idOf = async (ref: string) => (await t.db.query<{ id: number }>(`select id from tips where source_ref = $1 and import_id = $2`, [ref, r.id]))[0].id;
      const closedId = await idOf('B-0001');
      await act('lk_intake', closedId, { action: 'accept' });
      await act('lk_intake', closedId, { action: 'dispatch', leadUnitId: unit('370681:market_regulation'), deadline: inDays(5), instructions: '请核查' });
      await act('lk_market_regulation', closedId, { action: 'sign' });
      await act('lk_market_regulation', closedId, { action: 'report', verdict: 'partly_true', measures: ['rectification_order', 'admin_penalty'], summary: '经查部分属实，已责令整改并处罚款。' });
      await act('lk_lead', closedId, { action: 'close', publicAnswer: '经核查，反映问题部分属实，已责令整改并依法处罚。' });
      const rejectedId = await idOf('B-0002');
      await act('lk_intake', rejectedId, { action: 'accept' });
      await act('lk_intake', rejectedId, { action: 'reject', reason: '重复举报', publicAnswer: '该问题已在其他线索中核查处理。' });
      const exp = await get('lk_intake', `/api/tip-imports/${r.id}/results`);
      expect(exp.statusCode, exp.body).toBe(200);
      expect(exp.headers['x-export-rows']).toBe('5');
      const out = await sheetOf(exp.rawPayload);
      expect(rowValues(out, 1)).toEqual([...RESULT_LAYOUT]);
      // 办结日期: the Beijing day each was closed on, today (or yesterday, if the run has crossed Beijing midnight since).
      const closedOn = async (id: number) => (await t.db.query<{ day: string }>(`select to_char(closed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day from tips where id = $1`, [id]))[0].day;
      const [closedDay, rejectedDay] = [await closedOn(closedId), await closedOn(rejectedId)];
      for (const d of [closedDay, rejectedDay]) expect([chinaToday(Date.now() - 86400_000), chinaToday()]).toContain(d);
      expect(rowValues(out, 2)).toEqual(['B-0001', '部分属实', '责令整改、行政处罚', '经核查，反映问题部分属实，已责令整改并依法处罚。', closedDay]);
      expect(rowValues(out, 3)).toEqual(['B-0002', '不予受理', '', '该问题已在其他线索中核查处理。', rejectedDay]);
      expect(rowValues(out, 4)).toEqual(['B-0003', '尚未办结（待受理）', '', '', '']);
      const [audit] = await t.db.query<{ detail: { rows: number } }>(`select detail from audit_log where action = 'tip.import_results_exported' order by id desc limit 1`);
      expect(audit.detail.rows).toBe(5);
      // The hostile subject is stored as text and neutralised in the error sheet / exports.
      const hostile = await t.db.query<{ subject: { name: string } }>(`select subject from tips where source_ref = 'B-0013'`);
      expect(hostile[0].subject.name).toBe('=HYPERLINK("http://evil")');
      expect((await get('yt_intake', `/api/tip-imports/${r.id}/results`)).statusCode).toBe(404);
      const [imp] = json(await get('lk_intake', '/api/tip-imports')).items.filter((b: { id: number }) => b.id === r.id);
      expect(imp).toMatchObject({ created: 5, closed: 1, refused: 9 });
    });

    it('refuses malformed files as a whole: not a workbook, wrong columns, too many rows, too large, not multipart, not an office', async () => {
      const fail = async (file: Buffer, name = 'a.xlsx') => {
        const res = await upload('lk_intake', file, name);
        return [res.statusCode, json(res).error?.code, JSON.stringify(json(res).error)];
      };
      expect(await fail(Buffer.from('编号,时间\nA,2026-01-01\n'), 'a.csv')).toEqual([422, 'IMPORT_INVALID', expect.stringContaining('不是 Excel')]);
      expect(await fail(await photoWithLocation())).toEqual([422, 'IMPORT_INVALID', expect.any(String)]);
      // A zip that is no workbook.
      const zip = Buffer.from('504b0506000000000000000000000000000000000000', 'hex');
      expect((await fail(zip))[0]).toBe(422);
      expect(await fail(await batchWorkbook([batchRow('W-1')], { headers: ['编号', '时间', '地区', '内容'] }))).toEqual([422, 'IMPORT_INVALID', expect.stringContaining('第 4 列的表头应为“被举报对象”')]);
      expect(await fail(await batchWorkbook([]))).toEqual([422, 'IMPORT_INVALID', expect.stringContaining('没有线索')]);
      const many = Array.from({ length: MAX_BATCH_ROWS + 1 }, (_, i) => batchRow(`M-${i}`));
      expect(await fail(await batchWorkbook(many))).toEqual([413, 'PAYLOAD_TOO_LARGE', expect.stringContaining(`${MAX_BATCH_ROWS}`)]);
      expect((await fail(Buffer.alloc(5 * 1024 * 1024 + 10, 1)))[0]).toBe(413);
      const notMultipart = await t.app.inject({ method: 'POST', url: '/api/tip-imports', payload: { file: 'x' }, headers: { cookie: await t.login('lk_intake') } });
      expect(notMultipart.statusCode).toBe(415);
      const m = multipart(await batchWorkbook([batchRow('P-1')]), 'a.xlsx', XLSX);
      expect((await t.app.inject({ method: 'POST', url: '/api/tip-imports', payload: m.payload, headers: { ...m.headers, cookie: await t.login('lk_police') } })).statusCode).toBe(403);
      expect((await get('lk_intake', '/api/tip-imports/999999/errors')).statusCode).toBe(404);
      expect((await get('lk_intake', '/api/tip-imports/abc/results')).statusCode).toBe(400);
      // Nothing of the refused files was written.
      expect((await t.db.query(`select 1 from tips where source_ref in ('W-1', 'M-0', 'P-1')`)).length).toBe(0);
    });

    it('imports 5,000 rows in one go (timed), and two imports of one batch at once still create each number once', async () => {
      const rows = Array.from({ length: MAX_BATCH_ROWS }, (_, i) => batchRow(`BIG-${String(i).padStart(5, '0')}`, i % 2 ? '龙口市' : '370681001', `第${i}号养生馆`));
      const file = await batchWorkbook(rows);
      const started = performance.now();
      const res = await upload('lk_intake', file);
      const ms = performance.now() - started;
      expect(res.statusCode, res.body).toBe(201);
      expect(json(res)).toMatchObject({ created: MAX_BATCH_ROWS, refused: 0 });
      console.log(`12337 batch of ${MAX_BATCH_ROWS} rows (${(file.length / 1024).toFixed(0)} KB) imported in ${ms.toFixed(0)} ms`);
      const small = await batchWorkbook([batchRow('RACE-1'), batchRow('RACE-2')]);
      const [a, b] = await Promise.all([upload('lk_intake', small), upload('lk_lead', small)]);
      expect([json(a).created + json(b).created, json(a).duplicates + json(b).duplicates]).toEqual([2, 2]);
    }, 120_000);
  });
});
