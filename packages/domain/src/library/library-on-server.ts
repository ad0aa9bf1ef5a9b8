import type { DpmServer, Library } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';
import type { View } from '../view';

/** A library of the given online server, enabled or not: what door, drive and enable commands start from. */
export function libraryOf(view: View, serverId: string, libraryId: string): { library: Library; server: DpmServer } | DomainError {
  const library = view.get('libraries', libraryId);
  if (!library || library.serverId !== serverId) return notFound('library', libraryId);
  const server = onlineServer(view, library.serverId);
  if (isDomainError(server)) return server;
  return { library, server };
}

/** An enabled library of the given online server: what tape work needs. */
export function enabledLibrary(view: View, serverId: string, libraryId: string): { library: Library; server: DpmServer } | DomainError {
  const found = libraryOf(view, serverId, libraryId);
  if (isDomainError(found)) return found;
  if (!found.library.enabled) return refuse('INVALID_STATE', `${found.library.name} is disabled. Enable the library first.`, found.library.id);
  return found;
}
