import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  mergeClasses,
} from '@fluentui/react-components';
import { Panes, PaneTitle } from '../../shell/Panes';
import type { Column } from '../../components/VirtualTable';
import { QueryTable } from '../../components/QueryTable';
import { useLayoutStyles } from '../../components/layout';
import { CommandFeedback, useCommand } from '../../components/command';
import { formatTime } from '../../shell/format';
import { forgetSession, useSession } from '../auth/session';
import { changePassword, createToken, revokeToken } from './commands';
import { tokensQuery } from './queries';

const useStyles = makeStyles({
  token: { userSelect: 'all', wordBreak: 'break-all' },
  tokens: { flex: 1, minHeight: '160px' },
});

/**
 * Account: the signed-in user's password and personal API tokens (for the dpm command line and
 * scripts). A token is shown once, when it is created; the server keeps only its hash.
 */
export function AccountPage() {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const session = useSession();
  const tokens = useQuery(tokensQuery());
  const command = useCommand('account');
  const client = useQueryClient();
  const [selected, setSelected] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [passwords, setPasswords] = useState({ current: '', next: '', confirm: '' });
  type Row = NonNullable<typeof tokens.data>[number];
  const token = tokens.data?.find((t) => t.id === selected);
  const columns: Column<Row>[] = [
    { key: 'name', header: 'Name', width: 'minmax(140px, 1fr)', render: (t) => t.name },
    { key: 'created', header: 'Created', width: '180px', render: (t) => formatTime(t.createdAt) },
    { key: 'used', header: 'Last used', width: '180px', render: (t) => formatTime(t.lastUsedAt) },
    {
      key: 'state',
      header: 'State',
      width: '180px',
      render: (t) => (t.revokedAt ? `Revoked ${formatTime(t.revokedAt)}` : 'Active'),
    },
  ];
  const mismatch = passwords.confirm !== '' && passwords.confirm !== passwords.next;

  const onCreateToken = () =>
    void command.run('Create token', async () => {
      const answer = await createToken(name.trim());
      setCreated({ name: answer.name, token: answer.token });
      setName('');
      void tokens.refetch();
      return answer;
    });
  const revoke = (t: Row) =>
    void command.run(`Revoke ${t.name}`, () => revokeToken(t.id)).then(() => void tokens.refetch());
  // Every session of the user ends with the change, this one included: the sign-in page follows.
  const onChangePassword = () =>
    void command.run('Change password', async () => {
      await changePassword(passwords.current, passwords.next);
      forgetSession(client);
    });

  return (
    <Panes
      display={
        <div className={mergeClasses(layout.column, layout.spaced)}>
          <CommandFeedback command={command} />
          {created && (
            <MessageBar intent="warning" role="status">
              <MessageBarBody>
                <MessageBarTitle>API token {created.name}</MessageBarTitle>
                Copy it now: it is not shown again. <code className={styles.token}>{created.token}</code>
              </MessageBarBody>
            </MessageBar>
          )}
          <QueryTable
            query={tokens}
            loading="Loading your API tokens…"
            empty="You have no API tokens. Create one for the dpm command line or a script."
            className={styles.tokens}
            label="API tokens"
            getId={(t) => t.id}
            columns={columns}
            selectedId={selected}
            onSelect={(t) => setSelected(t.id)}
          />
        </div>
      }
      details={
        <form
          aria-label="Change password"
          onSubmit={(e) => {
            e.preventDefault();
            onChangePassword();
          }}
          className={layout.form}
        >
          <PaneTitle>Change password of {session?.username ?? ''}</PaneTitle>
          <Field label="Current password">
            <Input
              type="password"
              autoComplete="current-password"
              value={passwords.current}
              onChange={(_, d) => setPasswords({ ...passwords, current: d.value })}
            />
          </Field>
          <Field
            label="New password"
            hint="At least 12 characters; common passwords are refused. Every session of yours ends, this one too."
          >
            <Input
              type="password"
              autoComplete="new-password"
              value={passwords.next}
              onChange={(_, d) => setPasswords({ ...passwords, next: d.value })}
            />
          </Field>
          <Field
            label="Confirm new password"
            validationState={mismatch ? 'error' : 'none'}
            validationMessage={mismatch ? 'The two new passwords differ.' : undefined}
          >
            <Input
              type="password"
              autoComplete="new-password"
              value={passwords.confirm}
              onChange={(_, d) => setPasswords({ ...passwords, confirm: d.value })}
            />
          </Field>
          <Button
            type="submit"
            appearance="primary"
            disabled={!passwords.current || !passwords.next || passwords.confirm !== passwords.next || command.pending}
          >
            Change password
          </Button>
        </form>
      }
      actions={
        <div className={layout.stack}>
          <PaneTitle>API tokens</PaneTitle>
          <Field label="Token name" hint="What it is for, e.g. dpm CLI on my workstation.">
            <Input value={name} maxLength={64} onChange={(_, d) => setName(d.value)} />
          </Field>
          <Button disabled={name.trim() === '' || command.pending} onClick={onCreateToken}>
            Create token
          </Button>
          {token && !token.revokedAt && (
            <Button disabled={command.pending} onClick={() => revoke(token)}>
              Revoke {token.name}
            </Button>
          )}
        </div>
      }
    />
  );
}
