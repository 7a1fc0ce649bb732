import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { loadRegions } from '../server/modules/regions/regions.loader.ts';
import { PASSWORD } from './password.ts';
import { ensureAdmin, ensureDefaultRules, seedStructure } from '../server/db/seed/seed.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PGlite data directory holding the demo structure (and world.json beside it): every journey copies it. */
    e2eTemplate: string;
  }
}

/**
 * Migrates and seeds one embedded database for the whole run (about 10 s); each journey file starts
 * from a copy of it instead of doing the same work again (20 files: over 3 minutes of CI).
 */
export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'shouhu-e2e-tpl-'));
  await seedTemplate(root);
  project.provide('e2eTemplate', root);
  return () => rmSync(root, { recursive: true, force: true });
}

/** `root`/pglite: the demo province's offices, units and staff; `root`/world.json: their ids. */
export async function seedTemplate(root: string): Promise<void> {
  mkdirSync(root, { recursive: true });
  const db = await openPglite(join(root, 'pglite'));
  await migrate(db);
  await loadRegions(db);
  await ensureAdmin(db, PASSWORD);
  await ensureDefaultRules(db);
  const world = await seedStructure(db, PASSWORD);
  await db.close();
  writeFileSync(join(root, 'world.json'), JSON.stringify({ ...world, units: [...world.units], users: [...world.users] }));
}
