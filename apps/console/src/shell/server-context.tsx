import { createContext, useContext } from 'react';

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
