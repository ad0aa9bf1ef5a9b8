import pino from 'pino';
import type { SeedName } from '@dpm/domain/fixtures/scenarios';
import { openDb, openReader, type Db } from '@dpm/db/client';
import { getMeta } from '@dpm/db/estate-repository';
import { META_CLOCK, seedIfNew } from '@dpm/db/seed';
import { createApp } from './app';
import { authSettings } from './auth/settings';
import { adminToken, issueToken } from './auth/service';
import { insertUser } from '@dpm/db/accounts-repository';
import { EventBus } from './events';
import { EstateStore } from './store';
import { ReportingService } from './reporting/service';
import type { Mailer } from './reporting/mailer';

/** The console's origin in route tests: app.request('/api/…') asks http://localhost/api/…. */
export const TEST_ORIGIN = 'http://localhost';

/** The administrator of route tests: password 'correct horse battery staple'. */
export const ADMIN_PASSWORD = 'correct horse battery staple';
const ADMIN_HASH = 'scrypt$32768$8$1$yV21-1-lq9j-Wskhp_j1yg$-cfesbjIsB44MDp9l4F1bOgXgN9CT7UNfB4Ee12mEJk';

function adminTokenFor(db: Db): string {
  const now = Date.now();
  // A precomputed scrypt hash keeps each route test from spending 60 ms hashing.
  insertUser(db, {
    id: 'user-admin',
    username: 'admin',
    passwordHash: ADMIN_HASH,
    role: 'Administrator',
    disabled: false,
    createdAt: now - 1000,
    passwordChangedAt: now - 1000,
  });
  return adminToken(db, now);
}

/**
 * The real app on an in-memory SQLite database loaded with a fixture, for route tests.
 * `log`: a logger of the test's own, to assert on what the server logs (silent by default);
 * `mailer`: where scheduled reports are mailed (none: mail is not configured); `dbFile`: a real
 * file instead (the lists then read through their own connection); `sliceMs`: how long a clock
 * advance holds the event loop before it answers others; `checkpointAsideRows`: past how many rows
 * its commit leaves the checkpoint to a thread of its own.
 */
export function testApp(
  seed: SeedName,
  clock: 'manual' | 'real' = 'manual',
  log: pino.Logger = pino({ level: 'silent' }),
  mailer: Mailer | null = null,
  {
    dbFile = ':memory:',
    sliceMs,
    checkpointAsideRows,
  }: { dbFile?: string; sliceMs?: number; checkpointAsideRows?: number } = {},
) {
  const db = openDb(dbFile);
  seedIfNew(db, seed, 0);
  const reads = openReader(db, dbFile);
  const store = new EstateStore(db, new EventBus(), log, Number(getMeta(db, META_CLOCK)), {
    reads,
    sliceMs,
    checkpointAsideRows,
  });
  const reporting = new ReportingService(db, store, mailer, log);
  const app = createApp({
    store,
    reporting,
    db,
    reads,
    log,
    version: 'test',
    config: { clock, clockSpeed: 1, seed, dbFile, publicOrigin: TEST_ORIGIN },
    auth: authSettings(),
  });
  // Route tests call the API as the administrator unless they say otherwise (anonymous: raw).
  const token = adminTokenFor(db);
  const raw = app;
  const request: typeof app.request = (input, init, ...rest) => {
    const headers = new Headers(init?.headers);
    if (!headers.has('authorization') && !headers.has('x-anonymous')) headers.set('authorization', `Bearer ${token}`);
    headers.delete('x-anonymous');
    return raw.request(input, { ...init, headers }, ...rest);
  };
  const authed = Object.assign(Object.create(raw) as typeof app, { request });
  const json = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  /** Signs the administrator in as the console does (its own origin); the session cookie. */
  const session = async (): Promise<string> => {
    const res = await raw.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: TEST_ORIGIN },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  };
  return { app: authed, raw, db, store, reporting, json, token, session };
}

/** One row of a raw SQL query, for assertions on what the database holds. */
export function row<T = Record<string, unknown>>(db: Db, query: string, ...params: unknown[]): T {
  return db.$client.prepare(query).get(...params) as T;
}

/** A Reader (user `reader`) added to a route test's database, and an API token of theirs. */
export function readerToken(db: Db): string {
  insertUser(db, {
    id: 'user-reader',
    username: 'reader',
    passwordHash: 'scrypt$1$1$1$AA$AA',
    role: 'Reader',
    disabled: false,
    createdAt: 0,
    passwordChangedAt: 0,
  });
  return issueToken(db, 'user-reader', 'test', Date.now()).secret;
}
