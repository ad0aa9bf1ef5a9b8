import { integer, text } from 'drizzle-orm/sqlite-core';
import type { Revision } from '@dpm/domain/model';

/** The column kinds every table uses: JSON values, booleans, and an edited object's revision. */
export const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();
export const bool = (name: string) => integer(name, { mode: 'boolean' });
/** The revision of an object administrators edit (STALE); rows from before it was kept start at the first. */
export const revision = () => json<Revision>('revision').notNull().default({ n: 1, by: 'DPM', at: 0 });
