import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, privateDataFolder } from './client';
import { seedIfNew } from './seed';

const mode = (path: string) => statSync(path).mode & 0o7777;
const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dpm-modes-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the data folder and the database files are their owner's only", () => {
  it('creates the folder 0700 and tightens an existing one; leaves a shared sticky folder alone', () => {
    const root = scratch();
    const fresh = join(root, 'data');
    expect(privateDataFolder(fresh)).toBe(true);
    expect(mode(fresh)).toBe(0o700);
    const open = join(root, 'open');
    mkdirSync(open, { mode: 0o755 });
    chmodSync(open, 0o755);
    expect(privateDataFolder(open)).toBe(true);
    expect(mode(open)).toBe(0o700);
    const shared = join(root, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    expect(privateDataFolder(shared)).toBe(false);
    expect(mode(shared)).toBe(0o1777);
  });

  it('creates the SQLite file, its WAL and its shared memory 0600, whatever the umask', () => {
    const file = join(scratch(), 'dpm-console.sqlite');
    const umask = process.umask(0o022);
    try {
      const db = openDb(file);
      seedIfNew(db, 'scenario-1', 0);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) {
        expect(existsSync(f), f).toBe(true);
        expect(mode(f), f).toBe(0o600);
      }
      db.$client.close();
    } finally {
      process.umask(umask);
    }
  });

  it('tightens files an earlier version left readable by others', () => {
    const dir = scratch();
    const file = join(dir, 'dpm-console.sqlite');
    openDb(file).$client.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) {
      writeFileSync(f, '', { flag: 'a' });
      chmodSync(f, 0o644);
    }
    const db = openDb(file);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f), f).toBe(0o600);
    db.$client.close();
  });

  it('commits with synchronous = FULL: an acknowledged write survives a power cut', () => {
    const db = openDb(join(scratch(), 'dpm-console.sqlite'));
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    db.$client.close();
  });
});
