import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import { notFound, refuse } from '../errors';
import type { DomainError } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export interface RemoveComputer {
  computerId: string;
}

/** Estate › Remove computer: only a computer no DPM server uses (no agent, no replica, not a DPM server). */
export function whyNotRemoveComputer(view: View, target: Targets['computer']): DomainError | null {
  const computer = view.get('computers', target.computerId);
  if (!computer) return notFound('computer', target.computerId);
  if (computer.dpmServerId !== null)
    return refuse('INVALID_STATE', `${computer.name} is a DPM server; remove the DPM server instead.`, computer.id);
  if (computer.agent)
    return refuse(
      'INVALID_STATE',
      `${computer.name} has a protection agent. Uninstall it from every DPM server first.`,
      computer.id,
    );
  if (
    view
      .where('dataSources', 'computerId', computer.id)
      .some((ds) => view.where('replicas', 'dataSourceId', ds.id).length > 0)
  ) {
    return refuse(
      'INVALID_STATE',
      `A DPM server still holds replicas of ${computer.name}. Remove its inactive protection first.`,
      computer.id,
    );
  }
  return null;
}

export function removeComputer(slice: Estate, cmd: RemoveComputer, _ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotRemoveComputer(draft, cmd);
  if (why) return why;
  const computer = draft.get('computers', cmd.computerId);
  if (!computer) return notFound('computer', cmd.computerId);
  const sources = draft.where('dataSources', 'computerId', computer.id);
  for (const ds of sources) draft.del('dataSources', ds.id);
  draft.del('computers', computer.id);
  draft.emit({
    type: 'estate.computer-removed',
    serverId: null,
    subjectId: computer.id,
    summary: `Removed the computer ${computer.name}`,
  });
  return draft.outcome();
}

export const removeComputerOperation = defineOperation<'computer', RemoveComputer>({
  id: 'estate.remove-computer',
  name: 'Remove computer',
  kind: 'computer',
  area: 'Estate',
  role: 'Administrator',
  whyNot: whyNotRemoveComputer,
  run: removeComputer,
});
