import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import { notFound, refuse } from '../errors';
import type { DomainError } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export interface RemoveDpmServer {
  serverId: string;
}

/**
 * Estate › Remove DPM server: only a server that neither protects anything nor is protected,
 * owns no agent and has no library, so no other DPMDB refers to it.
 */
export function whyNotRemoveServer(view: View, target: Targets['server']): DomainError | null {
  const server = view.get('servers', target.serverId);
  if (!server) return notFound('DPM server', target.serverId);
  if (
    view.where('replicas', 'serverId', server.id).length > 0 ||
    view.where('groups', 'serverId', server.id).length > 0
  ) {
    return refuse(
      'INVALID_STATE',
      `${server.name} has protection groups or replicas. Stop their protection first.`,
      server.id,
    );
  }
  if (view.where('libraries', 'serverId', server.id).length > 0)
    return refuse('INVALID_STATE', `${server.name} has a tape library attached.`, server.id);
  const uses = view
    .all('computers')
    .filter(
      (c) =>
        c.agent !== null &&
        (c.agent.ownerId === server.id ||
          c.agent.attachedTo.includes(server.id) ||
          c.agent.pendingOwnerId === server.id),
    );
  if (uses.length > 0)
    return refuse(
      'INVALID_STATE',
      `${server.name} still has the agents of ${uses.map((c) => c.name).join(', ')}. Uninstall them first.`,
      server.id,
    );
  const own = view.get('computers', server.computerId);
  if (own?.agent)
    return refuse(
      'INVALID_STATE',
      `${server.name} is protected by another DPM server. Uninstall its agent there first.`,
      server.id,
    );
  if (
    own &&
    view
      .where('dataSources', 'computerId', own.id)
      .some((ds) => view.where('replicas', 'dataSourceId', ds.id).length > 0)
  ) {
    return refuse('INVALID_STATE', `Another DPM server still holds replicas of ${server.name}.`, server.id);
  }
  return null;
}

export function removeDpmServer(slice: Estate, cmd: RemoveDpmServer, _ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotRemoveServer(draft, cmd);
  if (why) return why;
  const server = draft.get('servers', cmd.serverId);
  if (!server) return notFound('DPM server', cmd.serverId);
  const own = draft.get('computers', server.computerId);
  if (own) {
    for (const ds of draft.where('dataSources', 'computerId', own.id)) draft.del('dataSources', ds.id);
    draft.del('computers', own.id);
  }
  for (const job of draft.where('jobs', 'serverId', server.id)) draft.del('jobs', job.id);
  for (const alert of draft.where('alerts', 'serverId', server.id)) draft.del('alerts', alert.id);
  for (const rp of draft.where('recoveryPoints', 'serverId', server.id)) draft.del('recoveryPoints', rp.id);
  draft.del('servers', server.id);
  draft.emit({
    type: 'estate.server-removed',
    serverId: null,
    subjectId: server.id,
    summary: `Removed the DPM server ${server.name}`,
  });
  return draft.outcome();
}

export const removeServerOperation = defineOperation<'server', RemoveDpmServer>({
  id: 'estate.remove-dpm-server',
  name: 'Remove DPM server',
  kind: 'server',
  area: 'Estate',
  role: 'Administrator',
  whyNot: whyNotRemoveServer,
  run: removeDpmServer,
});
