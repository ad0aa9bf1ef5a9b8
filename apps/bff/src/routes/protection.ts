import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { router, run, serverOr404 } from '../deps';
import { Group, Id, Member, MemberDetails, PageQuery, ProtectionStatus, ServerParams, pageOf } from '../schemas';
import { Refused } from '../http-errors';
import { notFound } from '@dpm/domain/errors';
import { MEMBER_SORTS, listGroups, listMembers, listProtectable, memberDetails } from '@dpm/db/views/protection';
import { computeEdges, protectorsOf } from '@dpm/domain/topology/topology';
import { createProtectionGroup } from '@dpm/domain/protection/create-protection-group';
import { modifyProtectionGroup } from '@dpm/domain/protection/modify-protection-group';
import { stopProtection } from '@dpm/domain/protection/stop-protection';
import { removeInactiveProtection } from '@dpm/domain/protection/remove-inactive-protection';
import { modifyDiskAllocation } from '@dpm/domain/protection/modify-disk-allocation';
import { createRecoveryPoint } from '@dpm/domain/protection/create-recovery-point';
import { performConsistencyCheck } from '@dpm/domain/protection/perform-consistency-check';
import { switchProtection } from '@dpm/domain/protection/switch-protection';
import { NoQuery, commandRoute, readRoute } from './route-kit';

const TAG = 'Protection';
const MemberParams = ServerParams.extend({ replicaId: Id.openapi({ param: { name: 'replicaId', in: 'path' } }) });
const GroupParams = ServerParams.extend({ groupId: Id.openapi({ param: { name: 'groupId', in: 'path' } }) });

const MembersQuery = z
  .object({
    groupId: Id.optional(),
    inactive: z.enum(['true', 'false']).optional(),
    status: ProtectionStatus.optional(),
    search: z.string().max(200).optional(),
    sort: z.enum(MEMBER_SORTS).default('dataSource'),
    dir: z.enum(['asc', 'desc']).default('asc'),
    ...PageQuery,
  })
  .strict();

const Goals = z
  .object({
    retentionDays: z.number().int(),
    syncFrequencyMinutes: z.number().int(),
    recoveryPointTimes: z.array(z.number().int()).max(24),
    expressFullTimes: z.array(z.number().int()).max(24),
  })
  .strict();
const TapeGoals = z
  .object({
    backupsPerDay: z.number().int().min(0).max(24),
    backupTime: z.number().int().min(0).max(1439),
    retentionYears: z.number().int(),
    libraryId: Id.nullable(),
    copies: z.number().int().min(1).max(4),
    encrypt: z.boolean(),
  })
  .strict();
const MemberRef = z.object({ dataSourceId: Id, sourceServerId: Id.nullable() }).strict();
const ConsistencyOptions = z.object({ runIfInconsistent: z.boolean(), dailyAt: z.number().int().min(0).max(1439).nullable() }).strict();

const CreateGroupBody = z
  .object({
    name: z.string().min(1).max(64),
    members: z.array(MemberRef).min(1).max(5000),
    disk: Goals.nullable(),
    tape: TapeGoals.nullable(),
    online: z.object({ recoveryPoints: z.number().int() }).strict().nullable(),
    replicaCreation: z.enum(['Now', 'Later', 'Manually']),
    laterAt: z.number().int().nullable().default(null),
    consistencyCheck: ConsistencyOptions,
    excludedExtensions: z.array(z.string().min(1).max(16)).max(50).default([]),
  })
  .strict()
  .openapi('CreateProtectionGroup');

const ModifyGroupBody = z
  .object({
    name: z.string().min(1).max(64).optional(),
    disk: Goals.nullable().optional(),
    tape: TapeGoals.nullable().optional(),
    online: z.object({ recoveryPoints: z.number().int() }).strict().nullable().optional(),
    consistencyCheck: ConsistencyOptions.optional(),
    excludedExtensions: z.array(z.string().min(1).max(16)).max(50).optional(),
    addMembers: z.array(MemberRef).max(5000).optional(),
  })
  .strict()
  .openapi('ModifyProtectionGroup');

