import { Draft } from '../draft';
import type { Estate, Job, JobStatus, JobType } from '../model';

/** What a failed job's error means and what the administrator does about it. */
export interface ErrorHelp {
  meaning: string;
  action: string;
}

/**
 * The errors jobs end with (jobs/complete.ts, server/fail-server.ts), explained as the DPM
 * console's job details do: the cause, then the remedy, in the words of the seed documents.
 */
export const JOB_ERROR_HELP: Record<string, ErrorHelp> = {
  NOT_OWNER: {
    meaning:
      'Another DPM server owns the protection agent on the computer (for example after Switch Disaster Protection), ' +
      'so this server may not protect it.',
    action:
      'If this server should protect the computer again, switch protection back on the secondary DPM server, click ' +
      'Take Ownership in the Agent Ownership Required alert that follows, then run a synchronization job with ' +
      'consistency check.',
  },
  PRIMARY_UNAVAILABLE: {
    meaning:
      'This secondary DPM server copies the replica held by the primary DPM server, and the primary is failed or not ' +
      'installed.',
    action:
      'Rebuild the primary and restore its DPM database (Recover a DPM server), or use Switch Disaster Protection on ' +
      'this server to protect the computer directly.',
  },
  AGENT_MISSING: {
    meaning: 'The computer has no protection agent, so DPM cannot read its data.',
    action: 'Install the agent from Management › Agents › Install, then retry the job.',
  },
  AGENT_UNREACHABLE: {
    meaning:
      'The DPM server cannot contact the protection agent: the computer is down or the network between them fails.',
    action: 'Check that the computer is running and reachable from the DPM server, then retry the job.',
  },
  AGENT_DISABLED: {
    meaning: 'Protection is disabled on the agent of the computer.',
    action: 'Enable protection in Management › Agents, then retry the job.',
  },
  AGENT_ACCESS_DENIED: {
    meaning:
      'The computer does not trust this DPM server: the server is missing from the local groups Distributed COM ' +
      'Users, DPMRADCOMTrustedMachines or DPMRADmTrustedMachines, from the Launch and Activation Permissions of ' +
      'DPM RA Service, or the agent reports to another server.',
    action:
      'Run Re-establish protection in Management › Agents (SetDpmServer, the local groups and DCOM), then run a ' +
      'synchronization job with consistency check.',
  },
  AGENT_INCOMPATIBLE: {
    meaning:
      "The protection agent's major and minor version differ from the DPM server's, so the server cannot use it.",
    action: 'Update the agent from Management › Agents › Update, then retry the job.',
  },
  REPLICA_INCONSISTENT: {
    meaning:
      'The replica is not consistent with the data source, so DPM cannot synchronize it or create recovery points ' +
      'from it.',
    action:
      'Run a synchronization job with consistency check (Protection › Perform consistency check); ' +
      'the next scheduled jobs then succeed.',
  },
  REPLICA_UNAVAILABLE: {
    meaning:
      'The replica volume is missing from the storage pool (a failed disk) or invalid, so the job has nothing to ' +
      'write to.',
    action:
      'For a missing replica, remove the failed disk, add a disk and run DpmSync -ReallocateReplica (Reallocate ' +
      'replicas); for an invalid one, stop its protection and protect it again.',
  },
  NO_FREE_TAPE: {
    meaning: 'The library holds no free tape whose header DPM has read.',
    action:
      'Add tapes or mark expired ones as free in Management › Libraries, run a detailed inventory, ' +
      'then retry the job.',
  },
  LIBRARY_NOT_AVAILABLE: {
    meaning: 'The tape library does not answer the DPM server.',
    action:
      'Check the power and connection of the library, run Rescan in Management › Libraries, ' + 'then retry the job.',
  },
  RECOVERY_POINT_EXPIRED: {
    meaning: 'The recovery point reached the end of its retention range and was removed while the recovery ran.',
    action: 'Start a new recovery from a more recent recovery point.',
  },
  SOURCE_UNAVAILABLE: {
    meaning: 'The DPM server that holds the recovery point is not online.',
    action: "Recover from another copy (the secondary DPM server's or a tape), or bring that server back first.",
  },
  RECOVERY_FAILED: {
    meaning:
      'The data could not be copied to the destination. After a failed restore to replica the replica is ' +
      'inconsistent, which prevents repeated recovery attempts.',
    action:
      'Stop protection of the data source with Delete replica on disk, add it again with manual replica creation, ' +
      'and restore again; if that fails too, the replica is invalid.',
  },
  SERVER_FAILED: {
    meaning: 'The DPM server stopped responding while the job ran.',
    action: 'Recover the DPM server (Recover a DPM server); its protection jobs run again from their schedules.',
  },
  NOT_FOUND: {
    meaning: 'What the job worked on no longer exists: the data source, the tape or the library was removed.',
    action: 'Nothing to run again; check the members of the protection group or the library.',
  },
};

