import type { Db } from '@dpm/db/client';
import type { Principal } from './service';

/** What a verified credential allows until the accounts change: its principal and its clocks. */
export interface Verified {
  principal: Principal;
  /** A session's absolute expiry; Infinity for an API token. */
  expiresAt: number;
  /** When the session was last seen or the token last used, as the database holds it. */
  lastSeenAt: number | null;
}

/** More verified credentials than any estate's users hold at once; past it the cache starts afresh. */
const MAX_ENTRIES = 10_000;
/** How often a write by another connection to the file (an operator's sqlite3 shell) is looked for. */
const FOREIGN_WRITES_MS = 1_000;
const TABLES = ['users', 'sessions', 'api_tokens'] as const;

/**
 * Credentials verified against the database, by the digest of their secret, so a read answered at
 * thousands a second costs no SQL for its caller. Any write to users, sessions or api_tokens on
 * this connection (a revocation, a sign-out, a role or password change, a disabled account, raw
 * SQL included) empties it before the write's statement returns: SQLite calls back through
 * temporary triggers. A write by another process is seen within a second (PRAGMA data_version).
 * Only successes are kept; a refused credential is looked up afresh every time.
 */
export class CredentialCache {
  private readonly entries = new Map<string, Verified>();
  private readonly dataVersion: { get(): unknown };
  private lastVersion: number;
  private checkedAt = 0;

  constructor(db: Db) {
    const client = db.$client;
    client.function('dpm_credentials_changed', { varargs: false, deterministic: false }, () => {
      this.entries.clear();
      return null;
    });
    for (const table of TABLES) {
      for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
        client.exec(
          `CREATE TEMP TRIGGER IF NOT EXISTS dpm_credentials_${table}_${event.toLowerCase()} AFTER ${event} ON ` +
            `main.${table} BEGIN SELECT dpm_credentials_changed(); END`,
        );
      }
    }
    this.dataVersion = client.prepare('PRAGMA data_version').pluck();
    this.lastVersion = this.version();
  }

  get(key: string, now: number): Verified | undefined {
    if (now - this.checkedAt >= FOREIGN_WRITES_MS) {
      this.checkedAt = now;
      const version = this.version();
      if (version !== this.lastVersion) {
        this.lastVersion = version;
        this.entries.clear();
      }
    }
    return this.entries.get(key);
  }

  private version(): number {
    return Number(this.dataVersion.get());
  }

  set(key: string, verified: Verified): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, verified);
  }

  get size(): number {
    return this.entries.size;
  }
}

const caches = new WeakMap<Db, CredentialCache>();

/** The connection's credential cache, its triggers created on first use. */
export function credentialCache(db: Db): CredentialCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new CredentialCache(db)));
  return cache;
}
