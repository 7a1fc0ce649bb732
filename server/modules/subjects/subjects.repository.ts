import { sql, type Queryable } from '../../db/client.ts';

export interface NewSubject {
  regionCode: string; kind: string; name: string; normalizedName: string; uscc: string | null; address: string | null; createdBy: number;
}

/**
 * Inserts a subject; null when its credit code is already registered. `on conflict do nothing` rather
 * than check-then-insert: two registrations of one code at once wait on the unique index, and the
 * second finds the first instead of failing with a unique violation.
 */
export async function insertSubject(q: Queryable, s: NewSubject): Promise<number | null> {
  const [row] = await q.query<{ id: number }>(
    sql`insert into subjects (region_code, kind, name, normalized_name, uscc, address, created_by)
        values (${s.regionCode}, ${s.kind}, ${s.name}, ${s.normalizedName}, ${s.uscc}, ${s.address}, ${s.createdBy})
        on conflict (uscc) do nothing returning id`,
  );
  return row?.id ?? null;
}
