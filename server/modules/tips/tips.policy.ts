import { OFFICE_ROLES, REPORT_APPROVER_ROLES, TIP_WORKER_ROLES, type Role } from '../../../shared/domain.ts';
import { AppError } from '../../errors.ts';
import { hasAny, inSubtree, isOffice, type TipAccessFacts } from '../access/jurisdiction.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import type { ActionName } from './tips.schemas.ts';
import type { AssignmentRow, ClosureReviewRow, TipRow } from './tips.repository.ts';

/**
 * Who may do what to a tip — the one place these rules live. Whether a tip is visible at all is the
 * jurisdiction module's `canSeeTip` (modules/access). Invisible means 404, visible but not yours
 * means 403, yours but the wrong state means 409.
 */

// Whoever signs for and reports on a tip at the lead unit (an office may lead too).
const HANDLING_ROLES: readonly Role[] = ['handler', 'unit_lead', ...OFFICE_ROLES];


export interface TipContext {
  tip: TipRow;
  assignments: AssignmentRow[];
  /** Region code of the office whose queue received the tip. */
  ownerRegionCode: string;
  /** The closing proposal awaiting the upper office (status closing), if any. */
  pendingClosure: ClosureReviewRow | null;
}

/** What visibility depends on, for the jurisdiction module's `canSeeTip`. */
export const accessFacts = (ctx: TipContext): TipAccessFacts => ({ ...ctx.tip, assignedUnitIds: ctx.assignments.map((a) => a.unit_id) });

/** The deepest active lead assignment: the unit that must act now. */
export function currentLead(assignments: AssignmentRow[]): AssignmentRow | null {
  const leads = assignments.filter((a) => a.active && a.role === 'lead');
  return leads.length ? leads[leads.length - 1] : null;
}

/** The user's unit's active assisting (协办) assignment on the tip, if it has one. */
export function currentAssist(assignments: AssignmentRow[], unitId: number): AssignmentRow | null {
  return assignments.findLast((a) => a.active && a.role === 'assist' && a.unit_id === unitId) ?? null;
}

/** The receiving office, or an office above it. */
function ownsOrOversees(user: SessionUser, ctx: TipContext): boolean {
  return isOffice(user) && (ctx.tip.office_unit_id === user.unitId || inSubtree(user.unitRegionCode, ctx.ownerRegionCode));
}

/** An office that dispatched along the current chain (or owns the tip) and so reviews its result. */
function reviews(user: SessionUser, ctx: TipContext): boolean {
  const lead = currentLead(ctx.assignments);
  if (lead && lead.unit_id === user.unitId) return false;
  const dispatchers = ctx.assignments.filter((a) => a.active && a.role === 'lead').map((a) => a.dispatched_by_unit_id);
  return dispatchers.includes(user.unitId) || ownsOrOversees(user, ctx);
}

/** The user's unit's report awaiting its unit lead (lead or assisting assignment), if any. */
export function pendingReport(assignments: AssignmentRow[], unitId: number): AssignmentRow | null {
  return assignments.findLast((a) => a.active && a.unit_id === unitId && a.status === 'pending_approval') ?? null;
}

/** A unit lead of a unit with an active assignment on the tip: the one who approves its reports. */
const leadsUnitOnTip = (u: SessionUser, c: TipContext) => hasAny(u, REPORT_APPROVER_ROLES) && c.assignments.some((a) => a.active && a.unit_id === u.unitId);

/**
 * The office a closing proposal went to; before any waits, an office that reviews the tip (so that a
 * reviewer asking too early hears 409, not 403).
 */
function reviewsClosure(u: SessionUser, c: TipContext): boolean {
  if (!hasAny(u, OFFICE_ROLES) || !isOffice(u)) return false;
  return c.pendingClosure ? c.pendingClosure.reviewer_unit_id === u.unitId : reviews(u, c);
}

const isLeadUnit = (user: SessionUser, ctx: TipContext) =>
  ctx.assignments.some((a) => a.active && a.role === 'lead' && a.unit_id === user.unitId);

interface Rule {
  /** Role and position: failing it is 403. */
  who: (user: SessionUser, ctx: TipContext) => boolean;
  /** State: failing it is 409. */
  when: (user: SessionUser, ctx: TipContext) => boolean;
  /** A refusal with its own words (403), checked after `who` and `when`. */
  deny?: (user: SessionUser, ctx: TipContext) => string | null;
}

const status = (...s: string[]) => (_u: SessionUser, ctx: TipContext) => s.includes(ctx.tip.status);

