import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, inDays, json, validTip, type TestApp } from '../../test/helpers.ts';

/**
 * Staff name tips by the 12-digit tracking code they read on screen, never an internal id: looking one
 * up, merging into one, searching the list. A code the user may not see — another county's tip, a tip
 * that accuses their unit — answers exactly like a code no tip has (404, the same words).
 */
describe('tips by tracking code', () => {
  let t: TestApp;
  let countyOfficeName: string;
  let market: number;
  beforeAll(async () => {
    t = await createTestApp();
    market = t.world.units.get('370681:market_regulation')!;
    [{ name: countyOfficeName }] = await t.db.query<{ name: string }>('select name from units where id = $1', [t.world.units.get('370681:campaign_office')!]);
  });
  afterAll(() => t.close());

  const get = async (user: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: await t.login(user) } });
  const act = async (user: string, tipId: number, body: object) =>
    t.app.inject({ method: 'POST', url: `/api/tips/${tipId}/actions`, headers: { cookie: await t.login(user) }, payload: body });
  let n = 0;
  const submit = async (over: Record<string, unknown> = {}) => {
    const r = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ description: `第${++n}位老人反映：有人开讲座推销保健品，骗走两万元。`, ...over }) }));
    const [{ id }] = await t.db.query<{ id: number }>('select id from tips where tracking_code = $1', [r.trackingCode]);
    return { id, code: r.trackingCode as string };
  };
  /** A code no tip has. */
  const unused = async () => {
    for (;;) {
      const code = String(Math.floor(Math.random() * 1e12)).padStart(12, '0');
      if (!(await t.db.query('select 1 from tips where tracking_code = $1', [code])).length) return code;
    }
  };
  /** A 404 body with the code it names replaced, to compare answers for different codes. */
  const neutral = (body: string, code: string) => body.replaceAll(code, 'CODE');

  it('finds a visible tip by its code (typed with dashes or spaces too); an invisible one answers like a missing one', async () => {
    const own = await submit();
    const other = await submit({ regionCode: '370602001' }); // 芝罘区: not 龙口市's
    const r = await get('lk_intake', `/api/tips/by-code/${own.code.slice(0, 4)}-${own.code.slice(4, 8)}-${own.code.slice(8)}`);
    expect(r.statusCode).toBe(200);
    expect(json(r)).toMatchObject({ id: own.id, trackingCode: own.code, status: 'submitted', statusLabel: '待受理' });
    expect(json(r).summary).toContain('老人反映');
    expect(json(await get('lk_intake', `/api/tips/by-code/${encodeURIComponent(`${own.code.slice(0, 6)} ${own.code.slice(6)}`)}`)).id).toBe(own.id);

    const missing = await unused();
    const [invisible, absent] = [await get('lk_intake', `/api/tips/by-code/${other.code}`), await get('lk_intake', `/api/tips/by-code/${missing}`)];
    expect([invisible.statusCode, absent.statusCode]).toEqual([404, 404]);
    expect(neutral(invisible.body, other.code)).toBe(neutral(absent.body, missing));
    expect(json(absent).error.message).toContain(missing);
    // The other county sees its own.
    expect((await get('zf_intake', `/api/tips/by-code/${other.code}`)).statusCode).toBe(200);

    const bad = await get('lk_intake', '/api/tips/by-code/abc');
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error.fields[0].message).toBe('查询码为 12 位数字');
    expect((await get('lk_intake', '/api/tips/by-code/1234567890123')).statusCode).toBe(400);
  });

  it('a tip that accuses the user’s unit is not found by its code, by lookup, search or merge', async () => {
    const accusing = await submit({ subject: { name: countyOfficeName }, description: '龙口市专项办的人收了讲座公司的好处，我母亲被骗两万元。' });
    const [{ office }] = await t.db.query<{ office: number }>('select office_unit_id as office from tips where id = $1', [accusing.id]);
    expect(office).toBe(t.world.units.get('3706:campaign_office')); // it went up to 烟台市
    const missing = await unused();
    const [accused, absent] = [await get('lk_intake', `/api/tips/by-code/${accusing.code}`), await get('lk_intake', `/api/tips/by-code/${missing}`)];
    expect(accused.statusCode).toBe(404);
    expect(neutral(accused.body, accusing.code)).toBe(neutral(absent.body, missing));
    expect(json(await get('lk_intake', `/api/tips?q=${accusing.code}`)).items).toEqual([]);
    expect((await get('yt_intake', `/api/tips/by-code/${accusing.code}`)).statusCode).toBe(200);

    const source = await submit();
    const [toAccused, toAbsent] = [
      await act('lk_intake', source.id, { action: 'merge', intoTrackingCode: accusing.code }),
      await act('lk_intake', source.id, { action: 'merge', intoTrackingCode: missing }),
    ];
    expect([toAccused.statusCode, toAbsent.statusCode]).toEqual([404, 404]);
    expect(neutral(toAccused.body, accusing.code)).toBe(neutral(toAbsent.body, missing));
    expect(json(toAbsent).error.fields).toEqual([{ path: 'intoTrackingCode', message: expect.stringContaining(missing) }]);
    expect((await t.db.query<{ status: string }>('select status from tips where id = $1', [source.id]))[0].status).toBe('submitted');
  });

  it('merges into the tip named by its tracking code; refuses itself, both or neither, and a malformed code', async () => {
    const [a, b] = [await submit(), await submit()];
    const other = await submit({ regionCode: '370602001' });
    const missing = await unused();
    const [invisible, absent] = [
      await act('lk_intake', a.id, { action: 'merge', intoTrackingCode: other.code }),
      await act('lk_intake', a.id, { action: 'merge', intoTrackingCode: missing }),
    ];
    expect([invisible.statusCode, absent.statusCode]).toEqual([404, 404]);
    expect(neutral(invisible.body, other.code)).toBe(neutral(absent.body, missing));

    const self = await act('lk_intake', a.id, { action: 'merge', intoTrackingCode: a.code });
    expect(self.statusCode).toBe(422);
    expect(json(self).error.fields).toEqual([{ path: 'intoTrackingCode', message: '不能并入自身' }]);
    for (const body of [{ action: 'merge' }, { action: 'merge', intoTrackingCode: b.code, intoTipId: b.id }]) {
      const r = await act('lk_intake', a.id, body);
      expect(r.statusCode).toBe(400);
      expect(json(r).error.fields[0]).toEqual({ path: 'intoTrackingCode', message: '请填写要并入的线索的查询码' });
    }
    for (const code of ['12345', 'abcdefghijkl', `${b.code}0`, '']) {
      const r = await act('lk_intake', a.id, { action: 'merge', intoTrackingCode: code });
      expect(r.statusCode).toBe(400);
      expect(json(r).error.fields[0].path).toBe('intoTrackingCode');
    }

    const ok = await act('lk_intake', a.id, { action: 'merge', intoTrackingCode: ` ${b.code.slice(0, 6)} ${b.code.slice(6)} ` });
    expect(ok.statusCode).toBe(200);
    expect(json(ok).status).toBe('merged');
    expect((await t.db.query<{ merged_into_id: number }>('select merged_into_id from tips where id = $1', [a.id]))[0].merged_into_id).toBe(b.id);
    // The detail names the target by code for the one who merged it.
    const detail = json(await get('lk_intake', `/api/tips/${a.id}`));
    expect(detail.mergedInto).toEqual({ id: b.id, trackingCode: b.code });
  });

  it('the list finds a tip by its code in the search box', async () => {
    const x = await submit();
    const found = json(await get('lk_intake', `/api/tips?q=${x.code}`));
    expect(found.items.map((i: { id: number }) => i.id)).toEqual([x.id]);
    expect(json(await get('lk_intake', `/api/tips?q=${encodeURIComponent(`${x.code.slice(0, 4)} ${x.code.slice(4)}`)}`)).items).toHaveLength(1);
    expect(json(await get('lk_intake', `/api/tips?q=${await unused()}`)).items).toEqual([]);
  });

  it('links to other tips carry their tracking codes', async () => {
    const phone = '13966667777';
    const [p, q] = [await submit({ description: `推销员留了电话${phone}，卖保健品骗了两万元。` }), await submit({ description: `又是电话${phone}的推销员，上门推销保健品。` })];
    const links = json(await get('lk_intake', `/api/tips/${p.id}`)).links as { tips: { id: number; trackingCode: string }[] }[];
    expect(links.flatMap((l) => l.tips)).toContainEqual({ id: q.id, trackingCode: q.code });
  });

  it('notices name their tip by code and first words, only while the reader may see it', async () => {
    const x = await submit({ description: '紫藤小区有人开讲座推销保健品，说能治百病，我父亲买了三万元。' });
    expect((await act('lk_intake', x.id, { action: 'accept' })).statusCode).toBe(200);
    expect((await act('lk_intake', x.id, { action: 'dispatch', leadUnitId: market, deadline: inDays(5), instructions: '请核查' })).statusCode).toBe(200);
    const notes = json(await get('lk_market_regulation', '/api/notifications')).items as { tipId: number; tip: { id: number; trackingCode: string; summary: string } | null }[];
    const note = notes.find((m) => m.tipId === x.id)!;
    expect(note.tip).toEqual({ id: x.id, trackingCode: x.code, summary: '紫藤小区有人开讲座推销保健品，说能治百病，我父亲买了三万元。'.slice(0, 30) });

    // A notice about a tip the reader may not see (here written by hand) names nothing of it.
    const other = await submit({ regionCode: '370602001', description: '芝罘区的秘密线索：有人推销保健品骗钱，骗走五万元。' });
    await t.db.query(`insert into notifications (user_id, kind, tip_id, text, dedupe_key) values ($1, 'urged', $2, '督办', 'test')`, [t.world.users.get('lk_market_regulation'), other.id]);
    const after = json(await get('lk_market_regulation', '/api/notifications')).items as { tipId: number; tip: unknown }[];
    expect(after.find((m) => m.tipId === other.id)!.tip).toBeNull();
    expect(JSON.stringify(after)).not.toContain('芝罘区的秘密线索');
    expect(JSON.stringify(after)).not.toContain(other.code);
  });

  it('the region filter refuses a malformed or unknown region in Chinese, and filters by a real one', async () => {
    for (const [value, message] of [['abc', '地区无效'], ['370', '地区无效'], ['999999', '没有这个地区']] as const) {
      const r = await get('lk_intake', `/api/tips?regionCode=${value}`);
      expect(r.statusCode).toBe(400);
      expect(json(r).error.fields).toEqual([{ path: expect.stringMatching(/regionCode$/), message: expect.stringContaining(message) }]);
    }
    const town = await submit({ regionCode: '370681002' });
    const items = json(await get('lk_intake', '/api/tips?regionCode=370681002&limit=200')).items as { id: number; regionCode: string }[];
    expect(items.map((i) => i.id)).toContain(town.id);
    expect(items.every((i) => i.regionCode.startsWith('370681002'))).toBe(true);
  });

  it('finds regions by place name, the user’s own first, with their full names', async () => {
    const hits = json(await get('lk_intake', `/api/regions?q=${encodeURIComponent('龙口')}`)) as { code: string; path: string }[];
    expect(hits[0]).toMatchObject({ code: '370681', name: '龙口市', level: 3, path: '山东省 / 烟台市 / 龙口市' });
    // Township names repeat across the country: the user's own come first.
    const towns = json(await get('lk_intake', `/api/regions?q=${encodeURIComponent('街道')}`)) as { code: string }[];
    expect(towns.length).toBe(20);
    expect(towns[0].code.startsWith('370681')).toBe(true);
    expect(json(await get('lk_intake', '/api/regions?code=370681'))).toEqual([{ code: '370681', name: '龙口市', level: 3, path: '山东省 / 烟台市 / 龙口市' }]);
    expect(json(await get('lk_intake', '/api/regions?code=999999'))).toEqual([]);
    // Wildcards are text, not patterns; empty and malformed input is a Chinese 400.
    expect(json(await get('lk_intake', `/api/regions?q=${encodeURIComponent('%')}`))).toEqual([]);
    for (const url of ['/api/regions', '/api/regions?q=', '/api/regions?code=abc', `/api/regions?q=${'长'.repeat(21)}`]) {
      const r = await get('lk_intake', url);
      expect(r.statusCode).toBe(400);
      expect(json(r).error.fields[0].message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('routing rules carry their region’s name', async () => {
    const rules = json(await get('lk_intake', '/api/routing-rules')) as { regionPrefix: string; regionName: string }[];
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules) expect(r.regionName).toBe(r.regionPrefix === '' ? '全国' : expect.stringContaining('山东省'));
    const saved = await t.app.inject({
      method: 'PUT', url: '/api/admin/routing-rules', headers: { cookie: await t.login('sd_admin') },
      payload: { regionPrefix: '370681', fraudType: 'elderly_product', leadKind: 'market_regulation', assistKinds: ['police'] },
    });
    expect(saved.statusCode).toBe(200);
    expect(json(saved).regionName).toBe('山东省 / 烟台市 / 龙口市');
  });
});
