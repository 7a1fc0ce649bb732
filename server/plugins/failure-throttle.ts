const MAX_KEYS = 100_000;

/**
 * Counts failures per key in memory and refuses a key after too many within a window — for
 * guessing of tracking codes and access keys. Keys are keyed hashes (of a client address or of a
 * tracking code), never the values themselves.
 */
export class FailureThrottle {
  private readonly counts = new Map<string, { n: number; resetAt: number }>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  blocked(key: string, now = Date.now()): boolean {
    const c = this.counts.get(key);
    if (c && c.resetAt <= now) this.counts.delete(key);
    return !!c && c.resetAt > now && c.n >= this.limit;
  }

  fail(key: string, now = Date.now()): void {
    const c = this.counts.get(key);
    if (!c || c.resetAt <= now) this.counts.set(key, { n: 1, resetAt: now + this.windowMs });
    else c.n++;
    // Bounded memory: drop expired entries once the map grows, then the oldest if guesses of random
    // codes still fill it (a Map iterates in insertion order).
    if (this.counts.size > MAX_KEYS) {
      for (const [k, v] of this.counts) if (v.resetAt <= now) this.counts.delete(k);
      for (const k of this.counts.keys()) {
        if (this.counts.size <= MAX_KEYS * 0.9) break;
        this.counts.delete(k);
      }
    }
  }
}
