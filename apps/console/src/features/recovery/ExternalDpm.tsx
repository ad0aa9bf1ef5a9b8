import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Field, Input } from '@fluentui/react-components';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { api, unwrap } from '../../api/client';
import { serverOperationsQuery, serversQuery } from '../servers/queries';
import { OperationButton, offerOf } from '../../components/operations';
import { PaneTitle } from '../../shell/Panes';
import { CommandFeedback, useCommand } from '../../components/command';
import { formatTime } from '../../shell/format';
import { addExternalDpm, clearExternalDpm } from './commands';
import { useLayoutStyles } from '../../components/layout';

const HOUR = 3_600_000;

/**
 * Recovery › Add External DPM / Clear External DPM (seed 001): another DPM server's vault, with
 * vault credentials valid for two days and the passphrase that decrypts its data. The
 * passphrase is checked by the server and kept nowhere.
 */
export function ExternalDpmActions({ serverId }: { serverId: string }) {
  const layout = useLayoutStyles();
  const servers = useQuery(serversQuery());
  const server = servers.data?.find((s) => s.id === serverId);
  const command = useCommand(serverId);
  const serverOps = useQuery(serverOperationsQuery(serverId));
  const [open, setOpen] = useState(false);
  const [vault, setVault] = useState('');
  const [age, setAge] = useState('1');
  const [passphrase, setPassphrase] = useState('');
  const add = async () => {
    const issuedHoursAgo = Number(age);
    const res = await command.run('Add External DPM', async () =>
      addExternalDpm(serverId, vault, passphrase, Math.max(0, (await simulatedNow()) - issuedHoursAgo * HOUR)),
    );
    setPassphrase('');
    if (res !== undefined) setOpen(false);
  };
  return (
    <div className={layout.stack}>
      <PaneTitle>External DPM</PaneTitle>
      <CommandFeedback command={command} />
      <p className={layout.text}>
        {server?.externalDpm
          ? `Vault ${server.externalDpm.vault}, added ${formatTime(server.externalDpm.addedAt)}`
          : 'No external DPM server added.'}
      </p>
      <OperationButton offer={offerOf(serverOps.data, 'recovery.add-external-dpm')} onClick={() => setOpen(true)} />
      <OperationButton
        offer={offerOf(serverOps.data, 'recovery.clear-external-dpm')}
        onClick={() => void command.run('Clear External DPM', () => clearExternalDpm(serverId))}
      />
      {open && (
        <ConfirmDialog
          title="Add External DPM"
          confirm="Add"
          disabled={!vault || passphrase.length < 16 || command.pending}
          onConfirm={() => void add()}
          onClose={() => setOpen(false)}
          stacked
        >
          {command.feedback?.intent === 'error' && <CommandFeedback command={command} />}
          <Field label="Vault">
            <Input value={vault} onChange={(_, d) => setVault(d.value)} />
          </Field>
          <Field label="Vault credentials downloaded (hours ago)" hint="Vault credentials are valid for two days.">
            <Input type="number" min={0} value={age} onChange={(_, d) => setAge(d.value)} />
          </Field>
          <Field label="Passphrase" hint="At least 16 characters; it is not stored.">
            <Input type="password" value={passphrase} onChange={(_, d) => setPassphrase(d.value)} />
          </Field>
        </ConfirmDialog>
      )}
    </div>
  );
}

/** The estate's simulated time now, which the vault credentials' age counts from. */
async function simulatedNow(): Promise<number> {
  const clock = await unwrap(await api.clock.$get());
  return clock.mode === 'real' ? clock.now + (Date.now() - clock.wallAt) * clock.speed : clock.now;
}
