import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate, Replica } from '../model';
import { notFound } from '../errors';
import { setReplicaStatus } from '../protection/replica-status';
import type { DomainError } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export interface UncleanShutdown {
  computerId: string;
}

/**
 * Estate › Simulate unclean shutdown: the computer stops without shutting down cleanly, so its
 * volume filter loses track of what changed. Every active replica that reads its data from that
 * computer and was OK becomes Replica is inconsistent (DPM's replica protection status: an
 * unclean shutdown makes a replica inconsistent) and raises its alert until a consistency check
 * runs. A replica reads from the data source's computer when protected directly (or switched to
 * it, seed 000), and from the primary DPM server when it is a secondary copy: a DPM server's
 * unclean shutdown affects its secondary's copies, not the primary replicas it holds itself.
 */
export function whyNotUncleanShutdown(view: View, target: Targets['computer']): DomainError | null {
  return view.get('computers', target.computerId) ? null : notFound('computer', target.computerId);
}

export function uncleanShutdown(slice: Estate, cmd: UncleanShutdown, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotUncleanShutdown(draft, cmd);
  if (why) return why;
  const computer = draft.get('computers', cmd.computerId);
  if (!computer) return notFound('computer', cmd.computerId);
  const reading: Replica[] = [];
  for (const ds of draft.where('dataSources', 'computerId', computer.id)) {
    reading.push(
      ...draft.where('replicas', 'dataSourceId', ds.id).filter((r) => r.sourceServerId === null || r.switched),
    );
  }
  if (computer.dpmServerId)
    reading.push(...draft.where('replicas', 'sourceServerId', computer.dpmServerId).filter((r) => !r.switched));
  let affected = 0;
  for (const replica of reading) {
    if (replica.groupId === null || replica.status !== 'OK') continue;
    setReplicaStatus(draft, ctx, replica.id, 'Replica is inconsistent');
    affected += 1;
  }
  draft.emit({
    type: 'estate.unclean-shutdown',
    serverId: computer.dpmServerId,
    subjectId: computer.id,
    summary:
      `${computer.name} shut down uncleanly: ${affected === 1 ? '1 replica is' : `${affected} replicas are`} ` +
      `now inconsistent`,
  });
  return draft.outcome();
}

export const uncleanShutdownOperation = defineOperation<'computer', UncleanShutdown>({
  id: 'estate.unclean-shutdown',
  name: 'Simulate unclean shutdown',
  kind: 'computer',
  area: 'Estate',
  role: 'Administrator',
  whyNot: whyNotUncleanShutdown,
  run: uncleanShutdown,
});
