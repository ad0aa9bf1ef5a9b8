import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Field, Input, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { api, ApiError, unwrap } from '../../api/client';

/** Sign-in: User name, Password, Sign in (console-terms.md › Shell). */
export function SignInPage() {
  const client = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setPending(true);
    setError(null);
    try {
      await unwrap(await api.auth['sign-in'].$post({ json: { username, password } }));
      setPassword('');
      await client.invalidateQueries();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The console could not reach the server.');
    } finally {
      setPending(false);
    }
  };
  return (
    <main
      style={{ display: 'grid', placeItems: 'center', height: '100vh', background: 'var(--colorNeutralBackground2)' }}
    >
      <form
        onSubmit={(e) => void submit(e)}
        aria-label="Sign in"
        style={{
          display: 'grid',
          gap: 12,
          width: 340,
          padding: 24,
          background: 'var(--colorNeutralBackground1)',
          borderRadius: 8,
          boxShadow: 'var(--shadow8)',
        }}
      >
        <Text as="h1" size={500} weight="semibold">
          DPM Administrator Console
        </Text>
        {error && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        <Field label="User name" required>
          <Input value={username} onChange={(_, d) => setUsername(d.value)} autoComplete="username" autoFocus />
        </Field>
        <Field label="Password" required>
          <Input
            type="password"
            value={password}
            onChange={(_, d) => setPassword(d.value)}
            autoComplete="current-password"
          />
        </Field>
        <Button appearance="primary" type="submit" disabled={pending || !username || !password}>
          Sign in
        </Button>
      </form>
    </main>
  );
}
