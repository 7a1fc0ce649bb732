import { join, raw, sql, type Sql } from '../../db/client.ts';
import { SUPERVISION_ROLES, TIP_READER_ROLES, type Role } from '../../../shared/domain.ts';
import type { SessionUser } from '../auth/auth.service.ts';

/**
 * Jurisdiction — who may see and act on which records — in one place, in two forms that must agree:
 * for one record in JavaScript, and as a SQL predicate for lists and counts. Every strand (tips,
 * subjects, hazards, figures, cases, publicity, supervision, statistics) asks here; no module types
 * the rule again. `jurisdiction.test.ts` checks on random data that both forms give the same answer.
 *
 * The rule (docs/ARCHITECTURE.md, "Visibility"):
 * - a region code is its own ancestry, so a jurisdiction is a code prefix ('' = the nation);
 * - a campaign office sees records in its region subtree;
 * - for tips, an office also sees what sits in its queue and what was dispatched to it; a member unit
 *   sees a tip only through a dispatch to it; a unit the tip accuses sees nothing of it.
 */

/** A column or expression of the caller's own SQL (never user input). */
export type Column = string;

export const hasAny = (user: Pick<SessionUser, 'roles'>, roles: readonly Role[]) => user.roles.some((r) => roles.includes(r));
export const isOffice = (user: Pick<SessionUser, 'unitKind'>) => user.unitKind === 'campaign_office';

// ---- Region subtrees -------------------------------------------------------------------------

/** Is `code` inside the subtree rooted at `root` (a region is inside its own subtree)? */
export const inSubtree = (root: string, code: string): boolean => code.startsWith(root);

/** SQL: `column` is inside the subtree rooted at `root`. Region codes are digits; LIKE wildcards are escaped anyway. */
export const subtreeSql = (root: string, column: Column): Sql =>
  sql`${raw(column)} like ${root.replace(/[\\%_]/g, (c) => '\\' + c)} || '%'`;

/**
 * SQL: `column` is outside the subtree rooted at `root` — `not subtreeSql`, written as the two ranges
 * around the subtree in byte order (region codes are digits, so the subtree is [root, root with its
 * last digit raised)), which an index on (…, column text_pattern_ops) skips instead of reading it all.
 */
export const outsideSubtreeSql = (root: string, column: Column): Sql => {
  const ranges = outsideSubtreeRanges(root, column);
  return ranges.length ? sql`(${join(ranges, ' or ')})` : sql`false`;
};
/** The two ranges of `outsideSubtreeSql`, each an index condition on its own (none for the nation). */
export const outsideSubtreeRanges = (root: string, column: Column): Sql[] => {
  if (root === '') return [];
  const above = root.slice(0, -1) + String.fromCharCode(root.charCodeAt(root.length - 1) + 1);
  return [sql`${raw(column)} ~<~ ${root}`, sql`${raw(column)} ~>=~ ${above}`];
};

/** A record with a region is in the user's jurisdiction when it lies in the subtree of the user's unit. */
export const inJurisdiction = (user: Pick<SessionUser, 'unitRegionCode'>, regionCode: string): boolean =>
  inSubtree(user.unitRegionCode, regionCode);

/**
 * The user's view narrowed to one region of their jurisdiction (a dashboard drilled down to a city):
 * the same user with that region as the root of what they see. Null when the region lies outside.
 */
export const narrowedTo = <U extends Pick<SessionUser, 'unitRegionCode'>>(user: U, region: string | undefined): U | null =>
  region === undefined ? user : inJurisdiction(user, region) ? { ...user, unitRegionCode: region } : null;

/** SQL form of `inJurisdiction` on a region-code column. */
export const jurisdictionSql = (user: Pick<SessionUser, 'unitRegionCode'>, column: Column): Sql =>
  subtreeSql(user.unitRegionCode, column);

