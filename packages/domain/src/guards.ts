import type { View } from './view';
import type { DpmServer } from './model';
import type { DomainError } from './errors';
import { notFound, refuse } from './errors';

/** The DPM server a command runs on: it must exist and be online with its service running. */
export function onlineServer(draft: View, serverId: string): DpmServer | DomainError {
  const server = draft.get('servers', serverId);
  if (!server) return notFound('DPM server', serverId);
  if (server.state !== 'Online') {
    return refuse(
      'SERVER_UNAVAILABLE',
      `${server.name} is ${server.state === 'Failed' ? 'failed' : 'not installed'}; connect to a DPM server that is ` +
        `online.`,
      serverId,
    );
  }
  if (server.service !== 'Running') {
    return refuse(
      'SERVER_UNAVAILABLE',
      `The DPM service on ${server.name} is offline while its database is being restored; run DpmSync -Sync first.`,
      serverId,
    );
  }
  return server;
}

/** A DPM server that exists, whatever its state: what a command on a failed server starts from. */
export function knownServer(view: View, serverId: string): DpmServer | DomainError {
  return view.get('servers', serverId) ?? notFound('DPM server', serverId);
}
