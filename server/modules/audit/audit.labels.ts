import {
  AUDIT_ACTIONS, AUDIT_ENTITIES, ENFORCEMENT_KINDS, FRAUD_TYPES, HAZARD_CATEGORIES, HAZARD_SOURCES, HAZARD_STATUSES, MEASURES, RISK_GRADES, ROLES, SUBJECT_KINDS, TIP_SOURCES, TIP_STATUSES,
  UNIT_KINDS, VERDICTS,
} from '../../../shared/domain.ts';
import { chinaDateTime } from '../../../shared/time.ts';

/**
 * How an audit row reads for an auditor: the action, the object and each recorded detail in Chinese,
 * with units, tips and subjects by their names (tracking codes for tips), never internal ids or codes.
 * Pure: the names are looked up by the service first (see `detailRefs`).
 */

export interface AuditNames {
  units: Map<number, string>;
  /** Tip id → tracking code, only for tips the auditor may read about. */
  tips: Map<number, string>;
  subjects: Map<number, string>;
  regions: Map<string, string>;
}

type Detail = Record<string, unknown>;
type Render = (v: unknown, n: AuditNames, d: Detail) => string;

const label = (table: Record<string, string>) => (v: unknown) => (typeof v === 'string' ? (table[v] ?? '其他') : '—');
const labels = (table: Record<string, string>) => (v: unknown) => (Array.isArray(v) ? v.map((x) => label(table)(x)).join('、') || '无' : '—');
const yesNo = (v: unknown) => (v ? '是' : '否');
const text = (v: unknown) => (v == null || v === '' ? '—' : String(v));
const ids = (v: unknown): number[] => (Array.isArray(v) ? v : [v]).map(Number).filter((x) => Number.isSafeInteger(x) && x > 0);
const unit = (v: unknown, n: AuditNames) => ids(v).map((id) => n.units.get(id) ?? '（单位已不存在）').join('、') || '无';
const tip = (v: unknown, n: AuditNames) => ids(v).map((id) => n.tips.get(id) ?? '（不在您的查阅范围内）').join('、');
const region = (v: unknown, n: AuditNames) => (v === '' ? '全国' : typeof v === 'string' ? (n.regions.get(v) ?? '（未知地区）') : '—');
/** A date and time as Beijing reads it; a plain date stays as it is. */
const when = (v: unknown) => (typeof v === 'string' ? chinaDateTime(v) : text(v));

/** The tip list's and the hazard ledger's filters, as an export recorded them. */
const FILTER_FIELDS: Record<string, [string, Render]> = {
  status: ['状态', (v, _n, d) => (Array.isArray(v) ? v : [v]).map((s) => label(d.__hazard ? HAZARD_STATUSES : TIP_STATUSES)(s)).join('、')],
  fraudType: ['类型', label(FRAUD_TYPES)],
  source: ['来源', (v, _n, d) => label(d.__hazard ? HAZARD_SOURCES : TIP_SOURCES)(v)],
  regionCode: ['地区', region],
  region: ['地区', region],
  kind: ['行业领域', label(SUBJECT_KINDS)],
  subjectKind: ['行业领域', label(SUBJECT_KINDS)],
  documentKind: ['文书', label(ENFORCEMENT_KINDS)],
  grade: ['风险等级', (v) => (v === 'none' ? '未评级' : `${label(RISK_GRADES)(v)}色`)],
  table: ['报表', label({ institutions: '养老服务机构排查情况统计表', unregistered: '未登记场所排查情况统计表' })],
  period: ['统计期', text],
  overdue: ['超期', (v) => (v === true || v === 'true' ? '已超期' : '未超期')],
  q: ['搜索', text],
  todo: ['待办', label({ to_accept: '待受理', to_dispatch: '待交办', to_sign: '待签收', to_handle: '待办理', to_review: '待审核' })],
  from: ['收到日期自', text],
  to: ['收到日期至', text],
};

const filter: Render = (v, n, d) => {
  if (!v || typeof v !== 'object') return '全部';
  const parts = Object.entries(v as Detail)
    .filter(([, x]) => x !== undefined && x !== null && x !== '')
    .map(([k, x]) => (FILTER_FIELDS[k] ? `${FILTER_FIELDS[k][0]}：${FILTER_FIELDS[k][1](x, n, d)}` : null))
    .filter(Boolean);
  return parts.join('；') || '全部';
};

