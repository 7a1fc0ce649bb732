import { describe, expect, it } from 'vitest';
import { chinaDate, chinaDateTime, chinaToday } from './time.ts';

// Run under several process zones (TZ=UTC, TZ=America/New_York, TZ=Asia/Shanghai): the answers must not move.
describe('Beijing date and time, whatever zone the process is in', () => {
  const lateUtc = '2026-11-30T16:30:00Z'; // 00:30 on 1 December in Beijing, still 30 November in UTC and New York

  it('shows an instant as Beijing wall-clock time, from ISO text, epoch ms or a Date', () => {
    expect(chinaDateTime(lateUtc)).toBe('2026-12-01 00:30');
    expect(chinaDateTime(Date.parse(lateUtc))).toBe('2026-12-01 00:30');
    expect(chinaDateTime(new Date(lateUtc))).toBe('2026-12-01 00:30');
    // The same instant written with another offset reads the same.
    expect(chinaDateTime('2026-11-30T11:30:00-05:00')).toBe('2026-12-01 00:30');
    // Across a year end, and in July when New York keeps daylight saving and Beijing does not.
    expect(chinaDateTime('2026-12-31T16:00:00.000Z')).toBe('2027-01-01 00:00');
    expect(chinaDateTime('2026-07-01T09:59:59.999Z')).toBe('2026-07-01 17:59');
  });

  it('gives the Beijing date of an instant, and agrees with chinaToday', () => {
    expect(chinaDate(lateUtc)).toBe('2026-12-01');
    expect(chinaDate(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11-30');
    expect(chinaDate(Date.parse(lateUtc))).toBe(chinaToday(Date.parse(lateUtc)));
  });

  it('leaves a plain date as it is and does not turn other text into "Invalid Date"', () => {
    expect(chinaDateTime('2026-12-01')).toBe('2026-12-01');
    expect(chinaDate('2026-12-01')).toBe('2026-12-01');
    expect(chinaDateTime('不是时间')).toBe('不是时间');
    expect(chinaDate('不是时间')).toBe('不是时间');
    expect(chinaDateTime(Number.NaN)).toBe('NaN');
  });

  it('does not move when the process zone changes (Node applies a new TZ at once)', () => {
    const saved = process.env.TZ;
    try {
      // [zone, the hour a zone-following local getter reads for the instant]
      for (const [zone, localHour] of [['UTC', 16], ['America/New_York', 11], ['Europe/Berlin', 17], ['Asia/Shanghai', 0]] as const) {
        process.env.TZ = zone;
        expect(new Date(lateUtc).getHours()).toBe(localHour); // the zone really changed
        expect(chinaDateTime(lateUtc)).toBe('2026-12-01 00:30');
        expect(chinaDate(lateUtc)).toBe('2026-12-01');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
