import type { useCommand } from '../../components/command';
import type { Offer } from '../../components/operations';
import * as commands from './commands';
import { DiskAllocationDialog, StopProtectionDialog, SwitchDialog } from './dialogs';
import type { GroupRow, MemberRow } from './types';

/** The dialog an operation opened, with the member(s) or group it is about. */
export type DialogState =
  | { op: 'stop' | 'switch' | 'allocation'; offer: Offer; row: MemberRow }
  | { op: 'switch-many'; offer: Offer; rows: MemberRow[] }
  | { op: 'stop-group' | 'switch-group'; offer: Offer; group: GroupRow };

interface ProtectionDialogsProps {
  dialog: DialogState;
  serverId: string;
  /** The connected server's name: the secondary of a switch. */
  serverName: string;
  command: ReturnType<typeof useCommand>;
  onClose: () => void;
  /** A stopped group is removed: the Navigation pane goes back to All Protection Groups. */
  onGroupStopped: () => void;
}

const PRIMARY = 'the primary DPM server';

/** The open dialog of the Protection work area, and the command its confirmation runs. */
export function ProtectionDialogs({
  dialog,
  serverId,
  serverName,
  command,
  onClose,
  onGroupStopped,
}: ProtectionDialogsProps) {
  const confirm = (call: () => Promise<unknown>) => {
    onClose();
    void command.run(dialog.offer.name, call);
  };
  const switchTo = (target: commands.MembersOrGroup) => (direction: commands.SwitchDirection) => {
    onClose();
    void command.run('Switch Disaster Protection', () => commands.switchProtection(serverId, target, direction));
  };
  switch (dialog.op) {
    case 'allocation': {
      const { row } = dialog;
      return (
        <DiskAllocationDialog
          row={row}
          onClose={onClose}
          onConfirm={(gb) => confirm(() => commands.modifyDiskAllocation(serverId, row.id, gb, row.revision.n))}
        />
      );
    }
    case 'stop':
      return (
        <StopProtectionDialog
          title={dialog.offer.name}
          onClose={onClose}
          onConfirm={(retain) =>
            confirm(() => commands.stopProtection(serverId, { replicaIds: [dialog.row.id] }, retain))
          }
        >
          Stop protecting {dialog.row.dataSource} on {dialog.row.computer}.
        </StopProtectionDialog>
      );
    case 'stop-group':
      return (
        <StopProtectionDialog
          title={dialog.offer.name}
          onClose={onClose}
          onConfirm={(retain) => {
            onGroupStopped();
            confirm(() => commands.stopProtection(serverId, { groupId: dialog.group.id }, retain));
          }}
        >
          Stop protecting the {dialog.group.members} members of {dialog.group.name}; the group is removed.
        </StopProtectionDialog>
      );
    case 'switch': {
      const { row } = dialog;
      const subject = {
        what: `${row.dataSource} on ${row.computer}`,
        secondary: serverName,
        primary: row.sourceServer ?? PRIMARY,
      };
      return (
        <SwitchDialog
          offer={dialog.offer}
          subject={subject}
          onClose={onClose}
          onConfirm={switchTo({ replicaIds: [row.id] })}
        />
      );
    }
    case 'switch-many': {
      const { rows } = dialog;
      const subject = {
        what: `the ${rows.length} selected data sources`,
        secondary: serverName,
        primary: [...new Set(rows.map((r) => r.sourceServer ?? PRIMARY))].join(', '),
      };
      const target = { replicaIds: rows.map((r) => r.id) };
      return <SwitchDialog offer={dialog.offer} subject={subject} onClose={onClose} onConfirm={switchTo(target)} />;
    }
    case 'switch-group': {
      const { group } = dialog;
      const subject = {
        what: `the members of ${group.name}`,
        secondary: serverName,
        primary: 'their primary DPM server',
      };
      return (
        <SwitchDialog
          offer={dialog.offer}
          subject={subject}
          onClose={onClose}
          onConfirm={switchTo({ groupId: group.id })}
        />
      );
    }
  }
}
