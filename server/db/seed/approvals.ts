import type { Db } from '../client.ts';
import type { Keys } from '../../crypto.ts';
import { loadUser, type SessionUser } from '../../modules/auth/auth.service.ts';
import { runTipAction } from '../../modules/tips/tips.actions.service.ts';
import { submitPublicTip } from '../../modules/tips/tips.intake.service.ts';
import { setReportApproval } from '../../modules/approval/approval.service.ts';
import type { DemoStructure } from './seed.ts';

const inDays = (d: number) => new Date(Date.now() + d * 86400_000).toISOString();

/**
 * The chain of responsibility in the demo (issue 12): reports waiting for 龙口市公安局's unit lead
 * (one of them sent back once and resubmitted), closings of 龙口市 waiting for 烟台市's review (one
 * returned once and proposed again), and 龙口市住房和城乡建设局 — a one-person unit — reporting
 * without approval (its lead switched it off; the audit log shows it). Returns the tips made.
 */
export async function seedDemoApprovals(db: Db, keys: Keys, s: DemoStructure): Promise<number> {
  const as = async (username: string) => (await loadUser(db, s.users.get(username)!)) as SessionUser;
  const [ytIntake, ytLead, lkIntake, lkLead, police, policeLead, housingLead] = await Promise.all(
    ['yt_intake', 'yt_lead', 'lk_intake', 'lk_lead', 'lk_police', 'lk_police_lead', 'lk_housing_lead'].map(as),
  );
  const policeUnit = s.units.get('370681:police')!;
  const submit = async (regionCode: string, description: string) =>
    (await submitPublicTip(db, keys, { regionCode, description, fraudTypes: ['elderly_project'], reporter: { anonymous: true } })).id;
  const report = (summary: string) => ({ action: 'report' as const, verdict: 'partly_true' as const, measures: ['admonition' as const, 'risk_warning' as const], summary });

  // 待单位负责人审核 at 龙口市公安局.
  const drafts = [
    '龙口市某“养老项目”推介会称投资十万元每年返利百分之十二，已有二十多位老人签约，我父亲也投了五万元。',
    '有人冒充社保局工作人员上门，说可以代办提高养老金待遇，收取两千元“手续费”后联系不上。',
  ];
  for (const [i, text] of drafts.entries()) {
    const id = await submit('370681001', text);
    await runTipAction(db, lkIntake, id, { action: 'accept' });
    await runTipAction(db, lkIntake, id, { action: 'dispatch', leadUnitId: policeUnit, deadline: inDays(12), instructions: '请公安局核查并按时反馈办理结果。' });
    await runTipAction(db, police, id, { action: 'sign' });
    if (i === 1) {
      await runTipAction(db, police, id, report('经初步了解，情况部分属实。'));
      await runTipAction(db, policeLead, id, { action: 'reject_report', reason: '未写明涉案人员身份和收款账户，请补充后再报。' });
    }
    await runTipAction(db, police, id, report(i === 1
      ? '经查，冒充社保人员者为外地无业人员王某，收款账户已冻结，已约谈其雇主并发布风险提示。'
      : '经查，推介会组织方未取得任何金融许可，已约谈负责人，责令停止推介，并在社区开展风险提示。'));
  }

  // 办结待上级审核 at 烟台市: reported to the city, dispatched to 龙口市's office, then to its police.
  const closings = [
    '烟台市一家“康养基地”以认购床位为名向老人集资，承诺到期返本付息，现已无法兑付，涉及老人一百多名。',
    '有公司在烟台多个小区推销“以房养老”理财，让老人抵押房产购买理财产品，我邻居已经签了合同。',
  ];
  for (const [i, text] of closings.entries()) {
    const id = await submit('3706', text);
    await runTipAction(db, ytIntake, id, { action: 'accept' });
    await runTipAction(db, ytIntake, id, { action: 'dispatch', leadUnitId: s.units.get('370681:campaign_office')!, deadline: inDays(20), instructions: '请龙口市专项办组织核查，办结意见报市专项办审核。' });
    await runTipAction(db, lkIntake, id, { action: 'dispatch', leadUnitId: policeUnit, deadline: inDays(15), instructions: '请公安局牵头核查。' });
    await runTipAction(db, police, id, { action: 'sign' });
    await runTipAction(db, police, id, report('经查，涉事公司已停止经营活动，已约谈实际控制人，并对涉及小区开展风险提示。'));
    await runTipAction(db, policeLead, id, { action: 'approve_report' });
    const answer = '经核查，您反映的问题部分属实。有关部门已约谈涉事公司负责人，责令停止违规经营，并在相关小区开展防骗宣传。感谢您的举报。';
    await runTipAction(db, lkLead, id, { action: 'close', publicAnswer: answer });
    if (i === 1) {
      await runTipAction(db, ytLead, id, { action: 'return_closure', reason: '答复未说明老人已签合同如何处理，请补充后再报。' });
      await runTipAction(db, lkLead, id, { action: 'close', publicAnswer: `${answer}已签订的抵押合同，请持合同到龙口市公安局经侦大队登记。` });
    }
  }

  // A one-person unit reports without approval.
  await setReportApproval(db, housingLead, s.units.get('370681:housing')!, false);
  return drafts.length + closings.length;
}
