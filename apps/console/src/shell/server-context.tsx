import { createContext, useContext } from 'react';
import { isOnline } from '@dpm/domain/model';

export interface ConnectedServer {
  serverId: string;
  connect: (serverId: string) => void;
}

export const ServerContext = createContext<ConnectedServer | null>(null);

/** The DPM server the console is connected to; every work area shows its view. */
export function useConnectedServer(): ConnectedServer {
  const ctx = useContext(ServerContext);
  if (!ctx) throw new Error('useConnectedServer outside the shell');
  return ctx;
}

/** The server chosen in Connect to DPM server, kept across reloads. */
export const CHOSEN_SERVER_KEY = 'dpm.connectedServer';
/** The server the console showed last, chosen or not. */
export const LAST_SERVER_KEY = 'dpm.lastServer';

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Remembers the server the console shows, so a reload can ask for its views before the server list arrives. */
export function rememberServer(serverId: string): void {
  try {
    localStorage.setItem(LAST_SERVER_KEY, serverId);
  } catch {
    /* storage refused (private mode, quota): the next reload asks in turn */
  }
}

/** The server the console shows: the one chosen while it exists, else the first online one, else the first. */
export function pickServer<S extends Parameters<typeof isOnline>[0] & { id: string }>(
  list: readonly S[],
  chosen: string | null,
): string | null {
  if (chosen && list.some((s) => s.id === chosen)) return chosen;
  return list.find(isOnline)?.id ?? list[0]?.id ?? null;
}

/**
 * The server whose views a page will show. With the server list at hand, the shell's own choice;
 * before it arrives (a reload), the one chosen or else shown last: a guess, to ask for its views
 * alongside the list rather than after it. A wrong guess costs a request, never a wrong view.
 */
export function expectedServer(list: Parameters<typeof pickServer>[0] | undefined): string | null {
  const chosen = stored(CHOSEN_SERVER_KEY);
  return list ? pickServer(list, chosen) : (chosen ?? stored(LAST_SERVER_KEY));
}