/** Each detail key an action records: its label and how its value reads. Keys not listed are internal (ids of rows). */
const FIELDS: Record<string, [string, Render]> = {
  source: ['来源', (v, _n, d) => (d.__figures ? label({ form: '填表', summary: '工作总结' })(v) : label(d.__hazard ? HAZARD_SOURCES : TIP_SOURCES)(v))],
  officeUnitId: ['受理单位', unit],
  attachments: ['附件数', text],
  fraudTypes: ['线索类型', labels(FRAUD_TYPES)],
  fraudType: ['线索类型', label(FRAUD_TYPES)],
  reason: ['理由', text],
  note: ['说明', text],
  intoTipId: ['并入线索', tip],
  requestedTipId: ['原选定的线索', tip],
  viaTipId: ['随同办结的线索', tip],
  leadUnitId: ['主办单位', unit],
  assistingUnitIds: ['协办单位', unit],
  deadline: ['时限', when],
  verdict: ['核查结论', label(VERDICTS)],
  measures: ['处理措施', labels(MEASURES)],
  fromUnitId: ['原受理单位', unit],
  toUnitId: ['移交至', unit],
  filter: ['筛选条件', filter],
  rows: ['行数', text],
  truncated: ['超出上限未全部导出', yesNo],
  satisfied: ['评价', (v) => (v ? '满意' : '不满意')],
  regionCode: ['地区', region],
  regionPrefix: ['地区', region],
  kind: ['单位类型', label(UNIT_KINDS)],
  name: ['名称', text],
  username: ['用户名', text],
  unitId: ['单位', unit],
  roles: ['角色', labels(ROLES)],
  leadKind: ['主办单位类型', label(UNIT_KINDS)],
  assistKinds: ['协办单位类型', labels(UNIT_KINDS)],
  endedSessions: ['结束的其他登录', text],
  locked: ['已临时锁定', yesNo],
  factor: ['失败环节', (v) => (v === 'totp' ? '动态码' : text(v))],
  during: ['发生于', (v) => (v === 'totp_enable' ? '开启两步验证' : text(v))],
  subjectId: ['主体', (v, n) => ids(v).map((id) => n.subjects.get(id) ?? '（主体不在您的查阅范围内）').join('、')],
  tipIds: ['关联线索', (v, n) => tip(v, n) || '无'],
  subjectIds: ['关联主体', (v, n) => ids(v).map((id) => n.subjects.get(id) ?? '（主体不在您的查阅范围内）').join('、') || '无'],
  category: ['隐患类别', label(HAZARD_CATEGORIES)],
  serious: ['重大隐患', yesNo],
  hazards: ['发现隐患', (v) => `${text(v)} 处`],
  from: ['原状态', label(HAZARD_STATUSES)],
  to: ['新状态', label(HAZARD_STATUSES)],
  fineYuan: ['罚没金额', (v) => `${text(v)} 元`],
  grade: ['调整为', (v) => (v == null ? '恢复自动评级' : `${label(RISK_GRADES)(v)}色`)],
  uscc: ['统一社会信用代码', text],
  count: ['条数', text],
  periodStart: ['统计期起', text],
  periodEnd: ['统计期止', text],
};

export const actionLabel = (action: string) => (AUDIT_ACTIONS as Record<string, string>)[action] ?? '其他操作';
export const entityLabel = (entity: string) => (AUDIT_ENTITIES as Record<string, string>)[entity] ?? '其他';

/** A row's detail as labelled fields, in the order recorded; internal ids (assignments, inspections) are left out. */
export function describeDetail(action: string, detail: unknown, names: AuditNames): { label: string; value: string }[] {
  if (!detail || typeof detail !== 'object' || Array.isArray(detail)) return [];
  const d: Detail = { ...(detail as Detail), __hazard: action.startsWith('hazard.'), __figures: action.startsWith('figures.') };
  return Object.entries(detail as Detail)
    .filter(([k]) => FIELDS[k])
    .map(([k, v]) => ({ label: FIELDS[k][0], value: FIELDS[k][1](v, names, d) }));
}

/** The units, tips, subjects and regions a page of details names, to look up in one query each. */
export function detailRefs(details: unknown[]) {
  const refs = { units: new Set<number>(), tips: new Set<number>(), subjects: new Set<number>(), regions: new Set<string>() };
  for (const raw of details) {
    if (!raw || typeof raw !== 'object') continue;
    const d = raw as Detail;
    for (const k of ['officeUnitId', 'leadUnitId', 'assistingUnitIds', 'fromUnitId', 'toUnitId', 'unitId']) ids(d[k]).forEach((id) => refs.units.add(id));
    for (const k of ['intoTipId', 'requestedTipId', 'viaTipId', 'tipIds']) ids(d[k]).forEach((id) => refs.tips.add(id));
    for (const k of ['subjectId', 'subjectIds']) ids(d[k]).forEach((id) => refs.subjects.add(id));
    const f = d.filter as Detail | undefined;
    for (const r of [d.regionCode, d.regionPrefix, f?.regionCode, f?.region]) if (typeof r === 'string' && /^\d{2,9}$/.test(r)) refs.regions.add(r);
  }
  return refs;
}
