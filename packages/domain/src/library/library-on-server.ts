import type { Draft } from '../command';
import type { DpmServer, Library } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound } from '../errors';
import { onlineServer } from '../guards';

/** A library of an online server, enabled or not: what door, drive and enable commands start from. */
export function libraryOf(draft: Draft, libraryId: string): { library: Library; server: DpmServer } | DomainError {
  const library = draft.get('libraries', libraryId);
  if (!library) return notFound('library', libraryId);
  const server = onlineServer(draft, library.serverId);
  if (isDomainError(server)) return server;
  return { library, server };
}
