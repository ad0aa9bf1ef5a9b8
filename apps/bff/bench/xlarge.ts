/**
 * The `xlarge` estate for the benchmarks only (the domain's `xlarge` fixture, five times `large`:
 * 250 DPM servers, 25,000 computers, 125,000 data sources, two days of history). `tsx
 * bench/xlarge.ts <data dir>` writes it as a console database that a server started on that folder
 * uses as it finds it (the topology UI benchmark does).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_EPOCH, XLARGE, xlarge } from '@dpm/domain/fixtures/scenarios';
import { inTransaction, openDb, type Db } from '@dpm/db/client';
import { insertEstate, setMeta } from '@dpm/db/estate-repository';
import { META_CLOCK, META_CREATED, META_SEED } from '@dpm/db/seed';
import { ensureDomainAccounts } from '@dpm/db/domain-accounts-repository';

export { XLARGE };

/** Loads the xlarge estate into a new database, as seedIfNew loads a fixture. */
export function seedXlarge(db: Db): void {
  ensureDomainAccounts(db);
  const estate = xlarge(FIXTURE_EPOCH);
  inTransaction(db, (tx) => {
    insertEstate(tx, estate);
    setMeta(tx, META_SEED, 'xlarge');
    setMeta(tx, META_CLOCK, String(FIXTURE_EPOCH));
    setMeta(tx, META_CREATED, String(FIXTURE_EPOCH));
  });
}

if (process.argv[1]?.endsWith('xlarge.ts') && process.argv[2]) {
  mkdirSync(process.argv[2], { recursive: true });
  const db = openDb(join(process.argv[2], 'dpm-console.sqlite'));
  seedXlarge(db);
  db.$client.close();
}