/**
 * Figures and settings kept per region (the elderly population, evaluation weights) are written by a
 * campaign office of that region or one above it; member units read them within their jurisdiction.
 */
export const mayWriteForRegion = (user: Pick<SessionUser, 'unitKind' | 'unitRegionCode'>, regionCode: string): boolean =>
  isOffice(user) && inJurisdiction(user, regionCode);

/**
 * Reported figures (issue 11 item 2). Any unit reports for its own region. Who reviews: a campaign
 * office strictly above the region of a campaign office's figure; a campaign office of the region
 * itself or above for a member unit's figure (police, procuratorate, court … report to the office of
 * their own region). The national office's own figures have no office above: the national office
 * reviews them. Who sees: offices their subtree; a member unit its own unit's figures.
 */
export interface FigureAccessFacts { region_code: string; unit_id: number; submitter_is_office: boolean }
export const mayReviewFigure = (user: Pick<SessionUser, 'unitKind' | 'unitRegionCode'>, f: Omit<FigureAccessFacts, 'unit_id'>): boolean =>
  isOffice(user) && inSubtree(user.unitRegionCode, f.region_code) &&
  (!f.submitter_is_office || user.unitRegionCode !== f.region_code || f.region_code === '');
/** SQL form of `mayReviewFigure`; `submitterIsOffice` is a boolean expression of the caller's SQL. */
export const reviewableFigureSql = (user: Pick<SessionUser, 'unitKind' | 'unitRegionCode'>, f: string, submitterIsOffice: Column): Sql =>
  !isOffice(user) ? sql`false`
    : user.unitRegionCode === '' ? subtreeSql('', `${f}.region_code`)
    : sql`(${subtreeSql(user.unitRegionCode, `${f}.region_code`)} and (not ${raw(submitterIsOffice)} or ${raw(f)}.region_code <> ${user.unitRegionCode}))`;
export const canSeeFigure = (user: Pick<SessionUser, 'unitKind' | 'unitRegionCode' | 'unitId'>, f: FigureAccessFacts): boolean =>
  isOffice(user) ? inSubtree(user.unitRegionCode, f.region_code) : f.unit_id === user.unitId;
export const figureVisibleSql = (user: Pick<SessionUser, 'unitKind' | 'unitRegionCode' | 'unitId'>, f: string): Sql =>
  isOffice(user) ? subtreeSql(user.unitRegionCode, `${f}.region_code`) : sql`${raw(f)}.unit_id = ${user.unitId}`;

/**
 * Region-scoped settings (routing rules) that concern a user: those of the regions above the user's
 * unit, which apply to it too, and those of its subtree. Other branches' settings are "not found".
 */
export const concernsRegion = (user: Pick<SessionUser, 'unitRegionCode'>, prefix: string): boolean =>
  inSubtree(user.unitRegionCode, prefix) || inSubtree(prefix, user.unitRegionCode);

/** SQL form of `concernsRegion` on a region-prefix column. */
export const concernsRegionSql = (user: Pick<SessionUser, 'unitRegionCode'>, column: Column): Sql =>
  // Stored prefixes are region codes (digits only, checked at input), so the column is a safe LIKE pattern.
  sql`(${subtreeSql(user.unitRegionCode, column)} or ${user.unitRegionCode} like ${raw(column)} || '%')`;

// ---- What the public sees by region -------------------------------------------------------------

/** A region's code and those of every region above it, nearest first, ending with the nation (''). */
export const selfAndAbove = (code: string): string[] => [...[12, 9, 6, 4, 2].filter((n) => n <= code.length).map((n) => code.slice(0, n)), ''];

/**
 * Region-scoped public content (a county's warning, an office's reporting channels) reaches visitors
 * who pick a region inside its scope: a county's warning shows under that county and its townships,
 * a province's everywhere in the province, never in a neighbouring county.
 */
export const scopeCovers = (scope: string, visitorRegion: string): boolean => inSubtree(scope, visitorRegion);

