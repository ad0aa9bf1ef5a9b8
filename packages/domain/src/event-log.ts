import type { DomainEvent } from './command';

interface Group {
  first: DomainEvent;
  count: number;
}

/**
 * The events of a command or a tick, kept as they are made: each one while they are at most
 * `inFull`, and past that one per kind and server saying how many (a console refreshes what a
 * kind of event on a server touches; a hundred thousand events would only delay it). A day's tick
 * of a large estate makes hundreds of thousands: counted as they come, they are never all held.
 */
export class EventLog {
  private full: DomainEvent[] | null = [];
  private readonly groups: Group[] = [];
  private readonly byType = new Map<string, Map<string | null, Group>>();

  constructor(private readonly inFull = Infinity) {}

  push(event: DomainEvent): void {
    if (this.full === null) return this.count(event);
    this.full.push(event);
    if (this.full.length <= this.inFull) return;
    for (const e of this.full) this.count(e);
    this.full = null;
  }

  private count(e: DomainEvent): void {
    let byServer = this.byType.get(e.type);
    if (!byServer) this.byType.set(e.type, (byServer = new Map()));
    const group = byServer.get(e.serverId);
    if (group) group.count += 1;
    else {
      const made = { first: e, count: 1 };
      byServer.set(e.serverId, made);
      this.groups.push(made);
    }
  }

  /** The events in the order they were first made: each one, or each kind and server with its count. */
  list(): DomainEvent[] {
    if (this.full !== null) return [...this.full];
    return this.groups.map(({ first, count }) => countedEvent(first, count));
  }
}

/** The event the live stream carries for `count` events of one kind and server: the first, or their count. */
export function countedEvent(first: DomainEvent, count: number): DomainEvent {
  return count === 1
    ? first
    : {
        type: first.type,
        serverId: first.serverId,
        subjectId: first.serverId ?? first.subjectId,
        summary: `${count.toLocaleString('en')} events: ${first.type}`,
      };
}
