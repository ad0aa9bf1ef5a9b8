import type { Alert } from '../model';
import type { Actor, Availability, ObjectKind, Operation, Targets } from '../operations/operation';
import { availability } from '../operations/operation';
import type { View } from '../view';
import { ALERT_CATALOG } from './alerts';
import { takeOwnershipOperation } from '../agents/take-ownership';
import { checkMemberOperation } from '../protection/perform-consistency-check';
import { recoveryPointOperation } from '../protection/create-recovery-point';
import { runReadinessCheckOperation } from '../reporting/apply-readiness-alerts';

/** The operation behind an alert's Recommended action link, on the object the alert is about. */
export function recommendedOperation(alert: Alert): { label: string; operation: Operation<ObjectKind, never, string>; kind: ObjectKind; target: Targets[ObjectKind] } | null {
  const label = ALERT_CATALOG[alert.name].action;
  switch (label) {
    case 'Take Ownership':
      return { label, operation: takeOwnershipOperation as never, kind: 'agent', target: { serverId: alert.serverId, computerId: alert.computerId ?? alert.subjectId } };
    case 'Run a synchronization job with consistency check':
      return { label, operation: checkMemberOperation as never, kind: 'member', target: { serverId: alert.serverId, replicaId: alert.subjectId } };
    case 'Create a recovery point':
      return { label, operation: recoveryPointOperation as never, kind: 'member', target: { serverId: alert.serverId, replicaId: alert.subjectId } };
    case 'Run readiness check':
      return { label, operation: runReadinessCheckOperation as never, kind: 'estate', target: {} };
    default:
      return null;
  }
}

/**
 * The Recommended action of an alert as its link offers it: the operation, named as the link is,
 * enabled or with the reason it can't run now, and the object it runs on.
 */
export function recommendedAction(view: View, alert: Alert, actor: Actor): (Availability & { target: Record<string, string> }) | null {
  const r = recommendedOperation(alert);
  if (!r) return null;
  const offer = availability(r.operation, view, r.target as never, actor);
  return { ...offer, name: r.label, target: r.target as Record<string, string> };
}
