import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { DpmServer, Estate } from '../model';
import { notFound, refuse } from '../errors';

export interface SetVssWriter {
  serverId: string;
  state: DpmServer['vssWriter'];
}

/**
 * Estate › Start / Stop SQL Server VSS Writer on a DPM server. While it is stopped no DPM server
 * can start protecting that server's database (VSS_WRITER_STOPPED, seed 001).
 */
export function setVssWriter(slice: Estate, cmd: SetVssWriter, _ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const server = draft.get('servers', cmd.serverId);
  if (!server) return notFound('DPM server', cmd.serverId);
  if (server.vssWriter === cmd.state) return refuse('INVALID_STATE', `The SQL Server VSS Writer service on ${server.name} is already ${cmd.state === 'Running' ? 'running' : 'stopped'}.`, server.id);
  draft.update('servers', server.id, { vssWriter: cmd.state });
  draft.emit({ type: 'estate.vss-writer', serverId: server.id, subjectId: server.id, summary: `${cmd.state === 'Running' ? 'Started' : 'Stopped'} the SQL Server VSS Writer service on ${server.name}` });
  return draft.outcome();
}
