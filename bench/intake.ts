/**
 * bench/intake: public submissions as the portal sends them — an Idempotency-Key on every request,
 * and on one in ten a photo (a real small JPEG) uploaded first through the public upload route and
 * attached — from 32 concurrent clients, against the real server and, in the same run, against a
 * bare Fastify + pg handler doing the same inserts with no validation or security (bench/intake-bare.ts),
 * the reference the real path is measured against. Rounds alternate (bare, real, bare, real, ...)
 * so that load from elsewhere on the machine falls on both alike. Each server runs in its own
 * process, as in production; the load comes from this one over loopback. Then the real path on
 * PGlite, and optionally (BENCH_PGBENCH=1) pgbench's raw-insert ceiling of the same rows.
 *
 *   npm run bench:intake                       # PostgreSQL (real and bare) and PGlite, 2 rounds of 15 s
 *   BENCH_SECONDS=10 BENCH_ROUNDS=3 BENCH_ONLY=postgres npm run bench:intake
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import sharp from 'sharp';
import { bodies, DESCRIPTIONS } from './portal-tips.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = 32;
const PHOTO_EVERY = 10;
const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ONLY = process.env.BENCH_ONLY;
const ADMIN_PASSWORD = 'Bench-Admin-2026!';
const [REAL_PG_PORT, BARE_PORT, REAL_LITE_PORT] = [18510, 18511, 18512];

function startServer(script: string, env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', SHOUHU_DEMO: 'off', SHOUHU_JOBS: 'off', LOG_LEVEL: 'warn', SHOUHU_ADMIN_PASSWORD: ADMIN_PASSWORD, SHOUHU_PUBLIC_RATE_LIMIT: '100000000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (b: Buffer) => b.toString().includes('已启动') && resolve(child));
    child.on('exit', (code) => reject(new Error(`${script} exited ${code}`)));
  });
}

async function prepareOffices(base: string) {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  for (const [regionCode, name] of [['37', '山东省专项办'], ['3706', '烟台市专项办'], ['370681', '龙口市专项办']]) {
    await fetch(`${base}/api/admin/units`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ regionCode, kind: 'campaign_office', name }) });
  }
}

// A phone-sized photo, scaled down as the portal does before upload: a real JPEG of about 40 KB.
const PHOTO = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg({ quality: 60 }).toBuffer();
const BOUNDARY = '----bench' + randomBytes(8).toString('hex');
const MULTIPART = Buffer.concat([
  Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
  PHOTO,
  Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
]);

function post(agent: http.Agent, port: number, path: string, headers: Record<string, string>, body: Buffer | string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

interface LoadResult { ok: number; errors: number; photos: number; seconds: number; latencies: number[]; uploads: number[] }

/** 32 clients submitting for `seconds`, each with a fresh key; every tenth first uploads the photo. */
async function load(port: number, seconds = SECONDS): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  const uploads: number[] = [];
  let n = 0;
  let ok = 0;
  let errors = 0;
  let photos = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  const client = async () => {
    while (performance.now() < end) {
      const i = n++;
      try {
        const body = JSON.parse(bodies[i % bodies.length]) as Record<string, unknown>;
        if (i % PHOTO_EVERY === 0) {
          const t0 = performance.now();
          const up = await post(agent, port, '/api/public/uploads', { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, MULTIPART);
          uploads.push(performance.now() - t0);
          if (up.status !== 201) throw new Error(`upload ${up.status} ${up.body}`);
          body.attachmentIds = [(JSON.parse(up.body) as { id: string }).id];
          photos++;
        }
        const t0 = performance.now();
        const res = await post(agent, port, '/api/public/tips', { 'content-type': 'application/json', 'idempotency-key': randomUUID() }, JSON.stringify(body));
        latencies.push(performance.now() - t0);
        if (res.status !== 201) throw new Error(`submit ${res.status} ${res.body}`);
        ok++;
      } catch (err) {
        if (errors++ < 3) console.error(`  error: ${(err as Error).message.slice(0, 200)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, client));
  agent.destroy();
  return { ok, errors, photos, seconds: (performance.now() - start) / 1000, latencies, uploads };
}

const pct = (xs: number[], p: number) => (xs.length ? Math.round([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]) : NaN);

/** Rounds of one server summed: tips/s over all rounds, percentiles over all submissions. */
function summary(rs: LoadResult[]) {
  const all = rs.flatMap((r) => r.latencies);
  const ok = rs.reduce((s, r) => s + r.ok, 0);
  return {
    ok, errors: rs.reduce((s, r) => s + r.errors, 0), photos: rs.reduce((s, r) => s + r.photos, 0),
    tipsPerSec: ok / rs.reduce((s, r) => s + r.seconds, 0), p50: pct(all, 0.5), p99: pct(all, 0.99), uploadP99: pct(rs.flatMap((r) => r.uploads), 0.99),
    perRound: rs.map((r) => (r.ok / r.seconds).toFixed(0)).join(', '),
  };
}
const line = (name: string, r: ReturnType<typeof summary>) =>
  `${name}: ${r.tipsPerSec.toFixed(0)} tips/s (rounds: ${r.perRound}), p50 ${r.p50} ms, p99 ${r.p99} ms, upload p99 ${r.uploadP99} ms; ${r.ok} ok (${r.photos} with a photo), ${r.errors} errors`;

/**
 * The raw-insert ceiling: the same three rows a submission writes (tip, event, audit) straight from
 * pgbench, `perTx` tips per transaction. perTx = 1 is one commit per tip; a larger perTx is what
 * the server's group commit does.
 */
function pgbenchCeiling(url: string, officeId: number, perTx: number): number {
  const script = `
BEGIN;
WITH t AS (
  INSERT INTO tips (tracking_code, access_key_hash, source, status, region_code, office_unit_id, description, fraud_types,
                    subject, amount_involved, reporter_anonymous, reporter_enc, search_tsv)
  SELECT lpad((random() * 1e12)::bigint::text, 12, '0') || 'b' || :client_id || '-' || g, md5(random()::text), 'portal', 'submitted', '370681001', ${officeId},
          '${DESCRIPTIONS[0]}', '{elderly_product}', '{"name":"福寿康养老服务有限公司","phone":"13912345678"}', 20000, false,
          'v1.' || md5(random()::text) || md5(random()::text), to_tsvector('simple', '有人 小区 门口 免费 讲座 推销 保健品 高血压 糖尿病 母亲 两万 多元')
  FROM generate_series(1, ${perTx}) g
  RETURNING id)
, e AS (INSERT INTO tip_events (tip_id, kind, text, public, unit_id) SELECT id, 'submitted', '您的举报已提交，等待受理', true, ${officeId} FROM t)
INSERT INTO audit_log (actor_name, action, entity, entity_id, detail) SELECT 'public', 'tip.submitted', 'tip', id::text, '{"source":"portal"}' FROM t;
END;
`;
  const dir = mkdtempSync(join(tmpdir(), 'pgbench-'));
  writeFileSync(join(dir, 'insert.sql'), script);
  const out = execFileSync('pgbench', ['-n', '-c', String(CONNECTIONS), '-j', '2', '-T', String(SECONDS), '-f', join(dir, 'insert.sql'), url], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  const tps = /tps = ([\d.]+)/.exec(out);
  console.log(`  pgbench (${perTx} tip/tx): ${out.split('\n').filter((l) => /tps|latency|failed/.test(l)).join(' | ')}`);
  return tps ? Number(tps[1]) * perTx : NaN;
}

const rows: string[] = [];
console.log(`bench/intake — ${ROUNDS} rounds × ${SECONDS} s × ${CONNECTIONS} clients, keys on every submission, a ${(PHOTO.length / 1024).toFixed(0)} KB JPEG on one in ${PHOTO_EVERY}; ` +
  `${cpus().length} cores (${cpus()[0].model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; load average before: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);

if (ONLY !== 'pglite') {
  const name = `shouhu_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(PG_ADMIN);
  url.pathname = '/' + name;
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-pg-'));
  const bareDir = join(dataDir, 'bare-uploads');
  mkdirSync(bareDir);
  const servers: ChildProcess[] = [];
  try {
    servers.push(await startServer('server/main.ts', { DATABASE_URL: url.toString(), DATA_DIR: dataDir, DATABASE_POOL_SIZE: '32' }, REAL_PG_PORT));
    await prepareOffices(`http://127.0.0.1:${REAL_PG_PORT}`);
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    const officeId = (await c.query(`select id from units where region_code = '370681'`)).rows[0].id as number;
    servers.push(await startServer('bench/intake-bare.ts', { DATABASE_URL: url.toString(), OFFICE_ID: String(officeId), UPLOAD_DIR: bareDir }, BARE_PORT));
    await load(BARE_PORT, 3);
    const warm = await load(REAL_PG_PORT, 3);
    const bare: LoadResult[] = [];
    const real: LoadResult[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      bare.push(await load(BARE_PORT));
      real.push(await load(REAL_PG_PORT));
    }
    const b = summary(bare);
    const r = summary(real);
    // Every acknowledged real submission is in the database once, with its key row and its photo.
    const [{ keys, attached }] = (await c.query(
      `select (select count(*)::int from idempotency_keys where request_hash <> 'x') as keys, (select count(*)::int from uploads where tip_id is not null and storage_name not like 'bare-%') as attached`,
    )).rows as { keys: number; attached: number }[];
    await c.end();
    console.log(line('PostgreSQL, bare handler', b));
    console.log(line('PostgreSQL, real path   ', r));
    console.log(`real path ÷ bare handler: ${(r.tipsPerSec / b.tipsPerSec).toFixed(2)} ×; key rows from the real path ${keys} = acknowledged ${r.ok + warm.ok}; attached photos ${attached} = ${r.photos + warm.photos}`);
    rows.push(`| PostgreSQL 15, bare handler | ${b.tipsPerSec.toFixed(0)} | ${b.p50} | ${b.p99} | ${b.uploadP99} | ${b.errors} | — |`);
    rows.push(`| PostgreSQL 15, real path | ${r.tipsPerSec.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.uploadP99} | ${r.errors} | **${(r.tipsPerSec / b.tipsPerSec).toFixed(2)} ×** |`);
    if (process.env.BENCH_PGBENCH) {
      for (const s of servers) s.kill('SIGTERM');
      const single = pgbenchCeiling(url.toString(), officeId, 1);
      const batched = pgbenchCeiling(url.toString(), officeId, 32);
      console.log(`PostgreSQL raw-insert ceiling (pgbench; tip, event, audit): ${single.toFixed(0)} tips/s at 1 tip/tx, ${batched.toFixed(0)} tips/s at 32 tips/tx`);
    }
  } finally {
    for (const s of servers) s.kill('SIGKILL');
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (ONLY !== 'postgres') {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-lite-'));
  const server = await startServer('server/main.ts', { DATA_DIR: dataDir, DATABASE_URL: '' }, REAL_LITE_PORT);
  try {
    await prepareOffices(`http://127.0.0.1:${REAL_LITE_PORT}`);
    await load(REAL_LITE_PORT, 3);
    const r = summary(await Promise.all(Array.from({ length: 1 }, () => load(REAL_LITE_PORT, SECONDS * ROUNDS))));
    console.log(line('PGlite, real path', r));
    rows.push(`| PGlite (embedded), real path | ${r.tipsPerSec.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.uploadP99} | ${r.errors} | — |`);
  } finally {
    server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(`\nload average after: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log('\n| what | tips/s | p50 ms | p99 ms | upload p99 ms | errors | real ÷ bare |\n|---|---|---|---|---|---|---|\n' + rows.join('\n'));
process.exit(0);
