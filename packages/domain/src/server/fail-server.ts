import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import { notFound, refuse } from '../errors';
import { raiseAlert } from '../alerts/alerts';
import type { DomainError } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export interface FailServer {
  serverId: string;
}

/**
 * Mark as failed: a rehearsal of losing a DPM server. Its jobs stop, and the server that owns
 * its agent (its secondary) raises Agent unreachable.
 */
/** Mark as failed: a server that is online. */
export function whyNotFail(view: View, target: Targets['server']): DomainError | null {
  const server = view.get('servers', target.serverId);
  if (!server) return notFound('DPM server', target.serverId);
  if (server.state !== 'Online')
    return refuse(
      'INVALID_STATE',
      `${server.name} is already ${server.state === 'Failed' ? 'failed' : 'not installed'}.`,
      server.id,
    );
  return null;
}

export function failServer(slice: Estate, cmd: FailServer, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotFail(draft, cmd);
  if (why) return why;
  const server = draft.get('servers', cmd.serverId);
  if (!server) return notFound('DPM server', cmd.serverId);
  draft.update('servers', server.id, { state: 'Failed' });
  for (const job of draft.where('jobs', 'serverId', server.id)) {
    if (job.serverId !== server.id) continue;
    if (job.status === 'In progress') {
      draft.update('jobs', job.id, {
        status: 'Failed',
        finishedAt: ctx.now,
        error: { code: 'SERVER_FAILED', message: `${server.name} stopped responding while the job was running.` },
      });
    } else if (job.status === 'Scheduled') {
      draft.update('jobs', job.id, { status: 'Canceled', finishedAt: ctx.now });
    }
  }
  const computer = draft.get('computers', server.computerId);
  if (computer?.agent?.ownerId) {
    draft.update('computers', computer.id, { agent: { ...computer.agent, status: 'Unreachable' } });
    raiseAlert(draft, ctx, 'Agent unreachable', {
      serverId: computer.agent.ownerId,
      subjectId: computer.id,
      computerId: computer.id,
      groupId: null,
      affectedArea: computer.name,
    });
  }
  draft.emit({
    type: 'server.failed',
    serverId: server.id,
    subjectId: server.id,
    summary: `${server.name} marked as failed`,
  });
  return draft.outcome();
}

export const failServerOperation = defineOperation<'server', FailServer>({
  id: 'server-recovery.mark-failed',
  name: 'Mark as failed',
  kind: 'server',
  area: 'DPM servers',
  role: 'Administrator',
  whyNot: whyNotFail,
  run: failServer,
});