/** SQL form of `scopeCovers` on a scope column (equality on each code above, so an index serves it). */
export const scopeCoversSql = (visitorRegion: string, column: Column): Sql => sql`${raw(column)} = any(${selfAndAbove(visitorRegion)}::text[])`;

// ---- Tips ------------------------------------------------------------------------------------

/** What visibility of a tip depends on. */
export interface TipAccessFacts {
  region_code: string;
  office_unit_id: number;
  accused_unit_ids: number[];
  /** Units with any dispatch record (active or not) on the tip. */
  assignedUnitIds: number[];
}

type TipViewer = Pick<SessionUser, 'roles' | 'unitId' | 'unitKind' | 'unitRegionCode'>;

/** May this user see this tip at all? (Invisible is 404, never 403.) */
export function canSeeTip(user: TipViewer, tip: TipAccessFacts): boolean {
  if (!hasAny(user, TIP_READER_ROLES)) return false;
  if (tip.accused_unit_ids.includes(user.unitId)) return false;
  if (tip.assignedUnitIds.includes(user.unitId)) return true;
  return isOffice(user) && (inSubtree(user.unitRegionCode, tip.region_code) || tip.office_unit_id === user.unitId);
}

/**
 * The kinds of access to a tip, as SQL branches on the tips table under alias `t`, each answerable
 * from one index and DISJOINT by construction (a tip in the subtree is never counted again for the
 * queue or a dispatch, one in the queue never again for a dispatch), so counts add up and list pages
 * merge without duplicates. Their OR is `tipVisibleSql`; `jurisdiction.test.ts` checks both against
 * `canSeeTip` on random data. Indexes (0008): subtree → tips_region_received_idx / tips_received_idx /
 * tips_open_deadline_idx; queue → tips_office_idx / tips_office_region_idx (0012); dispatched → the
 * unit's assignments (`assignedTipsSql`, then `reached`).
 */
export type TipBranchKind = 'subtree' | 'queue' | 'dispatched';
export interface TipBranch {
  kind: TipBranchKind;
  /** The branch as a predicate on the tip. */
  where: Sql;
  /**
   * 'dispatched' only: the branch for a tip reached from the unit's own assignments (`assignedTipsSql`,
   * or `tip_assignments` where unit_id is the user's unit) — `where` without its assignment test, which
   * that path makes true. (Left in, the planner would read every assignment of the unit to test it.)
   */
  reached?: Sql;
}

export function tipVisibleBranches(user: TipViewer, t = 't'): TipBranch[] {
  if (!hasAny(user, TIP_READER_ROLES)) return [];
  const T = raw(t);
  const notAccused = sql`not (${user.unitId}::bigint = any(${T}.accused_unit_ids))`;
  const assigned = sql`exists (select 1 from tip_assignments a where a.tip_id = ${T}.id and a.unit_id = ${user.unitId})`;
  const dispatched = (reached: Sql): TipBranch => ({ kind: 'dispatched', where: sql`(${reached} and ${assigned})`, reached });
  if (!isOffice(user)) return [dispatched(notAccused)];
  const inTree = subtreeSql(user.unitRegionCode, `${t}.region_code`);
  const outside = outsideSubtreeSql(user.unitRegionCode, `${t}.region_code`);
  return [
    { kind: 'subtree', where: sql`(${notAccused} and ${inTree})` },
    // Nearly always empty (an office receives tips of its own subtree): tips_office_region_idx says so at once.
    { kind: 'queue', where: sql`(${notAccused} and ${T}.office_unit_id = ${user.unitId} and ${outside})` },
    dispatched(sql`(${notAccused} and ${T}.office_unit_id <> ${user.unitId} and ${outside})`),
  ];
}

