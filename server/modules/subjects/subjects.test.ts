import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/helpers.ts';
import { usccCheckChar } from '../../../shared/validators.ts';

describe('registering subjects', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('registers a credit code once: concurrent duplicates are 409 on the uscc field, never 500', async () => {
    const cookie = await t.login('lk_intake');
    const first17 = '91370681MA3C0000X';
    const uscc = first17 + usccCheckChar(first17);
    const register = (i: number) => t.app.inject({
      method: 'POST', url: '/api/subjects', headers: { cookie },
      payload: { regionCode: '370681', kind: 'elderly_care_institution', name: `同码颐养院${i}`, uscc },
    });
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => register(i)));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of answers.filter((a) => a.statusCode === 409)) {
      expect(json(r).error).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'uscc', message: '该统一社会信用代码已登记' }] });
    }
    const rows = await t.db.query<{ n: number }>('select count(*)::int as n from subjects where uscc = $1', [uscc]);
    expect(rows[0].n).toBe(1);
    // Registered and audited once; a later duplicate is refused the same way.
    expect((await register(9)).statusCode).toBe(409);
    const audit = await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'subject.created' and detail->>'uscc' = $1`, [uscc]);
    expect(audit[0].n).toBe(1);
  });

  it('registers only inside the unit’s jurisdiction, in known regions', async () => {
    const cookie = await t.login('lk_intake');
    const post = (regionCode: string) =>
      t.app.inject({ method: 'POST', url: '/api/subjects', headers: { cookie }, payload: { regionCode, kind: 'other', name: '某养老服务公司' } });
    expect(json(await post('370602'))).toMatchObject({ error: { code: 'UNKNOWN_REGION', fields: [{ path: 'regionCode', message: '地区不在本单位辖区内' }] } });
    expect(json(await post('379999'))).toMatchObject({ error: { code: 'UNKNOWN_REGION', fields: [{ path: 'regionCode', message: '所选地区不存在' }] } });
    expect((await post('370681')).statusCode).toBe(201);
  });
});
