import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { loadRegions } from '../modules/regions/regions.loader.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    backend: 'pglite' | 'postgres';
    /** PGlite: a migrated data directory to copy; PostgreSQL: a template database name. */
    template: string;
    tmpRoot: string;
  }
}

/** Builds one migrated database with the regions loaded; every test file starts from a copy of it. */
export default async function setup(project: TestProject) {
  const tmpRoot = mkdtempSync(join(tmpdir(), 'shouhu-test-'));
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = join(tmpRoot, 'template');
    const db = await openPglite(dir);
    await migrate(db);
    await loadRegions(db);
    await db.close();
    project.provide('backend', 'pglite');
    project.provide('template', dir);
    project.provide('tmpRoot', tmpRoot);
    return () => rmSync(tmpRoot, { recursive: true, force: true });
  }
  // Each run gets its own databases, so runs on one server never meet.
  const name = `shouhu_tpl_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const db = openPostgres(withDatabase(url, name), 2);
  await migrate(db);
  await loadRegions(db);
  await db.close();
  project.provide('backend', 'postgres');
  project.provide('template', name);
  project.provide('tmpRoot', tmpRoot);
  return async () => {
    // Only this run's leftovers: other runs (parallel checkouts) share the server.
    const leftovers = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`${testDbPrefix(name)}%`]);
    for (const d of leftovers.rows) await admin.query(`drop database if exists ${d.datname} with (force)`).catch(() => undefined);
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    rmSync(tmpRoot, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = '/' + database;
  return u.toString();
}

/** Test databases of one run are named after its template, so a run cleans up only its own. */
export function testDbPrefix(template: string): string {
  return template.replace('shouhu_tpl_', 'shouhu_t_') + '_';
}
