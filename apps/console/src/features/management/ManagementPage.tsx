import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, MenuItem, ProgressBar, Tab, TabList } from '@fluentui/react-components';
import { agentsQuery, disksQuery, librariesQuery, serversQuery } from '../../api/queries';
import { api, unwrap } from '../../api/client';
import { useConnectedServer } from '../../shell/server-context';
import { Fields, Panes, PaneTitle } from '../../shell/Panes';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { Empty, ErrorState, Loading } from '../../components/states';
import { CommandFeedback, useCommand } from '../../components/command';
import { formatGb, formatTime } from '../../shell/format';

export function ManagementPage() {
  const { tab = 'agents' } = useParams();
  const navigate = useNavigate();
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <TabList selectedValue={tab} onTabSelect={(_, d) => navigate(`/management/${String(d.value)}`)} style={{ padding: '0 12px' }}>
        <Tab value="agents">Agents</Tab>
        <Tab value="disks">Disks</Tab>
        <Tab value="libraries">Libraries</Tab>
        <Tab value="online">Online</Tab>
      </TabList>
      <div style={{ flex: 1, minHeight: 0 }}>
        {tab === 'disks' ? <DisksTab /> : tab === 'libraries' ? <LibrariesTab /> : tab === 'online' ? <OnlineTab /> : <AgentsTab />}
      </div>
    </div>
  );
}

function AgentsTab() {
  const { serverId } = useConnectedServer();
  const agents = useQuery(agentsQuery(serverId));
  const [selected, setSelected] = useState<string | null>(null);
  type Row = NonNullable<typeof agents.data>[number];
  const row = agents.data?.find((a) => a.computerId === selected);
  const columns: Column<Row>[] = [
    { key: 'name', header: 'Computer', width: 'minmax(140px, 1fr)', render: (r) => r.computer },
    { key: 'version', header: 'Agent Version', width: '140px', render: (r) => r.agentVersion },
    { key: 'status', header: 'Agent Status', width: '110px', render: (r) => r.status },
    { key: 'owner', header: 'Owning DPM server', width: '150px', render: (r) => (r.pendingOwner ? `${r.owner ?? '—'} (${r.pendingOwner} must take ownership)` : (r.owner ?? '—')) },
    { key: 'protection', header: 'Protection', width: '140px', render: (r) => (r.protectedMembers > 0 ? `${r.protectedMembers} protected` : 'Unprotected') },
  ];
  return (
    <Panes
      display={
        <>
          {agents.isPending && <Loading label="Loading agents…" />}
          {agents.isError && <ErrorState error={agents.error} />}
          {agents.data?.length === 0 && <Empty>No protection agent is attached to this DPM server.</Empty>}
          {agents.data && agents.data.length > 0 && (
            <VirtualTable label="Agents" rows={agents.data} getId={(r) => r.computerId} columns={columns} selectedId={selected} onSelect={(r) => setSelected(r.computerId)} />
          )}
        </>
      }
      details={
        row ? (
          <Fields
            items={[
              ['Computer', `${row.computer} (${row.fqdn})`],
              ['Kind', row.isDpmServer ? 'DPM server (protected as a primary by this server)' : 'Protected computer'],
              ['Agent version', row.agentVersion],
              ['Agent status', row.status],
              ['Owned by', row.owner ?? 'no DPM server'],
              ['Protected members on this server', String(row.protectedMembers)],
            ]}
          />
        ) : (
          <Empty>Select a computer to see its agent.</Empty>
        )
      }
    />
  );
}

function DisksTab() {
  const { serverId } = useConnectedServer();
  const disks = useQuery(disksQuery(serverId));
  return (
    <Panes
      display={
        <div style={{ padding: 12 }}>
          {disks.isPending && <Loading label="Loading the storage pool…" />}
          {disks.isError && <ErrorState error={disks.error} />}
          {disks.data && (
            <>
              <PaneTitle>Storage pool</PaneTitle>
              <Fields
                items={[
                  ['Total capacity', formatGb(disks.data.storagePoolGb)],
                  ['Allocated', formatGb(disks.data.allocatedGb)],
                  ['Unallocated', formatGb(disks.data.freeGb)],
                  ['Replica volumes', String(disks.data.replicas)],
                ]}
              />
              <ProgressBar value={disks.data.storagePoolGb > 0 ? disks.data.allocatedGb / disks.data.storagePoolGb : 0} aria-label="Storage pool allocated" style={{ marginTop: 12, maxWidth: 400 }} />
            </>
          )}
        </div>
      }
    />
  );
}

