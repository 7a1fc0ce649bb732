import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, multipart, photoWithLocation, validTip, type TestApp } from '../../test/helpers.ts';
import { IntakeBatcher } from './intake-batcher.ts';
import type { NewTip } from './tips.repository.ts';

/**
 * Intake under concurrency (issue 7): one hostile report never fails the honest ones sent beside it,
 * and keyed submissions (the portal sends a key with every report) are group-committed with their
 * key rows and attachments.
 */
describe('public intake under concurrency', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const submit = (payload: object, key?: string) =>
    t.app.inject({ method: 'POST', url: '/api/public/tips', payload, headers: key ? { 'idempotency-key': key } : {} });
  const tipCount = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from tips'))[0].n;
  const upload = async () => json(await t.app.inject({ method: 'POST', url: '/api/public/uploads', ...multipart(await photoWithLocation(), 'p.jpg', 'image/jpeg') })).id as string;

  /**
   * Sends while the tips table is locked, so the first insert waits in flight and every other
   * submission queues behind it: a batch forms on either backend, whatever the timing.
   */
  async function asOneBatch<T>(send: () => Promise<T>): Promise<T> {
    let release!: () => void;
    let locked!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = t.db.tx(async (q) => {
      await q.query('lock table tips in exclusive mode');
      locked();
      await gate;
    });
    await isLocked;
    const sent = send();
    await new Promise((r) => setTimeout(r, 500));
    release();
    await holder;
    return sent;
  }

  beforeAll(async () => {
    expect((await submit(validTip())).statusCode).toBe(201); // the region's office is cached from here on
  });

  const hostile: [string, Record<string, unknown>, string][] = [
    ['a NUL in the description', { description: '有人推销保健品，说能治高血压，我母亲花了两万元。\u0000' }, 'description'],
    ['a lone surrogate in the description', { description: '有人推销保健品，说能治高血压，我母亲花了两万元。\ud800' }, 'description'],
    ['a control character in the subject name', { subject: { name: '福寿\u0001康养老服务有限公司' } }, 'subject.name'],
  ];
  for (const [name, over, path] of hostile) {
    it(`20 concurrent reports, one with ${name}: 19 are written, the hostile one gets 400 at ${path}`, async () => {
      const before = await tipCount();
      const bodies = Array.from({ length: 20 }, (_, i) => validTip(i === 7 ? over : { description: `并发举报第${i}条：有人推销保健品，说能治高血压。` }));
      // Half keyed, as the portal sends them, half not: both paths share the group commit.
      const results = await asOneBatch(() => Promise.all(bodies.map((b, i) => submit(b, i % 2 ? crypto.randomUUID() : undefined))));
      expect(results.map((r) => r.statusCode)).toEqual(bodies.map((_, i) => (i === 7 ? 400 : 201)));
      const bad = json(results[7]).error;
      expect(bad.code).toBe('VALIDATION_FAILED');
      expect(bad.fields).toEqual([{ path, message: '含有不允许的控制字符或不完整的字符' }]);
      expect(await tipCount()).toBe(before + 19);
    });
  }

  it('refuses such text in query strings, route params and object keys too; tab and line breaks pass', async () => {
    const cookie = await t.login('lk_intake');
    let res = await t.app.inject({ method: 'GET', url: '/api/tips?q=%00', headers: { cookie } });
    expect(res.statusCode).toBe(400);
    expect(json(res).error.fields[0].path).toBe('querystring.q');
    res = await t.app.inject({ method: 'GET', url: '/api/tips/1%1b/attachments/x', headers: { cookie } });
    expect(res.statusCode).toBe(400);
    expect(json(res).error.fields[0].path).toBe('params.id');
    res = await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: '{"subject": {"na\\u0000me": "x"}}', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(json(res).error.fields[0].path).toBe('subject.na?me');
    res = await submit(validTip({ description: '第一行：有人推销保健品，\t说能治高血压。\r\n第二行：我母亲花了两万元。' }));
    expect(res.statusCode).toBe(201);
  });

  it('the batcher writes the others when one row fails at the database, and fails only that one', async () => {
    const batcher = new IntakeBatcher(t.db);
    const office = t.world.units.get('370681:campaign_office')!;
    const tip = (i: number): NewTip => ({
      trackingCode: `F${Date.now() % 1e9}${String(i).padStart(2, '0')}`, accessKeyHash: 'x', source: 'portal', regionCode: '370681001',
      // A unit that does not exist: validation never sees a NewTip, the foreign key refuses it.
      officeUnitId: i === 9 ? 987654321 : office, description: `批量回退测试 ${i}`, fraudTypes: [], subject: null, accusedUnitIds: [],
      amountInvolved: null, victimCount: null, occurredOn: null, reporterAnonymous: true, reporterEnc: null, searchText: 'x',
      createdBy: null, eventText: '您的举报已提交，等待受理', actorName: 'public', auditDetail: {}, links: [],
    });
    const tips = Array.from({ length: 20 }, (_, i) => tip(i));
    // The first goes alone; the other 19 queue behind it and are written as one batch that fails.
    const results = await Promise.allSettled(tips.map((x) => batcher.insert(x)));
    expect(results.map((r) => r.status)).toEqual(tips.map((_, i) => (i === 9 ? 'rejected' : 'fulfilled')));
    expect((results[9] as PromiseRejectedResult).reason.code).toBe('23503');
    const rows = await t.db.query<{ tracking_code: string; events: number }>(
      `select tracking_code, (select count(*)::int from tip_events e where e.tip_id = t.id) as events from tips t where tracking_code = any($1::text[])`,
      [tips.map((x) => x.trackingCode)],
    );
    expect(rows.map((r) => r.tracking_code).sort()).toEqual(tips.filter((_, i) => i !== 9).map((x) => x.trackingCode).sort());
    expect(rows.every((r) => r.events === 1)).toBe(true);
  });

  it('group-commits keyed submissions: each key row commits with its tip, many tips per commit', async () => {
    const keys = Array.from({ length: 20 }, () => crypto.randomUUID());
    const results = await asOneBatch(() => Promise.all(keys.map((k, i) => submit(validTip({ description: `分组提交测试第${i}条：有人推销保健品。` }), k))));
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const codes = results.map((r) => json(r).trackingCode);
    // Rows written by one transaction share its xmin: the tips' commits, and the key rows' commits.
    const tipTx = (await t.db.query<{ x: string }>(`select distinct xmin::text as x from tips where tracking_code = any($1::text[])`, [codes])).map((r) => r.x);
    const keyTx = (await t.db.query<{ x: string }>(`select distinct xmin::text as x from idempotency_keys where xmin::text = any($1::text[])`, [tipTx])).map((r) => r.x);
    expect(tipTx.length).toBeLessThanOrEqual(2); // the first alone, the 19 that queued behind it together
    expect(keyTx.sort()).toEqual(tipTx.sort());
    const [{ n }] = await t.db.query<{ n: number }>(`select count(*)::int as n from idempotency_keys where xmin::text = any($1::text[])`, [tipTx]);
    expect(n).toBe(20);
    // A replay still answers with the first response.
    const again = await submit(validTip({ description: '分组提交测试第3条：有人推销保健品。' }), keys[3]);
    expect(json(again)).toEqual(json(results[3]));
  });

  it('one key, two bodies, sent concurrently: one tip; its body gets the response, the other 422', async () => {
    const key = crypto.randomUUID();
    const before = await tipCount();
    const a = validTip({ description: '同一提交编号甲：有人推销保健品，说能治高血压。' });
    const b = validTip({ description: '同一提交编号乙：有人以投资养老公寓为名吸收资金。' });
    const results = await asOneBatch(() => Promise.all(Array.from({ length: 8 }, (_, i) => submit(i % 2 ? b : a, key))));
    expect(await tipCount()).toBe(before + 1);
    const ok = results.filter((r) => r.statusCode === 201);
    expect(new Set(ok.map((r) => json(r).trackingCode)).size).toBe(1);
    expect(ok.length).toBe(4);
    expect(results.filter((r) => r.statusCode === 422).every((r) => json(r).error.code === 'IDEMPOTENCY_KEY_REUSED')).toBe(true);
  });

  it('keyed submissions with photos in one batch: each tip gets its upload; a used upload fails only its sender', async () => {
    const uploads = await Promise.all(Array.from({ length: 6 }, upload));
    const used = json(await submit(validTip({ attachmentIds: [uploads[0]] }), crypto.randomUUID()));
    expect(used.trackingCode).toBeTruthy();
    const before = await tipCount();
    const twinKey = crypto.randomUUID();
    const twin = validTip({ description: '带照片的重复提交：有人推销保健品。', attachmentIds: [uploads[5]] });
    const sends = () => [
      submit(validTip({ description: '带照片举报甲：有人推销保健品。', attachmentIds: [uploads[1], uploads[2]] }), crypto.randomUUID()),
      submit(validTip({ description: '附件已被使用：有人推销保健品。', attachmentIds: [uploads[0]] }), crypto.randomUUID()),
      submit(validTip({ description: '带照片举报乙：有人推销保健品。', attachmentIds: [uploads[3]] }), crypto.randomUUID()),
      submit(validTip({ description: '带照片举报丙：有人推销保健品。', attachmentIds: [uploads[4]] })),
      submit(twin, twinKey),
      submit(twin, twinKey),
    ];
    const results = await asOneBatch(() => Promise.all(sends()));
    expect(results.map((r) => r.statusCode)).toEqual([201, 422, 201, 201, 201, 201]);
    expect(json(results[1]).error.code).toBe('UPLOAD_INVALID');
    expect(json(results[4])).toEqual(json(results[5]));
    expect(await tipCount()).toBe(before + 4);
    const attached = await t.db.query<{ code: string; n: number }>(
      `select t.tracking_code as code, count(*)::int as n from uploads u join tips t on t.id = u.tip_id where u.id = any($1::uuid[]) group by 1`,
      [uploads],
    );
    const byCode = new Map(attached.map((r) => [r.code, r.n]));
    expect([used.trackingCode, ...[0, 2, 3, 4].map((i) => json(results[i]).trackingCode)].map((c) => byCode.get(c))).toEqual([1, 2, 1, 1, 1]);
  });
});
