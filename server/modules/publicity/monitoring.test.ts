import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, seedSecondProvince, type TestApp } from '../../test/helpers.ts';
import { MONITORING_COUNT_KEYS } from '../../../shared/domain.ts';
import { chinaToday } from '../../../shared/time.ts';

const day = (offset: number) => new Date(Date.parse(chinaToday()) + offset * 86400_000).toISOString().slice(0, 10);
const round = (over: Record<string, unknown> = {}) => ({
  title: '互联网养老诈骗广告专项监测', regionCode: '370681', media: ['website', 'social_media'], startDate: day(-5), endDate: day(-2),
  counts: { ads_monitored: 1200, illegal_ads_found: 14, ads_cleaned: 12, accounts_closed: 3, cases_transferred: 1 }, ...over,
});

describe('ads and online monitoring rounds', () => {
  let t: TestApp;
  const as = async (user: string) => ({ cookie: await t.login(user) });
  const get = async (user: string, url: string) => t.app.inject({ method: 'GET', url, headers: await as(user) });
  const post = async (user: string, url: string, payload: unknown) => t.app.inject({ method: 'POST', url, payload: payload as object, headers: await as(user) });
  const put = async (user: string, url: string, payload: unknown) => t.app.inject({ method: 'PUT', url, payload: payload as object, headers: await as(user) });

  /** The period's figures summed straight from the table, for a region subtree. */
  const directSums = async (prefix: string, from: string, to: string) => {
    const [row] = await t.db.query<Record<string, number>>(
      `select count(*)::int as rounds, ${MONITORING_COUNT_KEYS.map((k) => `coalesce(sum(${k}), 0)::int as ${k}`).join(', ')}
       from ads_monitoring_rounds where region_code like $1 || '%' and start_date between $2 and $3`, [prefix, from, to]);
    return row;
  };
  const summaryOf = async (user: string, from: string, to: string) => {
    const s = json(await get(user, `/api/publicity/monitoring/summary?from=${from}&to=${to}`));
    // The indicators.md figures are the same sums.
    for (const f of s.figures) expect(f.value, f.indicator).toBe(s.totals[f.indicator]);
    expect(s.figures.map((f: { indicator: string }) => f.indicator)).toEqual(['ads_monitored', 'ads_cleaned']);
    return { rounds: s.rounds, ...s.totals };
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedSecondProvince(t.db);
  });
  afterAll(() => t.close());

  let id: number;

  it('market regulation logs a round; the office above reads it; a police unit may not log one', async () => {
    const res = await post('lk_market_regulation', '/api/publicity/monitoring', round());
    expect(res.statusCode, res.body).toBe(201);
    id = json(res).id;
    const detail = json(await get('lk_market_regulation', `/api/publicity/monitoring/${id}`));
    expect(detail).toMatchObject({ regionName: '龙口市', media: ['website', 'social_media'], startDate: day(-5), endDate: day(-2), editable: true, periodReported: false });
    expect(detail.counts).toEqual(round().counts);
    expect(json(await get('yt_viewer', `/api/publicity/monitoring/${id}`)).editable).toBe(false);
    // A police station does not log advertising monitoring, even with a writer's role.
    const police = await post('lk_police', '/api/publicity/monitoring', round());
    expect(police.statusCode).toBe(403);
    expect(json(police).error.message).toMatch(/市场监管/);
    // The county office logs its own (the publicity group's online watch); counts default to 0.
    const office = await post('lk_intake', '/api/publicity/monitoring', round({ media: ['outdoor'], counts: { ads_monitored: 40 }, startDate: day(-1), endDate: undefined }));
    expect(office.statusCode, office.body).toBe(201);
    expect(json(await get('lk_intake', `/api/publicity/monitoring/${json(office).id}`))).toMatchObject({
      endDate: day(-1), counts: { ads_monitored: 40, illegal_ads_found: 0, ads_cleaned: 0, accounts_closed: 0, cases_transferred: 0 },
    });
  });

  it('refuses bad input with field paths and Chinese messages', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ counts: { ads_monitored: -1 } }, 'counts.ads_monitored'],
      [{ counts: { ads_cleaned: 2.5 } }, 'counts.ads_cleaned'],
      [{ counts: { ads_monitored: 3, illegal_ads_found: 4 } }, 'counts.illegal_ads_found'],
      [{ counts: { ads_removed: 1 } }, 'counts'],
      [{ counts: { ads_monitored: 1e12 } }, 'counts.ads_monitored'],
      [{ media: [] }, 'media'],
      [{ media: ['tv'] }, 'media.0'],
      [{ media: ['print', 'print'] }, 'media'],
      [{ title: 'x' }, 'title'],
      [{ title: '监'.repeat(101) }, 'title'],
      [{ note: '注'.repeat(1001) }, 'note'],
      [{ startDate: day(3) }, 'startDate'],
      [{ endDate: day(-9) }, 'endDate'],
      [{ regionCode: '37-06' }, 'regionCode'],
      [{ extra: 1 }, ''],
    ];
    for (const [over, path] of cases) {
      const res = await post('lk_market_regulation', '/api/publicity/monitoring', round(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      const fields = json(res).error.fields as { path: string; message: string }[];
      expect(fields.map((f) => f.path), JSON.stringify(over)).toContain(path);
      expect(fields.every((f) => /[\u4e00-\u9fa5]/.test(f.message)), JSON.stringify(fields)).toBe(true);
    }
    const outside = await post('lk_market_regulation', '/api/publicity/monitoring', round({ regionCode: '370602' }));
    expect([outside.statusCode, json(outside).error.fields[0].path]).toEqual([400, 'regionCode']);
    expect((await post('lk_market_regulation', '/api/publicity/monitoring', round({ regionCode: '370681999' }))).statusCode).toBe(422);
    // A hostile filter is a filter, not SQL.
    const hostile = await get('lk_intake', `/api/publicity/monitoring?q=${encodeURIComponent("%' or 1=1 --")}`);
    expect([hostile.statusCode, json(hostile).total]).toEqual([200, 0]);
    expect((await get('lk_intake', '/api/publicity/monitoring?medium=tv')).statusCode).toBe(400);
    expect(json(await get('lk_intake', `/api/publicity/monitoring?from=${day(0)}&to=${day(-1)}`)).error.fields[0].path).toBe('querystring.to');
    const [{ n }] = await t.db.query<{ n: number }>(`select count(*)::int as n from ads_monitoring_rounds`);
    expect(n).toBe(2);
  });

  it('a correction by its unit is audited with what changed; another unit may not; after the period is reported it needs a reason', async () => {
    const changed = round({ counts: { ...round().counts, ads_cleaned: 14 } });
    expect((await put('lk_market_regulation_lead', `/api/publicity/monitoring/${id}`, changed)).statusCode).toBe(200);
    const [row] = await t.db.query<{ detail: { changed: Record<string, unknown> }; actor_name: string }>(
      `select detail, actor_name from audit_log where action = 'monitoring.corrected' and entity_id = $1 order by id desc limit 1`, [String(id)]);
    expect(row).toMatchObject({ actor_name: 'lk_market_regulation_lead', detail: { changed: { ads_cleaned: [12, 14] } } });
    expect((await put('lk_intake', `/api/publicity/monitoring/${id}`, changed)).statusCode).toBe(403);
    expect((await put('yt_market_regulation', `/api/publicity/monitoring/${id}`, changed)).statusCode).toBe(403);
    expect((await post('lk_lead', '/api/figures/reported', { periodStart: day(-30), periodEnd: day(-1), source: 'form', figures: [{ indicator: 'meetings', value: 1, unit: '次' }] })).statusCode).toBe(201);
    const bare = await put('lk_market_regulation', `/api/publicity/monitoring/${id}`, round({ title: '互联网广告专项监测（更正）' }));
    expect([bare.statusCode, json(bare).error.fields[0].path]).toEqual([400, 'reason']);
    const reasoned = await put('lk_market_regulation', `/api/publicity/monitoring/${id}`, { ...round({ title: '互联网广告专项监测（更正）' }), reason: '名称录入有误' });
    expect(reasoned.statusCode, reasoned.body).toBe(200);
    expect(json(reasoned)).toMatchObject({ title: '互联网广告专项监测（更正）', periodReported: true, counts: { ads_cleaned: 12 } });
  });

  it('lists with filters, pages and a total; the period summary equals a direct sum of the table at every level', async () => {
    for (let i = 0; i < 7; i++) {
      const res = await post(i % 2 ? 'lk_market_regulation' : 'zf_market_regulation', '/api/publicity/monitoring', round({
        regionCode: i % 2 ? '370681' : '370602', media: i % 3 ? ['outdoor'] : ['short_video'], startDate: day(-10 - i), endDate: undefined,
        counts: { ads_monitored: 100 * (i + 1), illegal_ads_found: i, ads_cleaned: i * 2, accounts_closed: i % 2, cases_transferred: 0 },
      }));
      expect(res.statusCode, res.body).toBe(201);
    }
    const page1 = json(await get('yt_viewer', '/api/publicity/monitoring?pageSize=4'));
    const page3 = json(await get('yt_viewer', '/api/publicity/monitoring?pageSize=4&page=3'));
    expect([page1.total, page1.items.length, page3.items.length]).toEqual([9, 4, 1]);
    // Totals are over every match, not the page.
    expect(page1.totals.ads_monitored).toBe((await directSums('3706', '2000-01-01', day(0))).ads_monitored);
    const video = json(await get('yt_viewer', '/api/publicity/monitoring?medium=short_video'));
    expect(video.items.every((r: { media: string[] }) => r.media.includes('short_video'))).toBe(true);
    expect(video.total).toBe(3);
    expect(json(await get('lk_market_regulation', '/api/publicity/monitoring?mine=true')).total).toBe(4);
    expect(json(await get('yt_viewer', '/api/publicity/monitoring?regionCode=370602')).total).toBe(4);
    expect(json(await get('lk_intake', '/api/publicity/monitoring')).total).toBe(5);
    for (const [user, prefix] of [['lk_intake', '370681'], ['zf_intake', '370602'], ['yt_viewer', '3706'], ['sd_viewer', '37']] as const) {
      for (const [from, to] of [[day(-30), day(0)], [day(-12), day(-3)], [day(-4), day(-4)]]) {
        expect(await summaryOf(user, from, to), `${user} ${from}..${to}`).toEqual(await directSums(prefix, from, to));
      }
    }
    expect((await summaryOf('sd_viewer', day(-30), day(0))).rounds).toBe(9);
  });

  it('another province sees none of it and cannot log in our county', async () => {
    expect(json(await get('cs_market_regulation', '/api/publicity/monitoring')).total).toBe(0);
    expect(await summaryOf('js_lead', day(-30), day(0))).toMatchObject({ rounds: 0, ads_monitored: 0 });
    expect((await get('cs_market_regulation', `/api/publicity/monitoring/${id}`)).statusCode).toBe(404);
    expect((await put('cs_market_regulation', `/api/publicity/monitoring/${id}`, round({ regionCode: '320581' }))).statusCode).toBe(404);
    const res = await post('cs_market_regulation', '/api/publicity/monitoring', round());
    expect([res.statusCode, json(res).error.fields[0].path]).toEqual([400, 'regionCode']);
    // Their own round stays theirs.
    expect((await post('cs_market_regulation', '/api/publicity/monitoring', round({ regionCode: '320581' }))).statusCode).toBe(201);
    expect((await summaryOf('sd_viewer', day(-30), day(0))).rounds).toBe(9);
    expect((await summaryOf('js_lead', day(-30), day(0))).rounds).toBe(1);
  });
});
