import { readNumber, toHalfWidth } from './numbers.ts';

/** The most an amount may be (the intake schema's bound). */
export const MAX_AMOUNT = 1e12;

export type AmountReading = { ok: true; value: number; approx: boolean } | { ok: false; message: string };

const EXAMPLES = '例如 20000、2万、3千5、1.5万';

// Around the number: "约/大概 … 多/左右", currency words, and the chat shorthands 2w / 3k.
const AMOUNT = /^(?:约|大约|大概|差不多|将近|近|共|一共|总共|合计)?(?:人民币|¥|￥|rmb)?(.+?)(多|余|来)?(?:元|块钱|块|圆|rmb)?(?:钱)?(多|左右|上下)?$/i;

/**
 * What a reporter typed as an amount of money ("两万", "3千5", "1.5万", "两千五百元", "20,000",
 * "约5000元") read as yuan, or a plain message saying why it cannot be read. Empty input is null:
 * the amount is optional.
 */
export function parseAmount(input: string): AmountReading | null {
  const text = toHalfWidth(input).replace(/[\s,，、']/g, '');
  if (!text) return null;
  if (/^-|^负/.test(text)) return { ok: false, message: '金额不能是负数' };
  if (/[-~～—到至或]/.test(text.replace(/^(?:约|大约)/, '')) && /\d|[一二两三四五六七八九十百千万]/.test(text)) {
    return { ok: false, message: '请只填一个数；记不清可以写个大概，例如“约5000”' };
  }
  const m = AMOUNT.exec(text);
  const core = m?.[1].replace(/[wW]/g, '万').replace(/[kK]/g, '千');
  const value = core ? readNumber(core) : null;
  if (!m || value === null || Number.isNaN(value)) return { ok: false, message: `没看懂这个金额。请写数字，${EXAMPLES}；记不清可以不填` };
  if (value > MAX_AMOUNT) return { ok: false, message: '金额太大了，请核对' };
  return { ok: true, value: Math.round(value * 100) / 100, approx: !!(m[2] || m[3] || /^(?:约|大约|大概|差不多|将近|近)/.test(text)) };
}

/** An amount as the portal shows it back: "20,000 元（2 万元）", "3,500 元". */
export function formatYuan(value: number): string {
  const plain = `${value.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;
  if (value < 1e4) return plain;
  const big = value >= 1e8 ? `${+(value / 1e8).toFixed(4)} 亿元` : `${+(value / 1e4).toFixed(4)} 万元`;
  return `${plain}（${big}）`;
}
