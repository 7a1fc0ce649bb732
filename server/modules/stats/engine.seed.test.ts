import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKeys } from '../../crypto.ts';
import { ensureAdmin, ensureDefaultRules, seedDemo } from '../../db/seed/seed.ts';
import { ADMIN_PASSWORD, openTestDb } from '../../test/helpers.ts';
import type { Db } from '../../db/client.ts';
import { computeStats } from './engine.ts';

/**
 * After the demo seed (every write path of the demo: services, triggers, bulk inserts) the rollups
 * equal the records: the engine's rollup result equals its direct count, for the nation and a
 * province, as totals, by child region and by month, with 同比/环比.
 */
describe('the engine after the demo seed', () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await openTestDb());
    await ensureAdmin(db, ADMIN_PASSWORD);
    await ensureDefaultRules(db);
    const outcome = await seedDemo(db, deriveKeys(randomBytes(32).toString('hex')), { password: 'Demo-Passw0rd-1!' });
    expect(outcome.loaded).toBe(true);
  }, 600_000);
  afterAll(() => drop());

  for (const [name, root] of [['the nation', ''], ['山东省', '37']] as const) {
    it(`rollup equals direct count for ${name}`, async () => {
      const user = { unitRegionCode: root };
      const tips = await computeStats(db, user, { indicators: ['tips_received'] });
      expect(tips.figures.tips_received.value).toBeGreaterThan(100); // the seed is there, not an empty comparison
      for (const query of [{}, { by: 'child' as const }, { from: '2026-01-01', by: 'month' as const, compare: true }, { by: 'fraudType' as const }]) {
        const rolled = await computeStats(db, user, query);
        const direct = await computeStats(db, user, query, { direct: true });
        expect(rolled, JSON.stringify(query)).toEqual(direct);
      }
      // The demo's reviewed figures: approved ones count (police 6 + county office 4 meetings), submitted and returned do not.
      const meetings = await computeStats(db, user, { indicators: ['meetings', 'beds'] });
      expect(meetings.figures.meetings).toMatchObject({ value: 10, source: 'reported' });
      expect(meetings.figures.beds).toMatchObject({ value: null, source: 'none' });
    }, 300_000);
  }
});
