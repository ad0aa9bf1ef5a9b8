import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate } from '../model';
import { notFound, refuse } from '../errors';

export interface AcknowledgeAlert {
  alertId: string;
  comment: string;
}

/** Beyond DPM: record who saw an alert; it stays active until its condition clears. */
export function acknowledgeAlert(slice: Estate, cmd: AcknowledgeAlert, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const alert = draft.get('alerts', cmd.alertId);
  if (!alert) return notFound('alert', cmd.alertId);
  if (alert.state === 'Inactive') return refuse('INVALID_STATE', 'Only an active alert can be acknowledged.', alert.id);
  if (cmd.comment.length > 500) return refuse('INVALID_INPUT', 'The comment can be at most 500 characters.', 'comment');
  draft.update('alerts', alert.id, { acknowledged: { by: ctx.actor, at: ctx.now, comment: cmd.comment } });
  draft.emit({ type: 'alert.acknowledged', serverId: alert.serverId, subjectId: alert.id, summary: `${alert.name} acknowledged by ${ctx.actor}` });
  return draft.outcome();
}
