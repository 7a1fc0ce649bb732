import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, validTip, type TestApp } from '../test/helpers.ts';

/** Security §1 and §3: a dump of the database shows no reporter identity and no access key. */
describe('database dump', () => {
  let t: TestApp;
  const identity = { name: '欧阳明月', phone: '13698765432', idNumber: '11010519491231002X', onBehalfOf: { name: '欧阳秋水', relation: '母亲', phone: '13587654321' } };
  let accessKey = '';
  beforeAll(async () => {
    t = await createTestApp();
    const res = await t.app.inject({
      method: 'POST', url: '/api/public/tips', headers: { 'idempotency-key': 'dump-test-key-1' },
      payload: validTip({ reporter: { anonymous: false, ...identity } }),
    });
    accessKey = json(res).accessKey;
  });
  afterAll(() => t.close());

  const secrets = () => [identity.name, identity.phone, identity.idNumber, identity.onBehalfOf.name, identity.onBehalfOf.phone, accessKey];

  it('holds no plaintext identity or access key in any table', async () => {
    const tables = await t.db.query<{ tablename: string }>(`select tablename from pg_tables where schemaname = 'public'`);
    let text = '';
    for (const { tablename } of tables) {
      const rows = await t.db.query<{ r: string }>(`select t::text as r from ${tablename} t`);
      text += rows.map((r) => r.r).join('\n');
    }
    expect(text.length).toBeGreaterThan(100_000); // the dump really read the data (regions alone are large)
    for (const s of secrets()) expect(text.includes(s), s).toBe(false);
    // The tip itself is there, its identity only as ciphertext.
    const [tip] = await t.db.query<{ reporter_enc: string }>(`select reporter_enc from tips order by id desc limit 1`);
    expect(tip.reporter_enc).toMatch(/^v1\./);
  });

  it("the physical dump holds none of them either: pg_dump output, or PGlite's data files", async () => {
    if (t.databaseUrl) {
      const out = execFileSync('pg_dump', ['--data-only', t.databaseUrl], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      expect(out).toContain('COPY public.tips');
      for (const s of secrets()) expect(out.includes(s), s).toBe(false);
      return;
    }
    await t.db.query('checkpoint');
    const files = readdirSync(t.pgliteDir!, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    const all = Buffer.concat(files.map((f) => readFileSync(join(f.parentPath, f.name))));
    expect(all.includes(Buffer.from('龙口市'))).toBe(true); // the files really hold the data
    for (const s of secrets()) expect(all.includes(Buffer.from(s)), s).toBe(false);
  });
});
