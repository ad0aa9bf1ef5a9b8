import { lazy, Suspense, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import type { api } from '../../api/client';
import { serverOperationsQuery } from '../servers/queries';
import type { useCommand } from '../../components/command';
import { PaneTitle } from '../../shell/Panes';
import { OperationButton, OperationButtons, offerOf, type Offer } from '../../components/operations';
import { ReestablishProtectionDialog } from './ReestablishProtectionDialog';
import { updateAgents, refreshAgents, agentCommand, type AgentCommand } from './commands';
import { useLayoutStyles } from '../../components/layout';

/** The Protection Agent Installation Wizard is a chunk of its own, fetched when first opened. */
const AgentInstallWizard = lazy(async () => ({ default: (await import('./AgentInstallWizard')).AgentInstallWizard }));

export type AgentRow = InferResponseType<(typeof api.servers)[':serverId']['agents']['$get'], 200>[number];

/**
 * Management › Agents, Actions pane: Install (the wizard) and Refresh Information for the server,
 * and for the selected agent the operations the server offers for it (Update, Disable protection
 * or Enable protection, Uninstall, Re-establish protection, Take Ownership), each enabled or
 * disabled with DPM's reason. An agent edited from here says which revision of it was shown.
 */
export function AgentActions({
  serverId,
  serverName,
  row,
  command,
}: {
  serverId: string;
  serverName: string;
  row: AgentRow | undefined;
  command: ReturnType<typeof useCommand>;
}) {
  const layout = useLayoutStyles();
  const [installing, setInstalling] = useState(false);
  const [reestablishing, setReestablishing] = useState(false);
  const serverOps = useQuery(serverOperationsQuery(serverId));

  const perform = (offer: Offer, r: AgentRow) => {
    const on = (which: AgentCommand) =>
      command.run(offer.name, () => agentCommand(serverId, r.computerId, which, r.revision.n));
    switch (offer.id) {
      case 'agents.update':
        return command.run(offer.name, () => updateAgents(serverId, [r.computerId]));
      case 'agents.disable-protection':
        return on('disable-protection');
      case 'agents.enable-protection':
        return on('enable-protection');
      case 'agents.uninstall':
        return on('uninstall');
      case 'agents.take-ownership':
        return on('take-ownership');
      case 'agents.reestablish':
        command.clear();
        return setReestablishing(true);
      default:
        return undefined;
    }
  };

  return (
    <div className={layout.stack}>
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
        onClick={() => void command.run('Refresh Information', () => refreshAgents(serverId))}
      />
      {row && (
        <>
          <PaneTitle>{row.computer}</PaneTitle>
          <OperationButtons offers={row.operations} onChoose={(offer) => void perform(offer, row)} />
        </>
      )}
      {installing && (
        <Suspense fallback={null}>
          <AgentInstallWizard
            serverId={serverId}
            serverName={serverName}
            command={command}
            onClose={() => setInstalling(false)}
          />
        </Suspense>
      )}
      {reestablishing && row && (
        <ReestablishProtectionDialog
          serverId={serverId}
          serverName={serverName}
          computerId={row.computerId}
          computer={row.computer}
          revision={row.revision.n}
          onClose={() => setReestablishing(false)}
        />
      )}
    </div>
  );
}
