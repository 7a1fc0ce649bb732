import { describe, expect, it } from 'vitest';
import { daysIn, isDate, periodFromSearch, periodOf, trendStep } from './period.ts';

describe('dashboard periods (Beijing dates)', () => {
  it('starts each period on its first day and ends today', () => {
    // 2026-11-30 is a Monday; 2026-12-06 a Sunday.
    expect(periodOf('week', '2026-11-30')).toEqual({ kind: 'week', from: '2026-11-30', to: '2026-11-30' });
    expect(periodOf('week', '2026-12-06').from).toBe('2026-11-30');
    expect(periodOf('week', '2027-01-02').from).toBe('2026-12-28'); // across a year's end
    expect(periodOf('month', '2026-11-30').from).toBe('2026-11-01');
    expect(periodOf('quarter', '2026-11-30').from).toBe('2026-10-01');
    expect(periodOf('quarter', '2026-03-31').from).toBe('2026-01-01');
    expect(periodOf('quarter', '2026-04-01').from).toBe('2026-04-01');
    expect(periodOf('year', '2026-11-30').from).toBe('2026-01-01');
  });

  it('picks the trend step by length', () => {
    expect(daysIn('2026-02-01', '2026-02-28')).toBe(28);
    expect(daysIn('2024-02-01', '2024-03-01')).toBe(30); // leap year
    expect(trendStep('2026-11-01', '2026-11-30')).toBe('day');
    expect(trendStep('2026-10-01', '2026-11-30')).toBe('week');
    expect(trendStep('2026-01-01', '2026-11-30')).toBe('month');
  });

  it('reads the address, refusing dates that are malformed, reversed or in the future', () => {
    const p = (s: string) => periodFromSearch(new URLSearchParams(s), '2026-11-30');
    expect(p('period=custom&from=2026-03-01&to=2026-03-31')).toEqual({ kind: 'custom', from: '2026-03-01', to: '2026-03-31' });
    expect(p('period=quarter').from).toBe('2026-10-01');
    for (const bad of ['period=custom&from=2026-03-31&to=2026-03-01', 'period=custom&from=2026-02-30&to=2026-03-01', 'period=custom&from=x&to=y',
      'period=custom&from=2026-11-01&to=2027-01-01', 'period=decade', '']) {
      expect(p(bad), bad).toEqual({ kind: 'month', from: '2026-11-01', to: '2026-11-30' });
    }
    expect(isDate('2026-13-01')).toBe(false);
  });
});
