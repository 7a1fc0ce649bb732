import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, inDays, json, validTip, type TestApp } from '../../test/helpers.ts';

/**
 * 并案 never strands a reporter: merges follow chains, closing or rejecting a target answers every
 * tip merged into it (transitively), and a merge locks its target against a concurrent close or a
 * crossing merge.
 */
describe('merged tips', () => {
  let t: TestApp;
  let market: number;
  beforeAll(async () => {
    t = await createTestApp();
    market = t.world.units.get('370681:market_regulation')!;
  });
  afterAll(() => t.close());

  const act = async (user: string, tipId: number, body: object) =>
    t.app.inject({ method: 'POST', url: `/api/tips/${tipId}/actions`, headers: { cookie: await t.login(user) }, payload: body });
  const merge = (a: number, b: number) => act('lk_intake', a, { action: 'merge', intoTipId: b });
  let n = 0;
  /** A public tip in 龙口市's queue: its id and the reporter's credentials. */
  const submit = async () => {
    const r = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ description: `第${++n}位老人反映：有人开讲座推销保健品，骗走两万元。` }) }));
    const [{ id }] = await t.db.query<{ id: number }>('select id from tips where tracking_code = $1', [r.trackingCode]);
    return { id, trackingCode: r.trackingCode as string, accessKey: r.accessKey as string };
  };
  /** A tip brought to 'reported', ready to close. */
  const reported = async () => {
    const tip = await submit();
    await act('lk_intake', tip.id, { action: 'accept' });
    await act('lk_intake', tip.id, { action: 'dispatch', leadUnitId: market, deadline: inDays(5), instructions: '请核查' });
    await act('lk_market_regulation', tip.id, { action: 'sign' });
    expect((await act('lk_market_regulation', tip.id, { action: 'report', verdict: 'true', measures: ['admin_penalty'], summary: '已立案处罚。' })).statusCode).toBe(200);
    expect((await act('lk_market_regulation_lead', tip.id, { action: 'approve_report' })).statusCode).toBe(200);
    return tip;
  };
  const status = async (tip: { trackingCode: string; accessKey: string }) =>
    json(await t.app.inject({ method: 'POST', url: '/api/public/tips/status', payload: { trackingCode: tip.trackingCode, accessKey: tip.accessKey } }));
  const row = async (id: number) =>
    (await t.db.query<{ status: string; merged_into_id: number | null; public_answer: string | null }>('select status, merged_into_id, public_answer from tips where id = $1', [id]))[0];

  it('A→B, B→C, close C: A and B are answered, each with a public event, and the reporter reads the answer', async () => {
    const [a, b] = [await submit(), await submit()];
    const c = await reported();
    expect((await merge(a.id, b.id)).statusCode).toBe(200);
    expect((await merge(b.id, c.id)).statusCode).toBe(200);
    // Merging into a merged tip follows the chain to its end.
    const d = await submit();
    expect((await merge(d.id, a.id)).statusCode).toBe(200);
    expect((await row(d.id)).merged_into_id).toBe(c.id);

    const answer = '经查属实，已对涉事公司作出行政处罚。';
    expect((await act('lk_lead', c.id, { action: 'close', publicAnswer: answer })).statusCode).toBe(200);
    for (const tip of [a, b, d]) {
      const st = await status(tip);
      expect(st.status).toBe('closed');
      expect(st.answer.text).toBe(answer);
      expect(st.timeline.filter((e: any) => e.kind === 'closed').map((e: any) => e.text)).toEqual([answer]);
      expect(st.canRate).toBe(true);
      const audits = await t.db.query<{ action: string }>(`select action from audit_log where entity = 'tip' and entity_id = $1`, [String(tip.id)]);
      expect(audits.map((x) => x.action)).toContain('tip.closed');
    }
  });

  it('A→B, reject B: A is rejected with B’s answer', async () => {
    const [a, b, c] = [await submit(), await submit(), await submit()];
    expect((await merge(a.id, b.id)).statusCode).toBe(200);
    expect((await merge(b.id, c.id)).statusCode).toBe(200);
    const answer = '经核实，您反映的情况不属于本专项行动受理范围，建议向消费者协会投诉。';
    expect((await act('lk_intake', c.id, { action: 'reject', reason: '不属于受理范围', publicAnswer: answer })).statusCode).toBe(200);
    for (const tip of [a, b]) {
      const st = await status(tip);
      expect(st.status).toBe('rejected');
      expect(st.answer.text).toBe(answer);
      expect(st.timeline.some((e: any) => e.kind === 'rejected' && e.text === answer)).toBe(true);
    }
    expect((await act('lk_intake', a.id, { action: 'note', text: '已随主线索答复' })).statusCode).toBe(200);
  });

  it('refuses to merge into a closed tip or into a tip merged into this one (409)', async () => {
    const [a, b] = [await submit(), await submit()];
    const closed = await reported();
    await act('lk_lead', closed.id, { action: 'close', publicAnswer: '经查属实，已处理。' });
    let r = await merge(a.id, closed.id);
    expect(r.statusCode).toBe(409);
    expect(json(r).error.fields[0].path).toBe('intoTipId');
    expect((await merge(a.id, b.id)).statusCode).toBe(200);
    r = await merge(b.id, a.id);
    expect(r.statusCode).toBe(409);
    expect((await row(b.id)).status).toBe('submitted');
  });

  it('a close racing a merge into its tip never leaves the merged tip unanswered', async () => {
    for (let i = 0; i < 6; i++) {
      const a = await submit();
      const b = await reported();
      const [m, c] = await Promise.all([merge(a.id, b.id), act('lk_lead', b.id, { action: 'close', publicAnswer: '经查属实，已依法处理。' })]);
      const after = await row(a.id);
      expect(after.status, `round ${i}: the merged tip is left unanswered`).not.toBe('merged');
      expect(c.statusCode).toBe(200);
      // Either the merge came first and the close answered it, or the close came first and the merge was refused (409).
      if (m.statusCode === 200) expect(after).toMatchObject({ status: 'closed', public_answer: '经查属实，已依法处理。' });
      else expect([m.statusCode, after.status]).toEqual([409, 'submitted']);
    }
  });

  it('two merges crossing each other (A→B and B→A at once): one succeeds, the other gets 409, never a deadlock', async () => {
    for (let i = 0; i < 6; i++) {
      const [a, b] = [await submit(), await submit()];
      const res = await Promise.all([merge(a.id, b.id), merge(b.id, a.id)]);
      expect(res.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const rows = [await row(a.id), await row(b.id)];
      expect(rows.filter((x) => x.status === 'merged')).toHaveLength(1);
    }
  });
});
