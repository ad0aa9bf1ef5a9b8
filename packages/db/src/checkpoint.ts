import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './client';

/** What SQLite's wal_checkpoint answers: busy (1 if it could not finish), frames in the WAL, frames copied. */
export interface Checkpointed {
  busy: number;
  log: number;
  checkpointed: number;
}

const DRIVER = createRequire(import.meta.url).resolve('better-sqlite3');

/** A thread of its own: one connection to the file, one passive checkpoint, then it ends. */
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
try {
  db.pragma('busy_timeout = 5000');
  parentPort.postMessage(db.pragma('wal_checkpoint(PASSIVE)')[0]);
} finally {
  db.close();
}
`;

/**
 * Commits the open transaction of `db` without copying its WAL into the database file there and
 * then: a commit past SQLite's threshold (1000 pages of WAL) checkpoints in the committing
 * connection, and a day of `large` leaves 144 MB of WAL, about 200 ms of the event loop at the
 * COMMIT. The copy is made by a passive checkpoint on a thread of its own, which readers and the
 * next writes do not wait for; the promise says what it copied. An in-memory database (no WAL)
 * commits as any. The thread is started after the commit and ends with its checkpoint: its memory
 * (about 18 MB) is not held beside the estate, nor at the peak of a tick's computation before it.
 */
export function commitCheckpointingAside(db: Db): Promise<Checkpointed | null> {
  const sqlite = db.$client;
  if (sqlite.memory) {
    sqlite.exec('COMMIT');
    return Promise.resolve(null);
  }
  const threshold = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  sqlite.pragma('wal_autocheckpoint = 0');
  try {
    sqlite.exec('COMMIT');
  } finally {
    sqlite.pragma(`wal_autocheckpoint = ${threshold}`);
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(CHECKPOINTER, { eval: true, workerData: { driver: DRIVER, file: sqlite.name } });
    let answer: Checkpointed | null = null;
    worker.once('message', (m: Checkpointed) => (answer = m));
    worker.once('error', reject);
    worker.once('exit', () => resolve(answer));
  });
}
