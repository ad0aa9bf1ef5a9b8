import { z } from '@hono/zod-openapi';
import { JOB_STATUSES, JOB_TYPES, PROTECTION_STATUSES } from '@dpm/domain/model';

/** Named schemas shared by routes; the same schemas produce /api/openapi.json. */

export const Id = z.string().min(1).max(120).regex(/^[A-Za-z0-9._:-]+$/, 'must be an identifier');

export const ServerParams = z.object({
  serverId: Id.openapi({ param: { name: 'serverId', in: 'path' }, example: 'srv-DS1' }),
});

export const Revision = z
  .object({ n: z.number(), by: z.string(), at: z.number() })
  .openapi('Revision', {
    description:
      'Who changed an object last and when (simulated time). Send `n` back as `expectedRevision` with an edit: a ' +
        'changed object answers 409 STALE.',
  });

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'CHAIN_INDIRECT' }),
      message: z.string(),
      target: z.string().optional(),
      changed: Revision.optional().openapi({ description: 'STALE: the revision the object has now' }),
      requestId: z.string().optional(),
    }),
  })
  .openapi('Error');

const Reason = z.object({ code: z.string(), message: z.string() });

/** One operation of an object as the signed-in user may run it now (the catalogue, packages/domain/src/operations). */
export const OperationAvailability = z
  .object({
    id: z.string().openapi({ example: 'protection.switch' }),
    name: z.string().openapi({ example: 'Switch Disaster Protection' }),
    area: z.enum(['Monitoring', 'Protection', 'Recovery', 'Reporting', 'Management', 'DPM servers', 'Estate']),
    enabled: z.boolean(),
    reason: Reason.nullable().openapi({
      description: 'Why it is disabled: the rule code and its sentence, or FORBIDDEN with the role it needs',
    }),
    intents: z.array(z.object({ intent: z.string(), enabled: z.boolean(), reason: Reason.nullable() })).optional(),
  })
  .openapi('Operation');
export const Operations = z.array(OperationAvailability);

export const PageQuery = {
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
};

export const Version = z
  .object({ major: z.number(), minor: z.number(), build: z.number(), rollup: z.number() })
  .strict();

/** What a DPM server protects, counted: the servers by name, the computers by number (and by name when few). */
export const Protects = z
  .object({
    servers: z
      .array(z.string())
      .openapi({ description: 'Names of the DPM servers it protects as their secondary, sorted' }),
    computers: z.number().int().openapi({ description: 'How many computers it protects directly' }),
    computerNames: z
      .array(z.string())
      .openapi({
        description:
          'Their names when there are at most 10; otherwise empty, read them from GET /servers/{serverId}/protects',
      }),
  })
  .openapi('Protects');

export const ServerSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    fqdn: z.string(),
    version: z.string(),
    versionParts: Version,
    state: z.enum(['Online', 'Failed', 'Not installed']),
    service: z.enum(['Running', 'Offline']),
    vssWriter: z.enum(['Running', 'Stopped']),
    dbRestorePending: z.boolean(),
    primary: z.boolean(),
    secondary: z.boolean(),
    protects: Protects,
    protectedBy: z.array(z.string()),
    activeAlerts: z.number(),
    criticalAlerts: z.number(),
    externalDpm: z.object({ vault: z.string(), addedAt: z.number() }).nullable(),
    dbHistoryNote: z
      .string()
      .nullable()
      .openapi({
        description:
          'What Monitoring › Jobs does not hold: the jobs of a database replaced by a reinstall or a DpmSync ' +
            '-RestoreDb',
      }),
    moveOptions: z
      .array(z.string())
      .openapi({
        description:
          'A failed primary under secondary protection: the supported options for its computers (seed 002, ' +
            'MOVE_UNSUPPORTED)',
      }),
  })
  .openapi('DpmServer');

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

export const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number() });

export const AlertSeverity = z.enum(['Critical', 'Warning', 'Information']);

export const AlertRow = z
  .object({
    id: z.string(),
    name: z.string(),
    severity: AlertSeverity,
    state: z.enum(['Active', 'Inactive']),
    affectedArea: z.string(),
    computer: z.string().nullable(),
    computerId: z.string().nullable(),
    group: z.string().nullable(),
    subjectId: z.string(),
    description: z.string(),
    raisedAt: z.number(),
    resolvedAt: z.number().nullable(),
    recommendedAction: z.string().nullable(),
    acknowledged: z.object({ by: z.string(), at: z.number(), comment: z.string() }).nullable(),
    operations: Operations,
    recommended: OperationAvailability.extend({ target: z.record(z.string(), z.string()) })
      .nullable()
      .openapi({ description: 'The Recommended action link: the operation that fixes the alert, on its object' }),
  })
  .openapi('Alert');

export const JobStatus = z.enum(JOB_STATUSES);
export const JobType = z.enum(JOB_TYPES);