const UNKNOWN_ERROR: ErrorHelp = {
  meaning: 'DPM reported this error for the job.',
  action: 'Retry the job; if it fails again, open the alert raised for it in Monitoring › Alerts.',
};

export function errorHelp(code: string): ErrorHelp {
  return JOB_ERROR_HELP[code] ?? UNKNOWN_ERROR;
}

/** A job as the Jobs list shows it: the job with the names of what it worked on. */
export interface JobView {
  id: string;
  type: JobType;
  status: JobStatus;
  source: string | null;
  computer: string | null;
  group: string | null;
  library: string | null;
  tape: string | null;
  scheduledAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  totalGb: number;
  transferredGb: number;
  error: { code: string; message: string } | null;
  params: Record<string, string>;
}

export interface JobDetails extends JobView {
  serverId: string;
  /** The failed job this one retries, and the job that retried this one. */
  retryOf: string | null;
  retriedBy: string | null;
  /** What the job does, in a sentence. */
  summary: string;
  /** How it went, in a sentence. */
  outcome: string;
  /** For a failed job: what its error means and what to do. */
  help: (ErrorHelp & { code: string; message: string }) | null;
  /** Why Retry / Cancel would be refused now (the verbs' own answer), or null when they apply. */
}

const gb = (n: number) => `${n >= 10 ? n.toFixed(1) : n.toFixed(2)} GB`;

function describe(
  job: Job,
  names: {
    source: string;
    computer: string | null;
    server: string;
    library: string | null;
    tape: string | null;
    secondary: boolean;
  },
): string {
  const on = names.computer ? `${names.source} on ${names.computer}` : names.source;
  const from = names.secondary ? 'the replica on the primary DPM server' : on;
  const lib = names.library ?? 'the library';
  const tape = names.tape ? ` ${names.tape}` : '';
  switch (job.type) {
    case 'Replica creation':
      return `Copies all the data of ${from} to a new replica of ${names.source} on ${names.server}.`;
    case 'Synchronization':
      return `Transfers the changes made to ${from} since the last synchronization to its replica on ${names.server}.`;
    case 'Consistency check':
      return (
        `Synchronization with consistency check: compares ${from} block by block with its replica on ` +
        `${names.server} and copies what differs, which makes an inconsistent replica consistent again.`
      );
    case 'Recovery point':
      return (
        `Synchronizes ${on} and creates a recovery point of it on ${names.server} ` +
        `(${job.params.location === 'Online' ? 'online' : 'disk'}).`
      );
    case 'Express full backup':
      return (
        `Copies every block of ${on} that changed since the last express full backup and creates a recovery ` +
        `point of it on ${names.server}.`
      );
    case 'Tape backup':
      return `Writes a full backup of ${on} to a free tape in ${lib} for long-term protection.`;
    case 'Disk recovery':
    case 'Tape recovery':
      return (
        `Recovers ${job.params.items ?? on} from a recovery point on ` +
        `${job.type === 'Tape recovery' ? 'tape' : 'disk'} ` +
        `(${job.params.recoveryType ?? 'recovery'})${job.params.destination ? ` to ${job.params.destination}` : ''}.`
      );
    case 'Fast inventory':
      return `Reads the barcodes of the tapes in ${lib}.`;
    case 'Detailed inventory':
      return `Reads the header of each tape in ${lib}, so DPM knows which tapes are free, its own or imported.`;
    case 'Library rescan':
      return names.library
        ? `Detects the drives and slots of ${lib} again; a library that answers is available again.`
        : `Detects the tape libraries and stand-alone drives attached to ${names.server}; each one found is known to ` +
            `its DPM database and available again.`;
    case 'Tape recatalog':
      return (
        `Reads the contents of the imported tape${tape} so that its data sets can be recovered from External ` +
        `DPM Tapes.`
      );
    case 'Tape erase data':
      return `Erases the data on tape${tape} and marks it free.`;
    case 'Drive cleaning':
      return `Cleans the drives of ${lib} with a cleaning tape.`;
    case 'Database restore':
      return (
        `DpmSync -RestoreDb: attaches the restored DPM database of ` +
        `${names.server}${job.params.dbLocation ? ` from ${job.params.dbLocation}` : ''}.`
      );
    case 'Database synchronization':
      return `DpmSync -Sync: reconciles the restored DPM database of ${names.server} with its storage pool.`;
  }
}

