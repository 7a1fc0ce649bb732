/**
 * A small production-shaped cluster on this machine, for the cluster acceptance test
 * (server/test/cluster.acceptance.ts, `npm run test:cluster`) and bench/cluster.ts:
 *
 * - the machine's PostgreSQL 15 as the primary (127.0.0.1:5432, trust; CLUSTER_PRIMARY_URL), or a
 *   private primary made with initdb in the temporary directory when CLUSTER_PRIMARY=private or when
 *   the machine's cluster is too large to copy quickly (pg_basebackup copies every database);
 * - a streaming replica on another port, made with `pg_basebackup -R` into a temporary directory and
 *   run by the `postgres` OS user (PostgreSQL refuses to run as root);
 * - a fresh database for the run on the primary (read through the replica too);
 * - server processes (`node --import tsx server/main.ts`, so that SIGKILL reaches the server itself
 *   and not an npx wrapper) on their own ports, sharing one DATA_DIR, their output kept in log files.
 *
 * What the primary must allow, checked first: wal_level replica or logical (the default), at least
 * two WAL senders (the default is 10), and a `replication` entry in pg_hba.conf for 127.0.0.1. The
 * last is missing from Debian's default file (its `all` does not cover replication): the harness
 * appends `host replication all 127.0.0.1/32 trust` to the file named by `show hba_file` and
 * reloads — once, and only when no such rule is there (docs/OPERATIONS.md). A wal_level below
 * replica would need a restart, which the harness does not do: it stops with the command to run.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, chownSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** Above this many bytes in the machine's cluster, a private primary is made instead of copying it. */
const MAX_COPY_BYTES = Number(process.env.CLUSTER_MAX_COPY_MB ?? 2048) * 1024 * 1024;

export const CLUSTER_ADMIN_PASSWORD = 'Cluster-Admin-2026!';
export const CLUSTER_SECRET = randomBytes(32).toString('hex');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL program as the postgres OS user (directly when not root). */
function pgRun(program: string, args: string[], opts: { timeout?: number } = {}): string {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, program), ...args]] : [join(PG_BIN, program), args];
  return execFileSync(cmd, argv, { encoding: 'utf8', timeout: opts.timeout ?? 120_000, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A directory the postgres OS user owns (mode 0700), for a data directory or sockets. */
function postgresDir(path: string): string {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(path, uid, gid);
  }
  return path;
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export function withDatabase(url: string, database: string, port?: number): string {
  const u = new URL(url);
  u.pathname = '/' + database;
  if (port) u.port = String(port);
  return u.toString();
}

async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolvePort, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolvePort(port));
    });
  });
}

/** A PostgreSQL server this harness started (private primary or replica): stopped at teardown. */
interface OwnServer { dir: string; port: number; log: string }

