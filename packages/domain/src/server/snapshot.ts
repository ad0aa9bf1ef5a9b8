import type { Draft } from '../draft';
import type { DpmdbSnapshot } from '../model';

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** What a DPMDB backup of `serverId` holds now: its configuration (seed 001, backing up the DPMDB). */
export function snapshotOf(draft: Draft, serverId: string): DpmdbSnapshot {
  const server = draft.get('servers', serverId);
  if (!server) throw new Error(`snapshotOf: unknown server ${serverId}`);
  return {
    serverName: server.name,
    fqdn: server.fqdn,
    version: server.version,
    groups: draft.where('groups', 'serverId', serverId).map(clone),
    replicas: draft.where('replicas', 'serverId', serverId).map(clone),
    ownedComputerIds: draft
      .all('computers')
      .filter((c) => c.agent?.ownerId === serverId)
      .map((c) => c.id)
      .sort(),
    dbHistory: server.dbHistory.map((h) => ({ ...h })),
  };
}
