import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createTestApp, json, seedSecondProvince, type TestApp } from '../../test/helpers.ts';
import { chinaToday } from '../../../shared/time.ts';

const day = (offset: number) => new Date(Date.parse(chinaToday()) + offset * 86400_000).toISOString().slice(0, 10);
const article = (over: Record<string, unknown> = {}) => ({
  kind: 'warning', regionCode: '370681', fraudType: 'elderly_product', title: '警惕“免费体检”推销保健品',
  summary: '近期有人以免费体检为名，向老人推销高价保健品。', body: '近期，龙口市多个社区出现以“免费体检”为名的推销活动。\n\n遇到这种情况，请不要交钱，拨打举报电话。',
  expiresOn: day(30), ...over,
});

describe('portal articles: four-eyes review, region scope, nothing unpublished in public; reporting channels', () => {
  let t: TestApp;
  const as = async (user: string) => ({ cookie: await t.login(user) });
  const get = async (user: string, url: string) => t.app.inject({ method: 'GET', url, headers: await as(user) });
  const post = async (user: string, url: string, payload: unknown) => t.app.inject({ method: 'POST', url, payload: payload as object, headers: await as(user) });
  const put = async (user: string, url: string, payload: unknown) => t.app.inject({ method: 'PUT', url, payload: payload as object, headers: await as(user) });
  const act = (user: string, id: number, action: string, note?: string) => post(user, `/api/publicity/articles/${id}/actions`, { action, ...(note ? { note } : {}) });
  const anon = (url: string) => t.app.inject({ method: 'GET', url });
  /** The ids the portal lists for a visitor of this region (none: nationwide only). */
  const portal = async (region?: string) => {
    const res = await anon(`/api/public/articles?pageSize=50${region ? `&regionCode=${region}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return (json(res).items as { id: number }[]).map((a) => a.id);
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedSecondProvince(t.db);
  });
  afterAll(() => t.close());

  let county: number;
  let city: number;

  it('a clerk writes, the lead approves: nothing is public before approval, and the author cannot approve', async () => {
    const res = await post('lk_intake', '/api/publicity/articles', article());
    expect(res.statusCode, res.body).toBe(201);
    county = json(res).id;
    const draft = json(await get('lk_intake', `/api/publicity/articles/${county}`));
    expect(draft).toMatchObject({ status: 'draft', editable: true, actions: ['submit'], regionName: '龙口市' });
    expect(await portal('370681')).not.toContain(county);
    expect((await anon(`/api/public/articles/${county}`)).statusCode).toBe(404);

    expect(json(await act('lk_intake', county, 'submit')).status).toBe('pending');
    expect(await portal('370681')).not.toContain(county);
    expect((await anon(`/api/public/articles/${county}`)).statusCode).toBe(404);
    // The clerk has no reviewer's role; the lead is not among its editors, so the lead may.
    expect((await act('lk_intake', county, 'approve')).statusCode).toBe(403);
    expect(json(await get('lk_lead', `/api/publicity/articles/${county}`)).actions).toEqual(['approve', 'return']);
    expect(json(await get('lk_lead', '/api/publicity/articles?review=true')).items.map((a: { id: number }) => a.id)).toEqual([county]);

    // The lead edits it (a typo): back to draft, and now the lead wrote part of it.
    const edited = await put('lk_lead', `/api/publicity/articles/${county}`, article({ title: '警惕“免费体检”推销高价保健品' }));
    expect(edited.statusCode, edited.body).toBe(200);
    expect(json(edited)).toMatchObject({ status: 'draft', actions: ['submit'] });
    expect(json(await act('lk_lead', county, 'submit')).status).toBe('pending');
    const own = await act('lk_lead', county, 'approve');
    expect(own.statusCode).toBe(403);
    expect(json(own).error.message).toMatch(/未参与撰写/);
    expect(json(await get('lk_lead', '/api/publicity/articles?review=true')).total).toBe(0);
    // The city's lead, who wrote none of it, approves.
    const approved = await act('yt_lead', county, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(json(approved)).toMatchObject({ status: 'published', reviewerName: expect.any(String), actions: ['withdraw'] });
    expect((await act('yt_lead', county, 'approve')).statusCode).toBe(409);
    // The database keeps the rule too: no published row whose reviewer is an editor.
    const forged = await t.db.query(`update public_articles set reviewed_by = created_by where id = $1`, [county]).then(() => 'written', (e: { code?: string }) => e.code);
    expect(forged).toBe('23514');
    const audit = await t.db.query<{ action: string; actor_name: string }>(`select action, actor_name from audit_log where entity = 'public_article' and entity_id = $1 order by id`, [String(county)]);
    expect(audit.map((a) => `${a.action}:${a.actor_name}`)).toEqual([
      'article.created:lk_intake', 'article.submitted:lk_intake', 'article.edited:lk_lead', 'article.submitted:lk_lead', 'article.published:yt_lead',
    ]);
  });

  it('the portal shows a county warning only under that county; a city article in all its counties; withdrawn and expired ones nowhere', async () => {
    const res = await post('yt_intake', '/api/publicity/articles', article({ kind: 'knowledge', regionCode: '3706', title: '什么是“以房养老”骗局', expiresOn: null }));
    city = json(res).id;
    await act('yt_intake', city, 'submit');
    // Returned with a note, corrected, approved.
    const returned = await act('yt_lead', city, 'return', '请补充举报方式');
    expect(json(returned)).toMatchObject({ status: 'draft', reviewNote: '请补充举报方式' });
    await put('yt_intake', `/api/publicity/articles/${city}`, article({ kind: 'knowledge', regionCode: '3706', title: '什么是“以房养老”骗局', expiresOn: null, body: '以房养老骗局……\n\n举报电话：0535-12345' }));
    await act('yt_intake', city, 'submit');
    expect((await act('yt_lead', city, 'approve')).statusCode).toBe(200);

    expect(await portal('370681')).toEqual([city, county]);
    expect(await portal('370681001')).toEqual([city, county]);
    expect(await portal('370602')).toEqual([city]);
    expect(await portal('3706')).toEqual([city]);
    expect(await portal('37')).toEqual([]);
    expect(await portal()).toEqual([]);
    expect(await portal('320581')).toEqual([]);
    expect(json(await anon('/api/public/articles?regionCode=370681&kind=warning')).items.map((a: { id: number }) => a.id)).toEqual([county]);

    // What the public gets: the text, no trace of the review.
    const pub = await anon(`/api/public/articles/${county}`);
    expect(pub.statusCode).toBe(200);
    expect(Object.keys(json(pub)).sort()).toEqual(['body', 'expiresOn', 'fraudType', 'id', 'kind', 'publishedAt', 'regionCode', 'regionName', 'summary', 'title', 'unitName']);
    expect(json(pub).body).toContain('免费体检');

    // A warning past its last day disappears; withdrawing takes an article down at once.
    await t.db.query(`update public_articles set expires_on = $2 where id = $1`, [county, day(-1)]);
    expect(await portal('370681')).toEqual([city]);
    expect((await anon(`/api/public/articles/${county}`)).statusCode).toBe(404);
    await t.db.query(`update public_articles set expires_on = $2 where id = $1`, [county, day(0)]);
    expect(await portal('370681')).toEqual([city, county]);
    expect((await act('lk_police', city, 'withdraw')).statusCode).toBe(403);
    expect(json(await act('yt_intake', city, 'withdraw', '内容需更新')).status).toBe('withdrawn');
    expect(await portal('370681')).toEqual([county]);
    expect((await anon(`/api/public/articles/${city}`)).statusCode).toBe(404);
  });

  it('refuses bad input with field paths and Chinese messages', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'rumour' }, 'kind'],
      [{ title: '警惕' }, 'title'],
      [{ title: '警'.repeat(61) }, 'title'],
      [{ summary: '' }, 'summary'],
      [{ body: '太短' }, 'body'],
      [{ body: '长'.repeat(20_001) }, 'body'],
      [{ fraudType: 'lottery' }, 'fraudType'],
      [{ expiresOn: day(-1) }, 'expiresOn'],
      [{ expiresOn: '2026-02-30' }, 'expiresOn'],
      [{ regionCode: '3706x' }, 'regionCode'],
      [{ html: '<script>' }, ''],
    ];
    for (const [over, path] of cases) {
      const res = await post('lk_intake', '/api/publicity/articles', article(over));
      expect(res.statusCode, JSON.stringify(over).slice(0, 80)).toBe(400);
      const fields = json(res).error.fields as { path: string; message: string }[];
      expect(fields.map((f) => f.path), JSON.stringify(over).slice(0, 80)).toContain(path);
      expect(fields.every((f) => /[\u4e00-\u9fa5]/.test(f.message)), JSON.stringify(fields)).toBe(true);
    }
    const outside = await post('lk_intake', '/api/publicity/articles', article({ regionCode: '370602' }));
    expect([outside.statusCode, json(outside).error.fields[0].path]).toEqual([400, 'regionCode']);
    expect((await post('lk_intake', '/api/publicity/articles', article({ body: '长'.repeat(1_100_000) }))).statusCode).toBe(413);
    // Member units do not write for the portal.
    expect((await post('lk_police', '/api/publicity/articles', article())).statusCode).toBe(403);
    const d = json(await post('lk_intake', '/api/publicity/articles', article({ title: '待退回的文章' }))).id;
    await act('lk_intake', d, 'submit');
    const noNote = await act('lk_lead', d, 'return');
    expect([noNote.statusCode, json(noNote).error.fields[0].path]).toEqual([400, 'note']);
    const unknown = await act('lk_lead', d, 'publish');
    expect([unknown.statusCode, json(unknown).error.fields[0].path]).toEqual([400, 'action']);
    expect((await act('lk_intake', d, 'submit')).statusCode).toBe(409);
    // Markup is text: the portal renders it as text, and the API returns it as written.
    const html = json(await post('lk_intake', '/api/publicity/articles', article({ title: '<img src=x onerror=alert(1)>' }))).id;
    expect(json(await get('lk_intake', `/api/publicity/articles/${html}`)).title).toBe('<img src=x onerror=alert(1)>');
    expect((await anon('/api/public/articles?regionCode=37%27--')).statusCode).toBe(400);
    expect((await anon('/api/public/articles/abc')).statusCode).toBe(400);
  });

  it('another province neither sees nor reviews ours, and its visitors are not shown it', async () => {
    expect(json(await get('cs_intake', '/api/publicity/articles')).total).toBe(0);
    expect((await get('js_lead', `/api/publicity/articles/${county}`)).statusCode).toBe(404);
    const pending = json(await post('lk_intake', '/api/publicity/articles', article({ title: '外省不能审核的文章' }))).id;
    await act('lk_intake', pending, 'submit');
    expect((await act('js_lead', pending, 'approve')).statusCode).toBe(404);
    expect((await put('cs_lead', `/api/publicity/articles/${county}`, article({ regionCode: '320581' }))).statusCode).toBe(404);
    const theirs = json(await post('cs_intake', '/api/publicity/articles', article({ regionCode: '320581', title: '常熟市预警提示' }))).id;
    await act('cs_intake', theirs, 'submit');
    expect((await act('cs_lead', theirs, 'approve')).statusCode).toBe(200);
    expect(await portal('320581')).toEqual([theirs]);
    expect(await portal('370681')).not.toContain(theirs);
    expect(json(await get('yt_viewer', '/api/publicity/articles?pageSize=100')).items.map((a: { id: number }) => a.id)).not.toContain(theirs);
  });

  it('each office keeps its reporting channels; the portal shows the published ones, nearest office first', async () => {
    const lk = { hotline: '0535-8881234', address: '龙口市东城区港城大道 1 号', email: 'lk@example.cn', hours: '工作日 8:30–17:30', note: null, published: true };
    expect((await put('lk_intake', '/api/publicity/channel', lk)).statusCode).toBe(200);
    expect((await put('yt_lead', '/api/publicity/channel', { hotline: '12345', published: false })).statusCode).toBe(200);
    expect((await put('sd_intake', '/api/publicity/channel', { hotline: '96110', address: '济南市', email: '', published: true })).statusCode).toBe(200);
    const channels = async (region?: string) => {
      const res = await anon(`/api/public/channels${region ? `?regionCode=${region}` : ''}`);
      expect(res.statusCode).toBe(200);
      return json(res).items as { unitName: string; hotline: string; email: string | null }[];
    };
    const here = await channels('370681001');
    expect(here.map((c) => c.hotline)).toEqual(['0535-8881234', '96110']);
    expect(here[0]).toMatchObject({ unitName: expect.stringContaining('龙口市'), address: lk.address, email: lk.email, hours: lk.hours });
    expect(here[1].email).toBeNull();
    expect((await channels('370602')).map((c) => c.hotline)).toEqual(['96110']);
    expect(await channels('320581')).toEqual([]);
    expect(await channels()).toEqual([]);
    // Published now: the city's office shows between the county's and the province's.
    await put('yt_lead', '/api/publicity/channel', { hotline: '12345', published: true });
    expect((await channels('370681')).map((c) => c.hotline)).toEqual(['0535-8881234', '12345', '96110']);

    const staffList = json(await get('yt_viewer', '/api/publicity/channels'));
    expect(staffList.items[0]).toMatchObject({ mine: true, regionCode: '3706', channel: { hotline: '12345', published: true } });
    expect(staffList.items.map((o: { regionCode: string }) => o.regionCode)).toEqual(expect.arrayContaining(['370681', '370602']));
    expect(staffList.total).toBe(staffList.items.length);
    expect(staffList.items.every((o: { regionCode: string }) => o.regionCode.startsWith('3706'))).toBe(true);

    for (const [body, path] of [[{ ...lk, hotline: '电话12345' }, 'hotline'], [{ ...lk, hotline: '1' }, 'hotline'], [{ ...lk, email: 'not-mail' }, 'email'],
      [{ ...lk, published: 'yes' }, 'published'], [{ ...lk, address: '址'.repeat(201) }, 'address']] as const) {
      const res = await put('lk_intake', '/api/publicity/channel', body);
      expect([res.statusCode, json(res).error.fields[0].path], JSON.stringify(body)).toEqual([400, path]);
    }
    expect((await put('lk_police', '/api/publicity/channel', lk)).statusCode).toBe(403);
    const [saved] = await t.db.query<{ detail: { before: { hotline: string } | null } }>(`select detail from audit_log where action = 'channel.saved' and actor_name = 'yt_lead' order by id desc limit 1`);
    expect(saved.detail.before?.hotline).toBe('12345');
  });

  it('public reads are rate-limited per client like the other public routes', async () => {
    // On PostgreSQL limits are counted in the database, shared by every process (and app) on it: this
    // file's earlier public reads from the same client count too, so the window starts empty here.
    if (t.db.kind === 'postgres') await t.db.query('delete from rate_counters');
    const app = await buildApp({ db: t.db, keys: t.keys, dataDir: t.dataDir, publicRateLimit: 2 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) codes.push((await app.inject({ method: 'GET', url: '/api/public/articles?regionCode=370681' })).statusCode);
      expect(codes).toEqual([200, 200, 200, 200, 200, 200, 429]);
      const channels: number[] = [];
      for (let i = 0; i < 7; i++) channels.push((await app.inject({ method: 'GET', url: '/api/public/channels?regionCode=370681' })).statusCode);
      expect(channels.at(-1)).toBe(429);
    } finally {
      await app.close();
    }
  });
});
