import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyChanges } from '../draft';
import { EventLog } from '../event-log';
import { FIXTURE_EPOCH, LARGE, demo, large, scenario1 } from '../fixtures/scenarios';
import { DAY, HOUR, MINUTE, World, structuredCopy } from '../test-support';
import { tick, tickSteps } from './tick';
import { jobDuration } from './jobs';
import { lastOccurrence } from './schedule';

const ids = () => {
  let n = 0;
  return { newId: (p: string) => `${p}-t${++n}`, actor: 'test' };
};

describe('tick', () => {
  it('gives the same outcome for the same estate, times and id generator (demo, one day)', () => {
    const estate = demo();
    const before = structuredCopy(estate);
    const a = tick(estate, FIXTURE_EPOCH, FIXTURE_EPOCH + DAY, ids());
    const b = tick(estate, FIXTURE_EPOCH, FIXTURE_EPOCH + DAY, ids());
    expect(a.changes.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
    expect(estate).toEqual(before);
  });

  it('in steps, pauses many times over a day of a generated estate and ends with the same outcome', () => {
    // Two primaries and a secondary: 1,000 data sources with a week of recovery points.
    const estate = large(FIXTURE_EPOCH, { ...LARGE, primaries: 2, secondaries: 1, computersPerPrimary: 100, days: 7 });
    const steps = tickSteps(estate, FIXTURE_EPOCH, FIXTURE_EPOCH + DAY, ids());
    let pauses = 0;
    let r = steps.next();
    for (; r.done !== true; r = steps.next()) pauses += 1;
    // Every 256 replicas scheduled, 64 jobs run and 4,096 rows looked at: a server shares its thread.
    expect(pauses).toBeGreaterThan(10);
    expect(r.value).toEqual(tick(estate, FIXTURE_EPOCH, FIXTURE_EPOCH + DAY, ids()));
  });

  it('counts its events per kind and server past eventsInFull, and changes the same rows', () => {
    const estate = demo();
    const full = tick(estate, FIXTURE_EPOCH, FIXTURE_EPOCH + DAY, ids());
    expect(full.events.length).toBeGreaterThan(100);
    const counted = tick(estate, FIXTURE_EPOCH, FIXTURE_EPOCH + DAY, { ...ids(), eventsInFull: 100 });
    expect(counted.changes).toEqual(full.changes);
    const log = new EventLog(100);
    for (const e of full.events) log.push(e);
    expect(counted.events).toEqual(log.list());
    expect(counted.events.length).toBeLessThan(full.events.length);
  });

  it('is deterministic for any window over scenario 1 and any split of it into two ticks', () => {
    const base = scenario1();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 * 24 * 60 }),
        fc.integer({ min: 1, max: 2 * 24 * 60 }),
        (startMinutes, lengthMinutes) => {
          const from = FIXTURE_EPOCH + startMinutes * MINUTE;
          const to = from + lengthMinutes * MINUTE;
          const a = tick(base, from, to, ids());
          const b = tick(base, from, to, ids());
          expect(b).toEqual(a);
          expect(applyChanges(base, b.changes)).toEqual(applyChanges(base, a.changes));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('changes nothing when the clock does not move forward', () => {
    expect(tick(scenario1(), FIXTURE_EPOCH, FIXTURE_EPOCH, ids()).changes).toEqual([]);
    expect(tick(scenario1(), FIXTURE_EPOCH, FIXTURE_EPOCH - MINUTE, ids()).changes).toEqual([]);
  });

  it('queues synchronizations at their frequency and recovery points at their times of day', () => {
    const w = new World(scenario1());
    w.advance(5);
    expect(w.jobs('Synchronization', { replicaId: 'rep-DS1-PS1-C' })).toHaveLength(1);
    w.advance(4 * 60);
    // 12:00 is a recovery point time of DS1's file servers group.
    expect(w.jobs('Recovery point', { replicaId: 'rep-DS1-PS1-C' })[0]).toMatchObject({
      status: 'Completed',
      scheduledAt: FIXTURE_EPOCH + 4 * HOUR,
    });
    expect(Object.values(w.estate.recoveryPoints).filter((p) => p.replicaId === 'rep-DS1-PS1-C')).toHaveLength(1);
  });

  it('catches up with one job of each type when the clock jumps ahead, as DPM does after downtime', () => {
    const w = new World(scenario1());
    w.advance(3 * 24 * 60);
    expect(w.jobs('Synchronization', { replicaId: 'rep-DS1-PS1-C' })).toHaveLength(1);
    expect(w.jobs('Recovery point', { replicaId: 'rep-DS1-PS1-C' })).toHaveLength(1);
  });

  it('expires recovery points past their retention but keeps external ones', () => {
    const w = new World(demo());
    // The demo's history already let its oldest points go: the clock runs to the next to expire.
    const first = Math.min(
      ...Object.values(w.estate.recoveryPoints)
        .filter((p) => !p.external)
        .map((p) => p.expiresAt),
    );
    const minutes = Math.ceil((first - w.now) / MINUTE);
    expect(minutes).toBeGreaterThan(0);
    const expired = Object.values(w.estate.recoveryPoints).filter((p) => p.expiresAt <= w.now + minutes * MINUTE);
    expect(expired.length).toBeGreaterThan(0);
    w.advance(minutes);
    for (const p of expired) expect(w.estate.recoveryPoints[p.id]).toBeUndefined();
  });

  it('runs jobs for a time proportional to the data they move', () => {
    expect(jobDuration({ type: 'Consistency check', totalGb: 250, params: {} })).toBe(25 * MINUTE);
    expect(jobDuration({ type: 'Replica creation', totalGb: 100, params: {} })).toBe(50 * MINUTE);
    expect(jobDuration({ type: 'Detailed inventory', totalGb: 0, params: { tapes: '11' } })).toBe(5.5 * MINUTE);
    expect(jobDuration({ type: 'Library rescan', totalGb: 0, params: {} })).toBe(MINUTE);
    expect(jobDuration({ type: 'Synchronization', totalGb: 0.1, params: {} })).toBe(MINUTE);
  });

  it('finds the last time of day in a window', () => {
    const midnight = Math.floor(FIXTURE_EPOCH / DAY) * DAY;
    expect(lastOccurrence(FIXTURE_EPOCH, FIXTURE_EPOCH + DAY, [8 * 60, 12 * 60])).toBe(midnight + DAY + 8 * HOUR);
    expect(lastOccurrence(FIXTURE_EPOCH, FIXTURE_EPOCH + HOUR, [8 * 60])).toBeNull();
  });
});
