import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { notFound, refuse } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export interface AcknowledgeAlert {
  serverId: string;
  alertId: string;
  comment: string;
}

/** An alert of the server in view, active: an acknowledged one may be acknowledged again with a new comment. */
export function whyNotAcknowledge(view: View, target: Targets['alert']): DomainError | null {
  const alert = view.get('alerts', target.alertId);
  if (!alert || alert.serverId !== target.serverId) return notFound('alert', target.alertId);
  if (alert.state === 'Inactive') return refuse('INVALID_STATE', 'Only an active alert can be acknowledged.', alert.id);
  return null;
}

/** Beyond DPM: record who saw an alert and why; it stays active until its condition clears. */
export function acknowledgeAlert(slice: Estate, cmd: AcknowledgeAlert, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotAcknowledge(draft, cmd);
  if (why) return why;
  const alert = draft.get('alerts', cmd.alertId);
  if (!alert) return notFound('alert', cmd.alertId);
  if (cmd.comment.length > 500) return refuse('INVALID_INPUT', 'The comment can be at most 500 characters.', 'comment');
  draft.update('alerts', alert.id, { acknowledged: { by: ctx.actor, at: ctx.now, comment: cmd.comment } });
  draft.emit({
    type: 'alert.acknowledged',
    serverId: alert.serverId,
    subjectId: alert.id,
    summary: `${alert.name} acknowledged by ${ctx.actor}`,
  });
  return draft.outcome();
}

export const acknowledgeOperation = defineOperation<'alert', AcknowledgeAlert>({
  id: 'alerts.acknowledge',
  name: 'Acknowledge',
  kind: 'alert',
  area: 'Monitoring',
  role: 'Operator',
  whyNot: whyNotAcknowledge,
  run: acknowledgeAlert,
});
