import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, seedSecondProvince, type TestApp } from '../../test/helpers.ts';
import { MONITORING_COUNT_KEYS, PUBLICITY_COUNT_KEYS } from '../../../shared/domain.ts';
import { chinaToday } from '../../../shared/time.ts';

const day = (offset: number) => new Date(Date.parse(chinaToday()) + offset * 86400_000).toISOString().slice(0, 10);
const activity = (regionCode: string, title: string, people: number) => ({
  kind: 'campaign_day', title, place: '集市', regionCode, startDate: day(-4), counts: { materials_distributed: 2 * people, banners: 1, people_reached: people },
});
const round = (regionCode: string, title: string, monitored: number) => ({
  title, regionCode, media: ['website'], startDate: day(-4), counts: { ads_monitored: monitored, illegal_ads_found: 1, ads_cleaned: 1, accounts_closed: 0, cases_transferred: 0 },
});

/** The sheet as rows of cell values (row 1 is the header). */
async function sheetRows(payload: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  book.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

describe('Excel export of publicity activities and monitoring rounds', () => {
  let t: TestApp;
  const as = async (user: string) => ({ cookie: await t.login(user) });
  const get = async (user: string, url: string) => t.app.inject({ method: 'GET', url, headers: await as(user) });
  const post = async (user: string, url: string, payload: object) => t.app.inject({ method: 'POST', url, payload, headers: await as(user) });

  beforeAll(async () => {
    t = await createTestApp();
    await seedSecondProvince(t.db);
    // 龙口 twice (one title a spreadsheet would take for a formula), 芝罘 once, 常熟 (another province) once.
    for (const [user, region, title, people] of [
      ['lk_intake', '370681', '龙口赶集日宣传', 100], ['lk_intake', '370681', '=HYPERLINK("http://x","点我")', 50],
      ['zf_intake', '370602', '芝罘赶集日宣传', 70], ['cs_intake', '320581', '常熟赶集日宣传', 900],
    ] as const) expect((await post(user, '/api/publicity/activities', activity(region, title, people))).statusCode).toBe(201);
    for (const [user, region, title, n] of [
      ['lk_market_regulation', '370681', '龙口网店广告监测', 300], ['zf_market_regulation', '370602', '芝罘户外广告监测', 40],
    ] as const) expect((await post(user, '/api/publicity/monitoring', round(region, title, n))).statusCode, user).toBe(201);
  });
  afterAll(() => t.close());

  it('exports the jurisdiction’s activities of the filter, with a 合计 row equal to a direct sum, and audits it', async () => {
    const res = await get('yt_viewer', `/api/publicity/activities/export?from=${day(-4)}&to=${day(-4)}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('publicity-activities-');
    expect(res.headers['x-export-rows']).toBe('3');
    expect(res.headers['x-export-truncated']).toBe('false');
    const rows = await sheetRows(res.rawPayload);
    const header = rows[0] as string[];
    expect(header).toContain('覆盖 / 受益 / 惠及人数（人）');
    const titles = rows.slice(1, -1).map((r) => r[header.indexOf('活动名称')]);
    expect(titles.sort()).toEqual(['\'=HYPERLINK("http://x","点我")', '芝罘赶集日宣传', '龙口赶集日宣传'].sort());
    // The last row sums each count column over the exported rows; the people column equals the table's sum.
    const total = rows.at(-1)!;
    expect(total[0]).toBe('合计');
    const [direct] = await t.db.query<Record<string, number>>(
      `select ${PUBLICITY_COUNT_KEYS.map((k) => `coalesce(sum(${k}), 0)::int as ${k}`).join(', ')}
       from publicity_activities where region_code like '3706%' and start_date = $1`, [day(-4)]);
    const firstCount = header.indexOf('地点') + 1;
    PUBLICITY_COUNT_KEYS.forEach((k, i) => expect(total[firstCount + i], k).toBe(direct[k]));
    expect(direct.people_reached).toBe(220);

    // A county sees only its own; the kind filter narrows; another province sees none of ours.
    expect((await get('lk_intake', '/api/publicity/activities/export')).headers['x-export-rows']).toBe('2');
    expect((await get('lk_intake', '/api/publicity/activities/export?kind=lecture')).headers['x-export-rows']).toBe('0');
    const theirs = await sheetRows((await get('js_lead', '/api/publicity/activities/export')).rawPayload);
    expect(theirs.slice(1, -1).map((r) => r[header.indexOf('活动名称')])).toEqual(['常熟赶集日宣传']);
    // Search text is matched literally: a % typed in the box is not a wildcard for every title.
    expect((await get('yt_viewer', '/api/publicity/activities/export?q=%25')).headers['x-export-rows']).toBe('0');
    expect((await get('yt_viewer', `/api/publicity/activities/export?q=${encodeURIComponent('=HYPER')}`)).headers['x-export-rows']).toBe('1');
    // A region filter outside the jurisdiction finds nothing rather than widening it.
    expect((await get('lk_intake', '/api/publicity/activities/export?regionCode=370602')).headers['x-export-rows']).toBe('0');

    const audit = json(await get('sd_auditor', '/api/audit?action=publicity.exported'));
    expect(audit.items[0]).toMatchObject({ action: 'publicity.exported' });
    expect(audit.items.map((a: { detail: { rows: number } }) => a.detail.rows)).toContain(3);
  });

  it('exports monitoring rounds the same way', async () => {
    const res = await get('yt_viewer', '/api/publicity/monitoring/export?medium=website');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['x-export-rows']).toBe('2');
    const rows = await sheetRows(res.rawPayload);
    const header = rows[0] as string[];
    const total = rows.at(-1)!;
    expect(total[0]).toBe('合计');
    const first = header.indexOf('监测媒介') + 1;
    expect(rows[1][first - 1]).toBe('网站/网店');
    expect(MONITORING_COUNT_KEYS.map((_, i) => total[first + i])).toEqual([340, 2, 2, 0, 0]);
    expect((await get('lk_intake', '/api/publicity/monitoring/export')).headers['x-export-rows']).toBe('1');
    expect((await get('js_lead', '/api/publicity/monitoring/export')).headers['x-export-rows']).toBe('0');
    expect((await get('yt_viewer', '/api/publicity/monitoring/export?medium=outdoor')).headers['x-export-rows']).toBe('0');
    const audit = json(await get('sd_auditor', '/api/audit?action=monitoring.exported'));
    expect(audit.items[0].detail).toMatchObject({ filter: { medium: 'outdoor' }, rows: 0, truncated: false });
  });

  it('refuses bad filters with field paths, and strangers', async () => {
    for (const [url, path] of [
      [`/api/publicity/activities/export?from=${day(0)}&to=${day(-1)}`, 'to'],
      ['/api/publicity/activities/export?kind=rally', 'kind'],
      ['/api/publicity/activities/export?regionCode=37x', 'regionCode'],
      ['/api/publicity/activities/export?q=' + 'x'.repeat(61), 'q'],
      ['/api/publicity/monitoring/export?medium=tv', 'medium'],
      ['/api/publicity/monitoring/export?from=2026-13-01', 'from'],
    ]) {
      const res = await get('yt_viewer', url);
      expect(res.statusCode, url).toBe(400);
      const fields = json(res).error.fields as { path: string; message: string }[];
      expect(fields.map((f) => f.path), url).toContain(`querystring.${path}`);
      expect(fields.every((f) => /[\u4e00-\u9fa5]/.test(f.message)), JSON.stringify(fields)).toBe(true);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/publicity/activities/export' })).statusCode).toBe(401);
    expect((await get('sd_auditor', '/api/publicity/monitoring/export')).statusCode).toBe(403);
  });
});
