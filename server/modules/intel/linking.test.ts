import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, validTip, type TestApp } from '../../test/helpers.ts';
import { sweepClusters } from '../../jobs/deadlines.ts';
import { linkKeys } from './linking.ts';

describe('linking tips by shared entities', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const submit = async (over: Record<string, unknown>) => {
    const sub = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip(over) }));
    return (await t.db.query<{ id: number }>('select id from tips where tracking_code = $1', [sub.trackingCode]))[0].id;
  };
  const detail = async (user: string, id: number) => json(await t.app.inject({ method: 'GET', url: `/api/tips/${id}`, headers: { cookie: await t.login(user) } }));

  it('normalises the keys a tip is linked by', () => {
    const keys = linkKeys('鑫泰财富投资有限公司的业务员电话139-1234-5678', { name: '鑫泰财富投资有限公司', uscc: '91350100m000100y43' });
    expect(keys.map((k) => [k.kind, k.normalized])).toEqual([
      ['organization', '鑫泰财富投资公司'], ['mobile', '13912345678'], ['uscc', '91350100M000100Y43'],
    ]);
  });

  it('shows "还被 N 条线索提及" across different wordings, only within what the user may see', async () => {
    const a = await submit({ description: '鑫泰财富投资有限公司以养老公寓为名吸收老人资金，承诺高额回报。' });
    const b = await submit({ description: '有个叫鑫泰财富投资公司的业务员推销理财，电话13912345678，说保本保息。' });
    const c = await submit({ description: '社区里有人推销养老理财，联系电话139 1234 5678，骗了我父亲五万元。' });
    const other = await submit({ regionCode: '370602001', description: '芝罘区也有鑫泰财富投资有限公司在推销，骗了好几个老人。' });
    const d = await detail('lk_intake', a);
    const org = d.links.find((l: any) => l.kind === 'organization');
    expect(org.count).toBe(1); // b, not the other county's tip
    expect(org.tipIds).toEqual([b]);
    expect(org.text).toBe('这家单位还被 1 条线索提及');
    const phone = (await detail('lk_intake', b)).links.find((l: any) => l.kind === 'mobile');
    expect(phone.tipIds).toEqual([c]);
    // The city office sees all four: the company links three others.
    const city = (await detail('yt_intake', a)).links.find((l: any) => l.kind === 'organization');
    expect(city.tipIds.sort()).toEqual([b, other].sort());
  });

  it('links a tip to a registered subject by credit code or normalised name', async () => {
    const cookie = await t.login('lk_intake');
    const reg = await t.app.inject({ method: 'POST', url: '/api/subjects', headers: { cookie }, payload: { regionCode: '370681', kind: 'elderly_care_institution', name: '松鹤颐养院有限公司', uscc: '91350100M000100Y43' } });
    expect(reg.statusCode).toBe(201);
    const subjectId = json(reg).id;
    const dup = await t.app.inject({ method: 'POST', url: '/api/subjects', headers: { cookie }, payload: { regionCode: '370681', kind: 'other', name: '另一家', uscc: '91350100M000100Y43' } });
    expect(dup.statusCode).toBe(409);
    const bad = await t.app.inject({ method: 'POST', url: '/api/subjects', headers: { cookie }, payload: { regionCode: '370681', kind: 'other', name: '某公司', uscc: '91350100M000100Y44' } });
    expect(bad.statusCode).toBe(400);
    const outside = await t.app.inject({ method: 'POST', url: '/api/subjects', headers: { cookie }, payload: { regionCode: '370602', kind: 'other', name: '芝罘某公司' } });
    expect(outside.statusCode).toBe(422);
    const byName = await submit({ description: '我母亲在松鹤颐养院公司交了五万元会员费，现在不给退。' });
    const byCode = await submit({ description: '一家养老机构收了押金不退，营业执照上的代码是91350100M000100Y43。' });
    const unrelated = await submit({ description: '有人推销保健品骗老人，说能治高血压，花了两万元。' });
    expect((await detail('lk_intake', byName)).subjects).toEqual([expect.objectContaining({ id: subjectId, matchedBy: 'name' })]);
    expect((await detail('lk_intake', byCode)).subjects).toEqual([expect.objectContaining({ id: subjectId, matchedBy: 'uscc' })]);
    expect((await detail('lk_intake', unrelated)).subjects).toEqual([]);
    const list = json(await t.app.inject({ method: 'GET', url: '/api/subjects?q=松鹤', headers: { cookie } }));
    expect(list.items.map((s: any) => s.id)).toEqual([subjectId]);
  });

  it('warns the office lead once when five tips name one company within 30 days', async () => {
    for (let i = 0; i < 5; i++) await submit({ description: `福满堂康养有限公司第${i}次被举报：以投资康养基地为名吸收资金，承诺保本保息。` });
    expect(await sweepClusters(t.db)).toBeGreaterThanOrEqual(1);
    expect(await sweepClusters(t.db)).toBe(0); // no repeat
    const notes = json(await t.app.inject({ method: 'GET', url: '/api/notifications', headers: { cookie: await t.login('lk_lead') } }));
    const cluster = notes.items.filter((n: any) => n.kind === 'cluster');
    expect(cluster).toHaveLength(1);
    expect(cluster[0].text).toContain('福满堂康养公司');
  });
});
