import { existsSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { raw, sql, type Db, type Queryable } from '../../db/client.ts';
import { AppError } from '../../errors.ts';

/**
 * What anonymous uploads may take of the disk. Files wait unattached until the portal submits the
 * report that names them; until then they count against a total and a per-client quota, and no
 * upload is taken while free space under DATA_DIR is below the reserve — the reserve is what keeps
 * the embedded database (on the same disk) writable when the disk fills.
 */
export interface UploadLimits {
  /** All unattached uploads together. */
  pendingBytes: number;
  /** Unattached uploads of one client (a keyed hash of its address or user, kept with the upload only until it is attached). */
  pendingPerClientBytes: number;
  /** Free space under DATA_DIR below which uploads are refused and health says "degraded". */
  reserveBytes: number;
  /** The free-space probe; tests put in their own. Default: statfs of the directory. */
  freeBytes?: (dir: string) => Promise<number>;
}

const MB = 1024 * 1024;
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { pendingBytes: 2048 * MB, pendingPerClientBytes: 200 * MB, reserveBytes: 1024 * MB };

/** Free bytes on the disk of `dir`; a data directory not created yet (before the first upload) is on its parent's disk. */
export const diskFreeBytes = async (dir: string): Promise<number> => {
  let at = resolve(dir);
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  const s = await statfs(at);
  return s.bavail * s.bsize;
};

export type Health = { status: 'ok' | 'degraded' | 'critical'; db: Db['kind']; disk: { freeBytes: number; reserveBytes: number } };

/**
 * ok; degraded when free space is below the reserve (uploads refused, reports still taken);
 * critical (503) below a quarter of it, or when the database does not answer.
 */
export async function health(db: Db, dataDir: string, limits: UploadLimits): Promise<Health> {
  const freeBytes = await (limits.freeBytes ?? diskFreeBytes)(dataDir);
  const dbUp = await db.query('select 1').then(() => true, () => false);
  const status = !dbUp || freeBytes < limits.reserveBytes / 4 ? 'critical' : freeBytes < limits.reserveBytes ? 'degraded' : 'ok';
  return { status, db: db.kind, disk: { freeBytes, reserveBytes: limits.reserveBytes } };
}

/**
 * SQL text: the upload (table alias `u`) is attached to nothing yet — it counts against the quota and
 * is removed when stale. An upload belongs to at most one record (constraint uploads_one_owner).
 */
export const unattached = (u = 'uploads') => `${u}.tip_id is null and ${u}.activity_id is null and ${u}.hazard_id is null and ${u}.finding_id is null`;

/**
 * Bytes of unattached uploads in all, and of one client's (uploads.pending_client, migration 0036:
 * in the database, so the quota holds whichever process took each upload).
 */
async function pendingBytes(q: Queryable, client: string | null): Promise<{ total: number; client: number }> {
  const [r] = await q.query<{ total: number; client: number }>(
    sql`select coalesce(sum(size_bytes), 0)::int8 as total, coalesce(sum(size_bytes) filter (where pending_client = ${client}::text), 0)::int8 as client
        from uploads where ${raw(unattached())}`,
  );
  return r;
}

/** Refuses an upload of `size` bytes (0: before reading it) that the disk or a quota cannot take. */
export async function checkCapacity(q: Queryable, dataDir: string, limits: UploadLimits, client: string | null, size = 0): Promise<void> {
  if ((await (limits.freeBytes ?? diskFreeBytes)(dataDir)) - size < limits.reserveBytes) throw new AppError('DISK_LOW');
  const pending = await pendingBytes(q, client);
  if (pending.client + Math.max(size, 1) > limits.pendingPerClientBytes) throw new AppError('UPLOADS_CLIENT_FULL');
  if (pending.total + Math.max(size, 1) > limits.pendingBytes) throw new AppError('UPLOADS_FULL');
}
