import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { deriveKeys } from './crypto.ts';
import type { Db } from './db/client.ts';
import { openTestDb } from './test/helpers.ts';

// Issue 7 fault 10: a database error was logged with its query parameters (PGlite's `params`), the
// failing row or key (`detail`) and the bad input quoted in its message — reporters' data in logs.
const SECRET = '张三丰 13812345678';

describe('database errors in the log', () => {
  let app: FastifyInstance;
  let db: Db;
  let drop: () => Promise<void>;
  let dataDir: string;
  const lines: string[] = [];

  beforeAll(async () => {
    ({ db, drop } = await openTestDb());
    dataDir = mkdtempSync(join(inject('tmpRoot'), 'data-'));
    app = await buildApp({ db, keys: deriveKeys(randomBytes(32).toString('hex')), dataDir, publicRateLimit: 100, logLevel: 'error', logStream: { write: (l) => void lines.push(l) } });
    // Three ways a statement fails with reporter data in hand: a bad cast, a duplicate key, a null column.
    app.post<{ Params: { kind: string } }>('/test/fail/:kind', { config: { access: 'public' } }, async (req) => {
      const { kind } = req.params;
      if (kind === 'cast') return db.query('select $1::int as n', [SECRET]);
      return db.tx(async (q) => {
        await q.query('create temp table leak_probe (name text unique, phone text not null) on commit drop');
        await q.query('insert into leak_probe values ($1, $2)', [SECRET, SECRET]);
        if (kind === 'unique') await q.query('insert into leak_probe values ($1, $2)', [SECRET, 'x']);
        else await q.query('insert into leak_probe values ($1, $2)', ['other', null]);
      });
    });
  });
  afterAll(async () => {
    await app.close();
    await drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  for (const [kind, code] of [['cast', '22P02'], ['not-null', '23502']] as const) {
    it(`logs a ${kind} failure by its code and names, without the values`, async () => {
      lines.length = 0;
      const res = await app.inject({ method: 'POST', url: `/test/fail/${kind}` });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain('13812345678');
      const log = lines.join('');
      expect(log).toContain('unhandled error');
      expect(JSON.parse(lines[0]).err).toMatchObject({ code });
      expect(log).not.toContain('13812345678');
      expect(log).not.toContain('张三丰');
      expect(log).not.toMatch(/"params"|"detail"|"query"/);
    });
  }
  it('answers a unique failure with 409 and puts none of its values in the body or the log', async () => {
    lines.length = 0;
    const res = await app.inject({ method: 'POST', url: '/test/fail/unique' });
    expect(res.statusCode).toBe(409);
    expect(res.body).not.toContain('13812345678');
    const log = lines.join('');
    expect(log).not.toContain('13812345678');
    expect(log).not.toContain('张三丰');
    expect(log).not.toMatch(/"params"|"detail"|"query"/);
  });
});
