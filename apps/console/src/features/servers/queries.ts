import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { keys } from '../../api/queries';

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
