import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { keys } from '../../api/keys';

/**
 * Recover a DPM server: each step is derived from the whole estate (the secondary's restores,
 * the protected computers' agents), so the key sits under the estate-wide root that every live
 * event invalidates, not under one server's.
 */
export const runbookQuery = (serverId: string) =>
  queryOptions({
    queryKey: [...keys.servers, 'runbook', serverId],
    queryFn: async () => unwrap(await api.servers[':serverId'].runbook.$get({ param: { serverId } })),
  });

/** The DPM servers of the estate, with their state (the header, Connect to DPM server, Servers). */
export const serversQuery = () =>
  queryOptions({ queryKey: keys.servers, queryFn: async () => unwrap(await api.servers.$get()) });

/** What the signed-in user can do to a DPM server now (its work areas' buttons, its recovery actions). */
export const serverOperationsQuery = (serverId: string) =>
  queryOptions({
    queryKey: [...keys.server(serverId), 'operations'],
    queryFn: async () => unwrap(await api.servers[':serverId'].operations.$get({ param: { serverId }, query: {} })),
  });
