import { join, raw, sql, type Queryable } from '../../db/client.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { jurisdictionSql, subtreeSql } from '../access/jurisdiction.ts';
import type { SubjectKind } from '../../../shared/domain.ts';

/** A subject's facts as stored (null = not given), in the order the forms and the template list them. */
export interface Facts {
  regionCode: string; kind: SubjectKind; name: string; uscc: string | null; address: string | null; registered: boolean | null;
  licenceNo: string | null; beds: number | null; areaM2: number | null; regulator: string | null; contactName: string | null;
  contactPhone: string | null; commitmentSignedOn: string | null;
}
/** Each fact's column. */
export const FACT_COLUMNS: Record<keyof Facts, string> = {
  regionCode: 'region_code', kind: 'kind', name: 'name', uscc: 'uscc', address: 'address', registered: 'registered', licenceNo: 'licence_no',
  beds: 'beds', areaM2: 'area_m2', regulator: 'regulator', contactName: 'contact_name', contactPhone: 'contact_phone', commitmentSignedOn: 'commitment_signed_on',
};
export const FACT_KEYS = Object.keys(FACT_COLUMNS) as (keyof Facts)[];
const FACTS_SELECT = raw(`s.region_code as "regionCode", s.kind, s.name, s.uscc, s.address, s.registered, s.licence_no as "licenceNo", s.beds,
  s.area_m2::float8 as "areaM2", s.regulator, s.contact_name as "contactName", s.contact_phone as "contactPhone",
  s.commitment_signed_on::text as "commitmentSignedOn"`);

