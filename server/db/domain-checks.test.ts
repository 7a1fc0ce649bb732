import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../test/helpers.ts';
import type { Db } from './client.ts';
import { FRAUD_TYPE_CODES, PUBLICITY_KIND_CODES, TIP_SOURCES, TIP_STATUS_CODES, UNIT_KIND_CODES } from '../../shared/domain.ts';

const TIP_SOURCE_CODES = Object.keys(TIP_SOURCES);

/**
 * The database refuses codes the domain does not know (0013), and knows every code the domain does:
 * a code added to shared/domain.ts without a migration fails here, not in production's first write.
 */
describe('domain codes enforced by the database', () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => ({ db, drop } = await openTestDb()));
  afterAll(() => drop());

  const definition = async (name: string) =>
    (await db.query<{ def: string }>(`select pg_get_constraintdef(oid) as def from pg_constraint where conname = $1`, [name]))[0]?.def ?? '';
  const quoted = (def: string) => [...def.matchAll(/'([a-z_0-9]+)'/g)].map((m) => m[1]).sort();

  it.each([
    ['tips_source_known', TIP_SOURCE_CODES],
    ['tips_status_known', TIP_STATUS_CODES],
    ['tips_fraud_types_known', FRAUD_TYPE_CODES],
    ['units_kind_known', UNIT_KIND_CODES],
    ['publicity_activities_kind_known', PUBLICITY_KIND_CODES],
  ] as const)('%s lists exactly the domain codes', async (name, codes) => {
    expect(quoted(await definition(name))).toEqual([...codes].sort());
  });

  it('refuses a row with an unknown code', async () => {
    const [region] = await db.query<{ code: string }>(`select code from regions where level = 3 limit 1`);
    const failure = (p: Promise<unknown>) => p.then(() => 'written', (e: { code?: string }) => e.code);
    expect(await failure(db.query(`insert into units (region_code, kind, name) values ($1, 'phone_company', '某单位')`, [region.code]))).toBe('23514');
    const [{ id: unit }] = await db.query<{ id: number }>(`insert into units (region_code, kind, name) values ($1, 'campaign_office', '某专项办') returning id`, [region.code]);
    const tip = (source: string, status: string, types: string[]) =>
      db.query(`insert into tips (tracking_code, access_key_hash, source, status, region_code, office_unit_id, description, fraud_types, reporter_anonymous, search_tsv)
                values (lpad((random() * 1e11)::bigint::text, 12, '0'), 'x', $1, $2, $3, $4, '测试', $5, true, ''::tsvector)`, [source, status, region.code, unit, types]);
    expect(await failure(tip('phone', 'submitted', []))).toBe('23514');
    expect(await failure(tip('portal', 'lost', []))).toBe('23514');
    expect(await failure(tip('portal', 'submitted', ['elderly_product', 'illegal_fundraising']))).toBe('23514');
    expect(await failure(tip('hotline', 'closed', ['elderly_product', 'house_for_pension']))).toBe('written');
  });
});
