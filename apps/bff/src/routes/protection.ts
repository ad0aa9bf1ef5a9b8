import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { Id, PageQuery, ServerParams, pageOf } from '../schemas';
import { Member, MemberDetails, ProtectionStatus } from '../schemas-protection';
import { Refused } from '../http-errors';
import { notFound } from '@dpm/domain/errors';
import { MEMBER_SORTS, listMembers, memberDetails } from '@dpm/db/views/protection';
import { computeEdges, protectorsOf } from '@dpm/domain/topology/topology';
import { stopGroupOperation, stopMemberOperation } from '@dpm/domain/protection/stop-protection';
import { removeInactiveOperation } from '@dpm/domain/protection/remove-inactive-protection';
import { diskAllocationOperation } from '@dpm/domain/protection/modify-disk-allocation';
import { recoveryPointOperation } from '@dpm/domain/protection/create-recovery-point';
import { checkGroupOperation, checkMemberOperation } from '@dpm/domain/protection/perform-consistency-check';
import {
  SWITCH_DIRECTIONS,
  switchGroupOperation,
  switchMemberOperation,
} from '@dpm/domain/protection/switch-protection';
import { NoBody, NoQuery, operationRoute, readRoute, router, run } from './route-kit';
import { offeredFor } from './offers';
import { serverOr404 } from './lookups';
import { memberTotalsOf } from '../list-totals';
import { keptPage } from '../page-cache';
import { readModelRoute } from '../read-models';

const TAG = 'Protection';
const MemberParams = ServerParams.extend({ replicaId: Id.openapi({ param: { name: 'replicaId', in: 'path' } }) });
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

const ReplicaSelection = z.object({ replicaIds: z.array(Id).min(1).max(5000) }).strict();
const CheckSelection = z
  .object({ replicaIds: z.array(Id).min(1).max(5000).optional(), groupId: Id.optional() })
  .strict()
  .refine((b) => (b.replicaIds === undefined) !== (b.groupId === undefined), {
    message: 'give either replicaIds or groupId',
    path: ['replicaIds'],
  });
const StopBody = z
  .object({ replicaIds: z.array(Id).min(1).max(5000).optional(), groupId: Id.optional(), retainReplica: z.boolean() })
  .strict()
  .refine((b) => (b.replicaIds === undefined) !== (b.groupId === undefined), {
    message: 'give either replicaIds or groupId',
    path: ['replicaIds'],
  });
const SwitchBody = z
  .object({
    replicaIds: z.array(Id).min(1).max(5000).optional(),
    groupId: Id.optional(),
    direction: z.enum(SWITCH_DIRECTIONS).openapi({
      description:
        'What the administrator chose: switch to this (secondary) server, or back to the primary. A direction ' +
        'already in effect is refused with 409 ALREADY_SWITCHED or NOT_SWITCHED and changes nothing.',
    }),
  })
  .strict()
  .refine((b) => (b.replicaIds === undefined) !== (b.groupId === undefined), {
    message: 'give either replicaIds or groupId',
    path: ['replicaIds'],
  });
const RecoveryPointBody = ReplicaSelection.extend({
  location: z.enum(['Disk', 'Tape', 'Online']).default('Disk'),
}).strict();

