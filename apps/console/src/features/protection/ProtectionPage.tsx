import { useRole } from '../auth/session';
import { useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  Button,
  Dropdown,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Option,
  SearchBox,
  Tree,
  TreeItem,
  TreeItemLayout,
  type PositioningVirtualElement,
} from '@fluentui/react-components';
import { groupsQuery, memberQuery, membersQuery, type MemberFilter, type MemberSort } from '../../api/queries';
import { api, unwrap } from '../../api/client';
import { useConnectedServer } from '../../shell/server-context';
import { Fields, Panes, PaneTitle } from '../../shell/Panes';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { Empty, ErrorState, Loading } from '../../components/states';
import { CommandFeedback, useCommand } from '../../components/command';
import { formatTime } from '../../shell/format';
import { Choice } from '../../components/GroupBy';
import { PROTECTION_STATUSES, type ProtectionStatus } from '@dpm/domain/model';
import { groupOperations, memberOperations, type GroupOperation, type GroupRow, type MemberOperation, type MemberRow } from './operations';
import { StopProtectionDialog, SwitchDialog, DiskAllocationDialog } from './dialogs';
import { ProtectionGroupWizard } from './wizard/ProtectionGroupWizard';

type Selection = { kind: 'all' } | { kind: 'group'; groupId: string } | { kind: 'inactive' };
type GroupBy = 'Protection group' | 'Computer';
type Wizard = { mode: 'create' } | { mode: 'modify'; groupId: string };
type DialogState = { op: 'stop' | 'switch' | 'allocation'; row: MemberRow } | { op: 'stop-group' | 'switch-group'; group: GroupRow };
type MenuTarget = HTMLElement | PositioningVirtualElement;

