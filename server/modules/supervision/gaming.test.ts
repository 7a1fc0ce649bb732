import { describe, expect, it } from 'vitest';
import { gamingFlags, mad, median, type UnitFigures } from './gaming.ts';
import { drawSample } from './sample.ts';

const unit = (unitId: number, over: Partial<UnitFigures> = {}): UnitFigures => ({
  unitId, name: `单位${unitId}`, kind: 'police', closed: 20, untrue: 2, returned: 1, rated: 10, dissatisfied: 1, medianHours: 72, ...over,
});

/** The gaming rules on constructed figures (docs/indicators.md, "Gaming flags"). */
describe('gaming flags', () => {
  it('computes the median and the median absolute deviation', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(mad([1, 1, 2, 2, 4, 6, 9])).toBe(1);
  });

  it('raises nothing on balanced units', () => {
    const balanced = [unit(1), unit(2, { untrue: 3, medianHours: 60 }), unit(3, { untrue: 1, dissatisfied: 2, medianHours: 90 }), unit(4, { returned: 2 })];
    expect(gamingFlags(balanced)).toEqual([]);
  });

  it('raises each rule on the unit built to trip it, with its figures', () => {
    const units = [
      unit(1, { untrue: 15 }), unit(2, { returned: 9 }), unit(3, { dissatisfied: 7 }), unit(4, { medianHours: 10 }),
      unit(5), unit(6, { untrue: 3, medianHours: 80 }),
    ];
    const flags = gamingFlags(units).map((f) => [f.rule, f.unit.unitId]);
    expect(flags).toEqual([['untrue_rate', 1], ['returned_rate', 2], ['dissatisfied_rate', 3], ['fast_closure', 4]]);
    const untrue = gamingFlags(units).find((f) => f.rule === 'untrue_rate')!;
    expect(untrue).toMatchObject({ value: 0.75, count: 15, of: 20, peerMedian: 0.1, threshold: 0.25, peers: 5 });
  });

  it('needs enough tips and enough peers, and compares within a kind when it can', () => {
    // Too few closures: not judged, and not a peer either.
    expect(gamingFlags([unit(1, { untrue: 4, closed: 4 }), unit(2), unit(3)])).toEqual([]);
    // One peer only: no flag.
    expect(gamingFlags([unit(1, { untrue: 15 }), unit(2)])).toEqual([]);
    // Market regulation peers close many as untrue; a police unit doing the same among police peers is flagged, the market units are not.
    const mixed = [
      unit(1, { kind: 'market_regulation', untrue: 12 }), unit(2, { kind: 'market_regulation', untrue: 13 }), unit(3, { kind: 'market_regulation', untrue: 12 }),
      unit(4, { untrue: 12 }), unit(5), unit(6),
    ];
    expect(gamingFlags(mixed).map((f) => [f.rule, f.unit.unitId])).toEqual([['untrue_rate', 4]]);
  });

  it('draws the same sample from the same seed and population, whatever their order', () => {
    const population = Array.from({ length: 200 }, (_, i) => i + 1);
    const a = drawSample(population, 10, 'abcdef01');
    expect(a).toHaveLength(10);
    expect(drawSample([...population].reverse(), 10, 'abcdef01')).toEqual(a);
    expect(drawSample(population, 10, 'abcdef02')).not.toEqual(a);
    expect(drawSample(population, 250, 'abcdef01')).toEqual(population);
  });
});
