import { sql, type Queryable } from '../../db/client.ts';

/** Checklist versions per sector (migration 0033): the current checklist is a sector's highest version. */

export interface ChecklistVersionRow {
  id: number; sector: string; version: number; items: { key: string; label: string }[]; createdBy: string | null; createdAt: Date;
}
const COLUMNS = sql`v.id, v.sector, v.version, v.items, u.display_name as "createdBy", v.created_at as "createdAt"`;

/** Every version, newest first within each sector. */
export const allVersions = (q: Queryable) =>
  q.query<ChecklistVersionRow>(sql`select ${COLUMNS} from checklist_versions v left join users u on u.id = v.created_by order by v.sector, v.version desc`);

/** A sector's current checklist (null only for a sector the migration did not seed). */
export async function currentVersion(q: Queryable, sector: string): Promise<ChecklistVersionRow | null> {
  const [v] = await q.query<ChecklistVersionRow>(
    sql`select ${COLUMNS} from checklist_versions v left join users u on u.id = v.created_by where v.sector = ${sector} order by v.version desc limit 1`,
  );
  return v ?? null;
}

/** The next version of a sector; two admins saving at once: one gets the unique (sector, version) conflict, 409. */
export async function insertVersion(q: Queryable, sector: string, items: { key: string; label: string }[], userId: number): Promise<{ id: number; version: number }> {
  const [row] = await q.query<{ id: number; version: number }>(
    sql`insert into checklist_versions (sector, version, items, created_by)
        select ${sector}, coalesce(max(version), 0) + 1, ${JSON.stringify(items)}::jsonb, ${userId} from checklist_versions where sector = ${sector}
        returning id, version`,
  );
  return row;
}
