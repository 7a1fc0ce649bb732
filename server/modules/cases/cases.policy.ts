import {
  CASE_FIGURE_KIND_CODES, CASE_FIGURE_OWNERS, CASE_STAGE_CODES, CASE_STAGE_OWNER, CASE_WORKER_ROLES, type CaseFigureKind, type CaseStage,
  type CaseUnitKind,
} from '../../../shared/domain.ts';
import { hasAny, type CaseAccessFacts } from '../access/jurisdiction.ts';
import { AppError } from '../../errors.ts';
import type { SessionUser } from '../auth/auth.service.ts';

/**
 * Who records what on a case — the one place these rules live. Seeing a case is the jurisdiction
 * module's (canSeeCase / caseVisibleSql: not visible is 404); here a visible case's unit acts in its
 * own part only: the police unit that filed it records the police stages and figures, the
 * procuratorate it was transferred to records prosecution, the court it was prosecuted before records
 * the trial. The wrong part is 403; a stage out of its order is 409.
 */

/** The part this user plays on this case, or null (a reader: offices, viewers, other units). */
export function partOn(user: Pick<SessionUser, 'roles' | 'unitId'>, c: CaseAccessFacts): CaseUnitKind | null {
  if (!hasAny(user, CASE_WORKER_ROLES)) return null;
  if (c.lead_unit_id === user.unitId) return 'police';
  if (c.procuratorate_unit_id === user.unitId) return 'procuratorate';
  if (c.court_unit_id === user.unitId) return 'court';
  return null;
}

/** A police handler or lead files a case (in its own region subtree: checked by the service). */
export const mayFileCase = (user: Pick<SessionUser, 'roles' | 'unitKind'>) => user.unitKind === 'police' && hasAny(user, CASE_WORKER_ROLES);

/** The stage that may be recorded next, or null when the case is tried. */
export const nextStage = (current: CaseStage): CaseStage | null => CASE_STAGE_CODES[CASE_STAGE_CODES.indexOf(current) + 1] ?? null;

/** Throws 403 unless this user's part owns the stage, then 409 unless it is the case's next stage. */
export function permitStage(user: SessionUser, c: CaseAccessFacts & { stage: CaseStage }, stage: CaseStage): void {
  if (partOn(user, c) !== CASE_STAGE_OWNER[stage]) throw new AppError('FORBIDDEN');
  if (nextStage(c.stage) !== stage) throw new AppError('CASE_STAGE_ORDER');
}

/** Throws 403 unless this user's part records this kind of figure. */
export function permitFigure(user: SessionUser, c: CaseAccessFacts, kind: CaseFigureKind): void {
  const part = partOn(user, c);
  if (!part || !CASE_FIGURE_OWNERS[kind].includes(part)) throw new AppError('FORBIDDEN');
}

/** A correction is made by the unit that recorded the entry, nobody else: "none edits another's entries". */
export function permitCorrection(user: SessionUser, c: CaseAccessFacts, entry: { kind: CaseFigureKind; unit_id: number }): void {
  permitFigure(user, c, entry.kind);
  if (entry.unit_id !== user.unitId) throw new AppError('FORBIDDEN');
}

/** Only the police unit that filed the case links tips and subjects to it. */
export function permitLink(user: SessionUser, c: CaseAccessFacts): void {
  if (partOn(user, c) !== 'police') throw new AppError('FORBIDDEN');
}

/** What the user may do on the case, for the page (the server checks each action again). */
export function allowedOn(user: SessionUser, c: CaseAccessFacts & { stage: CaseStage }) {
  const part = partOn(user, c);
  const next = nextStage(c.stage);
  return {
    stages: next && part === CASE_STAGE_OWNER[next] ? [next] : [],
    figureKinds: part ? CASE_FIGURE_KIND_CODES.filter((k) => CASE_FIGURE_OWNERS[k].includes(part)) : [],
    link: part === 'police',
  };
}
