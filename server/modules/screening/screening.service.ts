import type { Db, Queryable } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { visibilitySql } from '../tips/tips.policy.ts';
import { SCREENING_LEAD_ROLES, type ChecklistItem, type HazardStatus, type RiskGrade } from '../../../shared/domain.ts';
import { assessRisk, type RiskFacts } from './risk.ts';
import { chinaToday } from '../../../shared/time.ts';

/**
 * Screening and rectification: inspections of subjects, the hazard ledger (台账) with one function per
 * state change, and each subject's explained risk grade. A subject outside the user's region subtree
 * is "not found", as tips are.
 */

const actor = (u: SessionUser) => ({ id: u.id, name: u.username });
const today = chinaToday;
const isLead = (u: SessionUser) => u.roles.some((r) => (SCREENING_LEAD_ROLES as readonly string[]).includes(r));

export interface SubjectRow {
  id: number; regionCode: string; regionName: string; kind: string; name: string; uscc: string | null; address: string | null; createdAt: Date;
}
const SUBJECT_COLUMNS = `s.id, s.region_code as "regionCode", r.name as "regionName", s.kind, s.name, s.uscc, s.address, s.created_at as "createdAt"`;

async function visibleSubject(q: Queryable, user: SessionUser, id: number): Promise<SubjectRow> {
  const [s] = await q.query<SubjectRow>(
    `select ${SUBJECT_COLUMNS} from subjects s join regions r on r.code = s.region_code where s.id = $1 and s.region_code like $2 || '%'`,
    [id, user.unitRegionCode],
  );
  if (!s) throw new AppError('NOT_FOUND');
  return s;
}

/** The risk facts of many subjects in five grouped queries (never one query per subject). */
async function riskFacts(q: Queryable, ids: number[]): Promise<Map<number, RiskFacts>> {
  const facts = new Map<number, RiskFacts>(ids.map((id) => [id, { inspected: false, checklist: null, hazards: [], tips: 0, tipsTrue: 0, override: null }]));
  if (!ids.length) return facts;
  for (const r of await q.query<{ subject_id: number; checklist: Partial<Record<ChecklistItem, boolean>> }>(
    `select distinct on (subject_id) subject_id, checklist from inspections where subject_id = any($1::bigint[]) order by subject_id, inspected_on desc, id desc`, [ids],
  )) Object.assign(facts.get(r.subject_id)!, { inspected: true, checklist: r.checklist });
  for (const h of await q.query<{ subject_id: number; category: string; serious: boolean; status: string; deadline: string }>(
    'select subject_id, category, serious, status, deadline::text as deadline from hazards where subject_id = any($1::bigint[])', [ids],
  )) facts.get(h.subject_id)!.hazards.push(h);
  // Tips naming the subject: by credit code or by normalised name, each an index lookup on tip_entities.
  for (const r of await q.query<{ subject_id: number; tips: number; tips_true: number }>(
    `with named as (
       select s.id as subject_id, e.tip_id from subjects s join tip_entities e on e.kind = 'uscc' and e.normalized = s.uscc where s.id = any($1::bigint[])
       union
       select s.id, e.tip_id from subjects s join tip_entities e on e.kind = 'organization' and e.normalized = s.normalized_name where s.id = any($1::bigint[]))
     select n.subject_id, count(*)::int as tips,
            count(*) filter (where exists (select 1 from tip_assignments a where a.tip_id = t.id and a.verdict in ('true', 'partly_true')))::int as tips_true
     from named n join tips t on t.id = n.tip_id and t.status not in ('rejected', 'merged')
     group by n.subject_id`, [ids],
  )) Object.assign(facts.get(r.subject_id)!, { tips: r.tips, tipsTrue: r.tips_true });
  for (const o of await q.query<{ subject_id: number; grade: RiskGrade | null; reason: string }>(
    `select distinct on (subject_id) subject_id, grade, reason from subject_risk_overrides where subject_id = any($1::bigint[]) order by subject_id, id desc`, [ids],
  )) facts.get(o.subject_id)!.override = o.grade ? { grade: o.grade, reason: o.reason } : null;
  return facts;
}

/** Rows a list shows; a grade is computed, so filtering by it reads up to SCOPE_CAP subjects first. */
const LIST_ROWS = 500;
const SCOPE_CAP = 20_000;

