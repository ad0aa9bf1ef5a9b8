import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { Group } from '../schemas-protection';
import { Id, Revision, ServerParams } from '../schemas';
import { Refused } from '../http-errors';
import { notFound } from '@dpm/domain/errors';
import { TAPE_FREQUENCIES, TAPE_RETENTION_UNITS } from '@dpm/domain/model';
import { listGroups } from '@dpm/db/views/protection';
import { listProtectable } from '@dpm/db/views/protectable';
import { computeEdges } from '@dpm/domain/topology/topology';
import { checkCanProtect } from '@dpm/domain/protection/rules';
import { createGroupOperation } from '@dpm/domain/protection/create-protection-group';
import { modifyGroupOperation } from '@dpm/domain/protection/modify-protection-group';
import { NoQuery, operationRoute, readRoute, router, run } from './route-kit';
import { offeredFor } from './offers';
import { keptPage } from '../page-cache';
import { readModelRoute } from '../read-models';
import { serverOr404 } from './lookups';

const TAG = 'Protection';
export const GroupParams = ServerParams.extend({ groupId: Id.openapi({ param: { name: 'groupId', in: 'path' } }) });

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
    frequency: z
      .enum(TAPE_FREQUENCIES)
      .openapi({ description: 'How often the scheduled tape backup runs (Specify Long-Term Goals): daily to yearly' }),
    backupTime: z.number().int().min(0).max(1439),
    retention: z
      .object({ count: z.number().int(), unit: z.enum(TAPE_RETENTION_UNITS) })
      .strict()
      .openapi({ description: 'How long each tape backup is kept: from one week to 99 years' }),
    libraryId: Id.nullable(),
    copies: z.number().int().min(1).max(4),
    encrypt: z.boolean(),
  })
  .strict();
const MemberRef = z.object({ dataSourceId: Id, sourceServerId: Id.nullable() }).strict();
const ConsistencyOptions = z
  .object({ runIfInconsistent: z.boolean(), dailyAt: z.number().int().min(0).max(1439).nullable() })
  .strict();

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
    expectedRevision: z
      .number()
      .int()
      .min(0)
      .optional()
      .openapi({ description: 'The revision of the group the wizard showed (STALE)' }),
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

const ProtectedBy = z
  .object({ serverId: z.string(), server: z.string(), groupId: z.string(), group: z.string() })
  .nullable();
const WhyNot = z.object({ code: z.string(), message: z.string() }).nullable().openapi({
  description: "Why this server can't protect it, as DPM decides (rule code and sentence); null when it can",
});
const ProtectableComputer = z
  .object({
    id: z.string(),
    name: z.string(),
    dpmServerId: z.string().nullable(),
    local: z.boolean(),
    agentOwner: z.string().nullable(),
    ownedByThisServer: z.boolean(),
    dataSources: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: z.string(),
        sizeGb: z.number(),
        protectedBy: ProtectedBy,
        whyNot: WhyNot,
      }),
    ),
    replicas: z.array(
      z.object({
        dataSourceId: z.string(),
        sourceServerId: z.string(),
        name: z.string(),
        kind: z.string(),
        sizeGb: z.number(),
        protectedBy: ProtectedBy,
        whyNot: WhyNot,
      }),
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
    revision: Revision,
  })
  .openapi('ProtectionGroupDetails');

const groups = readModelRoute(
  readRoute(
    TAG,
    '/servers/{serverId}/protection/groups',
    'Protection groups of the server, with what can be done to each',
    ServerParams,
    NoQuery,
    z.array(Group),
  ),
);
const group = readRoute(
  TAG,
  '/servers/{serverId}/protection/groups/{groupId}',
  'A protection group with its goals (Modify protection group)',
  GroupParams,
  NoQuery,
  GroupDetails,
);
const protectable = readRoute(
  TAG,
  '/servers/{serverId}/protection/protectable',
  'Select Group Members: computers whose agent the server owns or has attached, their data sources, and the replicas ' +
    'DPM servers among them hold; each says whether this server may protect it',
  ServerParams,
  NoQuery,
  z.array(ProtectableComputer),
);
const createGroup = operationRoute(
  createGroupOperation,
  '/servers/{serverId}/protection/groups',
  ServerParams,
  CreateGroupBody,
  'Create New Protection Group',
);
const modifyGroup = operationRoute(
  modifyGroupOperation,
  '/servers/{serverId}/protection/groups/{groupId}/modify',
  GroupParams,
  ModifyGroupBody,
);

/** Protection › protection groups: the groups, a group's goals, what it may protect, Create and Modify. */
export function protectionGroupRoutes(d: AppDeps) {
  return router()
    .openapi(groups, (c) =>
      keptPage(d, c, () => {
        const { serverId } = c.req.valid('param');
        serverOr404(d, serverId);
        const ops = offeredFor(d, c, 'group');
        return listGroups(d.reads, serverId).map((g) => ({ ...g, operations: ops({ serverId, groupId: g.id }) }));
      }),
    )
    .openapi(group, (c) => {
      const { serverId, groupId } = c.req.valid('param');
      const g = d.store.estate.groups[groupId];
      if (!Object.hasOwn(d.store.estate.groups, groupId) || g?.serverId !== serverId)
        throw new Refused(notFound('protection group', groupId));
      const { serverId: _server, ...details } = g;
      return c.json(details, 200);
    })
    .openapi(protectable, (c) => {
      const { serverId } = c.req.valid('param');
      serverOr404(d, serverId);
      // Whether this server may protect each candidate is the domain's decision (checkCanProtect),
      // with the sentence the wizard shows beside a candidate it greys out.
      const estate = d.store.estate;
      const edges = computeEdges(estate);
      const whyNot = (dataSourceId: string, sourceServerId: string | null) => {
        const refusal = checkCanProtect(estate, serverId, { dataSourceId, sourceServerId }, undefined, edges);
        return refusal ? { code: refusal.code, message: refusal.message } : null;
      };
      return c.json(
        listProtectable(d.reads, serverId).map((computer) => ({
          ...computer,
          dataSources: computer.dataSources.map((ds) => ({ ...ds, whyNot: whyNot(ds.id, null) })),
          replicas: computer.replicas.map((r) => ({ ...r, whyNot: whyNot(r.dataSourceId, r.sourceServerId) })),
        })),
        200,
      );
    })
    .openapi(createGroup, (c) => {
      const { serverId } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(
        run(d, c, createGroupOperation, { serverId, ...body }, { target: `${serverId}/${body.name}` }),
        200,
      );
    })
    .openapi(modifyGroup, (c) => {
      const { serverId, groupId } = c.req.valid('param');
      return c.json(
        run(d, c, modifyGroupOperation, { serverId, groupId, ...c.req.valid('json') }, { target: groupId }),
        200,
      );
    });
}
