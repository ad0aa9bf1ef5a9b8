import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { notFound, refuse } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export interface InactivateAlert {
  serverId: string;
  alertId: string;
}

export function whyNotInactivate(view: View, target: Targets['alert']): DomainError | null {
  const alert = view.get('alerts', target.alertId);
  if (!alert || alert.serverId !== target.serverId) return notFound('alert', target.alertId);
  if (alert.state === 'Inactive') return refuse('INVALID_STATE', 'The alert is already inactive.', alert.id);
  return null;
}

/** Resolution › Inactivate: the administrator dismisses an alert. */
export function inactivateAlert(slice: Estate, cmd: InactivateAlert, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotInactivate(draft, cmd);
  if (why) return why;
  const alert = draft.get('alerts', cmd.alertId);
  if (!alert) return notFound('alert', cmd.alertId);
  draft.update('alerts', alert.id, { state: 'Inactive', resolvedAt: ctx.now });
  draft.emit({
    type: 'alert.inactivated',
    serverId: alert.serverId,
    subjectId: alert.id,
    summary: `${alert.name} inactivated by ${ctx.actor}`,
  });
  return draft.outcome();
}

export const inactivateOperation = defineOperation<'alert', InactivateAlert>({
  id: 'alerts.inactivate',
  name: 'Inactivate',
  kind: 'alert',
  area: 'Monitoring',
  role: 'Operator',
  whyNot: whyNotInactivate,
  run: inactivateAlert,
});
