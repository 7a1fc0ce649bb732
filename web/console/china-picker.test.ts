import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { fromChinaPicker, toChinaPicker } from './china-picker.ts';

// The picker works in the browser's zone; these run the same checks with the process set to several zones.
const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Shanghai'];

function inEachZone(check: () => void) {
  const saved = process.env.TZ;
  try {
    for (const zone of ZONES) {
      process.env.TZ = zone;
      check();
    }
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

describe('date-and-time picker values in Beijing time', () => {
  it('shows an instant at its Beijing reading, on its Beijing day', () => inEachZone(() => {
    const v = toChinaPicker('2026-11-30T16:30:00Z');
    expect(v.format('YYYY-MM-DD HH:mm')).toBe('2026-12-01 00:30');
    expect(v.isSame(dayjs('2026-12-01'), 'day')).toBe(true); // chinaDay() holds Beijing's day the same way
  }));

  it('turns a picked 17:30 into 17:30 Beijing time', () => inEachZone(() => {
    expect(fromChinaPicker(dayjs('2026-12-16').hour(17).minute(30))).toBe('2026-12-16T09:30:00.000Z');
  }));

  it('gives back the instant it was shown for, to the minute', () => inEachZone(() => {
    expect(fromChinaPicker(toChinaPicker('2027-03-14T20:05:42.123Z'))).toBe('2027-03-14T20:05:00.000Z');
  }));
});
