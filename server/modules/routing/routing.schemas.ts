import { z } from 'zod';
import { FRAUD_TYPE_CODES, UNIT_KIND_CODES } from '../../../shared/domain.ts';
import { nextCursor, oneOf, timestamp } from '../../schemas.ts';

export const RoutingRule = z.object({
  id: z.number(),
  regionPrefix: z.string(),
  /** The region's full name, e.g. 山东省 / 烟台市 (全国 for the nation). */
  regionName: z.string(),
  fraudType: oneOf(FRAUD_TYPE_CODES),
  leadKind: oneOf(UNIT_KIND_CODES),
  assistKinds: z.array(oneOf(UNIT_KIND_CODES)),
  updatedAt: timestamp,
});
export type RoutingRule = z.output<typeof RoutingRule>;
export const RoutingRuleList = z.array(RoutingRule);

export const RuleHistoryEntry = z.object({
  id: z.number(),
  ruleId: z.number(),
  /** create, update or delete. */
  op: z.string(),
  /** The rule before and after the change, as stored. */
  data: z.unknown(),
  changedAt: timestamp,
  changedBy: z.string().nullable(),
});
/** Newest first, a keyset page on the id. */
export const RuleHistoryPage = z.object({ items: z.array(RuleHistoryEntry), nextCursor });

export const DispatchUnit = z.object({ id: z.number(), name: z.string(), kind: oneOf(UNIT_KIND_CODES), regionCode: z.string(), regionName: z.string(), level: z.number() });
export type DispatchUnit = z.output<typeof DispatchUnit>;
/** Units by region code, a keyset page ("regionCode:id"). */
export const DispatchUnitPage = z.object({ items: z.array(DispatchUnit), nextCursor });

export const DispatchSuggestions = z.object({
  rules: z.array(z.object({ fraudType: z.string(), leadKind: oneOf(UNIT_KIND_CODES), assistKinds: z.array(oneOf(UNIT_KIND_CODES)) })),
  lead: z.array(DispatchUnit),
  assisting: z.array(DispatchUnit),
  lowerOffices: z.array(DispatchUnit),
});
export type DispatchSuggestions = z.output<typeof DispatchSuggestions>;
