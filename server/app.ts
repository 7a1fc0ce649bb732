import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import { ErrorBody, Health } from './schemas.ts';
import { rateLimitStore, sharedCounters, type Counters } from './plugins/shared-counters.ts';
import type { Db } from './db/client.ts';
import type { Keys } from './crypto.ts';
import { hmac } from './crypto.ts';
import { AppError, ERRORS, errorBody, loggableError, uniqueViolation, type FieldError } from './errors.ts';
import { authPlugin } from './plugins/auth.ts';
import { readRoutingPlugin } from './plugins/read-routing.ts';
import { observabilityPlugin } from './plugins/observability.ts';
import { replicaLag } from './db/replica.ts';
import { regionRoutes } from './modules/regions/regions.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { adminRoutes } from './modules/admin/admin.routes.ts';
import { publicTipRoutes } from './modules/tips/tips.public.routes.ts';
import { tipRoutes } from './modules/tips/tips.routes.ts';
import { intakeRoutes } from './modules/intake/intake.routes.ts';
import { uploadRoutes } from './modules/uploads/uploads.routes.ts';
import { DEFAULT_UPLOAD_LIMITS, health, type UploadLimits } from './modules/uploads/capacity.ts';
import { routingRoutes } from './modules/routing/routing.routes.ts';
import { notificationRoutes } from './modules/notifications/notifications.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { statsRoutes } from './modules/stats/stats.routes.ts';
import { engineRoutes } from './modules/stats/engine.routes.ts';
import { intelRoutes } from './modules/intel/intel.routes.ts';
import { figureRoutes } from './modules/figures/figures.routes.ts';
import { subjectRoutes } from './modules/subjects/subjects.routes.ts';
import { screeningRoutes } from './modules/screening/screening.routes.ts';
import { roundRoutes } from './modules/screening/rounds.routes.ts';
import { publicityRoutes } from './modules/publicity/publicity.routes.ts';
import { monitoringRoutes } from './modules/publicity/monitoring.routes.ts';
import { knowledgeRoutes } from './modules/knowledge/knowledge.routes.ts';
import { caseRoutes } from './modules/cases/cases.routes.ts';
import { typicalRoutes } from './modules/cases/typical.routes.ts';
import { enforcementRoutes } from './modules/enforcement/enforcement.routes.ts';
import { supervisionRoutes } from './modules/supervision/supervision.routes.ts';
import { evaluationRoutes } from './modules/evaluation/evaluation.routes.ts';
import { reportRoutes } from './modules/reports/reports.routes.ts';
import { approvalRoutes } from './modules/approval/approval.routes.ts';
import { planRoutes } from './modules/plans/plans.routes.ts';
import { configureValidationMessages } from './validation-messages.ts';

configureValidationMessages();

export interface AppDeps {
  db: Db;
  /** DATABASE_READ_URL's pool (a streaming replica): dashboards, statistics, exports, report generation. Absent: db. */
  readDb?: Db;
  /** SHOUHU_METRICS_TOKEN: GET /metrics needs it as a bearer token; absent, /metrics answers loopback only. */
  metricsToken?: string;
  keys: Keys;
  dataDir: string;
  /** Public submissions/uploads per client per minute. */
  publicRateLimit: number;
  /** Login attempts per client per minute (lockout per username is separate). */
  loginRateLimit?: number;
  /** The built web (dist/web): the portal at /, the console at /console. Absent: API only. */
  webDir?: string;
  logLevel?: string;
  /** Where log lines go (default stdout); tests capture them. */
  logStream?: { write(line: string): void };
  /** Quotas of unattached uploads and the disk reserve (default: DEFAULT_UPLOAD_LIMITS). */
  uploadLimits?: UploadLimits;
  /** TRUST_PROXY: hop count or trusted proxy addresses (Fastify trustProxy). Absent: none. */
  trustProxy?: number | string[];
  /** REDIS_URL's connection: rate limits and guess throttles count there, shared by every process. */
  redis?: Redis;
  /** Where limits count (default: Redis if given, else the database on PostgreSQL, else memory). */
  counters?: Counters;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps & { counters: Counters };
    /** Every route registered, for the endpoint × role matrix test. */
    routeList: { method: string; url: string }[];
  }
}

export const BODY_LIMIT = 1024 * 1024;

// NUL, the other C0 controls but tab and line breaks, and unpaired UTF-16 surrogates. PostgreSQL
// refuses NUL in text and a lone surrogate cannot be encoded as UTF-8, so such a value fails the
// statement that carries it (with group commit, its neighbours' too); no honest form sends them.
const BAD_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const BAD_TEXT_MESSAGE = '含有不允许的控制字符或不完整的字符';
const badText = (s: string) => BAD_TEXT.test(s);

