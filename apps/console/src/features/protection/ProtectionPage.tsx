import { lazy, Suspense, useMemo, useState } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, MessageBar, MessageBarActions, MessageBarBody, SearchBox } from '@fluentui/react-components';
import { groupsQuery, memberQuery, membersQuery, serverOperationsQuery, serversQuery, type MemberFilter, type MemberSort } from '../../api/queries';
import { api, unwrap } from '../../api/client';
import { useConnectedServer } from '../../shell/server-context';
import { Fields, Panes, PaneTitle } from '../../shell/Panes';
import { VirtualTable, type Column, type SelectHow } from '../../components/VirtualTable';
import { Empty, ErrorState, Loading } from '../../components/states';
import { CommandFeedback, useCommand } from '../../components/command';
import { OperationButton, OperationButtons, OperationMenuItem, combinedOffer, offerOf, type Offer } from '../../components/operations';
import { formatTime } from '../../shell/format';
import { Choice } from '../../components/GroupBy';
import { PROTECTION_STATUSES, type ProtectionStatus } from '@dpm/domain/model';
import { DiskAllocationDialog, StopProtectionDialog, SwitchDialog, type SwitchDirection } from './dialogs';
import { GroupTree, type GroupBy, type Selection } from './GroupTree';
import { memberLabel, type GroupRow, type MemberRow } from './types';

/** The Create/Modify protection group wizard is a chunk of its own, fetched when first opened. */
const ProtectionGroupWizard = lazy(async () => ({ default: (await import('./wizard/ProtectionGroupWizard')).ProtectionGroupWizard }));

type Wizard = { mode: 'create' } | { mode: 'modify'; groupId: string };
type DialogState =
  | { op: 'stop' | 'switch' | 'allocation'; offer: Offer; row: MemberRow }
  | { op: 'switch-many'; offer: Offer; rows: MemberRow[] }
  | { op: 'stop-group' | 'switch-group'; offer: Offer; group: GroupRow };

/** What the Actions pane and the menu offer for several selected members at once. */
const MANY = ['protection.create-recovery-point', 'protection.consistency-check', 'protection.switch'] as const;

/** The member operations of the Protection work area (a member's menu and Actions pane). */
const PROTECTION = (o: Offer) => o.area === 'Protection';

/** The Protection work area of the connected server; its state starts over on another server. */
export function ProtectionPage() {
  const { serverId } = useConnectedServer();
  return <ProtectionWorkArea key={serverId} serverId={serverId} />;
}

