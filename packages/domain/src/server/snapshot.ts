import type { Draft } from '../draft';
import type { DpmdbSnapshot } from '../model';

/**
 * What a DPMDB backup of `serverId` holds now: its configuration (seed 001, backing up the DPMDB).
 * It holds the group and replica rows themselves, not copies: a row is a value that no command
 * changes in place (a draft writes a new row for every update), so the snapshot keeps them as
 * they are now whatever the server does next.
 */
export function snapshotOf(draft: Draft, serverId: string): DpmdbSnapshot {
  const server = draft.get('servers', serverId);
  if (!server) throw new Error(`snapshotOf: unknown server ${serverId}`);
  return {
    serverName: server.name,
    fqdn: server.fqdn,
    version: server.version,
    groups: draft.where('groups', 'serverId', serverId),
    replicas: draft.where('replicas', 'serverId', serverId),
    ownedComputerIds: draft
      .all('computers')
      .filter((c) => c.agent?.ownerId === serverId)
      .map((c) => c.id)
      .sort(),
    dbHistory: server.dbHistory.map((h) => ({ ...h })),
  };
}
