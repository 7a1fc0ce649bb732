import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSettings } from './config.ts';
import { SecretError, type Keys } from './crypto.ts';
import { openPglite, openPostgres } from './db/client.ts';
import { openReadPool } from './db/replica.ts';
import { lockDataDir, restrictDataDir } from './db/lock.ts';
import { loadKeys } from './secret.ts';
import { migrate, startingAlone } from './db/migrate.ts';
import { loadRegions } from './modules/regions/regions.loader.ts';
import { ensureAdmin, ensureDefaultRules, seedDemo } from './db/seed/seed.ts';
import { buildApp } from './app.ts';
import { startJobs } from './jobs/runner.ts';
import { ORPHAN_GRACE_MS, removeOrphanFiles } from './modules/uploads/uploads.service.ts';
import { intakeIdle } from './modules/tips/tips.intake.service.ts';
import { beginShutdown, SHUTDOWN_TIMEOUT_MS } from './lifecycle.ts';
import { Redis } from 'ioredis';

// boot: .env and config → db → migrate → secret → reference data → first admin and demo data → app → listen → jobs
// Everything this process creates (database files, evidence, the secret) is readable by its owner only.
process.umask(0o077);
const { config, dotEnv } = loadSettings();
if (dotEnv) {
  const kept = dotEnv.overridden.length ? `；以环境变量为准：${dotEnv.overridden.join('、')}` : '';
  console.log(`已读取 ${dotEnv.file}：${[...dotEnv.lines.keys()].join('、') || '（无新设置）'}${kept}`);
}
const dataDir = resolve(config.DATA_DIR);
// One server per data directory on the embedded database: PGlite's files there are this process's
// alone. On PostgreSQL any number of processes share one DATA_DIR (the evidence files): none locks it.
let unlock: () => void = () => undefined;
try {
  if (config.DATABASE_URL) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  else unlock = lockDataDir(dataDir, '启动');
  restrictDataDir(dataDir);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
if (config.DATABASE_READ_URL && !config.DATABASE_URL) {
  console.error('DATABASE_READ_URL 需要同时设置 DATABASE_URL（只读副本仅用于 PostgreSQL） / DATABASE_READ_URL needs DATABASE_URL (replicas are PostgreSQL only)');
  unlock();
  process.exit(1);
}
const db = config.DATABASE_URL ? openPostgres(config.DATABASE_URL, config.DATABASE_POOL_SIZE) : await openPglite(resolve(dataDir, 'pglite'));
const readDb = config.DATABASE_READ_URL ? openReadPool(config.DATABASE_READ_URL, config.DATABASE_POOL_SIZE) : undefined;

await migrate(db);
// PGlite sets some modes itself (initdb's files 0666, the relation cache 0644): take them back.
// The directory being 0700 already keeps others out of whatever it writes later.
restrictDataDir(dataDir);
// The first start's work — the generated secret, reference data, the first admin, demo data — one
// process at a time on PostgreSQL (processes started together would each generate a secret): the
// others wait for it, then find it done.
const started = await startingAlone(db, async (): Promise<Keys | SecretError> => {
  let keys: Keys;
  try {
    keys = await loadKeys(db, config.SHOUHU_SECRET, dataDir);
  } catch (err) {
    if (!(err instanceof SecretError)) throw err;
    return err;
  }
  await loadRegions(db);
  await ensureDefaultRules(db);
  // Files a crash left without their rows. Other live processes may share the folder on PostgreSQL:
  // only files older than the grace period are taken there (uploads.service.ts).
  const orphans = await removeOrphanFiles(db, dataDir, db.kind === 'postgres' ? ORPHAN_GRACE_MS : 0);
  if (orphans) console.log(`已清理 ${orphans} 个未入库的附件文件（上次异常退出时留下）。`);

  const admin = await ensureAdmin(db, config.SHOUHU_ADMIN_PASSWORD);
  if (admin?.generated) {
    console.log(`\n首次启动：已创建管理员账号 admin，密码（仅显示这一次）：${admin.password}\n`);
  }
  // Demo data is for trying the platform out; real work starts on an empty database with SHOUHU_DEMO=off.
  const REAL_USE = '正式使用：请用空的数据目录（DATA_DIR）或空的 PostgreSQL 数据库，并设置 SHOUHU_DEMO=off（写入 .env 或环境变量）后启动。';
  if (config.SHOUHU_DEMO === 'on') {
    const demo = await seedDemo(db, keys, { password: `Demo-${randomBytes(6).toString('base64url')}1!` });
    if (demo.loaded) {
      console.log(`已载入演示数据：${demo.tips} 条线索、${demo.cases} 起案件。演示账号（密码均为 ${demo.password}，仅显示这一次）：`);
      for (const u of demo.users) console.log(`  ${u.username.padEnd(22)} ${u.unit} · ${u.roles}`);
      console.log(`演示数据仅供试用，请勿在其中办理真实线索。${REAL_USE}`);
    } else {
      console.log(`${demo.reason}${REAL_USE}`);
    }
  } else {
    console.log('SHOUHU_DEMO=off：不载入演示数据。');
  }
  return keys;
});
if (started instanceof SecretError) {
  console.error(started.message);
  await db.close();
  unlock();
  process.exit(1);
}
const keys = started;

// Rate limits and guess throttles shared by every process through Redis when REDIS_URL is set.
let redis: Redis | undefined;
if (config.REDIS_URL) {
  // No offline queue: while Redis is unreachable a limit check fails at once and the request goes
  // through (app.ts, skipOnError) instead of hanging.
  redis = new Redis(config.REDIS_URL, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  let lastError = 0;
  redis.on('error', (err: Error) => {
    if (Date.now() - lastError > 60_000) console.error(`Redis 连接出错（限流暂按放行处理）：${err.message}`);
    lastError = Date.now();
  });
  try {
    await redis.connect();
  } catch (err) {
    console.error(`无法连接 REDIS_URL：${(err as Error).message}`);
    await db.close();
    process.exit(1);
  }
}

const webDir = fileURLToPath(new URL('../dist/web', import.meta.url));
const MB = 1024 * 1024;
const app = await buildApp({
  db, readDb, metricsToken: config.SHOUHU_METRICS_TOKEN, keys, dataDir, webDir, redis, publicRateLimit: config.SHOUHU_PUBLIC_RATE_LIMIT, logLevel: config.LOG_LEVEL, trustProxy: config.TRUST_PROXY,
  uploadLimits: {
    pendingBytes: config.SHOUHU_UPLOADS_PENDING_MB * MB,
    pendingPerClientBytes: config.SHOUHU_UPLOADS_PENDING_PER_CLIENT_MB * MB,
    reserveBytes: config.SHOUHU_DISK_RESERVE_MB * MB,
  },
});
await app.listen({ port: config.PORT, host: config.HOST });
console.log(`守护 Shouhu 已启动：http://localhost:${config.PORT}  （数据库：${db.kind}${readDb ? '，只读副本' : ''}；工作平台：/console；接口文档：/api/docs）`);
const stopJobs = config.SHOUHU_JOBS === 'on' ? startJobs(db, dataDir, app.log, config.SHOUHU_JOBS_INTERVAL_SECONDS * 1000) : async () => undefined;

/**
 * Graceful shutdown: readiness says "not ready" (lifecycle.ts), the job timer stops, the listener closes (a request that
 * arrives now gets 503 from Fastify), requests in flight finish — an acknowledged submission has been
 * committed by then — then the group commit's queue, the job run under way, Redis and the pool.
 * Exit 0; 1 when something hangs past SHUTDOWN_TIMEOUT_MS.
 */
async function shutdown(signal: string) {
  if (!beginShutdown()) return;
  console.log(`收到 ${signal}，正在停止：不再接收新请求，等待进行中的请求完成……`);
  setTimeout(() => {
    console.error(`停止超时（${SHUTDOWN_TIMEOUT_MS / 1000} 秒），强制退出。`);
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS).unref();
  const jobsStopped = stopJobs(); // no new run; the one under way finishes
  try {
    await app.close();
    await intakeIdle(db);
    await jobsStopped;
    await redis?.quit();
    await readDb?.close();
    await db.close();
    restrictDataDir(dataDir);
    unlock();
    console.log('守护 Shouhu 已停止。');
    process.exit(0);
  } catch (err) {
    console.error(`停止时出错：${(err as Error).message}`);
    process.exit(1);
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(signal));
