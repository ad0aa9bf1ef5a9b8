import type { Estate, EntityName, EntityOf } from './model';
import type { DomainError } from './errors';

/** What a command is given besides its slice: the simulated time, an id source and who acts. */
export interface Ctx {
  now: number;
  newId: (prefix: string) => string;
  actor: string;
}

export type Change =
  | { [K in EntityName]: { op: 'put'; entity: K; value: EntityOf<K> } }[EntityName]
  | { op: 'del'; entity: EntityName; id: string };

/** A domain event: what happened, for the audit trail and the live event stream. */
export interface DomainEvent {
  type: string;
  serverId: string | null;
  subjectId: string;
  summary: string;
}

export interface Outcome {
  changes: Change[];
  events: DomainEvent[];
}

export type CommandResult = Outcome | DomainError;

/**
 * A copy-on-write view of a slice: reads see the command's own writes, the slice is never
 * mutated, and `outcome()` lists the changes in order. Commands are written against it so that
 * a refusal (returned before `outcome()`) changes nothing.
 */
export class Draft {
  private readonly puts = new Map<string, Map<string, unknown>>();
  private readonly dels = new Map<string, Set<string>>();
  private readonly changes: Change[] = [];
  private readonly events: DomainEvent[] = [];

  constructor(readonly base: Estate) {}

  get<K extends EntityName>(entity: K, id: string): EntityOf<K> | undefined {
    if (this.dels.get(entity)?.has(id)) return undefined;
    const put = this.puts.get(entity)?.get(id);
    if (put !== undefined) return put as EntityOf<K>;
    return this.base[entity][id] as EntityOf<K> | undefined;
  }

  all<K extends EntityName>(entity: K): EntityOf<K>[] {
    const out = new Map<string, EntityOf<K>>();
    for (const [id, v] of Object.entries(this.base[entity])) out.set(id, v as EntityOf<K>);
    for (const [id, v] of this.puts.get(entity) ?? []) out.set(id, v as EntityOf<K>);
    for (const id of this.dels.get(entity) ?? []) out.delete(id);
    return [...out.values()];
  }

  put<K extends EntityName>(entity: K, value: EntityOf<K>): EntityOf<K> {
    const id = (value as { id: string }).id;
    let m = this.puts.get(entity);
    if (!m) this.puts.set(entity, (m = new Map()));
    m.set(id, value);
    this.dels.get(entity)?.delete(id);
    this.changes.push({ op: 'put', entity, value } as Change);
    return value;
  }

  update<K extends EntityName>(entity: K, id: string, patch: Partial<EntityOf<K>>): EntityOf<K> {
    const current = this.get(entity, id);
    if (current === undefined) throw new Error(`Draft.update: ${entity} ${id} is not in the slice`);
    return this.put(entity, { ...current, ...patch });
  }

  del(entity: EntityName, id: string): void {
    this.puts.get(entity)?.delete(id);
    let s = this.dels.get(entity);
    if (!s) this.dels.set(entity, (s = new Set()));
    s.add(id);
    this.changes.push({ op: 'del', entity, id });
  }

  emit(event: DomainEvent): void {
    this.events.push(event);
  }

  /** The state after this draft's changes, for a command that composes with another. */
  snapshot(): Estate {
    return applyChanges(this.base, this.changes);
  }

  outcome(): Outcome {
    return { changes: [...this.changes], events: [...this.events] };
  }
}

/** Applies changes to an estate, returning a new estate; the input is not mutated. */
export function applyChanges(estate: Estate, changes: readonly Change[]): Estate {
  const next: Estate = { ...estate };
  const copied = new Set<EntityName>();
  for (const c of changes) {
    if (!copied.has(c.entity)) {
      (next as unknown as Record<string, unknown>)[c.entity] = { ...estate[c.entity] };
      copied.add(c.entity);
    }
    const table = next[c.entity] as Record<string, unknown>;
    if (c.op === 'put') table[(c.value as { id: string }).id] = c.value;
    else delete table[c.id];
  }
  return next;
}

/** Applies changes in place: the BFF's in-memory estate after a committed transaction. */
export function applyChangesInPlace(estate: Estate, changes: readonly Change[]): void {
  for (const c of changes) {
    const table = estate[c.entity] as Record<string, unknown>;
    if (c.op === 'put') table[(c.value as { id: string }).id] = c.value;
    else delete table[c.id];
  }
}
