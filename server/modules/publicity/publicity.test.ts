import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, multipart, PHOTO_MARKS, photoWithLocation, seedSecondProvince, type TestApp } from '../../test/helpers.ts';
import { PUBLICITY_COUNT_KEYS } from '../../../shared/domain.ts';
import { chinaToday } from '../../../shared/time.ts';
import { XLSX } from '../../schemas.ts';
import { goodRow, publicityWorkbook } from './publicity.fixtures.ts';

const day = (offset: number) => new Date(Date.parse(chinaToday()) + offset * 86400_000).toISOString().slice(0, 10);
const activity = (over: Record<string, unknown> = {}) => ({
  kind: 'lecture', title: '防范养老诈骗专题讲座', place: '东莱街道老年活动中心', regionCode: '370681', startDate: day(-3),
  coOrganisers: ['东莱街道社区居委会'], counts: { materials_distributed: 300, banners: 2, people_reached: 120 }, ...over,
});

describe('publicity activities', () => {
  let t: TestApp;
  const as = async (user: string) => ({ cookie: await t.login(user) });
  const upload = async (user: string, url: string, file: Buffer, name = 'a.xlsx', type = XLSX) => {
    const m = multipart(file, name, type);
    return t.app.inject({ method: 'POST', url, payload: m.payload, headers: { ...m.headers, ...(await as(user)) } });
  };
  const get = async (user: string, url: string) => t.app.inject({ method: 'GET', url, headers: await as(user) });
  const post = async (user: string, url: string, payload: unknown) => t.app.inject({ method: 'POST', url, payload: payload as object, headers: await as(user) });
  const put = async (user: string, url: string, payload: unknown) => t.app.inject({ method: 'PUT', url, payload: payload as object, headers: await as(user) });

  /** Each indicator summed straight from the table, for a region subtree and a period of start dates. */
  const directSums = async (prefix: string, from: string, to: string) => {
    const [row] = await t.db.query<Record<string, number>>(
      `select count(*)::int as publicity_events, ${PUBLICITY_COUNT_KEYS.map((k) => `coalesce(sum(${k}), 0)::int as ${k}`).join(', ')}
       from publicity_activities where region_code like $1 || '%' and start_date between $2 and $3`, [prefix, from, to]);
    return row;
  };
  const summaryOf = async (user: string, from: string, to: string) =>
    Object.fromEntries(json(await get(user, `/api/publicity/summary?from=${from}&to=${to}`)).figures.map((f: { indicator: string; value: number }) => [f.indicator, f.value]));

  beforeAll(async () => {
    t = await createTestApp();
    await seedSecondProvince(t.db);
  });
  afterAll(() => t.close());

  let id: number;

  it('an activity entered by hand is listed, detailed and counted in the summary', async () => {
    const res = await post('lk_intake', '/api/publicity/activities', activity());
    expect(res.statusCode, res.body).toBe(201);
    id = json(res).id;
    const detail = json(await get('lk_intake', `/api/publicity/activities/${id}`));
    expect(detail).toMatchObject({ kind: 'lecture', regionName: '龙口市', endDate: day(-3), editable: true, periodReported: false, coOrganisers: ['东莱街道社区居委会'] });
    expect(detail.counts).toEqual({ materials_distributed: 300, banners: 2, posters: 0, people_reached: 120, households_visited: 0, media_posts: 0, videos_made: 0, sms_sent: 0 });
    // The city office above sees it; a member unit of the county sees it but may not correct it.
    expect(json(await get('yt_viewer', `/api/publicity/activities/${id}`)).editable).toBe(false);
    expect((await put('lk_police', `/api/publicity/activities/${id}`, activity())).statusCode).toBe(403);
    const listRes = await get('lk_intake', `/api/publicity/activities?from=${day(-3)}&to=${day(-3)}`);
    expect(listRes.statusCode, listRes.body).toBe(200);
    const list = json(listRes);
    expect(list.items.map((a: { id: number }) => a.id)).toContain(id);
    expect(list.totals.find((f: { indicator: string }) => f.indicator === 'people_reached').value).toBe(120);
  });

  it('refuses bad input with field paths and Chinese messages', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ counts: { people_reached: -5 } }, 'counts.people_reached'],
      [{ counts: { banners: 1.5 } }, 'counts.banners'],
      [{ counts: { videos: 1 } }, 'counts'],
      [{ kind: 'rally' }, 'kind'],
      [{ startDate: day(2) }, 'startDate'],
      [{ startDate: '1999-01-01' }, 'startDate'],
      [{ endDate: day(-10) }, 'endDate'],
      [{ title: 'x' }, 'title'],
      [{ title: '讲'.repeat(101) }, 'title'],
      [{ regionCode: '37x' }, 'regionCode'],
      [{ coOrganisers: Array(11).fill('社区居委会') }, 'coOrganisers'],
    ];
    for (const [over, path] of cases) {
      const res = await post('lk_intake', '/api/publicity/activities', activity(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      const fields = json(res).error.fields as { path: string; message: string }[];
      expect(fields.map((f) => f.path), JSON.stringify(over)).toContain(path);
      expect(fields.every((f) => /[\u4e00-\u9fa5]/.test(f.message)), JSON.stringify(fields)).toBe(true);
    }
    // Outside the county's jurisdiction, and a code that is no region.
    const outside = await post('lk_intake', '/api/publicity/activities', activity({ regionCode: '370602' }));
    expect(outside.statusCode).toBe(400);
    expect(json(outside).error.fields[0].path).toBe('regionCode');
    expect((await post('lk_intake', '/api/publicity/activities', activity({ regionCode: '370681999' }))).statusCode).toBe(422);
  });

  it('a correction by its unit is audited with what changed; after the period is reported it needs a reason', async () => {
    const res = await put('lk_intake', `/api/publicity/activities/${id}`, activity({ counts: { materials_distributed: 350, banners: 2, people_reached: 120 } }));
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).counts.materials_distributed).toBe(350);
    const [row] = await t.db.query<{ detail: { changed: Record<string, unknown> } }>(
      `select detail from audit_log where action = 'publicity.corrected' and entity_id = $1 order by id desc limit 1`, [String(id)]);
    expect(row.detail.changed).toEqual({ materials_distributed: [300, 350] });
    // The county office reports the period: corrections now need a reason.
    expect((await post('lk_lead', '/api/figures/reported', { periodStart: day(-30), periodEnd: day(-1), source: 'form', figures: [{ indicator: 'meetings', value: 1, unit: '次' }] })).statusCode).toBe(201);
    expect(json(await get('lk_intake', `/api/publicity/activities/${id}`)).periodReported).toBe(true);
    const bare = await put('lk_intake', `/api/publicity/activities/${id}`, activity({ title: '防范养老诈骗专题讲座（更正）' }));
    expect(bare.statusCode).toBe(400);
    expect(json(bare).error.fields[0].path).toBe('reason');
    const reasoned = await put('lk_intake', `/api/publicity/activities/${id}`, { ...activity({ title: '防范养老诈骗专题讲座（更正）' }), reason: '名称录入有误' });
    expect(reasoned.statusCode, reasoned.body).toBe(200);
    const [last] = await t.db.query<{ detail: { reason: string; periodReported: boolean } }>(
      `select detail from audit_log where action = 'publicity.corrected' and entity_id = $1 order by id desc limit 1`, [String(id)]);
    expect(last.detail).toMatchObject({ reason: '名称录入有误', periodReported: true });
  });

  it('photos: images only, shown without their location, only the organising unit adds them', async () => {
    const photo = await upload('lk_intake', `/api/publicity/activities/${id}/photos`, await photoWithLocation(), 'p.jpg', 'image/jpeg');
    expect(photo.statusCode, photo.body).toBe(201);
    const view = await get('yt_viewer', `/api/publicity/activities/${id}/photos/${json(photo).id}`);
    expect(view.statusCode).toBe(200);
    expect(view.headers['content-type']).toBe('image/jpeg');
    expect(view.rawPayload.includes(Buffer.from(PHOTO_MARKS.description))).toBe(false);
    expect(view.rawPayload.includes(Buffer.from(PHOTO_MARKS.make))).toBe(false);
    const pdf = await upload('lk_intake', `/api/publicity/activities/${id}/photos`, Buffer.from('%PDF-1.4 not a photo at all'), 'a.pdf', 'application/pdf');
    expect(pdf.statusCode).toBe(422);
    expect((await upload('lk_police', `/api/publicity/activities/${id}/photos`, await photoWithLocation(), 'p.jpg', 'image/jpeg')).statusCode).toBe(403);
    expect(json(await get('lk_intake', `/api/publicity/activities/${id}`)).photoList).toHaveLength(1);
    // Attached photos are not "unattached": the stale sweep and the quota leave them alone.
    const [{ n }] = await t.db.query<{ n: number }>(`select count(*)::int as n from uploads where activity_id = $1 and tip_id is null`, [id]);
    expect(n).toBe(1);
  });

  it('imports 100 rows from Excel; the summary equals a direct sum of the records; a re-import creates nothing', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => goodRow(day(-1 - (i % 20)), i % 2 ? '370681' : '龙口市', `第${i + 1}场进社区宣传`, i + 1));
    const file = await publicityWorkbook(rows);
    const first = await upload('lk_intake', '/api/publicity/imports', file);
    expect(first.statusCode, first.body).toBe(201);
    expect(json(first)).toMatchObject({ rowsTotal: 100, created: 100, duplicates: 0, refused: 0 });
    const again = await upload('lk_intake', '/api/publicity/imports', file);
    expect(json(again)).toMatchObject({ rowsTotal: 100, created: 0, duplicates: 100, refused: 0 });
    const [{ n }] = await t.db.query<{ n: number }>(`select count(*)::int as n from publicity_activities where import_id is not null and region_code = '370681'`);
    expect(n).toBe(100);
    for (const [user, prefix] of [['lk_intake', '370681'], ['yt_viewer', '3706'], ['sd_viewer', '37']] as const) {
      expect(await summaryOf(user, day(-30), day(0)), user).toEqual(await directSums(prefix, day(-30), day(0)));
    }
    const s = await summaryOf('lk_intake', day(-30), day(0));
    expect(s.publicity_events).toBe(101);
    expect(s.materials_distributed).toBe(300 + 100 * (100 * 101) / 2);
  });

  it('refuses bad rows one by one with the reason, keeps the good rows, and gives them back as a sheet', async () => {
    const good = (title: string) => goodRow(day(-2), '370681', title);
    const rows: ExcelJS.CellValue[][] = [
      good('好的第一行'),
      [day(-2), '', '370681', '专题讲座', '负数行', '', '', -5],
      [day(5), '', '370681', '专题讲座', '未来日期'],
      ['1990-01-01', '', '370681', '专题讲座', '太久以前'],
      ['2025-02-30', '', '370681', '专题讲座', '不存在的日期'],
      [day(-2), '', '苏州市', '专题讲座', '外省地区'],
      [day(-2), '', '370602', '专题讲座', '辖区外地区'],
      [day(-2), '', '370681', '广场舞', '未知形式'],
      [day(-2), '', '370681', '专题讲座', '讲'.repeat(32_000)],
      [day(-2), '', '370681', '专题讲座', '公式行', '', '', { formula: '1+1', result: 2 }],
      [day(-2), '', '370681', '专题讲座', '小数', '', '', 1.5],
      good('好的第一行'),
      good('好的第二行'),
    ];
    const res = await upload('lk_intake', '/api/publicity/imports', await publicityWorkbook(rows));
    expect(res.statusCode, res.body).toBe(201);
    const r = json(res);
    expect(r).toMatchObject({ rowsTotal: 13, created: 2, refused: 11 });
    const reason = (row: number) => r.errors.find((e: { row: number }) => e.row === row)?.reason ?? '';
    expect(reason(3)).toMatch(/不能为负/);
    expect(reason(4)).toMatch(/不能晚于今天/);
    expect(reason(5)).toMatch(/不能早于/);
    expect(reason(6)).toMatch(/日期/);
    expect(reason(7)).toMatch(/不存在或不在本单位辖区内/);
    expect(reason(8)).toMatch(/不存在或不在本单位辖区内/);
    expect(reason(9)).toMatch(/活动形式/);
    expect(reason(10)).toMatch(/不能超过 100 字/);
    expect(reason(11)).toMatch(/公式/);
    expect(reason(12)).toMatch(/整数/);
    expect(reason(13)).toMatch(/与第 2 行内容完全相同/);
    // The error sheet: original row number, reason, and the row as typed (a huge cell cut short).
    const sheetRes = await get('lk_intake', `/api/publicity/imports/${r.id}/errors`);
    expect(sheetRes.statusCode).toBe(200);
    expect(sheetRes.headers['content-type']).toBe(XLSX);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(sheetRes.rawPayload as unknown as ArrayBuffer);
    const ws = book.worksheets[0];
    expect(ws.rowCount).toBe(12);
    expect(ws.getRow(2).getCell(1).value).toBe(3);
    expect(String(ws.getRow(2).getCell(2).value)).toMatch(/不能为负/);
    expect(String(ws.getRow(9).getCell(7).value).length).toBeLessThanOrEqual(200);
    // Another unit, even above, does not get this clerk's error sheet.
    expect((await get('lk_police', `/api/publicity/imports/${r.id}/errors`)).statusCode).toBe(404);
  });

  it('refuses a file that is not the template as a whole: non-Excel, wrong sheet, wrong header, too many rows', async () => {
    const code = async (file: Buffer, name = 'a.xlsx') => {
      const res = await upload('lk_intake', '/api/publicity/imports', file, name);
      return [res.statusCode, json(res).error?.code, JSON.stringify(json(res).error)];
    };
    expect(await code(Buffer.from('开始日期,地区\n2025-01-01,龙口市\n'), 'a.csv')).toEqual([422, 'IMPORT_INVALID', expect.stringContaining('不是 Excel')]);
    expect(await code(await photoWithLocation(), 'a.xlsx')).toEqual([422, 'IMPORT_INVALID', expect.any(String)]);
    expect(await code(await publicityWorkbook([goodRow(day(-1), '370681', '错表')], { sheet: 'Sheet1' }))).toEqual([422, 'IMPORT_INVALID', expect.stringContaining('宣传活动')]);
    expect(await code(await publicityWorkbook([goodRow(day(-1), '370681', '错表头')], { headers: ['日期', '地区'] }))).toEqual([422, 'IMPORT_INVALID', expect.stringContaining('表头')]);
    const many = Array.from({ length: 20_000 }, (_, i) => goodRow(day(-1), '370681', `超量${i}`));
    const [status, errCode, body] = await code(await publicityWorkbook(many));
    expect([status, errCode]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(body).toContain('一次最多导入 5000 行，本文件有 20000 行');
    const [{ n }] = await t.db.query<{ n: number }>(`select count(*)::int as n from publicity_activities where title like '超量%' or title like '错表%'`);
    expect(n).toBe(0);
  });

  it('another province sees none of it; its clerk cannot log in our county', async () => {
    const list = json(await get('cs_intake', '/api/publicity/activities?pageSize=200'));
    expect(list.total).toBe(0);
    expect(await summaryOf('js_lead', day(-30), day(0))).toMatchObject({ publicity_events: 0, people_reached: 0 });
    expect((await get('cs_intake', `/api/publicity/activities/${id}`)).statusCode).toBe(404);
    const res = await post('cs_intake', '/api/publicity/activities', activity());
    expect(res.statusCode).toBe(400);
    expect(json(res).error.fields[0].path).toBe('regionCode');
    // Their own import of our county's rows is refused row by row.
    const imp = json(await upload('cs_intake', '/api/publicity/imports', await publicityWorkbook([goodRow(day(-1), '370681', '越界导入')])));
    expect(imp).toMatchObject({ created: 0, refused: 1 });
  });
});
