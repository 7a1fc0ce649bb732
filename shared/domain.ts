/** The campaign's vocabulary, shared by server and web. Codes follow shared/docs/domain.md. */

/** The codes of a label table, as the non-empty tuple z.enum wants. */
const codesOf = <T extends Record<string, string>>(labels: T) => Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];

export const FRAUD_TYPES = {
  elderly_service: '以提供"养老服务"为名',
  elderly_project: '以投资"养老项目"为名',
  elderly_product: '以销售"养老产品"为名',
  house_for_pension: '以"以房养老"为名',
  pension_insurance: '以代办"养老保险"为名',
  elderly_assistance: '以开展"养老帮扶"为名',
} as const;
export type FraudType = keyof typeof FRAUD_TYPES;
export const FRAUD_TYPE_CODES = codesOf(FRAUD_TYPES);

export const TIP_STATUSES = {
  submitted: '待受理',
  accepted: '已受理',
  rejected: '不予受理',
  merged: '已并案',
  dispatched: '已交办',
  in_progress: '办理中',
  reported: '已反馈结果',
  closed: '已办结',
} as const;
export type TipStatus = keyof typeof TIP_STATUSES;
export const TIP_STATUS_CODES = codesOf(TIP_STATUSES);

export const TIP_SOURCES = {
  portal: '网上举报',
  hotline: '电话举报',
  letter: '来信',
  visit: '来访',
  email: '电子邮件',
  platform_12337: '12337平台',
  leader_instruction: '领导批办',
  department_transfer: '部门移交',
  screening: '排查发现',
  court_card: '法院线索摸排卡',
} as const;
export type TipSource = keyof typeof TIP_SOURCES;
export const STAFF_SOURCE_CODES = codesOf(TIP_SOURCES).filter((s) => s !== 'portal') as [TipSource, ...TipSource[]];

export const UNIT_KINDS = {
  campaign_office: '专项办',
  political_legal: '政法委',
  cyberspace: '网信办',
  court: '法院',
  procuratorate: '检察院',
  police: '公安',
  civil_affairs: '民政',
  market_regulation: '市场监管',
  culture_tourism: '文化和旅游',
  housing: '住建',
  health: '卫健',
  natural_resources: '自然资源',
  urban_management: '城管',
  finance: '金融监管/处非办',
  central_bank: '人民银行',
  publicity: '宣传部',
  veteran_cadres: '老干部局',
  township: '街道/乡镇',
  other: '其他',
} as const;
export type UnitKind = keyof typeof UNIT_KINDS;
export const UNIT_KIND_CODES = codesOf(UNIT_KINDS);

export const ROLES = {
  admin: '系统管理员',
  intake: '受理员',
  office_lead: '专项办负责人',
  handler: '承办人',
  unit_lead: '单位负责人',
  supervisor: '督导员',
  viewer: '领导查看',
  auditor: '审计员',
} as const;
export type Role = keyof typeof ROLES;
export const ROLE_CODES = codesOf(ROLES);

/** Role groups, defined once for route access and the tip policy. */
export const OFFICE_ROLES = ['intake', 'office_lead'] as const satisfies readonly Role[];
export const TIP_WORKER_ROLES = [...OFFICE_ROLES, 'handler', 'unit_lead', 'supervisor'] as const satisfies readonly Role[];
export const TIP_READER_ROLES = [...TIP_WORKER_ROLES, 'viewer'] as const satisfies readonly Role[];

export const VERDICTS = { true: '属实', partly_true: '部分属实', untrue: '不属实', unverifiable: '无法核实' } as const;
export type Verdict = keyof typeof VERDICTS;
export const VERDICT_CODES = codesOf(VERDICTS);

export const MEASURES = {
  case_filed: '立案侦查',
  admin_penalty: '行政处罚',
  rectification_order: '责令整改',
  admonition: '约谈',
  risk_warning: '风险提示',
  transfer: '移送',
  merged: '并案',
  other: '其他',
} as const;
export type Measure = keyof typeof MEASURES;
export const MEASURE_CODES = codesOf(MEASURES);

