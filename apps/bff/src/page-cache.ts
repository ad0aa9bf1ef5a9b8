import type { Context } from 'hono';
import type { AppDeps, AppEnv } from './deps';
import type { EstateStore } from './store';
import { preserialized } from './read-models';

/** About a hundred first pages of a large server's lists; past it, start afresh. */
const MAX_BYTES = 8 * 1024 * 1024;

/**
 * The pages of the estate's lists, kept as the bytes answered, per user and address, until the
 * estate or its clock changes: fifty consoles asking for the same jobs page between two changes
 * cost one query and one serialization, not fifty. Any committed change empties it (store
 * onChanges, called in the same turn as the write, so a page read after a command or a tick is
 * read afresh); a page computed while a tick is applied in batches is emptied by the next batch.
 */
class PageCache {
  private readonly pages = new Map<string, Uint8Array>();
  private bytes = 0;
  private generation = 0;
  private now: number;

  constructor(private readonly store: EstateStore) {
    this.now = store.now;
    store.onChanges(() => this.invalidate());
  }

  /** The generation of the estate the pages were read from; a change of the clock counts too. */
  current(): number {
    if (this.store.now !== this.now) {
      this.now = this.store.now;
      this.invalidate();
    }
    return this.generation;
  }

  get(key: string): Uint8Array | undefined {
    this.current();
    return this.pages.get(key);
  }

  /** Keeps a page read at `generation`, unless the estate changed since. */
  set(key: string, generation: number, page: Uint8Array): void {
    if (generation !== this.current()) return;
    if (this.bytes + page.byteLength > MAX_BYTES) this.empty();
    if (page.byteLength > MAX_BYTES) return;
    this.pages.set(key, page);
    this.bytes += page.byteLength;
  }

  /** The estate changed: a page being computed meanwhile is not kept either. */
  private invalidate(): void {
    this.generation += 1;
    this.empty();
  }

  private empty(): void {
    if (this.pages.size === 0) return;
    this.pages.clear();
    this.bytes = 0;
  }
}

const caches = new WeakMap<EstateStore, PageCache>();

/**
 * A page of a list of the estate (its route declared with readModelRoute, its answer depending
 * only on the estate, the simulated time, the address asked and the user), answered with the
 * bytes kept for this user and address or, when none are, computed, kept and answered. The user
 * is part of the key: what each row offers depends on the user's role (its refusals name the user).
 */
export function keptPage(d: AppDeps, c: Context<AppEnv>, compute: () => unknown): never {
  let cache = caches.get(d.store);
  if (!cache) caches.set(d.store, (cache = new PageCache(d.store)));
  const principal = c.get('principal');
  const key = `${principal?.username ?? ''}\n${principal?.role ?? ''}\n${c.req.url}`;
  const kept = cache.get(key);
  if (kept) return preserialized(c, kept);
  const generation = cache.current();
  const page = Buffer.from(JSON.stringify(compute()));
  cache.set(key, generation, page);
  return preserialized(c, page);
}
