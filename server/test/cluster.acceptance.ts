/**
 * Issue 15's acceptance, on the machine's PostgreSQL 15 (`npm run test:cluster`, vitest.cluster.config.ts;
 * not part of the per-backend suites): a streaming replica on another port, two server processes on
 * the primary with the replica for reads and Redis for limits, sharing one DATA_DIR (server/test/cluster.ts).
 *
 * Checks that need another strand of issue 15 say so in their name and are skipped while the setting
 * they need is missing from server/config.ts: [procs] shared rate limits (REDIS_URL) and a shared
 * DATA_DIR; [observe] replica reads (DATABASE_READ_URL). With CLUSTER_REQUIRE_ALL=1 (.ci/run) the
 * last test fails when any check was skipped, so a merged tree cannot pass without running them all.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTING_NAMES } from '../config.ts';
import { openPostgres, type Db } from '../db/client.ts';
import { seedStructure } from '../db/seed/seed.ts';
import { killHard, readLogs, ServerExit, startCluster, type Cluster, type ServerProcess } from './cluster.ts';

const TEST_PASSWORD = 'Cluster-Passw0rd!';
/** The public limit per client per minute, set on both processes; the load sends one address per request. */
const RATE_LIMIT = 6;
const JOB_INTERVAL_SECONDS = 2;
const needs = {
  procs: !(SETTING_NAMES as string[]).includes('REDIS_URL'),
  observe: !(SETTING_NAMES as string[]).includes('DATABASE_READ_URL'),
};
const skipped: string[] = [];
const pending = (what: keyof typeof needs, check: string) => {
  if (needs[what]) skipped.push(`[${what}] ${check}`);
  return needs[what];
};

// ---- what a reporter sends, and what must never reach a log ----------------------------------------

const secrets = { phones: new Set<string>(), names: new Set<string>(), idNumbers: new Set<string>(), accessKeys: new Set<string>(), tokens: new Set<string>() };
const digits = (n: number) => Array.from(randomBytes(n), (b) => String(b % 10)).join('');
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function idNumber(): string {
  const body = `110105${1940 + (randomBytes(1)[0] % 20)}0${1 + (randomBytes(1)[0] % 9)}${10 + (randomBytes(1)[0] % 18)}${digits(3)}`;
  return body + '10X98765432'[ID_WEIGHTS.reduce((s, w, i) => s + w * Number(body[i]), 0) % 11];
}
const GIVEN = '秀英建国玉兰桂芳志强淑珍凤霞德明';
function reporter(): Record<string, unknown> {
  if (randomBytes(1)[0] % 2) return { anonymous: true };
  const pick = () => GIVEN[randomBytes(1)[0] % GIVEN.length];
  const r = { anonymous: false, name: `欧阳${pick()}${pick()}`, phone: `139${digits(8)}`, idNumber: idNumber() };
  secrets.names.add(r.name);
  secrets.phones.add(r.phone);
  secrets.idNumbers.add(r.idNumber);
  return r;
}
const tipBody = () => ({
  regionCode: '370681001',
  description: `集群测试 ${randomUUID()}：有人在小区推销保健品，说能治高血压，老人花了两万元。`,
  fraudTypes: ['elderly_product'],
  reporter: reporter(),
});
/** One client address per request (as nginx reports it), so the load stays under the per-client limit. */
const someAddress = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0] % 250)}`;

/** A signed-in user's cookies, kept from every answer and sent with every request, as a browser does. */
class Session {
  readonly cookies = new Map<string, string>();
  header = () => [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
    }
  }
}

async function call(p: ServerProcess, method: string, path: string, opts: { body?: unknown; headers?: Record<string, string>; session?: Session } = {}) {
  const res = await fetch(p.base + path, {
    method,
    headers: { ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(opts.session ? { cookie: opts.session.header() } : {}), ...opts.headers },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  opts.session?.keep(res);
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, json, text, headers: res.headers };
}

async function login(p: ServerProcess, username: string): Promise<Session> {
  const session = new Session();
  const r = await call(p, 'POST', '/api/auth/login', { body: { username, password: TEST_PASSWORD }, session });
  if (r.status !== 200) throw new Error(`login ${username} on ${p.name}: ${r.status} ${r.text}`);
  secrets.tokens.add(session.cookies.get('shouhu_session')!);
  return session;
}

const PHOTO = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(20_000)]);
async function upload(p: ServerProcess, address: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([PHOTO()], { type: 'image/png' }), 'photo.png');
  const res = await fetch(`${p.base}/api/public/uploads`, { method: 'POST', body: form, headers: { 'x-forwarded-for': address } });
  if (res.status !== 201) throw new Error(`upload ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

