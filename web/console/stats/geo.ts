/**
 * Region codes of this app are prefix codes ('37' 山东省, '3706' 烟台市, '370602' 芝罘区; '' is 全国); the map
 * outlines (web/geo/outlines.ts) are keyed by six-digit GB/T 2260 adcodes ('370000', '370600').
 */

/** The outline file that draws a region's children: '' → 100000, '37' → 370000, '3706' → 370600; none below a city. */
export const outlineFileOf = (region: string): string | null => (region.length <= 4 && region.length % 2 === 0 ? (region || '1').padEnd(6, '0') : null);

/**
 * The child region a map feature belongs to: the longest child code its adcode starts with. A
 * municipality's map (北京市, 110000.json) draws districts (110101) for its one city-level child
 * '1101'; all of them belong to it.
 */
export function childOfFeature(adcode: string, children: readonly string[]): string | null {
  let best: string | null = null;
  for (const c of children) if (c && adcode.startsWith(c) && (!best || c.length > best.length)) best = c;
  return best;
}