/** SQL form of `canSeeTip`, on the tips table under alias `t`: the OR of the branches. */
export function tipVisibleSql(user: TipViewer, t = 't'): Sql {
  const branches = tipVisibleBranches(user, t);
  return branches.length ? sql`(${join(branches.map((b) => b.where), ' or ')})` : sql`false`;
}

/**
 * The ids (column `tip_id`, once each) of the tips dispatched to the user's unit — the access path of
 * the 'dispatched' branch, read from the unit's assignments by index; AND the branch's `reached` on
 * the tips it leads to. With `open`, only tips whose deadline runs (status
 * dispatched or in_progress) need to be found, and only the unit's live assignments (tip_assignments_live_idx)
 * and its ended ones (tip_assignments_ended_idx) are read, not its whole history: an open tip's
 * assignments are all live or ended, because closing marks a tip's active assignments closed and
 * only a re-examination reopens a closed tip, ending them all (tips.actions / tips.public services).
 */
export function assignedTipsSql(user: Pick<SessionUser, 'unitId'>, opts: { open?: boolean } = {}): Sql {
  if (!opts.open) return sql`select distinct tip_id from tip_assignments where unit_id = ${user.unitId}`;
  return sql`select tip_id from tip_assignments where unit_id = ${user.unitId} and active and status <> 'closed'
             union select tip_id from tip_assignments where unit_id = ${user.unitId} and not active`;
}

/**
 * SQL: the tip `tipId` does not accuse the unit `unitId` (both columns or expressions of the caller's
 * SQL) — for writes that reach units, such as notifications, which must never tell a unit of its accusation.
 */
export const notAccusedSql = (unitId: Column, tipId: Column): Sql =>
  sql`not exists (select 1 from tips acc where acc.id = ${raw(tipId)} and ${raw(unitId)} = any(acc.accused_unit_ids))`;

// ---- Hand-overs (移交) ------------------------------------------------------------------------

/** What following a hand-over depends on: the unit that handed the tip over, and whom the tip accuses. */
export interface HandoverFacts {
  handed_over_by_unit_id: number | null;
  accused_unit_ids: number[];
}

/**
 * May this user follow this tip as one their unit handed over (移交)? A member unit sees the tips it
 * handed over in its list of hand-overs (their status, not the office's work on them — that needs a
 * dispatch, canSeeTip), unless the tip accuses the unit: a unit named by a tip sees nothing of it,
 * even one it handed over itself (it may be named after the hand-over).
 */
export function canFollowHandover(user: TipViewer, tip: HandoverFacts): boolean {
  return hasAny(user, TIP_READER_ROLES) && tip.handed_over_by_unit_id === user.unitId && !tip.accused_unit_ids.includes(user.unitId);
}

/** SQL form of `canFollowHandover`, on the tips table under alias `t` (tips_handed_over_idx). */
export function handoverVisibleSql(user: TipViewer, t = 't'): Sql {
  if (!hasAny(user, TIP_READER_ROLES)) return sql`false`;
  const T = raw(t);
  return sql`(${T}.handed_over_by_unit_id = ${user.unitId} and not (${user.unitId}::bigint = any(${T}.accused_unit_ids)))`;
}

// ---- Criminal cases --------------------------------------------------------------------------

/** What visibility of a criminal case depends on: its region and the units it names. */
export interface CaseAccessFacts {
  region_code: string;
  lead_unit_id: number;
  procuratorate_unit_id: number | null;
  court_unit_id: number | null;
}

/**
 * May this user see this case? As for tips: a campaign office sees the cases of its region subtree;
 * any other unit (police, procuratorate, court) sees only the cases that name it — the police unit
 * that filed it, the procuratorate it was transferred to, the court it was prosecuted before. So a
 * court sees only the cases it was given. Invisible is 404, never 403.
 */
export function canSeeCase(user: TipViewer, c: CaseAccessFacts): boolean {
  if (!hasAny(user, TIP_READER_ROLES)) return false;
  if (c.lead_unit_id === user.unitId || c.procuratorate_unit_id === user.unitId || c.court_unit_id === user.unitId) return true;
  return isOffice(user) && inSubtree(user.unitRegionCode, c.region_code);
}