/**
 * The path of the first bad string (a value or a key) in a parsed body, query or params, or null.
 * Iterative, so a deeply nested body cannot overflow the stack; only arrays and plain or prototype-less
 * objects (parsed queries) are entered — a Buffer or stream body is not text.
 */
export function badTextPath(root: unknown): string[] | null {
  const stack: [unknown, string[]][] = [[root, []]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (badText(v)) return path;
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => stack.push([x, [...path, String(i)]]));
    } else if (v && typeof v === 'object' && (v.constructor === Object || v.constructor === undefined)) {
      for (const [k, x] of Object.entries(v)) {
        if (badText(k)) return [...path, k.replace(/[^\x20-\x7e]/g, '?')];
        stack.push([x, [...path, k]]);
      }
    }
  }
  return null;
}

/** Builds the whole API (no listen), so tests drive it with inject() on a real database. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: deps.logLevel ?? 'silent',
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-forwarded-for"]', 'req.remoteAddress', 'req.url'],
      // Database errors carry query parameters and row contents; only their codes and names are logged.
      // A request is logged by method and route pattern only: its URL can carry ids and codes, its
      // address is a reporter's (security §4); a response by its status.
      serializers: {
        err: loggableError,
        req: (req: { method?: string; routeOptions?: { url?: string } }) => ({ method: req.method, route: req.routeOptions?.url }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      ...(deps.logStream ? { stream: deps.logStream } : {}),
    },
    bodyLimit: BODY_LIMIT,
    // Every line logged for a request carries its id (reqId); the id is this server's, never a client's.
    genReqId: () => randomUUID(),
    // No per-request log lines: they would carry reporters' addresses (security §4).
    logController: new LogController({ disableRequestLogging: true }),
    // A hop count trusts that many proxies in front of the server (proxy-addr's hop index i).
    trustProxy: typeof deps.trustProxy === 'number' ? ((_addr: string, i: number) => i < (deps.trustProxy as number)) : (deps.trustProxy ?? false),
  }).withTypeProvider<ZodTypeProvider>();

  const counters = deps.counters ?? sharedCounters(deps.db, deps.redis);
  app.decorate('deps', { ...deps, counters });
  const routeList: { method: string; url: string }[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routeList.push({ method, url: r.url });
    // Every documented route answers errors in one shape; routes declare only their success bodies.
    if (r.schema && !r.schema.hide) r.schema.response = { '4xx': ErrorBody, '5xx': ErrorBody, ...(r.schema.response as object) };
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(process.env.VITEST ? strictSerializerCompiler : serializerCompiler);
  app.setErrorHandler(errorHandler);
  // Before any schema: text with control characters or unpaired surrogates never reaches a service.
  app.addHook('preValidation', async (req) => {
    for (const [where, value] of [['', req.body], ['querystring', req.query], ['params', req.params]] as const) {
      const path = badTextPath(value);
      if (path) throw new AppError('VALIDATION_FAILED', [{ path: [where, ...path].filter(Boolean).join('.'), message: BAD_TEXT_MESSAGE }]);
    }
  });
  app.setNotFoundHandler((req, reply) => {
    void reply.status(404).send(errorBody('ROUTE_NOT_FOUND'));
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Offices often serve plain http on an intranet; upgrading would break every request there.
        upgradeInsecureRequests: null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    // Counted where every process sees it: Redis (the plugin's own store) or the database; memory on
    // PGlite, the only process. The key is a keyed hash of the address: no raw address is ever stored.
    ...(deps.redis && counters.kind === 'redis' ? { redis: deps.redis, nameSpace: 'shouhu:rl:' } : counters.kind === 'postgres' ? { store: rateLimitStore(counters) } : {}),
    // A limit store that does not answer lets requests through (main.ts logs Redis's connection errors):
    // a reporter is not turned away because Redis is down; sign-ins stay bounded by the per-account
    // lockout in the database.
    skipOnError: true,
    keyGenerator: (req) => hmac(deps.keys.lookupMac, req.ip),
    errorResponseBuilder: () => ({ statusCode: 429, ...errorBody('TOO_MANY_REQUESTS') }),
  });
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 5, parts: 6 } });
  await app.register(swagger, {
    openapi: {
      info: { title: '守护 Shouhu API', version: '0.1.0', description: '打击整治养老诈骗专项行动工作平台接口' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'shouhu_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await app.register(authPlugin);
  await app.register(readRoutingPlugin);
  await app.register(observabilityPlugin);
  app.addHook('onSend', async (req, reply) => void reply.header('X-Request-Id', req.id));

  // Disk pressure shows here before intake fails: degraded (uploads refused), critical → 503.
  const healthSchema = { tags: ['public'], summary: '健康检查', response: { 200: Health, 503: Health } };
  app.get('/api/health', { config: { access: 'public' }, schema: healthSchema }, async (_req, reply) => {
    const h = await health(deps.db, deps.dataDir, deps.uploadLimits ?? DEFAULT_UPLOAD_LIMITS);
    const replica = deps.readDb && deps.readDb !== deps.db ? { replica: await replicaLag(deps.db, deps.readDb) } : {};
    return reply.status(h.status === 'critical' ? 503 : 200).send({ ...h, ...replica });
  });

  if (deps.webDir && existsSync(deps.webDir)) await registerWeb(app, deps.webDir);

  await app.register(regionRoutes);
  await app.register(authRoutes);
  await app.register(adminRoutes);
  await app.register(publicTipRoutes);
  await app.register(uploadRoutes);
  await app.register(tipRoutes);
  await app.register(intakeRoutes);
  await app.register(routingRoutes);
  await app.register(notificationRoutes);
  await app.register(auditRoutes);
  await app.register(statsRoutes);
  await app.register(engineRoutes);
  await app.register(intelRoutes);
  await app.register(figureRoutes);
  await app.register(subjectRoutes);
  await app.register(screeningRoutes);
  await app.register(roundRoutes);
  await app.register(publicityRoutes);
  await app.register(monitoringRoutes);
  await app.register(knowledgeRoutes);
  await app.register(caseRoutes);
  await app.register(typicalRoutes);
  await app.register(enforcementRoutes);
  await app.register(supervisionRoutes);
  await app.register(evaluationRoutes);
  await app.register(reportRoutes);
  await app.register(approvalRoutes);
  await app.register(planRoutes);
  return app;
}

/** Serves the two single-page apps; hashed assets are cached for a year, pages never. */
async function registerWeb(app: FastifyInstance, webDir: string) {
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/',
    index: false,
    wildcard: false,
    setHeaders: (res, path) => res.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  const page = (file: string) => async (_req: unknown, reply: import('fastify').FastifyReply) => reply.header('Cache-Control', 'no-cache').sendFile(file);
  for (const url of ['/', '/report', '/done', '/track', '/check', '/knowledge', '/article', '/channels', '/cases', '/cases/:id']) app.get(url, { config: { access: 'public' }, schema: { hide: true } }, page('portal/index.html'));
  for (const url of ['/console', '/console/*']) app.get(url, { config: { access: 'public' }, schema: { hide: true } }, page('console/index.html'));
}

