import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { Sql } from 'sql-template-tag';

export { default as sql, join, raw, empty, Sql } from 'sql-template-tag';

/**
 * A statement: a composed `sql\`...\`` fragment (values bound as $n, fragments nest) — required
 * wherever SQL is assembled from parts or filters — or, for a fixed statement written in one piece,
 * text with positional parameters. Never assemble text with numbered placeholders by hand.
 */
export type Statement = Sql | string;

/** Text and values for the driver, whichever form the statement came in. */
export function toQuery(stmt: Statement, params?: unknown[]): { text: string; values: unknown[] } {
  return stmt instanceof Sql ? { text: stmt.text, values: stmt.values as unknown[] } : { text: stmt, values: params ?? [] };
}

/** Anything that runs a parameterised query: the database itself or an open transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: Statement, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** A PostgreSQL pool's connections (total, idle, clients waiting for one) and statements run; for /metrics. */
  poolStats?(): PoolStats;
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  /** Statements and transactions this pool has run since it opened. */
  queries: number;
}

export interface PoolOptions {
  /** Shown in pg_stat_activity (the read pool is 'shouhu-read', so a replica can tell who reads). */
  applicationName?: string;
  /** Every transaction read-only: a write sent to the read pool fails even when it points at the primary. */
  readOnly?: boolean;
}

// The same JS shapes on both backends: int8 and numeric as numbers (ids and yuan amounts stay far
// below 2^53), dates as 'YYYY-MM-DD' strings (pg would otherwise build a local-time Date).
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const toNumber = (v: string) => (v === null ? null : Number(v));
const asIs = (v: string) => v;

pg.types.setTypeParser(INT8, toNumber);
pg.types.setTypeParser(NUMERIC, toNumber);
pg.types.setTypeParser(DATE, asIs);
// int8[] (oid 1016) as number[]: pg's text[] parser (oid 1009) splits the array literal.
const parseTextArray = pg.types.getTypeParser(1009 as never) as (v: string) => string[];
pg.types.setTypeParser(1016 as never, (v: string) => parseTextArray(v).map(Number));

/**
 * The embedded server's shared buffers. PostgreSQL's default (128 MB) is allocated inside PGlite's
 * WebAssembly memory, which never shrinks: with it the process held ~500 MB before any work. The data
 * directory's files are read through the operating system's page cache anyway, so a small buffer pool
 * costs little (measured in docs/benchmarks.md, bench/import).
 */
const PGLITE_SHARED_BUFFERS = '16MB';

export async function openPglite(dataDir: string | undefined): Promise<Db> {
  const lite = await PGlite.create(dataDir ?? 'memory://', {
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
    parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: asIs },
  });
  const run = async <T>(q: { query: PGlite['query'] }, stmt: Statement, params?: unknown[]) => {
    const { text, values } = toQuery(stmt, params);
    return (await q.query<T>(text, values)).rows;
  };
  return {
    kind: 'pglite',
    query: (sql, params) => run(lite, sql, params),
    exec: async (sql) => void (await lite.exec(sql)),
    // PGlite has one connection and serialises transactions itself.
    tx: (fn) =>
      lite.transaction((t) =>
        fn({ query: (sql, params) => run(t, sql, params), exec: async (sql) => void (await t.exec(sql)) }),
      ),
    close: () => lite.close(),
  };
}

export function openPostgres(url: string, max = 10, opts: PoolOptions = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    ...(opts.applicationName ? { application_name: opts.applicationName } : { fallback_application_name: 'shouhu' }),
    ...(opts.readOnly ? { options: '-c default_transaction_read_only=on' } : {}),
  });
  let queries = 0;
  // An idle connection can fail (server restart, admin termination). Without a listener pg re-emits
  // that as an uncaught error and the process dies; the pool replaces the client on next use instead.
  pool.on('error', (err) => console.error(`数据库空闲连接出错（将自动重连）：${err.message}`));
  return {
    kind: 'postgres',
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, queries }),
    query: async (stmt, params) => {
      queries++;
      const { text, values } = toQuery(stmt, params);
      return (await pool.query(text, values)).rows;
    },
    exec: async (sql) => {
      queries++;
      await pool.query(sql);
    },
    tx: async (fn) => {
      queries++;
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async (stmt, params) => {
            const { text, values } = toQuery(stmt, params);
            return (await client.query(text, values)).rows;
          },
          exec: async (sql) => void (await client.query(sql)),
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
