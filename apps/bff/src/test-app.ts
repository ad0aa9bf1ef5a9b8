import pino from 'pino';
import type { SeedName } from '@dpm/domain/fixtures/scenarios';
import { openDb, type Db } from '@dpm/db/client';
import { getMeta } from '@dpm/db/estate-repository';
import { META_CLOCK, seedIfNew } from '@dpm/db/seed';
import { createApp } from './app';
import { EventBus } from './events';
import { EstateStore } from './store';

/** The real app on an in-memory SQLite database loaded with a fixture, for route tests. */
export function testApp(seed: SeedName, clock: 'manual' | 'real' = 'manual') {
  const db = openDb(':memory:');
  seedIfNew(db, seed, 0);
  const log = pino({ level: 'silent' });
  const store = new EstateStore(db, new EventBus(), log, Number(getMeta(db, META_CLOCK)));
  const app = createApp({ store, db, log, version: 'test', config: { clock, clockSpeed: 1, seed, dbFile: ':memory:' } });
  const json = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { app, db, store, json };
}

/** One row of a raw SQL query, for assertions on what the database holds. */
export function row<T = Record<string, unknown>>(db: Db, query: string, ...params: unknown[]): T {
  return db.$client.prepare(query).get(...params) as T;
}
