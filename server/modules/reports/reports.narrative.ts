import { INDICATORS, type IndicatorKey } from '../../../shared/indicators.ts';
import { REPORT_KINDS, type ReportKind } from '../../../shared/domain.ts';
import { yuanText } from '../../../shared/money.ts';
import type { ReportIndicator, Sections, Urgent } from './reports.schemas.ts';

/**
 * The words of a report, from its figures: the indicators it shows (in the order of the table), the
 * period's names, numbers as printed, and the narrative of 一、工作开展情况 / 二、存在的问题 /
 * 三、下一步工作打算 with each figure's 环比 and 同比 written as a sentence. Pure: the same figures
 * give the same words, so a frozen report's documents never change.
 */

/** The indicators a report shows, by strand, with the short name a sentence uses. */
export const REPORT_INDICATORS: { key: IndicatorKey; label: string; strand: Strand }[] = [
  { key: 'tips_received', label: '受理线索', strand: 'tips' },
  { key: 'tips_closed', label: '办结线索', strand: 'tips' },
  { key: 'tips_closed_on_time', label: '按期办结线索', strand: 'tips' },
  { key: 'tips_true', label: '查实线索', strand: 'tips' },
  { key: 'tips_overdue', label: '超期线索', strand: 'tips' },
  { key: 'cases_filed', label: '立案', strand: 'cases' },
  { key: 'cases_solved', label: '破案', strand: 'cases' },
  { key: 'suspects_arrested', label: '抓获犯罪嫌疑人', strand: 'cases' },
  { key: 'amount_involved_yuan', label: '涉案金额', strand: 'cases' },
  { key: 'amount_recovered_yuan', label: '追赃挽损', strand: 'cases' },
  { key: 'recovery_rate_pct', label: '追赃挽损率', strand: 'cases' },
  { key: 'entities_screened', label: '排查主体', strand: 'screening' },
  { key: 'inspections_person_times', label: '出动检查', strand: 'screening' },
  { key: 'hazards_found', label: '发现问题隐患', strand: 'screening' },
  { key: 'hazards_rectified', label: '整改销号', strand: 'screening' },
  { key: 'admin_penalties', label: '行政处罚', strand: 'screening' },
  { key: 'penalty_amount_yuan', label: '罚没金额', strand: 'screening' },
  { key: 'publicity_events', label: '开展宣传活动', strand: 'publicity' },
  { key: 'materials_distributed', label: '发放宣传资料', strand: 'publicity' },
  { key: 'people_reached', label: '覆盖群众', strand: 'publicity' },
];
type Strand = 'tips' | 'cases' | 'screening' | 'publicity';

/** An indicator's unit (the catalogue's). */
export const indicatorUnit = (key: string) => (INDICATORS as Record<string, readonly [string, string]>)[key]?.[1] ?? '';

const isMoney = (key: string) => key.endsWith('_yuan');
const isPct = (key: string) => key.endsWith('_pct');

/** A figure as printed in every document and checked against the API: counts whole, yuan with 2 decimals, rates with 1. */
export function numberText(key: string, v: number | null): string {
  if (v === null) return '暂无数据';
  if (isMoney(key)) return v.toFixed(2);
  if (isPct(key)) return v.toFixed(1);
  return String(Math.round(v));
}

/** The period's names: 本周 / 上周 for a weekly report, and so on. */
export const PERIOD_WORDS: Record<ReportKind, { current: string; previous: string }> = {
  daily: { current: '当日', previous: '前一日' },
  weekly: { current: '本周', previous: '上周' },
  stage: { current: '本阶段', previous: '上一阶段' },
};

/** '2026-11-23' → '2026年11月23日'. */
export const dateText = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
/** The period as the title and the first sentence say it. */
export function periodText(from: string, to: string): string {
  if (from === to) return dateText(from);
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return `${dateText(from)}至${sameYear ? dateText(to).slice(5) : dateText(to)}`;
}

export function reportTitle(kind: ReportKind, regionName: string, from: string, to: string): string {
  return `${regionName}打击整治养老诈骗专项行动${REPORT_KINDS[kind]}（${periodText(from, to)}）`;
}

/** The magnitude of a change in the figure's own terms (yuan with 2 decimals, rates in 个百分点). */
const amountText = (key: string, v: number) => (isPct(key) ? `${Math.abs(v).toFixed(1)}个百分点` : `${numberText(key, Math.abs(v))}${indicatorUnit(key)}`);

/**
 * One comparison as a sentence part: "较上周增加3条，增长33.3%", "与上周持平", or '' when the earlier
 * period has no data (no comparison is better than one against nothing).
 */
export function comparison(key: string, value: number, base: number | null, against: string): string {
  if (base === null) return '';
  const diff = Math.round((value - base) * 100) / 100;
  if (diff === 0) return `与${against}持平`;
  const [more, up] = isPct(key) ? ['提高', ''] : ['增加', '增长'];
  const [less, down] = isPct(key) ? ['降低', ''] : ['减少', '下降'];
  const pct = !isPct(key) && base !== 0 ? `，${diff > 0 ? up : down}${((Math.abs(diff) / base) * 100).toFixed(1)}%` : '';
  return `较${against}${diff > 0 ? more : less}${amountText(key, diff)}${pct}`;
}

