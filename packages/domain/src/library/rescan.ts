import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, refuse } from '../errors';
import { onlineServer } from '../guards';
import { scheduleJob } from '../jobs/jobs';
import { isJobActive } from '../jobs/job-status';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';
import type { View } from '../view';

export interface Rescan {
  serverId: string;
}

/**
 * Rescan (Management › Libraries, Actions pane; seed 000, Recover a DPM database, step 6): the DPM
 * server detects the tape libraries and stand-alone drives attached to it. It is what makes a new
 * DPM database know its libraries after a reinstall; one rescan at a time per server.
 */
export function whyNotRescan(view: View, target: Targets['server']): DomainError | null {
  const server = onlineServer(view, target.serverId);
  if (isDomainError(server)) return server;
  if (view.where('jobs', 'serverId', server.id).some((j) => j.type === 'Library rescan' && isJobActive(j.status))) {
    return refuse('CONFLICT', `A library rescan is already running on ${server.name}.`, server.id);
  }
  return null;
}

export function rescanLibraries(slice: Estate, cmd: Rescan, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotRescan(draft, cmd);
  if (why) return why;
  const libraries = draft.where('libraries', 'serverId', cmd.serverId).length;
  scheduleJob(draft, ctx, { serverId: cmd.serverId, type: 'Library rescan', params: { libraries: String(libraries) } });
  return draft.outcome();
}

export const rescanOperation = defineOperation<'server', Rescan>({
  id: 'libraries.rescan',
  name: 'Rescan',
  kind: 'server',
  area: 'Management',
  role: 'Operator',
  whyNot: whyNotRescan,
  run: rescanLibraries,
});
