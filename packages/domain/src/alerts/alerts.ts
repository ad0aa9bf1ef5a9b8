import type { Ctx } from '../command';
import type { Draft } from '../draft';
import type { Alert, AlertName, AlertSeverity, Replica } from '../model';

/**
 * Each alert DPM raises, with its severity, DPM's alert ID where DPM has one, and the recommended
 * action link the console offers. The IDs are DPM's own: 3104, 3106, 3115 and 3118 from DPM's
 * management pack, 3114 as DPM's console shows it. Where DPM's ID is not known here
 * the description carries none rather than an invented one that would read as DPM's.
 */
export const ALERT_CATALOG: Record<
  AlertName,
  { severity: AlertSeverity; dpmId: number | null; action: string | null }
> = {
  'Agent Ownership Required': { severity: 'Critical', dpmId: null, action: 'Take Ownership' },
  'Replica is inconsistent': {
    severity: 'Critical',
    dpmId: 3106,
    action: 'Run a synchronization job with consistency check',
  },
  'Replica inconsistent, verification in progress': { severity: 'Warning', dpmId: 3104, action: null },
  'Manual replica creation pending': { severity: 'Information', dpmId: 3118, action: null },
  'Synchronization failed': {
    severity: 'Critical',
    dpmId: 3115,
    action: 'Run a synchronization job with consistency check',
  },
  'Recovery point creation failed': { severity: 'Critical', dpmId: 3114, action: 'Create a recovery point' },
  'Replica is missing': { severity: 'Critical', dpmId: null, action: null },
  'Replica is invalid': { severity: 'Critical', dpmId: null, action: null },
  'Agent unreachable': { severity: 'Critical', dpmId: null, action: null },
  'Agent incompatible': { severity: 'Warning', dpmId: null, action: null },
  'Library not available': { severity: 'Critical', dpmId: null, action: null },
  'Detailed inventory failed': { severity: 'Warning', dpmId: null, action: null },
  'Backup to tape failed': { severity: 'Critical', dpmId: null, action: null },
  'Recovery failed': { severity: 'Critical', dpmId: null, action: null },
  'Recovery succeeded': { severity: 'Information', dpmId: null, action: null },
  // Beyond DPM (Reporting › Readiness check): the action reruns the check once the fixes are in.
  'Readiness check failed': { severity: 'Warning', dpmId: null, action: 'Run readiness check' },
};

export interface AlertSubject {
  serverId: string;
  subjectId: string;
  computerId: string | null;
  groupId: string | null;
  affectedArea: string;
}

/** An alert's Description: DPM's sentence, the detail, and DPM's alert ID it ends with, where DPM has one. */
export function describe(draft: Draft, name: AlertName, subject: AlertSubject, detail?: string): string {
  const server = draft.get('servers', subject.serverId)?.name ?? subject.serverId;
  const id = ALERT_CATALOG[name].dpmId;
  const text: Record<AlertName, string> = {
    'Agent Ownership Required':
      `The protection agent on ${subject.affectedArea} is not owned by ${server}. ` +
      `Protection of its data sources has stopped until ${server} takes ownership.`,
    'Replica is inconsistent':
      `The replica of ${subject.affectedArea} on ${server} is inconsistent with the ` +
      `protected data source. All protection jobs for the data source will fail until the replica is synchronized ` +
      `with consistency check. You can recover data from existing recovery points, but new recovery points cannot be ` +
      `created until the replica is consistent.`,
    'Replica inconsistent, verification in progress':
      `The replica of ${subject.affectedArea} on ${server} is being ` + `synchronized with consistency check.`,
    'Manual replica creation pending':
      `The replica of ${subject.affectedArea} on ${server} is not created: you ` +
      `chose to create it manually. Protection jobs fail until the data is copied to the replica and synchronized ` +
      `with consistency check.`,
    'Synchronization failed': `Synchronization of ${subject.affectedArea} on ${server} failed.`,
    'Recovery point creation failed':
      `The recovery point of ${subject.affectedArea} on ${server} could not be ` + `created.`,
    'Replica is missing':
      `The replica of ${subject.affectedArea} is recorded in the DPM database of ${server} but ` +
      `its volume is missing from the storage pool.`,
    'Replica is invalid':
      `The replica of ${subject.affectedArea} on ${server} is invalid. Remove the data source ` +
      `from protection to continue.`,
    'Agent unreachable': `The protection agent on ${subject.affectedArea} is not reachable from ${server}.`,
    'Agent incompatible':
      `The protection agent on ${subject.affectedArea} is not compatible with the version of DPM ` + `on ${server}.`,
    'Library not available': `The library ${subject.affectedArea} on ${server} is not available.`,
    'Detailed inventory failed': `The detailed inventory of ${subject.affectedArea} on ${server} failed.`,
    'Backup to tape failed': `The tape backup of ${subject.affectedArea} on ${server} failed.`,
    'Recovery failed': `The recovery of ${subject.affectedArea} on ${server} failed.`,
    'Recovery succeeded': `The recovery of ${subject.affectedArea} on ${server} completed successfully.`,
    'Readiness check failed':
      `The readiness check found that ${server} could not be rebuilt as it stands after a ` + `disaster.`,
  };
  return `${text[name]}${detail ? ` ${detail}` : ''}${id === null ? '' : ` (ID ${id})`}`;
}

