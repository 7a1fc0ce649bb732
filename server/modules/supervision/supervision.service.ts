import { sql, type Db, type Queryable } from '../../db/client.ts';
import { AppError, type FieldError } from '../../errors.ts';
import { SUPERVISED_ROLES, SUPERVISION_ROLES } from '../../../shared/domain.ts';
import { actorOf, audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { canSeeRound, hasAny, inSubtree, isOffice, jurisdictionSql, mayBeSupervised, runsRound, seesWholeRound } from '../access/jurisdiction.ts';
import { notifyUnit } from '../notifications/notifications.service.ts';
import { attachUploads, readAttachment } from '../uploads/uploads.service.ts';
import type { Keys } from '../../crypto.ts';
import { findRegion } from '../regions/regions.repository.ts';
import { computeStats } from '../stats/engine.ts';
import * as repo from './supervision.repository.ts';
import type { FindingInput, RoundInput, RoundListQuery } from './supervision.schemas.ts';

/**
 * 督导检查: a campaign office's supervisors and leads open rounds over units of their region subtree,
 * record findings per target with a fix and a deadline, and follow each finding up: the target unit
 * reports its rectification (整改反馈, with documents), the supervising side verifies it or sends it
 * back to open. One function per transition; each writes its audit row and tells the other side.
 * Not visible → 404, visible but not yours → 403, wrong state → 409.
 */

const notFoundField = (path: string, message: string): AppError => new AppError('NOT_FOUND', [{ path, message }], message);

/** Opens a round (with its first findings) over units of the user's subtree. */
export function createRound(db: Db, user: SessionUser, b: RoundInput) {
  return db.tx(async (q) => {
    if (!isOffice(user)) throw new AppError('FORBIDDEN', undefined, '督导检查由专项办开展');
    const units = await repo.unitsByIds(q, b.targetUnitIds);
    const fields: FieldError[] = [];
    b.targetUnitIds.forEach((id, i) => {
      const u = units.find((x) => x.id === id);
      if (!u || !mayBeSupervised(user.unitRegionCode, u.region_code)) fields.push({ path: `targetUnitIds.${i}`, message: '未找到该单位，或不在本单位辖区内' });
      else if (u.id === user.unitId) throw new AppError('UNIT_INVALID', [{ path: `targetUnitIds.${i}`, message: '不能督导本单位' }]);
    });
    if (fields.length) throw new AppError('NOT_FOUND', fields, '被督导单位不在本单位辖区内');
    for (const [i, code] of b.targetRegionCodes.entries()) {
      if (!(await findRegion(q, code))) throw new AppError('UNKNOWN_REGION', [{ path: `targetRegionCodes.${i}`, message: '所选地区不存在' }]);
      if (!inSubtree(user.unitRegionCode, code)) throw new AppError('FORBIDDEN', [{ path: `targetRegionCodes.${i}`, message: '只能督导本辖区内的地区' }], '只能督导本辖区内的地区');
    }
    if (b.memberIds.length) {
      const members = await q.query<{ id: number }>(
        sql`select us.id from users us join units un on un.id = us.unit_id where us.id = any(${b.memberIds}::bigint[]) and not us.disabled and ${jurisdictionSql(user, 'un.region_code')}`,
      );
      const bad = b.memberIds.findIndex((id) => !members.some((m) => m.id === id));
      if (bad >= 0) throw notFoundField(`memberIds.${bad}`, '未找到该人员，或不在本单位辖区内');
    }
    const id = await repo.insertRound(q, user, b);
    await repo.insertTargets(q, id, b.targetUnitIds, [...new Set(b.memberIds)]);
    await audit(q, actorOf(user), {
      action: 'supervision.round_created', entity: 'supervision_round', entityId: id,
      detail: { title: b.title, method: b.method, startDate: b.startDate, endDate: b.endDate, targetUnitIds: b.targetUnitIds },
    });
    for (const unitId of b.targetUnitIds) {
      await notifyUnit(q, unitId, [...SUPERVISED_ROLES], { kind: 'supervision', tipId: null, text: `本单位被列为督导检查对象：${b.title}`, dedupeKey: `round:${id}` });
    }
    const findingIds: number[] = [];
    const round = await repo.findRound(q, id);
    for (const f of b.findings) findingIds.push(await addFindingTo(q, user, round!, f));
    return { id, findingIds };
  });
}

/** A round the user may see, or 404. */
async function visibleRound(q: Queryable, user: SessionUser, id: number, forUpdate = false) {
  const round = await repo.findRound(q, id, forUpdate);
  if (!round || !canSeeRound(user, round)) throw new AppError('NOT_FOUND');
  return round;
}

/** A round the user runs (404 if invisible, 403 if only seen). */
async function runRound(q: Queryable, user: SessionUser, id: number) {
  const round = await visibleRound(q, user, id, true);
  if (!runsRound(user, round)) throw new AppError('FORBIDDEN', undefined, '只有开展本轮督导的单位或督导组成员可以操作');
  return round;
}

async function addFindingTo(q: Queryable, user: SessionUser, round: repo.RoundRow, f: FindingInput) {
  const target = await repo.targetOf(q, round.id, f.targetUnitId);
  if (!target) throw new AppError('UNIT_INVALID', [{ path: 'targetUnitId', message: '请从本轮的被督导单位中选择' }]);
  const id = await repo.insertFinding(q, user, round.id, target.id, f);
  await audit(q, actorOf(user), { action: 'supervision.finding_added', entity: 'supervision_finding', entityId: id, detail: { roundId: round.id, unitId: f.targetUnitId, deadline: f.deadline } });
  await notifyUnit(q, f.targetUnitId, [...SUPERVISED_ROLES], { kind: 'supervision', tipId: null, text: `督导发现问题，请于 ${f.deadline} 前整改：${f.description.slice(0, 40)}`, dedupeKey: `finding:${id}` });
  return id;
}

/** Records a finding on one of the round's targets. */
export const addFinding = (db: Db, user: SessionUser, roundId: number, f: FindingInput) =>
  db.tx(async (q) => ({ id: await addFindingTo(q, user, await runRound(q, user, roundId), f) }));

/** A finding the user may see — the whole round's viewers, or the target unit itself — with its round. */
export async function visibleFinding(q: Queryable, user: SessionUser, id: number) {
  const finding = await repo.findFinding(q, id, true);
  const round = finding && (await repo.findRound(q, finding.round_id));
  if (!finding || !round || !(seesWholeRound(user, round) || (finding.unit_id === user.unitId && canSeeRound(user, round)))) throw new AppError('NOT_FOUND');
  return { finding, round };
}

/** 整改反馈: the target unit reports what it fixed, with documents uploaded first (POST /api/uploads). */
export function submitFeedback(db: Db, user: SessionUser, findingId: number, b: { feedback: string; attachmentIds?: string[] }) {
  return db.tx(async (q) => {
    const { finding, round } = await visibleFinding(q, user, findingId);
    if (finding.unit_id !== user.unitId || !hasAny(user, SUPERVISED_ROLES)) throw new AppError('FORBIDDEN', undefined, '整改反馈由被督导单位提交');
    if (finding.status !== 'open') throw new AppError('SUPERVISION_INVALID_TRANSITION', undefined, finding.status === 'verified' ? '该问题已核验销号' : '整改反馈已提交，正在等待核验');
    const ids = [...new Set(b.attachmentIds ?? [])];
    if ((await attachUploads(q, { findingId }, ids)) !== ids.length) throw new AppError('UPLOAD_INVALID', [{ path: 'attachmentIds', message: '附件无效或已被使用，请重新上传' }]);
    await repo.setFinding(q, findingId, sql`status = 'submitted', feedback = ${b.feedback}, feedback_at = now()`);
    await repo.findingEvent(q, user, findingId, 'feedback', b.feedback);
    await audit(q, actorOf(user), { action: 'supervision.feedback_submitted', entity: 'supervision_finding', entityId: findingId, detail: { roundId: round.id, attachments: ids.length } });
    await notifyUnit(q, round.supervising_unit_id, [...SUPERVISION_ROLES], { kind: 'supervision', tipId: null, text: `${user.unitName}已提交整改反馈，请核验`, dedupeKey: `feedback:${findingId}:${Date.now()}` });
    return { ok: true };
  });
}

/** 核验: the supervising side crosses the finding off, or sends it back to open with a reason. */
export function verifyFinding(db: Db, user: SessionUser, findingId: number, b: { verified: boolean; note?: string }) {
  return db.tx(async (q) => {
    const { finding, round } = await visibleFinding(q, user, findingId);
    if (!runsRound(user, round)) throw new AppError('FORBIDDEN', undefined, '只有开展本轮督导的单位或督导组成员可以核验');
    if (finding.status !== 'submitted') throw new AppError('SUPERVISION_INVALID_TRANSITION', undefined, '只有已提交整改反馈的问题可以核验');
    const text = b.note || (b.verified ? '整改到位，核验销号' : '');
    if (b.verified) await repo.setFinding(q, findingId, sql`status = 'verified', verified_at = now()`);
    else await repo.setFinding(q, findingId, sql`status = 'open'`);
    await repo.findingEvent(q, user, findingId, b.verified ? 'verified' : 'reopened', text);
    await audit(q, actorOf(user), {
      action: b.verified ? 'supervision.finding_verified' : 'supervision.finding_reopened', entity: 'supervision_finding', entityId: findingId, detail: { roundId: round.id, note: text },
    });
    await notifyUnit(q, finding.unit_id, [...SUPERVISED_ROLES], {
      kind: 'supervision', tipId: null, text: b.verified ? '督导发现问题已核验销号' : `整改核验未通过，请继续整改：${text.slice(0, 40)}`, dedupeKey: `verify:${findingId}:${Date.now()}`,
    });
    return { ok: true };
  });
}

export async function listRounds(db: Db, user: SessionUser, f: RoundListQuery) {
  const [page, stats] = await Promise.all([
    repo.roundPage(db, user, f),
    // The indicator engine's count (rounds started in the period, in the user's subtree), as the dashboards and reports read it.
    // One supervising unit's: the engine's by=unit row of that unit (none: it started no round here).
    computeStats(db, user, { region: f.regionCode, from: f.from, to: f.to, indicators: ['supervision_rounds'], ...(f.unitId ? { by: 'unit' as const } : {}) }),
  ]);
  const figure = f.unitId ? (stats.rows?.find((r) => r.key === String(f.unitId))?.figures.supervision_rounds.value ?? 0) : stats.figures.supervision_rounds.value;
  return { ...page, page: f.page, pageSize: f.pageSize, figures: { supervision_rounds: figure ?? 0 } };
}

export async function roundDetail(db: Db, user: SessionUser, id: number) {
  const round = await visibleRound(db, user, id);
  const whole = seesWholeRound(user, round);
  const [head] = await db.query<{ supervisingUnit: { id: number; name: string }; createdAt: Date }>(
    sql`select json_build_object('id', u.id, 'name', u.name) as "supervisingUnit", r.created_at as "createdAt" from supervision_rounds r join units u on u.id = r.supervising_unit_id where r.id = ${id}`,
  );
  const [members, regions, targets, findings, samples] = await Promise.all([
    db.query<{ id: number; name: string; unit: string }>(
      sql`select us.id, us.display_name as name, un.name as unit from supervision_round_members m join users us on us.id = m.user_id join units un on un.id = us.unit_id where m.round_id = ${id} order by us.id`,
    ),
    db.query<{ code: string; name: string }>(sql`select code, name from regions where code = any(${round.target_region_codes}::text[]) order by code`),
    db.query<{ id: number; unit: { id: number; name: string; kind: string; regionCode: string } }>(
      sql`select st.id, json_build_object('id', u.id, 'name', u.name, 'kind', u.kind, 'regionCode', u.region_code) as unit
          from supervision_targets st join units u on u.id = st.unit_id where st.round_id = ${id} ${whole ? sql`` : sql`and st.unit_id = ${user.unitId}`} order by st.id`,
    ),
    repo.findings(db, whole ? sql`f.round_id = ${id}` : sql`f.round_id = ${id} and f.unit_id = ${user.unitId}`),
    whole ? samplesOf(db, id) : [],
  ]);
  return {
    id: round.id, title: round.title, method: round.method, supervisingUnit: head.supervisingUnit, regionCode: round.region_code, startDate: round.start_date,
    endDate: round.end_date, summary: round.summary, members, targetRegions: regions, targets, findings, samples, canRun: runsRound(user, round), createdAt: head.createdAt,
  };
}

async function samplesOf(db: Db, roundId: number) {
  const samples = await db.query<{ id: number; targetUnit: { id: number; name: string }; kind: string; seed: string; size: number; population: number; closedFrom: string | null; closedTo: string | null; createdAt: Date }>(
    sql`select s.id, json_build_object('id', u.id, 'name', u.name) as "targetUnit", s.kind, s.seed, s.size, cardinality(s.population_ids) as population,
               s.closed_from::text as "closedFrom", s.closed_to::text as "closedTo", s.created_at as "createdAt"
        from supervision_samples s join supervision_targets st on st.id = s.target_id join units u on u.id = st.unit_id where s.round_id = ${roundId} order by s.id`,
  );
  const items = await repo.sampleItems(db, sql`s.round_id = ${roundId}`);
  return samples.map((s) => ({ ...s, items: items.filter((i) => i.sampleId === s.id) }));
}

/** What waits for the user's unit: findings until verified, and 二次核查 to answer. */
export async function mySupervision(db: Db, user: SessionUser) {
  const [findings, rechecks] = await Promise.all([
    repo.findings(db, sql`f.unit_id = ${user.unitId} and f.status <> 'verified'`),
    repo.sampleItems(db, sql`i.handling_unit_id = ${user.unitId} and s.kind = 'recheck' and i.status = 'pending'`),
  ]);
  return { findings, rechecks, overdue: findings.filter((f) => f.overdue).length };
}

/** A document of a finding's feedback, for those who may see the finding. */
export async function findingAttachment(db: Db, keys: Keys, dataDir: string, user: SessionUser, findingId: number, uploadId: string) {
  await db.tx((q) => visibleFinding(q, user, findingId));
  return readAttachment(db, keys, dataDir, { findingId }, uploadId);
}

/** Staff of the user's subtree, to name as members of a round. */
export async function staffOptions(db: Db, user: SessionUser, q?: string) {
  const items = await db.query<{ id: number; name: string; unit: string }>(
    sql`select us.id, us.display_name as name, un.name as unit from users us join units un on un.id = us.unit_id
        where not us.disabled and ${jurisdictionSql(user, 'un.region_code')} and us.roles && ${['intake', 'office_lead', 'supervisor', 'handler', 'unit_lead', 'viewer']}::text[]
          and (${q ?? null}::text is null or strpos(us.display_name, ${q ?? ''}) > 0 or strpos(un.name, ${q ?? ''}) > 0)
        order by un.region_code, un.id, us.id limit 30`,
  );
  return { items };
}

/** Units of the user's subtree that a round may target (not the user's own). */
export async function unitOptions(db: Db, user: SessionUser, q?: string) {
  const items = await db.query<{ id: number; name: string; unit: string }>(
    sql`select u.id, u.name, r.name as unit from units u join regions r on r.code = u.region_code
        where ${jurisdictionSql(user, 'u.region_code')} and u.region_code <> '' and u.id <> ${user.unitId}
          and (${q ?? null}::text is null or strpos(u.name, ${q ?? ''}) > 0)
        order by u.region_code, u.id limit 50`,
  );
  return { items };
}