/** SQL form of `canSeeCase`, on the criminal_cases table under alias `c`. */
export function caseVisibleSql(user: TipViewer, c = 'c'): Sql {
  if (!hasAny(user, TIP_READER_ROLES)) return sql`false`;
  const C = raw(c);
  const named = sql`(${C}.lead_unit_id = ${user.unitId} or ${C}.procuratorate_unit_id = ${user.unitId} or ${C}.court_unit_id = ${user.unitId})`;
  if (!isOffice(user)) return named;
  return sql`(${named} or ${subtreeSql(user.unitRegionCode, `${c}.region_code`)})`;
}

// ---- Supervision rounds (督导检查) --------------------------------------------------------------

/** What access to a supervision round depends on. `region_code` is the supervising unit's region. */
export interface RoundAccessFacts {
  region_code: string;
  supervising_unit_id: number;
  targetUnitIds: number[];
  memberIds: number[];
}

type RoundViewer = Pick<SessionUser, 'id' | 'roles' | 'unitId' | 'unitKind' | 'unitRegionCode'>;

/**
 * Sees the whole round (every target, finding and sample): a campaign office whose subtree holds the
 * supervising unit's region — the supervising office and the offices above it — or a member of the
 * round. A supervisor of another city sees nothing of it (404).
 */
export function seesWholeRound(user: RoundViewer, r: RoundAccessFacts): boolean {
  if (!hasAny(user, TIP_READER_ROLES)) return false;
  return r.memberIds.includes(user.id) || (isOffice(user) && inSubtree(user.unitRegionCode, r.region_code));
}

/** May see the round at all: the whole of it (above), or — a target unit — its head and its own findings. */
export const canSeeRound = (user: RoundViewer, r: RoundAccessFacts): boolean =>
  seesWholeRound(user, r) || (hasAny(user, TIP_READER_ROLES) && r.targetUnitIds.includes(user.unitId));

/** SQL form of `seesWholeRound`, on supervision_rounds under alias `r`. */
export function roundWholeSql(user: RoundViewer, r = 'r'): Sql {
  if (!hasAny(user, TIP_READER_ROLES)) return sql`false`;
  const member = sql`exists (select 1 from supervision_round_members m where m.round_id = ${raw(r)}.id and m.user_id = ${user.id})`;
  return isOffice(user) ? sql`(${subtreeSql(user.unitRegionCode, `${r}.region_code`)} or ${member})` : member;
}

/** SQL form of `canSeeRound`, on supervision_rounds under alias `r`. */
export function roundVisibleSql(user: RoundViewer, r = 'r'): Sql {
  if (!hasAny(user, TIP_READER_ROLES)) return sql`false`;
  const target = sql`exists (select 1 from supervision_targets st where st.round_id = ${raw(r)}.id and st.unit_id = ${user.unitId})`;
  return sql`(${roundWholeSql(user, r)} or ${target})`;
}

/** Runs the round (findings, samples, 回访, verification): a supervisor or lead of the supervising unit, or a member with such a role. */
export const runsRound = (user: RoundViewer, r: RoundAccessFacts): boolean =>
  hasAny(user, SUPERVISION_ROLES) && (user.unitId === r.supervising_unit_id || r.memberIds.includes(user.id));

/** A round's targets lie inside the supervising unit's region subtree (the supervising unit itself excepted). */
export const mayBeSupervised = (supervisingRegion: string, unitRegion: string): boolean => inSubtree(supervisingRegion, unitRegion);

// ---- Screening rounds (排查批次) -------------------------------------------------------------

/**
 * A screening round concerns the units of its region subtree, which inspect in it (a county's market
 * regulation in a city's round), and the offices above it, which follow it: as region-scoped settings
 * (concernsRegion). A round of another branch is "not found".
 */
