import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Field, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { api, ApiError, unwrap } from '../../api/client';

/** Sign-in: User name, Password, Sign in (console-terms.md › Shell). */
const useStyles = makeStyles({
  page: { display: 'grid', placeItems: 'center', height: '100vh', background: tokens.colorNeutralBackground2 },
  form: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    width: '340px',
    padding: tokens.spacingHorizontalXXL,
    background: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow8,
  },
});

export function SignInPage() {
  const styles = useStyles();
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
    <main className={styles.page}>
      <form onSubmit={(e) => void submit(e)} aria-label="Sign in" className={styles.form}>
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