function LibrariesTab() {
  const { serverId } = useConnectedServer();
  const libraries = useQuery(librariesQuery(serverId));
  const servers = useQuery(serversQuery());
  const command = useCommand(serverId);
  const [selectedTape, setSelectedTape] = useState<string | null>(null);
  const library = libraries.data?.[0];
  type Tape = NonNullable<typeof library>['tapes'][number];
  const tape = library?.tapes.find((t) => t.id === selectedTape);
  const serverName = servers.data?.find((s) => s.id === serverId)?.name ?? '';

  const libraryAction = (label: string, call: () => Promise<unknown>) => command.run(label, call);
  const rescan = () =>
    library && libraryAction('Rescan', async () => unwrap(await api.servers[':serverId'].libraries[':libraryId'].rescan.$post({ param: { serverId, libraryId: library.id }, json: {} })));
  const inventory = (kind: 'Fast' | 'Detailed') =>
    library &&
    libraryAction(`${kind} inventory`, async () =>
      unwrap(await api.servers[':serverId'].libraries[':libraryId'].inventory.$post({ param: { serverId, libraryId: library.id }, json: { kind } })),
    );
  const recatalog = (t: Tape) =>
    libraryAction('Recatalog imported tape', async () => unwrap(await api.servers[':serverId'].tapes[':tapeId'].recatalog.$post({ param: { serverId, tapeId: t.id }, json: {} })));
  const markFree = (t: Tape) =>
    libraryAction('Mark as free', async () => unwrap(await api.servers[':serverId'].tapes[':tapeId']['mark-free'].$post({ param: { serverId, tapeId: t.id }, json: {} })));
  const erase = (t: Tape) => libraryAction('Erase tape', async () => unwrap(await api.servers[':serverId'].tapes[':tapeId'].erase.$post({ param: { serverId, tapeId: t.id }, json: {} })));

  const tapeOps = (t: Tape) => [
    { name: 'Recatalog imported tape', run: () => recatalog(t), disabled: t.status !== 'Imported' ? 'Only an imported tape is recataloged.' : null },
    { name: 'Mark as free', run: () => markFree(t), disabled: t.status === 'Free' ? 'The tape is already free.' : t.status === 'Unknown' ? 'Run a detailed inventory to identify the tape first.' : null },
    { name: 'Erase tape', run: () => erase(t), disabled: t.status === 'Unknown' ? 'Run a detailed inventory to identify the tape first.' : null },
  ];

  const columns = useMemo<Column<Tape>[]>(
    () => [
      { key: 'slot', header: 'Slot', width: '60px', render: (t) => (t.slot === null ? t.location : String(t.slot)) },
      { key: 'barcode', header: 'Barcode', width: '110px', render: (t) => t.barcode || '—' },
      { key: 'label', header: 'Label', width: 'minmax(160px, 1.5fr)', render: (t) => t.label ?? '—' },
      { key: 'status', header: 'Status', width: 'minmax(140px, 1fr)', render: (t) => t.status },
      { key: 'sets', header: 'Data Sets', width: '90px', render: (t) => String(t.dataSets) },
      { key: 'expiry', header: 'Expiry', width: '170px', render: (t) => formatTime(t.expiry) },
      { key: 'writer', header: 'Written by', width: '100px', render: (t) => t.writtenBy ?? '—' },
    ],
    [],
  );

  return (
    <Panes
      nav={
        <div style={{ padding: 8 }}>
          <PaneTitle>Libraries</PaneTitle>
          {libraries.data?.map((l) => (
            <Fields
              key={l.id}
              items={[
                ['Library', l.name],
                ['Drives', l.drives.map((d) => d.name).join(', ')],
                ['Slots', String(l.slots)],
                ['Door', l.doorLocked ? 'Locked' : 'Unlocked'],
                ['State', l.enabled ? (l.available ? 'Enabled' : 'Not available') : 'Disabled'],
                ['Last rescan', formatTime(l.lastRescanAt)],
              ]}
            />
          ))}
        </div>
      }
      display={
        <>
          <CommandFeedback command={command} />
          {libraries.isPending && <Loading label="Loading libraries…" />}
          {libraries.isError && <ErrorState error={libraries.error} />}
          {libraries.data?.length === 0 && <Empty>No tape library is attached to {serverName}.</Empty>}
          {library && (
            <VirtualTable
              label="Tapes"
              rows={library.tapes}
              getId={(t) => t.id}
              columns={columns}
              selectedId={selectedTape}
              onSelect={(t) => setSelectedTape(t.id)}
              menu={(t) =>
                tapeOps(t).map((o) => (
                  <MenuItem key={o.name} disabled={o.disabled !== null} title={o.disabled ?? undefined} onClick={() => void o.run()}>
                    {o.name}
                  </MenuItem>
                ))
              }
            />
          )}
        </>
      }
      details={
        tape ? (
          <Fields
            items={[
              ['Barcode', tape.barcode || '—'],
              ['Label', tape.label ?? '—'],
              ['Status', tape.status],
              ['Data sets', String(tape.dataSets)],
              ['Written by', tape.writtenBy ?? '—'],
              ['Encrypted', tape.encrypted ? 'Yes' : 'No'],
              ['Holds a DPM database backup', tape.hasDatabaseBackup ? 'Yes' : 'No'],
            ]}
          />
        ) : (
          <Empty>Select a tape to see its details.</Empty>
        )
      }
      actions={
        library ? (
          <div style={{ display: 'grid', gap: 6 }}>
            <PaneTitle>Library</PaneTitle>
            <Button onClick={() => void rescan()}>Rescan</Button>
            <Button onClick={() => void inventory('Fast')}>Fast inventory</Button>
            <Button onClick={() => void inventory('Detailed')}>Detailed inventory</Button>
            {tape && (
              <>
                <PaneTitle>Tape</PaneTitle>
                {tapeOps(tape).map((o) => (
                  <Button key={o.name} disabled={o.disabled !== null} title={o.disabled ?? undefined} onClick={() => void o.run()}>
                    {o.name}
                  </Button>
                ))}
              </>
            )}
          </div>
        ) : undefined
      }
    />
  );
}

function OnlineTab() {
  const servers = useQuery(serversQuery());
  const { serverId } = useConnectedServer();
  const server = servers.data?.find((s) => s.id === serverId);
  return <Panes display={<Empty>{server ? `${server.name} is not registered for online protection.` : ''}</Empty>} />;
}
