import { describe, expect, it } from 'vitest';
import { boundedDate, boundedDateTime, idCheckChar, isIdCardNumber, isPhone, isUscc, maskIdNumber, maskName, maskPhone, usccCheckChar } from './validators.ts';

describe('identifier checks', () => {
  it('validates resident ID numbers with their check character and birth date', () => {
    expect(isIdCardNumber('11010519491231002X')).toBe(true);
    expect(isIdCardNumber('11010519491231002x')).toBe(true);
    expect(isIdCardNumber('110105194912310021')).toBe(false); // wrong check character
    expect(isIdCardNumber('110105194902300023')).toBe(false); // 30 February
    expect(isIdCardNumber('11010519491231002')).toBe(false);
    const body = '37068119500101123';
    expect(isIdCardNumber(body + idCheckChar(body))).toBe(true);
  });

  it('validates unified social credit codes (GB 32100-2015)', () => {
    expect(isUscc('91350100M000100Y43')).toBe(true);
    expect(isUscc('91350100M000100Y44')).toBe(false);
    expect(isUscc('91350100M000100YI3')).toBe(false); // I is not in the alphabet
    const body = '91370681MA3C12345';
    expect(isUscc(body + usccCheckChar(body))).toBe(true);
  });

  it('accepts mobile and landline numbers only', () => {
    for (const ok of ['13812345678', '19912345678', '0535-8123456', '05358123456', '010-12345678']) expect(isPhone(ok), ok).toBe(true);
    for (const bad of ['12812345678', '1381234567', '+8613812345678', '8123456', 'abc']) expect(isPhone(bad), bad).toBe(false);
  });

  it('masks names, phones and ID numbers for staff views', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳明月')).toBe('欧***');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
  });
});

describe('bounded dates', () => {
  it('refuses dates outside the window counted from today, with a Chinese message', () => {
    const inspected = boundedDate({ past: 366, future: 0 }, '检查日期');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(inspected.safeParse(today).success).toBe(true);
    expect(inspected.safeParse('9999-12-31').error?.issues[0].message).toBe('检查日期不能晚于今天');
    expect(inspected.safeParse('0001-01-01').error?.issues[0].message).toMatch(/^检查日期不能早于 \d{4}-\d{2}-\d{2}$/);
    expect(inspected.safeParse('2026-02-30').success).toBe(false);
    expect(boundedDate({ past: '1990-01-01', future: 30 }).safeParse('1990-01-01').success).toBe(true);
    const deadline = boundedDateTime({ past: 0, future: 366 });
    expect(deadline.safeParse(new Date(Date.now() + 86400_000).toISOString()).success).toBe(true);
    expect(deadline.safeParse('9999-12-31T00:00:00Z').success).toBe(false);
    expect(deadline.safeParse('0001-01-01T00:00:00Z').success).toBe(false);
  });
});
