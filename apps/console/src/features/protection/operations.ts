/** The role each operation needs, as the server's permission table has it. */
const ROLE_OF: Record<MemberOperation | GroupOperation, 'Operator' | 'Administrator'> = {
  'Create recovery point': 'Operator',
  'Perform consistency check': 'Operator',
  'Switch Disaster Protection': 'Administrator',
  'Modify protection group': 'Administrator',
  'Stop protection of member': 'Administrator',
  'Modify disk allocation': 'Administrator',
  'Stop protection of group': 'Administrator',
  'Remove inactive protection': 'Administrator',
};

type RoleCheck = (role: 'Operator' | 'Administrator') => string | null;

/** A role the user lacks disables the operation first; otherwise the state's reason stands. */
function withRoles<T extends MemberOperation | GroupOperation>(ops: { name: T; disabledReason: string | null }[], needs: RoleCheck) {
  return ops.map((o) => ({ ...o, disabledReason: needs(ROLE_OF[o.name]) ?? o.disabledReason }));
}

export interface MemberRow {
  id: string;
  dataSource: string;
  kind: string;
  computer: string;
  status: string;
  groupId: string | null;
  sourceServer: string | null;
  switched: boolean;
}

export type MemberOperation =
  | 'Create recovery point'
  | 'Modify protection group'
  | 'Perform consistency check'
  | 'Switch Disaster Protection'
  | 'Modify disk allocation'
  | 'Stop protection of member'
  | 'Remove inactive protection';

/**
 * The operations of a member's context menu and Actions pane, each disabled with the reason when
 * it does not apply. This is a preview for the console: the server decides and its refusal is
 * shown as DPM words it.
 */
export function memberOperations(row: MemberRow, needs: RoleCheck = () => null): { name: MemberOperation; disabledReason: string | null }[] {
  return withRoles(memberOperationsByState(row), needs);
}

function memberOperationsByState(row: MemberRow): { name: MemberOperation; disabledReason: string | null }[] {
  if (row.groupId === null) {
    return [{ name: 'Remove inactive protection', disabledReason: null }];
  }
  const ok = row.status === 'OK';
  // As the domain decides (perform-consistency-check.ts); a manually created replica also needs its
  // data restored first, which the row doesn't carry: the server says so if it is not.
  const checkable = ok || row.status === 'Replica is inconsistent' || row.status === 'Replica inconsistent, verification in progress' || row.status === 'Manual replica creation pending';
  return [
    { name: 'Create recovery point', disabledReason: ok ? null : `A recovery point can't be created while the replica is "${row.status}".` },
    { name: 'Perform consistency check', disabledReason: checkable ? null : `A consistency check can't run while the replica is "${row.status}".` },
    {
      name: 'Switch Disaster Protection',
      disabledReason:
        row.sourceServer === null
          ? 'Switch Disaster Protection applies on a secondary DPM server to the data sources its primary protects.'
          : row.kind === 'DPMDB'
            ? "A DPM server's database can't be switched."
            : null,
    },
    { name: 'Modify protection group', disabledReason: null },
    { name: 'Modify disk allocation', disabledReason: null },
    { name: 'Stop protection of member', disabledReason: null },
  ];
}

export interface GroupRow {
  id: string;
  name: string;
  members: number;
}

export type GroupOperation = 'Modify protection group' | 'Stop protection of group' | 'Switch Disaster Protection' | 'Perform consistency check';

/** The operations of a protection group's context menu and Actions pane (console-terms.md › Protection). */
export function groupOperations(group: GroupRow, needs: RoleCheck = () => null): { name: GroupOperation; disabledReason: string | null }[] {
  const empty = group.members === 0 ? `${group.name} has no members.` : null;
  return withRoles([
    { name: 'Modify protection group', disabledReason: null },
    { name: 'Stop protection of group', disabledReason: null },
    { name: 'Switch Disaster Protection', disabledReason: empty },
    { name: 'Perform consistency check', disabledReason: empty },
  ], needs);
}
