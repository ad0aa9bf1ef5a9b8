import { useMemo, useState } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  MenuItem,
  Option,
  Radio,
  RadioGroup,
  SearchBox,
  Tree,
  TreeItem,
  TreeItemLayout,
} from '@fluentui/react-components';
import { groupsQuery, memberQuery, membersQuery, type MemberFilter, type MemberSort } from '../../api/queries';
import { api, unwrap } from '../../api/client';
import { useConnectedServer } from '../../shell/server-context';
import { Fields, Panes, PaneTitle } from '../../shell/Panes';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { Empty, ErrorState, Loading } from '../../components/states';
import { CommandFeedback, useCommand } from '../../components/command';
import { formatTime } from '../../shell/format';
import { memberOperations, type MemberOperation, type MemberRow } from './operations';

type Selection = { kind: 'all' } | { kind: 'group'; groupId: string } | { kind: 'inactive' };
type GroupBy = 'Protection group' | 'Computer';

export function ProtectionPage() {
  const { serverId } = useConnectedServer();
  const [selection, setSelection] = useState<Selection>({ kind: 'all' });
  const [groupBy, setGroupBy] = useState<GroupBy>('Protection group');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<{ key: MemberSort; dir: 'asc' | 'desc' }>({ key: 'group', dir: 'asc' });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<{ op: 'stop' | 'switch'; row: MemberRow } | null>(null);
  const groups = useQuery(groupsQuery(serverId));
  const command = useCommand(serverId);

  const effectiveSort: MemberSort = sort.key === 'group' && groupBy === 'Computer' ? 'computer' : sort.key;
  const filter: MemberFilter = {
    groupId: selection.kind === 'group' ? selection.groupId : undefined,
    inactive: selection.kind === 'inactive',
    search,
    sort: effectiveSort,
    dir: sort.dir,
  };
  const members = useInfiniteQuery(membersQuery(serverId, filter));
  const rows = useMemo(() => members.data?.pages.flatMap((p) => p.items) ?? [], [members.data]);
  const selected = rows.find((r) => r.id === selectedId);
  const details = useQuery({ ...memberQuery(serverId, selectedId ?? ''), enabled: selectedId !== null && selected !== undefined });

  const perform = (op: MemberOperation, row: MemberRow) => {
    switch (op) {
      case 'Create recovery point':
        return command.run(op, async () => unwrap(await api.servers[':serverId'].protection['recovery-points'].$post({ param: { serverId }, json: { replicaIds: [row.id], location: 'Disk' } })));
      case 'Perform consistency check':
        return command.run(op, async () => unwrap(await api.servers[':serverId'].protection['consistency-checks'].$post({ param: { serverId }, json: { replicaIds: [row.id] } })));
      case 'Switch Disaster Protection':
        return setDialog({ op: 'switch', row });
      case 'Stop protection of member':
        return setDialog({ op: 'stop', row });
      case 'Remove inactive protection':
        return command.run(op, async () =>
          unwrap(await api.servers[':serverId'].protection.members[':replicaId']['remove-inactive'].$post({ param: { serverId, replicaId: row.id }, json: {} })),
        );
      default:
        return undefined;
    }
  };

  const menu = (row: MemberRow) =>
    memberOperations(row).map((o) => (
      <MenuItem key={o.name} disabled={o.disabledReason !== null} title={o.disabledReason ?? undefined} onClick={() => void perform(o.name, row)}>
        {o.name}
      </MenuItem>
    ));

  const columns: Column<(typeof rows)[number]>[] = [
    { key: 'ds', header: 'Data Source', width: 'minmax(180px, 2fr)', sortKey: 'dataSource', render: (r) => (r.sourceServer ? `${r.dataSource} (replica on ${r.sourceServer})` : r.dataSource) },
    { key: 'computer', header: 'Computer', width: '120px', sortKey: 'computer', render: (r) => r.computer },
    { key: 'status', header: 'Protection Status', width: 'minmax(170px, 1fr)', sortKey: 'status', render: (r) => r.status },
    { key: 'path', header: 'Replica Path', width: 'minmax(160px, 1.5fr)', sortKey: 'replicaPath', render: (r) => r.replicaPath },
    { key: 'rp', header: 'Last Recovery Point', width: '170px', sortKey: 'lastRecoveryPoint', render: (r) => formatTime(r.lastRecoveryPoint) },
  ];

  const selectedGroupName = selection.kind === 'group' ? groups.data?.find((g) => g.id === selection.groupId)?.name : undefined;

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
                  <TreeItemLayout onClick={() => setSelection({ kind: 'all' })} aria-current={selection.kind === 'all' ? 'true' : undefined} style={{ fontWeight: selection.kind === 'all' ? 600 : 400 }}>
                    All Protection Groups
                  </TreeItemLayout>
                  <Tree>
                    {groups.data.map((g) => (
                      <TreeItem key={g.id} itemType="leaf" value={g.id}>
                        <TreeItemLayout
                          onClick={() => setSelection({ kind: 'group', groupId: g.id })}
                          aria-current={selection.kind === 'group' && selection.groupId === g.id ? 'true' : undefined}
                          style={{ fontWeight: selection.kind === 'group' && selection.groupId === g.id ? 600 : 400 }}
                        >
                          {g.name} ({g.members})
                        </TreeItemLayout>
                      </TreeItem>
                    ))}
                  </Tree>
                </TreeItem>
                <TreeItem itemType="leaf" value="inactive">
                  <TreeItemLayout onClick={() => setSelection({ kind: 'inactive' })} aria-current={selection.kind === 'inactive' ? 'true' : undefined} style={{ fontWeight: selection.kind === 'inactive' ? 600 : 400 }}>
                    Inactive Protection
                  </TreeItemLayout>
                </TreeItem>
              </Tree>
            )}
          </div>
        }
        display={
          <>
            <div style={{ display: 'flex', gap: 8, alignItems: 'center', padding: 6 }}>
              <strong style={{ fontSize: 14 }}>{selection.kind === 'inactive' ? 'Inactive Protection' : (selectedGroupName ?? 'All Protection Groups')}</strong>
              <span style={{ flex: 1 }} />
              <SearchBox aria-label="Search members" placeholder="Search data source or computer" value={search} onChange={(_, d) => setSearch(d.value)} />
            </div>
            <CommandFeedback command={command} />
            {members.isPending && <Loading label="Loading members…" />}
            {members.isError && <ErrorState error={members.error} />}
            {members.data && rows.length === 0 && <Empty>{search ? 'No member matches the search.' : selection.kind === 'inactive' ? 'No inactive protection on this DPM server.' : 'No protected members here.'}</Empty>}
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
                  ['Protected by', details.data ? details.data.protectedBy.join(', ') || 'no secondary DPM server' : '…'],
                ]}
              />
            </div>
          ) : (
            <Empty>Select a member to see its protection.</Empty>
          )
        }
        actions={
          selected ? (
            <div style={{ display: 'grid', gap: 6 }}>
              <PaneTitle>Actions</PaneTitle>
              {memberOperations(selected).map((o) => (
                <Button key={o.name} disabled={o.disabledReason !== null} title={o.disabledReason ?? undefined} onClick={() => void perform(o.name, selected)}>
                  {o.name}
                </Button>
              ))}
            </div>
          ) : undefined
        }
      />
      {dialog?.op === 'stop' && (
        <StopProtectionDialog
          row={dialog.row}
          onClose={() => setDialog(null)}
          onConfirm={(retainReplica) => {
            setDialog(null);
            void command.run('Stop protection of member', async () =>
              unwrap(await api.servers[':serverId'].protection.stop.$post({ param: { serverId }, json: { replicaIds: [dialog.row.id], retainReplica } })),
            );
          }}
        />
      )}
      {dialog?.op === 'switch' && (
        <SwitchDialog
          row={dialog.row}
          onClose={() => setDialog(null)}
          onConfirm={() => {
            setDialog(null);
            void command.run('Switch Disaster Protection', async () =>
              unwrap(await api.servers[':serverId'].protection.switch.$post({ param: { serverId }, json: { replicaIds: [dialog.row.id] } })),
            );
          }}
        />
      )}
    </>
  );
}