export const REGION_LEVELS = { 1: 'province', 2: 'city', 3: 'county', 4: 'township' } as const;

/** Kinds of subject (主体) screened and registered, domain.md §5. */
export const SUBJECT_KINDS = {
  elderly_care_institution: '养老机构（已登记）',
  unregistered_care_place: '未登记的养老服务场所',
  travel_agency: '旅行社',
  health_product_seller: '保健品经营者',
  real_estate_developer: '房地产开发企业',
  care_land_parcel: '养老服务用地',
  medical_care_institution: '医养结合机构',
  direct_seller: '直销企业',
  art_dealer: '艺术品经营者',
  finance_company: '投资/金融公司',
  other: '其他',
} as const;
export type SubjectKind = keyof typeof SUBJECT_KINDS;
export const SUBJECT_KIND_CODES = codesOf(SUBJECT_KINDS);

// ── Screening and risk (domain.md §5) ──────────────────────────────────────────────────────────
export const RISK_GRADES = { red: '红', orange: '橙', yellow: '黄', green: '绿' } as const;
export type RiskGrade = keyof typeof RISK_GRADES;
export const RISK_GRADE_CODES = codesOf(RISK_GRADES);

/** Checklist questions of an inspection: each ticked box is a problem found there. */
export const CHECKLIST_ITEMS = {
  prepaid: '销售预付卡、会员卡或收取会员费、床位费',
  deposit: '收取押金、保证金或“投资”款',
  returns: '承诺高额回报、保本保息或返利',
  health_claims: '宣称产品能治病等虚假宣传',
  no_commitment: '未签订不诈骗承诺书',
} as const;
export type ChecklistItem = keyof typeof CHECKLIST_ITEMS;
export const CHECKLIST_ITEM_CODES = codesOf(CHECKLIST_ITEMS);

export const HAZARD_CATEGORIES = {
  fundraising: '涉嫌非法集资',
  fraud: '涉嫌诈骗',
  prepaid: '预付费、会员费、押金',
  false_ad: '虚假宣传',
  qualification: '无资质或未备案',
  safety: '安全管理',
  other: '其他',
} as const;
export type HazardCategory = keyof typeof HAZARD_CATEGORIES;
export const HAZARD_CATEGORY_CODES = codesOf(HAZARD_CATEGORIES);

export const HAZARD_MEASURES = {
  risk_warning: '风险提示',
  admonition: '约谈',
  rectification_order: '责令整改',
  admin_penalty: '行政处罚',
  transfer_police: '移送公安',
  ban: '取缔',
} as const;
export const HAZARD_MEASURE_CODES = codesOf(HAZARD_MEASURES);

export const HAZARD_STATUSES = { open: '待整改', rectifying: '整改中', rectified: '已整改待验收', verified: '已销号' } as const;
export type HazardStatus = keyof typeof HAZARD_STATUSES;
export const HAZARD_STATUS_CODES = codesOf(HAZARD_STATUSES);

/** Who records screening (inspections, hazards, rectification) and who verifies it and overrides grades. */
export const SCREENER_ROLES = ['intake', 'office_lead', 'handler', 'unit_lead'] as const satisfies readonly Role[];
export const SCREENING_LEAD_ROLES = ['office_lead', 'unit_lead'] as const satisfies readonly Role[];

/**
 * Hours an uploaded evidence file may wait for its report before it is removed (it holds quota and
 * disk meanwhile). The portal drops files from a saved draft an hour before that, and says so.
 */
export const UNATTACHED_UPLOAD_HOURS = 6;

