import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { keys } from '../../api/keys';

/** Re-establish protection: what seed 000 has the administrator verify on a protected computer. */
export const agentChecksQuery = (serverId: string, computerId: string) =>
  queryOptions({
    queryKey: [...keys.server(serverId), 'agent-checks', computerId],
    // Another server's command (Switch Disaster Protection, SetDpmServer) changes the computer too.
    staleTime: 0,
    queryFn: async () =>
      unwrap(
        await api.servers[':serverId'].agents[':computerId'].checks.$get({
          param: { serverId, computerId },
          query: {},
        }),
      ),
  });

/** Protection Agent Installation Wizard › Select Computers. */
export const agentCandidatesQuery = (serverId: string, search: string) =>
  queryOptions({
    queryKey: [...keys.server(serverId), 'agent-candidates', search],
    queryFn: async () =>
      unwrap(await api.servers[':serverId'].agents.candidates.$get({ param: { serverId }, query: { search } })),
  });

/** Disks: the replicas that use the storage pool. */
export const poolReplicasQuery = (serverId: string) =>
  queryOptions({
    queryKey: [...keys.server(serverId), 'disks', 'replicas'],
    queryFn: async () => unwrap(await api.servers[':serverId'].disks.replicas.$get({ param: { serverId }, query: {} })),
  });

/** View tape contents. */
export const tapeContentsQuery = (serverId: string, tapeId: string) =>
  queryOptions({
    queryKey: [...keys.server(serverId), 'tape-contents', tapeId],
    retry: false,
    queryFn: async () =>
      unwrap(await api.servers[':serverId'].tapes[':tapeId'].contents.$get({ param: { serverId, tapeId }, query: {} })),
  });

/** Online: the vault registration (never the passphrase). */
export const onlineQuery = (serverId: string) =>
  queryOptions({
    queryKey: [...keys.server(serverId), 'online'],
    queryFn: async () => unwrap(await api.servers[':serverId'].online.$get({ param: { serverId }, query: {} })),
  });

/** Estate: the simulated domain. Under the servers key, which every command invalidates. */
export const estateQuery = () =>
  queryOptions({
    queryKey: [...keys.servers, 'estate'],
    queryFn: async () => unwrap(await api.estate.$get({ param: {}, query: {} })),
  });

/** Agents: the protected computers' agents. */
export const agentsQuery = (serverId: string) =>
  queryOptions({
    queryKey: [...keys.server(serverId), 'agents'],
    queryFn: async () => unwrap(await api.servers[':serverId'].agents.$get({ param: { serverId }, query: {} })),
  });

/** Disks: the storage pool. */
export const disksQuery = (serverId: string) =>
  queryOptions({
    queryKey: [...keys.server(serverId), 'disks'],
    queryFn: async () => unwrap(await api.servers[':serverId'].disks.$get({ param: { serverId }, query: {} })),
  });

/** Libraries: the tape libraries and their tapes. */
export const librariesQuery = (serverId: string) =>
  queryOptions({
    queryKey: [...keys.server(serverId), 'libraries'],
    queryFn: async () => unwrap(await api.servers[':serverId'].libraries.$get({ param: { serverId }, query: {} })),
  });