export async function listSubjects(db: Db, user: SessionUser, f: { q?: string; kind?: string; grade?: RiskGrade | 'none' }) {
  const rows = await db.query<SubjectRow>(
    `select ${SUBJECT_COLUMNS} from subjects s join regions r on r.code = s.region_code
     where s.region_code like $1 || '%' and ($2::text is null or s.name like '%' || $2 || '%' or s.uscc = upper($2))
       and ($3::text is null or s.kind = $3)
     order by s.id desc limit $4`,
    [user.unitRegionCode, f.q || null, f.kind ?? null, f.grade ? SCOPE_CAP : LIST_ROWS],
  );
  const facts = await riskFacts(db, rows.map((r) => r.id));
  const day = today();
  return rows
    .map((s) => {
      const fx = facts.get(s.id)!;
      const risk = assessRisk(fx, day);
      return { ...s, grade: risk.grade, reasons: risk.reasons, openHazards: fx.hazards.filter((h) => h.status !== 'verified').length, tips: fx.tips, inspected: fx.inspected };
    })
    .filter((s) => !f.grade || (f.grade === 'none' ? s.grade === null : s.grade === f.grade))
    .slice(0, LIST_ROWS);
}

export async function subjectDetail(db: Db, user: SessionUser, id: number) {
  const subject = await visibleSubject(db, user, id);
  const risk = assessRisk((await riskFacts(db, [id])).get(id)!, today());
  const inspections = await db.query<{
    id: number; inspectedOn: string; inspectors: number; checklist: Partial<Record<ChecklistItem, boolean>>; findings: string | null; unitName: string; createdAt: Date;
  }>(
    `select i.id, i.inspected_on as "inspectedOn", i.inspectors, i.checklist, i.findings, un.name as "unitName", i.created_at as "createdAt"
     from inspections i join units un on un.id = i.unit_id where i.subject_id = $1 order by i.inspected_on desc, i.id desc`, [id],
  );
  const hazards = await db.query<{
    id: number; inspectionId: number | null; description: string; category: string; serious: boolean; measure: string; deadline: string; responsible: string;
    status: string; fineYuan: number | null; rectifiedNote: string | null; unitName: string; createdAt: Date; overdue: boolean;
  }>(
    `select h.id, h.inspection_id as "inspectionId", h.description, h.category, h.serious, h.measure, h.deadline, h.responsible, h.status,
            h.fine_yuan as "fineYuan", h.rectified_note as "rectifiedNote", un.name as "unitName", h.created_at as "createdAt",
            (h.status in ('open', 'rectifying') and h.deadline < $2::date) as overdue
     from hazards h join units un on un.id = h.unit_id where h.subject_id = $1 order by h.id desc`, [id, today()],
  );
  // Tips that name it, limited to the ones this user may open.
  const scope = visibilitySql(user, 2);
  const tips = await db.query<{ id: number; trackingCode: string; status: string; receivedAt: Date }>(
    `select distinct t.id, t.tracking_code as "trackingCode", t.status, t.received_at as "receivedAt"
     from subjects s join tip_entities e on (e.kind = 'uscc' and e.normalized = s.uscc) or (e.kind = 'organization' and e.normalized = s.normalized_name)
     join tips t on t.id = e.tip_id
     where s.id = $1 and ${scope.sql} order by t.id desc limit 50`,
    [id, ...scope.params],
  );
  return { ...subject, risk, inspections, hazards, tips };
}

export interface HazardInput {
  description: string; category: string; serious: boolean; measure: string; deadline: string; responsible: string; fineYuan?: number;
}

