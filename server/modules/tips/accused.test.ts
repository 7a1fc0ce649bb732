import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, inDays, json, multipart, photoWithLocation, validTip, type TestApp } from '../../test/helpers.ts';

/**
 * A unit a tip accuses (its name is the subject's, or staff named it) never receives it: the office
 * above receives and works it, and nothing of it reaches the accused unit by any route.
 */
describe('a tip that accuses a unit', () => {
  let t: TestApp;
  let countyOffice: number, cityOffice: number, countyPolice: number, countyMarket: number, countyOfficeName: string;
  beforeAll(async () => {
    t = await createTestApp();
    countyOffice = t.world.units.get('370681:campaign_office')!;
    cityOffice = t.world.units.get('3706:campaign_office')!;
    countyPolice = t.world.units.get('370681:police')!;
    countyMarket = t.world.units.get('370681:market_regulation')!;
    [{ name: countyOfficeName }] = await t.db.query<{ name: string }>('select name from units where id = $1', [countyOffice]);
  });
  afterAll(() => t.close());

  const get = async (user: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: await t.login(user) } });
  const post = async (user: string, url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: { cookie: await t.login(user) }, payload });
  const act = (user: string, tipId: number, body: object) => post(user, `/api/tips/${tipId}/actions`, body);
  const publicPost = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload });
  const tipRow = async (code: string) =>
    (await t.db.query<{ id: number; office_unit_id: number; accused_unit_ids: number[] }>('select id, office_unit_id, accused_unit_ids from tips where tracking_code = $1', [code]))[0];

  it('lands with the office above when it names the office, and the accused office and unit see nothing of it by any route', async () => {
    // Users of the accused office (intake clerk, office lead) and of an accused member unit (handler, unit lead).
    const accusedUsers = ['lk_intake', 'lk_lead', 'lk_market_regulation', 'lk_market_regulation_lead'];
    const phone = '13911112222';
    const uscc = '91350100M000100Y43';
    const marker = '紫藤花园讲座骗局';

    // What the accused may legitimately see: a tip of their own with the same phone (links), dispatched to the market unit,
    // and a registered company the accusation also names (subjects' linked tips).
    const subject = await post('lk_intake', '/api/subjects', { regionCode: '370681', kind: 'elderly_care_institution', name: '松鹤颐养院有限公司', uscc });
    expect(subject.statusCode).toBe(201);
    const subjectId = json(subject).id;
    const own = json(await publicPost('/api/public/tips', validTip({ description: `推销保健品的人留了电话${phone}，说能治高血压。` })));
    const ownId = (await tipRow(own.trackingCode)).id;
    expect((await act('lk_intake', ownId, { action: 'accept' })).statusCode).toBe(200);
    expect((await act('lk_intake', ownId, { action: 'dispatch', leadUnitId: countyMarket, deadline: inDays(10), instructions: '请核查' })).statusCode).toBe(200);

    const counts = async () =>
      Promise.all(accusedUsers.map(async (u) => ({
        bench: json(await get(u, '/api/workbench')), stats: json(await get(u, '/api/stats/overview')), total: json(await get(u, '/api/tips/count')),
      })));
    const before = await counts();

    // The accusation: names the county office as its subject (matched by name), plus the phone and the company's code.
    const photo = json(await t.app.inject({ method: 'POST', url: '/api/public/uploads', ...multipart(await photoWithLocation(), 'a.jpg', 'image/jpeg') }));
    const sub = await publicPost('/api/public/tips', validTip({
      description: `${marker}：专项办的工作人员收了讲座公司的好处，电话${phone}，公司代码${uscc}，我母亲被骗两万元。`,
      subject: { name: countyOfficeName },
      attachmentIds: [photo.id],
    }));
    expect(sub.statusCode).toBe(201);
    const { trackingCode, accessKey } = json(sub);
    const row = await tipRow(trackingCode);
    const id = row.id;
    expect(row.accused_unit_ids).toEqual([countyOffice]);
    expect(row.office_unit_id).toBe(cityOffice);
    // It waits in the city office's 待受理 list.
    expect(json(await get('yt_intake', '/api/tips?todo=to_accept&limit=200')).items.map((i: any) => i.id)).toContain(id);

    // The reporter adds information: the city office is told, not the accused.
    expect((await publicPost('/api/public/tips/messages', { trackingCode, accessKey, text: '补充：他们还在周末办讲座。' })).statusCode).toBe(201);
    expect(json(await get('yt_intake', '/api/notifications')).items.some((n: any) => n.kind === 'reporter_message' && n.tipId === id)).toBe(true);

    // The city office accepts (correcting the types, which makes labelled data), names the market unit too, and dispatches to the police.
    let r = await act('yt_intake', id, { action: 'accept', fraudTypes: ['elderly_project'], accusedUnitIds: [countyMarket] });
    expect(r.statusCode).toBe(200);
    expect(json(r).office.id).toBe(cityOffice);
    r = await act('yt_intake', id, { action: 'dispatch', leadUnitId: countyMarket, deadline: inDays(10), instructions: '请核查' });
    expect(json(r).error.code).toBe('DISPATCH_ACCUSED_UNIT');
    r = await act('yt_intake', id, { action: 'dispatch', leadUnitId: countyPolice, deadline: inDays(10), instructions: '请公安局核查' });
    expect(r.statusCode).toBe(200);
    await publicPost('/api/public/tips/messages', { trackingCode, accessKey, text: '补充：讲座地点换到了体育馆。' });

    // The routes work: the city office sees the tip, its links and its subject.
    const cityDetail = json(await get('yt_intake', `/api/tips/${id}`));
    expect(cityDetail.links.find((l: any) => l.kind === 'mobile').tipIds).toContain(ownId);
    expect(json(await get('yt_intake', `/api/tips/${ownId}`)).links.find((l: any) => l.kind === 'mobile').tipIds).toContain(id);
    expect(json(await get('yt_intake', `/api/subjects/${subjectId}`)).tips.map((x: any) => x.id)).toContain(id);
    expect((await get('yt_lead', '/api/intel/labelled-data')).body).toContain(marker);

    const leaks = (body: string) => body.includes(trackingCode) || body.includes(marker) || body.includes('体育馆');
    const xlsxText = async (raw: Buffer) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(raw as any);
      const cells: string[] = [];
      book.eachSheet((s) => s.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value)))));
      return cells.join('\n');
    };
    for (const [i, u] of accusedUsers.entries()) {
      const seen: string[] = [];
      // The tip itself, its actions, identity, attachments and dispatch suggestions: not found (or not for this role).
      for (const url of [`/api/tips/${id}`, `/api/tips/${id}/dispatch-suggestions`, `/api/tips/${id}/attachments/${photo.id}`]) {
        const res = await get(u, url);
        expect([403, 404], `${u} GET ${url}`).toContain(res.statusCode);
        seen.push(res.body);
      }
      expect((await act(u, id, { action: 'note', text: '看看' })).statusCode).toBe(404);
      if (u === 'lk_lead') expect((await post(u, `/api/tips/${id}/reporter-identity`, { reason: '核查需要查看' })).statusCode).toBe(404);
      // Lists, search, to-do lists and the export.
      for (const q of ['limit=200', `q=${encodeURIComponent('紫藤花园')}`, `q=${phone}`, 'todo=to_accept', 'todo=to_dispatch', 'todo=to_sign', 'status=dispatched']) {
        const res = await get(u, `/api/tips?${q}`);
        expect(res.statusCode).toBe(200);
        expect(json(res).items.map((x: any) => x.id), `${u} /api/tips?${q}`).not.toContain(id);
        seen.push(res.body);
      }
      const xlsx = await get(u, '/api/tips/export');
      expect(xlsx.statusCode).toBe(200);
      seen.push(await xlsxText(xlsx.rawPayload));
      // Counts: the workbench and the dashboard are as they were before the tip arrived.
      const bench = json(await get(u, '/api/workbench'));
      expect(bench, `${u} workbench`).toEqual(before[i].bench);
      expect(json(await get(u, '/api/stats/overview')), `${u} dashboard`).toEqual(before[i].stats);
      expect(json(await get(u, '/api/tips/count')), `${u} list total`).toEqual(before[i].total);
      // Notifications: none about it.
      const notes = await get(u, '/api/notifications?limit=100');
      expect(json(notes).items.filter((n: any) => n.tipId === id), `${u} notifications`).toEqual([]);
      seen.push(notes.body);
      // Links from a tip they see, and a subject's linked tips.
      const ownDetail = await get(u, `/api/tips/${ownId}`);
      if (ownDetail.statusCode === 200) {
        expect(json(ownDetail).links.flatMap((l: any) => l.tipIds), `${u} links`).not.toContain(id);
        seen.push(ownDetail.body);
      }
      const subj = await get(u, `/api/subjects/${subjectId}`);
      if (subj.statusCode === 200) {
        expect(json(subj).tips.map((x: any) => x.id), `${u} subject tips`).not.toContain(id);
        seen.push(subj.body);
      }
      // The labelled-data export of the intelligence module (office leads only).
      const labelled = await get(u, '/api/intel/labelled-data');
      if (u === 'lk_lead') expect(labelled.statusCode).toBe(200);
      seen.push(labelled.body);
      expect(seen.filter(leaks), `${u} reads the accusation`).toEqual([]);
    }
    // Each accused user did reach the tip whose links were checked (its own office's, dispatched to the market unit).
    for (const u of accusedUsers) expect((await get(u, `/api/tips/${ownId}`)).statusCode, u).toBe(200);

    // An auditor of the accused office reads its jurisdiction's audit log, but no row about the accusation.
    const created = await t.app.inject({
      method: 'POST', url: '/api/admin/users', headers: { cookie: await t.login('admin') },
      payload: { username: 'lk_auditor', displayName: '县审计员', unitId: countyOffice, roles: ['auditor'], password: 'Test-Passw0rd!' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const audit = await get('lk_auditor', '/api/audit?limit=200');
    expect(audit.statusCode).toBe(200);
    const rows = json(audit).items as { entity: string; entityId: string | null }[];
    expect(rows.some((a) => a.entity === 'tip' && a.entityId === String(ownId)), 'its own tips are there').toBe(true);
    expect(rows.filter((a) => a.entity === 'tip' && a.entityId === String(id)), 'lk_auditor reads the accusation in the audit log').toEqual([]);
    expect(leaks(audit.body)).toBe(false);
    // The city's auditor is not accused and sees the accusation's rows.
    expect(json(await get('sd_auditor', `/api/audit?entity=tip&entityId=${id}&limit=50`)).items.length).toBeGreaterThan(3);
    expect(json(await get('lk_auditor', `/api/audit?entity=tip&entityId=${id}&limit=50`)).items).toEqual([]);
  });

  it('moves a tip to the office above when staff name its receiving office at acceptance', async () => {
    const sub = json(await publicPost('/api/public/tips', validTip({ description: '龙口市专项办有人收钱后对保健品讲座不闻不问，我父亲被骗三万元。' })));
    const id = (await tipRow(sub.trackingCode)).id;
    expect((await tipRow(sub.trackingCode)).office_unit_id).toBe(countyOffice);
    expect((await publicPost('/api/public/tips/messages', { trackingCode: sub.trackingCode, accessKey: sub.accessKey, text: '补充：讲座每周三下午举办。' })).statusCode).toBe(201);
    expect(json(await get('lk_intake', '/api/notifications')).items.some((n: any) => n.tipId === id)).toBe(true);

    // The city office, overseeing, accepts it and names the county office.
    const r = await act('yt_intake', id, { action: 'accept', accusedUnitIds: [countyOffice] });
    expect(r.statusCode).toBe(200);
    const d = json(r);
    expect(d.office.id).toBe(cityOffice);
    expect(d.timeline.find((e: any) => e.kind === 'transferred')).toMatchObject({ public: false });
    const audits = await t.db.query<{ action: string }>(`select action from audit_log where entity = 'tip' and entity_id = $1`, [String(id)]);
    expect(audits.map((a) => a.action)).toContain('tip.transferred');
    expect(json(await get('yt_intake', '/api/tips?todo=to_dispatch&limit=200')).items.map((i: any) => i.id)).toContain(id);
    expect(json(await get('yt_intake', '/api/workbench')).todo.toDispatch).toBeGreaterThanOrEqual(1);

    // The county office loses it, and what it was told about it is withdrawn.
    expect((await get('lk_intake', `/api/tips/${id}`)).statusCode).toBe(404);
    expect(json(await get('lk_intake', '/api/notifications')).items.some((n: any) => n.tipId === id)).toBe(false);
    await publicPost('/api/public/tips/messages', { trackingCode: sub.trackingCode, accessKey: sub.accessKey, text: '补充：又有老人被骗了。' });
    expect(json(await get('lk_intake', '/api/notifications')).items.some((n: any) => n.tipId === id)).toBe(false);
    expect(json(await get('yt_intake', '/api/notifications')).items.some((n: any) => n.tipId === id && n.kind === 'reporter_message')).toBe(true);
  });

  it('sends a staff-entered tip naming the clerk’s own office to the office above', async () => {
    const r = await post('lk_intake', '/api/tips', { ...validTip({ description: '来电反映：本专项办工作人员对诈骗线索压案不查。' }), source: 'hotline', accusedUnitIds: [countyOffice] });
    expect(r.statusCode).toBe(201);
    const row = await tipRow(json(r).trackingCode);
    expect(row.office_unit_id).toBe(cityOffice);
    expect((await get('lk_intake', `/api/tips/${row.id}`)).statusCode).toBe(404);
    expect((await get('yt_intake', `/api/tips/${row.id}`)).statusCode).toBe(200);
  });
  it('moves tips received before the fix by the office they accuse (migration 0011)', async () => {
    const sub = json(await publicPost('/api/public/tips', validTip({ description: '旧数据：反映龙口市专项办对讲座骗局不作为。' })));
    const { id } = await tipRow(sub.trackingCode);
    await publicPost('/api/public/tips/messages', { trackingCode: sub.trackingCode, accessKey: sub.accessKey, text: '补充：旧数据的补充。' });
    // As the old intake left it: received by the county office it accuses, which was notified.
    await t.db.query('update tips set accused_unit_ids = $2 where id = $1', [id, [countyOffice]]);
    await t.db.tx((q) => q.exec(readFileSync(new URL('../../db/migrations/0011_accused_receiving_office.sql', import.meta.url), 'utf8')));
    expect((await tipRow(sub.trackingCode)).office_unit_id).toBe(cityOffice);
    const events = await t.db.query<{ kind: string; public: boolean }>('select kind, public from tip_events where tip_id = $1', [id]);
    expect(events).toContainEqual({ kind: 'transferred', public: false });
    expect(json(await get('yt_intake', '/api/tips?todo=to_accept&limit=200')).items.map((i: any) => i.id)).toContain(id);
    expect(json(await get('lk_intake', '/api/notifications')).items.some((n: any) => n.tipId === id)).toBe(false);
  });
});
