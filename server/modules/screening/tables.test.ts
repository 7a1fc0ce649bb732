import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, seedSecondProvince, validTip, type TestApp } from '../../test/helpers.ts';
import { sql } from '../../db/client.ts';
import { NOTICE_KINDS } from '../../../shared/domain.ts';
import { chinaToday } from '../../../shared/time.ts';

/**
 * Issue 13 items 4 and 6: hazards recorded on their own with a checked source, the ledger's filters,
 * and the official screening tables (.xlsx per child region) checked against a direct count.
 */
describe('hazards without an inspection, the ledger’s filters and the official tables', () => {
  let t: TestApp;
  const day = (d: number) => chinaToday(Date.now() + d * 86400_000);
  beforeAll(async () => {
    t = await createTestApp();
    await seedSecondProvince(t.db);
  });
  afterAll(() => t.close());

  async function as(user: string) {
    const cookie = await t.login(user);
    return {
      get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } }),
      post: (url: string, payload?: unknown) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as object }),
    };
  }
  const hazard = (over: Record<string, unknown> = {}) => ({
    description: '以“床位预订”名义收取大额押金', category: 'prepaid', serious: false, measure: 'rectification_order', deadline: day(15), responsible: '院长 刘某', ...over,
  });
  const subject = async (user: string, regionCode: string, kind: string, name: string) => {
    const r = await (await as(user)).post('/api/subjects', { regionCode, kind, name });
    expect(r.statusCode, r.body).toBe(201);
    return json(r).id as number;
  };
  const trackingCode = async (over: Record<string, unknown> = {}) => json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip(over) })).trackingCode as string;

  it('records a hazard from a tip, a complaint, a supervision finding or an inspection, each checked', async () => {
    const intake = await as('lk_intake');
    const home = await subject('lk_intake', '370681', 'elderly_care_institution', '龙口市来源测试颐养院');
    const url = `/api/subjects/${home}/hazards`;
    const count = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from hazards'))[0].n;
    const before = await count();

    // No source, or an incomplete one: 400 with the field's path and a Chinese message, nothing written.
    for (const [body, path] of [
      [hazard(), 'source'],
      [{ ...hazard(), source: { kind: 'rumour' } }, 'source.kind'],
      [{ ...hazard(), source: { kind: 'complaint', note: ' ' } }, 'source.note'],
      [{ ...hazard(), source: { kind: 'tip', trackingCode: '12345' } }, 'source.trackingCode'],
      [{ ...hazard(), source: { kind: 'supervision' } }, 'source.findingId'],
      [{ ...hazard({ responsible: '' }), source: { kind: 'complaint', note: '家属投诉' } }, 'responsible'],
      [{ ...hazard({ deadline: undefined }), source: { kind: 'complaint', note: '家属投诉' } }, 'deadline'],
    ] as [object, string][]) {
      const r = await intake.post(url, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(json(r).error.fields.map((f: { path: string }) => f.path), JSON.stringify(body)).toContain(path);
      expect(json(r).error.fields.every((f: { message: string }) => /[\u4e00-\u9fa5]/.test(f.message))).toBe(true);
    }
    expect(await count()).toBe(before);

    // A complaint.
    const fromComplaint = await intake.post(url, { ...hazard(), source: { kind: 'complaint', note: '入住老人家属 12345 热线投诉' } });
    expect(fromComplaint.statusCode, fromComplaint.body).toBe(201);

    // A tip the user may see, by its tracking code; one of another county is "not found" on the field.
    const ownTip = await trackingCode();
    const fromTip = await intake.post(url, { ...hazard({ description: '举报反映的会员卡问题' }), source: { kind: 'tip', trackingCode: ownTip } });
    expect(fromTip.statusCode, fromTip.body).toBe(201);
    const otherTip = await trackingCode({ regionCode: '370602001' });
    const refused = await intake.post(url, { ...hazard(), source: { kind: 'tip', trackingCode: otherTip } });
    expect(refused.statusCode).toBe(404);
    expect(json(refused).error.fields[0].path).toBe('source.trackingCode');

    // A tip that accuses the county's market regulator: the office records a hazard from it; the
    // accused unit sees the hazard (its subject is in its county) but never the tip behind it.
    const [{ name: marketName }] = await t.db.query<{ name: string }>(sql`select name from units where id = ${t.world.units.get('370681:market_regulation')!}`);
    const accusing = await trackingCode({ subject: { name: marketName } });
    const fromAccusing = json(await intake.post(url, { ...hazard({ description: '举报涉及监管部门的问题' }), source: { kind: 'tip', trackingCode: accusing } })).id;
    const market = await as('lk_market_regulation');
    expect((await market.post(url, { ...hazard(), source: { kind: 'tip', trackingCode: accusing } })).statusCode).toBe(404);
    const seenByMarket = json(await market.get('/api/hazards?source=tip&pageSize=200')).items;
    expect(seenByMarket.find((h: { id: number }) => h.id === fromAccusing)).toMatchObject({ source: 'tip', sourceTip: null });
    expect(JSON.stringify(json(await market.get(`/api/subjects/${home}`)).hazards)).not.toContain(accusing);
    const seenByOffice = json(await intake.get('/api/hazards?source=tip&pageSize=200')).items;
    expect(seenByOffice.find((h: { id: number }) => h.id === fromAccusing).sourceTip).toMatchObject({ trackingCode: accusing });

    // A supervision finding: the target unit may name it, another county may not.
    const sup = await as('yt_supervisor');
    const civil = t.world.units.get('370681:civil_affairs')!;
    const round = await sup.post('/api/supervision/rounds', {
      title: '养老机构排查整治督导', method: 'on_site', startDate: day(-1), endDate: day(5), targetRegionCodes: ['370681'], targetUnitIds: [civil],
      findings: [{ targetUnitId: civil, description: '颐养院押金问题未纳入台账', fixRequired: '登记隐患并督促整改', deadline: day(10) }],
    });
    expect(round.statusCode, round.body).toBe(201);
    const [findingId] = json(round).findingIds;
    const fromFinding = await (await as('lk_civil_affairs')).post(url, { ...hazard(), source: { kind: 'supervision', findingId } });
    expect(fromFinding.statusCode, fromFinding.body).toBe(201);
    const zfHome = await subject('zf_intake', '370602', 'elderly_care_institution', '芝罘区来源测试养老院');
    const notTheirs = await (await as('zf_intake')).post(`/api/subjects/${zfHome}/hazards`, { ...hazard(), source: { kind: 'supervision', findingId } });
    expect(notTheirs.statusCode).toBe(404);
    expect(json(notTheirs).error.fields[0].path).toBe('source.findingId');

    // An earlier inspection of this subject, not of another.
    const inspection = json(await intake.post(`/api/subjects/${home}/inspections`, { inspectedOn: day(0), inspectors: 2, checklist: {} })).id;
    const zfInspection = json(await (await as('zf_intake')).post(`/api/subjects/${zfHome}/inspections`, { inspectedOn: day(0), inspectors: 2, checklist: {} })).id;
    expect((await intake.post(url, { ...hazard(), source: { kind: 'inspection', inspectionId: inspection } })).statusCode).toBe(201);
    expect((await intake.post(url, { ...hazard(), source: { kind: 'inspection', inspectionId: zfInspection } })).statusCode).toBe(404);

    const rows = await t.db.query<{ source: string; source_tip_id: number | null; source_finding_id: number | null; inspection_id: number | null }>(
      sql`select source, source_tip_id, source_finding_id, inspection_id from hazards where subject_id = ${home} order by id`,
    );
    expect(rows.map((r) => r.source)).toEqual(['complaint', 'tip', 'tip', 'supervision', 'inspection']);
    expect(rows[3].source_finding_id).toBe(findingId);
    expect(rows[4].inspection_id).toBe(inspection);
    const detail = json(await intake.get(`/api/subjects/${home}`));
    expect(detail.hazards.find((h: { source: string }) => h.source === 'complaint').sourceNote).toBe('入住老人家属 12345 热线投诉');
  });

  it('filters the ledger by sector, grade, overdue, status and source, in pages, each filter with the others', async () => {
    const lead = await as('yt_lead');
    const place = await subject('zf_intake', '370602', 'unregistered_care_place', '芝罘区筛选测试养老驿站');
    const zf = await as('zf_intake');
    for (const h of [hazard({ category: 'fundraising', description: '以投资养老公寓名义集资' }), hazard(), hazard({ serious: true })]) {
      expect((await zf.post(`/api/subjects/${place}/hazards`, { ...h, source: { kind: 'complaint', note: '街道转来投诉' } })).statusCode).toBe(201);
    }
    // One of them passes its deadline while still open.
    const [late] = await t.db.query<{ id: number }>(sql`update hazards set deadline = ${day(-3)}::date where subject_id = ${place} and serious returning id`);

    type Row = { id: number; kind: string; grade: string | null; overdue: boolean; status: string; source: string };
    const all = async (q: string): Promise<Row[]> => {
      const first = json(await lead.get(`/api/hazards?${q}&pageSize=200`));
      expect(first.total).toBe(first.items.length);
      return first.items;
    };
    const everything = await all('');
    const direct = await t.db.query<{ id: number; kind: string; grade: string | null }>(
      sql`select h.id, s.kind, k.grade from hazards h join subjects s on s.id = h.subject_id join subject_risk k on k.subject_id = s.id where s.region_code like '3706%'`,
    );
    expect(everything.map((h) => h.id).sort()).toEqual(direct.map((h) => h.id).sort());
    expect(everything.every((h) => h.grade === direct.find((d) => d.id === h.id)!.grade)).toBe(true);

    const places = await all('kind=unregistered_care_place');
    expect(places.map((h) => h.id).sort()).toEqual(direct.filter((d) => d.kind === 'unregistered_care_place').map((d) => d.id).sort());
    expect(places.length).toBeGreaterThanOrEqual(3);
    const red = await all('grade=red');
    expect(red.map((h) => h.id).sort()).toEqual(direct.filter((d) => d.grade === 'red').map((d) => d.id).sort());
    expect(red.some((h) => h.kind === 'unregistered_care_place')).toBe(true);
    expect((await all('grade=none')).every((h) => direct.find((d) => d.id === h.id)!.grade === null)).toBe(true);
    expect((await all('kind=unregistered_care_place&overdue=true&grade=red&status=open&source=complaint')).map((h) => h.id)).toEqual([late.id]);
    expect(await all('kind=unregistered_care_place&overdue=true&status=verified')).toEqual([]);
    expect(await all('kind=travel_agency&grade=red')).toEqual([]);

    // Pages: each holds pageSize rows, the total is the whole filter's, and the pages do not overlap.
    const p1 = json(await lead.get('/api/hazards?kind=unregistered_care_place&pageSize=2&page=1'));
    const p2 = json(await lead.get('/api/hazards?kind=unregistered_care_place&pageSize=2&page=2'));
    expect(p1.total).toBe(places.length);
    expect(p1.items).toHaveLength(2);
    expect([...p1.items, ...p2.items].map((h: Row) => h.id).sort()).toEqual(places.map((h) => h.id).slice(0, 4).sort());
    // Bad filter values are 400 on their field.
    for (const q of ['grade=purple', 'kind=bank', 'overdue=maybe', 'page=0']) {
      const r = await lead.get(`/api/hazards?${q}`);
      expect(r.statusCode, q).toBe(400);
      expect(json(r).error.fields[0].path).toContain(q.split('=')[0]);
    }
  });

  describe('the official tables', () => {
    // The period: the 31 Beijing days ending on the day the records were all in (read at the end of beforeAll, not when
    // the file is collected): records made after a crossing of Beijing midnight (16:00 UTC) would lie past an earlier `to`.
    let from: string;
    let to: string;

    beforeAll(async () => {
      // Records across two counties of 烟台市 (龙口市 370681, 芝罘区 370602), one at the city itself,
      // one in another city, and records outside the period.
      const lk = await as('lk_intake');
      const zf = await as('zf_intake');
      const yt = await as('yt_intake');
      const made: Record<string, number> = {};
      for (const [key, user, region, kind] of [
        ['a1', 'lk_intake', '370681', 'elderly_care_institution'], ['a2', 'lk_intake', '370681', 'elderly_care_institution'],
        ['a3', 'lk_intake', '370681', 'elderly_care_institution'], ['u1', 'lk_intake', '370681', 'unregistered_care_place'],
        ['b1', 'zf_intake', '370602', 'elderly_care_institution'], ['b2', 'zf_intake', '370602', 'elderly_care_institution'],
        ['u2', 'zf_intake', '370602', 'unregistered_care_place'], ['c1', 'yt_intake', '3706', 'elderly_care_institution'],
        ['q1', 'sd_intake', '3702', 'elderly_care_institution'],
      ] as const) made[key] = await subject(user, region, kind, `统计表测试主体${key}`);
      const inspect = async (u: typeof lk, id: number, on: string, hazards: object[] = []) =>
        expect((await u.post(`/api/subjects/${id}/inspections`, { inspectedOn: on, inspectors: 2, checklist: {}, hazards })).statusCode).toBe(201);
      await inspect(lk, made.a1, day(-2), [hazard({ serious: true }), hazard()]);
      await inspect(lk, made.a1, day(-1));
      await inspect(lk, made.a2, day(-60), [hazard()]); // before the period
      await inspect(lk, made.u1, day(0), [hazard({ category: 'fraud', serious: true })]);
      await inspect(zf, made.b1, day(-5), [hazard(), hazard(), hazard({ serious: true })]);
      await inspect(yt, made.c1, day(-3), [hazard()]);
      expect((await zf.post(`/api/subjects/${made.b2}/hazards`, { ...hazard(), source: { kind: 'complaint', note: '家属投诉' } })).statusCode).toBe(201);
      expect((await zf.post(`/api/subjects/${made.u2}/hazards`, { ...hazard(), source: { kind: 'complaint', note: '家属投诉' } })).statusCode).toBe(201);
      // The hazard of the inspection 60 days ago was registered then; some are rectified, some crossed off.
      await t.db.query(sql`update hazards set created_at = now() - interval '60 days' where subject_id = ${made.a2}`);
      await t.db.query(sql`update hazards set status = 'verified', verified_at = now() where id in (select min(id) from hazards where subject_id in (${made.a1}, ${made.b1}) group by subject_id)`);
      await t.db.query(sql`update hazards set status = 'rectified', rectified_note = '已退还押金' where id in (select max(id) from hazards where subject_id = ${made.b1})`);
      // Enforcement records (notices, a penalty, a transfer) in and out of the period, and a case naming a place.
      const unit = t.world.units.get('370602:market_regulation')!;
      const police = t.world.units.get('370602:police')!;
      const by = t.world.users.get('zf_market_regulation')!;
      let n = 0;
      const doc = async (subjectId: number, kind: string, issuedOn: string, extra: { fine?: number; police?: number } = {}) =>
        t.db.query(sql`insert into enforcement_records (kind, doc_no, unit_id, subject_id, issued_on, fine_fen, police_unit_id, summary, created_by)
          values (${kind}, ${`统计表测试〔2026〕${++n}号`}, ${unit}, ${subjectId}, ${issuedOn}::date, ${extra.fine ?? null}, ${extra.police ?? null}, '统计表测试', ${by})`);
      await doc(made.b1, 'rectification_notice', day(-4));
      await doc(made.b1, 'interview_notice', day(-4));
      await doc(made.b1, 'penalty_decision', day(-3), { fine: 500_050 });
      await doc(made.b1, 'transfer_police', day(-3), { police });
      await doc(made.b2, 'rectification_notice', day(-90)); // before the period
      await doc(made.a1, 'risk_warning_letter', day(-1));
      await doc(made.u2, 'transfer_police', day(-2), { police });
      const [{ id: caseId }] = await t.db.query<{ id: number }>(
        sql`insert into criminal_cases (case_no, title, region_code, lead_unit_id, origin, stage, filed_on, created_by)
            values ('统计表测试案', '以养老驿站为名的集资诈骗案', '370681', ${t.world.units.get('370681:police')!}, 'new', 'filed', ${day(-1)}::date, ${by}) returning id`,
      );
      await t.db.query(sql`insert into case_subjects (case_id, subject_id, linked_by) values (${caseId}, ${made.u1}, ${by})`);
      to = day(0);
      from = chinaToday(Date.parse(to) - 30 * 86400_000);
    });

    /** The figures of one child region (prefix) counted directly from the records, in JavaScript. */
    async function directCount(kind: string, prefix: string, own = false) {
      const inRegion = (code: string) => (own ? code === prefix : code.startsWith(prefix));
      const subjects = (await t.db.query<{ id: number; region_code: string }>(
        sql`select id, region_code from subjects where kind = ${kind} and merged_into is null and (created_at at time zone 'Asia/Shanghai')::date <= ${to}::date`,
      )).filter((s) => inRegion(s.region_code));
      const ids = new Set(subjects.map((s) => s.id));
      const inspections = await t.db.query<{ subject_id: number; on: string }>(sql`select subject_id, inspected_on::text as on from inspections`);
      const hazards = (await t.db.query<{ subject_id: number; serious: boolean; status: string; found: string }>(
        sql`select subject_id, serious, status, ((created_at at time zone 'Asia/Shanghai')::date)::text as found from hazards`,
      )).filter((h) => ids.has(h.subject_id) && h.found >= from && h.found <= to);
      const docs = (await t.db.query<{ subject_id: number; kind: string; on: string; fine_fen: string | null }>(
        sql`select subject_id, kind, issued_on::text as on, fine_fen from enforcement_records`,
      )).filter((e) => ids.has(e.subject_id) && e.on >= from && e.on <= to);
      const cases = await t.db.query<{ subject_id: number; on: string }>(sql`select cs.subject_id, c.filed_on::text as on from case_subjects cs join criminal_cases c on c.id = cs.case_id`);
      const screened = new Set(inspections.filter((i) => ids.has(i.subject_id) && i.on >= from && i.on <= to).map((i) => i.subject_id));
      const police = new Set([...docs.filter((e) => e.kind === 'transfer_police').map((e) => e.subject_id),
        ...cases.filter((c) => ids.has(c.subject_id) && c.on >= from && c.on <= to).map((c) => c.subject_id)]);
      const penalties = docs.filter((e) => e.kind === 'penalty_decision');
      return {
        subjects: ids.size, screened: screened.size, coverage: ids.size ? Math.round((1000 * screened.size) / ids.size) / 10 : null,
        found: hazards.length, serious: hazards.filter((h) => h.serious).length, general: hazards.filter((h) => !h.serious).length,
        rectified: hazards.filter((h) => h.status === 'rectified' || h.status === 'verified').length, verified: hazards.filter((h) => h.status === 'verified').length,
        notices: docs.filter((e) => (NOTICE_KINDS as readonly string[]).includes(e.kind)).length, penalties: penalties.length,
        fineYuan: penalties.reduce((s, e) => s + Number(e.fine_fen), 0) / 100, police: police.size,
      };
    }
    const KEYS = ['subjects', 'screened', 'coverage', 'found', 'serious', 'general', 'rectified', 'verified', 'notices', 'penalties', 'fineYuan', 'police'] as const;

    async function download(user: string, table: string, query: string) {
      const r = await (await as(user)).get(`/api/screening/tables/${table}.xlsx?${query}`);
      expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
      expect(r.headers['content-type']).toContain('spreadsheetml');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
      return { sheet: book.worksheets[0], headers: r.headers };
    }
    const rowValues = (sheet: ExcelJS.Worksheet, n: number) => KEYS.map((_, i) => sheet.getRow(n).getCell(i + 2).value);

    for (const [table, kind, title, unit] of [
      ['institutions', 'elderly_care_institution', '养老服务机构诈骗风险隐患排查情况统计表', '家'],
      ['unregistered', 'unregistered_care_place', '未经登记但开展养老服务活动的场所风险隐患排查情况统计表', '个'],
    ] as const) {
      it(`${title}: one row per child region, 本级 and 合计, numbers equal to a direct count`, async () => {
        const { sheet, headers } = await download('yt_lead', table, `region=3706&from=${from}&to=${to}`);
        expect(headers['content-disposition']).toContain(encodeURIComponent(title));
        // Heading: title, region and period; two header rows; frozen below them, beside the region column.
        expect(sheet.getCell('A1').value).toBe(title);
        expect(String(sheet.getCell('A2').value)).toContain('地区：山东省 / 烟台市');
        expect(String(sheet.getCell('A2').value)).toContain(`统计期：${from} 至 ${to}`);
        expect(sheet.getCell('A3').value).toBe('地区');
        expect(sheet.getCell('B3').value).toBe(`在册主体数（${unit}）`);
        expect(sheet.getCell('E3').value).toBe('发现风险隐患（个）');
        expect([sheet.getCell('E4').value, sheet.getCell('F4').value, sheet.getCell('G4').value]).toEqual(['小计', '重大隐患', '一般隐患']);
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4, xSplit: 1 });

        const children = await t.db.query<{ code: string; name: string }>(sql`select code, name from regions where parent_code = '3706' order by code`);
        const names = Array.from({ length: sheet.rowCount - 4 }, (_, i) => sheet.getRow(i + 5).getCell(1).value);
        const hasOwn = (await directCount(kind, '3706', true)).subjects > 0;
        expect(names).toEqual([...children.map((c) => c.name), ...(hasOwn ? ['（本级）'] : []), '合计']);
        expect(headers['x-export-rows']).toBe(String(children.length + (hasOwn ? 1 : 0)));

        let nonZero = 0;
        for (const [i, c] of children.entries()) {
          const expected = await directCount(kind, c.code);
          const values = rowValues(sheet, i + 5);
          expect(values, c.name).toEqual(KEYS.map((k) => expected[k]));
          for (const v of values) expect(v === null || typeof v === 'number', `${c.name}: ${String(v)}`).toBe(true);
          if (expected.subjects) nonZero++;
        }
        expect(nonZero).toBe(2); // 龙口市 and 芝罘区
        if (hasOwn) {
          const own = await directCount(kind, '3706', true);
          expect(rowValues(sheet, children.length + 5)).toEqual(KEYS.map((k) => own[k]));
        }
        const total = await directCount(kind, '3706');
        const totalRow = rowValues(sheet, sheet.rowCount);
        expect(totalRow).toEqual(KEYS.map((k) => total[k]));
        expect(totalRow.every((v) => typeof v === 'number')).toBe(true);
        expect(total.found).toBeGreaterThan(0);
        if (table === 'institutions') {
          // a1–a3, b1, b2, c1 and the two institutions of the first test; a2 was inspected before the period.
          expect(total).toMatchObject({ subjects: 8, screened: 5, penalties: 1, fineYuan: 5000.5, police: 1, verified: 2 });
        } else {
          expect(total).toMatchObject({ subjects: 3, screened: 1, police: 2 });
        }
      });
    }

    it('defaults to the user’s jurisdiction and this year; 本级 holds the region’s own subjects', async () => {
      // This year to today, as the server reads today: the Beijing day before or after the download (a run may cross midnight).
      const days = [day(0)];
      const { sheet } = await download('lk_lead', 'institutions', '');
      days.push(day(0));
      expect(days.map((d) => `统计期：${d.slice(0, 4)}-01-01 至 ${d}`).some((p) => String(sheet.getCell('A2').value).includes(p)), String(sheet.getCell('A2').value)).toBe(true);
      const last = sheet.rowCount;
      expect(sheet.getRow(last - 1).getCell(1).value).toBe('（本级）');
      expect(sheet.getRow(last).getCell(1).value).toBe('合计');
      // Every 龙口市 institution is registered at the county itself, so 本级 and 合计 agree.
      expect(rowValues(sheet, last - 1)).toEqual(rowValues(sheet, last));
      expect(sheet.getRow(last).getCell(2).value).toBe((await directCount('elderly_care_institution', '370681')).subjects);
    });

    it('refuses regions outside the jurisdiction (404) and bad periods (400), on every table', async () => {
      const lead = await as('yt_lead');
      for (const table of ['institutions', 'unregistered']) {
        for (const region of ['3702', '37', '4401', '3799']) expect((await lead.get(`/api/screening/tables/${table}.xlsx?region=${region}`)).statusCode, region).toBe(404);
        expect((await (await as('sd_lead')).get(`/api/screening/tables/${table}.xlsx?region=3799`)).statusCode).toBe(404);
        for (const q of ['from=2026-02-30', 'to=2026-13-01', 'from=yesterday', `from=${day(1)}&to=${day(-1)}`, 'region=37x']) {
          const r = await lead.get(`/api/screening/tables/${table}.xlsx?${q}`);
          expect(r.statusCode, q).toBe(400);
          expect(json(r).error.fields[0].message).toMatch(/[\u4e00-\u9fa5]/);
        }
        // A start after today with no end: the period is empty the wrong way round.
        expect((await lead.get(`/api/screening/tables/${table}.xlsx?from=${day(5)}`)).statusCode).toBe(400);
      }
      const audit = json(await (await as('sd_auditor')).get('/api/audit?entity=subject&limit=100'));
      expect(audit.items.some((a: { action: string }) => a.action === 'screening.table_exported')).toBe(true);
    });
  });
});
