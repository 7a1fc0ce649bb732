/** Amounts are integer fen (分) on the wire; people read and type yuan (shared/money.ts). */
import { toFen, yuanText } from '../../shared/money.ts';

export { toFen };

/** Fen as grouped yuan text: 123456 → "1,234.56". */
export const yuan = (fen: number) => yuanText(fen, true);

/** A form rule: the field holds yuan with at most two decimals. */
export const yuanRule = { validator: (_: unknown, v: string | undefined) => (v === undefined || v === '' || toFen(v) !== null ? Promise.resolve() : Promise.reject(new Error('请填写金额，最多两位小数'))) };
