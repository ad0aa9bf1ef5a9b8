/**
 * The catalogue of DPM operations: every verb of the domain with its name, the kind of object it
 * applies to, the role it needs and its precondition. The server authorizes and audits by it and
 * answers each listed object with what can be done to it; the console renders that. Within a
 * kind, the order is the order of the controls in DPM's console.
 */
import type { Actor, AnyOperation, Availability, ObjectKind, Operation, Targets } from './operation';
import { availability } from './operation';
import type { View } from '../view';
import { recoveryPointOperation } from '../protection/create-recovery-point';
import { checkGroupOperation, checkMemberOperation } from '../protection/perform-consistency-check';
import { switchGroupOperation, switchMemberOperation } from '../protection/switch-protection';
import { modifyGroupOfMemberOperation, modifyGroupOperation } from '../protection/modify-protection-group';
import { diskAllocationOperation } from '../protection/modify-disk-allocation';
import { stopGroupOperation, stopMemberOperation } from '../protection/stop-protection';
import { removeInactiveOperation } from '../protection/remove-inactive-protection';
import { createGroupOperation } from '../protection/create-protection-group';
import { restoreToReplicaOperation } from '../recovery/restore-to-replica';
import { recoverOperation } from '../recovery/recover';
import { addExternalOperation } from '../recovery/add-external-dpm';
import { clearExternalOperation } from '../recovery/clear-external-dpm';
import { acknowledgeOperation } from '../alerts/acknowledge-alert';
import { inactivateOperation } from '../alerts/inactivate-alert';
import { retryJobOperation } from '../jobs/retry-job';
import { cancelJobOperation } from '../jobs/cancel-job';
import { installAgentsOperation } from '../agents/attach-agent';
import { refreshAgentsOperation } from '../agents/refresh-agents';
import { updateAgentOperation } from '../agents/update-agent';
import { disableAgentOperation, enableAgentOperation } from '../agents/agent-protection';
import { uninstallAgentOperation } from '../agents/uninstall-agent';
import { reestablishOperation } from '../agents/reestablish-protection';
import { takeOwnershipOperation } from '../agents/take-ownership';
import { setDpmServerOperation } from '../agents/set-dpm-server';
import { rescanOperation } from '../library/rescan';
import { detailedInventoryOperation, fastInventoryOperation } from '../library/inventory';
import { addTapeOperation } from '../library/add-tape';
import { lockDoorOperation, unlockDoorOperation } from '../library/set-library-door';
import { cleanDriveOperation } from '../library/clean-drive';
import { disableLibraryOperation, enableLibraryOperation } from '../library/set-library-enabled';
import { recatalogOperation } from '../library/recatalog-imported-tape';
import { identifyTapeOperation } from '../library/identify-unknown-tape';
import { viewContentsOperation } from '../library/tape-contents';
import { markFreeOperation } from '../library/mark-tape-free';
import { eraseTapeOperation } from '../library/erase-tape';
import { removeTapeOperation } from '../library/remove-tape';
import { addDiskOperation } from '../server/add-disk';
import { diskFailureOperation, removeDiskOperation } from '../server/disk-failure';
import { registerOnlineOperation } from '../server/register-online';
import { failServerOperation } from '../server/fail-server';
import { reinstallOperation } from '../server/reinstall-server';
import { restoreDbOperation } from '../server/dpmsync-restore-db';
import { syncDbOperation } from '../server/dpmsync-sync';
import { reallocateOperation } from '../server/dpmsync-reallocate-replica';
import { dataCopiedOperation } from '../server/dpmsync-data-copied';
import { addComputerOperation } from '../estate/add-computer';
import { addDpmServerOperation } from '../estate/add-dpm-server';
import { removeComputerOperation } from '../estate/remove-computer';
import { removeServerOperation } from '../estate/remove-dpm-server';
import { startVssWriterOperation, stopVssWriterOperation } from '../estate/set-vss-writer';
import { uncleanShutdownOperation } from '../estate/unclean-shutdown';
import { runReadinessCheckOperation } from '../reporting/apply-readiness-alerts';

export const OPERATIONS = [
  // A protected member (context menu and Actions pane), then a protection group.
  recoveryPointOperation,
  checkMemberOperation,
  switchMemberOperation,
  modifyGroupOfMemberOperation,
  diskAllocationOperation,
  stopMemberOperation,
  removeInactiveOperation,
  restoreToReplicaOperation,
  modifyGroupOperation,
  stopGroupOperation,
  switchGroupOperation,
  checkGroupOperation,
  // A recovery point.
  recoverOperation,
  // Monitoring: an alert, a job.
  inactivateOperation,
  acknowledgeOperation,
  retryJobOperation,
  cancelJobOperation,
  // Management › Agents: an agent.
  updateAgentOperation,
  disableAgentOperation,
  enableAgentOperation,
  uninstallAgentOperation,
  reestablishOperation,
  takeOwnershipOperation,
  // Management › Libraries: a library, a tape.
  rescanOperation,
  fastInventoryOperation,
  detailedInventoryOperation,
  addTapeOperation,
  lockDoorOperation,
  unlockDoorOperation,
  cleanDriveOperation,
  disableLibraryOperation,
  enableLibraryOperation,
  recatalogOperation,
  identifyTapeOperation,
  viewContentsOperation,
  markFreeOperation,
  eraseTapeOperation,
  removeTapeOperation,
  // Management › Disks: a disk.
  diskFailureOperation,
  removeDiskOperation,
  // A DPM server: its work areas' buttons, its disaster recovery actions, the estate's controls.
  createGroupOperation,
  installAgentsOperation,
  refreshAgentsOperation,
  addDiskOperation,
  registerOnlineOperation,
  addExternalOperation,
  clearExternalOperation,
  failServerOperation,
  reinstallOperation,
  restoreDbOperation,
  syncDbOperation,
  reallocateOperation,
  dataCopiedOperation,
  startVssWriterOperation,
  stopVssWriterOperation,
  removeServerOperation,
  // The estate, and a computer of it.
  addComputerOperation,
  addDpmServerOperation,
  uncleanShutdownOperation,
  setDpmServerOperation,
  removeComputerOperation,
  // Reporting.
  runReadinessCheckOperation,
] as const satisfies readonly Operation<ObjectKind, never, string>[];

export type OperationId = (typeof OPERATIONS)[number]['id'];

const BY_ID = new Map<string, AnyOperation>(OPERATIONS.map((op) => [op.id, op as AnyOperation]));

export function operationById(id: string): AnyOperation | undefined {
  return BY_ID.get(id);
}

/** The operations of a kind of object, in the order of their controls. */
export function operationsOf<K extends ObjectKind>(kind: K): Operation<K, never, string>[] {
  return OPERATIONS.filter((op) => op.kind === kind) as unknown as Operation<K, never, string>[];
}

/**
 * What can be done to one object, for one actor: each operation DPM shows for it, enabled, or
 * disabled with the reason (the role it needs, or the rule that refuses it and its sentence).
 */
export function availableOperations<K extends ObjectKind>(
  view: View,
  kind: K,
  target: Targets[K],
  actor: Actor,
): Availability[] {
  return operationsOf(kind)
    .filter((op) => op.appliesTo?.(view, target) ?? true)
    .map((op) => availability(op, view, target, actor));
}
