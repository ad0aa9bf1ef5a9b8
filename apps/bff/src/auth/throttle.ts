/**
 * Sign-in throttling per account and per address: after `limit` failures within `windowMs`,
 * further attempts are refused until the window has passed. In memory: a restart forgets it,
 * which costs an attacker a restart they can't cause.
 */
export class Throttle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  /** Milliseconds until `key` may try again, or 0. */
  blockedFor(key: string, now: number): number {
    const list = this.recent(key, now);
    return list.length >= this.limit ? (list[0] ?? now) + this.windowMs - now : 0;
  }

  fail(key: string, now: number): void {
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }
}
