import type { Ctx } from '../command';
import type { Draft } from '../draft';
import type { AlertName, ProtectionStatus, Replica } from '../model';
import { raiseAlert, replicaSubject, resolveAlert } from '../alerts/alerts';

/**
 * The replica protection status machine (from seeds 000 and 001 and DPM's
 * documentation of protection status). Each status lists the statuses it may move to and what
 * moves it there; setReplicaStatus refuses any other move as a programming error, so a verb can't
 * invent a transition DPM does not make. Going to the same status is not a move.
 */
export const REPLICA_TRANSITIONS: Record<ProtectionStatus, Partial<Record<ProtectionStatus, string>>> = {
  'Replica creation pending': {
    OK: 'the replica creation job completes',
    'Replica is inconsistent': 'the replica creation job fails or is canceled',
    'Replica is missing': 'DpmSync -Sync finds no volume, or its disk fails',
    'Inactive replica available': 'protection stops with Retain replicas on disk',
  },
  'Manual replica creation pending': {
    'Replica inconsistent, verification in progress': 'the consistency check after the data was restored starts',
    'Replica is inconsistent': 'a restore to replica fails, or a check of the restored data fails',
    'Replica is invalid': 'a second restore to replica fails',
    'Replica is missing': 'its disk fails',
    'Inactive replica available': 'protection stops with Retain replicas on disk',
  },
  OK: {
    'Replica is inconsistent':
      'a synchronization fails, protection is switched, an unclean shutdown, or another server took ownership of the ' +
      'agent',
    'Replica inconsistent, verification in progress': 'a consistency check starts',
    'Replica is missing': 'DpmSync -Sync finds no volume, or its disk fails',
    'Inactive replica available': 'protection stops with Retain replicas on disk',
  },
  'Replica is inconsistent': {
    'Replica inconsistent, verification in progress': 'a consistency check starts',
    'Replica is missing': 'DpmSync -Sync finds no volume, or its disk fails',
    'Inactive replica available': 'protection stops with Retain replicas on disk',
  },
  'Replica inconsistent, verification in progress': {
    OK: 'the consistency check completes',
    'Replica is inconsistent': 'the consistency check fails or is canceled, or protection is switched',
    'Replica is missing': 'DpmSync -Sync finds no volume, or its disk fails',
    'Inactive replica available': 'protection stops with Retain replicas on disk',
  },
  'Replica is missing': {
    'Manual replica creation pending': 'DpmSync -ReallocateReplica',
    'Inactive replica available': 'protection stops with Retain replicas on disk',
  },
  'Replica is invalid': {
    'Inactive replica available': 'protection stops with Retain replicas on disk',
  },
  'Inactive replica available': {},
};

export function canMove(from: ProtectionStatus, to: ProtectionStatus): boolean {
  return from === to || REPLICA_TRANSITIONS[from][to] !== undefined;
}

/** Alerts that follow a replica's protection status: raised on entering it, cleared on leaving it. */
export const STATUS_ALERTS: Partial<Record<ProtectionStatus, AlertName>> = {
  'Replica is inconsistent': 'Replica is inconsistent',
  'Replica inconsistent, verification in progress': 'Replica inconsistent, verification in progress',
  'Manual replica creation pending': 'Manual replica creation pending',
  'Replica is missing': 'Replica is missing',
  'Replica is invalid': 'Replica is invalid',
};

/** Statuses whose replica holds consistent data a consistency check can verify or repair. */
export const CHECKABLE_STATUSES: readonly ProtectionStatus[] = [
  'OK',
  'Replica is inconsistent',
  'Replica inconsistent, verification in progress',
];

/**
 * Puts a replica in a new protection status and makes the status alerts follow: the alert of the
 * old status clears, the alert of the new one rises.
 */
export function setReplicaStatus(
  draft: Draft,
  ctx: Ctx,
  replicaId: string,
  status: ProtectionStatus,
  patch: Partial<Replica> = {},
): Replica {
  const before = draft.get('replicas', replicaId);
  if (!before) throw new Error(`setReplicaStatus: replica ${replicaId} is not in the slice`);
  if (!canMove(before.status, status))
    throw new Error(`setReplicaStatus: a replica does not move from "${before.status}" to "${status}"`);
  const after = draft.update('replicas', replicaId, { ...patch, status });
  if (before.status !== status) {
    draft.emit({
      type: 'replica.status',
      serverId: after.serverId,
      subjectId: after.id,
      summary: `${before.status} → ${status}`,
    });
    const oldAlert = STATUS_ALERTS[before.status];
    if (oldAlert) resolveAlert(draft, ctx, oldAlert, after.serverId, after.id);
  }
  const newAlert = STATUS_ALERTS[status];
  if (newAlert) raiseAlert(draft, ctx, newAlert, replicaSubject(draft, after));
  return after;
}
