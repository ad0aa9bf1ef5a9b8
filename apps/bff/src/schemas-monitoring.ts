import { z } from '@hono/zod-openapi';
import { JOB_STATUSES, JOB_TYPES } from '@dpm/domain/model';
import { OperationAvailability, Operations } from './schemas';

/** Monitoring: alerts and jobs. */
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
