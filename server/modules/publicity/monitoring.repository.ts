import { empty, join, raw, sql, type Queryable, type Sql } from '../../db/client.ts';
import { MONITORING_COUNT_KEYS } from '../../../shared/domain.ts';
import { jurisdictionSql, subtreeSql } from '../access/jurisdiction.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import type { MonitoringCounts, RoundFilter } from './monitoring.schemas.ts';
import { likeText } from './publicity.repository.ts';

/**
 * Ads and online monitoring rounds (广告监测): the figures are columns named by their key, summed
 * over the user's jurisdiction (the one jurisdiction module) for a list's totals and a period.
 */

export interface NewRound {
  regionCode: string;
  title: string;
  media: string[];
  startDate: string;
  endDate: string;
  counts: MonitoringCounts;
  note: string | null;
}

const COUNT_COLUMNS = raw(MONITORING_COUNT_KEYS.join(', '));
const countsJson = raw(`jsonb_build_object(${MONITORING_COUNT_KEYS.map((k) => `'${k}', m.${k}`).join(', ')})`);

export async function insertRound(q: Queryable, user: Pick<SessionUser, 'id' | 'unitId'>, r: NewRound): Promise<number> {
  const [{ id }] = await q.query<{ id: number }>(
    sql`insert into ads_monitoring_rounds (region_code, unit_id, title, media, start_date, end_date, note, created_by, ${COUNT_COLUMNS})
        values (${r.regionCode}, ${user.unitId}, ${r.title}, ${r.media}::text[], ${r.startDate}, ${r.endDate}, ${r.note}, ${user.id},
                ${join(MONITORING_COUNT_KEYS.map((k) => r.counts[k]))})
        returning id`,
  );
  return id;
}

export async function updateRound(q: Queryable, userId: number, id: number, r: NewRound): Promise<void> {
  await q.query(
    sql`update ads_monitoring_rounds set region_code = ${r.regionCode}, title = ${r.title}, media = ${r.media}::text[], start_date = ${r.startDate},
          end_date = ${r.endDate}, note = ${r.note}, ${join(MONITORING_COUNT_KEYS.map((k) => sql`${raw(k)} = ${r.counts[k]}`), ', ')},
          updated_by = ${userId}, updated_at = now()
        where id = ${id}`,
  );
}

export interface RoundRow extends NewRound {
  id: number; regionName: string; unitId: number; unitName: string; createdAt: Date; updatedAt: Date | null;
}

const COLUMNS = sql`m.id, m.region_code as "regionCode", r.name as "regionName", m.unit_id as "unitId", un.name as "unitName", m.title, m.media,
  m.start_date as "startDate", m.end_date as "endDate", ${countsJson} as counts, m.note, m.created_at as "createdAt", m.updated_at as "updatedAt"`;
const FROM = sql`from ads_monitoring_rounds m join regions r on r.code = m.region_code join units un on un.id = m.unit_id`;

/** One round in the user's jurisdiction (locked for a correction when asked); null when not found there. */
export async function findRound(q: Queryable, user: Pick<SessionUser, 'unitRegionCode'>, id: number, forUpdate = false): Promise<RoundRow | null> {
  const [m] = await q.query<RoundRow>(
    sql`select ${COLUMNS} ${FROM} where m.id = ${id} and ${jurisdictionSql(user, 'm.region_code')} ${forUpdate ? sql`for update of m` : empty}`,
  );
  return m ?? null;
}

/** The filter as a predicate on `m`: always inside the jurisdiction; a region filter narrows to its subtree. */
export function roundWhere(user: Pick<SessionUser, 'unitRegionCode' | 'unitId'>, f: RoundFilter): Sql {
  return sql`${jurisdictionSql(user, 'm.region_code')}
    ${f.regionCode ? sql`and ${subtreeSql(f.regionCode, 'm.region_code')}` : empty}
    ${f.from ? sql`and m.start_date >= ${f.from}::date` : empty}
    ${f.to ? sql`and m.start_date <= ${f.to}::date` : empty}
    ${f.medium ? sql`and ${f.medium} = any(m.media)` : empty}
    ${f.mine ? sql`and m.unit_id = ${user.unitId}` : empty}
    ${f.unitId ? sql`and m.unit_id = ${f.unitId}` : empty}
    ${f.q ? sql`and m.title like ${likeText(f.q)}` : empty}`;
}

export const roundRows = (q: Queryable, where: Sql, limit: number, offset: number) =>
  q.query<RoundRow>(sql`select ${COLUMNS} ${FROM} where ${where} order by m.start_date desc, m.id desc limit ${limit} offset ${offset}`);

/** How many rounds match and the sum of each figure, over every match. */
export async function roundSums(q: Queryable, where: Sql): Promise<{ n: number } & MonitoringCounts> {
  const [row] = await q.query<{ n: number } & MonitoringCounts>(
    sql`select count(*)::int as n, ${join(MONITORING_COUNT_KEYS.map((k) => sql`coalesce(sum(m.${raw(k)}), 0)::int8 as ${raw(k)}`), ', ')}
        from ads_monitoring_rounds m where ${where}`,
  );
  return row;
}
