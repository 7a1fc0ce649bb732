import { sql, type Db } from '../../db/client.ts';
import { page } from '../../db/page.ts';
import { AppError } from '../../errors.ts';
import type { FraudType, UnitKind } from '../../../shared/domain.ts';
import { actorOf, audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { concernsRegion, concernsRegionSql, inJurisdiction, jurisdictionSql } from '../access/jurisdiction.ts';
import { unitsInJurisdiction, type UnitPageQuery } from '../admin/admin.service.ts';
import { loadVisible } from '../tips/tips.actions.service.ts';
import { ancestry, regionPathSql } from '../regions/regions.repository.ts';

export interface RuleInput {
  regionPrefix: string;
  fraudType: FraudType;
  leadKind: UnitKind;
  assistKinds: UnitKind[];
}

interface RuleRow {
  id: number;
  regionPrefix: string;
  /** The region's full name (全国 for the nation). */
  regionName: string;
  fraudType: FraudType;
  leadKind: UnitKind;
  assistKinds: UnitKind[];
  updatedAt: Date;
}

const RULE_COLUMNS = sql`id, region_prefix as "regionPrefix", ${regionPathSql('region_prefix')} as "regionName", fraud_type as "fraudType",
  lead_kind as "leadKind", assist_kinds as "assistKinds", updated_at as "updatedAt"`;

/** The rules that concern the user: those of the regions above their unit (they apply to it) and of its subtree. */
export const listRules = (db: Db, user: SessionUser) =>
  db.query<RuleRow>(sql`select ${RULE_COLUMNS} from routing_rules where ${concernsRegionSql(user, 'region_prefix')} order by fraud_type, region_prefix`);

/** An administrator sets rules for their own region subtree only: a province's, not another's or the nation's. */
function assertRuleInScope(user: SessionUser, regionPrefix: string) {
  if (!inJurisdiction(user, regionPrefix)) {
    throw new AppError('FORBIDDEN', [{ path: 'regionPrefix', message: '只能设置本辖区的分流规则' }], '只能设置本辖区的分流规则');
  }
}

/** Creates or replaces the rule for (region, fraud type), keeping the old version in history. `user` null is the system (seed). */
export async function upsertRule(db: Db, user: SessionUser | null, r: RuleInput): Promise<RuleRow> {
  if (user) assertRuleInScope(user, r.regionPrefix);
  return db.tx(async (q) => {
    const [before] = await q.query<RuleRow>(sql`select ${RULE_COLUMNS} from routing_rules where region_prefix = ${r.regionPrefix} and fraud_type = ${r.fraudType} for update`);
    const [row] = await q.query<RuleRow>(
      sql`insert into routing_rules (region_prefix, fraud_type, lead_kind, assist_kinds, updated_by)
          values (${r.regionPrefix}, ${r.fraudType}, ${r.leadKind}, ${r.assistKinds}, ${user?.id ?? null})
          on conflict (region_prefix, fraud_type) do update set lead_kind = excluded.lead_kind, assist_kinds = excluded.assist_kinds,
            updated_by = excluded.updated_by, updated_at = now()
          returning ${RULE_COLUMNS}`,
    );
    await q.query(sql`insert into routing_rule_history (rule_id, op, data, changed_by)
      values (${row.id}, ${before ? 'update' : 'create'}, ${{ before: before ?? null, after: r }}, ${user?.id ?? null})`);
    if (user) await audit(q, actorOf(user), { action: 'routing.rule_saved', entity: 'routing_rule', entityId: row.id, detail: { ...r } });
    return row;
  });
}

export async function deleteRule(db: Db, user: SessionUser, id: number) {
  return db.tx(async (q) => {
    const [before] = await q.query<RuleRow>(sql`select ${RULE_COLUMNS} from routing_rules where id = ${id} for update`);
    // Another branch's rule is "not found"; a rule from above applies here but is not this administrator's to delete.
    if (!before || !concernsRegion(user, before.regionPrefix)) throw new AppError('NOT_FOUND');
    assertRuleInScope(user, before.regionPrefix);
    await q.query(sql`delete from routing_rules where id = ${id}`);
    await q.query(sql`insert into routing_rule_history (rule_id, op, data, changed_by) values (${id}, 'delete', ${{ before }}, ${user.id})`);
    await audit(q, actorOf(user), { action: 'routing.rule_deleted', entity: 'routing_rule', entityId: id });
    return { id };
  });
}

/** Changes to the rules that concern the user (see listRules), newest first, a page at a time. */
export async function ruleHistory(db: Db, user: SessionUser, f: { ruleId?: number; cursor?: number; limit: number }) {
  const rows = await db.query<{ id: number; ruleId: number; op: string; data: unknown; changedAt: Date; changedBy: string | null }>(
    sql`select h.id, h.rule_id as "ruleId", h.op, h.data, h.changed_at as "changedAt", u.username as "changedBy"
        from routing_rule_history h left join users u on u.id = h.changed_by
        cross join lateral (select coalesce(h.data->'after'->>'regionPrefix', h.data->'before'->>'regionPrefix') as region_prefix) r
        where ${concernsRegionSql(user, 'r.region_prefix')}
          and (${f.ruleId ?? null}::bigint is null or h.rule_id = ${f.ruleId ?? null})
          and (${f.cursor ?? null}::bigint is null or h.id < ${f.cursor ?? null})
        order by h.id desc limit ${f.limit + 1}`,
  );
  return page(rows, f.limit, (h) => String(h.id));
}

/** Units the user may dispatch to: in their own unit's region subtree, never their own unit; a page at a time. */
export const dispatchableUnits = (db: Db, user: SessionUser, f: Omit<UnitPageQuery, 'exceptUnitId'>) =>
  unitsInJurisdiction(db, user, { ...f, exceptUnitId: user.unitId });

/**
 * Suggests lead and assisting units for a tip from the routing table: for each of its fraud types
 * the most specific rule for its region, then units of those kinds nearest the tip's region, plus
 * the lower campaign offices on its path. Units the tip accuses are left out.
 */
export async function dispatchSuggestions(db: Db, user: SessionUser, tipId: number) {
  const { tip } = await loadVisible(db, user, tipId);
  const path = [...ancestry(tip.region_code), ''];
  const rules = await db.query<{ fraud_type: string; lead_kind: UnitKind; assist_kinds: UnitKind[] }>(
    sql`select distinct on (fraud_type) fraud_type, lead_kind, assist_kinds from routing_rules
        where fraud_type = any(${tip.fraud_types}::text[]) and region_prefix = any(${path}::text[])
        order by fraud_type, length(region_prefix) desc`,
  );
  const leadKinds = [...new Set(rules.map((r) => r.lead_kind))];
  const assistKinds = [...new Set(rules.flatMap((r) => r.assist_kinds))].filter((k) => !leadKinds.includes(k));
  // Only units on the tip's path (its region and each ancestor) within the user's subtree qualify.
  const units = await db.query<{ id: number; name: string; kind: UnitKind; regionCode: string; regionName: string; level: number }>(
    sql`select u.id, u.name, u.kind, u.region_code as "regionCode", r.name as "regionName", r.level
        from units u join regions r on r.code = u.region_code
        where u.region_code = any(${path}::text[]) and ${jurisdictionSql(user, 'u.region_code')}
          and u.id <> ${user.unitId} and not (u.id = any(${tip.accused_unit_ids}::bigint[]))
        order by u.region_code, u.id`,
  );
  // Nearest first: a unit at the tip's own region, then at each ancestor up to the user's.
  const distance = (code: string) => path.indexOf(code);
  const pick = (kind: UnitKind) => units.filter((u) => u.kind === kind).sort((a, b) => distance(a.regionCode) - distance(b.regionCode));
  return {
    rules: rules.map((r) => ({ fraudType: r.fraud_type, leadKind: r.lead_kind, assistKinds: r.assist_kinds })),
    lead: leadKinds.flatMap(pick).slice(0, 5),
    assisting: assistKinds.flatMap(pick).slice(0, 10),
    lowerOffices: units.filter((u) => u.kind === 'campaign_office'),
  };
}