/** Names and addresses compared without spaces, brackets and company-form suffixes (normalizeOrg for names). */
export const normalizeAddress = (a: string | null | undefined) => (a ?? '').replace(/[\s,，。.·、\-—()（）#＃]/g, '');

type Scope = Pick<SessionUser, 'unitRegionCode'>;

/** A subject with its facts, in the user's jurisdiction (null otherwise). */
export async function findSubject(q: Queryable, user: Scope, id: number, forUpdate = false) {
  const [row] = await q.query<Facts & { id: number; mergedInto: number | null; normalizedName: string; normalizedAddress: string }>(
    sql`select s.id, ${FACTS_SELECT}, s.merged_into as "mergedInto", s.normalized_name as "normalizedName", s.normalized_address as "normalizedAddress"
        from subjects s where s.id = ${id} and ${jurisdictionSql(user, 's.region_code')} ${forUpdate ? raw('for update') : raw('')}`,
  );
  return row ?? null;
}

/** The registry page of one subject: its facts, who registered it, merges. */
export async function subjectRegistry(q: Queryable, user: Scope, id: number) {
  const [row] = await q.query<Facts & { id: number; regionName: string; createdAt: Date; createdBy: string | null; updatedAt: Date | null; mergedIntoId: number | null; mergedIntoName: string | null }>(
    sql`select s.id, ${FACTS_SELECT}, r.name as "regionName", s.created_at as "createdAt", u.display_name as "createdBy", s.updated_at as "updatedAt",
               m.id as "mergedIntoId", m.name as "mergedIntoName"
        from subjects s join regions r on r.code = s.region_code left join users u on u.id = s.created_by left join subjects m on m.id = s.merged_into
        where s.id = ${id} and ${jurisdictionSql(user, 's.region_code')}`,
  );
  if (!row) return null;
  const mergedFrom = await q.query<{ id: number; name: string }>(sql`select id, name from subjects where merged_into = ${id} order by id`);
  const history = await q.query<{ id: number; source: 'edited' | 'imported' | 'merged'; changes: Record<string, [unknown, unknown]>; importId: number | null; changedBy: string | null; changedAt: Date }>(
    sql`select h.id, h.source, h.changes, h.import_id as "importId", u.display_name as "changedBy", h.changed_at as "changedAt"
        from subject_history h left join users u on u.id = h.changed_by where h.subject_id = ${id} order by h.id desc limit 200`,
  );
  return { row, mergedFrom, history };
}

/** The subject registered under a credit code (anywhere: codes are unique nationwide). */
export async function byUscc(q: Queryable, uscc: string) {
  const [row] = await q.query<{ id: number; name: string; regionCode: string }>(sql`select id, name, region_code as "regionCode" from subjects where uscc = ${uscc}`);
  return row ?? null;
}

/** A live (not merged) subject with this normalised name and address in this region, other than `except`. */
export async function byNameAddress(q: Queryable, regionCode: string, normalizedName: string, normalizedAddress: string, except = 0) {
  const [row] = await q.query<{ id: number; name: string; uscc: string | null }>(
    sql`select id, name, uscc from subjects where region_code = ${regionCode} and normalized_name = ${normalizedName}
          and normalized_address = ${normalizedAddress} and merged_into is null and id <> ${except} order by id limit 1`,
  );
  return row ?? null;
}

const dbValues = (f: Facts, normalizedName: string) => [
  f.regionCode, f.kind, f.name, f.uscc, f.address, f.registered, f.licenceNo, f.beds, f.areaM2, f.regulator, f.contactName, f.contactPhone, f.commitmentSignedOn,
  normalizedName, normalizeAddress(f.address),
];
const INSERT_COLUMNS = raw(`${FACT_KEYS.map((k) => FACT_COLUMNS[k]).join(', ')}, normalized_name, normalized_address`);

/**
 * Inserts a subject; null when its credit code is already registered. `on conflict do nothing` rather
 * than check-then-insert: two registrations of one code at once wait on the unique index, and the
 * second finds the first instead of failing with a unique violation.
 */
export async function insertSubject(q: Queryable, f: Facts, normalizedName: string, createdBy: number): Promise<number | null> {
  const [row] = await q.query<{ id: number }>(
    sql`insert into subjects (${INSERT_COLUMNS}, created_by) values (${join(dbValues(f, normalizedName))}, ${createdBy})
        on conflict (uscc) do nothing returning id`,
  );
  return row?.id ?? null;
}

/** Many subjects in one statement (an import's chunk); returns how many were written. Codes were checked free first. */
export async function insertSubjects(q: Queryable, rows: { facts: Facts; normalizedName: string }[], createdBy: number): Promise<number> {
  if (!rows.length) return 0;
  const data = rows.map((r) => Object.fromEntries(FACT_KEYS.map((k) => [FACT_COLUMNS[k], r.facts[k]]).concat([
    ['normalized_name', r.normalizedName], ['normalized_address', normalizeAddress(r.facts.address)],
  ])));
  const made = await q.query<{ id: number }>(
    sql`insert into subjects (${INSERT_COLUMNS}, created_by)
        select ${INSERT_COLUMNS}, ${createdBy}::bigint
        from jsonb_to_recordset(${JSON.stringify(data)}::jsonb) as x(
          region_code text, kind text, name text, uscc text, address text, registered boolean, licence_no text, beds int, area_m2 numeric,
          regulator text, contact_name text, contact_phone text, commitment_signed_on date, normalized_name text, normalized_address text)
        returning id`,
  );
  return made.length;
}

/** Writes a subject's facts. */
export async function updateSubject(q: Queryable, id: number, f: Facts, normalizedName: string) {
  const values = dbValues(f, normalizedName);
  const sets = [...FACT_KEYS.map((k) => FACT_COLUMNS[k]), 'normalized_name', 'normalized_address'].map((c, i) => sql`${raw(c)} = ${values[i]}`);
  await q.query(sql`update subjects set ${join(sets, ', ')}, updated_at = now() where id = ${id}`);
}

export async function insertHistory(
  q: Queryable, rows: { subjectId: number; source: 'edited' | 'imported' | 'merged'; changes: Record<string, [unknown, unknown]>; importId?: number | null }[], by: number,
) {
  if (!rows.length) return;
  await q.query(
    sql`insert into subject_history (subject_id, source, changes, import_id, changed_by)
        select subject_id, source, changes, import_id, ${by}::bigint
        from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ subject_id: r.subjectId, source: r.source, changes: r.changes, import_id: r.importId ?? null })))}::jsonb)
          as x(subject_id bigint, source text, changes jsonb, import_id bigint)`,
  );
}

/** Moves what was recorded against `from` to `to` and marks `from` merged into `to`. */
export async function mergeInto(q: Queryable, from: number, to: number, moveUscc: string | null) {
  const moved = {
    inspections: (await q.query<{ id: number }>(sql`update inspections set subject_id = ${to} where subject_id = ${from} returning id`)).length,
    hazards: (await q.query<{ id: number }>(sql`update hazards set subject_id = ${to} where subject_id = ${from} returning id`)).length,
    cases: (await q.query<{ case_id: number }>(
      sql`insert into case_subjects (case_id, subject_id, linked_by, linked_at)
          select case_id, ${to}, linked_by, linked_at from case_subjects where subject_id = ${from} on conflict do nothing returning case_id`,
    )).length,
    enforcement: 0,
  };
  await q.query(sql`delete from case_subjects where subject_id = ${from}`);
  await q.query(sql`update subjects set merged_into = ${to}, merged_at = now(), uscc = null, updated_at = now() where id = ${from}`);
  // Enforcement documents follow too, after the mark: their guard (0039) lets a document's subject
  // change only to the record its subject was merged into.
  moved.enforcement = (await q.query<{ id: number }>(sql`update enforcement_records set subject_id = ${to} where subject_id = ${from} returning id`)).length;
  if (moveUscc) await q.query(sql`update subjects set uscc = ${moveUscc}, updated_at = now() where id = ${to}`);
  return moved;
}

/** Existing subjects an import's chunk may match: by credit code (anywhere) and by name in the chunk's regions. */
export async function importMatches(q: Queryable, usccs: string[], regionNames: { region: string; name: string }[]) {
  const byCode = usccs.length
    ? await q.query<Facts & { id: number; normalizedName: string; normalizedAddress: string; mergedInto: number | null }>(
      sql`select s.id, ${FACTS_SELECT}, s.normalized_name as "normalizedName", s.normalized_address as "normalizedAddress", s.merged_into as "mergedInto"
          from subjects s where s.uscc = any(${usccs}::text[])`,
    )
    : [];
  const byName = regionNames.length
    ? await q.query<Facts & { id: number; normalizedName: string; normalizedAddress: string; mergedInto: number | null }>(
      sql`select s.id, ${FACTS_SELECT}, s.normalized_name as "normalizedName", s.normalized_address as "normalizedAddress", s.merged_into as "mergedInto"
          from subjects s join (select * from unnest(${regionNames.map((r) => r.region)}::text[], ${regionNames.map((r) => r.name)}::text[]) as k(region, name)) k
            on s.region_code = k.region and s.normalized_name = k.name
          where s.merged_into is null`,
    )
    : [];
  return { byCode, byName };
}

/** The registry of a subtree for export: live subjects, one beyond `limit` to tell a cut. */
export const registryRows = (q: Queryable, root: string, kind: string | undefined, limit: number) =>
  q.query<Facts & { id: number; regionName: string }>(
    sql`select s.id, ${FACTS_SELECT}, r.name as "regionName" from subjects s join regions r on r.code = s.region_code
        where ${subtreeSql(root, 's.region_code')} and s.merged_into is null ${kind ? sql`and s.kind = ${kind}` : raw('')}
        order by s.region_code, s.kind, s.id limit ${limit + 1}`,
  );

// ── Imports ──────────────────────────────────────────────────────────────────────────────────

export interface ImportError { row: number; reason: string; cells: string[] }
const IMPORT_SELECT = raw(`id, kind, file_name as "fileName", status, rows_total as "rowsTotal", rows_done as "rowsDone", created, updated, unchanged, refused,
  failure, started_at as "startedAt", finished_at as "finishedAt"`);
export interface ImportRow {
  id: number; kind: SubjectKind; fileName: string | null; status: 'running' | 'done' | 'failed'; rowsTotal: number; rowsDone: number; created: number; updated: number;
  unchanged: number; refused: number; failure: string | null; startedAt: Date; finishedAt: Date | null;
}

export async function insertImport(q: Queryable, user: Pick<SessionUser, 'id' | 'unitId'>, kind: string, fileName: string | null, sha256: string) {
  const [{ id }] = await q.query<{ id: number }>(
    sql`insert into registry_imports (unit_id, created_by, kind, file_name, sha256) values (${user.unitId}, ${user.id}, ${kind}, ${fileName}, ${sha256}) returning id`,
  );
  return id;
}

export async function importProgress(q: Queryable, id: number, p: { rowsTotal?: number; rowsDone: number; created: number; updated: number; unchanged: number; refused: number }) {
  await q.query(
    sql`update registry_imports set rows_total = coalesce(${p.rowsTotal ?? null}::int, rows_total), rows_done = ${p.rowsDone}, created = ${p.created},
          updated = ${p.updated}, unchanged = ${p.unchanged}, refused = ${p.refused} where id = ${id}`,
  );
}

export async function finishImport(q: Queryable, id: number, status: 'done' | 'failed', errors: ImportError[], failure: string | null) {
  await q.query(
    sql`update registry_imports set status = ${status}, errors = ${JSON.stringify(errors)}::jsonb, failure = ${failure}, finished_at = now(),
          refused = ${errors.length} where id = ${id}`,
  );
}

/** An import of the user's unit (imports are the unit's own: another unit's is not found). */
export async function findImport(q: Queryable, user: Pick<SessionUser, 'unitId'>, id: number) {
  const [row] = await q.query<ImportRow & { errors: ImportError[] }>(
    sql`select ${IMPORT_SELECT}, errors from registry_imports where id = ${id} and unit_id = ${user.unitId}`,
  );
  return row ?? null;
}

export const recentImports = (q: Queryable, user: Pick<SessionUser, 'unitId'>) =>
  q.query<ImportRow>(sql`select ${IMPORT_SELECT} from registry_imports where unit_id = ${user.unitId} order by id desc limit 20`);

