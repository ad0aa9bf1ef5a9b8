/** Jobs (Monitoring › Jobs) and alerts (Monitoring › Alerts). */

export const JOB_TYPES = [
  'Replica creation',
  'Synchronization',
  'Consistency check',
  'Recovery point',
  'Express full backup',
  'Tape backup',
  'Tape recovery',
  'Disk recovery',
  'Fast inventory',
  'Detailed inventory',
  'Library rescan',
  'Tape recatalog',
  'Tape erase data',
  'Drive cleaning',
  'Database restore',
  'Database synchronization',
] as const;
export type JobType = (typeof JOB_TYPES)[number];

export const JOB_STATUSES = ['Scheduled', 'In progress', 'Completed', 'Failed', 'Canceled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface Job {
  id: string;
  serverId: string;
  type: JobType;
  status: JobStatus;
  replicaId: string | null;
  dataSourceId: string | null;
  groupId: string | null;
  computerId: string | null;
  libraryId: string | null;
  tapeId: string | null;
  scheduledAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  totalGb: number;
  transferredGb: number;
  error: { code: string; message: string } | null;
  /** Extra parameters of the job (recovery target, inventory kind, …). */
  params: Record<string, string>;
  retryOf: string | null;
}

export type AlertSeverity = 'Critical' | 'Warning' | 'Information';
export type AlertState = 'Active' | 'Inactive';

export type AlertName =
  | 'Agent Ownership Required'
  | 'Replica is inconsistent'
  | 'Replica inconsistent, verification in progress'
  | 'Manual replica creation pending'
  | 'Synchronization failed'
  | 'Recovery point creation failed'
  | 'Replica is missing'
  | 'Replica is invalid'
  | 'Agent unreachable'
  | 'Agent incompatible'
  | 'Library not available'
  | 'Detailed inventory failed'
  | 'Backup to tape failed'
  | 'Recovery failed'
  | 'Recovery succeeded'
  | 'Readiness check failed';

export interface Alert {
  id: string;
  serverId: string;
  name: AlertName;
  severity: AlertSeverity;
  state: AlertState;
  /** What the alert is about: a replica, a computer, a library or a job. */
  subjectId: string;
  computerId: string | null;
  groupId: string | null;
  affectedArea: string;
  description: string;
  raisedAt: number;
  resolvedAt: number | null;
  acknowledged: { by: string; at: number; comment: string } | null;
}
