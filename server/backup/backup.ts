import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { keyFingerprint, type Keys } from '../crypto.ts';
import type { Db, Queryable } from '../db/client.ts';
import { migrate, migrationNames } from '../db/migrate.ts';

/**
 * Backup and restore of the whole platform, the same on PGlite and PostgreSQL (security.md §18).
 *
 * The file is gzip'd lines: control lines start with '#' and hold JSON; every other line is one row
 * exactly as PostgreSQL's row_to_json wrote it, so values go back byte for byte (numeric, tsvector,
 * timestamps) without passing through JavaScript numbers. Tables come parents first, read in one
 * repeatable-read snapshot; evidence files follow as base64 of their encrypted bytes. The secret is
 * never in the file: identities, keys and files stay encrypted, and a restore needs the same secret.
 */

export const BACKUP_FORMAT = 'shouhu-backup';
const VERSION = 1;
const CHUNK = 2000;

/** Not backed up: the migration ledger (rebuilt by migrate), live sessions, login and rate-limit counters. */
// The statistics rollups (0022) are derived: never dumped, rebuilt from the restored records (stats_rebuild()).
// So are the per-region grade counters (0034), kept by the triggers on subject_grades as its rows come back.
const SKIP = new Set(['schema_migrations', 'sessions', 'login_throttle', 'rate_counters', 'stats_rollup', 'stats_delta', 'subject_grade_counts']);
/**
 * Rows a trigger makes when their parent comes back (a subject's stored-grade row, 0034, made with
 * the subject): the row in the file replaces the one the trigger made.
 */
const MADE_BY_TRIGGER = new Set(['subject_grades']);
/**
 * Reference data loaded from npm packages, and rows a migration writes (version 1 of every sector's
 * checklist, 0033 — the same ids in every database): merged on restore, not required to be empty.
 */
const REFERENCE = new Set(['regions', 'checklist_versions']);

export interface BackupSummary {
  tables: Record<string, number>;
  files: number;
  missingFiles: string[];
}

export class BackupError extends Error {}

interface TableInfo {
  name: string;
  /** In table order, as json_populate_recordset fills them. */
  columns: string[];
  /** Columns that reference this same table (e.g. tips.merged_into_id): written in a second pass. */
  selfRefs: string[];
  identity: string | null;
  pk: string[];
}

// The same fingerprint the database keeps (server/secret.ts): a backup restores only under its secret.
const keyCheck = keyFingerprint;
const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new BackupError(`不支持的表名或列名：${name}`);
  return `"${name}"`;
};

