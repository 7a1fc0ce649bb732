import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { chinaToday } from '../../../shared/time.ts';
import { EVALUATION_COMPONENT_CODES, POPULATION_WRITER_ROLES, SCHEME_WRITER_ROLES, type EvaluationComponent, type MissingRule } from '../../../shared/domain.ts';
import { actorOf, audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { hasAny, inJurisdiction, mayWriteForRegion, selfAndAbove } from '../access/jurisdiction.ts';
import { childRegions, findRegion, type Region } from '../regions/regions.repository.ts';
import * as repo from './evaluation.repository.ts';
import { childParts, EMPTY_PARTS, populationsOn } from './evaluation.figures.ts';
import { rankRegions } from './evaluation.scoring.ts';
import type { PopulationInput, RankingQuery, SchemeIn as Scheme, SchemeInput } from './evaluation.schemas.ts';

/**
 * Evaluation (考评, issue 11 item 6): an office ranks its child regions by a weighted score of the
 * components it chooses (docs/indicators.md, "Evaluation"). Everything is for the user's own region
 * or one inside it (404 outside); the elderly population is entered by an office of the region or
 * above, the weights by the office lead for the office's own region. Both keep their history.
 */

/** Used until an office sets its own (and by every office below it that has none). */
export const DEFAULT_WEIGHTS: Record<EvaluationComponent, number> = { on_time: 20, satisfaction: 15, recovery: 15, screening: 20, hazards: 15, reach: 15 };
export const DEFAULT_MISSING_RULE: MissingRule = 'reweight';

/** 60+ residents a region of each code length can plausibly hold (the largest province has about 23 million). */
const LEVEL_CAP: Record<number, number> = { 0: 400_000_000, 2: 40_000_000, 4: 10_000_000, 6: 3_000_000, 9: 1_000_000, 12: 100_000 };

const nameOf = (r: Region) => (r.code === '' ? '全国' : r.name);

/** The region asked for (default: the user's own), known and inside the jurisdiction; anything else is 404. */
async function regionInScope(db: Db, user: SessionUser, code: string | undefined, field = 'region'): Promise<Region> {
  const wanted = code ?? user.unitRegionCode;
  const region = inJurisdiction(user, wanted) ? await findRegion(db, wanted) : null;
  if (!region) throw new AppError('NOT_FOUND', [{ path: field, message: '未找到该地区，或不在您的管辖范围内' }]);
  return region;
}

const childrenOf = (db: Db, r: Region) => childRegions(db, r.code === '' ? null : r.code);

// ── Elderly population ─────────────────────────────────────────────────────────────────────────

export async function listPopulation(db: Db, user: SessionUser, code: string | undefined) {
  const region = await regionInScope(db, user, code);
  const regions = [region, ...(await childrenOf(db, region))];
  const rows = await repo.populationRows(db, regions.map((r) => r.code));
  const today = chinaToday();
  return {
    region: { code: region.code, name: nameOf(region) },
    canEdit: hasAny(user, POPULATION_WRITER_ROLES) && mayWriteForRegion(user, region.code),
    items: regions.map((r) => {
      const mine = rows.filter((p) => p.regionCode === r.code).map(({ regionCode: _, ...p }) => p);
      return { code: r.code, name: nameOf(r), current: mine.find((p) => p.asOf <= today) ?? null, history: mine.slice(0, 20) };
    }),
  };
}

export async function setPopulation(db: Db, user: SessionUser, b: PopulationInput) {
  const region = await regionInScope(db, user, b.regionCode, 'regionCode');
  if (!mayWriteForRegion(user, region.code)) throw new AppError('FORBIDDEN', undefined, '老年人口由本地区或上级专项办登记');
  const cap = LEVEL_CAP[region.code.length] ?? LEVEL_CAP[0];
  if (b.population > cap) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'population', message: `${nameOf(region)}的 60 岁以上人口不可能超过 ${cap / 10_000} 万人，请核对` }]);
  }
  return db.tx(async (q) => {
    const id = await repo.insertPopulation(q, user, b);
    await audit(q, actorOf(user), {
      action: 'evaluation.population_set', entity: 'elderly_population', entityId: id,
      detail: { regionCode: b.regionCode, population: b.population, asOf: b.asOf, source: b.source },
    });
    return { id };
  });
}

