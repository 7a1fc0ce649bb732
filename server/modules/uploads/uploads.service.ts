import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { raw, sql, type Db, type Queryable, type Sql } from '../../db/client.ts';
import { decryptBuffer, encryptBuffer, type Keys } from '../../crypto.ts';
import { AppError } from '../../errors.ts';
import { sniffMime } from './sniff.ts';
import { UNATTACHED_UPLOAD_HOURS } from '../../../shared/domain.ts';
import { checkCapacity, unattached, type UploadLimits } from './capacity.ts';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Files one record (a tip, a hazard) may hold. */
export const MAX_ATTACHMENTS = 10;

/** The record an upload is attached to. */
export type UploadOwner = { tipId: number } | { hazardId: number } | { findingId: number };
const ownerColumn = (o: UploadOwner) =>
  'tipId' in o ? { column: raw('tip_id'), id: o.tipId } : 'hazardId' in o ? { column: raw('hazard_id'), id: o.hazardId } : { column: raw('finding_id'), id: o.findingId };
const ownedBy = (o: UploadOwner): Sql => {
  const { column, id } = ownerColumn(o);
  return sql`${column} = ${id}`;
};

/** Attaches unattached uploads to a record; returns how many were attached (fewer: some were missing or taken). */
export async function attachUploads(q: Queryable, owner: UploadOwner, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const { column, id } = ownerColumn(owner);
  const rows = await q.query(sql`update uploads set ${column} = ${id} where id = any(${ids}::uuid[]) and ${raw(unattached())} returning id`);
  return rows.length;
}

export const countAttachments = async (q: Queryable, owner: UploadOwner) =>
  (await q.query<{ n: number }>(sql`select count(*)::int as n from uploads where ${ownedBy(owner)}`))[0].n;

const dirOf = (dataDir: string) => join(dataDir, 'uploads');

/**
 * Stores one evidence file encrypted under a server-generated name. The file is written before its
 * row commits, so a crash leaves at most an unreferenced file, which removeOrphanFiles takes away at
 * the next start — never a row without its file. With a quota, the row is inserted only while the
 * unattached total and the client's share stay within it (checkCapacity, under a lock with the insert;
 * the route has refused an upload over quota before reading it).
 */
export async function storeUpload(
  db: Db,
  keys: Keys,
  dataDir: string,
  data: Buffer,
  quota?: { limits: UploadLimits; client: string | null },
): Promise<{ id: string; mime: string; size: number }> {
  const mime = sniffMime(data);
  if (!mime) throw new AppError('UPLOAD_TYPE_NOT_ALLOWED');
  const dir = dirOf(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const id = randomUUID();
  const storageName = randomBytes(16).toString('hex');
  await writeFile(join(dir, storageName), encryptBuffer(keys.encryption, data), { mode: 0o600 });
  try {
    const insert = (q: Queryable) =>
      q.query(sql`insert into uploads (id, mime, size_bytes, storage_name, pending_client)
                  values (${id}::uuid, ${mime}::text, ${data.length}::int, ${storageName}::text, ${quota?.client ?? null}::text)`);
    if (!quota) await insert(db);
    else {
      // Under a lock taken in turn: under READ COMMITTED concurrent inserts do not see each other's
      // rows, so parallel uploads could otherwise all pass one check.
      await db.tx(async (q) => {
        await q.query(sql`select pg_advisory_xact_lock(hashtext('shouhu.uploads.quota'))`);
        await checkCapacity(q, dataDir, quota.limits, quota.client, data.length);
        await insert(q);
      });
    }
  } catch (err) {
    await rm(join(dir, storageName), { force: true });
    throw err;
  }
  return { id, mime, size: data.length };
}

/** The decrypted bytes of an attachment of a record (the caller has checked the record is visible). */
export async function readAttachment(db: Db, keys: Keys, dataDir: string, owner: UploadOwner, uploadId: string) {
  const [u] = await db.query<{ mime: string; storage_name: string }>(sql`select mime, storage_name from uploads where id = ${uploadId}::uuid and ${ownedBy(owner)}`);
  if (!u) throw new AppError('NOT_FOUND');
  return { mime: u.mime, data: await readStored(keys, dataDir, u.storage_name) };
}

/** The decrypted bytes of a stored upload (the caller has found its row where the user may see it). */
export const readStored = async (keys: Keys, dataDir: string, storageName: string) =>
  decryptBuffer(keys.encryption, await readFile(join(dirOf(dataDir), storageName)));

/**
 * Removes uploads not attached to a record within UNATTACHED_UPLOAD_HOURS. A saved draft in the portal
 * keeps its files' ids across visits; it drops them an hour before this, telling the reporter to add
 * them again, so a returning reporter is never refused for a file that is gone.
 */
export async function removeStaleUploads(db: Db, dataDir: string, olderThanHours = UNATTACHED_UPLOAD_HOURS): Promise<number> {
  const rows = await db.query<{ storage_name: string }>(
    `delete from uploads where ${unattached()} and created_at < now() - make_interval(hours => $1) returning storage_name`,
    [olderThanHours],
  );
  for (const r of rows) await rm(join(dirOf(dataDir), r.storage_name), { force: true });
  return rows.length;
}

/**
 * How old a file with no row must be before it counts as left by a crash. A file is written before its
 * row commits (storeUpload): on a DATA_DIR shared by several processes, a file another process wrote a
 * moment ago has no row yet. Its row commits within seconds (the quota lock is the longest wait).
 */
export const ORPHAN_GRACE_MS = 3600_000;

/**
 * Removes files in the uploads folder that no row names: what a crash between writing a file and
 * committing its row leaves behind. At start on PGlite no other process can be writing there (the
 * data directory lock), so every such file goes (graceMs 0); on PostgreSQL other processes share the
 * folder, so only files older than `graceMs` go — never one whose row is about to commit.
 */
export async function removeOrphanFiles(db: Db, dataDir: string, graceMs = 0, now = Date.now()): Promise<number> {
  const dir = dirOf(dataDir);
  if (!existsSync(dir)) return 0;
  const names = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name);
  let removed = 0;
  for (let i = 0; i < names.length; i += 1000) {
    const chunk = names.slice(i, i + 1000).filter((n) => graceMs <= 0 || modifiedAt(join(dir, n)) < now - graceMs);
    if (!chunk.length) continue;
    const known = new Set((await db.query<{ s: string }>('select storage_name as s from uploads where storage_name = any($1::text[])', [chunk])).map((r) => r.s));
    for (const name of chunk.filter((n) => !known.has(n))) {
      await rm(join(dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}

/** A file's modification time (ms); one removed meanwhile (by another process's sweep) counts as new, so it is left alone. */
function modifiedAt(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Infinity;
  }
}