interface Attempt { key: string; body: Record<string, unknown>; address: string; trackingCode?: string; via?: string }

async function submit(p: ServerProcess, a: Attempt): Promise<string> {
  const r = await call(p, 'POST', '/api/public/tips', { body: a.body, headers: { 'idempotency-key': a.key, 'x-forwarded-for': a.address } });
  if (r.status !== 201) throw new Error(`submit on ${p.name}: ${r.status} ${r.text}`);
  secrets.accessKeys.add(r.json.accessKey);
  a.via = p.name;
  return r.json.trackingCode as string;
}

// ---- the cluster -----------------------------------------------------------------------------------

describe('several server processes, one system (issue 15)', () => {
  let cluster: Cluster;
  let a: ServerProcess;
  let b: ServerProcess;
  let db: Db;
  /** Whether both processes run on one DATA_DIR (refused before the procs strand: one process per directory). */
  let sharedDataDir = true;
  const dataDirs: string[] = [];
  /** The data directory each process was started on (its own one before the procs strand). */
  const dirOf = new Map<string, string>();
  const env = { SHOUHU_PUBLIC_RATE_LIMIT: String(RATE_LIMIT), SHOUHU_JOBS: 'on', SHOUHU_JOBS_INTERVAL_SECONDS: String(JOB_INTERVAL_SECONDS) };

  beforeAll(async () => {
    cluster = await startCluster();
    for (const n of cluster.notes) console.log(`cluster: ${n}`);
    dataDirs.push(cluster.dataDir);
    // Both at once on an empty database: one migrates under the advisory lock, the other waits.
    const started = await Promise.allSettled([cluster.start('a', env), cluster.start('b', env)]);
    const procs: ServerProcess[] = [];
    for (const [i, s] of started.entries()) {
      dirOf.set(i ? 'b' : 'a', cluster.dataDir);
      if (s.status === 'fulfilled') procs.push(s.value);
      else if (s.reason instanceof ServerExit && s.reason.output.includes('正被另一个进程')) {
        // Before the procs strand: one process per DATA_DIR. Give this one its own to run the rest.
        sharedDataDir = false;
        const own = join(cluster.root, `data-${i}`);
        dataDirs.push(own);
        dirOf.set(i ? 'b' : 'a', own);
        procs.push(await cluster.start(i ? 'b' : 'a', { ...env, DATA_DIR: own }));
      } else throw s.reason;
    }
    [a, b] = procs.sort((x, y) => x.name.localeCompare(y.name));
    db = openPostgres(cluster.databaseUrl, 4);
    await seedStructure(db, TEST_PASSWORD);
  }, 300_000);

  afterAll(async () => {
    await db?.close();
    await cluster?.teardown();
  }, 120_000);

  it('migrated once with both processes starting together', async () => {
    const rows = await db.query<{ n: number; names: number }>('select count(*)::int as n, count(distinct name)::int as names from schema_migrations');
    expect(rows[0].n).toBe(rows[0].names);
    expect(rows[0].n).toBeGreaterThan(30);
  });

  it.skipIf(pending('procs', 'both processes on one DATA_DIR'))('[procs] runs both processes on one DATA_DIR', () => {
    expect(sharedDataDir).toBe(true);
  });

  const attempts: Attempt[] = [];
  let photos = 0;

  it('keeps every acknowledged tip exactly once when one process is killed with SIGKILL under load', async () => {
    const alive = new Set([a, b]);
    const retry: Attempt[] = [];
    let stop = false;
    let n = 0;
    // 16 clients alternate between the processes as a balancer would; one in four attaches a photo
    // uploaded through the other process first (the file must be readable by both).
    const client = async () => {
      while (!stop) {
        const targets = [...alive];
        if (!targets.length) return;
        const i = n++;
        const target = targets[i % targets.length];
        const other = targets[(i + 1) % targets.length];
        const att: Attempt = { key: randomUUID(), body: tipBody(), address: someAddress() };
        try {
          if (i % 4 === 0) {
            att.body.attachmentIds = [await upload(sharedDataDir ? other : target, att.address)];
            photos++;
          }
        } catch {
          continue; // the upload died with its process: the reporter uploads again
        }
        attempts.push(att);
        try {
          att.trackingCode = await submit(target, att);
        } catch {
          retry.push(att); // no answer: the portal keeps the key, and the reporter sends again
        }
      }
    };
    const clients = Array.from({ length: 16 }, client);
    const acknowledged = () => attempts.filter((x) => x.trackingCode).length;
    const t0 = Date.now();
    while (acknowledged() < 60 && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 50));
    alive.delete(b);
    await killHard(b);
    const atKill = acknowledged();
    // The load goes on against a; b comes back on the same data directory (its start-up sweep of
    // unreferenced files runs while a writes) and takes load again.
    const restarted = await cluster.start('b', { ...env, DATA_DIR: dirOf.get('b')! });
    b = restarted;
    alive.add(b);
    const t1 = Date.now();
    const before = acknowledged();
    while (acknowledged() < before + 40 && Date.now() - t1 < 30_000) await new Promise((r) => setTimeout(r, 50));
    stop = true;
    await Promise.all(clients);
    for (const att of retry) att.trackingCode = await submit(a, att);
    // A replay of an acknowledged key on the other process returns the same code and makes nothing.
    for (const att of attempts.filter((x) => x.trackingCode).slice(0, 10)) {
      expect(await submit(att.via === 'a' ? b : a, { ...att })).toBe(att.trackingCode);
    }

    expect(atKill).toBeGreaterThanOrEqual(20);
    const codes = attempts.map((x) => x.trackingCode!);
    expect(codes.every(Boolean)).toBe(true);
    const rows = await db.query<{ tracking_code: string; n: number }>('select tracking_code, count(*)::int as n from tips where tracking_code = any($1::text[]) group by tracking_code', [codes]);
    expect(rows.length).toBe(new Set(codes).size);
    expect(rows.filter((r) => r.n !== 1)).toEqual([]);
    expect(new Set(codes).size).toBe(attempts.length);
    const [{ total }] = await db.query<{ total: number }>('select count(*)::int as total from tips');
    expect(total).toBe(attempts.length);
    // Every attached photo has its row and its file (on the shared directory, or the process's own).
    const withPhoto = attempts.filter((x) => x.body.attachmentIds).length;
    const [{ attached }] = await db.query<{ attached: number }>('select count(*)::int as attached from uploads where tip_id is not null');
    expect(attached).toBe(withPhoto);
    const files = new Set(dataDirs.flatMap((d) => (existsSync(join(d, 'uploads')) ? readdirSync(join(d, 'uploads')) : [])));
    const names = (await db.query<{ s: string }>('select storage_name as s from uploads')).map((r) => r.s);
    expect(names.filter((s) => !files.has(s))).toEqual([]);
    const orphans = [...files].filter((f) => !names.includes(f)).length;
    console.log(`cluster load: ${attempts.length} tips (${atKill} acknowledged when b was killed, ${retry.length} retried on a), ${withPhoto} with a photo of ${photos} uploaded; ${orphans} file(s) without a row left by the kill; shared DATA_DIR: ${sharedDataDir}`);
  }, 180_000);

  it('notifies each overdue tip once while both processes run the jobs', async () => {
    const intake = await login(a, 'lk_intake');
    const [{ id: police }] = await db.query<{ id: number }>(`select id from units where region_code = '370681' and kind = 'police'`);
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const att: Attempt = { key: randomUUID(), body: tipBody(), address: someAddress() };
      const code = await submit(i % 2 ? a : b, att);
      const [{ id }] = await db.query<{ id: number }>('select id from tips where tracking_code = $1', [code]);
      expect((await call(a, 'POST', `/api/tips/${id}/actions`, { session: intake, body: { action: 'accept' } })).status).toBe(200);
      const d = await call(b, 'POST', `/api/tips/${id}/actions`, { session: intake, body: { action: 'dispatch', leadUnitId: police, deadline: new Date(Date.now() + 7 * 86400_000).toISOString(), instructions: '请核查' } });
      expect(d.status, d.text).toBe(200);
      ids.push(id);
    }
    // Past their deadline, as if a week had gone by.
    await db.query(`update tips set deadline_at = now() - interval '1 minute', updated_at = now() where id = any($1::bigint[])`, [ids]);
    await db.query(`update tip_assignments set deadline_at = now() - interval '1 minute' where tip_id = any($1::bigint[]) and active`, [ids]);
    const [{ leads }] = await db.query<{ leads: number }>(
      `select count(*)::int as leads from users u join units n on n.id = u.unit_id where n.region_code = '370681' and n.kind = 'campaign_office' and 'office_lead' = any(u.roles) and not u.disabled`,
    );
    const count = async () =>
      db.query<{ tip_id: number; user_id: number; n: number }>(
        `select tip_id, user_id, count(*)::int as n from notifications where kind = 'overdue' and tip_id = any($1::bigint[]) group by tip_id, user_id`, [ids],
      );
    const t0 = Date.now();
    while ((await count()).length < ids.length * leads && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 250));
    // Several more ticks of both processes: nothing is sent twice.
    await new Promise((r) => setTimeout(r, JOB_INTERVAL_SECONDS * 3 * 1000));
    const rows = await count();
    expect(rows.length).toBe(ids.length * leads);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  }, 90_000);

  it.skipIf(pending('procs', 'a rate limit of N per minute allows N in all across both processes'))(
    '[procs] allows N submissions per minute from one client across both processes, not N per process',
    async () => {
      const address = '198.51.100.7';
      const statuses: number[] = [];
      for (let i = 0; i < RATE_LIMIT * 2 + 2; i++) {
        const r = await call(i % 2 ? b : a, 'POST', '/api/public/tips', { body: tipBody(), headers: { 'idempotency-key': randomUUID(), 'x-forwarded-for': address } });
        if (r.status === 201) secrets.accessKeys.add(r.json.accessKey);
        statuses.push(r.status);
      }
      expect(statuses.filter((s) => s === 201).length).toBe(RATE_LIMIT);
      expect(statuses.filter((s) => s === 429).length).toBe(RATE_LIMIT + 2);
    },
    60_000,
  );

  it.skipIf(pending('observe', 'a dashboard read is served by the replica'))('[observe] serves a dashboard read from the replica', async () => {
    const lead = await login(a, 'lk_lead');
    const before = await replicaReads(cluster);
    const r = await call(a, 'GET', '/api/stats/overview?days=30', { session: lead });
    expect(r.status).toBe(200);
    // A backend reports its statistics within a second or so of going idle: wait for them.
    let after = before;
    for (let i = 0; i < 40 && after <= before; i++) {
      await new Promise((res) => setTimeout(res, 250));
      after = await replicaReads(cluster);
    }
    expect(after).toBeGreaterThan(before);
    const onReplica = await withReplica(cluster, (c) =>
      c.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = $1 and application_name = 'shouhu-read'`, [cluster.dbName]));
    expect(onReplica).toBeGreaterThan(0);
  });

  it('reads a just-closed tip as closed on the next request, on the other process', async () => {
    const [intake, police, policeLead, lead] = [await login(a, 'lk_intake'), await login(a, 'lk_police'), await login(a, 'lk_police_lead'), await login(b, 'lk_lead')];
    const [{ id: policeUnit }] = await db.query<{ id: number }>(`select id from units where region_code = '370681' and kind = 'police'`);
    const code = await submit(a, { key: randomUUID(), body: tipBody(), address: someAddress() });
    const [{ id }] = await db.query<{ id: number }>('select id from tips where tracking_code = $1', [code]);
    const act = async (p: ServerProcess, session: Session, body: Record<string, unknown>) => {
      const r = await call(p, 'POST', `/api/tips/${id}/actions`, { session, body });
      expect(r.status, `${String(body.action)}: ${r.text}`).toBe(200);
      return r.json;
    };
    await act(a, intake, { action: 'accept' });
    await act(b, intake, { action: 'dispatch', leadUnitId: policeUnit, deadline: new Date(Date.now() + 7 * 86400_000).toISOString(), instructions: '请核查' });
    await act(a, police, { action: 'sign' });
    await act(b, police, { action: 'report', verdict: 'untrue', measures: ['risk_warning'], summary: '未发现违法行为，已作风险提示。' });
    await act(a, policeLead, { action: 'approve_report' });
    const closedCount = async (p: ServerProcess) => (await call(p, 'GET', '/api/stats/overview?days=30', { session: lead })).json.byStatus.find((s: { status: string }) => s.status === 'closed').n as number;
    const before = await closedCount(b);
    // Closed on a; read at once on b — the detail and the dashboard (which reads from the replica).
    expect((await act(a, lead, { action: 'close', publicAnswer: '经核查未发现违法行为，已对经营者作风险提示。' })).status).toBe('closed');
    expect((await call(b, 'GET', `/api/tips/${id}`, { session: lead })).json.status).toBe('closed');
    expect(await closedCount(b)).toBe(before + 1);
    expect(await closedCount(a)).toBe(before + 1);
  }, 60_000);

  it('writes no reporter phone, name, ID number, access key or session token to any log of the run', async () => {
    // A few requests that fail validation carry personal data in their bodies.
    const phone = `139${digits(8)}`;
    secrets.phones.add(phone);
    await call(a, 'POST', '/api/public/tips', { body: { ...tipBody(), reporter: { anonymous: false, name: '欧阳测试', phone, idNumber: '123' } }, headers: { 'x-forwarded-for': someAddress() } });
    await call(b, 'POST', '/api/public/tips/status', { body: { trackingCode: '000000000000', accessKey: [...secrets.accessKeys][0] }, headers: { 'x-forwarded-for': someAddress() } });
    await new Promise((r) => setTimeout(r, 500));
    const logs = readLogs(cluster);
    expect(logs.length).toBeGreaterThanOrEqual(3);
    expect(logs.reduce((s, l) => s + l.text.length, 0)).toBeGreaterThan(0);
    const found: string[] = [];
    for (const [kind, values] of Object.entries(secrets)) {
      for (const v of values) for (const l of logs) if (l.text.includes(v)) found.push(`${kind} in ${l.file}`);
    }
    expect(found).toEqual([]);
    console.log(`log scan: ${logs.length} files, ${logs.reduce((s, l) => s + l.text.length, 0)} characters; ${Object.entries(secrets).map(([k, v]) => `${v.size} ${k}`).join(', ')}`);
  });

  it('ran every check (CLUSTER_REQUIRE_ALL=1: none waits for another strand)', () => {
    if (skipped.length) console.log(`cluster checks waiting for another strand of issue 15:\n  ${skipped.join('\n  ')}`);
    if (process.env.CLUSTER_REQUIRE_ALL === '1') expect(skipped).toEqual([]);
  });
});

async function withReplica<T>(c: Cluster, fn: (q: Db) => Promise<T[]>): Promise<number> {
  const r = openPostgres(c.replicaAdminUrl, 1);
  try {
    const rows = (await fn(r)) as unknown as { n: number }[];
    return rows[0].n;
  } finally {
    await r.close();
  }
}

/** Transactions committed in the run's database on the replica (the harness itself reads nothing there). */
async function replicaReads(c: Cluster): Promise<number> {
  // Statistics are sent to the collector when a backend goes idle; read them fresh.
  return withReplica(c, async (q) => {
    await q.query('select pg_stat_clear_snapshot()');
    return q.query<{ n: number }>('select xact_commit::int as n from pg_stat_database where datname = $1', [c.dbName]);
  });
}
