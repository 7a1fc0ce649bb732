/**
 * Amounts are integer fen (分) in the database, on the wire and in sums; people read yuan. Integer
 * arithmetic only, so no amount is ever shown as a binary fraction.
 */

/** Fen as yuan text with two decimals: 123456 → "1234.56", or "1,234.56" grouped. */
export function yuanText(fen: number, grouped = false): string {
  const whole = Math.floor(fen / 100);
  return `${grouped ? whole.toLocaleString('zh-CN') : whole}.${String(fen % 100).padStart(2, '0')}`;
}

/** Yuan typed by a person ("1,234.5") as integer fen, or null when it is not an amount with at most two decimals. */
export function toFen(text: string): number | null {
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/,/g, ''));
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null;
}