const ProtectedBy = z.object({ serverId: z.string(), server: z.string(), groupId: z.string(), group: z.string() }).nullable();
const ProtectableComputer = z
  .object({
    id: z.string(),
    name: z.string(),
    dpmServerId: z.string().nullable(),
    local: z.boolean(),
    agentOwner: z.string().nullable(),
    ownedByThisServer: z.boolean(),
    dataSources: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), sizeGb: z.number(), protected: z.boolean(), protectedBy: ProtectedBy })),
    replicas: z.array(
      z.object({ dataSourceId: z.string(), sourceServerId: z.string(), name: z.string(), kind: z.string(), sizeGb: z.number(), protected: z.boolean(), protectedBy: ProtectedBy }),
    ),
  })
  .openapi('ProtectableComputer');
const GroupDetails = z
  .object({
    id: z.string(),
    name: z.string(),
    disk: Goals.nullable(),
    tape: TapeGoals.nullable(),
    online: z.object({ recoveryPoints: z.number() }).nullable(),
    replicaCreation: z.enum(['Now', 'Later', 'Manually']),
    consistencyCheck: ConsistencyOptions,
    excludedExtensions: z.array(z.string()),
  })
  .openapi('ProtectionGroupDetails');

const ReplicaSelection = z.object({ replicaIds: z.array(Id).min(1).max(5000) }).strict();
const StopBody = z
  .object({ replicaIds: z.array(Id).min(1).max(5000).optional(), groupId: Id.optional(), retainReplica: z.boolean() })
  .strict()
  .refine((b) => (b.replicaIds === undefined) !== (b.groupId === undefined), { message: 'give either replicaIds or groupId', path: ['replicaIds'] });
const SwitchBody = z
  .object({ replicaIds: z.array(Id).min(1).max(5000).optional(), groupId: Id.optional() })
  .strict()
  .refine((b) => (b.replicaIds === undefined) !== (b.groupId === undefined), { message: 'give either replicaIds or groupId', path: ['replicaIds'] });
const RecoveryPointBody = ReplicaSelection.extend({ location: z.enum(['Disk', 'Tape', 'Online']).default('Disk') }).strict();

const groups = readRoute(TAG, '/servers/{serverId}/protection/groups', 'Protection groups of the server', ServerParams, NoQuery, z.array(Group));
const group = readRoute(TAG, '/servers/{serverId}/protection/groups/{groupId}', 'A protection group with its goals (Modify protection group)', GroupParams, NoQuery, GroupDetails);
const protectable = readRoute(
  TAG,
  '/servers/{serverId}/protection/protectable',
  'Select Group Members: computers whose agent the server owns or has attached, their data sources, and the replicas DPM servers among them hold',
  ServerParams,
  NoQuery,
  z.array(ProtectableComputer),
);
const members = readRoute(TAG, '/servers/{serverId}/protection/members', 'Members, sorted, filtered and paged on the server', ServerParams, MembersQuery, pageOf(Member));
const member = readRoute(TAG, '/servers/{serverId}/protection/members/{replicaId}', 'Details of a member', MemberParams, NoQuery, MemberDetails);
const createGroup = commandRoute(TAG, '/servers/{serverId}/protection/groups', 'Create New Protection Group', ServerParams, CreateGroupBody);
const modifyGroup = commandRoute(TAG, '/servers/{serverId}/protection/groups/{groupId}/modify', 'Modify protection group', GroupParams, ModifyGroupBody);
const stop = commandRoute(TAG, '/servers/{serverId}/protection/stop', 'Stop protection of member / group', ServerParams, StopBody);
const diskAllocation = commandRoute(TAG, '/servers/{serverId}/protection/members/{replicaId}/disk-allocation', 'Modify disk allocation', MemberParams, z.object({ allocatedGb: z.number().positive().max(1_000_000) }).strict());
const removeInactive = commandRoute(TAG, '/servers/{serverId}/protection/members/{replicaId}/remove-inactive', 'Remove inactive protection', MemberParams, z.object({}).strict());
const recoveryPoint = commandRoute(TAG, '/servers/{serverId}/protection/recovery-points', 'Create recovery point', ServerParams, RecoveryPointBody);
const consistency = commandRoute(TAG, '/servers/{serverId}/protection/consistency-checks', 'Perform consistency check', ServerParams, ReplicaSelection);
const switchRoute = commandRoute(TAG, '/servers/{serverId}/protection/switch', 'Switch Disaster Protection (Start-DPMSwitchProtection)', ServerParams, SwitchBody);

