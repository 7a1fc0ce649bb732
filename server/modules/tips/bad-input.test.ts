import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, inDays, json, validTip, type TestApp } from '../../test/helpers.ts';

/** Bad input gets the documented error and changes nothing. */
describe('bad input to the public intake and staff actions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const counts = async () => {
    const [r] = await t.db.query<{ tips: number; events: number; uploads: number; keys: number }>(
      `select (select count(*)::int from tips) as tips, (select count(*)::int from tip_events) as events,
              (select count(*)::int from uploads) as uploads, (select count(*)::int from idempotency_keys) as keys`,
    );
    return r;
  };
  const submit = (payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/public/tips', payload: payload as object, headers });

  const cases: [string, unknown, number, string, string?][] = [
    ['missing description', { ...validTip(), description: undefined }, 400, 'VALIDATION_FAILED', 'description'],
    ['too short description', validTip({ description: '太短了' }), 400, 'VALIDATION_FAILED', 'description'],
    ['oversized description', validTip({ description: '骗'.repeat(5001) }), 400, 'VALIDATION_FAILED', 'description'],
    ['wrong-typed amount', validTip({ amountInvolved: '一万' }), 400, 'VALIDATION_FAILED', 'amountInvolved'],
    ['negative amount', validTip({ amountInvolved: -5 }), 400, 'VALIDATION_FAILED', 'amountInvolved'],
    ['fractional victims', validTip({ victimCount: 1.5 }), 400, 'VALIDATION_FAILED', 'victimCount'],
    ['future date', validTip({ occurredOn: '2999-01-01' }), 400, 'VALIDATION_FAILED', 'occurredOn'],
    ['unknown fraud type', validTip({ fraudTypes: ['lottery'] }), 400, 'VALIDATION_FAILED', 'fraudTypes.0'],
    ['malformed region', validTip({ regionCode: '37x' }), 400, 'VALIDATION_FAILED', 'regionCode'],
    ['unknown region', validTip({ regionCode: '999999' }), 422, 'UNKNOWN_REGION', 'regionCode'],
    ['bad phone', validTip({ reporter: { anonymous: false, name: '张三', phone: '12345' } }), 400, 'VALIDATION_FAILED', 'reporter.phone'],
    ['bad ID check digit', validTip({ reporter: { anonymous: false, name: '张三', phone: '13812345678', idNumber: '110105194912310021' } }), 400, 'VALIDATION_FAILED', 'reporter.idNumber'],
    ['bad credit code', validTip({ subject: { uscc: '91370681MA3C000000' } }), 400, 'VALIDATION_FAILED', 'subject.uscc'],
    ['named reporter without name', validTip({ reporter: { anonymous: false, phone: '13812345678' } }), 400, 'VALIDATION_FAILED', 'reporter.name'],
    ['unknown field', validTip({ isAdmin: true }), 400, 'VALIDATION_FAILED'],
    ['missing reporter', { ...validTip(), reporter: undefined }, 400, 'VALIDATION_FAILED', 'reporter'],
    ['unknown attachment', validTip({ attachmentIds: ['6b0c2a3e-2f7e-4d7a-9a43-2f4c9a1e0b11'] }), 422, 'UPLOAD_INVALID', 'attachmentIds'],
    ['eleven attachments', validTip({ attachmentIds: Array.from({ length: 11 }, () => crypto.randomUUID()) }), 400, 'VALIDATION_FAILED', 'attachmentIds'],
  ];
  for (const [name, payload, status, code, path] of cases) {
    it(`${name} → ${status} ${code}`, async () => {
      const before = await counts();
      const res = await submit(payload);
      expect(res.statusCode, res.body).toBe(status);
      const body = json(res);
      expect(body.error.code).toBe(code);
      expect(body.error.message).toMatch(/[\u4e00-\u9fa5]/);
      if (path) expect(body.error.fields.map((f: any) => f.path)).toContain(path);
      for (const f of body.error.fields ?? []) expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(await counts()).toEqual(before);
    });
  }

  it('invalid JSON → 400, a 1 MB+ body → 413, a wrong content type → 415; nothing stored', async () => {
    const before = await counts();
    let res = await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: '{"regionCode": "37",', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(json(res).error.code).toBe('INVALID_JSON');
    res = await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: JSON.stringify(validTip({ description: 'a'.repeat(1024 * 1024 + 10) })), headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(413);
    expect(json(res).error.code).toBe('PAYLOAD_TOO_LARGE');
    res = await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: 'description=hello', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(415);
    expect(await counts()).toEqual(before);
  });

  it('replays an Idempotency-Key with the same body, refuses it with another (422)', async () => {
    const key = 'retry-' + crypto.randomUUID();
    const first = await submit(validTip(), { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    const after = await counts();
    const again = await submit(validTip(), { 'idempotency-key': key });
    expect(again.statusCode).toBe(201);
    expect(json(again)).toEqual(json(first));
    const other = await submit(validTip({ description: '另一段完全不同的举报内容，金额三万元。' }), { 'idempotency-key': key });
    expect(other.statusCode).toBe(422);
    expect(json(other).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await counts()).toEqual(after);
  });

  it('concurrent submissions with one Idempotency-Key create exactly one tip', async () => {
    const key = 'race-' + crypto.randomUUID();
    const before = await counts();
    const results = await Promise.all(Array.from({ length: 8 }, () => submit(validTip({ description: '并发提交测试：同一举报重复点击提交按钮。' }), { 'idempotency-key': key })));
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    expect(new Set(results.map((r) => json(r).trackingCode)).size).toBe(1);
    expect((await counts()).tips).toBe(before.tips + 1);
  });

  it('wrong tracking code or key → the same 404; failures do not refuse the right pair (429s: lookup-throttle.test.ts)', async () => {
    const sub = json(await submit(validTip()));
    const wrongKey = await t.app.inject({ method: 'POST', url: '/api/public/tips/status', payload: { trackingCode: sub.trackingCode, accessKey: '0000000000000000' }, remoteAddress: '10.9.9.1' });
    const wrongCode = await t.app.inject({ method: 'POST', url: '/api/public/tips/status', payload: { trackingCode: '000000000000', accessKey: sub.accessKey }, remoteAddress: '10.9.9.1' });
    expect(wrongKey.statusCode).toBe(404);
    expect(wrongCode.statusCode).toBe(404);
    expect(wrongKey.body).toBe(wrongCode.body);
    for (let i = 0; i < 8; i++) {
      await t.app.inject({ method: 'POST', url: '/api/public/tips/status', payload: { trackingCode: sub.trackingCode, accessKey: String(1000000000000000 + i) }, remoteAddress: '10.9.9.1' });
    }
    // The right key still works from the address that guessed wrong (it may be a carrier's NAT), and from another.
    const right = await t.app.inject({ method: 'POST', url: '/api/public/tips/status', payload: { trackingCode: sub.trackingCode, accessKey: sub.accessKey }, remoteAddress: '10.9.9.1' });
    expect(right.statusCode).toBe(200);
    const other = await t.app.inject({ method: 'POST', url: '/api/public/tips/status', payload: { trackingCode: sub.trackingCode, accessKey: sub.accessKey }, remoteAddress: '10.9.9.2' });
    expect(other.statusCode).toBe(200);
    // Rating and re-examination before close are out of order.
    const cred = { trackingCode: sub.trackingCode, accessKey: sub.accessKey };
    expect((await t.app.inject({ method: 'POST', url: '/api/public/tips/rating', payload: { ...cred, satisfied: true }, remoteAddress: '10.9.9.2' })).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'POST', url: '/api/public/tips/reexamination', payload: { ...cred, reason: '请重新核查此事' }, remoteAddress: '10.9.9.2' })).statusCode).toBe(409);
  });

  it('out-of-order and malformed staff actions → 409 / 400 / 404, tip unchanged', async () => {
    const sub = json(await submit(validTip()));
    const [{ id }] = await t.db.query<{ id: number }>('select id from tips where tracking_code = $1', [sub.trackingCode]);
    const cookie = await t.login('lk_intake');
    const act = (payload: object, tipId = id) => t.app.inject({ method: 'POST', url: `/api/tips/${tipId}/actions`, headers: { cookie }, payload });
    const snapshot = async () => (await t.db.query('select status, updated_at, (select count(*)::int from tip_events where tip_id = $1) as n from tips where id = $1', [id]))[0];
    const before = await snapshot();
    const police = t.world.units.get('370681:police')!;
    for (const [payload, status] of [
      [{ action: 'dispatch', leadUnitId: police, deadline: inDays(3), instructions: '请核查' }, 409],
      [{ action: 'close', publicAnswer: '已经处理完毕了。' }, 409],
      [{ action: 'sign' }, 403],
      [{ action: 'fly' }, 400],
      [{ action: 'reject', reason: '', publicAnswer: '' }, 400],
      [{ action: 'dispatch', leadUnitId: 'police', deadline: 'tomorrow', instructions: '' }, 400],
    ] as [object, number][]) {
      const res = await act(payload);
      expect(res.statusCode, JSON.stringify(payload) + res.body).toBe(status);
    }
    expect((await act({ action: 'accept' }, 987654321)).statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
    // A deadline in the past and a unit outside the subtree are refused after acceptance.
    await act({ action: 'accept' });
    const mid = await snapshot();
    expect((await act({ action: 'dispatch', leadUnitId: police, deadline: inDays(-1), instructions: '请核查' })).statusCode).toBe(400);
    const zfPolice = t.world.units.get('370602:police')!;
    const res = await act({ action: 'dispatch', leadUnitId: zfPolice, deadline: inDays(3), instructions: '请核查' });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields[0].path).toBe('leadUnitId');
    expect(await snapshot()).toEqual(mid);
  });

  it('list filters validate, and a forged cursor is a 400', async () => {
    const cookie = await t.login('lk_intake');
    expect((await t.app.inject({ method: 'GET', url: '/api/tips?status=flying', headers: { cookie } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/tips?limit=100000', headers: { cookie } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/tips?cursor=bm90LWEtY3Vyc29y', headers: { cookie } })).statusCode).toBe(400);
    const q = await t.app.inject({ method: 'GET', url: `/api/tips?q=${encodeURIComponent("'); drop table tips; --")}`, headers: { cookie } });
    expect(q.statusCode).toBe(200);
    expect((await counts()).tips).toBeGreaterThan(0);
  });
});