async function insertHazard(q: Queryable, user: SessionUser, subjectId: number, inspectionId: number | null, h: HazardInput) {
  const [{ id }] = await q.query<{ id: number }>(
    `insert into hazards (subject_id, inspection_id, unit_id, description, category, serious, measure, deadline, responsible, fine_yuan, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
    [subjectId, inspectionId, user.unitId, h.description, h.category, h.serious, h.measure, h.deadline, h.responsible, h.fineYuan ?? null, user.id],
  );
  await audit(q, actor(user), { action: 'hazard.created', entity: 'hazard', entityId: id, detail: { subjectId, category: h.category, serious: h.serious, deadline: h.deadline } });
  return id;
}

/** Records an inspection and the hazards it found, in one transaction. */
export async function recordInspection(
  db: Db, user: SessionUser, subjectId: number,
  b: { inspectedOn: string; inspectors: number; checklist: Partial<Record<ChecklistItem, boolean>>; findings?: string; hazards: HazardInput[] },
) {
  await visibleSubject(db, user, subjectId);
  return db.tx(async (q) => {
    const [{ id }] = await q.query<{ id: number }>(
      `insert into inspections (subject_id, unit_id, inspected_on, inspectors, checklist, findings, created_by)
       values ($1, $2, $3, $4, $5::jsonb, $6, $7) returning id`,
      [subjectId, user.unitId, b.inspectedOn, b.inspectors, JSON.stringify(b.checklist), b.findings ?? null, user.id],
    );
    await audit(q, actor(user), { action: 'inspection.recorded', entity: 'subject', entityId: subjectId, detail: { inspectionId: id, hazards: b.hazards.length } });
    const hazardIds = [];
    for (const h of b.hazards) hazardIds.push(await insertHazard(q, user, subjectId, id, h));
    return { id, hazardIds };
  });
}

export async function recordHazard(db: Db, user: SessionUser, subjectId: number, h: HazardInput) {
  await visibleSubject(db, user, subjectId);
  return db.tx(async (q) => ({ id: await insertHazard(q, user, subjectId, null, h) }));
}

// ── Hazard state changes: one function each; 404 out of scope, 403 role, 409 state ──────────────

interface HazardRow { id: number; subject_id: number; status: HazardStatus }

async function loadHazard(q: Queryable, user: SessionUser, id: number): Promise<HazardRow> {
  const [h] = await q.query<HazardRow>(
    `select h.id, h.subject_id, h.status from hazards h join subjects s on s.id = h.subject_id where h.id = $1 and s.region_code like $2 || '%' for update of h`,
    [id, user.unitRegionCode],
  );
  if (!h) throw new AppError('NOT_FOUND');
  return h;
}

async function move(db: Db, user: SessionUser, id: number, from: HazardStatus[], to: HazardStatus, action: string, note: string | null, leadOnly = false) {
  return db.tx(async (q) => {
    const h = await loadHazard(q, user, id);
    if (leadOnly && !isLead(user)) throw new AppError('FORBIDDEN');
    if (!from.includes(h.status)) throw new AppError('HAZARD_INVALID_TRANSITION');
    await q.query(
      `update hazards set status = $2, updated_at = now(), verified_at = case when $2 = 'verified' then now() else verified_at end,
              rectified_note = case when $3::text is not null and $2 = 'rectified' then $3 else rectified_note end
       where id = $1`,
      [id, to, note],
    );
    await audit(q, actor(user), { action: `hazard.${action}`, entity: 'hazard', entityId: id, detail: { from: h.status, to, ...(note ? { note } : {}) } });
    return { id, status: to };
  });
}

export const startRectifying = (db: Db, u: SessionUser, id: number) => move(db, u, id, ['open'], 'rectifying', 'started', null);
export const reportRectified = (db: Db, u: SessionUser, id: number, note: string) => move(db, u, id, ['open', 'rectifying'], 'rectified', 'rectified', note);
export const verifyRectified = (db: Db, u: SessionUser, id: number) => move(db, u, id, ['rectified'], 'verified', 'verified', null, true);
export const reopenHazard = (db: Db, u: SessionUser, id: number, note: string) => move(db, u, id, ['rectified'], 'rectifying', 'reopened', note, true);

/** A lead sets the grade by hand (or clears it with grade null); the reason is kept and audited. */
export async function overrideRisk(db: Db, user: SessionUser, subjectId: number, grade: RiskGrade | null, reason: string) {
  if (!isLead(user)) throw new AppError('FORBIDDEN');
  await visibleSubject(db, user, subjectId);
  await db.tx(async (q) => {
    await q.query('insert into subject_risk_overrides (subject_id, grade, reason, created_by) values ($1, $2, $3, $4)', [subjectId, grade, reason, user.id]);
    await audit(q, actor(user), { action: 'subject.risk_overridden', entity: 'subject', entityId: subjectId, detail: { grade, reason } });
  });
  return assessRisk((await riskFacts(db, [subjectId])).get(subjectId)!, today());
}

export const LEDGER_MAX_ROWS = 10_000;

/** The rectification ledger (台账) of the user's jurisdiction, nearest deadline first. */
export async function hazardLedger(db: Db, user: SessionUser, f: { status?: HazardStatus; overdue?: boolean }) {
  return db.query<{
    id: number; subjectId: number; subjectName: string; regionName: string; description: string; category: string; serious: boolean; measure: string;
    deadline: string; responsible: string; status: string; fineYuan: number | null; unitName: string; overdue: boolean;
  }>(
    `select h.id, h.subject_id as "subjectId", s.name as "subjectName", r.name as "regionName", h.description, h.category, h.serious,
            h.measure, h.deadline, h.responsible, h.status, h.fine_yuan as "fineYuan", un.name as "unitName",
            (h.status in ('open', 'rectifying') and h.deadline < $4::date) as overdue
     from hazards h join subjects s on s.id = h.subject_id join regions r on r.code = s.region_code join units un on un.id = h.unit_id
     where s.region_code like $1 || '%' and ($2::text is null or h.status = $2)
       and (not $3::boolean or (h.status in ('open', 'rectifying') and h.deadline < $4::date))
     order by h.deadline, h.id limit ${LEDGER_MAX_ROWS}`,
    [user.unitRegionCode, f.status ?? null, f.overdue ?? false, today()],
  );
}

/**
 * The screening figures of the user's jurisdiction for a period, keyed by shared/docs/indicators.md,
 * each counted from the records (the ledger and the inspections) so it can be traced back.
 */
export async function screeningSummary(db: Db, user: SessionUser, from: string, to: string) {
  const scope = [user.unitRegionCode, from, to];
  const [screened, personTimes, found, rectified, overdue, ids] = await Promise.all([
    db.query<{ kind: string; n: number }>(
      `select s.kind, count(distinct i.subject_id)::int as n from inspections i join subjects s on s.id = i.subject_id
       where s.region_code like $1 || '%' and i.inspected_on between $2::date and $3::date group by s.kind order by n desc`, scope,
    ),
    db.query<{ n: number }>(
      `select coalesce(sum(i.inspectors), 0)::int as n from inspections i join subjects s on s.id = i.subject_id
       where s.region_code like $1 || '%' and i.inspected_on between $2::date and $3::date`, scope,
    ),
    db.query<{ n: number }>(
      `select count(*)::int as n from hazards h join subjects s on s.id = h.subject_id
       where s.region_code like $1 || '%' and (h.created_at at time zone 'Asia/Shanghai')::date between $2::date and $3::date`, scope,
    ),
    db.query<{ n: number }>(
      `select count(*)::int as n from hazards h join subjects s on s.id = h.subject_id
       where s.region_code like $1 || '%' and h.status = 'verified' and (h.verified_at at time zone 'Asia/Shanghai')::date between $2::date and $3::date`, scope,
    ),
    db.query<{ n: number }>(
      `select count(*)::int as n from hazards h join subjects s on s.id = h.subject_id
       where s.region_code like $1 || '%' and h.status in ('open', 'rectifying') and h.deadline < $2::date`, [user.unitRegionCode, today()],
    ),
    db.query<{ id: number }>(`select id from subjects where region_code like $1 || '%' order by id limit $2`, [user.unitRegionCode, SCOPE_CAP]),
  ]);
  // Today's grades of every subject in scope (not of the period: a grade is a state, not a flow).
  const facts = await riskFacts(db, ids.map((r) => r.id));
  const grades: Record<RiskGrade | 'none', number> = { red: 0, orange: 0, yellow: 0, green: 0, none: 0 };
  const day = today();
  for (const f of facts.values()) grades[assessRisk(f, day).grade ?? 'none']++;
  const entities = screened.reduce((s, r) => s + r.n, 0);
  return {
    from, to,
    figures: [
      { indicator: 'entities_screened', value: entities, unit: '家' },
      { indicator: 'inspections_person_times', value: personTimes[0].n, unit: '人次' },
      { indicator: 'hazards_found', value: found[0].n, unit: '个' },
      { indicator: 'hazards_rectified', value: rectified[0].n, unit: '个' },
    ],
    screenedByKind: screened,
    hazardsOverdue: overdue[0].n,
    grades,
  };
}