// ── Schemes ────────────────────────────────────────────────────────────────────────────────────

const toScheme = (row: repo.SchemeRow, region: Region, origin: Scheme['origin']): Scheme => ({
  id: row.id, origin, region: { code: region.code, name: nameOf(region) }, weights: row.weights, missingRule: row.missingRule,
  note: row.note, setBy: row.setBy, setAt: row.setAt,
});

/** The scheme in force for ranking the children of `region`: its own latest, else the nearest office above's, else the default. */
async function schemeInForce(db: Db, region: Region): Promise<Scheme> {
  const chain = region.code === '' ? [''] : selfAndAbove(region.code);
  const latest = await repo.latestSchemes(db, chain);
  for (const code of chain) {
    const row = latest.find((s) => s.regionCode === code);
    if (row) return toScheme(row, (code === region.code ? region : await findRegion(db, code))!, code === region.code ? 'own' : 'inherited');
  }
  return { id: null, origin: 'default', region: { code: region.code, name: nameOf(region) }, weights: DEFAULT_WEIGHTS, missingRule: DEFAULT_MISSING_RULE, note: null, setBy: null, setAt: null };
}

export async function viewScheme(db: Db, user: SessionUser, code: string | undefined) {
  const region = await regionInScope(db, user, code);
  const history = await repo.schemeHistory(db, region.code);
  return {
    current: await schemeInForce(db, region),
    canEdit: hasAny(user, SCHEME_WRITER_ROLES) && mayWriteForRegion(user, region.code) && region.code === user.unitRegionCode,
    history: history.map((h) => toScheme(h, region, 'own')),
  };
}

/** The office lead sets the weights for ranking the office's own child regions: a new scheme, the old ones kept. */
export async function setScheme(db: Db, user: SessionUser, b: SchemeInput) {
  if (!mayWriteForRegion(user, user.unitRegionCode)) throw new AppError('FORBIDDEN', undefined, '考评权重由专项办负责人设置');
  const weights = Object.fromEntries(EVALUATION_COMPONENT_CODES.map((k) => [k, b.weights[k] ?? 0]));
  return db.tx(async (q) => {
    const id = await repo.insertScheme(q, user, { ...b, weights });
    await audit(q, actorOf(user), {
      action: 'evaluation.scheme_set', entity: 'evaluation_scheme', entityId: id,
      detail: { regionCode: user.unitRegionCode, weights, missingRule: b.missingRule, ...(b.note ? { note: b.note } : {}) },
    });
    return { id };
  });
}

// ── Ranking ────────────────────────────────────────────────────────────────────────────────────

export async function ranking(db: Db, user: SessionUser, f: RankingQuery) {
  const region = await regionInScope(db, user, f.region);
  const to = f.to ?? chinaToday();
  const from = f.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw new AppError('VALIDATION_FAILED', [{ path: 'from', message: '开始日期不能晚于结束日期' }]);
  let scheme: Scheme;
  if (f.schemeId) {
    // A past scheme of this region or of an office above it (the one a ranking used); others are not found.
    const row = await repo.schemeById(db, f.schemeId);
    const chain = region.code === '' ? [''] : selfAndAbove(region.code);
    if (!row || !chain.includes(row.regionCode)) throw new AppError('NOT_FOUND', [{ path: 'schemeId', message: '未找到该考评方案' }]);
    scheme = toScheme(row, (await findRegion(db, row.regionCode))!, row.regionCode === region.code ? 'own' : 'inherited');
  } else {
    scheme = await schemeInForce(db, region);
  }
  const children = await childrenOf(db, region);
  const [parts, populations] = await Promise.all([
    childParts(db, user, region.code, from, to),
    populationsOn(db, children.map((c) => c.code), to),
  ]);
  const rows = rankRegions(children, parts, populations, { weights: scheme.weights, missingRule: scheme.missingRule as MissingRule }, EMPTY_PARTS);
  return { region: { code: region.code, name: nameOf(region) }, from, to, scheme, rows };
}