function ProtectionWorkArea({ serverId }: { serverId: string }) {
  const [selection, setSelection] = useState<Selection>({ kind: 'all' });
  const [groupBy, setGroupBy] = useState<GroupBy>('Protection group');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<ProtectionStatus | 'All'>('All');
  const [sort, setSort] = useState<{ key: MemberSort; dir: 'asc' | 'desc' }>({ key: 'group', dir: 'asc' });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [wizard, setWizard] = useState<Wizard | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const groups = useQuery(groupsQuery(serverId));
  const serverOps = useQuery(serverOperationsQuery(serverId));
  const servers = useQuery(serversQuery());
  const serverName = servers.data?.find((s) => s.id === serverId)?.name ?? serverId;
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
  const many = rows.filter((r) => chosen.has(r.id));
  const manyOffers = many.length > 1 ? MANY.flatMap((id) => combinedOffer(id, many.map((r) => ({ name: `${r.dataSource} on ${r.computer}`, offers: r.operations }))) ?? []) : [];
  const pick = (row: MemberRow, how: SelectHow = 'only') => {
    if (how === 'toggle') {
      const next = new Set(chosen);
      if (next.has(row.id)) next.delete(row.id);
      else next.add(row.id);
      setChosen(next);
    } else if (how === 'range') {
      const from = rows.findIndex((r) => r.id === selectedId);
      const to = rows.findIndex((r) => r.id === row.id);
      const [a, b] = from < 0 ? [to, to] : [Math.min(from, to), Math.max(from, to)];
      setChosen(new Set([...chosen, ...rows.slice(a, b + 1).map((r) => r.id)]));
      // The anchor stays where the range started.
      return;
    } else {
      setChosen(new Set([row.id]));
    }
    setSelectedId(row.id);
  };
  const details = useQuery({ ...memberQuery(serverId, selectedId ?? ''), enabled: selectedId !== null && selected !== undefined });
  const selectedGroup = selection.kind === 'group' ? groups.data?.find((g) => g.id === selection.groupId) : undefined;
  const protection = api.servers[':serverId'].protection;

  const select = (next: Selection) => {
    setSelection(next);
    setSelectedId(null);
    setChosen(new Set());
  };

  /** Runs the operation a member's control offered, or opens the dialog that asks for its input. */
  const perform = (offer: Offer, row: MemberRow) => {
    switch (offer.id) {
      case 'protection.create-recovery-point':
        return command.run(offer.name, async () => unwrap(await protection['recovery-points'].$post({ param: { serverId }, json: { replicaIds: [row.id], location: 'Disk' } })));
      case 'protection.consistency-check':
        return command.run(offer.name, async () => unwrap(await protection['consistency-checks'].$post({ param: { serverId }, json: { replicaIds: [row.id] } })));
      case 'protection.switch':
        return setDialog({ op: 'switch', offer, row });
      case 'protection.modify-group-of-member':
        return row.groupId === null ? undefined : setWizard({ mode: 'modify', groupId: row.groupId });
      case 'protection.stop-member':
        return setDialog({ op: 'stop', offer, row });
      case 'protection.modify-disk-allocation':
        return setDialog({ op: 'allocation', offer, row });
      case 'protection.remove-inactive':
        return command.run(offer.name, async () => unwrap(await protection.members[':replicaId']['remove-inactive'].$post({ param: { serverId, replicaId: row.id }, json: {} })));
      default:
        return undefined;
    }
  };

  const performOnGroup = (offer: Offer, group: GroupRow) => {
    switch (offer.id) {
      case 'protection.modify-group':
        return setWizard({ mode: 'modify', groupId: group.id });
      case 'protection.stop-group':
        return setDialog({ op: 'stop-group', offer, group });
      case 'protection.switch-group':
        return setDialog({ op: 'switch-group', offer, group });
      case 'protection.consistency-check-group':
        return command.run(offer.name, async () => unwrap(await protection['consistency-checks'].$post({ param: { serverId }, json: { groupId: group.id } })));
      default:
        return undefined;
    }
  };

  const switchTo = (direction: SwitchDirection, body: { replicaIds: string[] } | { groupId: string }) => {
    setDialog(null);
    void command.run('Switch Disaster Protection', async () => unwrap(await protection.switch.$post({ param: { serverId }, json: { ...body, direction } })));
  };

  /** Runs an operation on every selected member at once, as DPM's Actions pane does. */
  const performOnMany = (offer: Offer, targets: MemberRow[]) => {
    const replicaIds = targets.map((r) => r.id);
    switch (offer.id) {
      case 'protection.create-recovery-point':
        return command.run(offer.name, async () => unwrap(await protection['recovery-points'].$post({ param: { serverId }, json: { replicaIds, location: 'Disk' } })));
      case 'protection.consistency-check':
        return command.run(offer.name, async () => unwrap(await protection['consistency-checks'].$post({ param: { serverId }, json: { replicaIds } })));
      case 'protection.switch':
        return setDialog({ op: 'switch-many', offer, rows: targets });
      default:
        return undefined;
    }
  };

  const menu = (row: MemberRow) =>
    many.length > 1 && chosen.has(row.id)
      ? manyOffers.map((o) => <OperationMenuItem key={o.id} offer={o} onChoose={(offer) => void performOnMany(offer, many)} />)
      : row.operations.filter(PROTECTION).map((o) => <OperationMenuItem key={o.id} offer={o} onChoose={(offer) => void perform(offer, row)} />);

  const columns: Column<MemberRow>[] = [
    { key: 'ds', header: 'Data Source', width: 'minmax(180px, 2fr)', sortKey: 'dataSource', render: (r) => memberLabel(r) },
    { key: 'computer', header: 'Computer', width: '120px', sortKey: 'computer', render: (r) => r.computer },
    { key: 'status', header: 'Protection Status', width: 'minmax(170px, 1fr)', sortKey: 'status', render: (r) => r.status },
    { key: 'path', header: 'Replica Path', width: 'minmax(160px, 1.5fr)', sortKey: 'replicaPath', render: (r) => r.replicaPath },
    { key: 'rp', header: 'Last Recovery Point', width: '170px', sortKey: 'lastRecoveryPoint', render: (r) => formatTime(r.lastRecoveryPoint) },
  ];

  return (
    <>
      <Panes
        nav={
          <>
            {groups.isPending && <Loading label="Loading protection groups…" />}
            {groups.isError && <ErrorState error={groups.error} />}
            {groups.data && (
              <GroupTree
                serverId={serverId}
                groups={groups.data}
                selection={selection}
                groupBy={groupBy}
                onGroupBy={setGroupBy}
                onSelect={select}
                onPickMember={(groupId, replicaId) => {
                  select({ kind: 'group', groupId });
                  setSelectedId(replicaId);
                  setChosen(new Set([replicaId]));
                }}
                onGroupOperation={(offer, group) => void performOnGroup(offer, group)}
              />
            )}
          </>
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
            {members.data && rows.length === 0 && (
              <Empty>{search || status !== 'All' ? 'No member matches the search and filter.' : selection.kind === 'inactive' ? 'No inactive protection on this DPM server.' : 'No protected members here.'}</Empty>
            )}
            {rows.length > 0 && (
              <VirtualTable
                label="Protected members"
                rows={rows}
                total={members.data?.pages[0]?.total}
                getId={(r) => r.id}
                columns={columns}
                selectedId={selectedId}
                selectedIds={chosen}
                onSelect={pick}
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
            <MemberDetails row={selected} details={details.data} />
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
            <OperationButton appearance="primary" offer={offerOf(serverOps.data, 'protection.create-group')} onClick={() => setWizard({ mode: 'create' })} />
            {many.length > 1 ? (
              <>
                <span style={{ fontSize: 12 }}>{many.length} members selected</span>
                <OperationButtons offers={manyOffers} onChoose={(offer) => void performOnMany(offer, many)} />
              </>
            ) : selected ? (
              <OperationButtons offers={selected.operations.filter(PROTECTION)} onChoose={(offer) => void perform(offer, selected)} />
            ) : selectedGroup ? (
              <OperationButtons offers={selectedGroup.operations} onChoose={(offer) => void performOnGroup(offer, selectedGroup)} />
            ) : null}
          </div>
        }
      />
      {wizard && (
        <Suspense fallback={null}>
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
        </Suspense>
      )}
      {dialog?.op === 'allocation' && (
        <DiskAllocationDialog
          row={dialog.row}
          onClose={() => setDialog(null)}
          onConfirm={(allocatedGb) => {
            setDialog(null);
            void command.run(dialog.offer.name, async () =>
              unwrap(
                await protection.members[':replicaId']['disk-allocation'].$post({ param: { serverId, replicaId: dialog.row.id }, json: { allocatedGb, expectedRevision: dialog.row.revision.n } }),
              ),
            );
          }}
        />
      )}
      {dialog?.op === 'stop' && (
        <StopProtectionDialog
          title={dialog.offer.name}
          onClose={() => setDialog(null)}
          onConfirm={(retainReplica) => {
            setDialog(null);
            void command.run(dialog.offer.name, async () => unwrap(await protection.stop.$post({ param: { serverId }, json: { replicaIds: [dialog.row.id], retainReplica } })));
          }}
        >
          Stop protecting {dialog.row.dataSource} on {dialog.row.computer}.
        </StopProtectionDialog>
      )}
      {dialog?.op === 'stop-group' && (
        <StopProtectionDialog
          title={dialog.offer.name}
          onClose={() => setDialog(null)}
          onConfirm={(retainReplica) => {
            setDialog(null);
            select({ kind: 'all' });
            void command.run(dialog.offer.name, async () => unwrap(await protection.stop.$post({ param: { serverId }, json: { groupId: dialog.group.id, retainReplica } })));
          }}
        >
          Stop protecting the {dialog.group.members} members of {dialog.group.name}; the group is removed.
        </StopProtectionDialog>
      )}
      {dialog?.op === 'switch' && (
        <SwitchDialog
          offer={dialog.offer}
          subject={{ what: `${dialog.row.dataSource} on ${dialog.row.computer}`, secondary: serverName, primary: dialog.row.sourceServer ?? 'the primary DPM server' }}
          onClose={() => setDialog(null)}
          onConfirm={(direction) => switchTo(direction, { replicaIds: [dialog.row.id] })}
        />
      )}
      {dialog?.op === 'switch-many' && (
        <SwitchDialog
          offer={dialog.offer}
          subject={{
            what: `the ${dialog.rows.length} selected data sources`,
            secondary: serverName,
            primary: [...new Set(dialog.rows.map((r) => r.sourceServer ?? 'the primary DPM server'))].join(', '),
          }}
          onClose={() => setDialog(null)}
          onConfirm={(direction) => switchTo(direction, { replicaIds: dialog.rows.map((r) => r.id) })}
        />
      )}
      {dialog?.op === 'switch-group' && (
        <SwitchDialog
          offer={dialog.offer}
          subject={{ what: `the members of ${dialog.group.name}`, secondary: serverName, primary: 'their primary DPM server' }}
          onClose={() => setDialog(null)}
          onConfirm={(direction) => switchTo(direction, { groupId: dialog.group.id })}
        />
      )}
    </>
  );
}

type Details = { recoveryPoints: { disk: number; tape: number; online: number; oldest: number | null; latest: number | null }; lastSyncAt: number | null; allocatedGb: number; sizeGb: number; protectedBy: string[] };

/** The Details pane of a member. */
function MemberDetails({ row, details }: { row: MemberRow; details: Details | undefined }) {
  return (
    <div>
      <h3 style={{ margin: '0 0 8px', fontSize: 15 }}>
        {row.dataSource} on {row.computer}
      </h3>
      <Fields
        items={[
          ['Protection Status', row.status],
          ['Protection group', row.group ?? 'Inactive'],
          ['Replica Path', row.replicaPath],
          ['Protecting', row.sourceServer ? `the replica held by ${row.sourceServer}${row.switched ? ' (switched: protected directly)' : ''}` : 'the data source directly'],
          [
            'Recovery points',
            details
              ? `${details.recoveryPoints.disk} on disk, ${details.recoveryPoints.tape} on tape, ${details.recoveryPoints.online} online; from ${formatTime(details.recoveryPoints.oldest)} to ${formatTime(details.recoveryPoints.latest)}`
              : '…',
          ],
          ['Last synchronization', details ? formatTime(details.lastSyncAt) : '…'],
          ['Disk allocation', details ? `${details.allocatedGb} GB for ${details.sizeGb} GB of data` : '…'],
          ['Protected by', details ? details.protectedBy.join(', ') || 'no secondary DPM server' : '…'],
        ]}
      />
    </div>
  );
}
