import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { deriveKeys } from './crypto.ts';
import type { Db } from './db/client.ts';
import * as OTPAuth from 'otpauth';
import { createTestApp, json, openTestDb, TEST_PASSWORD, validTip, type TestApp } from './test/helpers.ts';

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

/**
 * Issue 15: the log of a realistic run — a named report, the reporter's lookup, staff signing in,
 * working the tip (reading the reporter's identity), two factors — at the most verbose level holds
 * none of the reporter's identity, the access key, the session token, the TOTP secret, a password or
 * an address; and every line a request writes carries its id.
 */
describe('the log of a working session', () => {
  const REPORTER = { anonymous: false, name: '王秀兰', phone: '13912345678', idNumber: '11010519491231002X' };
  const CLIENT_IP = '203.0.113.77';
  const FORWARDED_IP = '198.51.100.23';
  let t: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ logLevel: 'trace', logStream: { write: (l) => void lines.push(l) } });
  });
  afterAll(() => t?.close());

  it('holds no personal data, secret or address, and gives every request line its id', async () => {
    const from = { remoteAddress: CLIENT_IP, headers: { 'x-forwarded-for': FORWARDED_IP, 'user-agent': 'Mozilla/5.0 (Linux; Android 13) 王秀兰的手机' } };
    const inject = (o: { method: 'GET' | 'POST'; url: string; payload?: object; headers?: Record<string, string> }) =>
      t.app.inject({ ...o, remoteAddress: CLIENT_IP, headers: { ...from.headers, ...o.headers } });

    // The portal: a report with the reporter's name, phone and ID number; a bad one (400) too.
    const bad = await inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ reporter: { ...REPORTER, idNumber: '110105194912310021' } }) });
    expect(bad.statusCode).toBe(400);
    const sent = await inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ reporter: REPORTER }), headers: { 'idempotency-key': randomBytes(16).toString('hex') } });
    expect(sent.statusCode, sent.body).toBe(201);
    const { trackingCode, accessKey } = json<{ trackingCode: string; accessKey: string }>(sent);
    // Its lookup, right and wrong.
    expect((await inject({ method: 'POST', url: '/api/public/tips/status', payload: { trackingCode, accessKey } })).statusCode).toBe(200);
    expect((await inject({ method: 'POST', url: '/api/public/tips/status', payload: { trackingCode, accessKey: accessKey.replace(/.$/, (d) => String((Number(d) + 1) % 10)) } })).statusCode).toBe(404);

    // Staff: a failed and a good login, the session used, the reporter's identity read with a reason.
    expect((await inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lk_lead', password: 'Wrong-Passw0rd!' } })).statusCode).toBe(401);
    const login = await inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lk_lead', password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(200);
    const token = login.cookies.find((c) => c.name === 'shouhu_session')!.value;
    const cookie = `shouhu_session=${token}`;
    const list = json<{ items: { id: number; trackingCode: string }[] }>(await inject({ method: 'GET', url: `/api/tips?q=${trackingCode}`, headers: { cookie } }));
    const tip = list.items.find((i) => i.trackingCode === trackingCode) ?? list.items[0];
    expect(tip).toBeTruthy();
    expect((await inject({ method: 'GET', url: `/api/tips/${tip.id}`, headers: { cookie } })).statusCode).toBe(200);
    const identity = await inject({ method: 'POST', url: `/api/tips/${tip.id}/reporter-identity`, headers: { cookie }, payload: { reason: '核实举报人身份' } });
    expect(identity.statusCode, identity.body).toBe(200);
    expect(identity.body).toContain(REPORTER.phone);
    expect((await inject({ method: 'GET', url: '/api/nothing/here', headers: { cookie } })).statusCode).toBe(404);

    // Two factors: the secret handed out, then proven with the password.
    const setup = json<{ secret: string }>(await inject({ method: 'POST', url: '/api/auth/totp/setup', headers: { cookie } }));
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(setup.secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate();
    expect((await inject({ method: 'POST', url: '/api/auth/totp/enable', headers: { cookie }, payload: { password: TEST_PASSWORD, code } })).statusCode).toBe(200);

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(10);
    for (const [what, value] of Object.entries({
      name: REPORTER.name, phone: REPORTER.phone, idNumber: REPORTER.idNumber, accessKey, token, totpSecret: setup.secret,
      password: TEST_PASSWORD, clientIp: CLIENT_IP, forwardedIp: FORWARDED_IP, loopback: '127.0.0.1', trackingCode,
    })) expect(log.includes(value), `${what} in the log`).toBe(false);
    expect(log).not.toMatch(/\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/);
    expect(log).not.toMatch(/remoteAddress|"url"|cookie|authorization|user-agent|Mozilla/i);

    // Every line is JSON; every line a request writes names the request and its route pattern only.
    const entries = lines.map((l) => JSON.parse(l) as { reqId?: string; msg: string; route?: string });
    const requests = entries.filter((e) => e.msg === 'request');
    expect(requests.length).toBeGreaterThanOrEqual(12);
    for (const e of requests) expect(e.reqId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(requests.map((e) => e.reqId)).size).toBe(requests.length);
    expect(requests.map((e) => e.route)).toEqual(expect.arrayContaining(['/api/tips/:id', '/api/public/tips', 'unmatched']));
  });
});
