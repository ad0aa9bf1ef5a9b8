import type { Version } from '@dpm/domain/model';
import { api, unwrap } from '../../api/client';

/**
 * Recover a DPM server's commands (seeds 000, 001: rehearse the loss, reinstall, DpmSync), one
 * function per API call. Each answers the command's result or throws the server's refusal; the
 * live stream refreshes the views.
 */
const server = api.servers[':serverId'];

export const markFailed = async (serverId: string) =>
  unwrap(await server.fail.$post({ param: { serverId }, json: {} }));

export const reinstall = async (serverId: string, version: Version, fqdn: string) =>
  unwrap(await server.reinstall.$post({ param: { serverId }, json: { version, fqdn } }));

/** DpmSync -RestoreDb -DbLoc <location> [-InstanceName <server\instance>]. */
export const restoreDb = async (serverId: string, dbLocation: string, instanceName: string | null) =>
  unwrap(await server.dpmsync['restore-db'].$post({ param: { serverId }, json: { dbLocation, instanceName } }));

/** DpmSync -Sync, -ReallocateReplica or -DataCopied. */
export const dpmSync = async (serverId: string, which: 'sync' | 'reallocate-replica' | 'data-copied') =>
  unwrap(await server.dpmsync[which].$post({ param: { serverId }, json: {} }));