function startOwn(dir: string, port: number, sockets: string, log: string, extra: string[] = []): OwnServer {
  const opts = ['-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${sockets}`, ...extra].join(' ');
  pgRun('pg_ctl', ['-D', dir, '-l', log, '-w', '-t', '120', '-o', opts, 'start']);
  return { dir, port, log };
}

function stopOwn(s: OwnServer): void {
  try {
    pgRun('pg_ctl', ['-D', s.dir, '-m', 'fast', '-w', '-t', '60', 'stop']);
  } catch {
    try {
      pgRun('pg_ctl', ['-D', s.dir, '-m', 'immediate', 'stop']);
    } catch {
      /* already stopped */
    }
  }
}

/**
 * Makes sure the primary lets a replica connect from 127.0.0.1 (see the file comment). Returns what
 * was changed, for the log.
 */
async function allowReplication(adminUrl: string): Promise<string[]> {
  return withClient(adminUrl, async (c) => {
    const changed: string[] = [];
    const setting = async (name: string) => (await c.query<{ v: string }>(`select current_setting($1) as v`, [name])).rows[0].v;
    if (!['replica', 'logical'].includes(await setting('wal_level'))) {
      throw new Error(`The primary's wal_level is ${await setting('wal_level')}: run "alter system set wal_level = replica" and restart PostgreSQL, then run again.`);
    }
    if (Number(await setting('max_wal_senders')) < 2) {
      throw new Error('The primary allows fewer than 2 WAL senders: run "alter system set max_wal_senders = 10" and restart PostgreSQL, then run again.');
    }
    const rules = await c.query<{ n: number }>(
      `select count(*)::int as n from pg_hba_file_rules
       where 'replication' = any(database) and type in ('host', 'hostnossl') and auth_method = 'trust' and (address = '127.0.0.1' or address = 'all' or address = '0.0.0.0')`,
    );
    if (rules.rows[0].n === 0) {
      const file = await setting('hba_file');
      appendFileSync(file, '\n# Added by the Shouhu cluster harness (server/test/cluster.ts): streaming replicas on this machine.\nhost replication all 127.0.0.1/32 trust\n');
      await c.query('select pg_reload_conf()');
      changed.push(`appended "host replication all 127.0.0.1/32 trust" to ${file} and reloaded`);
      await sleep(500);
    }
    return changed;
  });
}

export interface ServerProcess {
  name: string;
  port: number;
  base: string;
  child: ChildProcess;
  logFile: string;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

export interface Cluster {
  root: string;
  /** The shared data directory (uploads, secret). */
  dataDir: string;
  /** The run's database on the primary, and the same database through the replica. */
  databaseUrl: string;
  readUrl: string;
  /** The primary's maintenance database (postgres), and the replica's. */
  primaryAdminUrl: string;
  replicaAdminUrl: string;
  dbName: string;
  privatePrimary: boolean;
  notes: string[];
  /** Every log file of the run: the servers' and the PostgreSQL servers this harness started. */
  logFiles(): string[];
  /** Starts a server process; resolves once it listens. Settings over the cluster's defaults. */
  start(name: string, env?: Record<string, string>): Promise<ServerProcess>;
  /** Stops everything this harness started and drops the run's database. */
  teardown(): Promise<void>;
}

/** The settings every server process of the cluster gets (overridable per process). */
export function clusterEnv(c: Pick<Cluster, 'databaseUrl' | 'readUrl' | 'dataDir'>): Record<string, string> {
  return {
    DATABASE_URL: c.databaseUrl,
    DATABASE_READ_URL: c.readUrl,
    REDIS_URL: process.env.CLUSTER_REDIS_URL ?? 'redis://127.0.0.1:6379',
    DATA_DIR: c.dataDir,
    HOST: '127.0.0.1',
    SHOUHU_DEMO: 'off',
    SHOUHU_SECRET: CLUSTER_SECRET,
    SHOUHU_ADMIN_PASSWORD: CLUSTER_ADMIN_PASSWORD,
    // The harness sends X-Forwarded-For as nginx would: one address per simulated client.
    TRUST_PROXY: 'loopback',
    DATABASE_POOL_SIZE: '10',
    LOG_LEVEL: 'info',
  };
}

/** Starts the replica (and a private primary if needed) and creates the run's database. */
export async function startCluster(opts: { prefix?: string } = {}): Promise<Cluster> {
  const root = mkdtempSync(join(tmpdir(), `${opts.prefix ?? 'shouhu-cluster'}-`));
  // The postgres OS user must pass through to its directories (the servers' data directory stays 0700).
  chmodSync(root, 0o711);
  const pgRoot = postgresDir(join(root, 'pg'));
  const sockets = postgresDir(join(pgRoot, 'sockets'));
  const own: OwnServer[] = [];
  const servers: ServerProcess[] = [];
  const logs: string[] = [];
  const notes: string[] = [];
  let primaryAdminUrl = process.env.CLUSTER_PRIMARY_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  let privatePrimary = process.env.CLUSTER_PRIMARY === 'private';
  const dbName = `shouhu_cluster_${randomBytes(4).toString('hex')}`;
  let teardownDone = false;

  const teardown = async () => {
    if (teardownDone) return;
    teardownDone = true;
    for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
    await Promise.all(servers.map((s) => s.exited));
    // The replica first: dropping the database would otherwise cancel its sessions there.
    for (const s of [...own].reverse()) stopOwn(s);
    if (!privatePrimary) {
      await withClient(primaryAdminUrl, (c) => c.query(`drop database if exists ${dbName} with (force)`)).catch(() => undefined);
    }
    if (!process.env.CLUSTER_KEEP) rmSync(root, { recursive: true, force: true });
  };

  try {
    if (!privatePrimary) {
      const size = await withClient(primaryAdminUrl, async (c) => (await c.query<{ n: string }>('select sum(pg_database_size(datname))::text as n from pg_database')).rows[0].n);
      if (Number(size) > MAX_COPY_BYTES) {
        privatePrimary = true;
        notes.push(`the machine's cluster holds ${(Number(size) / 2 ** 30).toFixed(1)} GB (other work's databases): a private primary instead of copying it`);
      }
    }
    if (privatePrimary) {
      const dir = join(pgRoot, 'primary');
      postgresDir(dir);
      // initdb's pg_hba.conf with --auth=trust already has the replication lines for 127.0.0.1.
      pgRun('initdb', ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
      const port = await freePort();
      const log = join(pgRoot, 'primary.log');
      own.push(startOwn(dir, port, sockets, log, ['-c', 'fsync=on', '-c', 'max_connections=200']));
      logs.push(log);
      primaryAdminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    } else {
      notes.push(...(await allowReplication(primaryAdminUrl)));
    }

    // The replica: a base backup with -R (standby.signal and primary_conninfo), then its own server.
    const replicaDir = join(pgRoot, 'replica');
    const replicaPort = await freePort();
    const primary = new URL(primaryAdminUrl);
    pgRun('pg_basebackup', ['-h', primary.hostname, '-p', primary.port || '5432', '-U', primary.username || 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '-c', 'fast'], { timeout: 600_000 });
    // Debian keeps postgresql.conf and pg_hba.conf in /etc, so the copy has none: give it its own.
    if (!existsSync(join(replicaDir, 'postgresql.conf'))) writeFileSync(join(replicaDir, 'postgresql.conf'), 'hot_standby = on\n');
    writeFileSync(join(replicaDir, 'pg_hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 trust\nhost replication all 127.0.0.1/32 trust\n');
    if (!existsSync(join(replicaDir, 'pg_ident.conf'))) writeFileSync(join(replicaDir, 'pg_ident.conf'), '');
    const standbyName = `shouhu_replica_${dbName.slice(-8)}`;
    // Named, so the primary's pg_stat_replication shows which walreceiver is this run's.
    appendFileSync(join(replicaDir, 'postgresql.auto.conf'),
      `primary_conninfo = 'host=${primary.hostname} port=${primary.port || '5432'} user=${primary.username || 'postgres'} application_name=${standbyName}'\n`);
    if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', replicaDir]);
    const replicaLog = join(pgRoot, 'replica.log');
    // A copy of the machine's configuration may name its archive command or port: not for a replica here.
    own.push(startOwn(replicaDir, replicaPort, sockets, replicaLog, ['-c', 'archive_mode=off', '-c', 'hot_standby=on', '-c', 'max_connections=200']));
    logs.push(replicaLog);
    const replicaAdminUrl = withDatabase(primaryAdminUrl, 'postgres', replicaPort);

    await withClient(primaryAdminUrl, async (c) => {
      for (let i = 0; i < 100; i++) {
        const r = await c.query<{ state: string }>('select state from pg_stat_replication where application_name = $1', [standbyName]);
        if (r.rows[0]?.state === 'streaming') return;
        await sleep(200);
      }
      throw new Error('the replica did not start streaming within 20 s');
    });
    await withClient(primaryAdminUrl, (c) => c.query(`create database ${dbName}`));
    // The new database reaches the replica by WAL like everything else.
    const readUrl = withDatabase(primaryAdminUrl, dbName, replicaPort);
    for (let i = 0; ; i++) {
      try {
        await withClient(readUrl, (c) => c.query('select 1'));
        break;
      } catch (err) {
        if (i > 100) throw err;
        await sleep(200);
      }
    }

    const dataDir = join(root, 'data');
    mkdirSync(dataDir, { mode: 0o700 });
    const databaseUrl = withDatabase(primaryAdminUrl, dbName);
    const cluster: Cluster = {
      root, dataDir, databaseUrl, readUrl, primaryAdminUrl, replicaAdminUrl, dbName, privatePrimary, notes,
      logFiles: () => [...logs, ...servers.map((s) => s.logFile)],
      teardown,
      async start(name, env = {}) {
        const port = Number(env.PORT ?? (await freePort()));
        const logFile = join(root, `${name}-${servers.filter((s) => s.name === name).length}.log`);
        const out: WriteStream = createWriteStream(logFile);
        const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
          cwd: REPO,
          env: { ...process.env, ...clusterEnv(cluster), ...env, PORT: String(port) },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        const exited = new Promise<void>((r) => child.once('exit', () => out.end(() => r())));
        const proc: ServerProcess = { name, port, base: `http://127.0.0.1:${port}`, child, logFile, exited };
        servers.push(proc);
        let output = '';
        await new Promise<void>((resolveStart, reject) => {
          const onData = (b: Buffer) => {
            out.write(b);
            if (output.length < 20_000) output += b.toString();
            if (output.includes('已启动')) resolveStart();
          };
          child.stdout!.on('data', onData);
          child.stderr!.on('data', onData);
          child.once('exit', (code, signal) => reject(new ServerExit(name, code, signal, output)));
        });
        return proc;
      },
    };
    return cluster;
  } catch (err) {
    await teardown();
    throw err;
  }
}

export class ServerExit extends Error {
  constructor(readonly server: string, readonly code: number | null, readonly signal: string | null, readonly output: string) {
    super(`server ${server} exited (${code ?? signal}) before it listened:\n${output.slice(-3000)}`);
  }
}

/** Kills a server process with SIGKILL and waits until it is gone. */
export async function killHard(p: ServerProcess): Promise<void> {
  p.child.kill('SIGKILL');
  await p.exited;
}

/** Reads every log file of the run (for the personal-data scan). */
export function readLogs(c: Cluster): { file: string; text: string }[] {
  return c.logFiles().filter((f) => existsSync(f)).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}

export const repoPath = (...p: string[]) => resolve(REPO, ...p);