/**
 * Under tests, a response schema that would silently drop a field the handler returned fails the
 * request (500) instead: the schema is the contract, and a forgotten field must show up in CI.
 */
const strictSerializerCompiler: typeof serializerCompiler = (route) => {
  const serialize = serializerCompiler(route);
  return (data: unknown) => {
    const json = serialize(data);
    const lost = droppedPaths(JSON.parse(JSON.stringify(data)), JSON.parse(json), '');
    if (lost.length) throw new Error(`response of ${route.method} ${route.url} drops ${lost.join(', ')}: declare them in its schema`);
    return json;
  };
};

function droppedPaths(sent: unknown, kept: unknown, at: string): string[] {
  if (Array.isArray(sent) && Array.isArray(kept)) return sent.flatMap((v, i) => droppedPaths(v, kept[i], `${at}[${i}]`));
  if (!sent || typeof sent !== 'object' || !kept || typeof kept !== 'object' || Array.isArray(sent)) return [];
  return Object.entries(sent).flatMap(([k, v]) => (k in kept ? droppedPaths(v, (kept as Record<string, unknown>)[k], `${at}.${k}`) : [`${at}.${k}`]));
}

function errorHandler(this: FastifyInstance, err: FastifyError, req: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) {
  if (err instanceof AppError) {
    return reply.status(err.status).send(errorBody(err.code, err.message, err.fields));
  }
  const conflict = uniqueViolation(err);
  if (conflict) return reply.status(409).send(errorBody(conflict.code, conflict.message, conflict.fields));
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields: FieldError[] = err.validation.map((v) => ({
      path: [err.validationContext === 'body' ? '' : err.validationContext, ...v.instancePath.split('/')]
        .filter(Boolean)
        .join('.'),
      message: v.message ?? '无效',
    }));
    return reply.status(400).send(errorBody('VALIDATION_FAILED', undefined, fields));
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return reply.status(413).send(errorBody('PAYLOAD_TOO_LARGE'));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return reply.status(415).send(errorBody('UNSUPPORTED_MEDIA_TYPE'));
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return reply.status(400).send(errorBody('INVALID_JSON'));
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return reply.status(400).send(errorBody('VALIDATION_FAILED', '请求内容为空'));
  }
  if (err.statusCode === 429) return reply.status(429).send(errorBody('TOO_MANY_REQUESTS'));
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    const code = err.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : err.statusCode === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'VALIDATION_FAILED';
    return reply.status(err.statusCode).send(errorBody(code));
  }
  this.log.error({ err, url: req.routeOptions?.url }, 'unhandled error');
  return reply.status(500).send(errorBody('INTERNAL', ERRORS.INTERNAL[1]));
}
