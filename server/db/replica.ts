import { openPostgres, type Db, type Statement } from './client.ts';

/** The read pool's name in pg_stat_activity, on the replica (and on the primary, when both are one server). */
export const READ_APPLICATION_NAME = 'shouhu-read';

/** The second pool, on DATABASE_READ_URL: read-only transactions, so a stray write fails instead of diverging. */
export function openReadPool(url: string, max: number): Db {
  return openPostgres(url, max, { applicationName: READ_APPLICATION_NAME, readOnly: true });
}

/**
 * A Db for reads that may come from the replica: statements go to the read pool, transactions to the
 * primary (a service that writes does so in a transaction), and `primary` names the primary for the
 * single writes such services make outside one (the audit row of an export: modules/audit).
 */
export interface ReplicaReads extends Db {
  readonly primary: Db;
}

/**
 * The replica could not be asked (refused, reset, shutting down, still starting): no SQLSTATE, or
 * class 08 (connection) or 57P (operator intervention). A statement it refused is not retried.
 */
export function unreachable(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code) || code.startsWith('08') || code.startsWith('57P');
}

export function replicaReads(primary: Db, replica: Db): ReplicaReads {
  return {
    kind: replica.kind,
    primary,
    // A replica that is down costs its readers nothing but the primary's time.
    async query<T>(stmt: Statement, params?: unknown[]) {
      try {
        return await replica.query<T>(stmt, params);
      } catch (err) {
        if (!unreachable(err)) throw err;
        return primary.query<T>(stmt, params);
      }
    },
    exec: (sql) => primary.exec(sql),
    tx: (fn) => primary.tx(fn),
    close: async () => undefined,
  };
}

/** Where a write must go when q may be a replica reader: its primary, else q itself. */
export const writerOf = <Q extends object>(q: Q): Q | Db => ('primary' in q ? (q as unknown as ReplicaReads).primary : q);

/** The primary's current WAL position: what a replica must have replayed to show everything written so far. */
export async function primaryLsn(primary: Db): Promise<string> {
  const [{ lsn }] = await primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
  return lsn;
}

/**
 * Has the replica replayed the WAL up to lsn? A server not in recovery is the primary itself (or a
 * promoted replica): its own current position counts.
 */
export async function replicaHasReplayed(replica: Db, lsn: string): Promise<boolean> {
  const [row] = await replica.query<{ ok: boolean | null }>(
    'select coalesce(pg_last_wal_replay_lsn(), pg_current_wal_lsn()) >= $1::pg_lsn as ok',
    [lsn],
  );
  return row?.ok === true;
}

export interface ReplicaLag {
  /** streaming: a replica in recovery; primary: the read URL reaches a server not in recovery; unreachable: no answer. */
  state: 'streaming' | 'primary' | 'unreachable';
  lagBytes: number | null;
  lagSeconds: number | null;
}

/**
 * How far the replica is behind: WAL bytes between the primary's position and the replica's replay
 * position, and the age of the last replayed transaction. That age grows while the primary is idle
 * (nothing to replay), so when the replica has replayed everything the lag is 0 in both measures.
 */
export async function replicaLag(primary: Db, replica: Db): Promise<ReplicaLag> {
  try {
    const [r] = await replica.query<{ recovering: boolean; replay: string | null; age: number | null }>(
      `select pg_is_in_recovery() as recovering, pg_last_wal_replay_lsn()::text as replay,
              extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 as age`,
    );
    if (!r.recovering) return { state: 'primary', lagBytes: 0, lagSeconds: 0 };
    if (!r.replay) return { state: 'streaming', lagBytes: null, lagSeconds: null };
    const [{ bytes }] = await primary.query<{ bytes: number }>('select greatest(pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn), 0)::float8 as bytes', [r.replay]);
    return { state: 'streaming', lagBytes: bytes, lagSeconds: bytes === 0 ? 0 : Math.max(0, r.age ?? 0) };
  } catch {
    return { state: 'unreachable', lagBytes: null, lagSeconds: null };
  }
}
