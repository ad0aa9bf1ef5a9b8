import type { Change } from './command';
import type { Estate, EntityName } from './model';
import { emptyTable } from './model';
import type { StoredRows } from './stored-rows';
import { OverlayRows, isStored } from './stored-rows';
import { reindex, tableOf } from './table-index';

/**
 * Applies changes to an estate, returning a new estate (its changed tables without a prototype, as
 * emptyTable); the input is not mutated.
 */
export function applyChanges<E extends Estate>(estate: E, changes: readonly Change[]): E {
  const next: E = { ...estate };
  const copied = new Set<EntityName>();
  const overlays = new Map<EntityName, Map<string, { id: string } | null>>();
  for (const c of changes) {
    const base = tableOf(estate, c.entity);
    if (isStored(base)) {
      let changed = overlays.get(c.entity);
      if (!changed) {
        overlays.set(c.entity, (changed = new Map()));
        (next as unknown as Record<string, unknown>)[c.entity] = new OverlayRows(
          base as StoredRows<{ id: string }>,
          changed,
        );
      }
      if (c.op === 'put') changed.set((c.value as { id: string }).id, c.value as { id: string });
      else changed.set(c.id, null);
      continue;
    }
    if (!copied.has(c.entity)) {
      (next as unknown as Record<string, unknown>)[c.entity] = Object.assign(emptyTable(), estate[c.entity]);
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
    const stored = tableOf(estate, c.entity);
    // Committed, a change to stored rows is already where they are read from (and what of them is
    // held in memory follows it).
    if (isStored(stored)) {
      stored.applyCommitted?.(
        c.op === 'put' ? (c.value as { id: string }).id : c.id,
        c.op === 'put' ? c.value : undefined,
      );
      continue;
    }
    const table = stored as Record<string, unknown>;
    // A table built by hand rather than by emptyTable loses its prototype before an id lands in it.
    if (Object.getPrototypeOf(table) !== null) Object.setPrototypeOf(table, null);
    const id = c.op === 'put' ? (c.value as { id: string }).id : c.id;
    const before = table[id];
    if (c.op === 'put') table[id] = c.value;
    else delete table[id];
    reindex(table, id, before, c.op === 'put' ? c.value : undefined);
  }
}
