import { describe, expect, it } from 'vitest';
import { formatYuan, parseAmount } from './amount.ts';
import { parseChineseNumeral, readNumber } from './numbers.ts';

const value = (s: string) => {
  const r = parseAmount(s);
  return r?.ok ? r.value : r;
};

describe('numbers as people write them', () => {
  it('reads Chinese numerals, mixed forms and the spoken shortening', () => {
    expect(readNumber('两万')).toBe(20000);
    expect(readNumber('3千5')).toBe(3500);
    expect(readNumber('两千五')).toBe(2500);
    expect(readNumber('一万二')).toBe(12000);
    expect(readNumber('2万5')).toBe(25000);
    expect(readNumber('三亿五')).toBe(350000000);
    expect(readNumber('一千零五')).toBe(1005);
    expect(readNumber('一千零五十')).toBe(1050);
    expect(readNumber('一百零五')).toBe(105);
    expect(readNumber('十五')).toBe(15);
    expect(readNumber('二十三万')).toBe(230000);
    expect(readNumber('十万')).toBe(100000);
    expect(readNumber('三亿五千万')).toBe(350000000);
    expect(readNumber('1.5万')).toBe(15000);
    expect(readNumber('壹万贰仟')).toBe(12000);
    expect(readNumber('２００００')).toBe(20000);
    expect(readNumber('5')).toBe(5);
    expect(readNumber('百')).toBe(100);
    expect(readNumber('3千50')).toBe(3050);
  });
  it('refuses what is not one well-formed number', () => {
    for (const s of ['', '一二', '千千', '万', '一百百', '一万万', '3..5', '3 5', 'abc', '两亿亿']) expect(readNumber(s), s).toBeNull();
  });
  it('keeps the analysis reading of pure Chinese numerals', () => {
    expect(parseChineseNumeral('一千二百零五')).toBe(1205);
    expect(parseChineseNumeral('3千5')).toBeNull();
    expect(parseChineseNumeral('abc')).toBeNull();
  });
});

describe('amounts typed by reporters', () => {
  it('understands the ways elders write money', () => {
    expect(value('两万')).toBe(20000);
    expect(value('3千5')).toBe(3500);
    expect(value('1.5万')).toBe(15000);
    expect(value('两千五百元')).toBe(2500);
    expect(value('20000')).toBe(20000);
    expect(value('20,000 元')).toBe(20000);
    expect(value('5000块钱')).toBe(5000);
    expect(value('3.5万元')).toBe(35000);
    expect(value('￥1280.5')).toBe(1280.5);
    expect(value('2w')).toBe(20000);
    expect(value('人民币叁万元整'.replace('整', ''))).toBe(30000);
    expect(value('0.123')).toBe(0.12);
  });
  it('marks approximate amounts', () => {
    expect(parseAmount('约5000元')).toEqual({ ok: true, value: 5000, approx: true });
    expect(parseAmount('2万多')).toEqual({ ok: true, value: 20000, approx: true });
    expect(parseAmount('三万块左右')).toEqual({ ok: true, value: 30000, approx: true });
    expect(parseAmount('三万')).toEqual({ ok: true, value: 30000, approx: false });
  });
  it('says why it cannot read an amount, and leaves empty input alone', () => {
    expect(parseAmount('  ')).toBeNull();
    expect(parseAmount('不知道')).toEqual({ ok: false, message: expect.stringContaining('没看懂这个金额') });
    expect(parseAmount('几千')).toEqual({ ok: false, message: expect.stringContaining('例如 20000') });
    expect(parseAmount('三千到五千')).toEqual({ ok: false, message: expect.stringContaining('请只填一个数') });
    expect(parseAmount('3000-5000')).toEqual({ ok: false, message: expect.stringContaining('请只填一个数') });
    expect(parseAmount('-200')).toEqual({ ok: false, message: '金额不能是负数' });
    expect(parseAmount('9999亿亿')).toMatchObject({ ok: false });
    expect(parseAmount('2万亿')).toEqual({ ok: false, message: '金额太大了，请核对' });
    expect(parseAmount('<script>1</script>')).toMatchObject({ ok: false });
    expect(parseAmount('1'.repeat(400))).toMatchObject({ ok: false });
  });
  it('shows an amount back in figures and in 万', () => {
    expect(formatYuan(3500)).toBe('3,500 元');
    expect(formatYuan(20000)).toBe('20,000 元（2 万元）');
    expect(formatYuan(15500.5)).toBe('15,500.5 元（1.55 万元）');
    expect(formatYuan(350000000)).toBe('350,000,000 元（3.5 亿元）');
  });
});
