import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaToday } from '../../../shared/time.ts';
import { createTestApp, inDays, json, validTip, type TestApp } from '../../test/helpers.ts';

// Issue 7 fault 10: 0001-01-01 and 9999-12-31 were accepted as a tip's date and a dispatch deadline.
describe('dates within bounds (boundedDate / boundedDateTime)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const refused = (res: { statusCode: number; body: string }, path: string) => {
    expect(res.statusCode, res.body).toBe(400);
    const { error } = JSON.parse(res.body);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields).toEqual([{ path, message: expect.stringMatching(/[\u4e00-\u9fa5]/) }]);
    return error.fields[0].message as string;
  };
  const submit = (occurredOn: string) => t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ occurredOn }) });

  it('a tip happened between 1990 and today', async () => {
    expect(refused(await submit('0001-01-01'), 'occurredOn')).toBe('发生日期不能早于 1990-01-01');
    refused(await submit('1989-12-31'), 'occurredOn');
    expect(refused(await submit('9999-12-31'), 'occurredOn')).toBe('发生日期不能晚于今天');
    const tomorrow = new Date(Date.parse(chinaToday()) + 86400_000).toISOString().slice(0, 10);
    refused(await submit(tomorrow), 'occurredOn');
    for (const ok of ['1990-01-01', chinaToday()]) expect((await submit(ok)).statusCode).toBe(201);
  });

  it('a dispatch deadline lies ahead and within a year', async () => {
    const sub = json(await submit(chinaToday()));
    const [{ id }] = await t.db.query<{ id: number }>('select id from tips where tracking_code = $1', [sub.trackingCode]);
    const cookie = await t.login('lk_intake');
    const act = (payload: object) => t.app.inject({ method: 'POST', url: `/api/tips/${id}/actions`, headers: { cookie }, payload });
    expect((await act({ action: 'accept' })).statusCode).toBe(200);
    const dispatch = (deadline: string) => act({ action: 'dispatch', leadUnitId: t.world.units.get('370681:police')!, deadline, instructions: '请核查' });
    expect(refused(await dispatch('9999-12-31T23:59:59+08:00'), 'deadline')).toBe('办理时限不能晚于 366 天后');
    expect(refused(await dispatch('0001-01-01T00:00:00Z'), 'deadline')).toBe('办理时限须晚于现在');
    refused(await dispatch(inDays(-1)), 'deadline');
    refused(await dispatch(inDays(367)), 'deadline');
    refused(await dispatch('2026-13-01T00:00:00Z'), 'deadline');
    const [{ status }] = await t.db.query<{ status: string }>('select status from tips where id = $1', [id]);
    expect(status).toBe('accepted');
    expect((await dispatch(inDays(365))).statusCode).toBe(200);
  });
});
