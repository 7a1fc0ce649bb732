import { describe, expect, it } from 'vitest';
import { forgetReceipt, keepReceipt, pendingReceipt, RECEIPT_KEY, RECEIPT_TTL_MS } from './receipt-store.ts';

/** A Storage as the browser gives it (strings only), optionally failing like private mode. */
function memoryStore(fail = false) {
  const m = new Map<string, string>();
  return {
    m,
    getItem: (k: string) => { if (fail) throw new Error('SecurityError'); return m.get(k) ?? null; },
    setItem: (k: string, v: string) => { if (fail) throw new Error('QuotaExceededError'); m.set(k, String(v)); },
    removeItem: (k: string) => { if (fail) throw new Error('SecurityError'); m.delete(k); },
  };
}
const receipt = { trackingCode: '123456789012', accessKey: '1234567890123456' };
const t0 = Date.UTC(2026, 10, 1, 2, 0);

describe('the receipt kept on this device', () => {
  it('keeps only the two numbers and the time, and gives them back until forgotten', () => {
    const s = memoryStore();
    keepReceipt(s, { ...receipt, status: 'submitted', description: '不该存下的举报内容' } as typeof receipt, t0);
    expect(JSON.parse(s.m.get(RECEIPT_KEY)!)).toEqual({ ...receipt, at: t0 });
    expect(pendingReceipt(s, t0 + 3600_000)).toEqual({ ...receipt, at: t0 });
    forgetReceipt(s);
    expect(pendingReceipt(s, t0 + 3600_000)).toBeNull();
    expect(s.m.size).toBe(0);
  });
  it('drops a receipt older than a day, from the future, or not well formed', () => {
    const s = memoryStore();
    keepReceipt(s, receipt, t0);
    expect(pendingReceipt(s, t0 + RECEIPT_TTL_MS - 1)).not.toBeNull();
    expect(pendingReceipt(s, t0 + RECEIPT_TTL_MS)).toBeNull();
    expect(s.m.has(RECEIPT_KEY)).toBe(false);
    keepReceipt(s, receipt, t0 + 3600_000);
    expect(pendingReceipt(s, t0)).toBeNull();
    for (const bad of ['not json', 'null', '{}', JSON.stringify({ ...receipt, accessKey: '<img src=x>', at: t0 }), JSON.stringify({ ...receipt, trackingCode: 12, at: t0 }), JSON.stringify({ ...receipt, at: 'yesterday' })]) {
      s.m.set(RECEIPT_KEY, bad);
      expect(pendingReceipt(s, t0), bad).toBeNull();
      expect(s.m.has(RECEIPT_KEY), bad).toBe(false);
    }
  });
  it('never throws when storage is unavailable (private mode, full)', () => {
    const s = memoryStore(true);
    expect(keepReceipt(s, receipt, t0)).toEqual({ ...receipt, at: t0 });
    expect(pendingReceipt(s, t0)).toBeNull();
    expect(() => forgetReceipt(s)).not.toThrow();
  });
});