export const JobRow = z
  .object({
    id: z.string(),
    type: JobType,
    status: JobStatus,
    source: z.string().nullable(),
    computer: z.string().nullable(),
    group: z.string().nullable(),
    library: z.string().nullable(),
    tape: z.string().nullable(),
    scheduledAt: z.number(),
    startedAt: z.number().nullable(),
    finishedAt: z.number().nullable(),
    totalGb: z.number(),
    transferredGb: z.number(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    params: z.record(z.string(), z.string()),
    operations: Operations,
  })
  .openapi('Job');

export const Recoverable = z
  .object({
    dataSourceId: z.string(),
    dataSource: z.string(),
    kind: z.string(),
    computerId: z.string(),
    computer: z.string(),
    recoveryPoints: z.number(),
    latest: z.number().nullable(),
  })
  .openapi('RecoverableDataSource');

export const RecoveryPoint = z
  .object({
    id: z.string(),
    time: z.number(),
    location: z.enum(['Disk', 'Tape', 'Online']),
    expiresAt: z.number(),
    tape: z.string().nullable(),
    tapeId: z.string().nullable(),
    external: z.boolean(),
    hasDatabase: z.boolean(),
    sizeGb: z.number(),
  })
  .openapi('RecoveryPoint');

export const ExternalTape = z
  .object({
    tapeId: z.string(),
    barcode: z.string(),
    writtenBy: z.string().nullable(),
    dataSourceId: z.string(),
    dataSource: z.string(),
    computer: z.string(),
    recoveryPoints: z.number(),
  })
  .openapi('ExternalTapeDataSource');

export const AgentRow = z
  .object({
    computerId: z.string(),
    computer: z.string(),
    fqdn: z.string(),
    isDpmServer: z.boolean(),
    agentVersion: z.string(),
    status: z.enum(['OK', 'Unreachable', 'Incompatible', 'Disabled', 'Error']),
    error: z
      .string()
      .nullable()
      .openapi({ description: 'What the agent answered its owner when last contacted, with status Error' }),
    owner: z.string().nullable(),
    ownedByThisServer: z.boolean(),
    pendingOwner: z.string().nullable(),
    protectedMembers: z.number(),
    revision: Revision,
    operations: Operations,
  })
  .openapi('Agent');

export const DiskSummary = z
  .object({
    storagePoolGb: z.number(),
    allocatedGb: z.number(),
    freeGb: z.number(),
    replicas: z.number(),
    disks: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        sizeGb: z.number(),
        allocatedGb: z.number(),
        freeGb: z.number(),
        missing: z.boolean(),
        replicas: z.number(),
        operations: Operations,
      }),
    ),
  })
  .openapi('StoragePool');

export const Tape = z
  .object({
    id: z.string(),
    slot: z.number().nullable(),
    location: z.enum(['Slot', 'Drive', 'I/E port', 'Offsite']),
    barcode: z.string(),
    label: z.string().nullable(),
    status: z.string(),
    dataSets: z.number(),
    expiry: z.number().nullable(),
    writtenBy: z.string().nullable(),
    encrypted: z.boolean(),
    hasDatabaseBackup: z.boolean(),
    operations: Operations,
  })
  .openapi('Tape');

export const Library = z
  .object({
    id: z.string(),
    name: z.string(),
    drives: z.array(z.object({ name: z.string(), needsCleaning: z.boolean() })),
    slots: z.number(),
    doorLocked: z.boolean(),
    enabled: z.boolean(),
    available: z.boolean(),
    lastRescanAt: z.number().nullable(),
    tapes: z.array(Tape),
    revision: Revision,
    operations: Operations,
  })
  .openapi('Library');

const FindingCode = z
  .string()
  .openapi({
    example: 'CHAIN_INDIRECT',
    description: 'A rule code, or NO_SECONDARY for a primary that no secondary protects',
  });

export const Topology = z
  .object({
    servers: z.array(
      z.object({
        serverId: z.string(),
        name: z.string(),
        version: z.string(),
        state: z.enum(['Online', 'Failed', 'Not installed']),
        failed: z.boolean(),
        primary: z.boolean(),
        secondary: z.boolean(),
        protectsItself: z.boolean(),
        protectsServers: z.array(z.string()),
        protectedBy: z.array(z.string()),
        computers: z.number().int(),
        computerList: z.array(z.object({ id: z.string(), name: z.string(), switched: z.boolean() })),
      }),
    ),
    links: z
      .array(z.object({ from: z.string(), to: z.string() }))
      .openapi({ description: 'Secondary protection: `from` protects the DPM server `to`' }),
    findings: z.array(
      z.object({
        code: FindingCode,
        severity: z.enum(['error', 'warning']),
        message: z.string(),
        serverIds: z.array(z.string()),
      }),
    ),
    chains: z.array(z.array(z.string())),
    cycles: z.array(z.array(z.string())),
    protectedComputers: z.number().int(),
  })
  .openapi('Topology');

export const ProtectedItem = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['computer', 'server']),
    how: z.enum(['primary', 'switched', 'secondary']),
  })
  .openapi('ProtectedItem');

export const TopologyMatch = z
  .object({
    kind: z.enum(['server', 'computer']),
    id: z.string(),
    name: z.string(),
    protectedBy: z.array(
      z.object({ serverId: z.string(), name: z.string(), how: z.enum(['primary', 'switched', 'secondary']) }),
    ),
  })
  .openapi('TopologyMatch');

export const ServerListItem = z
  .object({
    id: z.string(),
    name: z.string(),
    fqdn: z.string(),
    version: z.string(),
    state: z.enum(['Online', 'Failed', 'Not installed']),
  })
  .openapi('DpmServerListItem');

export const CommandResult = z
  .object({
    ok: z.literal(true),
    events: z.array(
      z.object({ type: z.string(), serverId: z.string().nullable(), subjectId: z.string(), summary: z.string() }),
    ),
    jobIds: z.array(z.string()),
    /** The jobs it queued, each on its DPM server: the console follows them to their outcome. */
    jobs: z.array(z.object({ jobId: z.string(), serverId: z.string(), type: z.enum(JOB_TYPES) })),
  })
  .openapi('CommandResult');
