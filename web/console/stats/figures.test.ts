import { describe, expect, it } from 'vitest';
import { changeOf, formatValue, shownOf, type Figure } from './figures.ts';

const f = (value: number | null, previous?: number | null, yoy?: number | null, source: Figure['source'] = 'recorded'): Figure => ({ value, unit: '条', source, previous, yoy });

describe('dashboard figures', () => {
  it('reads a strand that does not exist as no data, never 0', () => {
    expect(shownOf(f(null, null, null, 'none'))).toEqual({ value: null, previous: null, yoy: null });
    expect(shownOf({ ...f(0, 3, 4), source: 'none' }).value).toBeNull();
    expect(shownOf(undefined).value).toBeNull();
    expect(shownOf(f(0, 3)).value).toBe(0);
  });

  it('writes 环比/同比 as a change in percent, or in percentage points for a rate', () => {
    expect(changeOf(12, 10, false)).toEqual({ dir: 'up', text: '+20.0%' });
    expect(changeOf(5, 10, false)).toEqual({ dir: 'down', text: '-50.0%' });
    expect(changeOf(10, 10, false)).toEqual({ dir: 'flat', text: '持平' });
    expect(changeOf(3, 0, false)).toBeNull();
    expect(changeOf(0, 0, false)).toEqual({ dir: 'flat', text: '持平' });
    expect(changeOf(37.5, 25, true)).toEqual({ dir: 'up', text: '+12.5 个百分点' });
    expect(changeOf(5, null, false)).toBeNull();
    expect(changeOf(null, 5, false)).toBeNull();
  });

  it('formats money, rates and counts', () => {
    expect(formatValue(1234567.5, '元')).toBe('1,234,567.50');
    expect(formatValue(37.5, '%')).toBe('37.5');
    expect(formatValue(12000, '条')).toBe('12,000');
  });
});
