/** Amounts are integer fen (分) on the wire; people read and type yuan. Integer arithmetic only, never binary fractions. */

/** Fen as yuan text: 123456 → "1,234.56". */
export const yuan = (fen: number) => `${Math.floor(fen / 100).toLocaleString('zh-CN')}.${String(fen % 100).padStart(2, '0')}`;

/** Yuan typed by a person ("1,234.5") as integer fen, or null when it is not an amount with at most two decimals. */
export function toFen(text: string): number | null {
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/,/g, ''));
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null;
}

/** A form rule: the field holds yuan with at most two decimals. */
export const yuanRule = { validator: (_: unknown, v: string | undefined) => (v === undefined || v === '' || toFen(v) !== null ? Promise.resolve() : Promise.reject(new Error('请填写金额，最多两位小数'))) };
