import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/helpers.ts';
import type { Db } from '../../db/client.ts';
import { unitNameKey } from './tips.repository.ts';

/**
 * "The subject's name is this unit's" is decided twice: in JavaScript when intake picks the office
 * that must not receive its own accusation (unitNameKey), and in SQL when insertSubmittedTips lists
 * the accused units (replace(name, ' ', '')). If the two ever differ, an accused office receives its
 * accusation again — so they are checked against each other on the shapes names come in.
 */
describe('one name match for accused units, in both forms', () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => ({ db, drop } = await openTestDb()));
  afterAll(() => drop());

  const names = ['龙口市打击整治养老诈骗专项行动办公室', '龙口市 打击整治养老诈骗 专项行动办公室', ' 龙口市打击整治养老诈骗专项行动办公室 ',
    '龙口市\u3000打击整治养老诈骗专项行动办公室', '龙口市\t打击整治养老诈骗专项行动办公室', '龙口市打击整治养老诈骗专项行动办公', '龙口市公安局', '龙口市  公安局', 'ABC 公司', 'abc公司'];

  it('gives the same answer for every pair of names', async () => {
    const rows = await db.query<{ a: string; b: string; same: boolean }>(
      `select a, b, replace(a, ' ', '') = replace(b, ' ', '') as same from unnest($1::text[]) a cross join unnest($1::text[]) b`, [names]);
    expect(rows).toHaveLength(names.length ** 2);
    const disagree = rows.filter((r) => r.same !== (unitNameKey(r.a) === unitNameKey(r.b)));
    expect(disagree).toEqual([]);
    expect(rows.filter((r) => r.same && r.a !== r.b).length).toBeGreaterThan(2);
  });
});
