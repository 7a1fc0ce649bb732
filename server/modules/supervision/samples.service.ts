import { sql, type Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { CALLBACK_HANDLED, SUPERVISED_ROLES, SUPERVISION_ROLES, type SampleKind } from '../../../shared/domain.ts';
import { actorOf, audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { canSeeRound, hasAny, runsRound, seesWholeRound, tipVisibleSql } from '../access/jurisdiction.ts';
import { notifyUnit } from '../notifications/notifications.service.ts';
import { insertEvent, reopenTip } from '../tips/tips.repository.ts';
import { loadVisible } from '../tips/tips.actions.service.ts';
import { closedBetweenSql } from './tip-facts.ts';
import { drawSample, newSeed } from './sample.ts';
import * as repo from './supervision.repository.ts';
import type { SampleInput } from './supervision.schemas.ts';

/**
 * Samples of a target's closed tips (督导抽查). The population is the tips the drawing user may see,
 * closed (status 已办结) and handled by the target — led by it (tips.lead_unit_id), or, for a campaign
 * office, received in its queue — optionally closed in a window; for 回访 only tips with a named
 * reporter (someone to call). It is stored with the seed, so the draw can be checked and repeated.
 *
 * 二次核查 re-enters the workflow minimally: each sampled tip gets an internal timeline event and a
 * task for the unit that led it (its workbench, the tip's page); the unit answers (confirms its result
 * or says what it found now); the supervising side judges. Upheld: nothing changes for the reporter.
 * Failed: the tip is reopened like a re-examination — back to 已受理 at its receiving office, its
 * assignments ended, the public answer withdrawn with a public event — and worked again.
 */

export function drawRoundSample(db: Db, user: SessionUser, roundId: number, b: SampleInput) {
  return db.tx(async (q) => {
    const round = await repo.findRound(q, roundId, true);
    if (!round || !canSeeRound(user, round)) throw new AppError('NOT_FOUND');
    if (!runsRound(user, round)) throw new AppError('FORBIDDEN', undefined, '只有开展本轮督导的单位或督导组成员可以抽取样本');
    const target = await repo.targetOf(q, roundId, b.targetUnitId);
    if (!target) throw new AppError('UNIT_INVALID', [{ path: 'targetUnitId', message: '请从本轮的被督导单位中选择' }]);
    const handled = target.kind === 'campaign_office'
      ? sql`(t.lead_unit_id = ${target.unit_id} or t.office_unit_id = ${target.unit_id})`
      : sql`t.lead_unit_id = ${target.unit_id}`;
    const rows = await q.query<{ id: number }>(
      sql`select t.id from tips t where t.status = 'closed' and ${handled} and ${closedBetweenSql(b.closedFrom, b.closedTo)} and ${tipVisibleSql(user)}
          ${b.kind === 'callback' ? sql`and not t.reporter_anonymous` : sql``} order by t.id`,
    );
    const population = rows.map((r) => Number(r.id));
    if (b.size > population.length) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'size', message: `抽取数量（${b.size}）超过可抽取的线索数（${population.length}）` }]);
    }
    const seed = b.seed ?? newSeed();
    const tipIds = drawSample(population, b.size, seed);
    const [{ id }] = await q.query<{ id: number }>(
      sql`insert into supervision_samples (round_id, target_id, kind, seed, size, population_ids, closed_from, closed_to, created_by)
          values (${roundId}, ${target.id}, ${b.kind}, ${seed}, ${b.size}, ${population}::bigint[], ${b.closedFrom ?? null}, ${b.closedTo ?? null}, ${user.id}) returning id`,
    );
    await q.query(
      sql`insert into supervision_sample_items (sample_id, tip_id, handling_unit_id)
          select ${id}, t.id, t.lead_unit_id from tips t where t.id = any(${tipIds}::bigint[]) order by t.id`,
    );
    await audit(q, actorOf(user), {
      action: 'supervision.sample_drawn', entity: 'supervision_round', entityId: roundId,
      detail: { sampleId: id, kind: b.kind, unitId: b.targetUnitId, seed, size: b.size, population: population.length, tipIds },
    });
    if (b.kind === 'recheck') {
      const items = await q.query<{ tip_id: number; handling_unit_id: number | null }>(sql`select tip_id, handling_unit_id from supervision_sample_items where sample_id = ${id}`);
      for (const it of items) {
        await insertEvent(q, { tipId: it.tip_id, kind: 'supervision_recheck', text: `督导二次核查（${round.title}）：请承办单位重新核实办理结果`, public: false, actorId: user.id, unitId: user.unitId });
        if (it.handling_unit_id) {
          await notifyUnit(q, it.handling_unit_id, [...SUPERVISED_ROLES], { kind: 'supervision', tipId: it.tip_id, text: '督导二次核查：请重新核实本线索的办理结果', dedupeKey: `recheck:${id}` });
        }
      }
    }
    return { id, seed, population: population.length, tipIds };
  });
}

