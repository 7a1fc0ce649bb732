import { sql, type Db } from '../client.ts';
import { recordEnforcement } from '../../modules/enforcement/enforcement.service.ts';
import { loadUser, type SessionUser } from '../../modules/auth/auth.service.ts';
import { registerSubject } from '../../modules/subjects/subjects.service.ts';
import { recordInspection, recordPenalty, reportRectified, startRectifying, verifyRectified } from '../../modules/screening/screening.service.ts';
import { chinaToday } from '../../../shared/time.ts';
import type { DemoStructure } from './seed.ts';

/**
 * The demo's screening in 龙口市, through the real services: a care home with an open prepaid-card
 * hazard (orange), a company the demo tips name whose hazard was fined and crossed off but which stays
 * orange because of those tips (the file says why), a shop fined for false health claims while it
 * rectifies, a care station transferred to the police (waiting in its queue), and a clean apartment (green).
 */
export async function seedDemoScreening(db: Db, s: DemoStructure): Promise<void> {
  const as = async (username: string) => (await loadUser(db, s.users.get(username)!)) as SessionUser;
  const clerk = await as('lk_intake');
  const market = await as('lk_market_regulation');
  const lead = await as('lk_lead');
  const today = chinaToday();
  const inDays = (d: number) => chinaToday(Date.now() + d * 86400_000);
  const subject = async (name: string, kind: string) => (await registerSubject(db, clerk, { regionCode: '370681', kind, name })).id;

  const home = await subject('龙口市夕阳红颐养院', 'elderly_care_institution');
  await recordInspection(db, market, home, {
    inspectedOn: today, inspectors: 3, checklist: { prepaid: true }, findings: '前台摆放“终身会员卡”宣传单',
    hazards: [{ description: '向入住老人销售“终身会员卡”，预收费用', category: 'prepaid', serious: false, measure: 'rectification_order', deadline: inDays(15), responsible: '院长 王某' }],
  });

  const company = await subject('福寿康养老服务有限公司', 'finance_company');
  const [fined] = (await recordInspection(db, market, company, {
    inspectedOn: inDays(-20), inspectors: 4, checklist: {},
    hazards: [{ description: '以“养老服务”名义收取老人保证金', category: 'prepaid', serious: true, measure: 'admin_penalty', deadline: inDays(5), responsible: '法定代表人 刘某' }],
  })).hazardIds;
  await startRectifying(db, market, fined);
  await recordPenalty(db, market, fined, { docNo: '龙市监罚〔2026〕8号', fineYuan: 50_000, note: '违规收取保证金' });
  await reportRectified(db, market, fined, '已退还全部保证金，停止收费');
  await verifyRectified(db, lead, fined);

  const shop = await subject('御康堂保健品经营部', 'health_product_seller');
  const [claims] = (await recordInspection(db, market, shop, {
    inspectedOn: inDays(-3), inspectors: 2, checklist: { health_claims: true },
    hazards: [{ description: '宣称保健品能治疗高血压、糖尿病', category: 'false_ad', serious: false, measure: 'admin_penalty', deadline: inDays(20), responsible: '店长 赵某' }],
  })).hazardIds;
  await startRectifying(db, market, claims);
  await recordPenalty(db, market, claims, { docNo: '龙市监罚〔2026〕11号', fineYuan: 20_000, note: '虚假宣传' });

  // 行刑衔接: a care station taking "deposits" as investments, transferred to the county police, waiting
  // in the police's queue (workbench 移送待立案) for a case.
  const station = await subject('龙口市福满堂康养驿站', 'unregistered_care_place');
  const [deposits] = (await recordInspection(db, market, station, {
    inspectedOn: inDays(-4), inspectors: 3, checklist: { deposit: true, returns: true }, findings: '以“床位投资”名义向老人收取款项，承诺年息12%',
    hazards: [{ description: '以“床位投资”名义吸收老人资金，承诺高额回报', category: 'fundraising', serious: true, measure: 'transfer_police', deadline: inDays(10), responsible: '经营者 孙某' }],
  })).hazardIds;
  const [police] = await db.query<{ id: number }>(sql`select id from units where region_code = '370681' and kind = 'police'`);
  await recordEnforcement(db, market, {
    kind: 'transfer_police', docNo: '龙市监移字〔2026〕第3号', subjectId: station, hazardId: deposits, issuedOn: inDays(-2), policeUnitId: police.id,
    summary: '涉嫌非法吸收公众存款，移送公安机关',
  });

  const flat = await subject('龙口市康乐老年公寓', 'elderly_care_institution');
  await recordInspection(db, market, flat, { inspectedOn: inDays(-1), inspectors: 2, checklist: {}, hazards: [] });
}
