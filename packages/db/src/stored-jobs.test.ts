import { describe, expect, it, vi } from 'vitest';
import { Draft, applyChangesInPlace } from '@dpm/domain/draft';
import { demo } from '@dpm/domain/fixtures/scenarios';
import { isJobActive } from '@dpm/domain/jobs/job-status';
import { activeJobsFor } from '@dpm/domain/jobs/jobs';
import type { Job } from '@dpm/domain/model';
import { isStored } from '@dpm/domain/stored-rows';
import { viewOf } from '@dpm/domain/view';
import { inTransaction } from './client';
import { loadEstate, persistChanges } from './estate-repository';
import type { StoredJobs } from './stored-jobs';
import { StoredTable } from './stored-table';
import { fixtureDb } from './test-db';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const sorted = (jobs: Job[]) => [...jobs].sort(byId);

/** The demo estate with a few of its finished jobs made active again, so that both halves are read. */
function estateWithActiveJobs() {
  const estate = demo();
  const jobs = Object.values(estate.jobs).sort(byId);
  for (const [i, job] of jobs.slice(0, 6).entries())
    estate.jobs[job.id] = { ...job, status: i % 2 === 0 ? 'Scheduled' : 'In progress', finishedAt: null };
  // A tape named, and a job retried, by a held job and by a finished one.
  for (const job of [jobs[0], jobs[10]] as Job[])
    estate.jobs[job.id] = { ...(estate.jobs[job.id] as Job), tapeId: 'tape-1', retryOf: jobs[20]?.id ?? null };
  return estate;
}

describe('StoredJobs: the jobs scheduled or in progress held, the finished read from SQLite', () => {
  const memory = estateWithActiveJobs();
  const jobs = Object.values(memory.jobs);
  const db = fixtureDb(memory);
  const server = loadEstate(db, { historyFrom: db });
  const stored = server.jobs as StoredJobs;

  it('holds only the active jobs, and finds by id and by field exactly the jobs the in-memory table holds', () => {
    expect(isStored(server.jobs)).toBe(true);
    expect(jobs.length).toBeGreaterThan(100);
    expect(stored.heldCount).toBe(jobs.filter((j) => isJobActive(j.status)).length);
    expect(stored.heldCount).toBe(6);
    expect(sorted(stored.all())).toEqual(sorted(jobs));
    for (const j of jobs.slice(0, 40)) expect(stored.get(j.id)).toEqual(j);
    for (const id of ['job-none', '__proto__', 'constructor']) expect(stored.get(id)).toBeUndefined();
    for (const field of ['status', 'serverId', 'replicaId', 'type', 'libraryId', 'tapeId', 'retryOf'] as const) {
      const values = new Set(jobs.map((j) => j[field]));
      expect(values.size, field).toBeGreaterThan(1);
      for (const v of values)
        expect(sorted(stored.where(field, v)), `${field} = ${v}`).toEqual(sorted(jobs.filter((j) => j[field] === v)));
    }
    const servers = ['srv-DS1', 'srv-DS2', 'srv-none'];
    expect(sorted(stored.whereIn('serverId', servers))).toEqual(
      sorted(jobs.filter((j) => servers.includes(j.serverId))),
    );
    const times = jobs.map((j) => j.scheduledAt).sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] as number;
    expect(sorted(stored.atMost('scheduledAt', median))).toEqual(sorted(jobs.filter((j) => j.scheduledAt <= median)));
  });

  it('refuses a field a job does not have, and is written as JSON without its connection or rows', () => {
    expect(() => stored.where('server_id; DROP TABLE jobs', 'x')).toThrow(/no field/);
    expect(JSON.stringify(stored)).toBe('{"stored":true}');
  });

  it('reads a commit as it was last applied: a finished job is let go, a new one held, once applied', () => {
    const db2 = fixtureDb(estateWithActiveJobs());
    const estate = loadEstate(db2, { historyFrom: db2 });
    const table = estate.jobs as StoredJobs;
    const [running] = table.where('status', 'In progress') as [Job];
    const draft = new Draft(estate);
    draft.update('jobs', running.id, { status: 'Completed', finishedAt: running.scheduledAt + 60_000 });
    const added: Job = { ...running, id: 'job-added', status: 'Scheduled', startedAt: null };
    draft.put('jobs', added);
    // The draft reads its own writes over the held and the stored jobs.
    expect(draft.where('jobs', 'status', 'In progress').map((j) => j.id)).not.toContain(running.id);
    expect(draft.where('jobs', 'replicaId', running.replicaId).map((j) => j.id)).toContain('job-added');
    const { changes } = draft.outcome();
    inTransaction(db2, (tx) => persistChanges(tx, changes));
    // Committed but not applied: the estate is still the one before the change, as a held table's is.
    expect(table.get(running.id)?.status).toBe('In progress');
    expect(table.get('job-added')).toBeUndefined();
    expect(table.where('replicaId', running.replicaId).filter((j) => j.id === running.id)).toHaveLength(1);
    applyChangesInPlace(estate, changes);
    expect(table.heldCount).toBe(6);
    expect(table.get(running.id)?.status).toBe('Completed');
    expect(table.where('status', 'In progress').map((j) => j.id)).not.toContain(running.id);
    expect(table.where('status', 'Completed').map((j) => j.id)).toContain(running.id);
    expect(table.where('status', 'Scheduled').map((j) => j.id)).toContain('job-added');
    // A deleted job is gone from both halves.
    const gone = new Draft(estate);
    gone.del('jobs', 'job-added');
    gone.del('jobs', running.id);
    const removal = gone.outcome().changes;
    inTransaction(db2, (tx) => persistChanges(tx, removal));
    applyChangesInPlace(estate, removal);
    expect(table.heldCount).toBe(5);
    expect(table.get('job-added')).toBeUndefined();
    expect(table.get(running.id)).toBeUndefined();
  });
});

