import { z } from '@hono/zod-openapi';
import { Revision, Operations } from './schemas';

/** Management: agents, disks, libraries and tapes. */
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
