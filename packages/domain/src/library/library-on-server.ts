import type { DpmServer, Library } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';
import type { View } from '../view';

/**
 * Whether the server's DPM database knows the library: a Rescan since DPM was (re)installed found
 * it. A new DPMDB knows no library until then (seed 000, Recover a DPM database, step 6).
 */
export function knownLibrary(library: Pick<Library, 'lastRescanAt'>, server: Pick<DpmServer, 'installedAt'>): boolean {
  return library.lastRescanAt !== null && library.lastRescanAt >= server.installedAt;
}

/** A library of the given online server, enabled or not: what door, drive and enable commands start from. */
export function libraryOf(
  view: View,
  serverId: string,
  libraryId: string,
): { library: Library; server: DpmServer } | DomainError {
  const library = view.get('libraries', libraryId);
  if (!library || library.serverId !== serverId) return notFound('library', libraryId);
  const server = onlineServer(view, library.serverId);
  if (isDomainError(server)) return server;
  if (!knownLibrary(library, server)) {
    return refuse(
      'NOT_FOUND',
      `${server.name} has not detected ${library.name} since DPM was installed. Click Rescan in Management › ` +
        `Libraries.`,
      library.id,
    );
  }
  return { library, server };
}

/** An enabled library of the given online server: what tape work needs. */
export function enabledLibrary(
  view: View,
  serverId: string,
  libraryId: string,
): { library: Library; server: DpmServer } | DomainError {
  const found = libraryOf(view, serverId, libraryId);
  if (isDomainError(found)) return found;
  if (!found.library.enabled)
    return refuse('INVALID_STATE', `${found.library.name} is disabled. Enable the library first.`, found.library.id);
  return found;
}
