import { describe, expect, it } from 'vitest';
import type { DomainEvent } from './command';
import { EventLog, countedEvent } from './event-log';

/** What a log keeping `inFull` events lists once it has been given `events`. */
function listed(events: readonly DomainEvent[], inFull: number): DomainEvent[] {
  const log = new EventLog(inFull);
  for (const e of events) log.push(e);
  return log.list();
}

/**
 * The same, counted once the whole list is there: each kind and server in the order first made
 * (how a count is written is the log's own, countedEvent).
 */
function countedAtEnd(events: readonly DomainEvent[]): DomainEvent[] {
  const groups = new Map<string, { first: DomainEvent; count: number }>();
  for (const e of events) {
    const key = `${e.type}\u0000${e.serverId}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { first: e, count: 1 });
  }
  return [...groups.values()].map(({ first, count }) => countedEvent(first, count));
}

describe('the events of a long advance (EventLog)', () => {
  const event = (type: string, serverId: string | null, subjectId: string) => ({
    type,
    serverId,
    subjectId,
    summary: `${type} ${subjectId}`,
  });

  it('carries each event of a short tick as it is', () => {
    const few = [event('job.started', 'srv-DS1', 'job-1'), event('job.completed', 'srv-DS1', 'job-1')];
    expect(listed(few, 1000)).toEqual(few);
  });

  it('carries one event per kind and server, with how many, when a tick makes more than a console follows', () => {
    const many = Array.from({ length: 1500 }, (_, i) =>
      event('job.completed', i % 2 ? 'srv-DS1' : 'srv-DS2', `job-${i}`),
    );
    many.push(event('alert.raised', 'srv-DS1', 'alert-1'));
    expect(listed(many, 1000)).toEqual([
      { type: 'job.completed', serverId: 'srv-DS2', subjectId: 'srv-DS2', summary: '750 events: job.completed' },
      { type: 'job.completed', serverId: 'srv-DS1', subjectId: 'srv-DS1', summary: '750 events: job.completed' },
      event('alert.raised', 'srv-DS1', 'alert-1'),
    ]);
  });

  it('counts them as they are made, as the whole list would be counted at the end', () => {
    const many = Array.from({ length: 2500 }, (_, i) =>
      event(i % 3 ? 'job.completed' : 'job.started', `srv-DS${i % 4}`, `job-${i}`),
    );
    const log = new EventLog(1000);
    for (const e of many) log.push(e);
    expect(log.list()).toEqual(countedAtEnd(many));
    expect(log.list()).toHaveLength(8);
    expect(log.list()[0]).toEqual({
      type: 'job.started',
      serverId: 'srv-DS0',
      subjectId: 'srv-DS0',
      summary: '209 events: job.started',
    });
  });

  it('keeps every event of a command or a short tick, in order', () => {
    const log = new EventLog(1000);
    const few = [event('job.started', 'srv-DS1', 'job-1'), event('job.completed', 'srv-DS1', 'job-1')];
    for (const e of few) log.push(e);
    expect(log.list()).toEqual(few);
  });
});
