import type { Alert } from '../model';
import type { Actor, Availability, ObjectKind, Operation, Targets } from '../operations/operation';
import { availability } from '../operations/operation';
import type { View } from '../view';
import { ALERT_CATALOG } from './alerts';
import { takeOwnershipOperation } from '../agents/take-ownership';
import { reestablishOperation } from '../agents/reestablish-protection';
import { enableAgentOperation } from '../agents/agent-protection';
import { updateAgentOperation } from '../agents/update-agent';
import { checkMemberOperation } from '../protection/perform-consistency-check';
import { recoveryPointOperation } from '../protection/create-recovery-point';
import { switchedTo } from '../protection/switch-protection';
import { replicaJobError } from '../jobs/complete';
import { runReadinessCheckOperation } from '../reporting/apply-readiness-alerts';

type Recommended = {
  label: string;
  operation: Operation<ObjectKind, never, string>;
  kind: ObjectKind;
  target: Targets[ObjectKind];
};

/** Alerts about a replica whose fix depends on why its jobs fail now. */
const REPLICA_ALERTS: readonly Alert['name'][] = [
  'Replica is inconsistent',
  'Synchronization failed',
  'Recovery point creation failed',
];

/**
 * The fix of what blocks a replica's jobs now, when something does (complete.ts replicaJobError):
 * the action that removes the cause, or no action when none on this server can (the primary of a
 * computer switched to its secondary waits for the secondary to switch back). A consistency check
 * or a new recovery point would only fail again for the same reason.
 */
function causeFix(view: View, alert: Alert): Recommended | null | undefined {
  if (!REPLICA_ALERTS.includes(alert.name)) return undefined;
  const replica = view.get('replicas', alert.subjectId);
  if (!replica || replica.groupId === null) return undefined;
  const cause = replicaJobError(view, replica);
  if (!cause) return undefined;
  const ds = view.get('dataSources', replica.dataSourceId);
  const computerId = ds?.computerId ?? alert.computerId ?? '';
  const agent = { serverId: alert.serverId, computerId };
  switch (cause.code) {
    // Seed 000, "Reestablish protection": SetDpmServer, the three groups and the DCOM permissions.
    case 'AGENT_ACCESS_DENIED':
      return {
        label: 'Re-establish protection',
        operation: reestablishOperation as never,
        kind: 'agent',
        target: agent,
      };
    case 'NOT_OWNER':
      return switchedTo(view, computerId, alert.serverId)
        ? null
        : { label: 'Take Ownership', operation: takeOwnershipOperation as never, kind: 'agent', target: agent };
    case 'AGENT_DISABLED':
      return { label: 'Enable protection', operation: enableAgentOperation as never, kind: 'agent', target: agent };
    case 'AGENT_INCOMPATIBLE':
      return { label: 'Update', operation: updateAgentOperation as never, kind: 'agent', target: agent };
    default:
      // No agent, an unreachable one, or a failed primary: nothing in reach of a
      // link fixes it, and the alert's description says what does.
      return null;
  }
}

/**
 * The operation behind an alert's Recommended action link, on the object the alert is about: the
 * one that fixes the alert's cause (seed 000: Take Ownership for Agent Ownership Required,
 * Re-establish protection when the agent refuses its server), or null when no action here does.
 */
export function recommendedOperation(view: View, alert: Alert): Recommended | null {
  const fix = causeFix(view, alert);
  if (fix !== undefined) return fix;
  const label = ALERT_CATALOG[alert.name].action;
  switch (label) {
    case 'Take Ownership':
      return {
        label,
        operation: takeOwnershipOperation as never,
        kind: 'agent',
        target: { serverId: alert.serverId, computerId: alert.computerId ?? alert.subjectId },
      };
    case 'Run a synchronization job with consistency check':
      return {
        label,
        operation: checkMemberOperation as never,
        kind: 'member',
        target: { serverId: alert.serverId, replicaId: alert.subjectId },
      };
    case 'Create a recovery point':
      return {
        label,
        operation: recoveryPointOperation as never,
        kind: 'member',
        target: { serverId: alert.serverId, replicaId: alert.subjectId },
      };
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
export function recommendedAction(
  view: View,
  alert: Alert,
  actor: Actor,
): (Availability & { target: Record<string, string> }) | null {
  const r = recommendedOperation(view, alert);
  if (!r) return null;
  const offer = availability(r.operation, view, r.target as never, actor);
  return { ...offer, name: r.label, target: r.target as Record<string, string> };
}
