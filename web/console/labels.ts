import { ASSIGNMENT_STATUSES, FRAUD_TYPES, MEASURES, ROLES, TIP_SOURCES, TIP_STATUSES, UNIT_KINDS, VERDICTS } from '../../shared/domain.ts';
import { chinaDateTime } from '../../shared/time.ts';

export { ASSIGNMENT_STATUSES, FRAUD_TYPES, MEASURES, ROLES, TIP_SOURCES, TIP_STATUSES, UNIT_KINDS, VERDICTS };

// Solid tag colours dark enough for white text at WCAG AA (antd's light presets are not).
export const COLORS = { amber: '#8a5300', blue: '#0b57d0', grey: '#595959', teal: '#006d75', indigo: '#1d39c4', purple: '#531dab', green: '#237804', red: '#a8071a', orange: '#ad4e00' };
export const STATUS_COLORS: Record<string, string> = {
  submitted: COLORS.amber, accepted: COLORS.blue, rejected: COLORS.grey, merged: COLORS.grey, dispatched: COLORS.teal, in_progress: COLORS.indigo, reported: COLORS.purple, closing: COLORS.orange, closed: COLORS.green,
};

export const ACTION_LABELS: Record<string, string> = {
  accept: '受理', reject: '不予受理', merge: '并案', dispatch: '交办', sign: '签收', report: '反馈结果', assist_report: '协办反馈', send_back: '退回交办单位',
  return: '退回重办', close: '审核办结',
  approve_report: '审核通过', reject_report: '退回修改', approve_closure: '同意办结', return_closure: '退回办结意见',
  urge: '督办', note: '内部备注', reply: '答复举报人',
};

export const EVENT_LABELS: Record<string, string> = {
  submitted: '提交', accepted: '受理', rejected: '不予受理', answer: '答复', merged: '并案', dispatched: '交办', signed: '签收',
  in_progress: '办理中', reported: '反馈结果', returned: '退回重办', closed: '办结', urged: '督办', note: '备注', reply: '答复举报人',
  reporter_message: '举报人补充', rating: '举报人评价', reexamination: '申请复核', transferred: '移交上级', assist_reported: '协办反馈', sent_back: '退回交办',
  supervision_callback: '督导回访', supervision_recheck: '督导二次核查', supervision_recheck_answered: '二次核查答复', supervision_recheck_judged: '二次核查评定',
  supervision_reopened: '督导核查后重新办理',
  report_drafted: '提交办理结果（待单位负责人审核）', report_approved: '单位负责人审核通过', report_rejected: '单位负责人退回修改',
  closure_proposed: '提请上级审核办结', closure_approved: '上级审核同意办结', closure_returned: '上级退回办结意见',
};

/** A date and time in Beijing time, whatever zone the browser is set to (the server counts days in Beijing time). */
export const fmt = (s: string | null | undefined) => (s ? chinaDateTime(s) : '—');

/** A fraud type's short name for chart labels: the words in quotes ('以销售"养老产品"为名' → 养老产品). */
export const shortType = (code: string) => {
  const label: string | undefined = FRAUD_TYPES[code as keyof typeof FRAUD_TYPES];
  return label ? (/"(.+)"/.exec(label)?.[1] ?? label) : '未分类';
};
