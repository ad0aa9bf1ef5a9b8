import { isOnline } from '@dpm/domain/model';
import { useState } from 'react';
import { NavLink, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
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
import { useLayoutStyles } from '../../components/layout';

const useStyles = makeStyles({
  nav: { padding: tokens.spacingHorizontalXS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXXS },
  link: {
    display: 'block',
    padding: '6px 8px',
    borderRadius: tokens.borderRadiusMedium,
    textDecoration: 'none',
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightRegular,
  },
  active: { fontWeight: tokens.fontWeightSemibold, background: tokens.colorNeutralBackground1Selected },
  down: { color: tokens.colorPaletteRedForeground1 },
  display: { padding: tokens.spacingHorizontalM, overflow: 'auto' },
  title: { fontSize: '18px', margin: '0 0 8px' },
  connect: { marginTop: tokens.spacingVerticalS },
  options: { marginTop: tokens.spacingVerticalM },
  optionsHeading: { margin: '8px 0 4px' },
  optionsText: { fontSize: '13px', margin: '0 0 4px' },
  optionsList: { fontSize: '13px', margin: 0 },
});

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
  const styles = useStyles();
  const layout = useLayoutStyles();
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
        <nav aria-label="DPM servers" className={styles.nav}>
          <PaneTitle>DPM servers</PaneTitle>
          {servers.isPending && <Loading label="Loading DPM servers…" />}
          {servers.isError && <ErrorState error={servers.error} />}
          <ul className={styles.list}>
            {servers.data?.map((s) => (
              <li key={s.id}>
                <NavLink
                  to={`/servers/${s.id}`}
                  aria-label={`${s.name}, ${s.state}`}
                  className={({ isActive }) => mergeClasses(styles.link, isActive && styles.active)}
                >
                  {s.name} <span className={isOnline(s) ? layout.muted : styles.down}>— {s.state}</span>
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      }
      display={
        <div className={styles.display}>
          {dialog === null && <CommandFeedback command={command} />}
          {servers.data && !server && (
            <Empty>There is no DPM server {serverId} in this estate. Choose one in the list.</Empty>
          )}
          {server && (
            <>
              <h1 className={styles.title}>
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
                <Button size="small" className={styles.connect} onClick={() => connect(server.id)}>
                  Connect to {server.name}
                </Button>
              )}
              {server.moveOptions.length > 0 && (
                <section aria-label="Supported options" className={styles.options}>
                  <h2 className={mergeClasses(layout.heading, styles.optionsHeading)}>
                    When a primary under secondary protection fails
                  </h2>
                  <p className={styles.optionsText}>
                    Moving its protected computers to another DPM server that {server.protectedBy.join(', ')} knows is
                    not supported (MOVE_UNSUPPORTED). The supported options:
                  </p>
                  <ol className={styles.optionsList}>
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
          <div className={layout.stack}>
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
                <p className={layout.text}>
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
                <p className={layout.text}>
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
