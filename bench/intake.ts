/**
 * bench/intake: public submissions at 32 concurrent connections for 30 s, against PostgreSQL and
 * against PGlite, printing tips/s and p50/p99; and the raw-insert ceiling of the same rows (tip,
 * timeline event, audit row) via pgbench on the same PostgreSQL. The server runs in its own
 * process, as in production; the load comes from this one over loopback.
 *
 *   npm run bench:intake                       # both backends, 30 s each
 *   BENCH_SECONDS=10 BENCH_ONLY=pglite npm run bench:intake
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONNECTIONS = 32;
const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ONLY = process.env.BENCH_ONLY;
const ADMIN_PASSWORD = 'Bench-Admin-2026!';

const DESCRIPTIONS = [
  '有人在小区门口开免费讲座推销保健品，说能治高血压糖尿病，我母亲花了两万多元买了一堆，吃了没有任何效果。',
  '某养老服务公司让老人预交床位费三万元，说养老院明年开业优先入住，现在电话打不通，门店也关了。',
  '有公司以投资养老公寓为名吸收老人资金，承诺年化收益百分之十八，保本保息，现在停止返利人去楼空。',
  '有人自称社保局工作人员，说可以代办补缴养老保险，一次性收取手续费五千元，收钱后联系不上。',
];
const bodies = DESCRIPTIONS.map((d, i) =>
  JSON.stringify({
    regionCode: ['370681001', '370681002', '3706', '370602001'][i],
    description: d,
    fraudTypes: [['elderly_product'], ['elderly_service'], ['elderly_project'], ['pension_insurance']][i],
    subject: { name: ['福寿康养老服务有限公司', '金色年华健康管理有限公司', '鑫泰财富投资有限公司', undefined][i], phone: '13912345678' },
    amountInvolved: 20000 + i * 1000,
    reporter: i % 2 ? { anonymous: true } : { anonymous: false, name: '王建国', phone: '13812345678' },
  }),
);

function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', SHOUHU_DEMO: 'off', SHOUHU_JOBS: 'off', LOG_LEVEL: 'warn', SHOUHU_ADMIN_PASSWORD: ADMIN_PASSWORD, SHOUHU_PUBLIC_RATE_LIMIT: '100000000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (b: Buffer) => b.toString().includes('已启动') && resolve(child));
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

async function prepareOffices(base: string) {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  for (const [regionCode, name] of [['37', '山东省专项办'], ['3706', '烟台市专项办'], ['370681', '龙口市专项办']]) {
    await fetch(`${base}/api/admin/units`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ regionCode, kind: 'campaign_office', name }) });
  }
}

async function load(base: string) {
  let i = 0;
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [{ method: 'POST', path: '/api/public/tips', headers: { 'content-type': 'application/json' }, setupRequest: (req: any) => ({ ...req, body: bodies[i++ % bodies.length] }) }],
  });
  return {
    ok: result['2xx'],
    errors: result.non2xx + result.errors + result.timeouts,
    tipsPerSec: result['2xx'] / SECONDS,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

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

async function countTips(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const r = await c.query('select count(*)::int as n from tips');
  const office = await c.query(`select id from units where region_code = '370681'`);
  await c.end();
  return { n: r.rows[0].n as number, office: office.rows[0].id as number };
}

const rows: string[] = [];
console.log(`bench/intake — ${SECONDS}s × ${CONNECTIONS} connections; ${cpus().length} cores (${cpus()[0].model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}`);

if (ONLY !== 'pglite') {
  const name = `shouhu_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(PG_ADMIN);
  url.pathname = '/' + name;
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-pg-'));
  const server = await startServer({ DATABASE_URL: url.toString(), DATA_DIR: dataDir, DATABASE_POOL_SIZE: '32' }, 18081);
  try {
    await prepareOffices('http://127.0.0.1:18081');
    const r = await load('http://127.0.0.1:18081');
    const { n, office } = await countTips(url.toString());
    console.log(`PostgreSQL: ${r.tipsPerSec.toFixed(0)} tips/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.ok} ok, ${r.errors} errors; rows in tips: ${n}`);
    server.kill('SIGTERM');
    const single = pgbenchCeiling(url.toString(), office, 1);
    const batched = pgbenchCeiling(url.toString(), office, 32);
    console.log(`PostgreSQL raw-insert ceiling (pgbench, same rows): ${single.toFixed(0)} tips/s at 1 tip/tx, ${batched.toFixed(0)} tips/s at 32 tips/tx`);
    rows.push(`| PostgreSQL 15 (server) | ${r.tipsPerSec.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${single.toFixed(0)} | ${batched.toFixed(0)} |`);
  } finally {
    server.kill('SIGKILL');
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (ONLY !== 'postgres') {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-lite-'));
  const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' }, 18082);
  try {
    await prepareOffices('http://127.0.0.1:18082');
    const r = await load('http://127.0.0.1:18082');
    console.log(`PGlite: ${r.tipsPerSec.toFixed(0)} tips/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.ok} ok, ${r.errors} errors`);
    rows.push(`| PGlite (embedded) | ${r.tipsPerSec.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | — | — |`);
  } finally {
    server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log('\n| backend | tips/s | p50 ms | p99 ms | errors | pgbench tips/s, 1 per tx | pgbench tips/s, 32 per tx |\n|---|---|---|---|---|---|---|\n' + rows.join('\n'));
process.exit(0);
