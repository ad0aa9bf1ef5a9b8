import { z } from '@hono/zod-openapi';

/** Recovery: what can be recovered, its recovery points, external DPM tapes. */
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