function StopProtectionDialog({ row, onClose, onConfirm }: { row: MemberRow; onClose: () => void; onConfirm: (retain: boolean) => void }) {
  const [choice, setChoice] = useState<'retain' | 'delete'>('retain');
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Stop protection of member</DialogTitle>
          <DialogContent>
            <p>
              Stop protecting {row.dataSource} on {row.computer}. Retained replicas and their recovery points stay under Inactive Protection until you remove them.
            </p>
            <RadioGroup aria-label="Replica" value={choice} onChange={(_, d) => setChoice(d.value as 'retain' | 'delete')}>
              <Radio value="retain" label="Retain replicas on disk" />
              <Radio value="delete" label="Delete replica on disk" />
            </RadioGroup>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onConfirm(choice === 'retain')}>
              Stop protection
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function SwitchDialog({ row, onClose, onConfirm }: { row: MemberRow; onClose: () => void; onConfirm: () => void }) {
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Switch Disaster Protection</DialogTitle>
          <DialogContent>
            {row.switched ? (
              <p>
                Switch protection of {row.dataSource} on {row.computer} back to {row.sourceServer}. {row.sourceServer} raises an Agent Ownership Required alert and must take ownership of the
                agent; its replica needs a consistency check. This server's replica becomes inconsistent until a consistency check runs.
              </p>
            ) : (
              <p>
                This server takes ownership of the protection agent on {row.computer} and protects {row.dataSource} directly instead of through {row.sourceServer}. The replica will appear as
                inconsistent until you run a consistency check.
              </p>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              Switch
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
