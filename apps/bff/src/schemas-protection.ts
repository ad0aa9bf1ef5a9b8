import { z } from '@hono/zod-openapi';
import { PROTECTION_STATUSES } from '@dpm/domain/model';
import { Revision, Operations } from './schemas';

/** The Protection work area: groups, members and a member's details. */
export const ProtectionStatus = z.enum(PROTECTION_STATUSES);

export const Group = z
  .object({
    id: z.string(),
    name: z.string(),
    members: z.number(),
    methods: z.array(z.string()),
    replicaCreation: z.string(),
    revision: Revision,
    operations: Operations,
  })
  .openapi('ProtectionGroup');

export const Member = z
  .object({
    id: z.string(),
    dataSource: z.string(),
    dataSourceId: z.string(),
    kind: z.string(),
    computer: z.string(),
    computerId: z.string(),
    status: ProtectionStatus,
    replicaPath: z.string(),
    lastRecoveryPoint: z.number().nullable(),
    groupId: z.string().nullable(),
    group: z.string().nullable(),
    sourceServer: z.string().nullable(),
    sourceServerId: z.string().nullable(),
    switched: z.boolean(),
    revision: Revision,
    operations: Operations,
  })
  .openapi('Member');

export const MemberDetails = Member.extend({
  allocatedGb: z.number(),
  sizeGb: z.number(),
  lastSyncAt: z.number().nullable(),
  recoveryPoints: z.object({
    disk: z.number(),
    tape: z.number(),
    online: z.number(),
    oldest: z.number().nullable(),
    latest: z.number().nullable(),
  }),
  protectedBy: z.array(z.string()),
}).openapi('MemberDetails');