export function protectionRoutes(d: AppDeps) {
  return router()
    .openapi(groups, (c) => {
      const { serverId } = c.req.valid('param');
      serverOr404(d, serverId);
      return c.json(listGroups(d.db, serverId), 200);
    })
    .openapi(group, (c) => {
      const { serverId, groupId } = c.req.valid('param');
      const g = d.store.estate.groups[groupId];
      if (g?.serverId !== serverId) throw new Refused(notFound('protection group', groupId));
      const { serverId: _server, ...details } = g;
      return c.json(details, 200);
    })
    .openapi(protectable, (c) => {
      const { serverId } = c.req.valid('param');
      serverOr404(d, serverId);
      return c.json(listProtectable(d.db, serverId), 200);
    })
    .openapi(members, (c) => {
      const { serverId } = c.req.valid('param');
      serverOr404(d, serverId);
      const q = c.req.valid('query');
      return c.json(listMembers(d.db, { ...q, serverId, inactive: q.inactive === 'true' }), 200);
    })
    .openapi(member, (c) => {
      const { serverId, replicaId } = c.req.valid('param');
      const server = serverOr404(d, serverId);
      const edges = computeEdges(d.store.estate);
      const protectedBy = protectorsOf(edges, server.id).map((id) => d.store.estate.servers[id]?.name ?? id);
      const details = memberDetails(d.db, serverId, replicaId, protectedBy);
      if (!details) throw new Refused(notFound('protected member', replicaId));
      return c.json(details, 200);
    })
    .openapi(createGroup, (c) => {
      const { serverId } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(run(d, c, 'protection.create-group', createProtectionGroup, { serverId, ...body }, `${serverId}/${body.name}`), 200);
    })
    .openapi(modifyGroup, (c) => {
      const { serverId, groupId } = c.req.valid('param');
      if (d.store.estate.groups[groupId]?.serverId !== serverId) throw new Refused(notFound('protection group', groupId));
      return c.json(run(d, c, 'protection.modify-group', modifyProtectionGroup, { groupId, ...c.req.valid('json') }, groupId), 200);
    })
    .openapi(stop, (c) => {
      const { serverId } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(run(d, c, 'protection.stop', stopProtection, { serverId, ...body }, body.groupId ?? (body.replicaIds ?? []).join(',')), 200);
    })
    .openapi(diskAllocation, (c) => {
      const { serverId, replicaId } = c.req.valid('param');
      onServer(d, serverId, [replicaId]);
      return c.json(run(d, c, 'protection.disk-allocation', modifyDiskAllocation, { replicaId, allocatedGb: c.req.valid('json').allocatedGb }, replicaId), 200);
    })
    .openapi(removeInactive, (c) => {
      const { serverId, replicaId } = c.req.valid('param');
      if (d.store.estate.replicas[replicaId]?.serverId !== serverId) throw new Refused(notFound('replica', replicaId));
      return c.json(run(d, c, 'protection.remove-inactive', removeInactiveProtection, { replicaId }, replicaId), 200);
    })
    .openapi(recoveryPoint, (c) => {
      const { serverId } = c.req.valid('param');
      const body = c.req.valid('json');
      onServer(d, serverId, body.replicaIds);
      return c.json(run(d, c, 'protection.create-recovery-point', createRecoveryPoint, body, body.replicaIds.join(',')), 200);
    })
    .openapi(consistency, (c) => {
      const { serverId } = c.req.valid('param');
      const body = c.req.valid('json');
      onServer(d, serverId, body.replicaIds);
      return c.json(run(d, c, 'protection.consistency-check', performConsistencyCheck, body, body.replicaIds.join(',')), 200);
    })
    .openapi(switchRoute, (c) => {
      const { serverId } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(run(d, c, 'protection.switch', switchProtection, { serverId, ...body }, body.groupId ?? (body.replicaIds ?? []).join(',')), 200);
    });
}

/** Members named in a request must belong to the server in its path. */
function onServer(d: AppDeps, serverId: string, replicaIds: string[]): void {
  for (const id of replicaIds) {
    if (d.store.estate.replicas[id]?.serverId !== serverId) throw new Refused(notFound('protected member', id));
  }
}
