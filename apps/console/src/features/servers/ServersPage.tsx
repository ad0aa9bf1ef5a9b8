import { isOnline } from '@dpm/domain/model';
import { useState } from 'react';
import { NavLink, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button } from '@fluentui/react-components';
import { serverOperationsQuery, serversQuery } from './queries';
import { CommandFeedback, useCommand } from '../../components/command';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useConnectedServer } from '../../shell/server-context';
import { Fields, Panes, PaneTitle } from '../../shell/Panes';
import { CommandDialog, ReinstallDialog, RestoreDbDialog } from './dialogs';
import { Runbook, actionId } from './Runbook';
import { OperationButton, type Offer } from '../../components/operations';
import { ProtectsSummary } from '../topology/Protects';
import { dpmSync, markFailed } from './commands';

type DialogKind = 'fail' | 'reinstall' | 'restore-db' | 'data-copied';

/**
 * /servers: the connected server's page (rendered in place: a redirect from an effect could overwrite the next
 * click).
 */
export function ServersIndex() {
  return <ServersPage />;
}

/**
 * Server disaster recovery (console-terms.md › DpmSync and friends): the estate's DPM servers;
 * for the selected one Mark as failed, Reinstall DPM and the DpmSync commands, and the runbook
 * Recover a DPM server. Every command is decided by the server; a refusal shows DPM's sentence.
 */
