import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { DpmServer, Estate } from '../model';
import { notFound, refuse } from '../errors';
import type { DomainError } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export interface SetVssWriter {
  serverId: string;
  state: DpmServer['vssWriter'];
}

/**
 * Estate › Start / Stop SQL Server VSS Writer on a DPM server. While it is stopped no DPM server
 * can start protecting that server's database (VSS_WRITER_STOPPED, seed 001).
 */
export function whyNotVssWriter(
  view: View,
  target: Targets['server'],
  state: DpmServer['vssWriter'],
): DomainError | null {
  const server = view.get('servers', target.serverId);
  if (!server) return notFound('DPM server', target.serverId);
  if (server.vssWriter === state)
    return refuse(
      'INVALID_STATE',
      `The SQL Server VSS Writer service on ${server.name} is already ${state === 'Running' ? 'running' : 'stopped'}.`,
      server.id,
    );
  return null;
}

export function setVssWriter(slice: Estate, cmd: SetVssWriter, _ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotVssWriter(draft, cmd, cmd.state);
  if (why) return why;
  const server = draft.get('servers', cmd.serverId);
  if (!server) return notFound('DPM server', cmd.serverId);
  draft.update('servers', server.id, { vssWriter: cmd.state });
  draft.emit({
    type: 'estate.vss-writer',
    serverId: server.id,
    subjectId: server.id,
    summary: `${cmd.state === 'Running' ? 'Started' : 'Stopped'} the SQL Server VSS Writer service on ${server.name}`,
  });
  return draft.outcome();
}

export const startVssWriterOperation = defineOperation<'server', SetVssWriter>({
  id: 'estate.start-vss-writer',
  name: 'Start SQL Server VSS Writer',
  kind: 'server',
  area: 'Estate',
  role: 'Administrator',
  appliesTo: (view, t) => view.get('servers', t.serverId)?.vssWriter !== 'Running',
  whyNot: (view, target) => whyNotVssWriter(view, target, 'Running'),
  run: setVssWriter,
});

export const stopVssWriterOperation = defineOperation<'server', SetVssWriter>({
  id: 'estate.stop-vss-writer',
  name: 'Stop SQL Server VSS Writer',
  kind: 'server',
  area: 'Estate',
  role: 'Administrator',
  appliesTo: (view, t) => view.get('servers', t.serverId)?.vssWriter !== 'Stopped',
  whyNot: (view, target) => whyNotVssWriter(view, target, 'Stopped'),
  run: setVssWriter,
});
