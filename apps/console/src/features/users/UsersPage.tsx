import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Dropdown, Field, Input, Option } from '@fluentui/react-components';
import { Panes, PaneTitle } from '../../shell/Panes';
import type { Column } from '../../components/VirtualTable';
import { QueryTable } from '../../components/QueryTable';
import { ErrorState } from '../../components/states';
import { useLayoutStyles } from '../../components/layout';
import { CommandFeedback, useCommand } from '../../components/command';
import { formatTime } from '../../shell/format';
import { ROLES, type Role } from '@dpm/domain/roles';
import { useSession } from '../auth/session';
import { addUser, resetPassword, setDisabled, setRole } from './commands';
import { usersQuery } from './queries';

/** Highest role first, as the page offers them. */
const OFFERED: Role[] = [...ROLES].reverse();
const LOWEST: Role = ROLES[0];

/** Users: console accounts and their roles; the server says who may open it (the session's capabilities). */
export function UsersPage() {
  const layout = useLayoutStyles();
  const session = useSession();
  const allowed = session?.capabilities.users ?? false;
  const users = useQuery({ ...usersQuery(), enabled: allowed });
  const command = useCommand('users');
  const [selected, setSelected] = useState<string | null>(null);
  const [draft, setDraft] = useState({ username: '', role: LOWEST, password: '' });
  const [reset, setReset] = useState('');
  type Row = NonNullable<typeof users.data>[number];
  const user = users.data?.find((u) => u.id === selected);
  const columns: Column<Row>[] = [
    { key: 'name', header: 'User name', width: '1fr', render: (u) => u.username },
    { key: 'role', header: 'Role', width: '140px', render: (u) => u.role },
    { key: 'state', header: 'State', width: '100px', render: (u) => (u.disabled ? 'Disabled' : 'Enabled') },
    { key: 'created', header: 'Created', width: '180px', render: (u) => formatTime(u.createdAt) },
  ];
  const refresh = () => void users.refetch();
  if (!allowed)
    return (
      <ErrorState
        error={
          new Error(`Managing users is not open to ${session?.username ?? 'you'} (${session?.role ?? 'signed out'}).`)
        }
        title="Users"
      />
    );
  return (
    <Panes
      display={
        <>
          <CommandFeedback command={command} />
          <QueryTable
            query={users}
            loading="Loading users…"
            label="Users"
            getId={(u) => u.id}
            columns={columns}
            selectedId={selected}
            onSelect={(u) => setSelected(u.id)}
          />
        </>
      }
      details={
        <form
          aria-label="New user"
          onSubmit={(e) => {
            e.preventDefault();
            void command
              .run('Add user', () => addUser(draft))
              .then(() => {
                setDraft({ username: '', role: LOWEST, password: '' });
                refresh();
              });
          }}
          className={layout.form}
        >
          <PaneTitle>New user</PaneTitle>
          <Field label="User name">
            <Input value={draft.username} onChange={(_, d) => setDraft({ ...draft, username: d.value })} />
          </Field>
          <Field label="Role">
            <Dropdown
              value={draft.role}
              selectedOptions={[draft.role]}
              onOptionSelect={(_, d) => setDraft({ ...draft, role: d.optionValue as Role })}
            >
              {OFFERED.map((r) => (
                <Option key={r} value={r}>
                  {r}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label="Password" hint="At least 12 characters; common passwords are refused.">
            <Input
              type="password"
              value={draft.password}
              onChange={(_, d) => setDraft({ ...draft, password: d.value })}
            />
          </Field>
          <Button type="submit" appearance="primary" disabled={!draft.username || !draft.password}>
            Add user
          </Button>
        </form>
      }
      actions={
        user ? (
          <div className={layout.stack}>
            <PaneTitle>{user.username}</PaneTitle>
            {OFFERED.filter((r) => r !== user.role).map((r) => (
              <Button
                key={r}
                onClick={() =>
                  void command
                    .run(`Make ${user.username} ${r}`, () => setRole(user.id, r, user.revision.n))
                    .then(refresh)
                }
              >
                Make {r}
              </Button>
            ))}
            <Button
              onClick={() =>
                void command
                  .run(user.disabled ? 'Enable' : 'Disable', () =>
                    setDisabled(user.id, !user.disabled, user.revision.n),
                  )
                  .then(refresh)
              }
            >
              {user.disabled ? 'Enable' : 'Disable'}
            </Button>
            <Field label="New password" hint="The user is signed out everywhere and signs in with it.">
              <Input type="password" autoComplete="new-password" value={reset} onChange={(_, d) => setReset(d.value)} />
            </Field>
            <Button
              disabled={reset === '' || command.pending}
              onClick={() =>
                void command
                  .run(`Reset password of ${user.username}`, () => resetPassword(user.id, reset, user.revision.n))
                  .then((done) => {
                    if (done !== undefined) setReset('');
                    refresh();
                  })
              }
            >
              Reset password
            </Button>
          </div>
        ) : undefined
      }
    />
  );
}