export function ServersPage() {
  const { serverId: connectedId, connect } = useConnectedServer();
  const { serverId = connectedId } = useParams();
  const servers = useQuery(serversQuery());
  const command = useCommand(serverId);
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const server = servers.data?.find((s) => s.id === serverId);
  const operations = useQuery({ ...serverOperationsQuery(serverId), enabled: server !== undefined });
  const secondaryId = servers.data?.find((s) => server?.protectedBy.includes(s.name))?.id ?? null;

  const open = (kind: DialogKind) => {
    command.clear();
    setDialog(kind);
  };
  const close = () => setDialog(null);
  const runDpmSync = (label: string, call: () => Promise<unknown>) => {
    command.clear();
    void command.run(label, call);
  };

  /** What each server recovery operation does when chosen, and its control's tooltip. */
  const CONTROLS: Record<string, { title: string; onClick: (serverId: string) => void }> = {
    'server-recovery.mark-failed': { title: 'Rehearse the loss of this DPM server', onClick: () => open('fail') },
    'server-recovery.reinstall': {
      title: 'Install DPM again with a new, empty DPM database',
      onClick: () => open('reinstall'),
    },
    'server-recovery.restore-db': {
      title: 'DpmSync -RestoreDb -DbLoc <location> [-InstanceName <server\\instance>]',
      onClick: () => open('restore-db'),
    },
    'server-recovery.sync-db': {
      title: 'DpmSync -Sync',
      onClick: (id) => runDpmSync('Synchronize database', () => dpmSync(id, 'sync')),
    },
    'server-recovery.reallocate-replicas': {
      title: 'DpmSync -ReallocateReplica',
      onClick: (id) => runDpmSync('Reallocate replicas', () => dpmSync(id, 'reallocate-replica')),
    },
    'server-recovery.data-copied': { title: 'DpmSync -DataCopied', onClick: () => open('data-copied') },
  };
  const actions: Offer[] = (operations.data ?? []).filter((o) => o.area === 'DPM servers');

  return (
    <Panes
      nav={
        <nav aria-label="DPM servers" style={{ padding: 4 }}>
          <PaneTitle>DPM servers</PaneTitle>
          {servers.isPending && <Loading label="Loading DPM servers…" />}
          {servers.isError && <ErrorState error={servers.error} />}
          <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 2 }}>
            {servers.data?.map((s) => (
              <li key={s.id}>
                <NavLink
                  to={`/servers/${s.id}`}
                  aria-label={`${s.name}, ${s.state}`}
                  style={({ isActive }) => ({
                    display: 'block',
                    padding: '6px 8px',
                    borderRadius: 4,
                    textDecoration: 'none',
                    color: 'var(--colorNeutralForeground1)',
                    fontWeight: isActive ? 600 : 400,
                    background: isActive ? 'var(--colorNeutralBackground1Selected)' : undefined,
                  })}
                >
                  {s.name}{' '}
                  <span
                    style={{
                      color: isOnline(s) ? 'var(--colorNeutralForeground3)' : 'var(--colorPaletteRedForeground1)',
                    }}
                  >
                    — {s.state}
                  </span>
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      }
      display={
        <div style={{ padding: 12, overflow: 'auto' }}>
          {dialog === null && <CommandFeedback command={command} />}
          {servers.data && !server && (
            <Empty>There is no DPM server {serverId} in this estate. Choose one in the list.</Empty>
          )}
          {server && (
            <>
              <h1 style={{ fontSize: 18, margin: '0 0 8px' }}>
                {server.name} ({server.fqdn})
              </h1>
              <Fields
                items={[
                  ['State', server.state],
                  ['DPM service', isOnline(server) ? server.service : '—'],
                  ['Version', `DPM ${server.version}`],
                  [
                    'DPM database',
                    server.dbRestorePending
                      ? 'Restored; run Synchronize database (DpmSync -Sync)'
                      : isOnline(server)
                        ? 'Attached'
                        : '—',
                  ],
                  [
                    'Role',
                    [server.primary ? 'Primary' : null, server.secondary ? 'Secondary' : null]
                      .filter((r) => r !== null)
                      .join(', ') || '—',
                  ],
                  [
                    'Protects',
                    <ProtectsSummary
                      key={server.id}
                      serverId={server.id}
                      name={server.name}
                      protects={server.protects}
                      empty="—"
                    />,
                  ],
                  ['Protected by', server.protectedBy.join(', ') || '—'],
                  ['Active alerts', `${server.activeAlerts} (${server.criticalAlerts} critical)`],
                ]}
              />
              {server.id !== connectedId && (
                <Button size="small" style={{ marginTop: 8 }} onClick={() => connect(server.id)}>
                  Connect to {server.name}
                </Button>
              )}
              {server.moveOptions.length > 0 && (
                <section aria-label="Supported options" style={{ marginTop: 12 }}>
                  <h2 style={{ fontSize: 14, margin: '8px 0 4px' }}>When a primary under secondary protection fails</h2>
                  <p style={{ fontSize: 13, margin: '0 0 4px' }}>
                    Moving its protected computers to another DPM server that {server.protectedBy.join(', ')} knows is
                    not supported (MOVE_UNSUPPORTED). The supported options:
                  </p>
                  <ol style={{ fontSize: 13, margin: 0 }}>
                    {server.moveOptions.map((o) => (
                      <li key={o}>{o.replace(/^Option \d: /, '')}</li>
                    ))}
                  </ol>
                </section>
              )}
              <Runbook serverId={server.id} secondaryId={secondaryId} />
            </>
          )}
        </div>
      }
      actions={
        server ? (
          <div style={{ display: 'grid', gap: 6 }}>
            <PaneTitle>{server.name}</PaneTitle>
            {actions.map((a) => (
              <OperationButton
                key={a.id}
                offer={a}
                id={actionId(a.name)}
                title={CONTROLS[a.id]?.title}
                disabled={command.pending}
                onClick={() => CONTROLS[a.id]?.onClick(server.id)}
              />
            ))}
            {dialog === 'fail' && (
              <CommandDialog
                title="Mark as failed"
                confirm="Mark as failed"
                command={command}
                onClose={close}
                run={() => markFailed(server.id)}
              >
                <p style={{ margin: 0, fontSize: 13 }}>
                  Rehearse the loss of {server.name}: its running jobs fail, scheduled ones are canceled, and the server
                  that owns its agent
                  {server.protectedBy.length > 0 ? ` (${server.protectedBy.join(', ')})` : ''} raises Agent unreachable.
                </p>
              </CommandDialog>
            )}
            {dialog === 'reinstall' && <ReinstallDialog server={server} command={command} onClose={close} />}
            {dialog === 'restore-db' && <RestoreDbDialog server={server} command={command} onClose={close} />}
            {dialog === 'data-copied' && (
              <CommandDialog
                title="Data copied"
                confirm="Data copied"
                command={command}
                onClose={close}
                run={() => dpmSync(server.id, 'data-copied')}
              >
                <p style={{ margin: 0, fontSize: 13 }}>
                  DpmSync -DataCopied: you copied the data into the replicas of {server.name} that are Manual replica
                  creation pending by hand. They are then ready for a consistency check. To restore them from the
                  secondary instead, use Restore to replica in Recovery.
                </p>
              </CommandDialog>
            )}
          </div>
        ) : undefined
      }
    />
  );
}