/** Every replica id of a group, through the paged members list. */
async function groupReplicaIds(serverId: string, groupId: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(await api.servers[':serverId'].protection.members.$get({ param: { serverId }, query: { groupId, sort: 'dataSource', dir: 'asc', limit: '500', cursor } }));
    ids.push(...page.items.map((m) => m.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

/**
 * Shift+F10 opens the context menu from its keydown. The context-menu key is left to the browser,
 * which answers it with a contextmenu event (on key up in Chromium): opening the menu on the
 * keydown too would have that event close it again as a click outside.
 */
function isMenuKey(e: KeyboardEvent): boolean {
  return e.key === 'F10' && e.shiftKey;
}

/** Where a contextmenu event points: the mouse, or the item itself when the keyboard raised it. */
function targetOf(e: MouseEvent<HTMLElement>): MenuTarget {
  const { clientX: x, clientY: y } = e;
  if (x === 0 && y === 0) return e.currentTarget;
  return { getBoundingClientRect: () => ({ x, y, top: y, left: x, bottom: y, right: x, width: 0, height: 0 }) as DOMRect };
}

/** The Protection work area of the connected server; its state starts over on another server. */
export function ProtectionPage() {
  const { serverId } = useConnectedServer();
  return <ProtectionWorkArea key={serverId} serverId={serverId} />;
}

function ProtectionWorkArea({ serverId }: { serverId: string }) {
  const { needs } = useRole();
  const [selection, setSelection] = useState<Selection>({ kind: 'all' });
  const [groupBy, setGroupBy] = useState<GroupBy>('Protection group');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<ProtectionStatus | 'All'>('All');
  const [sort, setSort] = useState<{ key: MemberSort; dir: 'asc' | 'desc' }>({ key: 'group', dir: 'asc' });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [wizard, setWizard] = useState<Wizard | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [groupMenu, setGroupMenu] = useState<{ group: GroupRow; target: MenuTarget } | null>(null);
  const groups = useQuery(groupsQuery(serverId));
  const command = useCommand(serverId);

  const effectiveSort: MemberSort = sort.key === 'group' && groupBy === 'Computer' ? 'computer' : sort.key;
  const filter: MemberFilter = {
    groupId: selection.kind === 'group' ? selection.groupId : undefined,
    inactive: selection.kind === 'inactive',
    search,
    status: status === 'All' ? undefined : status,
    sort: effectiveSort,
    dir: sort.dir,
  };
  const members = useInfiniteQuery(membersQuery(serverId, filter));
  const rows = useMemo(() => members.data?.pages.flatMap((p) => p.items) ?? [], [members.data]);
  const selected = rows.find((r) => r.id === selectedId);
  const details = useQuery({ ...memberQuery(serverId, selectedId ?? ''), enabled: selectedId !== null && selected !== undefined });
  const selectedGroup = selection.kind === 'group' ? groups.data?.find((g) => g.id === selection.groupId) : undefined;

  const select = (next: Selection) => {
    setSelection(next);
    setSelectedId(null);
  };

  const perform = (op: MemberOperation, row: MemberRow) => {
    switch (op) {
      case 'Create recovery point':
        return command.run(op, async () => unwrap(await api.servers[':serverId'].protection['recovery-points'].$post({ param: { serverId }, json: { replicaIds: [row.id], location: 'Disk' } })));
      case 'Perform consistency check':
        return command.run(op, async () => unwrap(await api.servers[':serverId'].protection['consistency-checks'].$post({ param: { serverId }, json: { replicaIds: [row.id] } })));
      case 'Switch Disaster Protection':
        return setDialog({ op: 'switch', row });
      case 'Modify protection group':
        return row.groupId === null ? undefined : setWizard({ mode: 'modify', groupId: row.groupId });
      case 'Stop protection of member':
        return setDialog({ op: 'stop', row });
      case 'Modify disk allocation':
        return setDialog({ op: 'allocation', row });
      case 'Remove inactive protection':
        return command.run(op, async () =>
          unwrap(await api.servers[':serverId'].protection.members[':replicaId']['remove-inactive'].$post({ param: { serverId, replicaId: row.id }, json: {} })),
        );
      default:
        return undefined;
    }
  };

  const performOnGroup = (op: GroupOperation, group: GroupRow) => {
    switch (op) {
      case 'Modify protection group':
        return setWizard({ mode: 'modify', groupId: group.id });
      case 'Stop protection of group':
        return setDialog({ op: 'stop-group', group });
      case 'Switch Disaster Protection':
        return setDialog({ op: 'switch-group', group });
      case 'Perform consistency check':
        return command.run(op, async () => {
          const replicaIds = await groupReplicaIds(serverId, group.id);
          return unwrap(await api.servers[':serverId'].protection['consistency-checks'].$post({ param: { serverId }, json: { replicaIds } }));
        });
      default:
        return undefined;
    }
  };

  const menu = (row: MemberRow) =>
    memberOperations(row, needs).map((o) => (
      <MenuItem key={o.name} disabled={o.disabledReason !== null} title={o.disabledReason ?? undefined} onClick={() => void perform(o.name, row)}>
        {o.name}
      </MenuItem>
    ));

  /** Set when an operation was chosen: its dialog takes the focus, not the tree. */
  const menuChoice = useRef(false);

  const openGroupMenu = (group: GroupRow, target: MenuTarget) => {
    menuChoice.current = false;
    select({ kind: 'group', groupId: group.id });
    setGroupMenu({ group, target });
  };

  const closeGroupMenu = () => {
    const target = groupMenu?.target;
    setGroupMenu(null);
    if (!menuChoice.current && target instanceof HTMLElement) requestAnimationFrame(() => target.focus());
  };

  const columns: Column<(typeof rows)[number]>[] = [
    { key: 'ds', header: 'Data Source', width: 'minmax(180px, 2fr)', sortKey: 'dataSource', render: (r) => (r.sourceServer ? `${r.dataSource} (replica on ${r.sourceServer})` : r.dataSource) },
    { key: 'computer', header: 'Computer', width: '120px', sortKey: 'computer', render: (r) => r.computer },
    { key: 'status', header: 'Protection Status', width: 'minmax(170px, 1fr)', sortKey: 'status', render: (r) => r.status },
    { key: 'path', header: 'Replica Path', width: 'minmax(160px, 1.5fr)', sortKey: 'replicaPath', render: (r) => r.replicaPath },
    { key: 'rp', header: 'Last Recovery Point', width: '170px', sortKey: 'lastRecoveryPoint', render: (r) => formatTime(r.lastRecoveryPoint) },
  ];

  const createButton = (
    <Button appearance="primary" disabled={needs('Administrator') !== null} title={needs('Administrator') ?? undefined} onClick={() => setWizard({ mode: 'create' })}>
      Create protection group
    </Button>
  );

  return (
    <>
      <Panes
        nav={
          <div style={{ padding: 4 }}>
            <label style={{ fontSize: 13, display: 'block', padding: 4 }}>
              Group by
              <Dropdown aria-label="Group by" value={groupBy} selectedOptions={[groupBy]} onOptionSelect={(_, d) => setGroupBy(d.optionValue as GroupBy)} style={{ minWidth: 160 }}>
                <Option value="Protection group">Protection group</Option>
                <Option value="Computer">Computer</Option>
              </Dropdown>
            </label>
            {groups.isPending && <Loading label="Loading protection groups…" />}
            {groups.isError && <ErrorState error={groups.error} />}
            {groups.data && (
              <Tree aria-label="Protection groups" defaultOpenItems={['all']}>
                <TreeItem itemType="branch" value="all">
                  <TreeItemLayout onClick={() => select({ kind: 'all' })} aria-current={selection.kind === 'all' ? 'true' : undefined} style={{ fontWeight: selection.kind === 'all' ? 600 : 400 }}>
                    All Protection Groups
                  </TreeItemLayout>
                  <Tree>
                    {groups.data.map((g) => {
                      const current = selection.kind === 'group' && selection.groupId === g.id;
                      return (
                        <TreeItem
                          key={g.id}
                          itemType="branch"
                          value={g.id}
                          aria-haspopup="menu"
                          onContextMenu={(e) => {
                            if (!ownEvent(e)) return;
                            e.preventDefault();
                            openGroupMenu(g, targetOf(e));
                          }}
                          onKeyDown={(e) => {
                            if (!ownEvent(e)) return;
                            if (isMenuKey(e)) {
                              e.preventDefault();
                              openGroupMenu(g, e.currentTarget);
                            } else if (e.key === 'Enter' || e.key === ' ') {
                              e.preventDefault();
                              select({ kind: 'group', groupId: g.id });
                            }
                          }}
                        >
                          <TreeItemLayout onClick={() => select({ kind: 'group', groupId: g.id })} aria-current={current ? 'true' : undefined} style={{ fontWeight: current ? 600 : 400 }}>
                            {g.name} ({g.members})
                          </TreeItemLayout>
                          <GroupMembers
                            serverId={serverId}
                            groupId={g.id}
                            onPick={(replicaId) => {
                              select({ kind: 'group', groupId: g.id });
                              setSelectedId(replicaId);
                            }}
                          />
                        </TreeItem>
                      );
                    })}
                  </Tree>
                </TreeItem>
                <TreeItem itemType="leaf" value="inactive">
                  <TreeItemLayout onClick={() => select({ kind: 'inactive' })} aria-current={selection.kind === 'inactive' ? 'true' : undefined} style={{ fontWeight: selection.kind === 'inactive' ? 600 : 400 }}>
                    Inactive Protection
                  </TreeItemLayout>
                </TreeItem>
              </Tree>
            )}
            {groupMenu && (
              <Menu open onOpenChange={(_, d) => !d.open && closeGroupMenu()} positioning={{ target: groupMenu.target, position: 'below', align: 'start' }}>
                <MenuPopover>
                  <MenuList aria-label={`${groupMenu.group.name} operations`}>
                    {groupOperations(groupMenu.group, needs).map((o) => (
                      <MenuItem
                        key={o.name}
                        disabled={o.disabledReason !== null}
                        title={o.disabledReason ?? undefined}
                        onClick={() => {
                          menuChoice.current = true;
                          setGroupMenu(null);
                          void performOnGroup(o.name, groupMenu.group);
                        }}
                      >
                        {o.name}
                      </MenuItem>
                    ))}
                  </MenuList>
                </MenuPopover>
              </Menu>
            )}
          </div>
        }
        display={
          <>
            <div style={{ display: 'flex', gap: 8, alignItems: 'center', padding: 6 }}>
              <strong style={{ fontSize: 14 }}>{selection.kind === 'inactive' ? 'Inactive Protection' : (selectedGroup?.name ?? 'All Protection Groups')}</strong>
              <span style={{ flex: 1 }} />
              <Choice label="Protection Status" options={['All', ...PROTECTION_STATUSES] as const} value={status} onChange={setStatus} minWidth={200} />
              <SearchBox aria-label="Search members" placeholder="Search data source or computer" value={search} onChange={(_, d) => setSearch(d.value)} />
            </div>
            {notice && (
              <MessageBar intent="success" role="status" style={{ margin: 6 }}>
                <MessageBarBody>{notice}</MessageBarBody>
                <MessageBarActions containerAction={<Button appearance="transparent" size="small" aria-label="Dismiss" onClick={() => setNotice(null)}>✕</Button>} />
              </MessageBar>
            )}
            <CommandFeedback command={command} />
            {members.isPending && <Loading label="Loading members…" />}
            {members.isError && <ErrorState error={members.error} />}
            {members.data && rows.length === 0 && <Empty>{search || status !== 'All' ? 'No member matches the search and filter.' : selection.kind === 'inactive' ? 'No inactive protection on this DPM server.' : 'No protected members here.'}</Empty>}
            {rows.length > 0 && (
              <VirtualTable
                label="Protected members"
                rows={rows}
                total={members.data?.pages[0]?.total}
                getId={(r) => r.id}
                columns={columns}
                selectedId={selectedId}
                onSelect={(r) => setSelectedId(r.id)}
                sort={{ key: sort.key, dir: sort.dir }}
                onSort={(key) => setSort((s) => ({ key: key as MemberSort, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' }))}
                groupOf={sort.key === 'group' ? (r) => (groupBy === 'Computer' ? r.computer : (r.group ?? 'Inactive')) : undefined}
                onEndReached={members.hasNextPage && !members.isFetchingNextPage ? () => void members.fetchNextPage() : undefined}
                menu={menu}
              />
            )}
          </>
        }
        details={
          selected ? (
            <div>
              <h3 style={{ margin: '0 0 8px', fontSize: 15 }}>
                {selected.dataSource} on {selected.computer}
              </h3>
              <Fields
                items={[
                  ['Protection Status', selected.status],
                  ['Protection group', selected.group ?? 'Inactive'],
                  ['Replica Path', selected.replicaPath],
                  ['Protecting', selected.sourceServer ? `the replica held by ${selected.sourceServer}${selected.switched ? ' (switched: protected directly)' : ''}` : 'the data source directly'],
                  [
                    'Recovery points',
                    details.data
                      ? `${details.data.recoveryPoints.disk} on disk, ${details.data.recoveryPoints.tape} on tape, ${details.data.recoveryPoints.online} online; from ${formatTime(details.data.recoveryPoints.oldest)} to ${formatTime(details.data.recoveryPoints.latest)}`
                      : '…',
                  ],
                  ['Last synchronization', details.data ? formatTime(details.data.lastSyncAt) : '…'],
                  ['Disk allocation', details.data ? `${details.data.allocatedGb} GB for ${details.data.sizeGb} GB of data` : '…'],
                  ['Protected by', details.data ? details.data.protectedBy.join(', ') || 'no secondary DPM server' : '…'],
                ]}
              />
            </div>
          ) : selectedGroup ? (
            <div>
              <h3 style={{ margin: '0 0 8px', fontSize: 15 }}>{selectedGroup.name}</h3>
              <Fields
                items={[
                  ['Members', String(selectedGroup.members)],
                  ['Data protection method', selectedGroup.methods.join(', ') || 'none'],
                  ['Replica creation method', selectedGroup.replicaCreation],
                ]}
              />
            </div>
          ) : (
            <Empty>Select a member to see its protection.</Empty>
          )
        }
        actions={
          <div style={{ display: 'grid', gap: 6 }}>
            <PaneTitle>Actions</PaneTitle>
            {createButton}
            {selected
              ? memberOperations(selected, needs).map((o) => (
                  <Button key={o.name} disabled={o.disabledReason !== null} title={o.disabledReason ?? undefined} onClick={() => void perform(o.name, selected)}>
                    {o.name}
                  </Button>
                ))
              : selectedGroup
                ? groupOperations(selectedGroup, needs).map((o) => (
                    <Button key={o.name} disabled={o.disabledReason !== null} title={o.disabledReason ?? undefined} onClick={() => void performOnGroup(o.name, selectedGroup)}>
                      {o.name}
                    </Button>
                  ))
                : null}
          </div>
        }
      />
      {wizard && (
        <ProtectionGroupWizard
          serverId={serverId}
          mode={wizard.mode}
          groupId={wizard.mode === 'modify' ? wizard.groupId : undefined}
          onClose={() => setWizard(null)}
          onDone={(message) => {
            setWizard(null);
            setNotice(message);
          }}
        />
      )}
      {dialog?.op === 'allocation' && (
        <DiskAllocationDialog
          row={dialog.row}
          onClose={() => setDialog(null)}
          onConfirm={(allocatedGb) => {
            setDialog(null);
            void command.run('Modify disk allocation', async () =>
              unwrap(await api.servers[':serverId'].protection.members[':replicaId']['disk-allocation'].$post({ param: { serverId, replicaId: dialog.row.id }, json: { allocatedGb } })),
            );
          }}
        />
      )}
      {dialog?.op === 'stop' && (
        <StopProtectionDialog
          title="Stop protection of member"
          onClose={() => setDialog(null)}
          onConfirm={(retainReplica) => {
            setDialog(null);
            void command.run('Stop protection of member', async () =>
              unwrap(await api.servers[':serverId'].protection.stop.$post({ param: { serverId }, json: { replicaIds: [dialog.row.id], retainReplica } })),
            );
          }}
        >
          Stop protecting {dialog.row.dataSource} on {dialog.row.computer}.
        </StopProtectionDialog>
      )}
      {dialog?.op === 'stop-group' && (
        <StopProtectionDialog
          title="Stop protection of group"
          onClose={() => setDialog(null)}
          onConfirm={(retainReplica) => {
            setDialog(null);
            select({ kind: 'all' });
            void command.run('Stop protection of group', async () =>
              unwrap(await api.servers[':serverId'].protection.stop.$post({ param: { serverId }, json: { groupId: dialog.group.id, retainReplica } })),
            );
          }}
        >
          Stop protecting the {dialog.group.members} members of {dialog.group.name}; the group is removed.
        </StopProtectionDialog>
      )}
      {dialog?.op === 'switch' && (
        <SwitchDialog
          onClose={() => setDialog(null)}
          onConfirm={() => {
            setDialog(null);
            void command.run('Switch Disaster Protection', async () =>
              unwrap(await api.servers[':serverId'].protection.switch.$post({ param: { serverId }, json: { replicaIds: [dialog.row.id] } })),
            );
          }}
        >
          {dialog.row.switched ? (
            <p>
              Switch protection of {dialog.row.dataSource} on {dialog.row.computer} back to {dialog.row.sourceServer}. {dialog.row.sourceServer} raises an Agent Ownership Required alert and must
              take ownership of the agent; its replica needs a consistency check. This server's replica becomes inconsistent until a consistency check runs.
            </p>
          ) : (
            <p>
              This server takes ownership of the protection agent on {dialog.row.computer} and protects {dialog.row.dataSource} directly instead of through {dialog.row.sourceServer}. The
              replica will appear as inconsistent until you run a consistency check.
            </p>
          )}
        </SwitchDialog>
      )}
      {dialog?.op === 'switch-group' && (
        <SwitchDialog
          onClose={() => setDialog(null)}
          onConfirm={() => {
            setDialog(null);
            void command.run('Switch Disaster Protection', async () =>
              unwrap(await api.servers[':serverId'].protection.switch.$post({ param: { serverId }, json: { groupId: dialog.group.id } })),
            );
          }}
        >
          <p>
            For each member of {dialog.group.name} that is a primary DPM server's data source, this server takes ownership of the protection agent on the protected computer and protects the
            data source directly instead of through the primary. Those replicas appear as inconsistent until you run a consistency check.
          </p>
          <p>
            Members already switched are switched back: their primary DPM server raises Agent Ownership Required alerts and must take ownership of the agents again; its replicas then need a
            consistency check.
          </p>
        </SwitchDialog>
      )}
    </>
  );
}

/** A key or menu event of this tree item itself, not one bubbling up from a member inside it. */
function ownEvent(e: { target: EventTarget; currentTarget: EventTarget }): boolean {
  return e.target instanceof Element && e.target.closest('[role="treeitem"]') === e.currentTarget;
}

/** A group's members in the Navigation pane: the first page, the rest in the Display pane. */
function GroupMembers({ serverId, groupId, onPick }: { serverId: string; groupId: string; onPick: (replicaId: string) => void }) {
  const members = useInfiniteQuery(membersQuery(serverId, { groupId, sort: 'dataSource', dir: 'asc' }));
  const first = members.data?.pages[0];
  return (
    <Tree>
      {members.isPending && (
        <TreeItem itemType="leaf" value={`${groupId}-loading`}>
          <TreeItemLayout>Loading members…</TreeItemLayout>
        </TreeItem>
      )}
      {(first?.items ?? []).map((m) => (
        <TreeItem key={m.id} itemType="leaf" value={m.id}>
          <TreeItemLayout onClick={() => onPick(m.id)}>
            {m.sourceServer ? `${m.dataSource} (replica on ${m.sourceServer})` : m.dataSource} — {m.computer}
          </TreeItemLayout>
        </TreeItem>
      ))}
      {first && first.total > first.items.length && (
        <TreeItem itemType="leaf" value={`${groupId}-more`}>
          <TreeItemLayout>{first.total - first.items.length} more members in the Display pane</TreeItemLayout>
        </TreeItem>
      )}
    </Tree>
  );
}
