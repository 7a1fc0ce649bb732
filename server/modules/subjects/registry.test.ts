import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, inDays, json, multipart, type TestApp } from '../../test/helpers.ts';
import { XLSX } from '../../schemas.ts';
import { computeStats } from '../stats/engine.ts';
import { registryWorkbook, testUscc } from './registry.fixtures.ts';

/** The registry: entry with duplicate checks, edits with history, merges, import twice, export, jurisdiction. */
describe('the subject registry', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(() => t.close());

  const upload = async (cookie: string, kind: string, file: Buffer, name = 'registry.xlsx') =>
    t.app.inject({ method: 'POST', url: `/api/subjects/imports?kind=${kind}`, ...(() => { const m = multipart(file, name, XLSX); return { payload: m.payload, headers: { ...m.headers, cookie } }; })() });
  /** Starts an import; a refusal fails here with its status and body (not later as a poll of import NaN). */
  const start = async (cookie: string, kind: string, file: Buffer) => {
    const res = await upload(cookie, kind, file);
    expect(res.statusCode, res.body).toBe(202);
    return json(res).id as number;
  };
  /** Polls an import until it ends (the console does the same). */
  const finished = async (cookie: string, id: number) => {
    for (let i = 0; i < 300; i++) {
      const s = json(await t.app.inject({ method: 'GET', url: `/api/subjects/imports/${id}`, headers: { cookie } }));
      // A failed import says why (its failure), not only the counts it stopped at: a loaded CI run (session 16) showed a
      // re-import of the same file "failed" with every count 0 and nothing more.
      if (s.status === 'failed') throw new Error(`import ${id} failed: ${s.failure}`);
      if (s.status !== 'running') return s;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not finish');
  };

  it('imports good rows, refuses bad ones with a reason; the same file again creates nothing; a changed row updates and shows in history', async () => {
    const cookie = await t.login('lk_intake');
    const bad17 = testUscc(1).slice(0, 17) + (testUscc(1)[17] === '0' ? '1' : '0');
    const rows = [
      ['龙口市康乐颐养院', testUscc(1), '370681', '龙口市东莱街道1号', '是', '民养证001', 120, '龙口市民政局', '张三', '13800000001', '2026-03-01'],
      ['龙口市福寿养老院', '', '龙口市', '龙口市新嘉街道8号', '', '', 60, '', '', '', ''],
      ['错码养老院', bad17, '370681', '', '', '', '', '', '', '', ''],
      ['未知地区养老院', '', '379999', '', '', '', '', '', '', '', ''],
      ['外市养老院', '', '370602', '', '', '', '', '', '', '', ''],
      ['龙口市康乐颐养院（重复）', testUscc(1), '370681', '', '', '', '', '', '', '', ''],
      ['床位有误养老院', '', '370681', '', '', '', '很多', '', '', '', ''],
      ['龙口市福寿养老院', '', '370681', '龙口市 新嘉街道 8号', '', '', '', '', '', '', ''],
    ];
    const file = await registryWorkbook('elderly_care_institution', rows);
    const started = await upload(cookie, 'elderly_care_institution', file);
    expect(started.statusCode).toBe(202);
    const first = await finished(cookie, json(started).id);
    expect(first).toMatchObject({ status: 'done', rowsTotal: 8, rowsDone: 8, created: 2, updated: 0, unchanged: 0, refused: 6 });
    const reasons = Object.fromEntries(first.errors.map((e: { row: number; reason: string }) => [e.row, e.reason]));
    expect(reasons[4]).toContain('统一社会信用代码无效');
    expect(reasons[5]).toContain('不存在');
    expect(reasons[6]).toContain('不在本单位辖区内');
    expect(reasons[7]).toContain('与第 2 行的统一社会信用代码相同');
    expect(reasons[8]).toContain('床位数');
    expect(reasons[9]).toContain('与第 3 行的名称、地址和地区相同');

    // The bad rows as a sheet: row number, reason, the row as typed.
    const sheetRes = await t.app.inject({ method: 'GET', url: `/api/subjects/imports/${first.id}/errors`, headers: { cookie } });
    expect(sheetRes.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(sheetRes.rawPayload as unknown as ArrayBuffer);
    const ws = book.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe('原表行号');
    expect(ws.rowCount).toBe(7);
    expect(ws.getRow(2).getCell(1).value).toBe(4);
    expect(ws.getRow(2).getCell(3).value).toBe('错码养老院');

    // The same file again: nothing new, nothing changed.
    const again = await finished(cookie, await start(cookie, 'elderly_care_institution', file));
    expect(again).toMatchObject({ status: 'done', created: 0, updated: 0, unchanged: 2, refused: 6 });
    const [{ n }] = await t.db.query<{ n: number }>(`select count(*)::int as n from subjects where name in ('龙口市康乐颐养院', '龙口市福寿养老院')`);
    expect(n).toBe(2);

    // One row changed (beds, contact): that subject is updated, and its history says what changed and by which import.
    const changed = await registryWorkbook('elderly_care_institution', [
      ['龙口市康乐颐养院', testUscc(1), '370681', '龙口市东莱街道1号', '是', '民养证001', 150, '龙口市民政局', '李四', '13800000001', '2026-03-01'],
      rows[1],
    ]);
    const third = await finished(cookie, await start(cookie, 'elderly_care_institution', changed));
    expect(third).toMatchObject({ created: 0, updated: 1, unchanged: 1, refused: 0 });
    const [home] = await t.db.query<{ id: number; beds: number }>(`select id, beds from subjects where uscc = $1`, [testUscc(1)]);
    expect(home.beds).toBe(150);
    const file1 = json(await t.app.inject({ method: 'GET', url: `/api/subjects/${home.id}/registry`, headers: { cookie } }));
    expect(file1).toMatchObject({ beds: 150, contactName: '李四', countUnit: '家', registered: true, regulator: '龙口市民政局', commitmentSignedOn: '2026-03-01' });
    expect(file1.history).toHaveLength(1);
    expect(file1.history[0]).toMatchObject({ source: 'imported', importId: third.id, changes: { beds: [120, 150], contactName: ['张三', '李四'] } });
    expect(file1.history[0].changedBy).toBeTruthy();
  });

  it('refuses a file that is not Excel, a malformed workbook, another sector’s template, and an unknown sector', async () => {
    const cookie = await t.login('lk_intake');
    const notExcel = await upload(cookie, 'travel_agency', Buffer.from('name,uscc\n某旅行社,123\n'), 'a.csv');
    expect(notExcel.statusCode).toBe(422);
    expect(json(notExcel).error.fields[0]).toMatchObject({ path: 'file', message: '文件不是 Excel（.xlsx）文件' });
    // A zip that is not a workbook.
    const good = await registryWorkbook('travel_agency', []);
    const broken = Buffer.from(good);
    broken.fill(0x41, 30, 400);
    const malformed = await upload(cookie, 'travel_agency', broken);
    expect(malformed.statusCode).toBe(422);
    expect(json(malformed).error.code).toBe('IMPORT_INVALID');
    // The care-institution template (with beds) imported as land parcels (with area).
    const wrong = await upload(cookie, 'care_land_parcel', await registryWorkbook('elderly_care_institution', [['某养老院', '', '370681']]));
    expect(wrong.statusCode).toBe(422);
    expect(json(wrong).error.fields[0].message).toContain('表头应为');
    const unknownKind = await upload(cookie, 'spaceship', good);
    expect(unknownKind.statusCode).toBe(400);
  });

  it('a city office imports only inside its city: rows of another city are bad rows', async () => {
    // 烟台市 (3706) office: a row in 龙口市 (its county) is imported, one in 潍坊市 (3707) is refused.
    const office = await t.login('yt_intake');
    const s = await upload(office, 'travel_agency', await registryWorkbook('travel_agency', [
      ['烟台某国际旅行社', testUscc(50), '370681', '', '', '', '', '', '', ''],
      ['潍坊某旅行社', '', '3707', '', '', '', '', '', '', ''],
    ]));
    expect(s.statusCode).toBe(202);
    const done = await finished(office, json(s).id);
    // Status and failure first: a run that failed once on a loaded machine showed only "created 0".
    expect({ status: done.status, failure: done.failure, created: done.created }).toEqual({ status: 'done', failure: null, created: 1 });
    expect(done.errors).toEqual([{ row: 3, reason: '地区“3707”不在本单位辖区内，不能导入' }]);
    // The import is the city office's own: the county clerk cannot read it.
    expect((await t.app.inject({ method: 'GET', url: `/api/subjects/imports/${done.id}`, headers: { cookie: await t.login('lk_intake') } })).statusCode).toBe(404);
  });

  it('catches duplicates at entry: credit code anywhere, name + address within a region, with a link to the registered one', async () => {
    const cookie = await t.login('lk_intake');
    const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/subjects', headers: { cookie }, payload });
    const first = await post({ regionCode: '370681', kind: 'health_product_seller', name: '御康堂保健品店（东莱店）', address: '东莱街道 5 号', uscc: testUscc(70) });
    expect(first.statusCode).toBe(201);
    const id = json(first).id;
    const byCode = await post({ regionCode: '370681001', kind: 'health_product_seller', name: '别名保健品店', uscc: testUscc(70) });
    expect(byCode.statusCode).toBe(409);
    expect(json(byCode).error.fields[0]).toMatchObject({ path: 'uscc', link: `/console/registry/${id}` });
    const byName = await post({ regionCode: '370681', kind: 'health_product_seller', name: '御康堂保健品店', address: '东莱街道5号' });
    expect(byName.statusCode).toBe(409);
    expect(json(byName).error.fields[0]).toMatchObject({ path: 'name', link: `/console/registry/${id}` });
    // The same name elsewhere (another address, another region) is another subject.
    expect((await post({ regionCode: '370681', kind: 'health_product_seller', name: '御康堂保健品店', address: '新嘉街道5号' })).statusCode).toBe(201);
    expect((await post({ regionCode: '370681001', kind: 'health_product_seller', name: '御康堂保健品店', address: '东莱街道5号' })).statusCode).toBe(201);
    // A wrong check character, beds for a shop, area for a care home: 400 on the field.
    const bad = await post({ regionCode: '370681', kind: 'health_product_seller', name: '某店', uscc: testUscc(71).slice(0, 17) + 'Z', beds: 3 });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['beds', 'uscc']);
    const land = await post({ regionCode: '370681', kind: 'care_land_parcel', name: '东莱街道养老服务用地A-3', areaM2: 5320.5 });
    expect(land.statusCode).toBe(201);
    expect(json(await t.app.inject({ method: 'GET', url: `/api/subjects/${json(land).id}/registry`, headers: { cookie } }))).toMatchObject({ countUnit: '宗', areaM2: 5320.5 });
  });

  it('edits with history, refuses an edit into a duplicate, merges two records (audited; links move; the merged one points to the kept one)', async () => {
    const cookie = await t.login('lk_intake');
    const lead = await t.login('lk_lead');
    const post = async (payload: object) => json(await t.app.inject({ method: 'POST', url: '/api/subjects', headers: { cookie }, payload })).id as number;
    const kept = await post({ regionCode: '370681', kind: 'travel_agency', name: '夕阳红旅行社', address: '港城大道1号' });
    const dup = await post({ regionCode: '370681', kind: 'travel_agency', name: '夕阳红国际旅行社', address: '港城大道一号', uscc: testUscc(90) });
    const put = (id: number, payload: object) => t.app.inject({ method: 'PUT', url: `/api/subjects/${id}`, headers: { cookie }, payload });
    const edited = await put(kept, { regionCode: '370681', kind: 'travel_agency', name: '夕阳红旅行社', address: '港城大道1号', contactPhone: '0535-8123456', licenceNo: 'L-37-00123' });
    expect(edited.statusCode).toBe(200);
    expect(json(edited).history[0]).toMatchObject({ source: 'edited', changes: { contactPhone: [null, '0535-8123456'], licenceNo: [null, 'L-37-00123'] } });
    // Renaming dup onto kept's name and address: 409 with a link.
    const clash = await put(dup, { regionCode: '370681', kind: 'travel_agency', name: '夕阳红旅行社', address: '港城大道 1 号' });
    expect(clash.statusCode).toBe(409);
    expect(json(clash).error.fields[0]).toMatchObject({ path: 'name', link: `/console/registry/${kept}` });
    // An inspection and a hazard recorded against the duplicate.
    const h = await t.app.inject({ method: 'POST', url: `/api/subjects/${dup}/hazards`, headers: { cookie }, payload: { description: '组织低价游推销保健品', category: 'false_ad', measure: 'risk_warning', deadline: inDays(30).slice(0, 10), responsible: '经理', source: { kind: 'complaint', note: '游客投诉' } } });
    expect(h.statusCode).toBe(201);
    // Enforcement documents issued to the duplicate: a notice on its hazard and a transfer to the police.
    const market = await t.login('lk_market_regulation');
    const issue = (payload: object) => t.app.inject({ method: 'POST', url: '/api/enforcement', headers: { cookie: market }, payload: { subjectId: dup, issuedOn: inDays(-1).slice(0, 10), ...payload } });
    expect((await issue({ kind: 'rectification_notice', docNo: '龙市监责改〔2026〕31号', hazardId: json(h).id, summary: '责令停止组织低价游' })).statusCode).toBe(201);
    expect((await issue({ kind: 'transfer_police', docNo: '龙市监移〔2026〕7号', policeUnitId: t.world.units.get('370681:police'), summary: '涉嫌诈骗，移送公安机关' })).statusCode).toBe(201);
    // Only leads merge; a clerk is refused.
    expect((await t.app.inject({ method: 'POST', url: `/api/subjects/${dup}/merge`, headers: { cookie }, payload: { into: kept, reason: '同一家旅行社重复登记' } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/subjects/${dup}/merge`, headers: { cookie: lead }, payload: { into: dup, reason: '同一家旅行社重复登记' } })).statusCode).toBe(400);
    const m = await t.app.inject({ method: 'POST', url: `/api/subjects/${dup}/merge`, headers: { cookie: lead }, payload: { into: kept, reason: '同一家旅行社重复登记' } });
    expect(m.statusCode).toBe(200);
    expect(json(m)).toMatchObject({ id: kept, uscc: testUscc(90), mergedFrom: [{ id: dup }] });
    const [{ n }] = await t.db.query<{ n: number }>('select count(*)::int as n from hazards where subject_id = $1', [kept]);
    expect(n).toBe(1);
    // The documents moved with it (0039): the kept record's list shows both and the merged one's none,
    // and the guard still refuses any other change, a move elsewhere, and a delete.
    const docs = json(await t.app.inject({ method: 'GET', url: `/api/enforcement?subjectId=${kept}`, headers: { cookie: market } }));
    expect(docs.items.map((d: { docNo: string; subject: { id: number } }) => [d.docNo, d.subject.id]).sort()).toEqual([['龙市监移〔2026〕7号', kept], ['龙市监责改〔2026〕31号', kept]]);
    expect(docs.figures).toMatchObject({ rectification_notices: 1, transfers_police: 1 });
    expect(json(await t.app.inject({ method: 'GET', url: `/api/enforcement?subjectId=${dup}`, headers: { cookie: market } })).total).toBe(0);
    const [moved] = await t.db.query<{ detail: { moved: Record<string, number> } }>(`select detail from audit_log where action = 'subject.merged' and entity_id = $1`, [String(kept)]);
    expect(moved.detail.moved).toEqual({ inspections: 0, hazards: 1, cases: 0, enforcement: 2 });
    await expect(t.db.query(`update enforcement_records set summary = 'x' where subject_id = $1`, [kept])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`update enforcement_records set subject_id = $1 where subject_id = $2`, [dup, kept])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`delete from enforcement_records where subject_id = $1`, [kept])).rejects.toThrow(/append-only/);
    const mergedFile = json(await t.app.inject({ method: 'GET', url: `/api/subjects/${dup}/registry`, headers: { cookie } }));
    expect(mergedFile).toMatchObject({ mergedInto: { id: kept, name: '夕阳红旅行社' }, uscc: null });
    expect(mergedFile.history[0]).toMatchObject({ source: 'merged', changes: { mergedInto: [null, kept] } });
    const [audit] = await t.db.query<{ detail: { merged: number; reason: string } }>(`select detail from audit_log where action = 'subject.merged' and entity_id = $1`, [String(kept)]);
    expect(audit.detail).toMatchObject({ merged: dup, reason: '同一家旅行社重复登记' });
    // The merged record leaves the list, cannot be edited nor merged again.
    const list = json(await t.app.inject({ method: 'GET', url: '/api/subjects?q=夕阳红&pageSize=50', headers: { cookie } }));
    expect(list.items.map((s: { id: number }) => s.id)).toEqual([kept]);
    const again = await t.app.inject({ method: 'POST', url: `/api/subjects/${dup}/merge`, headers: { cookie: lead }, payload: { into: kept, reason: '再次合并试试' } });
    expect(again.statusCode).toBe(409);
    expect(json(again).error.fields[0].link).toBe(`/console/registry/${kept}`);
    // Another province's subject cannot be merged into: not found.
    const other = await t.db.query<{ id: number }>(`insert into subjects (region_code, kind, name, normalized_name) values ('320581', 'other', '外省某公司', '外省某公司') returning id`);
    expect((await t.app.inject({ method: 'POST', url: `/api/subjects/${kept}/merge`, headers: { cookie: lead }, payload: { into: other[0].id, reason: '跨省合并试试' } })).statusCode).toBe(404);
  });

  it('counts imported care institutions in institutions_count through the stats triggers, and a merged one no longer', async () => {
    const cookie = await t.login('lk_intake');
    const lead = await t.login('lk_lead');
    const town = { unitRegionCode: '370681001' };
    const count = async () => {
      const rolled = await computeStats(t.db, town, { indicators: ['institutions_count'] });
      // The rollups the triggers wrote agree with a count from the records themselves.
      expect(rolled).toEqual(await computeStats(t.db, town, { indicators: ['institutions_count'] }, { direct: true }));
      return rolled.figures.institutions_count.value;
    };
    const before = (await count()) ?? 0;
    const file = await registryWorkbook('elderly_care_institution', [
      ['东莱街道第一敬老院', '', '370681001', '东莱街道10号', '', '', 40, '', '', '', ''],
      ['东莱街道第二敬老院', '', '370681001', '东莱街道20号', '', '', 30, '', '', '', ''],
      ['东莱街道第二敬老院分院', '', '370681001', '东莱街道 20 号院内', '', '', 10, '', '', '', ''],
    ]);
    const done = await finished(cookie, await start(cookie, 'elderly_care_institution', file));
    expect(done).toMatchObject({ status: 'done', created: 3, refused: 0 });
    expect(await count()).toBe(before + 3);
    const ids = await t.db.query<{ id: number }>(`select id from subjects where name like '东莱街道第二敬老院%' order by name`);
    const merged = await t.app.inject({ method: 'POST', url: `/api/subjects/${ids[1].id}/merge`, headers: { cookie: lead }, payload: { into: ids[0].id, reason: '分院与本院是同一机构' } });
    expect(merged.statusCode).toBe(200);
    expect(await count()).toBe(before + 2);
  });

  it('exports the registry of a subtree, refuses a region outside the jurisdiction, and gives a template per sector', async () => {
    const cookie = await t.login('lk_intake');
    const res = await t.app.inject({ method: 'GET', url: '/api/subjects/export?regionCode=370681', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [{ n }] = await t.db.query<{ n: number }>(`select count(*)::int as n from subjects where region_code like '370681%' and merged_into is null`);
    expect(Number(res.headers['x-export-rows'])).toBe(n);
    expect(book.worksheets[0].rowCount).toBe(n + 1);
    expect((await t.app.inject({ method: 'GET', url: '/api/subjects/export?regionCode=370602', headers: { cookie } })).statusCode).toBe(400);
    const tpl = await t.app.inject({ method: 'GET', url: '/api/subjects/template?kind=care_land_parcel', headers: { cookie } });
    const tb = new ExcelJS.Workbook();
    await tb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const headers = (tb.getWorksheet('主体名录')!.getRow(1).values as string[]).filter(Boolean);
    expect(headers).toContain('用地面积（平方米）');
    expect(headers).not.toContain('床位数（张）');
  });
});