/** Every table of the schema, parents before children (foreign keys), self-references noted. */
async function tablesInOrder(q: Queryable): Promise<TableInfo[]> {
  const tables = (await q.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind = 'r' order by 1`,
  )).map((r) => r.name).filter((t) => !SKIP.has(t));
  const fks = await q.query<{ child: string; parent: string; cols: string[] }>(
    `select ch.relname as child, pa.relname as parent,
            array(select a.attname::text from pg_attribute a where a.attrelid = k.conrelid and a.attnum = any(k.conkey)) as cols
       from pg_constraint k join pg_class ch on ch.oid = k.conrelid join pg_class pa on pa.oid = k.confrelid
      where k.contype = 'f' and k.connamespace = current_schema()::regnamespace`,
  );
  const columns = await q.query<{ t: string; c: string; identity: boolean }>(
    `select table_name as t, column_name as c, is_identity = 'YES' as identity from information_schema.columns
      where table_schema = current_schema() order by table_name, ordinal_position`,
  );
  const pks = await q.query<{ t: string; cols: string[] }>(
    `select c.relname as t, array(select a.attname::text from unnest(i.indkey) with ordinality k(n, o)
              join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.n order by k.o) as cols
       from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
      where i.indisprimary and n.nspname = current_schema()`,
  );
  const info = new Map<string, TableInfo>(tables.map((name) => [name, {
    name,
    selfRefs: fks.filter((f) => f.child === name && f.parent === name).flatMap((f) => f.cols),
    columns: columns.filter((c) => c.t === name).map((c) => c.c),
    identity: columns.find((c) => c.t === name && c.identity)?.c ?? null,
    pk: pks.find((p) => p.t === name)?.cols ?? [],
  }]));
  // Kahn's algorithm; ties broken by name so that every backup lists tables in the same order.
  const parents = new Map(tables.map((t) => [t, new Set(fks.filter((f) => f.child === t && f.parent !== t && info.has(f.parent)).map((f) => f.parent))]));
  const ordered: TableInfo[] = [];
  while (parents.size) {
    const ready = [...parents].filter(([, ps]) => ps.size === 0).map(([t]) => t).sort();
    if (!ready.length) throw new BackupError(`外键成环，无法排序：${[...parents.keys()].join(', ')}`);
    for (const t of ready) {
      ordered.push(info.get(t)!);
      parents.delete(t);
      for (const ps of parents.values()) ps.delete(t);
    }
  }
  return ordered;
}

async function write(out: Writable, line: string) {
  if (!out.write(line + '\n')) await once(out, 'drain');
}

/** Writes a consistent backup of the database and the evidence files to `out` (gzip'd). */
export async function writeBackup(db: Db, keys: Keys, dataDir: string, out: Writable): Promise<BackupSummary> {
  const gz = createGzip();
  gz.pipe(out);
  const finished = once(out, 'finish');
  const summary: BackupSummary = { tables: {}, files: 0, missingFiles: [] };
  const storageNames: string[] = [];
  await db.tx(async (q) => {
    await q.exec('set transaction isolation level repeatable read, read only');
    const migrations = (await q.query<{ name: string }>('select name from schema_migrations order by name')).map((r) => r.name);
    await write(gz, '#' + JSON.stringify({ format: BACKUP_FORMAT, version: VERSION, createdAt: new Date().toISOString(), source: db.kind, migrations, keyCheck: keyCheck(keys) }));
    for (const t of await tablesInOrder(q)) {
      await write(gz, '#' + JSON.stringify({ table: t.name }));
      let count = 0;
      let after = '(0,0)';
      for (;;) {
        // Keyset over the physical row id: stable inside the snapshot, no sort on a generic key.
        const rows = await q.query<{ c: string; r: string }>(
          `select ctid::text as c, row_to_json(t)::text as r from ${ident(t.name)} t where ctid > $1::tid order by ctid limit ${CHUNK}`,
          [after],
        );
        for (const row of rows) await write(gz, row.r);
        count += rows.length;
        if (rows.length < CHUNK) break;
        after = rows[rows.length - 1].c;
      }
      summary.tables[t.name] = count;
    }
    storageNames.push(...(await q.query<{ s: string }>('select storage_name as s from uploads order by 1')).map((r) => r.s));
  });
  // Files are written by name only once; a file uploaded after the snapshot is simply not listed.
  for (const name of storageNames) {
    const path = join(dataDir, 'uploads', name);
    if (!existsSync(path)) {
      summary.missingFiles.push(name);
      continue;
    }
    await write(gz, '#' + JSON.stringify({ file: name }));
    await write(gz, (await readFile(path)).toString('base64'));
    summary.files++;
  }
  await write(gz, '#' + JSON.stringify({ done: true, tables: summary.tables, files: summary.files }));
  gz.end();
  await finished;
  return summary;
}

/** Counts the rows of every data table (reference tables excepted): a restore needs them all empty. */
async function nonEmptyTables(q: Queryable, tables: string[]) {
  const full: string[] = [];
  for (const t of tables) {
    if (REFERENCE.has(t)) continue;
    const [{ any }] = await q.query<{ any: boolean }>(`select exists (select 1 from ${ident(t)}) as any`);
    if (any) full.push(t);
  }
  return full;
}

/**
 * Restores a backup into an empty database: the schema is brought to the backup's migration level,
 * every row goes back in one transaction (all or nothing, counts checked against the file's trailer),
 * identity sequences continue after the restored ids, then newer migrations apply. Refuses — and
 * changes nothing — when the database holds data, the secret differs, or the file is damaged.
 */
export async function restoreBackup(db: Db, keys: Keys, dataDir: string, input: Readable): Promise<BackupSummary> {
  const gunzip = createGunzip();
  input.on('error', (err) => gunzip.destroy(err));
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const next = async () => {
    try {
      const r = await lines.next();
      return r.done ? null : r.value;
    } catch {
      throw new BackupError('备份文件已损坏或被截断（无法解压）。未做任何更改。');
    }
  };
  const control = (line: string | null): Record<string, any> | null => {
    if (line === null || !line.startsWith('#')) return null;
    try {
      return JSON.parse(line.slice(1));
    } catch {
      throw new BackupError('备份文件已损坏：控制行无法解析。');
    }
  };

  const header = control(await next());
  if (header?.format !== BACKUP_FORMAT) throw new BackupError('不是守护备份文件。');
  if (header.version !== VERSION) throw new BackupError(`不支持的备份格式版本：${header.version}`);
  if (header.keyCheck !== keyCheck(keys)) {
    throw new BackupError('备份与当前密钥不一致：请使用备份时的 SHOUHU_SECRET，或把原数据目录中的 secret.key 复制到 DATA_DIR。');
  }
  const known = migrationNames();
  const theirs: string[] = header.migrations;
  const unknown = theirs.filter((m) => !known.includes(m));
  if (unknown.length) throw new BackupError(`备份来自更新的版本（未知迁移：${unknown.join(', ')}），请先升级程序。`);
  await migrate(db, { only: theirs });
  const schemaTables = (await tablesInOrder(db)).map((t) => t.name);
  const full = await nonEmptyTables(db, schemaTables);
  if (full.length) throw new BackupError(`目标数据库已有数据（${full.join('、')}），恢复只能写入空数据库。请使用新的 DATA_DIR 或空的 PostgreSQL 数据库。`);

  const uploadsDir = join(dataDir, 'uploads');
  if (existsSync(uploadsDir) && readdirSync(uploadsDir).length) throw new BackupError(`${uploadsDir} 中已有附件文件，恢复只能写入空的数据目录。`);
  const written: string[] = [];
  const summary: BackupSummary = { tables: {}, files: 0, missingFiles: [] };
  try {
    await db.tx(async (q) => {
      const info = new Map((await tablesInOrder(q)).map((t) => [t.name, t]));
      let table: TableInfo | null = null;
      let batch: string[] = [];
      let trailer: Record<string, any> | null = null;

      const flush = async () => {
        if (!table || !batch.length) return;
        const t = table;
        const cols = t.columns;
        const rows = `[${batch.join(',')}]`;
        const select = cols.map((c) => (t.selfRefs.includes(c) ? `null as ${ident(c)}` : ident(c))).join(', ');
        const conflict = REFERENCE.has(t.name) ? 'on conflict do nothing'
          : MADE_BY_TRIGGER.has(t.name) ? `on conflict (${t.pk.map(ident).join(', ')}) do update set ${cols.filter((c) => !t.pk.includes(c)).map((c) => `${ident(c)} = excluded.${ident(c)}`).join(', ')}`
            : '';
        await q.query(
          `insert into ${ident(t.name)} (${cols.map(ident).join(', ')}) overriding system value
           select ${select} from json_populate_recordset(null::${ident(t.name)}, $1::json) ${conflict}`,
          [rows],
        );
        if (t.selfRefs.length && t.pk.length) {
          // Self-references point anywhere in the table, so they are set once all rows exist. Only the
          // key and the reference of rows that have one are kept until then (a few merged tips, not every row).
          const keep = [...t.pk, ...t.selfRefs].map((c) => `j.${ident(c)}`).join(', ');
          const pending = t.selfRefs.map((c) => `j.${ident(c)} is not null`).join(' or ');
          const refs = await q.query<{ r: string }>(
            `select row_to_json(x)::text as r from (select ${keep} from json_populate_recordset(null::${ident(t.name)}, $1::json) j where ${pending}) x`, [rows],
          );
          if (!selfRefs.has(t)) selfRefs.set(t, []);
          selfRefs.get(t)!.push(...refs.map((x) => x.r));
        }
        summary.tables[t.name] = (summary.tables[t.name] ?? 0) + batch.length;
        batch = [];
      };
      const selfRefs = new Map<TableInfo, string[]>();

      for (let line = await next(); line !== null; line = await next()) {
        if (!line.startsWith('#')) {
          if (!table) throw new BackupError('备份文件已损坏：数据行出现在表之前。');
          batch.push(line);
          if (batch.length >= CHUNK) await flush();
          continue;
        }
        await flush();
        const c = control(line)!;
        if (c.table) {
          table = info.get(c.table) ?? null;
          if (!table) throw new BackupError(`备份中的表 ${c.table} 在当前数据库中不存在。`);
          summary.tables[table.name] ??= 0;
        } else if (c.file) {
          table = null;
          if (!/^[0-9a-f]{32}$/.test(c.file)) throw new BackupError('备份文件已损坏：附件名不合法。');
          const data = await next();
          if (data === null || data.startsWith('#')) throw new BackupError('备份文件已损坏：附件内容缺失。');
          mkdirSync(uploadsDir, { recursive: true });
          const path = join(uploadsDir, c.file);
          await writeFile(path, Buffer.from(data, 'base64'), { mode: 0o600, flag: 'wx' });
          written.push(path);
          summary.files++;
        } else if (c.done) {
          trailer = c;
          break;
        }
      }
      if (!trailer) throw new BackupError('备份文件不完整（缺少结尾），可能在复制或下载时被截断。未做任何更改。');
      for (const [t, refs] of selfRefs) {
        const set = t.selfRefs.map((c) => `${ident(c)} = j.${ident(c)}`).join(', ');
        const match = t.pk.map((c) => `x.${ident(c)} = j.${ident(c)}`).join(' and ');
        // Putting back what the rows held is not a change: the table's own triggers (append-only guards
        // such as case_figures', derived columns) must not run. `user` spares the foreign-key checks,
        // and needs only ownership of the table, which the restoring role has (it ran the migrations).
        await q.query(`alter table ${ident(t.name)} disable trigger user`);
        await q.query(`update ${ident(t.name)} x set ${set} from json_populate_recordset(null::${ident(t.name)}, $1::json) j where ${match}`, [`[${refs.join(',')}]`]);
        await q.query(`alter table ${ident(t.name)} enable trigger user`);
      }
      for (const [t, n] of Object.entries(trailer.tables as Record<string, number>)) {
        if ((summary.tables[t] ?? 0) !== n) throw new BackupError(`备份文件已损坏：表 ${t} 应有 ${n} 行，读到 ${summary.tables[t] ?? 0} 行。未做任何更改。`);
      }
      if (trailer.files !== summary.files) throw new BackupError(`备份文件已损坏：应有 ${trailer.files} 个附件，读到 ${summary.files} 个。未做任何更改。`);
      // The statistics rollups are not in the file: rebuilt from the restored records, in this transaction.
      await q.query('select stats_rebuild()');
      // New rows continue after the restored ids.
      for (const t of info.values()) {
        if (!t.identity) continue;
        await q.query(
          `select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${ident(t.identity)}) from ${ident(t.name)}), 0) + 1, false)`,
          [t.name, t.identity],
        );
      }
    });
  } catch (err) {
    for (const path of written) await rm(path, { force: true });
    throw err;
  }
  await migrate(db);
  return summary;
}