/** "受理线索12条，较上周增加3条，增长33.3%；较去年同期减少1条，下降7.7%". */
export function figureSentence(kind: ReportKind, f: ReportIndicator, label: string): string {
  const value = f.value ?? 0;
  const head = isPct(f.key) ? `${label}${numberText(f.key, value)}%` : `${label}${numberText(f.key, value)}${f.unit}`;
  const parts = [comparison(f.key, value, f.previous, PERIOD_WORDS[kind].previous), comparison(f.key, value, f.yoy, '去年同期')].filter(Boolean);
  return parts.length ? `${head}，${parts.join('；')}` : head;
}

const STRAND_OPENING: Record<Strand, string> = {
  tips: '线索受理办理方面',
  cases: '依法打击方面',
  screening: '排查整治方面',
  publicity: '宣传教育方面',
};

/** The report's 要情 as lines of text (the daily report of the office they were sent to lists them). */
export function urgentLines(urgent: Urgent[]): string[] {
  return urgent.map((u, i) => {
    const facts = [
      u.amountFen !== null ? `涉案金额${yuanText(u.amountFen)}元` : '',
      u.victims !== null ? `受害人${u.victims}人` : '',
    ].filter(Boolean).join('，');
    return `${i + 1}. ${u.region.name}（${u.unit}报送，${dateText(u.occurredOn)}）：${u.title}。${facts ? `${facts}。` : ''}已采取措施：${u.measures.replace(/[。.]$/, '')}。`;
  });
}

/** The narrative a new report starts with, written from its figures. */
export function draftSections(kind: ReportKind, regionName: string, from: string, to: string, figures: ReportIndicator[], urgent: Urgent[]): Sections {
  const { current, previous } = PERIOD_WORDS[kind];
  const byKey = new Map(figures.map((f) => [f.key, f]));
  const value = (key: IndicatorKey) => byKey.get(key)?.value ?? null;

  const work = [`${periodText(from, to)}，${regionName}各级专项办和成员单位持续推进打击整治养老诈骗专项行动，现将${current}工作情况报告如下。`];
  for (const strand of Object.keys(STRAND_OPENING) as Strand[]) {
    const sentences = REPORT_INDICATORS.filter((i) => i.strand === strand)
      .map((i) => ({ i, f: byKey.get(i.key) }))
      .filter((x): x is { i: (typeof REPORT_INDICATORS)[number]; f: ReportIndicator } => !!x.f && x.f.source !== 'none' && x.f.value !== null)
      .map(({ i, f }) => figureSentence(kind, f, i.label));
    if (sentences.length) work.push(`${STRAND_OPENING[strand]}，${current}${sentences.join('；')}。`);
  }
  if (urgent.length) work.push(`${current}收到要情随报${urgent.length}件：`, ...urgentLines(urgent));

  const problems: string[] = [];
  const plans: string[] = [];
  const received = value('tips_received');
  const closed = value('tips_closed');
  const overdue = value('tips_overdue');
  const found = value('hazards_found');
  const rectified = value('hazards_rectified');
  const rate = value('recovery_rate_pct');
  const prevReceived = byKey.get('tips_received')?.previous ?? null;
  if (overdue !== null && overdue > 0) {
    problems.push(`线索办理时效有待提升，目前仍有${overdue}条线索超期未办结。`);
    plans.push('对超期线索逐条督办，压实承办单位责任，确保按期办结、件件有回音。');
  }
  if (received !== null && closed !== null && closed < received) {
    problems.push(`${current}办结线索${closed}条，少于受理的${received}条，在办线索有所积压。`);
    plans.push('加快线索核查办理进度，对疑难线索会商研判，减少积压。');
  }
  if (found !== null && rectified !== null && rectified < found) {
    problems.push(`${current}新发现问题隐患${found}个、整改销号${rectified}个，部分隐患整改进度滞后。`);
    plans.push('督促相关主体限期整改，逐项验收销号，对拒不整改的依法处罚。');
  }
  if (rate !== null && rate < 50) {
    problems.push(`追赃挽损率为${rate.toFixed(1)}%，挽损工作仍需加强。`);
    plans.push('会同公安机关加大追赃挽损力度，最大限度挽回老年人损失。');
  }
  if (received !== null && prevReceived !== null && prevReceived > 0 && received < prevReceived * 0.8) {
    problems.push(`受理线索较${previous}明显减少，宣传发动和线索摸排力度需进一步加大。`);
    plans.push('持续深入社区、养老机构开展宣传发动，畅通举报渠道，广泛收集线索。');
  }
  if (!problems.length) problems.push(`从${current}数据看，各项工作总体平稳，暂未发现突出问题。`);
  plans.push('继续落实日报告、周总结制度，重大情况随时报告，及时报送要情信息。');
  return { work: work.join('\n'), problems: problems.join('\n'), plans: plans.join('\n') };
}