/** A sample item with its round; 404 unless the user sees the whole round, or (`handling`) leads the tip's handling unit. */
async function visibleItem(q: Parameters<typeof repo.findItem>[0], user: SessionUser, itemId: number, handling = false) {
  const item = await repo.findItem(q, itemId);
  const round = item && (await repo.findRound(q, item.round_id));
  if (!item || !round) throw new AppError('NOT_FOUND');
  const own = handling && item.handling_unit_id === user.unitId;
  if (!seesWholeRound(user, round) && !own) throw new AppError('NOT_FOUND');
  return { item, round };
}

const expect = (item: repo.ItemRow, kind: SampleKind, status: string, message: string) => {
  if (item.kind !== kind || item.status !== status) throw new AppError('SUPERVISION_INVALID_TRANSITION', undefined, message);
};

/** 回访: what the named reporter said when called (reached? really handled? satisfied?). */
export function recordCallback(db: Db, user: SessionUser, itemId: number, b: { reached: boolean; handled?: string; satisfied?: boolean; note: string }) {
  return db.tx(async (q) => {
    const { item, round } = await visibleItem(q, user, itemId);
    if (!runsRound(user, round)) throw new AppError('FORBIDDEN', undefined, '只有开展本轮督导的单位或督导组成员可以记录回访');
    expect(item, 'callback', 'pending', '该样本不是待回访的线索');
    await repo.setItem(q, itemId, sql`status = 'recorded', reached = ${b.reached}, handled = ${b.handled ?? null}, satisfied = ${b.satisfied ?? null},
      note = ${b.note}, recorded_by = ${user.id}, recorded_at = now()`);
    const said = b.reached
      ? `举报人反映${CALLBACK_HANDLED[b.handled as keyof typeof CALLBACK_HANDLED]}，${b.satisfied ? '表示满意' : '表示不满意'}`
      : '未联系上举报人';
    await insertEvent(q, { tipId: item.tip_id, kind: 'supervision_callback', text: `督导回访（${round.title}）：${said}。${b.note}`, public: false, actorId: user.id, unitId: user.unitId });
    await audit(q, actorOf(user), { action: 'supervision.callback_recorded', entity: 'tip', entityId: item.tip_id, detail: { roundId: round.id, reached: b.reached, handled: b.handled, satisfied: b.satisfied } });
    if (item.handling_unit_id && b.reached && (b.handled === 'no' || b.satisfied === false)) {
      await notifyUnit(q, item.handling_unit_id, [...SUPERVISED_ROLES], { kind: 'supervision', tipId: item.tip_id, text: `督导回访：${said}`, dedupeKey: `callback:${itemId}` });
    }
    return { ok: true };
  });
}

