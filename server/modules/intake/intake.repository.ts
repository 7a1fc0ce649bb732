import { empty, sql, type Queryable } from '../../db/client.ts';
import type { TipSource, TipStatus } from '../../../shared/domain.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { handoverVisibleSql, tipVisibleSql } from '../access/jurisdiction.ts';
import { regionPathSql } from '../regions/regions.repository.ts';

/** Intake's own SQL: hand-overs a unit follows, and the batches an office imported (tip_imports, 0026). */

type Viewer = Pick<SessionUser, 'roles' | 'unitId' | 'unitKind' | 'unitRegionCode'>;

/** The unit's hand-overs, newest first, keyset-paged by id (tips_handed_over_idx); never one that accuses the unit. */
export const handoverRows = (q: Queryable, user: Viewer, f: { cursor?: string; limit: number }) =>
  q.query<{
    id: number; tracking_code: string; source: TipSource; source_ref: string | null; status: TipStatus; office_name: string; region_name: string;
    received_at: Date; closed_at: Date | null; summary: string;
  }>(
    sql`select t.id, t.tracking_code, t.source, t.source_ref, t.status, o.name as office_name, ${regionPathSql('t.region_code')} as region_name,
          t.received_at, t.closed_at, left(t.description, 80) as summary
        from tips t join units o on o.id = t.office_unit_id
        where ${handoverVisibleSql(user)} ${f.cursor ? sql`and t.id < ${Number(f.cursor)}` : empty}
        order by t.id desc limit ${f.limit + 1}`,
  );

// ── Batches ─────────────────────────────────────────────────────────────────────────────────

export interface ImportError {
  row: number;
  reason: string;
  cells: string[];
}

export async function insertImport(
  q: Queryable, user: Pick<SessionUser, 'id'>, officeUnitId: number, r: { sha256: string; fileName: string | null; rowsTotal: number; errors: ImportError[] },
): Promise<number> {
  const [{ id }] = await q.query<{ id: number }>(
    sql`insert into tip_imports (office_unit_id, created_by, source, file_sha256, file_name, rows_total, created, duplicates, refused, errors)
        values (${officeUnitId}, ${user.id}, 'platform_12337', ${r.sha256}, ${r.fileName}, ${r.rowsTotal}, 0, 0, ${r.errors.length}, ${JSON.stringify(r.errors)}::jsonb)
        returning id`,
  );
  return id;
}

export const setImportCounts = (q: Queryable, id: number, created: number, duplicates: number) =>
  q.query(sql`update tip_imports set created = ${created}, duplicates = ${duplicates} where id = ${id}`);

/** Of these 12337 reference numbers, those already registered (by any batch or by hand): a batch never makes them twice. */
export const knownRefs = async (q: Queryable, refs: string[]) =>
  new Set((await q.query<{ source_ref: string }>(
    sql`select distinct source_ref from tips where source_ref = any(${refs}::text[]) and source = 'platform_12337'`,
  )).map((r) => r.source_ref));

/** The office's batches, newest first, with how many of their tips are closed. */
export const importRows = (q: Queryable, user: Pick<SessionUser, 'unitId'>) =>
  q.query<{ id: number; file_name: string | null; rows_total: number; created: number; duplicates: number; refused: number; created_at: Date; created_by: string; closed: number }>(
    sql`select i.id, i.file_name, i.rows_total, i.created, i.duplicates, i.refused, i.created_at, u.display_name as created_by,
          (select count(*) from tips t where t.import_id = i.id and t.status = 'closed')::int as closed
        from tip_imports i join users u on u.id = i.created_by
        where i.office_unit_id = ${user.unitId} order by i.id desc limit 100`,
  );

/** A batch's refused rows, for the office that imported it only (the sheet holds what the upper level sent it). */
export async function importErrors(q: Queryable, user: Pick<SessionUser, 'unitId'>, id: number): Promise<ImportError[] | null> {
  const [r] = await q.query<{ errors: ImportError[] }>(sql`select errors from tip_imports where id = ${id} and office_unit_id = ${user.unitId}`);
  return r?.errors ?? null;
}

export const importExists = async (q: Queryable, user: Pick<SessionUser, 'unitId'>, id: number) =>
  (await q.query(sql`select 1 from tip_imports where id = ${id} and office_unit_id = ${user.unitId}`)).length > 0;

/**
 * The results of a batch's tips the user may see, in 编号 order: the lead unit's last report (verdict
 * and measures), the public answer and when the tip was closed or rejected.
 */
export const importResults = (q: Queryable, user: Viewer, importId: number, limit: number) =>
  q.query<{ source_ref: string; status: TipStatus; verdict: string | null; measures: string[] | null; public_answer: string | null; closed_at: Date | null }>(
    sql`select t.source_ref, t.status, r.verdict, r.measures, t.public_answer, coalesce(t.closed_at, t.public_answer_at) as closed_at
        from tips t
        left join lateral (select a.verdict, a.measures from tip_assignments a
                           where a.tip_id = t.id and a.role = 'lead' and a.reported_at is not null
                           order by a.reported_at desc, a.id desc limit 1) r on true
        where t.import_id = ${importId} and ${tipVisibleSql(user)} order by t.source_ref limit ${limit}`,
  );
