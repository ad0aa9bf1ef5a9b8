import { useState } from 'react';
import { NavLink, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Tab, TabList } from '@fluentui/react-components';
import { agentsQuery } from './queries';
import { serversQuery } from '../servers/queries';
import { useConnectedServer } from '../../shell/server-context';
import { Fields, Panes } from '../../shell/Panes';
import type { Column } from '../../components/VirtualTable';
import { QueryTable } from '../../components/QueryTable';
import { TabbedPage } from '../../components/TabbedPage';
import { Empty } from '../../components/states';
import { CommandFeedback, useCommand } from '../../components/command';
import { AgentActions, type AgentRow } from './AgentActions';
import { DisksTab } from './DisksTab';
import { LibrariesTab } from './LibrariesTab';
import { OnlineTab } from './OnlineTab';
import { EstateTab } from './EstateTab';

export function ManagementPage() {
  const { tab = 'agents' } = useParams();
  const navigate = useNavigate();
  const { serverId } = useConnectedServer();
  return (
    <TabbedPage
      tabs={
        <TabList selectedValue={tab} onTabSelect={(_, d) => void navigate(`/management/${String(d.value)}`)}>
          <Tab value="agents">Agents</Tab>
          <Tab value="disks">Disks</Tab>
          <Tab value="libraries">Libraries</Tab>
          <Tab value="online">Online</Tab>
          <Tab value="estate">Estate</Tab>
        </TabList>
      }
      // Mark as failed, Reinstall DPM, the DpmSync commands and the runbook of the connected server.
      aside={serverId && <NavLink to={`/servers/${serverId}`}>Server actions</NavLink>}
    >
      {tab === 'disks' ? (
        <DisksTab />
      ) : tab === 'libraries' ? (
        <LibrariesTab />
      ) : tab === 'online' ? (
        <OnlineTab />
      ) : tab === 'estate' ? (
        <EstateTab />
      ) : (
        <AgentsTab />
      )}
    </TabbedPage>
  );
}

function AgentsTab() {
  const { serverId } = useConnectedServer();
  const agents = useQuery(agentsQuery(serverId));
  const servers = useQuery(serversQuery());
  const command = useCommand(serverId);
  const [selected, setSelected] = useState<string | null>(null);
  type Row = AgentRow;
  const row = agents.data?.find((a) => a.computerId === selected);
  const serverName = servers.data?.find((s) => s.id === serverId)?.name ?? '';
  const columns: Column<Row>[] = [
    { key: 'name', header: 'Computer', width: 'minmax(140px, 1fr)', render: (r) => r.computer },
    { key: 'version', header: 'Agent Version', width: '140px', render: (r) => r.agentVersion },
    { key: 'status', header: 'Agent Status', width: '110px', render: (r) => r.status },
    {
      key: 'owner',
      header: 'Owning DPM server',
      width: '150px',
      render: (r) =>
        r.pendingOwner ? `${r.owner ?? '—'} ` + `(${r.pendingOwner} must take ownership)` : (r.owner ?? '—'),
    },
    {
      key: 'protection',
      header: 'Protection',
      width: '140px',
      render: (r) => (r.protectedMembers > 0 ? `${r.protectedMembers} protected` : 'Unprotected'),
    },
  ];
  return (
    <Panes
      display={
        <>
          <CommandFeedback command={command} />
          <QueryTable
            query={agents}
            loading="Loading agents…"
            empty="No protection agent is attached to this DPM server."
            label="Agents"
            getId={(r) => r.computerId}
            columns={columns}
            selectedId={selected}
            onSelect={(r) => setSelected(r.computerId)}
          />
        </>
      }
      details={
        row ? (
          <Fields
            items={[
              ['Computer', `${row.computer} (${row.fqdn})`],
              ['Kind', row.isDpmServer ? 'DPM server' : 'Protected computer'],
              ['Agent version', row.agentVersion],
              ['Agent status', row.error ? `${row.status}: ${row.error}` : row.status],
              ['Owned by', row.owner ?? 'no DPM server'],
              ['Protected members on this server', String(row.protectedMembers)],
            ]}
          />
        ) : (
          <Empty>Select a computer to see its agent.</Empty>
        )
      }
      actions={<AgentActions serverId={serverId} serverName={serverName} row={row} command={command} />}
    />
  );
}
