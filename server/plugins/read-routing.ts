import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import { hmac, safeEqual } from '../crypto.ts';
import { primaryLsn, replicaHasReplayed, replicaReads } from '../db/replica.ts';
import { readRouting } from '../metrics.ts';

/** The primary's WAL position after this browser's last write, signed: reads wait for the replica to pass it. */
export const WAL_COOKIE = 'shouhu_wal';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** 'replica': dashboards, statistics, exports and report generation may read from the read replica. */
    reads?: 'replica';
  }
  interface FastifyRequest {
    /** The database this request reads from (routes marked reads: 'replica'); see readDb(). */
    readFrom: Db | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/;

/** The database a handler reads from: the replica when the route allows it and this session's writes are there. */
export const readDb = (req: FastifyRequest): Db => req.readFrom ?? req.server.deps.db;

/**
 * Read-your-writes over a streaming replica (docs/ARCHITECTURE.md "Read replicas"). A staff request
 * that wrote (not GET, answered below 400) takes the primary's WAL position into a signed cookie; a
 * replica-eligible read first asks the replica whether it has replayed that far, and reads from the
 * primary when it has not (or does not answer). Without DATABASE_READ_URL nothing here runs.
 */
export const readRoutingPlugin = fp(async (app) => {
  app.decorateRequest('readFrom', null);
  const { db, readDb: replica, keys } = app.deps;
  if (!replica || replica === db) return;
  const reads = replicaReads(db, replica);
  const sign = (lsn: string) => `${lsn}.${hmac(keys.lookupMac, `wal:${lsn}`)}`;
  const verified = (cookie: string | undefined) => {
    const [lsn, mac] = (cookie ?? '').split('.');
    return lsn && mac && LSN.test(lsn) && safeEqual(mac, hmac(keys.lookupMac, `wal:${lsn}`)) ? lsn : null;
  };

  app.addHook('preHandler', async (req: FastifyRequest) => {
    if (req.routeOptions.config.reads !== 'replica') return;
    const lsn = verified(req.cookies[WAL_COOKIE]);
    let caughtUp = true;
    if (lsn) caughtUp = await replicaHasReplayed(replica, lsn).catch(() => false);
    readRouting.inc({ pool: caughtUp ? 'replica' : 'primary', reason: lsn ? (caughtUp ? 'caught_up' : 'behind') : 'no_write' });
    req.readFrom = caughtUp ? reads : db;
  });

  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply) => {
    if (SAFE_METHODS.has(req.method) || !req.user || reply.statusCode >= 400) return;
    const lsn = await primaryLsn(db).catch(() => null);
    if (lsn) void reply.setCookie(WAL_COOKIE, sign(lsn), { path: '/api', httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https' });
  });
});
