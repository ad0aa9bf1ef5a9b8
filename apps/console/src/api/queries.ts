import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { JobStatus, JobType, ProtectionStatus } from '@dpm/domain/model';
import { api, unwrap } from './client';

/**
 * queryOptions factories per feature. Keys start with the server id so a live event about one
 * server invalidates that server's views; mutations invalidate by key root.
 */
export const keys = {
  servers: ['servers'] as const,
  topology: ['topology'] as const,
  clock: ['clock'] as const,
  critical: ['critical-count'] as const,
  server: (serverId: string) => ['server', serverId] as const,
};

export const serversQuery = () => queryOptions({ queryKey: keys.servers, queryFn: async () => unwrap(await api.servers.$get()) });
export const topologyQuery = () => queryOptions({ queryKey: keys.topology, queryFn: async () => unwrap(await api.topology.$get({ param: {}, query: {} })) });
export const clockQuery = () => queryOptions({ queryKey: keys.clock, queryFn: async () => unwrap(await api.clock.$get()) });
export const criticalQuery = () =>
  queryOptions({ queryKey: keys.critical, queryFn: async () => unwrap(await api.alerts['critical-count'].$get()) });

export const groupsQuery = (serverId: string) =>
  queryOptions({
    queryKey: [...keys.server(serverId), 'groups'],
    queryFn: async () => unwrap(await api.servers[':serverId'].protection.groups.$get({ param: { serverId }, query: {} })),
  });

export type MemberSort = 'dataSource' | 'computer' | 'status' | 'replicaPath' | 'lastRecoveryPoint' | 'group';
export interface MemberFilter {
  groupId?: string;
  inactive?: boolean;
  search?: string;
  status?: ProtectionStatus;
  sort: MemberSort;
  dir: 'asc' | 'desc';
}

export const membersQuery = (serverId: string, f: MemberFilter) =>
  infiniteQueryOptions({
    queryKey: [...keys.server(serverId), 'members', f],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.servers[':serverId'].protection.members.$get({
          param: { serverId },
          query: {
            groupId: f.groupId,
            inactive: f.inactive ? 'true' : undefined,
            search: f.search || undefined,
            status: f.status,
            sort: f.sort,
            dir: f.dir,
            cursor: pageParam,
            limit: '100',
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const memberQuery = (serverId: string, replicaId: string) =>
  queryOptions({
    queryKey: [...keys.server(serverId), 'member', replicaId],
    queryFn: async () => unwrap(await api.servers[':serverId'].protection.members[':replicaId'].$get({ param: { serverId, replicaId }, query: {} })),
  });

/** Group by, done by the server's order: each group arrives whole before the next one starts. */
export type AlertGrouping = 'group' | 'computer' | 'severity' | 'state';
export type JobGrouping = 'group' | 'computer' | 'status' | 'type';

export const alertsQuery = (serverId: string, inactive: boolean, groupBy?: AlertGrouping) =>
  infiniteQueryOptions({
    queryKey: [...keys.server(serverId), 'alerts', inactive, groupBy ?? null],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(await api.servers[':serverId'].alerts.$get({ param: { serverId }, query: { inactive: inactive ? 'true' : 'false', groupBy, cursor: pageParam, limit: '100' } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export interface JobFilter {
  status?: JobStatus;
  type?: JobType;
  groupBy?: JobGrouping;
}

export const jobsQuery = (serverId: string, f: JobFilter = {}) =>
  infiniteQueryOptions({
    queryKey: [...keys.server(serverId), 'jobs', f],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(await api.servers[':serverId'].jobs.$get({ param: { serverId }, query: { status: f.status, type: f.type, groupBy: f.groupBy, cursor: pageParam, limit: '100' } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const recoverableQuery = (serverId: string, search: string) =>
  queryOptions({
    queryKey: [...keys.server(serverId), 'recoverable', search],
    queryFn: async () => unwrap(await api.servers[':serverId'].recovery['data-sources'].$get({ param: { serverId }, query: { search: search || undefined } })),
  });

export const pointsQuery = (serverId: string, dataSourceId: string, external: boolean) =>
  queryOptions({
    queryKey: [...keys.server(serverId), 'points', dataSourceId, external],
    queryFn: async () =>
      unwrap(
        await api.servers[':serverId'].recovery['data-sources'][':dataSourceId'].points.$get({
          param: { serverId, dataSourceId },
          query: { external: external ? 'true' : 'false' },
        }),
      ),
  });

export const externalTapesQuery = (serverId: string) =>
  queryOptions({
    queryKey: [...keys.server(serverId), 'external-tapes'],
    queryFn: async () => unwrap(await api.servers[':serverId'].recovery['external-tapes'].$get({ param: { serverId }, query: {} })),
  });

export const agentsQuery = (serverId: string) =>
  queryOptions({ queryKey: [...keys.server(serverId), 'agents'], queryFn: async () => unwrap(await api.servers[':serverId'].agents.$get({ param: { serverId }, query: {} })) });

export const disksQuery = (serverId: string) =>
  queryOptions({ queryKey: [...keys.server(serverId), 'disks'], queryFn: async () => unwrap(await api.servers[':serverId'].disks.$get({ param: { serverId }, query: {} })) });

export const librariesQuery = (serverId: string) =>
  queryOptions({ queryKey: [...keys.server(serverId), 'libraries'], queryFn: async () => unwrap(await api.servers[':serverId'].libraries.$get({ param: { serverId }, query: {} })) });

export const dpmdbReportQuery = () =>
  queryOptions({ queryKey: [...keys.servers, 'dpmdb-report'], queryFn: async () => unwrap(await api.reports['dpmdb-protection'].$get()) });

export const protectableQuery = (serverId: string) =>
  queryOptions({
    queryKey: [...keys.server(serverId), 'protectable'],
    queryFn: async () => unwrap(await api.servers[':serverId'].protection.protectable.$get({ param: { serverId }, query: {} })),
  });

export const groupQuery = (serverId: string, groupId: string) =>
  queryOptions({
    queryKey: [...keys.server(serverId), 'group', groupId],
    queryFn: async () => unwrap(await api.servers[':serverId'].protection.groups[':groupId'].$get({ param: { serverId, groupId }, query: {} })),
  });

/** What the signed-in user can do to a DPM server now (its work areas' buttons, its recovery actions). */
export const serverOperationsQuery = (serverId: string) =>
  queryOptions({
    queryKey: [...keys.server(serverId), 'operations'],
    queryFn: async () => unwrap(await api.servers[':serverId'].operations.$get({ param: { serverId }, query: {} })),
  });
