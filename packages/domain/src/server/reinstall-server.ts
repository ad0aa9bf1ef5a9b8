import type { CommandResult, Ctx } from '../command';
import { nextRevision } from '../command';
import { Draft } from '../draft';
import type { Estate, Version } from '../model';
import { notFound, refuse } from '../errors';
import { resolveAlert } from '../alerts/alerts';
import type { DomainError } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export interface ReinstallServer {
  serverId: string;
  version: Version;
  fqdn: string;
}

/**
 * Reinstall DPM on a failed server (seed 000, "Recover a DPM database" steps 1 to 3): a new,
 * empty DPMDB of the installed version. It knows no protection group, replica, recovery point,
 * alert, job, library or tape; the tapes the old installation wrote are Imported once Rescan and
 * a detailed inventory have found them. Only a failed server (or one without DPM) is reinstalled.
 */
export function whyNotReinstall(view: View, target: Targets['server']): DomainError | null {
  const server = view.get('servers', target.serverId);
  if (!server) return notFound('DPM server', target.serverId);
  if (server.state === 'Online')
    return refuse(
      'INVALID_STATE',
      `${server.name} is online. Mark it as failed (or uninstall DPM) before you reinstall it.`,
      server.id,
    );
  return null;
}

export function reinstallServer(slice: Estate, cmd: ReinstallServer, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotReinstall(draft, cmd);
  if (why) return why;
  const server = draft.get('servers', cmd.serverId);
  if (!server) return notFound('DPM server', cmd.serverId);
  const fqdn = cmd.fqdn.trim().toLowerCase();
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(fqdn))
    return refuse(
      'INVALID_INPUT',
      'Enter the fully qualified domain name of the server, such as ds1.contoso.com.',
      'fqdn',
    );
  draft.update('servers', server.id, {
    state: 'Online',
    service: 'Running',
    version: cmd.version,
    dbVersion: cmd.version,
    fqdn,
    generation: server.generation + 1,
    dbRestorePending: false,
    installedAt: ctx.now,
    restoredFrom: null,
    // A new, empty DPMDB: no jobs of the old one (seed 000, Recover a DPM database, steps 2 and 3).
    dbHistory: [{ from: ctx.now, to: null }],
    replicaRestoreFailures: {},
    online: null,
    externalDpm: null,
  });
  for (const g of draft.where('groups', 'serverId', server.id)) draft.del('groups', g.id);
  for (const r of draft.where('replicas', 'serverId', server.id)) draft.del('replicas', r.id);
  for (const rp of draft.where('recoveryPoints', 'serverId', server.id)) draft.del('recoveryPoints', rp.id);
  for (const a of draft.where('alerts', 'serverId', server.id)) draft.del('alerts', a.id);
  for (const j of draft.where('jobs', 'serverId', server.id)) {
    if (j.serverId === server.id && (j.status === 'Scheduled' || j.status === 'In progress'))
      draft.update('jobs', j.id, { status: 'Canceled', finishedAt: ctx.now });
  }
  // The new DPMDB knows no library and no tape: Rescan finds the library, a detailed inventory
  // reads the tapes' headers, and then the tapes the old DPMDB wrote are Imported (seed 000).
  for (const library of draft.where('libraries', 'serverId', server.id)) {
    for (const t of draft.where('tapes', 'libraryId', library.id)) {
      if (t.inventoried || t.headerRead) draft.update('tapes', t.id, { inventoried: false, headerRead: false });
    }
  }
  for (const c of draft.all('computers')) {
    if (c.agent?.ownerId === server.id)
      draft.update('computers', c.id, {
        agent: { ...c.agent, ownerId: null, revision: nextRevision(c.agent.revision, ctx) },
      });
  }
  const own = draft.get('computers', server.computerId);
  if (own?.agent && own.agent.status === 'Unreachable') {
    draft.update('computers', own.id, { agent: { ...own.agent, status: 'OK' } });
    if (own.agent.ownerId) resolveAlert(draft, ctx, 'Agent unreachable', own.agent.ownerId, own.id);
  }
  draft.emit({
    type: 'server.reinstalled',
    serverId: server.id,
    subjectId: server.id,
    summary: `DPM reinstalled on ${server.name} with an empty DPMDB`,
  });
  return draft.outcome();
}

export const reinstallOperation = defineOperation<'server', ReinstallServer>({
  id: 'server-recovery.reinstall',
  name: 'Reinstall DPM',
  kind: 'server',
  area: 'DPM servers',
  role: 'Administrator',
  whyNot: whyNotReinstall,
  run: reinstallServer,
});