function activeAlert(draft: Draft, name: AlertName, serverId: string, subjectId: string): Alert | undefined {
  return draft
    .where('alerts', 'subjectId', subjectId)
    .find((a) => a.state === 'Active' && a.name === name && a.serverId === serverId);
}

/** Raises an alert unless the same one is already active for the subject. */
export function raiseAlert(draft: Draft, ctx: Ctx, name: AlertName, subject: AlertSubject, detail?: string): Alert {
  const existing = activeAlert(draft, name, subject.serverId, subject.subjectId);
  if (existing) return existing;
  const alert = draft.put('alerts', {
    id: ctx.newId('alert'),
    serverId: subject.serverId,
    name,
    severity: ALERT_CATALOG[name].severity,
    state: 'Active',
    subjectId: subject.subjectId,
    computerId: subject.computerId,
    groupId: subject.groupId,
    affectedArea: subject.affectedArea,
    description: describe(draft, name, subject, detail),
    raisedAt: ctx.now,
    resolvedAt: null,
    acknowledged: null,
  });
  draft.emit({
    type: 'alert.raised',
    serverId: subject.serverId,
    subjectId: alert.id,
    summary: `${name}: ${subject.affectedArea}`,
  });
  return alert;
}

/** Resolves the active alert of that name for the subject, when its condition has cleared. */
export function resolveAlert(draft: Draft, ctx: Ctx, name: AlertName, serverId: string, subjectId: string): void {
  const existing = activeAlert(draft, name, serverId, subjectId);
  if (!existing) return;
  draft.update('alerts', existing.id, { state: 'Inactive', resolvedAt: ctx.now });
  draft.emit({
    type: 'alert.resolved',
    serverId,
    subjectId: existing.id,
    summary: `${name}: ${existing.affectedArea}`,
  });
}

export function replicaSubject(draft: Draft, replica: Replica): AlertSubject {
  const ds = draft.get('dataSources', replica.dataSourceId);
  const computer = ds ? draft.get('computers', ds.computerId) : undefined;
  return {
    serverId: replica.serverId,
    subjectId: replica.id,
    computerId: computer?.id ?? null,
    groupId: replica.groupId,
    affectedArea: ds ? `${ds.name} on ${computer?.name ?? ds.computerId}` : replica.id,
  };
}

/** Clears every active alert about a subject (its protection was removed). */
export function resolveAllFor(draft: Draft, ctx: Ctx, subjectId: string): void {
  for (const a of draft.where('alerts', 'subjectId', subjectId)) {
    if (a.state === 'Active') {
      draft.update('alerts', a.id, { state: 'Inactive', resolvedAt: ctx.now });
      draft.emit({
        type: 'alert.resolved',
        serverId: a.serverId,
        subjectId: a.id,
        summary: `${a.name}: ${a.affectedArea}`,
      });
    }
  }
}
