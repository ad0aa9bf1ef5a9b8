import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { Alert, AlertName, AlertSeverity, InMemoryEstate, Job, JobStatus, JobType } from '@dpm/domain/model';
import { demo, FIXTURE_EPOCH } from '@dpm/domain/fixtures/scenarios';
import { inTransaction, openDb, type Db } from './client';
import { insertEstate } from './estate-repository';

const MINUTE = 60_000;

/**
 * A real SQLite file in a folder of its own, migrated by openDb and loaded with `estate`; the
 * folder goes when the test file ends. What the read models are tested against.
 */
export function fixtureDb(estate: InMemoryEstate): Db {
  const dir = mkdtempSync(join(tmpdir(), 'dpm-db-views-'));
  const db = openDb(join(dir, 'dpm-console.sqlite'));
  inTransaction(db, (tx) => insertEstate(tx, estate));
  afterAll(() => {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return db;
}

const SEVERITIES: readonly AlertSeverity[] = ['Critical', 'Warning', 'Information'];
const ALERT_NAMES: readonly AlertName[] = ['Replica is inconsistent', 'Synchronization failed', 'Agent unreachable'];
const JOB_TYPES: readonly JobType[] = ['Synchronization', 'Consistency check', 'Recovery point', 'Tape backup'];
const JOB_STATUSES: readonly JobStatus[] = ['Scheduled', 'In progress', 'Completed', 'Failed', 'Canceled'];

/**
 * The demo estate (scenario 1 with two weeks of history and a tape library) and, on DS1, 40 alerts
 * and 60 jobs of every severity, state, type and status, several raised or scheduled at the same
 * minute so that pages must break ties by id.
 */
export function viewsFixture(): InMemoryEstate {
  const e = demo();
  const ds1Replicas = Object.values(e.replicas).filter((r) => r.serverId === 'srv-DS1' && r.groupId !== null);
  for (let i = 0; i < 40; i += 1) {
    const replica = ds1Replicas[i % ds1Replicas.length];
    const computerId = replica ? (e.dataSources[replica.dataSourceId]?.computerId ?? null) : null;
    const alert: Alert = {
      id: `alert-view-${String(i).padStart(2, '0')}`,
      serverId: 'srv-DS1',
      name: ALERT_NAMES[i % ALERT_NAMES.length] as AlertName,
      severity: SEVERITIES[i % SEVERITIES.length] as AlertSeverity,
      state: i % 4 === 0 ? 'Inactive' : 'Active',
      subjectId: replica?.id ?? 'srv-DS1',
      computerId: i % 5 === 0 ? null : computerId,
      groupId: i % 5 === 0 ? null : (replica?.groupId ?? null),
      affectedArea: `Area ${i}`,
      description: `Alert ${i}`,
      // Three alerts share each minute: the cursor's id decides between them.
      raisedAt: FIXTURE_EPOCH - Math.floor(i / 3) * MINUTE,
      resolvedAt: i % 4 === 0 ? FIXTURE_EPOCH : null,
      acknowledged: i === 1 ? { by: 'admin', at: FIXTURE_EPOCH, comment: 'seen' } : null,
    };
    e.alerts[alert.id] = alert;
  }
  for (let i = 0; i < 60; i += 1) {
    const replica = ds1Replicas[i % ds1Replicas.length];
    const status = JOB_STATUSES[i % JOB_STATUSES.length] as JobStatus;
    const job: Job = {
      id: `job-view-${String(i).padStart(2, '0')}`,
      serverId: 'srv-DS1',
      type: JOB_TYPES[i % JOB_TYPES.length] as JobType,
      status,
      replicaId: replica?.id ?? null,
      dataSourceId: replica?.dataSourceId ?? null,
      groupId: i % 6 === 0 ? null : (replica?.groupId ?? null),
      computerId: replica ? (e.dataSources[replica.dataSourceId]?.computerId ?? null) : null,
      libraryId: null,
      tapeId: null,
      scheduledAt: FIXTURE_EPOCH - Math.floor(i / 4) * MINUTE,
      startedAt: status === 'Scheduled' ? null : FIXTURE_EPOCH,
      finishedAt: status === 'Completed' || status === 'Failed' || status === 'Canceled' ? FIXTURE_EPOCH : null,
      totalGb: 10,
      transferredGb: status === 'Completed' ? 10 : 0,
      error: status === 'Failed' ? { code: 'SYNC_FAILED', message: 'The agent did not answer.' } : null,
      params: { n: String(i) },
      retryOf: null,
    };
    e.jobs[job.id] = job;
  }
  return e;
}

/** Pages through a keyset-paged list with `limit` rows a page; every page's total is checked equal. */
export function walk<T>(
  read: (cursor: string | undefined) => { items: T[]; nextCursor: string | null; total: number },
) {
  const items: T[] = [];
  const totals = new Set<number>();
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = read(cursor);
    items.push(...page.items);
    totals.add(page.total);
    cursor = page.nextCursor ?? undefined;
    pages += 1;
    if (pages > 1000) throw new Error('walk: the cursor never ends');
  } while (cursor !== undefined);
  return { items, pages, totals: [...totals] };
}
