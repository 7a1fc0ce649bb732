import type { Db } from '../client.ts';
import type { Keys } from '../../crypto.ts';
import type { SessionUser } from '../../modules/auth/auth.service.ts';
import { loadUser } from '../../modules/auth/auth.service.ts';
import { importBatch } from '../../modules/intake/batch12337.ts';
import { handOver } from '../../modules/intake/handover.service.ts';
import { batchWorkbook, beijing } from '../../modules/intake/intake.fixtures.ts';
import { runTipAction } from '../../modules/tips/tips.actions.service.ts';
import type { DemoStructure } from './seed.ts';

/**
 * Intake beyond the portal (issue 12): a 12337 batch 龙口市 imported (two rows refused, three of its
 * tips closed and one rejected, so the results export has answers to send up) and hand-overs by
 * member units — market regulation after an inspection, the police, the city court's 摸排卡.
 */
const BATCH: [string, string, string, string][] = [
  ['东莱街道', '康乐源养生会馆', '康乐源养生会馆以免费体检、送礼品为名吸引老人，推销标价上万元的“量子理疗仪”，称可治疗高血压。', 'close'],
  ['龙口市', '福满堂生物科技有限公司', '福满堂公司组织老人旅游，途中推销“祖传秘方”保健酒，每瓶一千余元，已有多名老人购买。', 'close'],
  ['东江街道', '夕阳红养老公寓', '夕阳红养老公寓预收老人“床位费”“会员费”，承诺年息12%返还，近期无法兑付。', 'close'],
  ['龙口市', '某投资咨询公司', '某公司以投资“养老项目”为名向老人吸收资金，承诺保本高息，与已受理线索反映同一事项。', 'reject'],
  ['龙口市', '安康养老服务中心', '安康养老服务中心以代办养老保险为名收取“手续费”，老人至今未见任何参保记录。', 'open'],
  ['东莱街道', '长寿堂健康体验馆', '长寿堂健康体验馆每天早上送鸡蛋吸引老人听课，课上推销所谓能治糖尿病的保健品。', 'open'],
];

export async function seedDemoIntake(db: Db, keys: Keys, s: DemoStructure): Promise<number> {
  const as = async (username: string) => (await loadUser(db, s.users.get(username)!)) as SessionUser;
  const [intake, lead, market, marketLead] = [await as('lk_intake'), await as('lk_lead'), await as('lk_market_regulation'), await as('lk_market_regulation_lead')];
  const rows = BATCH.map(([region, subject, content], i) => [`SD12337-2026-${String(1001 + i).padStart(6, '0')}`, beijing(-12 + i), region, subject, content, beijing(18 + i).slice(0, 10)]);
  rows.push(['SD12337-2026-001099', beijing(-3), '火星市', '某公司', '某公司推销养老产品。', ''], ['', beijing(-3), '龙口市', '某公司', '某公司以养老服务为名收取会员费，老人退费无门。', '']);
  const batch = await importBatch(db, keys, intake, await batchWorkbook(rows), '12337线索清单（2026年11月第2批）.xlsx');
  const ids = await db.query<{ id: number; source_ref: string }>('select id, source_ref from tips where import_id = $1 order by source_ref', [batch.id]);
  const marketUnit = s.units.get('370681:market_regulation')!;
  for (const [i, { id }] of ids.entries()) {
    const plan = BATCH[i][3];
    if (plan === 'open') continue;
    await runTipAction(db, intake, id, { action: 'accept', fraudTypes: ['elderly_product'] });
    if (plan === 'reject') {
      await runTipAction(db, intake, id, { action: 'reject', reason: '与已受理线索反映同一事项', publicAnswer: '您反映的问题已在其他线索中受理核查，将一并答复。' });
      continue;
    }
    await runTipAction(db, intake, id, { action: 'dispatch', leadUnitId: marketUnit, deadline: new Date(Date.now() + 10 * 86400_000).toISOString(), instructions: '12337 平台转办，请核查并按期反馈。' });
    await runTipAction(db, market, id, { action: 'sign' });
    await runTipAction(db, market, id, { action: 'report', verdict: i === 2 ? 'partly_true' : 'true', measures: ['rectification_order', 'admin_penalty'], summary: '经现场检查，涉事经营者存在虚假宣传，已责令整改并立案处罚。' });
    // 单位负责人审核: the bureau's lead approves the handler's report before it reaches the office.
    await runTipAction(db, marketLead, id, { action: 'approve_report' });
    await runTipAction(db, lead, id, { action: 'close', publicAnswer: '经市场监管部门核查，反映问题属实，已责令涉事经营者整改并依法作出行政处罚。' });
  }
  // Member units hand tips over to their office (移交).
  const handed = [
    await handOver(db, keys, market, {
      regionCode: '370681', source: 'screening', sourceRef: '龙市监检〔2026〕57号', reporter: { anonymous: true },
      description: '日常检查中发现“颐年堂”保健品店以讲座形式向老年人宣传产品可替代药物治疗，并收取预付款。', subject: { name: '颐年堂保健品店' },
    }),
    await handOver(db, keys, await as('lk_police'), {
      regionCode: '370681', source: 'department_transfer', reporter: { anonymous: true },
      description: '派出所接群众报警：有人冒充社保局工作人员上门为老人“代办养老保险”，收取费用后失联，请专项办统筹核查。',
    }),
    await handOver(db, keys, await as('yt_court'), {
      regionCode: '3706', source: 'court_card', sourceRef: '烟中法摸排〔2026〕12号', reporter: { anonymous: true },
      description: '民事案件审理中发现，某公司以“以房养老”为名诱导多名老人抵押房产并购买理财产品，涉嫌诈骗，移交专项办核查。',
    }),
  ];
  await runTipAction(db, intake, handed[0].id, { action: 'accept', fraudTypes: ['elderly_product'] });
  return ids.length + handed.length;
}