/** The handling unit's answer to a 二次核查: its result confirmed, or what it found now. */
export function answerRecheck(db: Db, user: SessionUser, itemId: number, b: { confirmed: boolean; answer: string }) {
  return db.tx(async (q) => {
    const { item, round } = await visibleItem(q, user, itemId, true);
    if (item.handling_unit_id !== user.unitId || !hasAny(user, SUPERVISED_ROLES)) throw new AppError('FORBIDDEN', undefined, '二次核查由原承办单位答复');
    expect(item, 'recheck', 'pending', '该线索不是待答复的二次核查');
    await repo.setItem(q, itemId, sql`status = 'answered', confirmed = ${b.confirmed}, answer = ${b.answer}, answered_by = ${user.id}, answered_at = now()`);
    await insertEvent(q, { tipId: item.tip_id, kind: 'supervision_recheck_answered', text: `二次核查答复（${b.confirmed ? '维持原办理结果' : '原办理结果有误'}）：${b.answer}`, public: false, actorId: user.id, unitId: user.unitId });
    await audit(q, actorOf(user), { action: 'supervision.recheck_answered', entity: 'tip', entityId: item.tip_id, detail: { roundId: round.id, confirmed: b.confirmed } });
    await notifyUnit(q, round.supervising_unit_id, [...SUPERVISION_ROLES], { kind: 'supervision', tipId: item.tip_id, text: `${user.unitName}已答复二次核查，请评定`, dedupeKey: `answered:${itemId}` });
    return { ok: true };
  });
}

/** The supervising side's judgment of a 二次核查: upheld, or failed — the tip is reopened and worked again. */
export function judgeRecheck(db: Db, user: SessionUser, itemId: number, b: { upheld: boolean; note: string }) {
  return db.tx(async (q) => {
    const { item, round } = await visibleItem(q, user, itemId);
    if (!runsRound(user, round)) throw new AppError('FORBIDDEN', undefined, '只有开展本轮督导的单位或督导组成员可以评定');
    expect(item, 'recheck', 'answered', '只有已答复的二次核查可以评定');
    await repo.setItem(q, itemId, sql`status = ${b.upheld ? 'upheld' : 'failed'}, judgment = ${b.note}, judged_by = ${user.id}, judged_at = now()`);
    await insertEvent(q, { tipId: item.tip_id, kind: 'supervision_recheck_judged', text: `二次核查评定：${b.upheld ? '核查通过' : '核查不通过'}。${b.note}`, public: false, actorId: user.id, unitId: user.unitId });
    await audit(q, actorOf(user), { action: b.upheld ? 'supervision.recheck_upheld' : 'supervision.recheck_failed', entity: 'tip', entityId: item.tip_id, detail: { roundId: round.id, note: b.note } });
    if (!b.upheld) {
      const [tip] = await q.query<{ status: string; office_unit_id: number }>(sql`select status, office_unit_id from tips where id = ${item.tip_id} for update`);
      // Reopened only while still closed (a re-examination may have reopened it meanwhile).
      if (tip.status === 'closed') {
        await reopenTip(q, item.tip_id);
        await insertEvent(q, { tipId: item.tip_id, kind: 'supervision_reopened', text: '经督导二次核查，您的举报将重新办理', public: true, actorId: user.id, unitId: user.unitId });
        await notifyUnit(q, tip.office_unit_id, ['intake', 'office_lead'], { kind: 'supervision', tipId: item.tip_id, text: '督导二次核查不通过，线索已退回重新办理', dedupeKey: `reopen:${itemId}` });
      }
      if (item.handling_unit_id) {
        await notifyUnit(q, item.handling_unit_id, [...SUPERVISED_ROLES], { kind: 'supervision', tipId: item.tip_id, text: `二次核查不通过：${b.note.slice(0, 40)}`, dedupeKey: `judged:${itemId}` });
      }
    }
    return { ok: true };
  });
}

/** The sample outcomes recorded on a tip, for whoever may see the tip. */
export async function tipSupervision(db: Db, user: SessionUser, tipId: number) {
  await loadVisible(db, user, tipId);
  const items = await repo.sampleItems(db, sql`i.tip_id = ${tipId}`);
  return {
    items: items.map((i) => ({ ...i, canAnswer: i.kind === 'recheck' && i.status === 'pending' && i.handlingUnitId === user.unitId && hasAny(user, SUPERVISED_ROLES) })),
  };
}
