import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { randomDigits } from '../../crypto.ts';
import { createTestApp, json, validTip, type TestApp } from '../../test/helpers.ts';

/**
 * Issue 7, fault 8: ten wrong guesses from one address locked the right code and key out of it for
 * 15 minutes — behind a carrier's NAT, every honest reporter sharing that address.
 */
describe('throttling of tracking-code lookups', () => {
  let t: TestApp;
  let proxied: FastifyInstance;
  const tips: { trackingCode: string; accessKey: string }[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    // The same API behind a trusted reverse proxy on the loopback address (TRUST_PROXY=127.0.0.1).
    proxied = await buildApp({ db: t.db, keys: t.keys, dataDir: t.dataDir, publicRateLimit: 10_000, trustProxy: ['127.0.0.1'] });
    for (let i = 0; i < 2; i++) {
      const { trackingCode, accessKey } = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip() }));
      tips.push({ trackingCode, accessKey });
    }
  });
  afterAll(async () => {
    await proxied.close();
    await t.close();
  });

  const lookup = (app: FastifyInstance, payload: object, remoteAddress: string, forwardedFor?: string) =>
    app.inject({ method: 'POST', url: '/api/public/tips/status', payload, remoteAddress, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });
  const randomCode = (): string => {
    const code = randomDigits(12);
    return tips.some((x) => x.trackingCode === code) ? randomCode() : code;
  };
  const wrongPair = () => ({ trackingCode: randomCode(), accessKey: randomDigits(16) });

  it('never refuses a correct pair because others guessed wrong from the same address', async () => {
    const nat = '100.64.0.7';
    const answers = [];
    for (let i = 0; i < 25; i++) answers.push((await lookup(t.app, wrongPair(), nat)).statusCode);
    expect(answers.slice(0, 19).every((s) => s === 404)).toBe(true);
    expect(answers.slice(20).every((s) => s === 429)).toBe(true);
    const right = await lookup(t.app, tips[0], nat);
    expect(right.statusCode).toBe(200);
    expect(json(right).trackingCode).toBe(tips[0].trackingCode);
  });

  it('locks one code after ten wrong keys from any addresses, without telling whether the code exists', async () => {
    const { trackingCode } = tips[1];
    for (let i = 0; i < 10; i++) expect((await lookup(t.app, { trackingCode, accessKey: randomDigits(16) }, `198.18.0.${i + 1}`)).statusCode).toBe(404);
    const locked = await lookup(t.app, { trackingCode, accessKey: randomDigits(16) }, '198.18.1.1');
    expect(locked.statusCode).toBe(429);
    expect(json(locked).error.code).toBe('TOO_MANY_REQUESTS');
    // The trade-off, stated: while the code is locked its own key waits too — no one can keep guessing it.
    expect((await lookup(t.app, tips[1], '198.18.1.2')).statusCode).toBe(429);
    // A code that does not exist locks the same way, so a 429 reveals nothing.
    const absent = randomCode();
    for (let i = 0; i < 10; i++) await lookup(t.app, { trackingCode: absent, accessKey: randomDigits(16) }, `198.18.2.${i + 1}`);
    expect((await lookup(t.app, { trackingCode: absent, accessKey: randomDigits(16) }, '198.18.3.1')).statusCode).toBe(429);
    // Other codes are untouched.
    expect((await lookup(t.app, tips[0], '198.18.3.2')).statusCode).toBe(200);
  });

  it('counts clients by the address a trusted proxy reports (TRUST_PROXY), and only then', async () => {
    for (let i = 0; i < 20; i++) await lookup(proxied, wrongPair(), '127.0.0.1', '203.0.113.9');
    expect((await lookup(proxied, wrongPair(), '127.0.0.1', '203.0.113.9')).statusCode).toBe(429);
    expect((await lookup(proxied, wrongPair(), '127.0.0.1', '203.0.113.10')).statusCode).toBe(404);
    // Without the setting the header is ignored: everyone behind the proxy is one client.
    for (let i = 0; i < 20; i++) await lookup(t.app, wrongPair(), '192.0.2.50', `203.0.113.${i + 20}`);
    expect((await lookup(t.app, wrongPair(), '192.0.2.50', '203.0.113.99')).statusCode).toBe(429);
  });
});
