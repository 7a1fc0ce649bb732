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
  /** A lower office's closing proposal waits for the upper office (上级审核); the reporter reads no answer yet. */
  closing: '办结待上级审核',
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
  upper_transfer: '上级转办',
  department_transfer: '部门移交',
  screening: '排查发现',
  court_card: '法院线索摸排卡',
} as const;
export type TipSource = keyof typeof TIP_SOURCES;
export const STAFF_SOURCE_CODES = codesOf(TIP_SOURCES).filter((s) => s !== 'portal') as [TipSource, ...TipSource[]];
/**
 * Sources a member unit hands a tip over with (移交): found in its own work (an inspection: 排查发现),
 * passed on from its department (部门移交), or a court's 线索摸排卡 (courts only).
 */
export const HANDOVER_SOURCES = ['department_transfer', 'screening', 'court_card'] as const satisfies readonly TipSource[];
export type HandoverSource = (typeof HANDOVER_SOURCES)[number];
/** Who hands tips over for a member unit: its handlers and its lead. */
export const HANDOVER_ROLES = ['handler', 'unit_lead'] as const satisfies readonly Role[];

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
/** The unit a sector's subjects are counted in (一家养老机构, 一宗养老服务用地, 一个场所). */
export const SUBJECT_KIND_UNITS: Record<SubjectKind, '家' | '宗' | '个'> = {
  elderly_care_institution: '家', unregistered_care_place: '个', travel_agency: '家', health_product_seller: '家', real_estate_developer: '家',
  care_land_parcel: '宗', medical_care_institution: '家', direct_seller: '家', art_dealer: '家', finance_company: '家', other: '个',
};
/** Sectors whose subjects have beds (institutions and places that house elderly people). */
export const SUBJECT_KINDS_WITH_BEDS: readonly SubjectKind[] = ['elderly_care_institution', 'unregistered_care_place', 'medical_care_institution'];
/** Sectors whose subjects are counted by area (land parcels, 宗). */
export const SUBJECT_KINDS_WITH_AREA: readonly SubjectKind[] = ['care_land_parcel'];

// ── Screening and risk (domain.md §5) ──────────────────────────────────────────────────────────
export const RISK_GRADES = { red: '红', orange: '橙', yellow: '黄', green: '绿' } as const;
export type RiskGrade = keyof typeof RISK_GRADES;
export const RISK_GRADE_CODES = codesOf(RISK_GRADES);
/** What changed a subject's stored grade (subject_grade_history.cause, migration 0034). */
export const GRADE_CAUSES = {
  inspection: '检查', hazard: '隐患整改', tip: '线索', case: '刑事案件', override: '人工调整', deadline: '整改期限届满', registry: '名录信息变更', backfill: '初始评级',
} as const;
export type GradeCause = keyof typeof GRADE_CAUSES;
export const GRADE_CAUSE_CODES = codesOf(GRADE_CAUSES);

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

/** Where a hazard came from (migration 0035): an inspection, a tip, a complaint or a supervision finding. */
export const HAZARD_SOURCES = { inspection: '排查检查', tip: '群众举报线索', complaint: '投诉', supervision: '督导检查发现' } as const;
export type HazardSource = keyof typeof HAZARD_SOURCES;
export const HAZARD_SOURCE_CODES = codesOf(HAZARD_SOURCES);

export const HAZARD_STATUSES = { open: '待整改', rectifying: '整改中', rectified: '已整改待验收', verified: '已销号' } as const;
export type HazardStatus = keyof typeof HAZARD_STATUSES;
export const HAZARD_STATUS_CODES = codesOf(HAZARD_STATUSES);

/** A screening round's scope (排查批次, issue 13 item 3). */
export const ROUND_SCOPES = { centralized: '集中排查', review: '回头看', special: '专项检查' } as const;
export type RoundScope = keyof typeof ROUND_SCOPES;
export const ROUND_SCOPE_CODES = codesOf(ROUND_SCOPES);
export const ROUND_STATUSES = { open: '进行中', closed: '已结束' } as const;
export const ROUND_STATUS_CODES = codesOf(ROUND_STATUSES);

