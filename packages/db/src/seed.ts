import type { SeedName } from '@dpm/domain/fixtures/scenarios';
import { FIXTURE_EPOCH, fixture } from '@dpm/domain/fixtures/scenarios';
import type { Db } from './client';
import { inTransaction } from './client';
import { getMeta, insertEstate, setMeta } from './estate-repository';
import { ensureDomainAccounts } from './domain-accounts-repository';

export const META_SEED = 'seed';
export const META_CLOCK = 'clock.now';
export const META_CREATED = 'created_at';

/**
 * Loads the fixture into a new database, in one transaction. A database that already holds an
 * estate is left as it is, so a second start loses nothing. Returns whether it seeded.
 */
export function seedIfNew(db: Db, seed: SeedName, createdAt: number): boolean {
  ensureDomainAccounts(db);
  if (getMeta(db, META_SEED) !== undefined) return false;
  const estate = fixture(seed);
  inTransaction(db, (tx) => {
    insertEstate(tx, estate);
    setMeta(tx, META_SEED, seed);
    setMeta(tx, META_CLOCK, String(FIXTURE_EPOCH));
    setMeta(tx, META_CREATED, String(createdAt));
  });
  return true;
}
