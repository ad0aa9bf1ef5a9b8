import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { serversQuery } from '../servers/queries';
import { useConnectedServer } from '../../shell/server-context';
import { OperationButton, offerOf } from '../../components/operations';
import { serverOperationsQuery } from '../servers/queries';
import { Fields, Panes, PaneTitle } from '../../shell/Panes';
import { Empty, ErrorState, Loading } from '../../components/states';
import { CommandFeedback, useCommand } from '../../components/command';
import { formatTime } from '../../shell/format';
import { onlineQuery } from './queries';
import { registerOnline } from './commands';

/** "2026-11-02T08:00" from an input of type datetime-local, read as UTC like every console time. */
function parseUtc(local: string): number | null {
  const t = Date.parse(`${local}:00Z`);
  return Number.isNaN(t) ? null : t;
}

/**
 * Management › Online › Register (seed 001): vault credentials valid for two days after they were
 * downloaded (CREDENTIALS_EXPIRED) and an encryption passphrase of at least 16 characters, which
 * the server keeps only as a scrypt hash and never shows again.
 */
const useStyles = makeStyles({
  registration: {
    padding: tokens.spacingHorizontalM,
    display: 'grid',
    gap: tokens.spacingVerticalMNudge,
    maxWidth: '560px',
  },
});

export function OnlineTab() {
  const styles = useStyles();
  const { serverId } = useConnectedServer();
  const servers = useQuery(serversQuery());
  const online = useQuery(onlineQuery(serverId));
  const command = useCommand(serverId);
  const serverOps = useQuery(serverOperationsQuery(serverId));
  const [vault, setVault] = useState('');
  const [issuedAt, setIssuedAt] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const server = servers.data?.find((s) => s.id === serverId);
  const issued = parseUtc(issuedAt);
  const register = async () => {
    if (issued === null) return;
    await command.run('Register', () => registerOnline(serverId, vault.trim(), issued, passphrase));
    setPassphrase('');
  };
  return (
    <Panes
      display={
        <div className={styles.registration}>
          <CommandFeedback command={command} />
          {online.isPending && <Loading label="Loading the registration…" />}
          {online.isError && <ErrorState error={online.error} />}
          {online.data && !online.data.registered && (
            <Empty>{server ? `${server.name} is not registered for online protection.` : ''}</Empty>
          )}
          {online.data?.registered && (
            <Fields
              items={[
                ['Vault', online.data.vault ?? '—'],
                ['Registered', formatTime(online.data.registeredAt)],
                [
                  'Passphrase',
                  online.data.passphraseSetAt === null
                    ? '—'
                    : `Set ${formatTime(online.data.passphraseSetAt)} (not shown again)`,
                ],
              ]}
            />
          )}
          <PaneTitle>Register</PaneTitle>
          <Field label="Vault">
            <Input value={vault} onChange={(_, d) => setVault(d.value)} />
          </Field>
          <Field
            label="Vault credentials downloaded at (UTC)"
            hint="Vault credentials are valid for two days after you download them."
          >
            <Input type="datetime-local" value={issuedAt} onChange={(_, d) => setIssuedAt(d.value)} />
          </Field>
          <Field
            label="Passphrase"
            hint="At least 16 characters. Keep it safe: it is needed to recover online data and is never shown again."
          >
            <Input
              type="password"
              value={passphrase}
              onChange={(_, d) => setPassphrase(d.value)}
              autoComplete="new-password"
            />
          </Field>
          <OperationButton
            offer={offerOf(serverOps.data, 'online.register')}
            appearance="primary"
            disabled={vault.trim() === '' || issued === null || passphrase === '' || command.pending}
            onClick={() => void register()}
          >
            Register
          </OperationButton>
        </div>
      }
    />
  );
}