describe('the jobs under way of a replica, a library or a tape, from the held jobs alone', () => {
  it('are those the in-memory estate finds, with a draft’s own writes, and no finished job is read', () => {
    const memory = estateWithActiveJobs();
    const db = fixtureDb(memory);
    const server = loadEstate(db, { historyFrom: db });
    const subjects = (field: 'replicaId' | 'libraryId' | 'tapeId') => [
      ...new Set(
        Object.values(memory.jobs)
          .map((j) => j[field])
          .filter((v): v is string => v !== null),
      ),
    ];
    const ids = (jobs: Job[]) => jobs.map((j) => j.id).sort();
    const stored = vi.spyOn(StoredTable.prototype, 'where');
    let found = 0;
    for (const field of ['replicaId', 'libraryId', 'tapeId'] as const)
      for (const id of subjects(field)) {
        const expected = ids(activeJobsFor(new Draft(memory), field, id));
        found += expected.length;
        expect(ids(activeJobsFor(new Draft(server), field, id)), `${field} ${id}`).toEqual(expected);
        expect(ids(activeJobsFor(viewOf(server), field, id)), `${field} ${id}`).toEqual(expected);
      }
    expect(found).toBeGreaterThanOrEqual(6);
    expect(stored).not.toHaveBeenCalled();
    stored.mockRestore();
    // A draft's own writes count: a job it queued is under way, one it finished is not.
    const [running] = (server.jobs as StoredJobs).where('status', 'In progress') as [Job];
    const replicaId = running.replicaId ?? '';
    const draft = new Draft(server);
    draft.update('jobs', running.id, { status: 'Completed', finishedAt: running.scheduledAt + 60_000 });
    draft.put('jobs', { ...running, id: 'job-queued', status: 'Scheduled', startedAt: null });
    expect(ids(activeJobsFor(draft, 'replicaId', replicaId))).toContain('job-queued');
    expect(ids(activeJobsFor(draft, 'replicaId', replicaId))).not.toContain(running.id);
    // …where() still finds every job of the replica, the finished ones read from SQLite.
    expect(draft.where('jobs', 'replicaId', replicaId).length).toBeGreaterThan(
      activeJobsFor(draft, 'replicaId', replicaId).length,
    );
  });
});
