/** The indicator catalogue of shared/docs/indicators.md: stable keys, Chinese names, units. */
export const INDICATORS = {
  tips_received: ['受理线索', '条'], tips_verified: ['核查线索', '条'], tips_closed: ['办结线索', '条'], tips_closed_on_time: ['按期办结', '条'],
  tips_overdue: ['超期线索', '条'], tips_true: ['查实线索', '条'], reporter_satisfied: ['反馈满意', '条'],
  closure_rate_pct: ['办结率', '%'], on_time_rate_pct: ['按期办结率', '%'], satisfaction_rate_pct: ['满意率', '%'],
  cases_filed: ['立案', '起'], cases_solved: ['破案 / 侦破 / 打掉', '起'], suspects_arrested: ['抓获', '人'], suspects_detained_formally: ['逮捕', '人'],
  prosecuted_cases: ['起诉（件）', '件'], prosecuted_persons: ['起诉（人）', '人'], trial_cases: ['审判 / 审结', '件'],
  amount_involved_yuan: ['涉案金额', '元'], amount_recovered_yuan: ['追赃挽损 / 挽回损失', '元'], recovery_rate_pct: ['追赃挽损率', '%'], victims: ['受害人', '人'],
  entities_screened: ['排查主体', '家'], inspections_person_times: ['出动检查人次', '人次'], hazards_found: ['发现问题隐患', '个'], hazards_rectified: ['整改销号', '个'],
  rectification_notices: ['责令整改通知书 / 三书一函', '份'], admin_penalties: ['行政处罚', '次'], penalty_amount_yuan: ['罚没金额', '元'],
  ads_monitored: ['监测广告', '条'], ads_cleaned: ['清理广告', '处'], publicity_events: ['宣传活动', '场'], materials_distributed: ['发放宣传资料', '份'],
  banners: ['悬挂横幅 / 标语', '条'], posters: ['张贴海报 / 展板', '张'], people_reached: ['覆盖 / 受益 / 惠及人数', '人'], households_visited: ['入户', '户'],
  sms_sent: ['发送短信', '条'], media_posts: ['新媒体推送 / 新闻报道', '条'], videos_made: ['制作宣传视频', '个'], supervision_rounds: ['督导检查', '轮次'],
  elderly_devices: ['智能腕表 / 监控 配发', '个'], institutions_count: ['现有养老机构', '家'], beds: ['养老床位', '张'], meetings: ['召开会议', '次'], other: ['其他', '—'],
} as const satisfies Record<string, readonly [string, string]>;
export type IndicatorKey = keyof typeof INDICATORS;
export const INDICATOR_KEYS = Object.keys(INDICATORS) as [IndicatorKey, ...IndicatorKey[]];
