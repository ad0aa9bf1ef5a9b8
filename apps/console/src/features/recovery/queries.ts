import { queryOptions } from '@tanstack/react-query';
import type { DataSourceKind } from '@dpm/domain/model';
import { RECOVERY_TYPES } from '@dpm/domain/recovery/recovery-types';
import { api, unwrap } from '../../api/client';
import { keys } from '../../api/keys';

/**
 * Replicas of a data source on other DPM servers that wait for their data (seed 000: a rebuilt
 * primary's replicas after DpmSync -ReallocateReplica). They change with events on those other
 * servers, so the key sits under the estate-wide root that every live event invalidates.
 */
export const restoreTargetsQuery = (serverId: string, dataSourceId: string) =>
  queryOptions({
    queryKey: [...keys.servers, 'restore-targets', serverId, dataSourceId],
    queryFn: async () =>
      unwrap(
        await api.servers[':serverId'].recovery['data-sources'][':dataSourceId']['restore-targets'].$get({
          param: { serverId, dataSourceId },
          query: {},
        }),
      ),
  });

/** Recoverable items of file data: the same for every recovery point of the data source. */
export const itemsQuery = (serverId: string, dataSourceId: string) =>
  queryOptions({
    queryKey: [...keys.server(serverId), 'items', dataSourceId],
    queryFn: async () =>
      unwrap(
        await api.servers[':serverId'].recovery['data-sources'][':dataSourceId'].items.$get({
          param: { serverId, dataSourceId },
          query: {},
        }),
      ),
    staleTime: Infinity,
  });

/** The API sends kinds as strings; the Recovery Wizard needs one RECOVERY_TYPES knows. */
export function isDataSourceKind(kind: string): kind is DataSourceKind {
  return Object.hasOwn(RECOVERY_TYPES, kind);
}

/** Recoverable data: the data sources with recovery points, searched by name. */
export const recoverableQuery = (serverId: string, search: string) =>
  queryOptions({
    queryKey: [...keys.server(serverId), 'recoverable', search],
    queryFn: async () =>
      unwrap(
        await api.servers[':serverId'].recovery['data-sources'].$get({
          param: { serverId },
          query: { search: search || undefined },
        }),
      ),
  });

/** A data source's recovery points (`external`: those of an external DPM server's vault). */
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

/** Tapes written by another DPM server, for recovery from them. */
export const externalTapesQuery = (serverId: string) =>
  queryOptions({
    queryKey: [...keys.server(serverId), 'external-tapes'],
    queryFn: async () =>
      unwrap(await api.servers[':serverId'].recovery['external-tapes'].$get({ param: { serverId }, query: {} })),
  });
