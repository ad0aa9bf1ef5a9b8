import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { useCommand } from '../../components/command';
import { PaneTitle } from '../../shell/Panes';
import { RoleButton } from '../../components/RoleButton';
import { AgentInstallWizard } from './AgentInstallWizard';

interface AgentRow {
  computerId: string;
  computer: string;
  status: 'OK' | 'Unreachable' | 'Incompatible' | 'Disabled';
  ownedByThisServer: boolean;
  protectedMembers: number;
}

/**
 * Management › Agents, Actions pane: Install (the wizard), Refresh Information, and for the
 * selected agent Update, Disable protection / Enable protection and Uninstall. The server
 * decides; a disabled button says why the console already knows it would be refused.
 */
export function AgentActions({ serverId, serverName, row, command }: { serverId: string; serverName: string; row: AgentRow | undefined; command: ReturnType<typeof useCommand> }) {
  const [installing, setInstalling] = useState(false);
  const agent = api.servers[':serverId'].agents;
  const on = (label: string, call: () => Promise<unknown>) => void command.run(label, call);
  const notOwner = row && !row.ownedByThisServer ? `${serverName} does not own this agent.` : undefined;
  return (
    <div style={{ display: 'grid', gap: 6 }}>
      <PaneTitle>Agents</PaneTitle>
      <RoleButton needs="Administrator"
        onClick={() => {
          command.clear();
          setInstalling(true);
        }}
      >
        Install
      </RoleButton>
      <RoleButton needs="Operator" onClick={() => on('Refresh Information', async () => unwrap(await agent.refresh.$post({ param: { serverId }, json: {} })))}>Refresh Information</RoleButton>
      {row && (
        <>
          <RoleButton needs="Administrator" disabled={notOwner !== undefined} title={notOwner} onClick={() => on('Update', async () => unwrap(await agent.update.$post({ param: { serverId }, json: { computerIds: [row.computerId] } })))}>
            Update
          </RoleButton>
          {row.status === 'Disabled' ? (
            <RoleButton needs="Administrator"
              disabled={notOwner !== undefined}
              title={notOwner}
              onClick={() => on('Enable protection', async () => unwrap(await agent[':computerId']['enable-protection'].$post({ param: { serverId, computerId: row.computerId }, json: {} })))}
            >
              Enable protection
            </RoleButton>
          ) : (
            <RoleButton needs="Administrator"
              disabled={notOwner !== undefined}
              title={notOwner}
              onClick={() => on('Disable protection', async () => unwrap(await agent[':computerId']['disable-protection'].$post({ param: { serverId, computerId: row.computerId }, json: {} })))}
            >
              Disable protection
            </RoleButton>
          )}
          <RoleButton needs="Administrator"
            title={row.protectedMembers > 0 ? `${serverName} still protects data of ${row.computer}; stop protection first.` : undefined}
            onClick={() => on('Uninstall', async () => unwrap(await agent[':computerId'].uninstall.$post({ param: { serverId, computerId: row.computerId }, json: {} })))}
          >
            Uninstall
          </RoleButton>
        </>
      )}
      {installing && <AgentInstallWizard serverId={serverId} serverName={serverName} command={command} onClose={() => setInstalling(false)} />}
    </div>
  );
}
