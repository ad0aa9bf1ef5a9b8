/**
 * Failures of one key (an account at an address, or an address): after `free` of them, every
 * further attempt waits a delay that doubles from `baseMs` up to `maxMs` after the last one.
 * A key quiet for `forgetMs` starts over. In memory: a restart forgets it, which costs an
 * attacker a restart they can't cause; at most `capacity` keys are kept (the oldest go first),
 * so a flood of made-up names can't grow it without bound.
 */
export class Backoff {
  private readonly entries = new Map<string, { failures: number; last: number }>();

  constructor(
    private readonly options: { free: number; baseMs: number; maxMs: number; forgetMs: number; capacity: number },
  ) {}

  private current(key: string, now: number): { failures: number; last: number } | undefined {
    const entry = this.entries.get(key);
    if (entry && now - entry.last > this.options.forgetMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  delayAfter(failures: number): number {
    const { free, baseMs, maxMs } = this.options;
    return failures < free ? 0 : Math.min(maxMs, baseMs * 2 ** Math.min(failures - free, 30));
  }

  /** Milliseconds until `key` may try again, or 0. */
  waitFor(key: string, now: number): number {
    const entry = this.current(key, now);
    return entry ? Math.max(0, entry.last + this.delayAfter(entry.failures) - now) : 0;
  }

  fail(key: string, now: number): void {
    const failures = (this.current(key, now)?.failures ?? 0) + 1;
    this.entries.delete(key);
    this.entries.set(key, { failures, last: now });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.options.capacity) break;
      this.entries.delete(oldest);
    }
  }

  reset(key: string): void {
    this.entries.delete(key);
  }
}

/**
 * The key of a client address: an IPv4 address as it is (an IPv4-mapped IPv6 address as its IPv4
 * form), an IPv6 address by its /64, which one host or home usually holds as a whole.
 */
export function addressKey(address: string | null): string {
  if (!address) return 'unknown';
  const bare = address.split('%')[0] ?? address;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare);
  if (mapped?.[1]) return mapped[1];
  if (!bare.includes(':')) return bare;
  const [head = '', tail] = bare.split('::');
  const first = head ? head.split(':') : [];
  const last = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = [...first, ...Array<string>(Math.max(0, 8 - first.length - last.length)).fill('0'), ...last];
  return `${groups
    .slice(0, 4)
    .map((g) => (Number.parseInt(g, 16) || 0).toString(16))
    .join(':')}::/64`;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * Sign-in throttling that slows guessing without letting anyone lock a legitimate user out
 * (OWASP ASVS 5.0 V6.3.1):
 * - per account and address: 5 failures free, then 1 s, 2 s, 4 s … up to 15 minutes between
 *   attempts; a success from that address resets it;
 * - per address, whatever the account: 20 failures free, then the same growing delay for every
 *   sign-in from it; any successful sign-in from the address resets it;
 * - nothing per account alone: failures from other addresses never delay a sign-in from yours.
 * An attempt is counted when it starts (a success forgives it), so parallel guesses can't all
 * slip through while the first password is still being hashed.
 */
export class SignInThrottle {
  readonly pair = new Backoff({
    free: 5,
    baseMs: SECOND,
    maxMs: 15 * MINUTE,
    forgetMs: 60 * MINUTE,
    capacity: 100_000,
  });
  readonly address = new Backoff({
    free: 20,
    baseMs: SECOND,
    maxMs: 15 * MINUTE,
    forgetMs: 60 * MINUTE,
    capacity: 100_000,
  });

  private static pairKey(account: string, address: string): string {
    return `${address}\u0000${account}`;
  }

  /** 0 and the attempt is counted, or the milliseconds to wait (the attempt is not counted). */
  attempt(account: string, address: string, now: number): number {
    const pair = SignInThrottle.pairKey(account, address);
    const wait = Math.max(this.pair.waitFor(pair, now), this.address.waitFor(address, now));
    if (wait > 0) return wait;
    this.pair.fail(pair, now);
    this.address.fail(address, now);
    return 0;
  }

  succeeded(account: string, address: string): void {
    this.pair.reset(SignInThrottle.pairKey(account, address));
    this.address.reset(address);
  }
}
