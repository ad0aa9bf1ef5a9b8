import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { DataSource, DpmServer, Estate, RecoveryPoint } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';
import { scheduleJob } from '../jobs/jobs';
import { isCataloged } from '../library/tape-status';
import { checkCertificate } from '../library/tape-command';
import { roleAllows } from '../roles';
import type { View } from '../view';
import { knownLibrary } from '../library/library-on-server';
import type { Actor, Targets } from '../operations/operation';
import { actorOf, defineOperation } from '../operations/operation';
import type { DatabaseState, ExistingVersionBehaviour, RecoveryType, RestoreSecurity } from './recovery-types';
import {
  RECOVERY_TYPES,
  databaseNameRefusal,
  latestRefusal,
  needsDestination,
  recoversFiles,
  recoversToInstance,
} from './recovery-types';
import { hasItems, recoverableItems, type RecoverableItem } from './recoverable-items';

export type RecoverType = Exclude<RecoveryType, 'Restore to replica'>;

export interface Recover {
  serverId: string;
  /** A recovery point the server knows, or… */
  recoveryPointId?: string;
  /** …a data set read straight from a tape in its library. */
  tape?: { tapeId: string; dataSetIndex: number };
  recoveryType: RecoverType;
  destination: string | null;
  /** Recoverable items (files and folders) of file data; none or empty: the whole data source. */
  items?: string[];
  /** Recovery time › Latest: a database is brought to its latest state (latestRefusal). */
  latest?: boolean;
  /** Specify Database State, for a recovery into an instance of SQL Server (default: operational). */
  databaseState?: DatabaseState;
  /** Recover to any SQL instance: the name of the recovered database (default: its own name). */
  databaseName?: string;
  /** Files and folders recovered to a location: what to do with a file that exists (default: Create copy). */
  existingVersion?: ExistingVersionBehaviour;
  /** Files and folders recovered to a location: whose security settings they get (default: the destination's). */
  restoreSecurity?: RestoreSecurity;
}

/** Recovery types that overwrite the protected data where it lives: an Administrator's decision. */
export const OVERWRITING_RECOVERY_TYPES: readonly RecoveryType[] = [
  'Recover to the original location',
  'Recover to original instance of SQL Server',
];

/** Why a recovery point can't be recovered with a type (or at all, when no type is given) by this actor. */
function pointRefusal(
  view: View,
  server: DpmServer,
  rp: RecoveryPoint,
  actor: Actor,
  type?: RecoveryType,
): DomainError | null {
  const ds = view.get('dataSources', rp.dataSourceId);
  if (!ds) return notFound('data source', rp.dataSourceId);
  if (type !== undefined) {
    if (type === 'Restore to replica' || !RECOVERY_TYPES[ds.kind].includes(type)) {
      return refuse(
        'INVALID_INPUT',
        `"${type}" is not a recovery type for ` +
          `${ds.kind === 'DPMDB' ? 'a DPM database' : `a ${ds.kind.toLowerCase()}`}.`,
        'recoveryType',
      );
    }
    if (OVERWRITING_RECOVERY_TYPES.includes(type) && !roleAllows(actor.role, 'Administrator')) {
      return refuse(
        'FORBIDDEN',
        `${type} overwrites the protected data and needs the Administrator role; ${actor.name} is ` +
          `${actor.role === 'Operator' ? 'an' : 'a'} ${actor.role}. Recover to an alternate location instead.`,
        'recoveryType',
      );
    }
  }
  if (rp.location === 'Tape') {
    const tape = rp.tapeId ? view.get('tapes', rp.tapeId) : undefined;
    if (!tape) return notFound('tape', rp.tapeId ?? '');
    const library = tape.libraryId ? view.get('libraries', tape.libraryId) : undefined;
    if (!library || library.serverId !== server.id || tape.location === 'Offsite' || !knownLibrary(library, server)) {
      return refuse(
        'INVALID_STATE',
        `Tape ${tape.barcode} is not in a library of ${server.name}. Insert it and click Rescan in Management › ` +
          `Libraries.`,
        tape.id,
      );
    }
    const cert = checkCertificate(tape, server);
    if (cert) return cert;
  }
  return null;
}

