import type { DomainEvent } from '@dpm/domain/command';

export interface BusEvent extends DomainEvent {
  id: number;
  at: number;
}

type Listener = (e: BusEvent) => void;

/**
 * Publishes committed domain events to the live stream. Keeps the last events so a client that
 * reconnects with Last-Event-ID gets what it missed.
 */
export class EventBus {
  private seq = 0;
  private readonly recent: BusEvent[] = [];
  private readonly listeners = new Set<Listener>();

  constructor(private readonly keep = 2000) {}

  publish(events: readonly DomainEvent[], at: number): void {
    for (const e of events) {
      const evt: BusEvent = { ...e, id: ++this.seq, at };
      this.recent.push(evt);
      if (this.recent.length > 2 * this.keep) this.recent.splice(0, this.recent.length - this.keep);
      for (const l of this.listeners) l(evt);
    }
  }

  since(lastId: number): BusEvent[] {
    return this.recent.filter((e) => e.id > lastId);
  }

  get lastId(): number {
    return this.seq;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
