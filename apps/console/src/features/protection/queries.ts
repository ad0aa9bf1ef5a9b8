import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { ProtectionStatus } from '@dpm/domain/model';
import { api, unwrap } from '../../api/client';
import { keys } from '../../api/keys';

/**
 * The Protection work area's queries. Keys start with the server's key, so a live event about
 * the server refreshes them (api/live.ts).
 */
const protection = api.servers[':serverId'].protection;

export const groupsQuery = (serverId: string) =>
  queryOptions({
    queryKey: [...keys.server(serverId), 'groups'],
    queryFn: async () => unwrap(await protection.groups.$get({ param: { serverId }, query: {} })),
  });

/** Modify protection group: the group with its goals. */
export const groupQuery = (serverId: string, groupId: string) =>
  queryOptions({
    queryKey: [...keys.server(serverId), 'group', groupId],
    queryFn: async () => unwrap(await protection.groups[':groupId'].$get({ param: { serverId, groupId }, query: {} })),
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

/** The members list, searched, filtered, sorted and paged by the server. */
export const membersQuery = (serverId: string, f: MemberFilter) =>
  infiniteQueryOptions({
    queryKey: [...keys.server(serverId), 'members', f],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await protection.members.$get({
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

/** A member's details: its recovery points, last synchronization, disk allocation. */
export const memberQuery = (serverId: string, replicaId: string) =>
  queryOptions({
    queryKey: [...keys.server(serverId), 'member', replicaId],
    queryFn: async () =>
      unwrap(await protection.members[':replicaId'].$get({ param: { serverId, replicaId }, query: {} })),
  });

/** Create New Protection Group › Select Group Members: the computers and what they hold. */
export const protectableQuery = (serverId: string) =>
  queryOptions({
    queryKey: [...keys.server(serverId), 'protectable'],
    queryFn: async () => unwrap(await protection.protectable.$get({ param: { serverId }, query: {} })),
  });