/** Recover a recovery point of the server in view, with a recovery type when one is given. */
export function whyNotRecover(
  view: View,
  target: Targets['recoveryPoint'],
  actor: Actor,
  type?: RecoverType,
): DomainError | null {
  const server = onlineServer(view, target.serverId);
  if (isDomainError(server)) return server;
  const rp = view.get('recoveryPoints', target.recoveryPointId);
  if (!rp || rp.serverId !== server.id) return notFound('recovery point', target.recoveryPointId);
  return pointRefusal(view, server, rp, actor, type);
}

/**
 * Recovery Wizard → Recover: a Disk recovery or Tape recovery job that ends in Recovery
 * succeeded or Recovery failed. Data on an imported tape is recoverable only after the tape is
 * recataloged (NOT_CATALOGED); an encrypted tape needs its certificate (TAPE_CERTIFICATE).
 * File data may be recovered item by item (the recovery point's recoverable items).
 */
export function recover(slice: Estate, cmd: Recover, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const server = onlineServer(draft, cmd.serverId);
  if (isDomainError(server)) return server;

  let rp: RecoveryPoint | undefined;
  if (cmd.tape) {
    const tape = draft.get('tapes', cmd.tape.tapeId);
    const library = tape?.libraryId ? draft.get('libraries', tape.libraryId) : undefined;
    if (!tape || library?.serverId !== server.id) return notFound('tape', cmd.tape.tapeId);
    if (!isCataloged(tape, server)) {
      return refuse(
        'NOT_CATALOGED',
        `Tape ${tape.barcode} is an imported tape that has not been recataloged. Recatalog imported tape first; its ` +
          `data then appears under External DPM Tapes.`,
        tape.id,
      );
    }
    rp = draft
      .where('recoveryPoints', 'tapeId', tape.id)
      .find((p) => p.serverId === server.id && p.time === tape.dataSets[cmd.tape?.dataSetIndex ?? -1]?.time);
    if (!rp) return notFound('recovery point on tape', tape.barcode);
  } else {
    rp = draft.get('recoveryPoints', cmd.recoveryPointId ?? '');
    if (!rp || rp.serverId !== server.id) return notFound('recovery point', cmd.recoveryPointId ?? '');
  }
  const why = pointRefusal(draft, server, rp, actorOf(ctx), cmd.recoveryType);
  if (why) return why;
  const ds = draft.get('dataSources', rp.dataSourceId);
  if (!ds) return notFound('data source', rp.dataSourceId);
  const chosen = [...new Set(cmd.items ?? [])];
  let items: RecoverableItem[] = [];
  if (chosen.length > 0) {
    if (!hasItems(ds.kind))
      return refuse('INVALID_INPUT', `${ds.name} is recovered whole: only file data has recoverable items.`, 'items');
    const catalogue = new Map(recoverableItems(ds).map((i) => [i.path, i]));
    for (const path of chosen) {
      const item = catalogue.get(path);
      if (!item) return refuse('INVALID_INPUT', `${path} is not an item of the recovery point of ${ds.name}.`, 'items');
      items.push(item);
    }
    // An item inside a chosen folder comes with the folder.
    items = items.filter((i) => !items.some((f) => f !== i && f.type === 'Folder' && i.path.startsWith(f.path)));
  }
  const destination = cmd.destination?.trim() ?? '';
  if (needsDestination(cmd.recoveryType) && destination === '') {
    return refuse('INVALID_INPUT', 'Specify where to recover the data.', 'destination');
  }
  const options = recoveryOptions(cmd, ds);
  if (isDomainError(options)) return options;
  const computer = draft.get('computers', ds.computerId);
  scheduleJob(draft, ctx, {
    serverId: server.id,
    type: rp.location === 'Tape' ? 'Tape recovery' : 'Disk recovery',
    replicaId: rp.replicaId,
    dataSourceId: ds.id,
    computerId: computer?.id ?? null,
    tapeId: rp.tapeId,
    // A full recovery moves the whole data source, whatever the recovery point's share of changes.
    totalGb: items.length > 0 ? items.reduce((n, i) => n + i.sizeGb, 0) : Math.max(rp.sizeGb, ds.sizeGb),
    params: {
      recoveryPointId: rp.id,
      recoveryType: cmd.recoveryType,
      destination,
      ...options,
      ...(items.length > 0 ? { items: items.map((i) => i.path).join('; ') } : {}),
    },
  });
  return draft.outcome();
}

