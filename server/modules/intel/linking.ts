import { sql, type Queryable } from '../../db/client.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { jurisdictionSql, tipVisibleSql } from '../access/jurisdiction.ts';
import { extractEntities, normalizeOrg, type EntityKind } from './entities.ts';

/** The kinds that identify a subject well enough to link tips by. */
export const LINK_KINDS: EntityKind[] = ['organization', 'uscc', 'mobile', 'landline', 'bank_card', 'address'];

export interface LinkKey {
  kind: string;
  normalized: string;
  value: string;
}

/** The linkable entities of a tip: from its text and from the subject fields the reporter filled in. */
export function linkKeys(description: string, subject: { name?: string; uscc?: string; phone?: string; address?: string } | null | undefined): LinkKey[] {
  const keys = extractEntities([description, subject?.name, subject?.address].filter(Boolean).join('\n'))
    .filter((e) => LINK_KINDS.includes(e.kind))
    .map((e) => ({ kind: e.kind, normalized: e.normalized, value: e.value }));
  if (subject?.name && subject.name.length >= 4) keys.push({ kind: 'organization', normalized: normalizeOrg(subject.name), value: subject.name });
  if (subject?.uscc) keys.push({ kind: 'uscc', normalized: subject.uscc.toUpperCase(), value: subject.uscc });
  if (subject?.phone) {
    const digits = subject.phone.replace(/\D/g, '');
    keys.push({ kind: digits.startsWith('1') ? 'mobile' : 'landline', normalized: digits, value: subject.phone });
  }
  const seen = new Set<string>();
  return keys.filter((k) => (seen.has(k.kind + k.normalized) ? false : (seen.add(k.kind + k.normalized), true)));
}

const KIND_WORDS: Record<string, string> = { organization: '这家单位', uscc: '这个统一社会信用代码', mobile: '这个手机号', landline: '这个电话', bank_card: '这张银行卡', address: '这个地址' };

/**
 * For each entity of a tip, the other tips the user may see that name it too — by primary-key
 * lookups on (kind, normalized). "这家单位还被 N 条线索提及".
 */
export async function linkedTips(q: Queryable, user: SessionUser, tipId: number) {
  const rows = await q.query<{ kind: string; normalized: string; tip_ids: number[]; codes: string[]; n: number }>(
    sql`select me.kind, me.normalized, count(t.id)::int as n, (array_agg(t.id order by t.id desc))[1:20] as tip_ids,
          (array_agg(t.tracking_code order by t.id desc))[1:20] as codes
        from tip_entities me
        join tip_entities other on other.kind = me.kind and other.normalized = me.normalized and other.tip_id <> me.tip_id
        join tips t on t.id = other.tip_id
        where me.tip_id = ${tipId} and ${tipVisibleSql(user)}
        group by me.kind, me.normalized order by n desc`,
  );
  return rows.map((r) => ({
    kind: r.kind, normalized: r.normalized, count: r.n, tipIds: r.tip_ids, text: `${KIND_WORDS[r.kind] ?? '它'}还被 ${r.n} 条线索提及`,
    tips: r.tip_ids.map((id, i) => ({ id, trackingCode: r.codes[i] })),
  }));
}

export const CLUSTER_THRESHOLD = 5;

/**
 * Companies (by name or credit code) named by ≥ 5 tips received in the last 30 days: a possible
 * illegal-fundraising ring. The office leads over those tips are told once per cluster.
 * Incremental: only companies named by a tip received at or after `since` are counted (null: every
 * company of the last 30 days), each by a lookup on tip_entities' primary key — never a full scan.
 */
export async function findClusters(q: Queryable, { since = null, threshold = CLUSTER_THRESHOLD }: { since?: Date | null; threshold?: number } = {}) {
  return q.query<{ kind: string; normalized: string; n: number; first_tip: number; offices: number[] }>(
    `with window_start as (select greatest(now() - interval '30 days', $2::timestamptz) as at),
     named as (
       select distinct e.kind, e.normalized from tips t join tip_entities e on e.tip_id = t.id
       where t.received_at > (select at from window_start) and e.kind in ('organization', 'uscc'))
     select e.kind, e.normalized, count(*)::int as n, min(t.id) as first_tip, array_agg(distinct t.office_unit_id) as offices
     from named k join tip_entities e on e.kind = k.kind and e.normalized = k.normalized join tips t on t.id = e.tip_id
     where t.received_at > now() - interval '30 days'
     group by e.kind, e.normalized having count(*) >= $1`,
    [threshold, since],
  );
}

/** Registered subjects a tip names that lie in the user's jurisdiction, by credit code or normalised name (an index lookup each). */
export async function linkedSubjects(q: Queryable, user: SessionUser, tipId: number) {
  const cols = sql`s.id, s.name, s.uscc, s.kind, s.region_code as "regionCode"`;
  const mine = jurisdictionSql(user, 's.region_code');
  return q.query<{ id: number; name: string; uscc: string | null; kind: string; regionCode: string; matchedBy: string }>(
    sql`select ${cols}, 'uscc' as "matchedBy" from tip_entities e join subjects s on s.uscc = e.normalized where e.tip_id = ${tipId} and e.kind = 'uscc' and ${mine}
        union
        select ${cols}, 'name' as "matchedBy" from tip_entities e join subjects s on s.normalized_name = e.normalized where e.tip_id = ${tipId} and e.kind = 'organization' and ${mine}
        order by id`,
  );
}
