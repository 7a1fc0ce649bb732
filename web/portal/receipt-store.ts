/**
 * The receipt (tracking code and one-time key) kept on this device until the reporter says it is
 * saved. Without it a reload, a back navigation or Android discarding the tab while the reporter
 * opens WeChat or the camera loses the key for good. A phone may be shared, so only the two numbers
 * and the time are kept (nothing of the report), they are removed the moment the reporter taps
 * 我已记下, and a receipt older than a day is dropped unread.
 */
export const RECEIPT_KEY = 'shouhu.report.receipt';
export const RECEIPT_TTL_MS = 24 * 3600_000;

export interface StoredReceipt {
  trackingCode: string;
  accessKey: string;
  /** When the tip was submitted (ms since epoch), shown on the receipt. */
  at: number;
}

type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function keepReceipt(store: KeyValue, r: { trackingCode: string; accessKey: string }, now = Date.now()): StoredReceipt {
  const kept = { trackingCode: r.trackingCode, accessKey: r.accessKey, at: now };
  try {
    store.setItem(RECEIPT_KEY, JSON.stringify(kept));
  } catch {
    // Private mode or a full storage: the receipt is still on screen, only not kept.
  }
  return kept;
}

/** The receipt still waiting for 我已记下, or null (none, expired, or not ours: each removed). */
export function pendingReceipt(store: KeyValue, now = Date.now()): StoredReceipt | null {
  let raw: string | null = null;
  try {
    raw = store.getItem(RECEIPT_KEY);
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const r = JSON.parse(raw) as Partial<StoredReceipt>;
    if (typeof r.trackingCode === 'string' && /^\d{12}$/.test(r.trackingCode) && typeof r.accessKey === 'string' && /^\d{16}$/.test(r.accessKey)
      && typeof r.at === 'number' && r.at <= now + 60_000 && now - r.at < RECEIPT_TTL_MS) {
      return { trackingCode: r.trackingCode, accessKey: r.accessKey, at: r.at };
    }
  } catch {
    // fall through: unreadable
  }
  forgetReceipt(store);
  return null;
}

export function forgetReceipt(store: KeyValue) {
  try {
    store.removeItem(RECEIPT_KEY);
  } catch {
    // nothing kept
  }
}