/**
 * The options of the Recovery Wizard's pages for a recovery type (DPM's SQL and file recovery
 * pages): Recovery time › Latest only into the original instance; Specify Database State and, to
 * any SQL instance, the recovered database's name; for files and folders written to a location,
 * the existing-version behaviour and the security settings. An option of another type is refused
 * naming it; one left out takes DPM's default.
 */
function recoveryOptions(cmd: Recover, ds: DataSource): Record<string, string> | DomainError {
  const type = cmd.recoveryType;
  if (cmd.latest) {
    const why = latestRefusal(ds.kind, type);
    if (why) return refuse('INVALID_INPUT', why, 'latest');
  }
  const toInstance = recoversToInstance(type);
  if (!toInstance && cmd.databaseState !== undefined)
    return refuse(
      'INVALID_INPUT',
      `The database state applies to a database recovered into an instance of SQL Server, not to ${type}.`,
      'databaseState',
    );
  if (type !== 'Recover to any SQL instance' && cmd.databaseName !== undefined)
    return refuse('INVALID_INPUT', `A new database name applies to Recover to any SQL instance only.`, 'databaseName');
  const files = recoversFiles(type);
  if (!files && cmd.existingVersion !== undefined)
    return refuse(
      'INVALID_INPUT',
      `The existing version behaviour applies to files and folders recovered to a location, not to ${type}.`,
      'existingVersion',
    );
  if (!files && cmd.restoreSecurity !== undefined)
    return refuse(
      'INVALID_INPUT',
      `The security settings apply to files and folders recovered to a location, not to ${type}.`,
      'restoreSecurity',
    );
  const out: Record<string, string> = {};
  if (cmd.latest) out.latest = 'true';
  if (toInstance) {
    out.databaseState = cmd.databaseState ?? 'Leave database operational';
    if (type === 'Recover to any SQL instance') {
      const name = cmd.databaseName ?? ds.name.split('\\').pop() ?? ds.name;
      const why = databaseNameRefusal(name);
      if (why) return refuse('INVALID_INPUT', why, 'databaseName');
      out.databaseName = name.trim();
    }
  }
  if (files) {
    out.existingVersion = cmd.existingVersion ?? 'Create copy';
    out.restoreSecurity = cmd.restoreSecurity ?? 'Apply the security settings of the destination computer';
  }
  return out;
}

const RECOVER_TYPES = [...new Set(Object.values(RECOVERY_TYPES).flat())].filter(
  (t): t is RecoverType => t !== 'Restore to replica',
);

export const recoverOperation = defineOperation<'recoveryPoint', Recover, RecoverType>({
  id: 'recovery.recover',
  name: 'Recover',
  kind: 'recoveryPoint',
  area: 'Recovery',
  role: 'Operator',
  intents: RECOVER_TYPES,
  intentsFor: (view, t) => {
    const rp = view.get('recoveryPoints', t.recoveryPointId);
    const ds = rp ? view.get('dataSources', rp.dataSourceId) : undefined;
    return ds ? RECOVERY_TYPES[ds.kind].filter((type): type is RecoverType => type !== 'Restore to replica') : [];
  },
  whyNot: whyNotRecover,
  run: recover,
});
