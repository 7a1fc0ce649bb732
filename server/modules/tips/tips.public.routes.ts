import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { hmac } from '../../crypto.ts';
import { AppError } from '../../errors.ts';
import { FailureThrottle } from '../../plugins/failure-throttle.ts';
import { submitPublicTip } from './tips.intake.service.ts';
import { addReporterMessage, publicStatus, rateAnswer, requestReexamination } from './tips.public.service.ts';
import { messageBody, PublicStatus, publicTipBody, ratingBody, Receipt, Reexamination, reexaminationBody, statusBody } from './tips.schemas.ts';
import { Ok } from '../../schemas.ts';

export const publicTipRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, keys, publicRateLimit, counters } = app.deps;
  // Wrong code/key pairs are counted per tracking code — per client on it, and in all — and per client
  // (keyed hashes of the address, counted where the rate limits count: shared by every process). A client with 10 wrong keys for one code is locked
  // out of that code for 15 minutes before anything is checked; the code itself locks for everyone
  // only after 100 wrong keys from any number of addresses (a backstop against distributed guessing
  // of a 16-digit key), so one attacker who knows a code cannot lock its reporter out. Unknown codes
  // lock alike, so a 429 says nothing of whether a code exists. A client's failures on other codes
  // never refuse a correct pair — behind a carrier's NAT, "a client" is many honest reporters — the
  // pair is checked first, and only a wrong one is answered 429 once the client has 20 failures
  // (docs/ARCHITECTURE.md).
  const guessesPerCodeClient = new FailureThrottle(counters, 'guess-code-client', 10, 15 * 60 * 1000);
  const guessesPerCode = new FailureThrottle(counters, 'guess-code', 100, 15 * 60 * 1000);
  const guessesPerClient = new FailureThrottle(counters, 'guess-client', 20, 15 * 60 * 1000);
  const clientKey = (req: FastifyRequest) => hmac(keys.lookupMac, 'lookup:' + req.ip);

  /** Runs a credentialed reporter call, counting wrong code/key pairs toward the throttles. */
  async function withCredentials<T>(req: FastifyRequest & { body: { trackingCode: string } }, fn: () => Promise<T>): Promise<T> {
    const code = hmac(keys.lookupMac, 'code:' + req.body.trackingCode);
    const client = clientKey(req);
    if ((await guessesPerCode.blocked(code)) || (await guessesPerCodeClient.blocked(code + client))) throw new AppError('TOO_MANY_REQUESTS');
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'TIP_NOT_FOUND') throw err;
      await Promise.all([guessesPerCode.fail(code), guessesPerCodeClient.fail(code + client), guessesPerClient.fail(client)]);
      throw (await guessesPerClient.blocked(client)) ? new AppError('TOO_MANY_REQUESTS') : err;
    }
  }

  const publicConfig = { access: 'public', rateLimit: { max: publicRateLimit, timeWindow: '1 minute' } } as const;
  const lookupConfig = { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } } as const;

  app.post(
    '/api/public/tips',
    {
      config: publicConfig,
      schema: {
        tags: ['public'],
        summary: '提交举报（可带 Idempotency-Key 头防止重复提交）',
        headers: z.object({ 'idempotency-key': z.string().min(8, '提交编号至少 8 位').max(128).optional() }),
        body: publicTipBody,
        response: { 201: Receipt },
      },
    },
    async (req, reply) => {
      const r = await submitPublicTip(db, keys, req.body, req.headers['idempotency-key']);
      return reply.status(201).send({ trackingCode: r.trackingCode, accessKey: r.accessKey, status: r.status });
    },
  );

  app.post('/api/public/tips/status', { config: lookupConfig, schema: { tags: ['public'], summary: '查询办理进度', body: statusBody, response: { 200: PublicStatus } } }, async (req) =>
    withCredentials(req, () => publicStatus(db, keys, req.body.trackingCode, req.body.accessKey)),
  );

  app.post(
    '/api/public/tips/messages',
    { config: lookupConfig, schema: { tags: ['public'], summary: '补充信息或证据', body: messageBody, response: { 201: Ok } } },
    async (req, reply) => reply.status(201).send(await withCredentials(req, () => addReporterMessage(db, keys, req.body))),
  );

  app.post('/api/public/tips/rating', { config: lookupConfig, schema: { tags: ['public'], summary: '评价答复（办结后）', body: ratingBody, response: { 200: Ok } } }, async (req) =>
    withCredentials(req, () => rateAnswer(db, keys, req.body)),
  );

  app.post(
    '/api/public/tips/reexamination',
    { config: lookupConfig, schema: { tags: ['public'], summary: '申请复核（办结后）', body: reexaminationBody, response: { 200: Reexamination } } },
    async (req) => withCredentials(req, () => requestReexamination(db, keys, req.body)),
  );
};

