import type { EntityName } from '@dpm/domain/model';
import type { EstateStore } from './store';

/** More filter combinations than the consoles of an estate ask for between two changes. */
const MAX_TOTALS = 1_000;

/**
 * The totals of a list's filters (its count query), kept until a committed change touches one of
 * the tables the count reads: every page of the list, the first one asked again included, then
 * costs one query instead of two.
 */
export class ListTotals {
  private readonly totals = new Map<string, number>();

  constructor(store: EstateStore, counted: readonly EntityName[]) {
    const tables = new Set<EntityName>(counted);
    store.onChanges((changes) => {
      if (changes.some((c) => tables.has(c.entity))) this.totals.clear();
    });
  }

  /** The total for `filter`, counted by `count` when not known since the last change. */
  of(filter: string, count: () => number): number {
    const known = this.totals.get(filter);
    if (known !== undefined) return known;
    const total = count();
    if (this.totals.size >= MAX_TOTALS) this.totals.clear();
    this.totals.set(filter, total);
    return total;
  }
}

const memberTotals = new WeakMap<EstateStore, ListTotals>();

/** The members list's totals: its count reads replicas, their data sources and computers. */
export function memberTotalsOf(store: EstateStore): ListTotals {
  let totals = memberTotals.get(store);
  if (!totals) memberTotals.set(store, (totals = new ListTotals(store, ['replicas', 'dataSources', 'computers'])));
  return totals;
}
