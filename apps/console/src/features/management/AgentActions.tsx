import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, unwrap } from '../../api/client';
import { serverOperationsQuery } from '../servers/queries';
import type { useCommand } from '../../components/command';
import { PaneTitle } from '../../shell/Panes';
import { OperationButton, OperationButtons, offerOf, type Offer } from '../../components/operations';
import { AgentInstallWizard } from './AgentInstallWizard';
import { ReestablishProtectionDialog } from './ReestablishProtectionDialog';

export type AgentRow = InferResponseType<(typeof api.servers)[':serverId']['agents']['$get'], 200>[number];

/**
 * Management › Agents, Actions pane: Install (the wizard) and Refresh Information for the server,
 * and for the selected agent the operations the server offers for it (Update, Disable protection
 * or Enable protection, Uninstall, Re-establish protection, Take Ownership), each enabled or
 * disabled with DPM's reason. An agent edited from here says which revision of it was shown.
 */
export function AgentActions({ serverId, serverName, row, command }: { serverId: string; serverName: string; row: AgentRow | undefined; command: ReturnType<typeof useCommand> }) {
  const [installing, setInstalling] = useState(false);
  const [reestablishing, setReestablishing] = useState(false);
  const serverOps = useQuery(serverOperationsQuery(serverId));
  const agent = api.servers[':serverId'].agents;

  const perform = (offer: Offer, r: AgentRow) => {
    const param = { serverId, computerId: r.computerId };
    const json = { expectedRevision: r.revision.n };
    switch (offer.id) {
      case 'agents.update':
        return command.run(offer.name, async () => unwrap(await agent.update.$post({ param: { serverId }, json: { computerIds: [r.computerId] } })));
      case 'agents.disable-protection':
        return command.run(offer.name, async () => unwrap(await agent[':computerId']['disable-protection'].$post({ param, json })));
      case 'agents.enable-protection':
        return command.run(offer.name, async () => unwrap(await agent[':computerId']['enable-protection'].$post({ param, json })));
      case 'agents.uninstall':
        return command.run(offer.name, async () => unwrap(await agent[':computerId'].uninstall.$post({ param, json })));
      case 'agents.take-ownership':
        return command.run(offer.name, async () => unwrap(await agent[':computerId']['take-ownership'].$post({ param, json })));
      case 'agents.reestablish':
        command.clear();
        return setReestablishing(true);
      default:
        return undefined;
    }
  };

  return (
    <div style={{ display: 'grid', gap: 6 }}>
      <PaneTitle>Agents</PaneTitle>
      <OperationButton
        offer={offerOf(serverOps.data, 'agents.install')}
        onClick={() => {
          command.clear();
          setInstalling(true);
        }}
      />
      <OperationButton
        offer={offerOf(serverOps.data, 'agents.refresh')}
        onClick={() => void command.run('Refresh Information', async () => unwrap(await agent.refresh.$post({ param: { serverId }, json: {} })))}
      />
      {row && (
        <>
          <PaneTitle>{row.computer}</PaneTitle>
          <OperationButtons offers={row.operations} onChoose={(offer) => void perform(offer, row)} />
        </>
      )}
      {installing && <AgentInstallWizard serverId={serverId} serverName={serverName} command={command} onClose={() => setInstalling(false)} />}
      {reestablishing && row && (
        <ReestablishProtectionDialog serverId={serverId} serverName={serverName} computerId={row.computerId} computer={row.computer} revision={row.revision.n} onClose={() => setReestablishing(false)} />
      )}
    </div>
  );
}
