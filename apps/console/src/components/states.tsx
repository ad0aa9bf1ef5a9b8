import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles } from '@fluentui/react-components';
import { ApiError } from '../api/client';

const useStyles = makeStyles({
  loading: { padding: '16px', justifyContent: 'flex-start' },
  empty: { padding: '16px', color: 'var(--colorNeutralForeground3)' },
  error: { margin: '8px' },
  notFound: { padding: '16px' },
});

export function Loading({ label }: { label: string }) {
  const styles = useStyles();
  return <Spinner size="small" label={label} labelPosition="after" className={styles.loading} />;
}

/** What an address no route knows shows. */
export function NotFound() {
  const styles = useStyles();
  return <p className={styles.notFound}>This page does not exist. Choose a work area above.</p>;
}

export function Empty({ children }: { children: React.ReactNode }) {
  const styles = useStyles();
  return (
    <Text as="p" className={styles.empty}>
      {children}
    </Text>
  );
}

export function ErrorState({
  error,
  title = 'The console could not load this view',
}: {
  error: unknown;
  title?: string;
}) {
  const styles = useStyles();
  const message = error instanceof ApiError ? error.message : error instanceof Error ? error.message : 'Unknown error.';
  return (
    <MessageBar intent="error" role="alert" className={styles.error}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