const members = readModelRoute(
  readRoute(
    TAG,
    '/servers/{serverId}/protection/members',
    'Members, sorted, filtered and paged on the server, with what can be done to each',
    ServerParams,
    MembersQuery,
    pageOf(Member),
  ),
);
const member = readRoute(
  TAG,
  '/servers/{serverId}/protection/members/{replicaId}',
  'Details of a member',
  MemberParams,
  NoQuery,
  MemberDetails,
);
const stop = operationRoute(
  [stopMemberOperation, stopGroupOperation],
  '/servers/{serverId}/protection/stop',
  ServerParams,
  StopBody,
);
const diskAllocation = operationRoute(
  diskAllocationOperation,
  '/servers/{serverId}/protection/members/{replicaId}/disk-allocation',
  MemberParams,
  z
    .object({ allocatedGb: z.number().positive().max(1_000_000), expectedRevision: z.number().int().min(0).optional() })
    .strict(),
);
const removeInactive = operationRoute(
  removeInactiveOperation,
  '/servers/{serverId}/protection/members/{replicaId}/remove-inactive',
  MemberParams,
  NoBody,
);
const recoveryPoint = operationRoute(
  recoveryPointOperation,
  '/servers/{serverId}/protection/recovery-points',
  ServerParams,
  RecoveryPointBody,
);
const consistency = operationRoute(
  [checkMemberOperation, checkGroupOperation],
  '/servers/{serverId}/protection/consistency-checks',
  ServerParams,
  CheckSelection,
);
const switchRoute = operationRoute(
  [switchMemberOperation, switchGroupOperation],
  '/servers/{serverId}/protection/switch',
  ServerParams,
  SwitchBody,
  'Switch Disaster Protection (Start-DPMSwitchProtection), in the direction chosen',
);

const listOf = (ids: string[] | undefined) => (ids ?? []).join(',');

/** Protection › members: the members of the groups, one member's details, and the commands on them. */
export function protectionRoutes(d: AppDeps) {
  return router()
    .openapi(members, (c) =>
      keptPage(d, c, () => {
        const { serverId } = c.req.valid('param');
        serverOr404(d, serverId);
        const q = c.req.valid('query');
        const totals = memberTotalsOf(d.store);
        const page = listMembers(d.reads, { ...q, serverId, inactive: q.inactive === 'true' }, (f, count) =>
          totals.of(f, count),
        );
        const ops = offeredFor(d, c, 'member');
        return { ...page, items: page.items.map((m) => ({ ...m, operations: ops({ serverId, replicaId: m.id }) })) };
      }),
    )
    .openapi(member, (c) => {
      const { serverId, replicaId } = c.req.valid('param');
      const server = serverOr404(d, serverId);
      const edges = computeEdges(d.store.estate);
      const protectedBy = protectorsOf(edges, server.id).map((id) => d.store.estate.servers[id]?.name ?? id);
      const details = memberDetails(d.reads, serverId, replicaId, protectedBy);
      if (!details) throw new Refused(notFound('protected member', replicaId));
      return c.json({ ...details, operations: offeredFor(d, c, 'member')({ serverId, replicaId }) }, 200);
    })
    .openapi(stop, (c) => {
      const { serverId } = c.req.valid('param');
      const body = c.req.valid('json');
      const op = body.groupId !== undefined ? stopGroupOperation : stopMemberOperation;
      return c.json(run(d, c, op, { serverId, ...body }, { target: body.groupId ?? listOf(body.replicaIds) }), 200);
    })
    .openapi(diskAllocation, (c) => {
      const { serverId, replicaId } = c.req.valid('param');
      return c.json(
        run(d, c, diskAllocationOperation, { serverId, replicaId, ...c.req.valid('json') }, { target: replicaId }),
        200,
      );
    })
    .openapi(removeInactive, (c) => {
      const { serverId, replicaId } = c.req.valid('param');
      return c.json(run(d, c, removeInactiveOperation, { serverId, replicaId }, { target: replicaId }), 200);
    })
    .openapi(recoveryPoint, (c) => {
      const { serverId } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(run(d, c, recoveryPointOperation, { serverId, ...body }, { target: listOf(body.replicaIds) }), 200);
    })
    .openapi(consistency, (c) => {
      const { serverId } = c.req.valid('param');
      const body = c.req.valid('json');
      const op = body.groupId !== undefined ? checkGroupOperation : checkMemberOperation;
      return c.json(run(d, c, op, { serverId, ...body }, { target: body.groupId ?? listOf(body.replicaIds) }), 200);
    })
    .openapi(switchRoute, (c) => {
      const { serverId } = c.req.valid('param');
      const body = c.req.valid('json');
      const op = body.groupId !== undefined ? switchGroupOperation : switchMemberOperation;
      return c.json(
        run(
          d,
          c,
          op,
          { serverId, ...body },
          { target: `${body.groupId ?? listOf(body.replicaIds)} ${body.direction}` },
        ),
        200,
      );
    });
}
