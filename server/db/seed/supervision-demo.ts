import { sql, type Db } from '../client.ts';
import { loadUser, type SessionUser } from '../../modules/auth/auth.service.ts';
import { createRound, submitFeedback, verifyFinding } from '../../modules/supervision/supervision.service.ts';
import { answerRecheck, drawRoundSample, recordCallback } from '../../modules/supervision/samples.service.ts';
import { chinaToday } from '../../../shared/time.ts';
import { subtreeSql } from '../../modules/access/jurisdiction.ts';
import type { DemoStructure } from './seed.ts';

/**
 * Supervision rounds of the demo province, driven through the real services: 烟台市's on-site round
 * over units of 龙口市 and 芝罘区 with findings in every state (待整改, 超期, 已反馈待核验, 核验不通过
 * back to 待整改, 已核验销号), 龙口市's unannounced visit, and a phone round whose 回访 and 二次核查
 * samples of closed tips are recorded, answered or still waiting.
 */
export async function seedDemoSupervision(db: Db, s: DemoStructure): Promise<number> {
  const as = async (username: string) => (await loadUser(db, s.users.get(username)!)) as SessionUser;
  const unit = (key: string) => s.units.get(key)!;
  const day = (d: number) => chinaToday(Date.now() + d * 86400_000);
  const yt = await as('yt_supervisor');
  const finding = (key: string, description: string, fixRequired: string, deadline: number) => ({ targetUnitId: unit(key), description, fixRequired, deadline: day(deadline) });

  const onSite = await createRound(db, yt, {
    title: '烟台市打击整治养老诈骗线索办理质量实地督导', method: 'on_site', startDate: day(-20), endDate: day(-16),
    memberIds: [s.users.get('yt_lead')!], targetRegionCodes: ['370681', '370602'],
    targetUnitIds: [unit('370681:police'), unit('370681:market_regulation'), unit('370602:civil_affairs'), unit('370681:civil_affairs')],
    summary: '查阅线索办理台账、核查笔录和答复记录，随机回访举报人。',
    findings: [
      finding('370681:police', '部分线索办理结果未附核查笔录', '补齐核查笔录，建立线索办理台账', 10),
      finding('370681:market_regulation', '保健品经营者排查台账未按周更新', '按周更新排查台账并报市专项办', 12),
      finding('370602:civil_affairs', '两家养老机构“回头看”未开展', '限期完成“回头看”并报送情况', 5),
      finding('370681:civil_affairs', '未登记养老服务场所底数不清', '开展全面摸排，建立底数清单', 20),
    ],
  });
  const [verified, submitted, overdue, reopened] = onSite.findingIds;
  await submitFeedback(db, await as('lk_police'), verified, { feedback: '已补齐 12 份核查笔录，线索办理台账已建立' });
  await verifyFinding(db, yt, verified, { verified: true, note: '现场核验，整改到位' });
  await submitFeedback(db, await as('lk_market_regulation_lead'), submitted, { feedback: '台账已改为每周五更新，并报送市专项办' });
  await submitFeedback(db, await as('lk_civil_affairs'), reopened, { feedback: '已摸排 3 个街道' });
  await verifyFinding(db, yt, reopened, { verified: false, note: '仅覆盖 3 个街道，其余乡镇未摸排' });
  // Overdue: its deadline has passed with no feedback (the API takes no deadline in the past, the demo dates it back).
  await db.query(sql`update supervision_findings set deadline = ${day(-3)}::date where id = ${overdue}`);

  await createRound(db, await as('lk_lead'), {
    title: '龙口市养老机构暗访', method: 'unannounced', startDate: day(-6), endDate: day(-6), memberIds: [], targetRegionCodes: [],
    targetUnitIds: [unit('370681:civil_affairs')],
    findings: [finding('370681:civil_affairs', '一家养老机构仍在收取“床位预订费”', '责令退还预订费并约谈负责人', 15)],
  });

  // A phone round: a 回访 sample and a 二次核查 sample of the closed tips of the unit that closed most.
  const [busiest] = await db.query<{ unit_id: number }>(
    sql`select lead_unit_id as unit_id from tips where status = 'closed' and lead_unit_id is not null and not reporter_anonymous
        and ${subtreeSql('3706', 'region_code')} group by lead_unit_id order by count(*) desc, lead_unit_id limit 1`,
  );
  const phone = await createRound(db, yt, {
    title: '烟台市线索办理电话回访', method: 'phone_callback', startDate: day(-3), endDate: day(4), memberIds: [], targetRegionCodes: [],
    targetUnitIds: busiest ? [Number(busiest.unit_id)] : [unit('370681:police')], findings: [],
  });
  if (busiest) {
    const [{ n }] = await db.query<{ n: number }>(sql`select count(*)::int as n from tips where status = 'closed' and lead_unit_id = ${busiest.unit_id} and not reporter_anonymous`);
    const callback = await drawRoundSample(db, yt, phone.id, { targetUnitId: Number(busiest.unit_id), kind: 'callback', size: Math.min(3, n), seed: '5d1e0c4a9b7f3e21' });
    const items = await db.query<{ id: number }>(sql`select id from supervision_sample_items where sample_id = ${callback.id} order by id`);
    const outcomes = [
      { reached: true, handled: 'yes', satisfied: true, note: '举报人表示已退回部分款项，对处理满意' },
      { reached: true, handled: 'no', satisfied: false, note: '举报人称未见任何处理，要求再查' },
    ];
    for (const [i, it] of items.slice(0, outcomes.length).entries()) await recordCallback(db, yt, it.id, outcomes[i]);
    const recheck = await drawRoundSample(db, yt, phone.id, { targetUnitId: Number(busiest.unit_id), kind: 'recheck', size: Math.min(2, n), seed: '0a9b8c7d6e5f4a3b' });
    const [first] = await db.query<{ id: number; handling_unit_id: number }>(sql`select id, handling_unit_id from supervision_sample_items where sample_id = ${recheck.id} order by id limit 1`);
    const [handler] = await db.query<{ id: number }>(sql`select id from users where unit_id = ${first.handling_unit_id} and roles && '{handler,unit_lead,intake,office_lead}' order by id limit 1`);
    if (handler) await answerRecheck(db, (await loadUser(db, handler.id)) as SessionUser, first.id, { confirmed: true, answer: '重新调取了转账记录和询问笔录，维持原办理结果' });
  }
  return 3;
}
