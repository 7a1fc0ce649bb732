import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { FraudType, UnitKind } from '../../../shared/domain.ts';
import { audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { loadVisible } from '../tips/tips.actions.service.ts';
import { ancestry } from '../regions/regions.repository.ts';

export interface RuleInput {
  regionPrefix: string;
  fraudType: FraudType;
  leadKind: UnitKind;
  assistKinds: UnitKind[];
}

interface RuleRow {
  id: number;
  regionPrefix: string;
  fraudType: FraudType;
  leadKind: UnitKind;
  assistKinds: UnitKind[];
  updatedAt: Date;
}

const RULE_COLUMNS = `id, region_prefix as "regionPrefix", fraud_type as "fraudType", lead_kind as "leadKind", assist_kinds as "assistKinds", updated_at as "updatedAt"`;

export const listRules = (db: Db) => db.query<RuleRow>(`select ${RULE_COLUMNS} from routing_rules order by fraud_type, region_prefix`);

/** Creates or replaces the rule for (region, fraud type), keeping the old version in history. */
export async function upsertRule(db: Db, user: SessionUser | null, r: RuleInput): Promise<RuleRow> {
  return db.tx(async (q) => {
    const [before] = await q.query<RuleRow>(`select ${RULE_COLUMNS} from routing_rules where region_prefix = $1 and fraud_type = $2 for update`, [r.regionPrefix, r.fraudType]);
    const [row] = await q.query<RuleRow>(
      `insert into routing_rules (region_prefix, fraud_type, lead_kind, assist_kinds, updated_by) values ($1, $2, $3, $4, $5)
       on conflict (region_prefix, fraud_type) do update set lead_kind = excluded.lead_kind, assist_kinds = excluded.assist_kinds,
         updated_by = excluded.updated_by, updated_at = now()
       returning ${RULE_COLUMNS}`,
      [r.regionPrefix, r.fraudType, r.leadKind, r.assistKinds, user?.id ?? null],
    );
    await q.query(`insert into routing_rule_history (rule_id, op, data, changed_by) values ($1, $2, $3, $4)`, [row.id, before ? 'update' : 'create', { before: before ?? null, after: r }, user?.id ?? null]);
    if (user) await audit(q, { id: user.id, name: user.username }, { action: 'routing.rule_saved', entity: 'routing_rule', entityId: row.id, detail: { ...r } });
    return row;
  });
}

export async function deleteRule(db: Db, user: SessionUser, id: number) {
  return db.tx(async (q) => {
    const [before] = await q.query<RuleRow>(`delete from routing_rules where id = $1 returning ${RULE_COLUMNS}`, [id]);
    if (!before) throw new AppError('NOT_FOUND');
    await q.query(`insert into routing_rule_history (rule_id, op, data, changed_by) values ($1, 'delete', $2, $3)`, [id, { before }, user.id]);
    await audit(q, { id: user.id, name: user.username }, { action: 'routing.rule_deleted', entity: 'routing_rule', entityId: id });
    return { id };
  });
}

export const ruleHistory = (db: Db, ruleId?: number) =>
  db.query<{ id: number; ruleId: number; op: string; data: unknown; changedAt: Date; changedBy: string | null }>(
    `select h.id, h.rule_id as "ruleId", h.op, h.data, h.changed_at as "changedAt", u.username as "changedBy"
     from routing_rule_history h left join users u on u.id = h.changed_by
     where $1::bigint is null or h.rule_id = $1 order by h.id desc limit 500`,
    [ruleId ?? null],
  );

/** Units the user may dispatch to: below their own unit's region, never their own unit. */
export const dispatchableUnits = (db: Db, user: SessionUser) =>
  db.query<{ id: number; name: string; kind: UnitKind; regionCode: string; regionName: string; level: number }>(
    `select u.id, u.name, u.kind, u.region_code as "regionCode", r.name as "regionName", r.level
     from units u join regions r on r.code = u.region_code
     where u.region_code like $1 || '%' and u.id <> $2 order by u.region_code, u.kind <> 'campaign_office', u.name limit 5000`,
    [user.unitRegionCode, user.unitId],
  );

/**
 * Suggests lead and assisting units for a tip from the routing table: for each of its fraud types
 * the most specific rule for its region, then units of those kinds nearest the tip's region, plus
 * the lower campaign offices on its path. Units the tip accuses are left out.
 */
export async function dispatchSuggestions(db: Db, user: SessionUser, tipId: number) {
  const { tip } = await loadVisible(db, user, tipId);
  const path = [...ancestry(tip.region_code), ''];
  const rules = await db.query<{ fraud_type: string; lead_kind: UnitKind; assist_kinds: UnitKind[] }>(
    `select distinct on (fraud_type) fraud_type, lead_kind, assist_kinds from routing_rules
     where fraud_type = any($1::text[]) and region_prefix = any($2::text[])
     order by fraud_type, length(region_prefix) desc`,
    [tip.fraud_types, path],
  );
  const leadKinds = [...new Set(rules.map((r) => r.lead_kind))];
  const assistKinds = [...new Set(rules.flatMap((r) => r.assist_kinds))].filter((k) => !leadKinds.includes(k));
  const units = (await dispatchableUnits(db, user)).filter((u) => !tip.accused_unit_ids.includes(u.id));
  // Nearest first: a unit at the tip's own region, then at each ancestor up to the user's.
  const distance = (code: string) => {
    const i = path.indexOf(code);
    return i === -1 ? 99 : i;
  };
  const pick = (kind: UnitKind) => units.filter((u) => u.kind === kind && distance(u.regionCode) < 99).sort((a, b) => distance(a.regionCode) - distance(b.regionCode));
  return {
    rules: rules.map((r) => ({ fraudType: r.fraud_type, leadKind: r.lead_kind, assistKinds: r.assist_kinds })),
    lead: leadKinds.flatMap(pick).slice(0, 5),
    assisting: assistKinds.flatMap(pick).slice(0, 10),
    lowerOffices: units.filter((u) => u.kind === 'campaign_office' && distance(u.regionCode) < 99),
  };
}