// ── Criminal cases (打击, domain.md §1) ─────────────────────────────────────────────────────────
/** A case's stages, in the only order they happen: each needs the one before it. */
export const CASE_STAGES = { filed: '立案', solved: '侦破', transferred: '移送起诉', prosecuted: '提起公诉', tried: '审判' } as const;
export type CaseStage = keyof typeof CASE_STAGES;
export const CASE_STAGE_CODES = codesOf(CASE_STAGES);

/** 现案: a new case; 积案: an old case dug up again. */
export const CASE_ORIGINS = { new: '现案', old: '积案' } as const;
export type CaseOrigin = keyof typeof CASE_ORIGINS;
export const CASE_ORIGIN_CODES = codesOf(CASE_ORIGINS);

/** Figures a case adds, each a dated entry; amounts are integer fen (分), never fractions of a yuan. */
export const CASE_FIGURE_KINDS = {
  arrested: '抓获',
  detained: '逮捕',
  victims: '受害人',
  amount_involved: '涉案金额',
  amount_frozen: '冻结金额',
  amount_recovered: '追赃挽损',
  prosecuted_persons: '起诉人数',
  sentenced_persons: '判处人数',
} as const;
export type CaseFigureKind = keyof typeof CASE_FIGURE_KINDS;
export const CASE_FIGURE_KIND_CODES = codesOf(CASE_FIGURE_KINDS);
/** Figure kinds counted in fen (the others count persons). */
export const CASE_AMOUNT_KINDS = ['amount_involved', 'amount_frozen', 'amount_recovered'] as const satisfies readonly CaseFigureKind[];

/** The unit kinds that work a case, and what each records: police its stages and figures, the procuratorate prosecution, the court trial. */
export const CASE_UNIT_KINDS = ['police', 'procuratorate', 'court'] as const satisfies readonly UnitKind[];
export type CaseUnitKind = (typeof CASE_UNIT_KINDS)[number];
export const CASE_STAGE_OWNER: Record<CaseStage, CaseUnitKind> = {
  filed: 'police', solved: 'police', transferred: 'police', prosecuted: 'procuratorate', tried: 'court',
};
export const CASE_FIGURE_OWNERS: Record<CaseFigureKind, readonly CaseUnitKind[]> = {
  arrested: ['police'], detained: ['police'], victims: ['police'], amount_involved: ['police'], amount_frozen: ['police'],
  amount_recovered: ['police', 'court'], prosecuted_persons: ['procuratorate'], sentenced_persons: ['court'],
};
/** Who works on cases inside those units (offices and viewers read them). */
export const CASE_WORKER_ROLES = ['handler', 'unit_lead'] as const satisfies readonly Role[];

// ── Administrative enforcement (行政执法, 行刑衔接) ─────────────────────────────────────────────
/** Documents a unit issues to a subject: 三书一函, penalty decisions, and transfers to the police. */
export const ENFORCEMENT_KINDS = {
  risk_warning_letter: '风险提示函',
  interview_notice: '约谈通知书',
  rectification_notice: '责令整改通知书',
  penalty_decision: '行政处罚决定书',
  transfer_police: '移送公安（行刑衔接）',
} as const;
export type EnforcementKind = keyof typeof ENFORCEMENT_KINDS;
export const ENFORCEMENT_KIND_CODES = codesOf(ENFORCEMENT_KINDS);
/** The documents counted as rectification_notices (责令整改通知书 / 三书一函, indicators.md). */
export const NOTICE_KINDS = ['risk_warning_letter', 'interview_notice', 'rectification_notice', 'penalty_decision'] as const satisfies readonly EnforcementKind[];

/** A typical case's life: written (draft), published after review by a second person, withdrawn. */
export const TYPICAL_CASE_STATUSES = { draft: '待审核', published: '已发布', withdrawn: '已撤回' } as const;
export type TypicalCaseStatus = keyof typeof TYPICAL_CASE_STATUSES;
export const TYPICAL_CASE_STATUS_CODES = codesOf(TYPICAL_CASE_STATUSES);
