import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text } from '@fluentui/react-components';
import { ApiError } from '../api/client';

export function Loading({ label }: { label: string }) {
  return <Spinner size="small" label={label} labelPosition="after" style={{ padding: 16, justifyContent: 'flex-start' }} />;
}

export function Empty({ children }: { children: React.ReactNode }) {
  return (
    <Text as="p" style={{ padding: 16, color: 'var(--colorNeutralForeground3)' }}>
      {children}
    </Text>
  );
}

export function ErrorState({ error, title = 'The console could not load this view' }: { error: unknown; title?: string }) {
  const message = error instanceof ApiError ? error.message : error instanceof Error ? error.message : 'Unknown error.';
  return (
    <MessageBar intent="error" role="alert" style={{ margin: 8 }}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