/** Kinds of inspection: by a unit, the institution's self-check recorded by staff (自查), a spot check (抽查, with its sampling ratio). */
export const INSPECTION_KINDS = { routine: '检查', self_check: '自查', spot_check: '抽查' } as const;
export type InspectionKind = keyof typeof INSPECTION_KINDS;
export const INSPECTION_KIND_CODES = codesOf(INSPECTION_KINDS);

/**
 * Units that run screening rounds: campaign offices and the departments that screen a sector
 * (not police, procuratorates or courts, whose work on subjects is cases).
 */
export const SCREENING_ROUND_UNIT_KINDS = [
  'campaign_office', 'civil_affairs', 'market_regulation', 'culture_tourism', 'housing', 'health', 'natural_resources', 'finance', 'urban_management', 'township',
] as const satisfies readonly UnitKind[];

/** Who records screening (inspections, hazards, rectification) and who verifies it and overrides grades. */
export const SCREENER_ROLES = ['intake', 'office_lead', 'handler', 'unit_lead'] as const satisfies readonly Role[];
export const SCREENING_LEAD_ROLES = ['office_lead', 'unit_lead'] as const satisfies readonly Role[];

/**
 * Hours an uploaded evidence file may wait for its report before it is removed (it holds quota and
 * disk meanwhile). The portal drops files from a saved draft an hour before that, and says so.
 */
export const UNATTACHED_UPLOAD_HOURS = 6;

// ── Publicity (宣传, domain.md §1) ──────────────────────────────────────────────────────────────
export const PUBLICITY_KINDS = {
  lecture: '专题讲座',
  campaign_day: '集中宣传日/赶集日',
  community_visit: '进社区/进村/进养老机构',
  door_to_door: '入户走访',
  letter: '致老年人的一封信',
  new_media: '微信/微博/抖音推送',
  short_video: '短视频',
  sms: '短信',
  tv_radio: '电视/广播',
  banner_poster: '横幅/海报/展板/电子屏',
  performance: '文艺演出',
  training: '培训会',
  other: '其他',
} as const;
export type PublicityKind = keyof typeof PUBLICITY_KINDS;
export const PUBLICITY_KIND_CODES = codesOf(PUBLICITY_KINDS);

/**
 * The counts an activity records: each is an indicator key of shared/docs/indicators.md (the name,
 * unit and meaning are INDICATORS'), stored in a column of the same name. publicity_events is the
 * number of activities itself, so it is not a field.
 */
export const PUBLICITY_COUNT_KEYS = [
  'materials_distributed', 'banners', 'posters', 'people_reached', 'households_visited', 'media_posts', 'videos_made', 'sms_sent',
] as const;
export type PublicityCountKey = (typeof PUBLICITY_COUNT_KEYS)[number];

/** Who records publicity activities: offices and member units alike (most summaries are member units'). */
export const PUBLICITY_WRITER_ROLES = ['intake', 'office_lead', 'handler', 'unit_lead'] as const satisfies readonly Role[];

/**
 * What the audit log records, in the words the auditor reads. Every action the server writes is here
 * (server/modules/audit/audit-labels.test.ts reads the server's source to make sure).
 */
