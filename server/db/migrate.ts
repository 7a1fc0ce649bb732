import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Db } from './client.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** The migration files this code knows, in the order they apply. */
export const migrationNames = () => readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort();

/**
 * Applies every migration file not yet applied, in name order, each in its own transaction.
 * `only` applies just those (a restore brings the schema to exactly the backup's migrations first:
 * numbers are not always applied in order — 0029 came after 0031 and 0032 — so "up to the backup's
 * last" could add a migration the backup's rows were never written under).
 */
export async function migrate(db: Db, opts: { only?: readonly string[] } = {}): Promise<string[]> {
  // Under the same lock as each migration: two servers starting together on a fresh database both
  // ran this `create table if not exists`, and the loser failed on pg_type's unique index (seen in CI).
  await db.tx(async (q) => {
    if (db.kind === 'postgres') await q.query('select pg_advisory_xact_lock(7700001)');
    await q.exec(`create table if not exists schema_migrations (
      name text primary key, applied_at timestamptz not null default now())`);
  });
  const files = migrationNames().filter((f) => !opts.only || opts.only.includes(f));
  const applied: string[] = [];
  for (const name of files) {
    await db.tx(async (q) => {
      // Several servers may start at once against one PostgreSQL: one migrates, the others wait.
      if (db.kind === 'postgres') await q.query('select pg_advisory_xact_lock(7700001)');
      const done = await q.query('select 1 from schema_migrations where name = $1', [name]);
      if (done.length) return;
      await q.exec(readFileSync(join(MIGRATIONS_DIR, name), 'utf8'));
      await q.query('insert into schema_migrations (name) values ($1)', [name]);
      applied.push(name);
    });
  }
  return applied;
}

/**
 * Runs `fn` while no other process on the same PostgreSQL runs its own (a transaction-level advisory
 * lock held around it; `fn` itself works on the pool): for the start-up steps after migrating, which
 * several servers starting at once must not each do. PGlite has one process.
 */
export async function startingAlone<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  if (db.kind !== 'postgres') return fn();
  return db.tx(async (q) => {
    await q.query('select pg_advisory_xact_lock(7700002)');
    return fn();
  });
}
