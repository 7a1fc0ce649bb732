import { CHECKLIST_ITEMS, RISK_GRADES, type ChecklistItem, type RiskGrade } from '../../../shared/domain.ts';

/** The facts a subject's risk grade is computed from (domain.md §5). */
export interface RiskFacts {
  inspected: boolean;
  /** The latest inspection's checklist: true = that problem was found. */
  checklist: Partial<Record<ChecklistItem, boolean>> | null;
  hazards: { category: string; serious: boolean; status: string; deadline: string }[];
  /** Tips that name the subject (by credit code or normalised name), rejected and merged ones excepted. */
  tips: number;
  /** Of those, tips a unit verified as true or partly true. */
  tipsTrue: number;
  /** Criminal cases the subject is linked to (case_subjects). */
  cases: number;
  override: { grade: RiskGrade; reason: string } | null;
}

export interface RiskAssessment {
  /** The grade in force: the override when there is one, else the computed grade; null = not yet screened. */
  grade: RiskGrade | null;
  computed: RiskGrade | null;
  /** Every fact that raised the grade, highest first: the grade explains itself. */
  reasons: { grade: RiskGrade; text: string }[];
  override: { grade: RiskGrade; reason: string } | null;
  /**
   * When the subject had hazards and every one is crossed off (销号): why the grade is still what it
   * is — the facts other than hazards that hold it there — or that it is green again. Else null.
   */
  note: string | null;
}

const ORDER: RiskGrade[] = ['red', 'orange', 'yellow', 'green'];
const ORANGE_ITEMS: ChecklistItem[] = ['prepaid', 'deposit', 'returns', 'health_claims'];

/**
 * 红橙黄绿, as domain.md §5 defines them: red = suspected fraud or illegal fundraising, or a serious
 * hazard past its deadline (or tips verified true, or a criminal case); orange = prepaid/membership/deposit practices,
 * false advertising, repeated tips; yellow = hazards being fixed, a single tip; green = screened,
 * nothing found. `today` is 'YYYY-MM-DD' (deadlines are dates).
 */
export function assessRisk(f: RiskFacts, today: string): RiskAssessment {
  const reasons: RiskAssessment['reasons'] = [];
  const open = f.hazards.filter((h) => h.status !== 'verified');
  const fraudish = open.filter((h) => h.category === 'fundraising' || h.category === 'fraud');
  const practices = open.filter((h) => h.category === 'prepaid' || h.category === 'false_ad');
  const late = open.filter((h) => h.serious && h.status !== 'rectified' && h.deadline < today);
  const rest = open.filter((h) => !fraudish.includes(h) && !practices.includes(h) && !late.includes(h));

  if (fraudish.length) reasons.push({ grade: 'red', text: `${fraudish.length} 个涉嫌非法集资或诈骗的隐患尚未销号` });
  if (late.length) reasons.push({ grade: 'red', text: `${late.length} 个重大隐患已超过整改期限` });
  if (f.tipsTrue) reasons.push({ grade: 'red', text: `${f.tipsTrue} 条反映该主体的线索经核查属实` });
  if (f.cases) reasons.push({ grade: 'red', text: `涉及 ${f.cases} 起刑事案件` });
  for (const item of ORANGE_ITEMS) if (f.checklist?.[item]) reasons.push({ grade: 'orange', text: `最近一次检查发现：${CHECKLIST_ITEMS[item]}` });
  if (practices.length) reasons.push({ grade: 'orange', text: `${practices.length} 个预付费或虚假宣传隐患尚未销号` });
  if (f.tips >= 2) reasons.push({ grade: 'orange', text: `被 ${f.tips} 条线索反映` });
  if (rest.length) reasons.push({ grade: 'yellow', text: `${rest.length} 个隐患正在整改` });
  if (f.tips === 1) reasons.push({ grade: 'yellow', text: '被 1 条线索反映' });
  if (f.checklist?.no_commitment) reasons.push({ grade: 'yellow', text: `最近一次检查发现：${CHECKLIST_ITEMS.no_commitment}` });
  if (!reasons.length && f.inspected) reasons.push({ grade: 'green', text: '已排查，未发现问题' });

  reasons.sort((a, b) => ORDER.indexOf(a.grade) - ORDER.indexOf(b.grade));
  const computed = reasons[0]?.grade ?? null;
  return { grade: f.override?.grade ?? computed, computed, reasons, override: f.override, note: crossedOffNote(f, computed, reasons) };
}

/** The explanation a subject whose hazards are all crossed off owes its reader (issue 8). */
function crossedOffNote(f: RiskFacts, computed: RiskGrade | null, reasons: RiskAssessment['reasons']): string | null {
  if (!f.hazards.length || f.hazards.some((h) => h.status !== 'verified')) return null;
  const head = `${f.hazards.length} 个隐患已全部销号`;
  const manual = f.override ? `；现为人工调整的${RISK_GRADES[f.override.grade]}色` : '';
  if (computed === 'green') return `${head}，自动评级已恢复为绿色${manual}`;
  if (computed === null) return `${head}；尚无检查记录，录入一次检查后评级${manual}`;
  const holding = reasons.filter((r) => r.grade === computed).map((r) => r.text).join('；');
  // What would lift it: a new inspection replaces the latest checklist; tips weigh until rejected or merged.
  const how = reasons.some((r) => r.text.startsWith('最近一次检查')) ? '。再次检查未发现这些问题后，等级随之调整' : '';
  return `${head}，但仍为${RISK_GRADES[computed]}色，因为：${holding}${how}${manual}`;
}
