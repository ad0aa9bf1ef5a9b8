import type { useCommand } from '../../components/command';
import { combinedOffer, type Offer } from '../../components/operations';
import * as commands from './commands';
import type { DialogState } from './ProtectionDialogs';
import type { GroupRow, MemberRow } from './types';

export type Wizard = { mode: 'create' } | { mode: 'modify'; groupId: string };

/** What the Actions pane and the menu offer for several selected members at once. */
const MANY = ['protection.create-recovery-point', 'protection.consistency-check', 'protection.switch'] as const;

/** The member operations of the Protection work area (a member's menu and Actions pane). */
export const PROTECTION = (o: Offer) => o.area === 'Protection';

/** The operations offered for every one of several members, read from each member's offers. */
export function offersForMany(many: readonly MemberRow[]): Offer[] {
  if (many.length < 2) return [];
  const each = many.map((r) => ({ name: `${r.dataSource} on ${r.computer}`, offers: r.operations }));
  return MANY.flatMap((id) => combinedOffer(id, each) ?? []);
}

interface Openers {
  serverId: string;
  command: ReturnType<typeof useCommand>;
  openDialog: (d: DialogState) => void;
  openWizard: (w: Wizard) => void;
}

/**
 * What choosing an operation does, for a member, a group or several members: the command runs
 * at once, or the dialog or wizard that asks for its input opens.
 */
export function protectionOperations({ serverId, command, openDialog, openWizard }: Openers) {
  const run = (offer: Offer, call: () => Promise<unknown>) => command.run(offer.name, call);

  const onMember = (offer: Offer, row: MemberRow) => {
    switch (offer.id) {
      case 'protection.create-recovery-point':
        return run(offer, () => commands.createRecoveryPoints(serverId, [row.id]));
      case 'protection.consistency-check':
        return run(offer, () => commands.checkConsistency(serverId, { replicaIds: [row.id] }));
      case 'protection.switch':
        return openDialog({ op: 'switch', offer, row });
      case 'protection.modify-group-of-member':
        return row.groupId === null ? undefined : openWizard({ mode: 'modify', groupId: row.groupId });
      case 'protection.stop-member':
        return openDialog({ op: 'stop', offer, row });
      case 'protection.modify-disk-allocation':
        return openDialog({ op: 'allocation', offer, row });
      case 'protection.remove-inactive':
        return run(offer, () => commands.removeInactive(serverId, row.id));
      default:
        return undefined;
    }
  };

  const onGroup = (offer: Offer, group: GroupRow) => {
    switch (offer.id) {
      case 'protection.modify-group':
        return openWizard({ mode: 'modify', groupId: group.id });
      case 'protection.stop-group':
        return openDialog({ op: 'stop-group', offer, group });
      case 'protection.switch-group':
        return openDialog({ op: 'switch-group', offer, group });
      case 'protection.consistency-check-group':
        // The server checks the group's members itself: the console need not list them.
        return run(offer, () => commands.checkConsistency(serverId, { groupId: group.id }));
      default:
        return undefined;
    }
  };

  /** Runs an operation on every selected member at once, as DPM's Actions pane does. */
  const onMany = (offer: Offer, targets: MemberRow[]) => {
    const replicaIds = targets.map((r) => r.id);
    switch (offer.id) {
      case 'protection.create-recovery-point':
        return run(offer, () => commands.createRecoveryPoints(serverId, replicaIds));
      case 'protection.consistency-check':
        return run(offer, () => commands.checkConsistency(serverId, { replicaIds }));
      case 'protection.switch':
        return openDialog({ op: 'switch-many', offer, rows: targets });
      default:
        return undefined;
    }
  };

  return { onMember, onGroup, onMany };
}

export type ProtectionOperations = ReturnType<typeof protectionOperations>;
