import { HAZARD_STATUS_CODES, SCREENER_ROLES, SCREENING_LEAD_ROLES, SCREENING_ROUND_UNIT_KINDS, type HazardStatus } from '../../../shared/domain.ts';
import { hasAny } from '../access/jurisdiction.ts';
import { AppError } from '../../errors.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import type { HazardAction } from './screening.schemas.ts';

/**
 * Who may move a hazard through rectification and from which state — the one place these rules live.
 * Out of jurisdiction is 404 (the repository does not find it), the wrong role 403, the wrong state 409.
 */

export const isScreeningLead = (user: Pick<SessionUser, 'roles'>) => hasAny(user, SCREENING_LEAD_ROLES);

interface HazardRule {
  /** Role: failing it is 403. */
  who: (user: SessionUser) => boolean;
  /** States the change starts from: any other is 409. */
  from: readonly HazardStatus[];
  /** The state it moves to; none: the state stays (a penalty is recorded at any stage). */
  to?: HazardStatus;
  /** Audit action written with the change. */
  audit: string;
}

export const HAZARD_RULES: Record<HazardAction, HazardRule> = {
  // The unit that screens fixes and reports; a lead verifies (销号) or sends it back.
  start: { who: (u) => hasAny(u, SCREENER_ROLES), from: ['open'], to: 'rectifying', audit: 'hazard.started' },
  rectified: { who: (u) => hasAny(u, SCREENER_ROLES), from: ['open', 'rectifying'], to: 'rectified', audit: 'hazard.rectified' },
  verify: { who: isScreeningLead, from: ['rectified'], to: 'verified', audit: 'hazard.verified' },
  reopen: { who: isScreeningLead, from: ['rectified'], to: 'rectifying', audit: 'hazard.reopened' },
  penalty: { who: (u) => hasAny(u, SCREENER_ROLES), from: HAZARD_STATUS_CODES, audit: 'hazard.penalty_recorded' },
};

/**
 * Throws 403 or 409 unless the user may take this action on a hazard (already found in scope) now.
 * 销号 checks someone else's rectification: who reported it rectified may not cross it off (403).
 */
export function permitHazard(user: SessionUser, status: HazardStatus, action: HazardAction, rectifiedBy: number | null = null): HazardRule {
  const rule = HAZARD_RULES[action];
  if (!rule.who(user)) throw new AppError('FORBIDDEN');
  if (action === 'verify' && rectifiedBy === user.id) throw new AppError('FORBIDDEN', undefined, '报告整改和验收销号不能由同一人完成，请由其他负责人验收');
  if (!rule.from.includes(status)) throw new AppError('HAZARD_INVALID_TRANSITION');
  return rule;
}

// ── Screening rounds (排查批次) ────────────────────────────────────────────────────────────────

/**
 * Runs screening rounds: a screener (the roles that record inspections) of a campaign office or of a
 * unit that screens a sector. Checked before any round is looked up, so the answer says nothing about
 * which ids exist; 403 otherwise.
 */
export function permitRunRounds(user: SessionUser) {
  if (!hasAny(user, SCREENER_ROLES)) throw new AppError('FORBIDDEN');
  if (!(SCREENING_ROUND_UNIT_KINDS as readonly string[]).includes(user.unitKind)) {
    throw new AppError('FORBIDDEN', undefined, '排查批次由专项办和负责行业排查的部门创建和管理');
  }
}

/** Corrects a round's title and period: a screener of the unit that owns it (403 otherwise). */
export function permitEditRound(user: SessionUser, round: { unitId: number }) {
  if (round.unitId !== user.unitId) throw new AppError('FORBIDDEN', undefined, '只有创建排查批次的单位可以修改');
}

/** Closes a round: a lead of the unit that owns it. */
export function permitCloseRound(user: SessionUser, round: { unitId: number }) {
  if (!isScreeningLead(user)) throw new AppError('FORBIDDEN', undefined, '排查批次由创建单位的负责人结束');
  permitEditRound(user, round);
}

/** A closed round takes no more inspections and no more corrections (409). */
export function requireOpenRound(round: { status: string }, path = 'roundId') {
  if (round.status !== 'open') throw new AppError('CONFLICT', [{ path, message: '该排查批次已结束，不能再修改或加入检查' }], '该排查批次已结束');
}
