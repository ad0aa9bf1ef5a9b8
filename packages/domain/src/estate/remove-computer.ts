import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate } from '../model';
import { notFound, refuse } from '../errors';

export interface RemoveComputer {
  computerId: string;
}

/** Estate › Remove computer: only a computer no DPM server uses (no agent, no replica, not a DPM server). */
export function removeComputer(slice: Estate, cmd: RemoveComputer, _ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const computer = draft.get('computers', cmd.computerId);
  if (!computer) return notFound('computer', cmd.computerId);
  if (computer.dpmServerId !== null) return refuse('INVALID_STATE', `${computer.name} is a DPM server; remove the DPM server instead.`, computer.id);
  if (computer.agent) return refuse('INVALID_STATE', `${computer.name} has a protection agent. Uninstall it from every DPM server first.`, computer.id);
  const sources = draft.where('dataSources', 'computerId', computer.id);
  if (sources.some((ds) => draft.where('replicas', 'dataSourceId', ds.id).length > 0)) {
    return refuse('INVALID_STATE', `A DPM server still holds replicas of ${computer.name}. Remove its inactive protection first.`, computer.id);
  }
  for (const ds of sources) draft.del('dataSources', ds.id);
  draft.del('computers', computer.id);
  draft.emit({ type: 'estate.computer-removed', serverId: null, subjectId: computer.id, summary: `Removed the computer ${computer.name}` });
  return draft.outcome();
}
