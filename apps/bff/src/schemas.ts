import { z } from '@hono/zod-openapi';
import { JOB_TYPES } from '@dpm/domain/model';

/** Named schemas shared by routes; the same schemas produce /api/openapi.json. */

export const Id = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z0-9._:-]+$/, 'must be an identifier');

export const ServerParams = z.object({
  serverId: Id.openapi({ param: { name: 'serverId', in: 'path' }, example: 'srv-DS1' }),
});

export const Revision = z.object({ n: z.number(), by: z.string(), at: z.number() }).openapi('Revision', {
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
    computerNames: z.array(z.string()).openapi({
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
    moveOptions: z.array(z.string()).openapi({
      description:
        'A failed primary under secondary protection: the supported options for its computers (seed 002, ' +
        'MOVE_UNSUPPORTED)',
    }),
  })
  .openapi('DpmServer');

export const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number() });

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
