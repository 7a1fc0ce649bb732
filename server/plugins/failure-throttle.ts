import type { Counters } from './shared-counters.ts';

/**
 * Counts failures per key and refuses a key after too many within a window — for guessing of
 * tracking codes and access keys. Keys are keyed hashes (of a client address or of a tracking code),
 * never the values themselves. The counts live where the rate limits' do (shared-counters.ts): Redis
 * or the database when several processes serve, so a guesser gains nothing by spreading over them.
 */
export class FailureThrottle {
  constructor(
    private readonly counters: Counters,
    private readonly name: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  async blocked(key: string): Promise<boolean> {
    return (await this.counters.peek(`${this.name}:${key}`)) >= this.limit;
  }

  async fail(key: string): Promise<void> {
    await this.counters.hit(`${this.name}:${key}`, this.windowMs);
  }
}
