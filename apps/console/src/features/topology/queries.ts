import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, unwrap } from '../../api/client';
import { keys } from '../../api/keys';

/**
 * The topology's lists, searched and paged on the server. Keys sit under the topology root,
 * which every live event invalidates, since a command anywhere can change who protects whom.
 */
export type TopologyData = InferResponseType<typeof api.topology.$get, 200>;
export type TopologyServer = TopologyData['servers'][number];
export type TopologyFinding = TopologyData['findings'][number];
export type TopologyMatch = InferResponseType<typeof api.topology.search.$get, 200>['items'][number];

export const PAGE = 50;

/** What a DPM server protects (Protects), by name; `kind` narrows it to computers or servers. */
export const protectsQuery = (serverId: string, search: string, kind?: 'computer' | 'server') =>
  infiniteQueryOptions({
    queryKey: [...keys.topology, 'protects', serverId, search, kind ?? null],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.servers[':serverId'].protects.$get({
          param: { serverId },
          query: { search: search || undefined, kind, cursor: pageParam, limit: String(PAGE) },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** A DPM server or computer by name, with the servers protecting it. */
export const topologySearchQuery = (q: string) =>
  queryOptions({
    queryKey: [...keys.topology, 'search', q],
    queryFn: async () => unwrap(await api.topology.search.$get({ param: {}, query: { q, limit: '8' } })),
    enabled: q.trim() !== '',
  });

/** Connect to DPM server: the servers by name, searched and paged. */
export const serverListQuery = (search: string) =>
  infiniteQueryOptions({
    queryKey: [...keys.topology, 'server-list', search],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.topology.servers.$get({
          param: {},
          query: { search: search || undefined, cursor: pageParam, limit: '20' },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** The topology drawing: every DPM server, who protects whom, and what looks wrong. */
export const topologyQuery = () =>
  queryOptions({
    queryKey: keys.topology,
    queryFn: async () => unwrap(await api.topology.$get({ param: {}, query: {} })),
  });