export const canSeeScreeningRound = (user: Pick<SessionUser, 'unitRegionCode'>, roundRegion: string): boolean => concernsRegion(user, roundRegion);
/** SQL form of `canSeeScreeningRound` on the round's region column. */
export const screeningRoundVisibleSql = (user: Pick<SessionUser, 'unitRegionCode'>, column: Column): Sql => concernsRegionSql(user, column);
/**
 * Where a user counts a round's coverage: the round's region when it lies in the user's jurisdiction;
 * else the user's own region (a county sees its part of a city's round, never its neighbours' subjects).
 */
export const coverageRoot = (user: Pick<SessionUser, 'unitRegionCode'>, roundRegion: string): string =>
  inJurisdiction(user, roundRegion) ? roundRegion : user.unitRegionCode;

// ---- Deadlines -------------------------------------------------------------------------------

/** Statuses in which a tip's deadline runs: it has been dispatched and no result is reported yet. */
export const DEADLINE_STATUSES = ['dispatched', 'in_progress'] as const;

/** Overdue is derived, never stored: the deadline has passed and no result has been reported. */
export const isTipOverdue = (tip: { status: string; deadline_at: Date | null }, now = new Date()): boolean =>
  !!tip.deadline_at && tip.deadline_at.getTime() < now.getTime() && (DEADLINE_STATUSES as readonly string[]).includes(tip.status);

/** SQL form of `isTipOverdue` (now() is the transaction's time). */
export const tipOverdueSql = (t = 't'): Sql =>
  sql`(${raw(t)}.deadline_at is not null and ${raw(t)}.deadline_at < now() and ${deadlineRunsSql(t)})`;

/** SQL: the tip's deadline runs (its status is one of DEADLINE_STATUSES). */
export const deadlineRunsSql = (t = 't'): Sql => sql`${raw(t)}.status in (${join([...DEADLINE_STATUSES])})`;

// ---- Audit log -------------------------------------------------------------------------------

/**
 * SQL: an audit row (alias `l`) lies in the auditor's jurisdiction when its actor belongs to a unit in
 * the auditor's subtree, or when the row is about a tip, user or unit in that subtree (so an auditor
 * also sees what others did to their province's records). Rows with neither — failed logins for
 * unknown names, system changes to shared tables — belong to the nation's auditor only. Rows about a
 * tip that accuses the auditor's own unit are never shown: nothing of a tip reaches the unit it accuses.
 */
export function auditVisibleSql(user: Pick<SessionUser, 'unitRegionCode' | 'unitId'>, l = 'l'): Sql {
  const L = raw(l);
  // entity_id is text: cast only digit strings, so the lookups stay primary-key lookups.
  const entityId = sql`(case when ${L}.entity_id ~ '^[0-9]{1,18}$' then ${L}.entity_id::bigint end)`;
  const notAccusing = sql`not (${L}.entity = 'tip' and exists (select 1 from tips ta where ta.id = ${entityId} and ${user.unitId}::bigint = any(ta.accused_unit_ids)))`;
  if (user.unitRegionCode === '') return notAccusing;
  const inTree = (column: Column) => jurisdictionSql(user, column);
  return sql`(${notAccusing} and (exists (select 1 from users au join units aun on aun.id = au.unit_id where au.id = ${L}.actor_id and ${inTree('aun.region_code')})
    or (${L}.entity = 'tip' and exists (select 1 from tips et where et.id = ${entityId} and ${inTree('et.region_code')}))
    or (${L}.entity = 'user' and exists (select 1 from users eu join units eun on eun.id = eu.unit_id where eu.id = ${entityId} and ${inTree('eun.region_code')}))
    or (${L}.entity = 'unit' and exists (select 1 from units eun2 where eun2.id = ${entityId} and ${inTree('eun2.region_code')}))))`;
}
