import { describe, expect, it } from 'vitest';
import { openPglite, type Db } from './client.ts';
import { migrate, migrationNames } from './migrate.ts';

/**
 * Migration numbers are not always applied in order: 0029 (the registry) was written after 0031 and
 * 0032 were on main, so a database migrated before it applies 0029 last, and a fresh one in name
 * order. Both must end with the same schema. (Embedded databases: the schema is the same on both backends.)
 */
describe('migrations applied out of number order', () => {
  /** Columns, constraints, indexes, triggers and function bodies of the public schema. */
  const schema = async (db: Db) => [
    ...(await db.query<{ s: string }>(
      `select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') as s
       from information_schema.columns where table_schema = 'public' order by 1`,
    )),
    ...(await db.query<{ s: string }>(`select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) as s from pg_constraint where connamespace = 'public'::regnamespace order by 1`)),
    ...(await db.query<{ s: string }>(`select indexdef as s from pg_indexes where schemaname = 'public' order by 1`)),
    ...(await db.query<{ s: string }>(`select pg_get_triggerdef(oid) as s from pg_trigger where not tgisinternal order by 1`)),
    ...(await db.query<{ s: string }>(`select proname || ' ' || prosrc as s from pg_proc where pronamespace = 'public'::regnamespace order by 1`)),
  ].map((r) => r.s);

  it('0029 after 0031 and 0032 gives the schema a fresh database gets', async () => {
    const late = ['0029_registry.sql'];
    const fresh = await openPglite(undefined);
    const existing = await openPglite(undefined);
    try {
      await migrate(fresh);
      // The database as it stood before 0029 landed: everything up to 0032 but 0029; then the rest in order.
      const before = migrationNames().filter((m) => !late.includes(m) && m < '0033');
      await migrate(existing, { only: before });
      expect(await migrate(existing)).toEqual(migrationNames().filter((m) => !before.includes(m)));
      expect(await schema(existing)).toEqual(await schema(fresh));
    } finally {
      await fresh.close();
      await existing.close();
    }
  }, 120_000);
});
