import type { Clock } from '../app/clock';

export const requestsPerSecond = 20;

/**
 * 20 requests per second per action per SecretId, as Tencent documents for each stream-ingest API.
 * A sliding one-second window: never more than 20 accepted calls in any 1000 ms.
 */
export class RateLimiter {
  private readonly accepted = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly limit = requestsPerSecond,
  ) {}

  /** True when the call may proceed (and counts it); false when it is over the limit. */
  tryAcquire(secretId: string, action: string): boolean {
    const now = this.clock.now();
    const key = `${secretId}\n${action}`;
    const recent = (this.accepted.get(key) ?? []).filter((at) => now - at < 1000);
    if (recent.length >= this.limit) {
      this.accepted.set(key, recent);
      return false;
    }
    recent.push(now);
    this.accepted.set(key, recent);
    return true;
  }
}
