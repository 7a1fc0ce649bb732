import { describe, expect, it } from 'vitest';
import { toFen, yuanText } from './money.ts';

describe('fen and yuan, exactly', () => {
  it('reads yuan as integer fen and writes fen as yuan, without binary fractions', () => {
    expect([toFen('120000.5'), toFen('0.1'), toFen('0.29'), toFen('1,234.56'), toFen(' 7 ')]).toEqual([12000050, 10, 29, 123456, 700]);
    for (const bad of ['', '-1', '1.234', '1e5', '一万', '12.', '.5', '99999999999999']) expect(toFen(bad), bad).toBeNull();
    expect([yuanText(0), yuanText(5), yuanText(12000050), yuanText(123456789, true)]).toEqual(['0.00', '0.05', '120000.50', '1,234,567.89']);
    // 0.1 + 0.2 in yuan would be 0.30000000000000004; in fen it is 30.
    expect(yuanText(toFen('0.1')! + toFen('0.2')!)).toBe('0.30');
  });
});
