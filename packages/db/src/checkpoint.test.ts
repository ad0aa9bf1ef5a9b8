import { describe, expect, it } from 'vitest';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDb, type Db } from './client';
import { commitCheckpointingAside } from './checkpoint';

/** A file database with a transaction open that writes about 4,000 pages (16 MB) of new rows. */
function bigTransaction(): { db: Db; file: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'dpm-checkpoint-')), 'estate.sqlite');
  const db = openDb(file);
  db.$client.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.exec('BEGIN IMMEDIATE');
  const insert = db.$client.prepare('INSERT INTO filler (text) VALUES (?)');
  for (let i = 0; i < 4000; i += 1) insert.run('x'.repeat(4000));
  return { db, file };
}

describe('A commit that leaves its checkpoint to a thread of its own', () => {
  it('commits without copying the WAL into the file; the thread copies every frame; the rows read back', async () => {
    const { db, file } = bigTransaction();
    const before = statSync(file).size;
    const checkpoint = commitCheckpointingAside(db);
    expect(db.$client.inTransaction).toBe(false);
    // Nothing was copied in the COMMIT: the file is the size it was.
    expect(statSync(file).size).toBe(before);
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    const done = await checkpoint;
    expect(done?.busy).toBe(0);
    expect(done?.log).toBeGreaterThan(1000);
    expect(done?.checkpointed).toBe(done?.log);
    expect(statSync(file).size).toBeGreaterThan(before + 4000 * 4000);
    const reader = new Database(file, { readonly: true });
    expect(reader.prepare('SELECT count(*) AS n FROM filler').get()).toEqual({ n: 4000 });
    reader.close();
  });

  it('where a COMMIT copies it itself (past 1000 pages), the file has grown at once', () => {
    const { db, file } = bigTransaction();
    const before = statSync(file).size;
    db.$client.exec('COMMIT');
    expect(statSync(file).size).toBeGreaterThan(before + 4000 * 4000);
  });

  it('an in-memory database commits as any, and no thread is started', async () => {
    const db = openDb(':memory:');
    db.$client.exec('CREATE TABLE t (id INTEGER PRIMARY KEY)');
    db.$client.exec('BEGIN IMMEDIATE');
    db.$client.exec('INSERT INTO t DEFAULT VALUES');
    expect(await commitCheckpointingAside(db)).toBeNull();
    expect(db.$client.inTransaction).toBe(false);
    expect(db.$client.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
  });
});
