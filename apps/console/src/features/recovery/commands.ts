import { api, unwrap } from '../../api/client';

/**
 * The Recovery work area's commands, one function per API call. Each answers the command's
 * result or throws the server's refusal; the live stream refreshes the views.
 */
const recovery = api.servers[':serverId'].recovery;

type RecoverBody = Parameters<(typeof recovery.recover)['$post']>[0]['json'];
type RestoreToReplicaBody = Parameters<(typeof recovery)['restore-to-replica']['$post']>[0]['json'];

/** The Recovery Wizard's Recover. */
export const recover = async (serverId: string, body: RecoverBody) =>
  unwrap(await recovery.recover.$post({ param: { serverId }, json: body }));

/** The Recovery Wizard's Restore to replica: another server's replica that waits for its data. */
export const restoreToReplica = async (serverId: string, body: RestoreToReplicaBody) =>
  unwrap(await recovery['restore-to-replica'].$post({ param: { serverId }, json: body }));

export const addExternalDpm = async (
  serverId: string,
  vault: string,
  passphrase: string,
  credentialsIssuedAt: number,
) =>
  unwrap(
    await recovery['external-dpm'].$post({ param: { serverId }, json: { vault, passphrase, credentialsIssuedAt } }),
  );

export const clearExternalDpm = async (serverId: string) =>
  unwrap(await recovery['external-dpm'].clear.$post({ param: { serverId }, json: {} }));
