import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Button } from '@fluentui/react-components';
import { ApiError } from '../api/client';
import { keys } from '../api/queries';

interface Feedback {
  intent: 'success' | 'error';
  title: string;
  message: string;
  code?: string;
}

/**
 * Runs one command against the API. A refusal shows DPM's sentence (and its rule code); success
 * invalidates the connected server's views, which live events would also do. A 409 says the
 * estate is not what the console showed (a colleague acted first, or the object changed since):
 * the views are refreshed so the current state shows beside the sentence.
 */
export function useCommand(serverId: string) {
  const client = useQueryClient();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const refresh = () => {
    void client.invalidateQueries({ queryKey: keys.server(serverId) });
    void client.invalidateQueries({ queryKey: keys.servers });
    void client.invalidateQueries({ queryKey: keys.topology });
  };
  const mutation = useMutation({
    mutationFn: async ({ run }: { label: string; run: () => Promise<unknown> }) => run(),
    onSuccess: (_data, { label }) => {
      setFeedback({ intent: 'success', title: label, message: 'Done.' });
      refresh();
    },
    onError: (error, { label }) => {
      if (error instanceof ApiError && error.status === 409) refresh();
      setFeedback({
        intent: 'error',
        title: `${label} was refused`,
        message: error instanceof ApiError ? error.message : String(error),
        code: error instanceof ApiError ? error.code : undefined,
      });
    },
  });
  return {
    run: (label: string, run: () => Promise<unknown>) => mutation.mutateAsync({ label, run }).catch(() => undefined),
    pending: mutation.isPending,
    feedback,
    clear: () => setFeedback(null),
  };
}

export function CommandFeedback({ command }: { command: ReturnType<typeof useCommand> }) {
  const f = command.feedback;
  if (!f) return null;
  return (
    <MessageBar intent={f.intent} role={f.intent === 'error' ? 'alert' : 'status'} style={{ margin: 6 }}>
      <MessageBarBody>
        <MessageBarTitle>{f.title}</MessageBarTitle>
        {f.message}
        {f.code && f.intent === 'error' ? ` (${f.code})` : ''}
      </MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" size="small" aria-label="Dismiss" onClick={command.clear}>✕</Button>} />
    </MessageBar>
  );
}