export const AUDIT_ACTIONS = {
  'tip.submitted': '收到线索',
  'tip.accepted': '受理线索',
  'tip.rejected': '不予受理',
  'tip.answer': '答复举报人（办结或不予受理）',
  'tip.merged': '并案',
  'tip.dispatched': '交办',
  'tip.signed': '签收',
  'tip.reported': '反馈办理结果',
  'tip.assist_reported': '协办单位反馈',
  'tip.sent_back': '退回交办单位',
  'tip.returned': '退回重办',
  'tip.closed': '审核办结',
  'tip.urged': '督办',
  'tip.note': '内部备注',
  'tip.reply': '答复举报人',
  'tip.transferred': '移交上级受理',
  'tip.reporter_message': '举报人补充材料',
  'tip.rated': '举报人评价',
  'tip.reexamination_requested': '举报人申请复核',
  'tip.exported': '导出线索台账',
  'tip.identity_revealed': '查看举报人身份',
  'tip.handed_over': '成员单位移交线索',
  'tip.duplicate_confirmed': '确认登记编号重复的线索',
  'tip.imported': '批量导入12337线索',
  'tip.import_results_exported': '导出12337办理结果',
  'tip.report_drafted': '提交办理结果待单位负责人审核',
  'tip.report_approved': '单位负责人审核通过办理结果',
  'tip.report_rejected': '单位负责人退回办理结果',
  'tip.closure_proposed': '提请上级审核办结',
  'tip.closure_approved': '上级审核同意办结',
  'tip.closure_returned': '上级退回办结意见',
  'unit.report_approval_changed': '修改单位办理结果审核设置',
  'admin.unit_created': '新建单位',
  'admin.user_created': '新建用户',
  'admin.user_disabled': '停用用户',
  'admin.user_enabled': '启用用户',
  'admin.password_reset': '重置密码',
  'admin.totp_reset': '重置两步验证',
  'admin.roles_changed': '修改角色',
  'routing.rule_saved': '保存分流规则',
  'routing.rule_deleted': '删除分流规则',
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.login_failed': '登录失败',
  'auth.totp_enabled': '开启两步验证',
  'auth.totp_disabled': '关闭两步验证',
  'subject.created': '登记主体',
  'subject.risk_overridden': '调整风险等级',
  'subject.updated': '修改主体信息',
  'subject.merged': '合并重复主体',
  'subject.imported': '导入主体名录',
  'subject.exported': '导出主体名录',
  'plan.created': '制定一院一策整治方案',
  'plan.edited': '修改一院一策整治方案',
  'plan.note_added': '记录整治进展',
  'plan.measure_done': '整治措施完成',
  'inspection.recorded': '记录检查',
  'screening_round.created': '创建排查批次',
  'screening_round.edited': '修改排查批次',
  'screening_round.closed': '结束排查批次',
  'checklist.versioned': '修改检查表（新版本）',
  'hazard.created': '登记隐患',
  'hazard.started': '开始整改',
  'hazard.rectified': '报告整改完成',
  'hazard.verified': '验收销号',
  'hazard.reopened': '验收不通过',
  'hazard.penalty_recorded': '记录行政处罚',
  'hazard.exported': '导出隐患台账',
  'screening.table_exported': '导出排查统计表',
  'figures.reported': '上报统计数字',
  'figures.approved': '审核通过上报数字',
  'figures.returned': '退回上报数字',
  'intel.labelled_data_exported': '导出标注数据',
  'publicity.created': '登记宣传活动',
  'publicity.corrected': '更正宣传活动',
  'publicity.photo_added': '上传宣传照片',
  'publicity.imported': '批量导入宣传活动',
  'publicity.exported': '导出宣传活动',
  'monitoring.created': '登记广告监测',
  'monitoring.corrected': '更正广告监测',
  'monitoring.exported': '导出广告监测',
  'article.created': '撰写防骗文章',
  'article.edited': '修改防骗文章',
  'article.submitted': '提交文章审核',
  'article.published': '审核发布文章',
  'article.returned': '退回文章修改',
  'article.withdrawn': '撤下文章',
  'channel.saved': '保存举报渠道',
  'case.filed': '刑事案件立案',
  'case.solved': '案件侦破',
  'case.transferred': '移送起诉',
  'case.prosecuted': '提起公诉',
  'case.tried': '审判',
  'case.linked': '关联线索或主体',
  'case.figure_recorded': '录入案件数字',
  'case.figure_corrected': '更正案件数字',
  'case.exported': '导出案件台账',
  'enforcement.exported': '导出行政执法台账',
  'typical_case.written': '撰写典型案例',
  'typical_case.edited': '修改典型案例草稿',
  'typical_case.published': '发布典型案例',
  'typical_case.withdrawn': '撤下典型案例',
  'enforcement.recorded': '录入行政执法文书',
  'supervision.round_created': '开展督导检查',
  'supervision.finding_added': '登记督导发现问题',
  'supervision.feedback_submitted': '提交整改反馈',
  'supervision.finding_verified': '核验整改销号',
  'supervision.finding_reopened': '整改核验不通过',
  'supervision.sample_drawn': '抽取督导样本',
  'supervision.callback_recorded': '记录督导回访',
  'supervision.recheck_answered': '答复二次核查',
  'supervision.recheck_upheld': '二次核查通过',
  'supervision.recheck_failed': '二次核查不通过（线索重新办理）',
  'evaluation.population_set': '登记老年人口',
  'evaluation.scheme_set': '设置考评权重',
  'evaluation.exported': '导出考评排名',
  'report.generated': '生成工作报告',
  'report.edited': '修改工作报告',
  'report.signed_off': '签发工作报告',
  'report.exported': '下载工作报告',
  'urgent_report.sent': '报送要情',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

/**
 * An assignment's states (tip_assignments.status), as the console names them. pending_approval: a
 * member unit's report waits for its unit lead (单位负责人审核), invisible to the office until approved.
 */
export const ASSIGNMENT_STATUSES = {
  dispatched: '待签收',
  signed: '办理中',
  pending_approval: '待单位负责人审核',
  reported: '已报送办理结果',
  forwarded: '已转交下级',
  returned: '被退回重办',
  sent_back: '已退回交办',
  withdrawn: '已撤回',
  closed: '已办结',
} as const;
export type AssignmentStatus = keyof typeof ASSIGNMENT_STATUSES;

/** Who approves a member unit's report (单位负责人审核). */
export const REPORT_APPROVER_ROLES = ['unit_lead'] as const satisfies readonly Role[];

/** The kinds of object an audit row is about. */
export const AUDIT_ENTITIES = {
  tip: '线索',
  tip_import: '线索导入批次',
  user: '用户',
  unit: '单位',
  routing_rule: '分流规则',
  subject: '主体',
  registry_import: '主体名录导入',
  hazard: '隐患',
  screening_round: '排查批次',
  checklist: '检查表',
  reported_figures: '上报数字',
  type_corrections: '标注数据',
  publicity_activity: '宣传活动',
  publicity_import: '宣传导入批次',
  ads_monitoring_round: '广告监测记录',
  public_article: '防骗文章',
  case: '案件',
  supervision_round: '督导检查',
  supervision_finding: '督导发现问题',
  elderly_population: '老年人口',
  evaluation_scheme: '考评方案',
  work_report: '工作报告',
  urgent_report: '要情随报',
} as const;
export type AuditEntity = keyof typeof AUDIT_ENTITIES;

// ── Ads and online monitoring (广告监测), issue 10 ───────────────────────────────────────────────
/** Where a monitoring round looked (a round may cover several). */
export const AD_MEDIA = {
  outdoor: '户外广告',
  print: '报刊/印刷品',
  broadcast: '广播电视',
  website: '网站/网店',
  social_media: '微信/微博/社交平台',
  short_video: '短视频/直播平台',
  other: '其他',
} as const;
export type AdMedium = keyof typeof AD_MEDIA;
export const AD_MEDIA_CODES = codesOf(AD_MEDIA);

/**
 * The figures a monitoring round records. ads_monitored and ads_cleaned are indicators of
 * shared/docs/indicators.md; the other three are the round's own facts (what summaries write beside them).
 */
export const MONITORING_COUNTS = {
  ads_monitored: ['监测广告', '条'],
  illegal_ads_found: ['发现违法违规广告', '条'],
  ads_cleaned: ['清理广告', '处'],
  accounts_closed: ['关停账号/删除帖文', '个'],
  cases_transferred: ['移送案件线索', '件'],
} as const satisfies Record<string, readonly [string, string]>;
export type MonitoringCountKey = keyof typeof MONITORING_COUNTS;
export const MONITORING_COUNT_KEYS = Object.keys(MONITORING_COUNTS) as [MonitoringCountKey, ...MonitoringCountKey[]];

/**
 * Who logs monitoring rounds: market regulation (advertising law) and cyberspace (online platforms),
 * and campaign offices, whose publicity group often runs the online watch with the cyberspace office.
 */
export const AD_MONITOR_UNIT_KINDS = ['market_regulation', 'cyberspace', 'campaign_office'] as const satisfies readonly UnitKind[];

// ── Public knowledge and warnings on the portal (防骗知识/预警), issue 10 ──────────────────────────
// Typical cases are not articles: they are written from a case record and masked (cases/typical.*).
export const ARTICLE_KINDS = { knowledge: '防骗知识', warning: '预警提示' } as const;
export type ArticleKind = keyof typeof ARTICLE_KINDS;
export const ARTICLE_KIND_CODES = codesOf(ARTICLE_KINDS);

export const ARTICLE_STATUSES = { draft: '草稿', pending: '待审核', published: '已发布', withdrawn: '已撤下' } as const;
export type ArticleStatus = keyof typeof ARTICLE_STATUSES;
export const ARTICLE_STATUS_CODES = codesOf(ARTICLE_STATUSES);

/** Who writes articles and keeps the office's reporting channels: campaign office staff. */
export const ARTICLE_WRITER_ROLES = OFFICE_ROLES;
/** Who reviews (publishes or returns) an article: an office lead who did not write it. */
export const ARTICLE_REVIEWER_ROLES = ['office_lead'] as const satisfies readonly Role[];

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

// ── Supervision (督导检查, domain.md §1 "Around the strands"), issue 12 ─────────────────────────
export const SUPERVISION_METHODS = { on_site: '实地督导', unannounced: '暗访', phone_callback: '电话回访', written: '书面检查' } as const;
export type SupervisionMethod = keyof typeof SUPERVISION_METHODS;
export const SUPERVISION_METHOD_CODES = codesOf(SUPERVISION_METHODS);

/** A finding's follow-up: open → submitted (整改反馈 by the target) → verified, or back to open. */
export const FINDING_STATUSES = { open: '待整改', submitted: '已反馈待核验', verified: '已核验销号' } as const;
export type FindingStatus = keyof typeof FINDING_STATUSES;
export const FINDING_STATUS_CODES = codesOf(FINDING_STATUSES);

/** What a sample of closed tips is drawn for: 回访 (call the named reporter) or 二次核查 (verify again). */
export const SAMPLE_KINDS = { callback: '回访', recheck: '二次核查' } as const;
export type SampleKind = keyof typeof SAMPLE_KINDS;
export const SAMPLE_KIND_CODES = codesOf(SAMPLE_KINDS);

/** A sampled tip: callback pending → recorded; recheck pending → answered (by the handling unit) → upheld | failed. */
export const SAMPLE_ITEM_STATUSES = { pending: '待办', recorded: '已回访', answered: '已答复待评定', upheld: '核查通过', failed: '核查不通过' } as const;
export type SampleItemStatus = keyof typeof SAMPLE_ITEM_STATUSES;
export const SAMPLE_ITEM_STATUS_CODES = codesOf(SAMPLE_ITEM_STATUSES);

/** 回访: did the unit really handle it, as the reporter says. */
export const CALLBACK_HANDLED = { yes: '确已处理', no: '未处理', unclear: '说不清' } as const;
export const CALLBACK_HANDLED_CODES = codesOf(CALLBACK_HANDLED);

/** Who runs supervision rounds (opens them, records findings and samples, verifies): offices' supervisors and leads. */
export const SUPERVISION_ROLES = ['office_lead', 'supervisor'] as const satisfies readonly Role[];
/** Who answers for a target unit (整改反馈, the answer to a 二次核查): its handlers and leads, an office's intake and lead. */
export const SUPERVISED_ROLES = ['intake', 'office_lead', 'handler', 'unit_lead'] as const satisfies readonly Role[];

/** The gaming flags a supervisor reads per unit and period (docs/indicators.md, "Gaming flags"). */
export const GAMING_RULES = {
  untrue_rate: '“不属实”办结比例明显高于同类单位',
  fast_closure: '办理用时明显短于同类单位',
  returned_rate: '办理结果被退回重办比例高',
  dissatisfied_rate: '举报人不满意比例高',
} as const;
export type GamingRule = keyof typeof GAMING_RULES;
export const GAMING_RULE_CODES = codesOf(GAMING_RULES);
// ── Evaluation (考评), issue 11 item 6 ────────────────────────────────────────────────────────────
/**
 * What an office may weigh when it ranks its child regions (docs/indicators.md, "Evaluation"):
 * [name, what is divided by what]. Keys are stable.
 */
export const EVALUATION_COMPONENTS = {
  on_time: ['按期办结率', '按期办结线索 / 有办理期限的办结线索'],
  satisfaction: ['满意率', '反馈满意 / 作出评价的线索'],
  recovery: ['追赃挽损率', '追赃挽损金额 / 涉案金额'],
  screening: ['排查覆盖率', '本期排查主体 / 登记主体'],
  hazards: ['隐患销号率', '本期整改销号 / 本期发现隐患'],
  reach: ['每万名老年人宣传覆盖', '宣传覆盖人数 / 60 岁以上常住人口 × 10000'],
} as const satisfies Record<string, readonly [string, string]>;
export type EvaluationComponent = keyof typeof EVALUATION_COMPONENTS;
export const EVALUATION_COMPONENT_CODES = Object.keys(EVALUATION_COMPONENTS) as [EvaluationComponent, ...EvaluationComponent[]];

/** What a scheme does with a component a region has no data for (暂无数据). */
export const MISSING_RULES = {
  zero: '按 0 分计入',
  reweight: '不计入，其余指标按权重比例折算',
} as const;
export type MissingRule = keyof typeof MISSING_RULES;
export const MISSING_RULE_CODES = codesOf(MISSING_RULES);

/** Who enters elderly population figures (offices of the region or above) and who sets the weights. */
export const POPULATION_WRITER_ROLES = ['intake', 'office_lead'] as const satisfies readonly Role[];
export const SCHEME_WRITER_ROLES = ['office_lead'] as const satisfies readonly Role[];
// ── Work reports (工作报告), issue 11 item 5 ─────────────────────────────────────────────────────
/** The reports an office writes upward, generated from the indicator engine. */
export const REPORT_KINDS = { daily: '动态日报', weekly: '总结周报', stage: '阶段工作总结' } as const;
export type ReportKind = keyof typeof REPORT_KINDS;
export const REPORT_KIND_CODES = codesOf(REPORT_KINDS);
export const REPORT_STATUSES = { draft: '草稿', signed_off: '已签发' } as const;
export type ReportStatus = keyof typeof REPORT_STATUSES;
export const REPORT_STATUS_CODES = codesOf(REPORT_STATUSES);
/** Who writes reports and 要情随报 (campaign offices); who signs a report off. */
export const REPORT_WRITER_ROLES = OFFICE_ROLES;
export const REPORT_SIGNER_ROLES = ['office_lead'] as const satisfies readonly Role[];
// ── Reported figures and their review (issue 11 item 2) ─────────────────────────────────────────
/** A reported figure counts only once approved by the campaign office that reviews it. */
export const FIGURE_STATUSES = { submitted: '待审核', approved: '已通过', returned: '已退回' } as const;
export type FigureStatus = keyof typeof FIGURE_STATUSES;
export const FIGURE_STATUS_CODES = codesOf(FIGURE_STATUSES);
/** Who reports figures (any unit: offices and member units) and who reviews them (an office's lead or intake staff). */
export const FIGURE_REPORTER_ROLES = ['intake', 'office_lead', 'handler', 'unit_lead'] as const satisfies readonly Role[];
export const FIGURE_REVIEWER_ROLES = OFFICE_ROLES;
export const FIGURE_READER_ROLES = [...FIGURE_REPORTER_ROLES, 'supervisor', 'viewer'] as const satisfies readonly Role[];
