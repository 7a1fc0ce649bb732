import type { Db } from '../../db/client.ts';
import { EVALUATION_COMPONENT_CODES, EVALUATION_COMPONENTS, MISSING_RULES, type MissingRule } from '../../../shared/domain.ts';
import { capRows, finishExport, newSheet } from '../../xlsx.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { ranking } from './evaluation.service.ts';
import type { RankingQuery } from './evaluation.schemas.ts';

/** A ranking holds one row per child region; the cap only guards the export's shape. */
export const RANKING_EXPORT_MAX_ROWS = 10_000;
const NO_DATA = '暂无数据';

/**
 * The ranking as shown, as .xlsx: per child region its rank, total and, for every component, the
 * numerator, denominator, value, 0–100 score and the points it adds; below, the scheme it used
 * (weights, the rule for missing data, who set it and when) and the period. Audited like every export.
 */
export async function exportRanking(db: Db, user: SessionUser, f: RankingQuery) {
  const r = await ranking(db, user, f);
  const { rows, truncated } = capRows(r.rows, RANKING_EXPORT_MAX_ROWS);
  const parts = ['numerator', 'denominator', 'value', 'score', 'points'] as const;
  const partName = { numerator: '分子', denominator: '分母', value: '数值', score: '得分', points: '折算分' };
  const { book, sheet } = newSheet('考评排名', [
    { header: '排名', key: 'rank', width: 6 },
    { header: '地区', key: 'name', width: 14 },
    { header: '总分', key: 'total', width: 8 },
    { header: '60岁以上人口', key: 'population', width: 12 },
    ...EVALUATION_COMPONENT_CODES.flatMap((k) => parts.map((p) => ({ header: `${EVALUATION_COMPONENTS[k][0]}·${partName[p]}`, key: `${k}.${p}`, width: 12 }))),
  ]);
  for (const row of rows) {
    sheet.addRow({
      rank: row.rank ?? '—', name: row.name, total: row.total ?? NO_DATA, population: row.population ?? NO_DATA,
      ...Object.fromEntries(EVALUATION_COMPONENT_CODES.flatMap((k) => parts.map((p) => {
        const c = row.components[k];
        const v = p === 'points' ? c.points : c[p];
        return [`${k}.${p}`, v === null || (c.score === null && (p === 'value' || p === 'score')) ? NO_DATA : v];
      }))),
    });
  }
  const s = r.scheme;
  sheet.addRow([]);
  sheet.addRow(['考评地区', r.region.name]);
  sheet.addRow(['统计期', `${r.from} 至 ${r.to}`]);
  sheet.addRow(['考评方案', s.id === null ? '系统默认权重' : `第 ${s.id} 号（${s.region.name}专项办 ${s.setBy ?? ''} 设置）`]);
  for (const k of EVALUATION_COMPONENT_CODES) sheet.addRow([`权重·${EVALUATION_COMPONENTS[k][0]}`, s.weights[k] ?? 0, EVALUATION_COMPONENTS[k][1]]);
  sheet.addRow(['暂无数据的处理', MISSING_RULES[s.missingRule as MissingRule]]);
  sheet.addRow(['得分规则', '比率类指标按百分比计分（上限 100）；每万名老年人宣传覆盖按本期最高地区为 100 折算；总分 = Σ 权重 × 得分 / 100']);
  return finishExport(db, user, book, {
    action: 'evaluation.exported', entity: 'evaluation_scheme',
    filter: { region: r.region.code, from: r.from, to: r.to, schemeId: s.id }, rows: rows.length, truncated,
  });
}
