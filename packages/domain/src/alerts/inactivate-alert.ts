import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate } from '../model';
import { notFound, refuse } from '../errors';

export interface InactivateAlert {
  alertId: string;
}

/** Resolution › Inactivate: the administrator dismisses an alert. */
export function inactivateAlert(slice: Estate, cmd: InactivateAlert, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const alert = draft.get('alerts', cmd.alertId);
  if (!alert) return notFound('alert', cmd.alertId);
  if (alert.state === 'Inactive') return refuse('INVALID_STATE', 'The alert is already inactive.', alert.id);
  draft.update('alerts', alert.id, { state: 'Inactive', resolvedAt: ctx.now });
  draft.emit({ type: 'alert.inactivated', serverId: alert.serverId, subjectId: alert.id, summary: `${alert.name} inactivated by ${ctx.actor}` });
  return draft.outcome();
}