const RULES: Record<ActionName, Rule> = {
  accept: { who: (u, c) => hasAny(u, OFFICE_ROLES) && ownsOrOversees(u, c), when: status('submitted') },
  reject: { who: (u, c) => hasAny(u, OFFICE_ROLES) && ownsOrOversees(u, c), when: status('submitted', 'accepted') },
  merge: { who: (u, c) => hasAny(u, OFFICE_ROLES) && ownsOrOversees(u, c), when: status('submitted', 'accepted') },
  dispatch: {
    who: (u, c) => hasAny(u, OFFICE_ROLES) && isOffice(u) && (ownsOrOversees(u, c) || isLeadUnit(u, c)),
    when: (u, c) => {
      if (c.tip.status === 'accepted') return ownsOrOversees(u, c);
      // A lower office that received the tip may pass it further down before it reports.
      const lead = currentLead(c.assignments);
      return ['dispatched', 'in_progress'].includes(c.tip.status) && lead?.unit_id === u.unitId && lead.status !== 'reported';
    },
  },
  sign: {
    who: (u, c) => hasAny(u, HANDLING_ROLES) && isLeadUnit(u, c),
    when: (u, c) => c.tip.status === 'dispatched' && currentLead(c.assignments)?.unit_id === u.unitId,
  },
  report: {
    who: (u, c) => hasAny(u, HANDLING_ROLES) && isLeadUnit(u, c),
    // Not while a draft of it waits for the unit lead.
    when: (u, c) => c.tip.status === 'in_progress' && currentLead(c.assignments)?.unit_id === u.unitId && currentLead(c.assignments)?.status !== 'pending_approval',
  },
  // An assisting unit reports its part once, while the tip is worked or under review.
  assist_report: {
    who: (u, c) => hasAny(u, HANDLING_ROLES) && !!currentAssist(c.assignments, u.unitId),
    when: (u, c) => ['dispatched', 'in_progress', 'reported'].includes(c.tip.status) && !['reported', 'pending_approval'].includes(currentAssist(c.assignments, u.unitId)?.status ?? ''),
  },
  // 单位负责人审核: the unit lead approves the unit's draft — never one they wrote themselves.
  approve_report: {
    who: leadsUnitOnTip,
    when: (u, c) => !!pendingReport(c.assignments, u.unitId) && !['merged', 'rejected', 'closed'].includes(c.tip.status),
    deny: (u, c) => (pendingReport(c.assignments, u.unitId)?.draft?.by === u.id ? '不能审核本人提交的办理结果：请由本单位其他负责人审核，或由单位负责人关闭本单位的审核要求' : null),
  },
  reject_report: {
    who: leadsUnitOnTip,
    when: (u, c) => !!pendingReport(c.assignments, u.unitId) && !['merged', 'rejected', 'closed'].includes(c.tip.status),
  },
  // The unit that must act now says the tip is not its to handle, before it reports.
  send_back: {
    who: (u, c) => hasAny(u, HANDLING_ROLES) && isLeadUnit(u, c),
    when: (u, c) => ['dispatched', 'in_progress'].includes(c.tip.status) && currentLead(c.assignments)?.unit_id === u.unitId,
  },
  return: { who: (u, c) => hasAny(u, OFFICE_ROLES) && reviews(u, c), when: status('reported') },
  close: { who: (u, c) => hasAny(u, OFFICE_ROLES) && reviews(u, c), when: status('reported') },
  // 上级审核: only the office the proposal went to decides it.
  approve_closure: { who: reviewsClosure, when: status('closing') },
  return_closure: { who: reviewsClosure, when: status('closing') },
  urge: {
    who: (u, c) => hasAny(u, [...OFFICE_ROLES, 'supervisor']) && isOffice(u) && reviews(u, c),
    when: status('dispatched', 'in_progress'),
  },
  note: { who: (u) => hasAny(u, TIP_WORKER_ROLES), when: () => true },
  reply: {
    who: (u, c) => hasAny(u, OFFICE_ROLES) && isOffice(u) && (ownsOrOversees(u, c) || reviews(u, c)),
    when: (_u, c) => c.tip.status !== 'merged',
  },
};

/** Throws 403 or 409 unless the user may do this action on this (visible) tip now. */
export function permit(user: SessionUser, ctx: TipContext, action: ActionName): void {
  const rule = RULES[action];
  if (!rule.who(user, ctx)) throw new AppError('FORBIDDEN');
  if (!rule.when(user, ctx)) throw new AppError('TIP_INVALID_TRANSITION');
  const denied = rule.deny?.(user, ctx);
  if (denied) throw new AppError('FORBIDDEN', undefined, denied);
}

/** The actions this user can take now, for the console's buttons. */
export function allowedActions(user: SessionUser, ctx: TipContext): ActionName[] {
  return (Object.keys(RULES) as ActionName[]).filter((a) => RULES[a].who(user, ctx) && RULES[a].when(user, ctx) && !RULES[a].deny?.(user, ctx));
}

/** Revealing a reporter's identity: the lead of the receiving office or an office above it. */
export function mayRevealIdentity(user: SessionUser, ctx: TipContext): boolean {
  return user.roles.includes('office_lead') && ownsOrOversees(user, ctx);
}
