import { api, unwrap } from '../../api/client';

/**
 * The Protection work area's commands, one function per API call. Each answers the command's
 * result, or throws the server's refusal (ApiError); the live stream refreshes the views.
 */
const protection = api.servers[':serverId'].protection;

/** Members by id, or a whole protection group. */
export type MembersOrGroup = { replicaIds: string[] } | { groupId: string };
export type SwitchDirection = 'to-secondary' | 'to-primary';

export const createRecoveryPoints = async (serverId: string, replicaIds: string[]) =>
  unwrap(await protection['recovery-points'].$post({ param: { serverId }, json: { replicaIds, location: 'Disk' } }));

export const checkConsistency = async (serverId: string, target: MembersOrGroup) =>
  unwrap(await protection['consistency-checks'].$post({ param: { serverId }, json: target }));

export const switchProtection = async (serverId: string, target: MembersOrGroup, direction: SwitchDirection) =>
  unwrap(await protection.switch.$post({ param: { serverId }, json: { ...target, direction } }));

export const stopProtection = async (serverId: string, target: MembersOrGroup, retainReplica: boolean) =>
  unwrap(await protection.stop.$post({ param: { serverId }, json: { ...target, retainReplica } }));

export const removeInactive = async (serverId: string, replicaId: string) =>
  unwrap(await protection.members[':replicaId']['remove-inactive'].$post({ param: { serverId, replicaId }, json: {} }));

export const modifyDiskAllocation = async (
  serverId: string,
  replicaId: string,
  allocatedGb: number,
  expectedRevision: number,
) =>
  unwrap(
    await protection.members[':replicaId']['disk-allocation'].$post({
      param: { serverId, replicaId },
      json: { allocatedGb, expectedRevision },
    }),
  );

type CreateGroupBody = Parameters<(typeof protection.groups)['$post']>[0]['json'];
type ModifyGroupBody = Parameters<(typeof protection.groups)[':groupId']['modify']['$post']>[0]['json'];

/** Create New Protection Group › Create Group. */
export const createGroup = async (serverId: string, body: CreateGroupBody) =>
  unwrap(await protection.groups.$post({ param: { serverId }, json: body }));

/** Modify protection group › Update Group. */
export const modifyGroup = async (serverId: string, groupId: string, body: ModifyGroupBody) =>
  unwrap(await protection.groups[':groupId'].modify.$post({ param: { serverId, groupId }, json: body }));
