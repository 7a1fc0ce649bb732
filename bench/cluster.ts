/**
 * bench/cluster (issue 15): several server processes on one PostgreSQL, and a read replica.
 *
 * On the cluster of the acceptance test (server/test/cluster.ts: the machine's PostgreSQL 15 as
 * primary, a streaming replica made with pg_basebackup -R, a fresh database, Redis), in one run:
 *
 * 1. Intake throughput with one process and with two, rounds alternating (one, two, one, two …) so
 *    that outside load falls on both alike: 32 clients posting public tips with an Idempotency-Key,
 *    all to process a, or 16 to a and 16 to b. The ratio two ÷ one is the figure.
 * 2. Dashboard latency under intake load (16 clients on b): the office lead's overview
 *    (GET /api/stats/overview) and the indicator call (GET /api/stats) on process a, which reads from
 *    the replica (DATABASE_READ_URL), and on process c, which has no replica, alternating request by
 *    request; and the same without intake load.
 *
 *   npm run bench:cluster                       # 2 rounds of 10 s each
 *   BENCH_SECONDS=15 BENCH_ROUNDS=3 npm run bench:cluster
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { openPostgres } from '../server/db/client.ts';
import { seedStructure } from '../server/db/seed/seed.ts';
import { ServerExit, startCluster, type Cluster, type ServerProcess } from '../server/test/cluster.ts';
import { bodies } from './portal-tips.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const PASSWORD = 'Bench-Passw0rd!';
const ENV = { SHOUHU_JOBS: 'off', LOG_LEVEL: 'warn', SHOUHU_PUBLIC_RATE_LIMIT: '100000000', DATABASE_POOL_SIZE: '16' };

function request(agent: http.Agent, port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string; cookie?: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, agent, headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: text, cookie: res.headers['set-cookie']?.[0]?.split(';')[0] }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

interface Load { ok: number; errors: number; latencies: number[]; seconds: number }

/** `clients` clients posting keyed tips to `p` until `until()` is false (or for `seconds`). */
async function intake(p: ServerProcess, clients: number, seconds: number, until?: () => boolean): Promise<Load> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  let n = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  const client = async () => {
    while (until ? until() : performance.now() < end) {
      const t0 = performance.now();
      try {
        const r = await request(agent, p.port, 'POST', '/api/public/tips', { 'content-type': 'application/json', 'idempotency-key': randomUUID() }, bodies[n++ % bodies.length]);
        if (r.status !== 201) throw new Error(`${r.status} ${r.body.slice(0, 200)}`);
        latencies.push(performance.now() - t0);
        ok++;
      } catch (err) {
        if (errors++ < 3) console.error(`  intake error on ${p.name}: ${(err as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  agent.destroy();
  return { ok, errors, latencies, seconds: (performance.now() - start) / 1000 };
}

const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] : NaN);
const fmt = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));

async function startPair(cluster: Cluster): Promise<[ServerProcess, ServerProcess, boolean]> {
  const started = await Promise.allSettled([cluster.start('a', ENV), cluster.start('b', ENV)]);
  let shared = true;
  const procs: ServerProcess[] = [];
  for (const [i, s] of started.entries()) {
    if (s.status === 'fulfilled') procs.push(s.value);
    else if (s.reason instanceof ServerExit && s.reason.output.includes('正被另一个进程')) {
      shared = false; // before the shared DATA_DIR (procs strand): one directory per process
      procs.push(await cluster.start(i ? 'b' : 'a', { ...ENV, DATA_DIR: join(cluster.root, `data-${i}`) }));
    } else throw s.reason;
  }
  procs.sort((x, y) => x.name.localeCompare(y.name));
  return [procs[0], procs[1], shared];
}

const cluster = await startCluster({ prefix: 'shouhu-bench-cluster' });
try {
  console.log(`bench/cluster — ${new Date().toISOString()}, ${cpus().length} vCPU ${cpus()[0]?.model ?? ''}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const n of cluster.notes) console.log(`  note: ${n}`);
  const [a, b, shared] = await startPair(cluster);
  const db = openPostgres(cluster.databaseUrl, 2);
  await seedStructure(db, PASSWORD);
  console.log(`processes a (:${a.port}) and b (:${b.port}) on ${cluster.privatePrimary ? 'a private primary' : "the machine's PostgreSQL"}, replica ${cluster.readUrl.replace(/\/\/[^@]*@/, '//')}; one DATA_DIR: ${shared}`);

  const size = async () => (await db.query<{ n: number }>('select pg_database_size(current_database())::bigint as n'))[0].n;
  const emptySize = await size();
  // Warm-up: jieba, the routing cache, the pools.
  await intake(a, 8, 2);
  await intake(b, 8, 2);

  // 1. one process versus two, alternating rounds.
  const one: Load[] = [];
  const two: Load[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    one.push(await intake(a, 32, SECONDS));
    const [la, lb] = await Promise.all([intake(a, 16, SECONDS), intake(b, 16, SECONDS)]);
    two.push({ ok: la.ok + lb.ok, errors: la.errors + lb.errors, latencies: [...la.latencies, ...lb.latencies], seconds: Math.max(la.seconds, lb.seconds) });
    console.log(`  round ${r + 1}: one ${fmt(one[r].ok / one[r].seconds)} tips/s, two ${fmt(two[r].ok / two[r].seconds)} tips/s (load average ${loadavg()[0].toFixed(1)})`);
  }
  const rate = (ls: Load[]) => ls.reduce((s, l) => s + l.ok, 0) / ls.reduce((s, l) => s + l.seconds, 0);
  const describe = (name: string, ls: Load[]) => {
    const all = ls.flatMap((l) => l.latencies);
    return `${name}: ${fmt(rate(ls))} tips/s (rounds ${ls.map((l) => fmt(l.ok / l.seconds)).join(', ')}), p50 ${fmt(pct(all, 0.5))} ms, p99 ${fmt(pct(all, 0.99))} ms, ${ls.reduce((s, l) => s + l.errors, 0)} errors`;
  };
  console.log(describe('one process, 32 clients', one));
  console.log(describe('two processes, 16 clients each', two));
  console.log(`ratio two ÷ one: ${(rate(two) / rate(one)).toFixed(2)}`);

  // Disk per tip as the portal path writes it (tip, event, audit row, entities, key row, search
  // index, statistics delta): the database's growth over the empty one, after the rollups compacted.
  await db.query('select 1');
  const [{ tips: submitted }] = await db.query<{ tips: number }>('select count(*)::int as tips from tips');
  await db.exec('checkpoint');
  const grown = (await size()) - emptySize;
  const tables = await db.query<{ relname: string; bytes: number }>(
    'select relname, pg_total_relation_size(relid)::bigint as bytes from pg_stat_user_tables order by 2 desc limit 8');
  console.log(`disk: ${submitted} tips submitted, database +${(grown / 2 ** 20).toFixed(1)} MB = ${(grown / submitted / 1024).toFixed(2)} KB per tip (${(grown / submitted * 1e6 / 2 ** 30).toFixed(2)} GB per million); largest: ${tables.map((t) => `${t.relname} ${(t.bytes / 2 ** 20).toFixed(1)} MB`).join(', ')}`);

  // 2. dashboard latency on a (replica) and c (primary only), with and without intake load on b.
  const c = await cluster.start('c', { ...ENV, DATABASE_READ_URL: '', ...(shared ? {} : { DATA_DIR: join(cluster.root, 'data-c') }) });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  const login = async (p: ServerProcess, username: string) => {
    const r = await request(agent, p.port, 'POST', '/api/auth/login', { 'content-type': 'application/json' }, JSON.stringify({ username, password: PASSWORD }));
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.body}`);
    return r.cookie!;
  };
  const calls = [
    ['overview', '/api/stats/overview?days=30'],
    ['indicators, 30 days by child region', `/api/stats?from=${new Date(Date.now() - 29 * 86400_000).toISOString().slice(0, 10)}&to=${new Date().toISOString().slice(0, 10)}&by=child`],
  ] as const;
  const users = ['sd_lead', 'lk_lead'];
  const cookies = new Map<string, string>();
  for (const p of [a, c]) for (const u of users) cookies.set(`${p.name}:${u}`, await login(p, u));
  const [{ tips }] = await db.query<{ tips: number }>('select count(*)::int as tips from tips');
  const dashboard = async (label: string, loaded: boolean) => {
    let stop = false;
    const load = loaded ? intake(b, 16, 0, () => !stop) : null;
    if (loaded) await new Promise((r) => setTimeout(r, 1000));
    const samples = new Map<string, number[]>();
    const end = performance.now() + SECONDS * 1000;
    while (performance.now() < end) {
      for (const u of users) {
        for (const [name, path] of calls) {
          for (const p of [a, c]) {
            const t0 = performance.now();
            const r = await request(agent, p.port, 'GET', path, { cookie: cookies.get(`${p.name}:${u}`)! });
            if (r.status !== 200) throw new Error(`${path} on ${p.name}: ${r.status} ${r.body.slice(0, 200)}`);
            const key = `${u} ${name} ${p === a ? 'with replica (a)' : 'primary only (c)'}`;
            samples.set(key, [...(samples.get(key) ?? []), performance.now() - t0]);
          }
        }
      }
    }
    stop = true;
    const l = await load;
    console.log(`dashboard ${label}${l ? ` (intake on b meanwhile: ${fmt(l.ok / l.seconds)} tips/s)` : ''}:`);
    for (const [k, xs] of samples) console.log(`  ${k}: n ${xs.length}, median ${fmt(pct(xs, 0.5))} ms, p95 ${fmt(pct(xs, 0.95))} ms`);
  };
  console.log(`database: ${tips} tips before the dashboard phase`);
  // Whether process a's reads reached the replica at all: transactions in the run's database there.
  const replica = openPostgres(cluster.replicaAdminUrl, 1);
  const replicaCommits = async () => (await replica.query<{ n: number }>('select xact_commit::int as n from pg_stat_database where datname = $1', [cluster.dbName]))[0].n;
  const before = await replicaCommits();
  await dashboard('without intake load', false);
  await dashboard('under intake load', true);
  await new Promise((r) => setTimeout(r, 1500)); // statistics reach the view within a second or so
  console.log(`transactions on the replica in the run's database during the dashboard phase: ${(await replicaCommits()) - before}`);
  await replica.close();
  agent.destroy();
  await db.close();
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  await cluster.teardown();
}
