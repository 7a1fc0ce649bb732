import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { safeEqual } from '../crypto.ts';
import { errorBody } from '../errors.ts';
import { Ready } from '../schemas.ts';
import { migrationNames } from '../db/migrate.ts';
import { replicaLag } from '../db/replica.ts';
import { isShuttingDown } from '../lifecycle.ts';
import { httpDuration, httpErrors, poolConnections, poolQueries, registry, replicaLagBytes, replicaLagSeconds } from '../metrics.ts';

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
export const isLoopback = (ip: string) => /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(ip) || ip === '::1';

/**
 * Request metrics and the one log line per request (its id, method, route pattern, status and time:
 * never the URL, which can carry ids and codes, nor the address), GET /metrics for Prometheus and
 * GET /api/ready for the balancer (docs/ARCHITECTURE.md "Metrics and logs").
 */
export const observabilityPlugin = fp(async (app) => {
  const { db, readDb, metricsToken } = app.deps;

  app.addHook('onResponse', async (req: FastifyRequest, reply: FastifyReply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    httpDuration.observe({ method: req.method, route, status: String(status) }, reply.elapsedTime / 1000);
    if (status >= 500) httpErrors.inc({ method: req.method, route });
    req.log.info({ method: req.method, route, statusCode: status, ms: Math.round(reply.elapsedTime) }, 'request');
  });

  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
    if (metricsToken) {
      const auth = req.headers.authorization ?? '';
      if (!safeEqual(auth, `Bearer ${metricsToken}`)) return reply.status(401).header('WWW-Authenticate', 'Bearer').send(errorBody('UNAUTHENTICATED'));
    } else if (!isLoopback(req.ip)) {
      return reply.status(403).send(errorBody('FORBIDDEN'));
    }
    for (const [pool, d] of [['primary', db], ['read', readDb !== db ? readDb : undefined]] as const) {
      const s = d?.poolStats?.();
      if (!s) continue;
      poolConnections.set({ pool, state: 'total' }, s.total);
      poolConnections.set({ pool, state: 'idle' }, s.idle);
      poolConnections.set({ pool, state: 'waiting' }, s.waiting);
      poolQueries.set({ pool }, s.queries);
    }
    if (readDb && readDb !== db) {
      const lag = await replicaLag(db, readDb);
      replicaLagBytes.set(lag.lagBytes ?? Number.NaN);
      replicaLagSeconds.set(lag.lagSeconds ?? Number.NaN);
    }
    return reply.header('Content-Type', registry.contentType).header('Cache-Control', 'no-store').send(await registry.metrics());
  });

  app.get(
    '/api/ready',
    { config: { access: 'public' }, schema: { tags: ['public'], summary: '就绪检查：数据库可连接且迁移已全部执行（停机过程中为 503）', response: { 200: Ready, 503: Ready } } },
    async (_req, reply) => {
      if (isShuttingDown()) return reply.status(503).send({ status: 'shutting_down', pendingMigrations: 0 });
      let applied: Set<string>;
      try {
        applied = new Set((await db.query<{ name: string }>('select name from schema_migrations')).map((r) => r.name));
      } catch {
        return reply.status(503).send({ status: 'database_unreachable', pendingMigrations: 0 });
      }
      const pending = migrationNames().filter((n) => !applied.has(n)).length;
      return reply.status(pending ? 503 : 200).send({ status: pending ? 'migrations_pending' : 'ready', pendingMigrations: pending });
    },
  );
});