function outcomeOf(job: Job): string {
  const moved = job.totalGb > 0 ? ` ${gb(job.transferredGb)} of ${gb(job.totalGb)} transferred.` : '';
  switch (job.status) {
    case 'Scheduled':
      return 'Waiting to start.';
    case 'In progress':
      return job.totalGb > 0
        ? `Running: ${Math.round((100 * job.transferredGb) / job.totalGb)}% done,${moved}`
        : 'Running.';
    case 'Completed':
      return job.totalGb > 0 ? `Completed; ${gb(job.transferredGb)} transferred.` : 'Completed.';
    case 'Failed':
      return `Failed: ${job.error?.message ?? 'no reason was recorded.'}`;
    case 'Canceled':
      return `Canceled.${moved}`;
  }
}

/**
 * A job as the Details pane shows it: names instead of ids, what it does and how it went, the
 * meaning of its error, and whether Retry and Cancel apply, answered by the verbs themselves
 * (they are pure, so asking them changes nothing).
 */
export function jobDetails(estate: Estate, jobId: string): JobDetails | null {
  const draft = new Draft(estate);
  const job = draft.get('jobs', jobId);
  if (!job) return null;
  const ds = job.dataSourceId ? draft.get('dataSources', job.dataSourceId) : undefined;
  const computer = job.computerId ? draft.get('computers', job.computerId) : undefined;
  const group = job.groupId ? draft.get('groups', job.groupId) : undefined;
  const library = job.libraryId ? draft.get('libraries', job.libraryId) : undefined;
  const tape = job.tapeId ? draft.get('tapes', job.tapeId) : undefined;
  const replica = job.replicaId ? draft.get('replicas', job.replicaId) : undefined;
  const server = draft.get('servers', job.serverId);
  const retried = draft
    .where('jobs', 'retryOf', job.id)
    .sort((a, b) => b.scheduledAt - a.scheduledAt || b.id.localeCompare(a.id))[0];
  return {
    id: job.id,
    serverId: job.serverId,
    type: job.type,
    status: job.status,
    source: ds?.name ?? null,
    computer: computer?.name ?? null,
    group: group?.name ?? null,
    library: library?.name ?? null,
    tape: tape?.barcode ?? null,
    scheduledAt: job.scheduledAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    totalGb: job.totalGb,
    transferredGb: job.transferredGb,
    error: job.error,
    params: job.params,
    retryOf: job.retryOf,
    retriedBy: retried?.id ?? null,
    summary: describe(job, {
      source: ds?.name ?? library?.name ?? job.type,
      computer: computer?.name ?? null,
      server: server?.name ?? job.serverId,
      library: library?.name ?? null,
      tape: tape?.barcode ?? null,
      secondary: replica !== undefined && replica.sourceServerId !== null && !replica.switched,
    }),
    outcome: outcomeOf(job),
    help: job.status === 'Failed' && job.error ? { ...job.error, ...errorHelp(job.error.code) } : null,
  };
}
