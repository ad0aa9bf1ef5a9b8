import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import {
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Button,
  Link,
  makeStyles,
} from '@fluentui/react-components';
import { ApiError } from '../api/client';
import { refreshAfterConflict } from '../api/live';
import { jobQuery } from '../features/monitoring/queries';
import { useConnectedServer } from '../shell/server-context';
import { jobOutcome } from '@dpm/domain/jobs/job-status';
import { FOLLOWED, jobsNotice, type QueuedJob } from './jobs-notice';

const useStyles = makeStyles({
  notice: { margin: '6px' },
});

interface Feedback {
  intent: 'success' | 'error';
  title: string;
  message: string;
  code?: string;
  /** The jobs the command queued: the notice follows them until they end. */
  jobs?: QueuedJob[];
}

function queuedJobs(result: unknown): QueuedJob[] {
  if (typeof result !== 'object' || result === null || !('jobs' in result) || !Array.isArray(result.jobs)) return [];
  return result.jobs.filter(
    (j): j is QueuedJob =>
      typeof j === 'object' &&
      j !== null &&
      typeof (j as QueuedJob).jobId === 'string' &&
      typeof (j as QueuedJob).serverId === 'string',
  );
}

/**
 * Runs one command against the API. A refusal shows DPM's sentence (and its rule code). A command
 * that queued jobs on the simulated clock is not "done": the notice says which job started, links
 * to it in Monitoring › Jobs and tells its outcome when it ends. The views follow the command's
 * changes through the live stream (api/live.ts), as they follow a colleague's. A 409 says the
 * estate is not what the console showed: the views are fetched again so the current state shows
 * beside the sentence.
 */
export function useCommand(serverId: string) {
  const client = useQueryClient();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const mutation = useMutation({
    mutationFn: async ({ run }: { label: string; run: () => Promise<unknown> }) => run(),
    onSuccess: (data, { label }) => {
      const jobs = queuedJobs(data);
      setFeedback(
        jobs.length > 0
          ? { intent: 'success', title: label, message: '', jobs }
          : { intent: 'success', title: label, message: 'Done.' },
      );
    },
    onError: (error, { label }) => {
      if (error instanceof ApiError && error.status === 409) refreshAfterConflict(client, serverId);
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

/**
 * The notice of a command that started jobs: followed to their outcome through their details
 * (refreshed by the live stream as the clock runs them), with a link to the job in Jobs. Beyond
 * 20 jobs it counts them and links to Jobs.
 */
function JobsFeedback({ title, jobs, onDismiss }: { title: string; jobs: QueuedJob[]; onDismiss: () => void }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const { connect } = useConnectedServer();
  const details = useQueries({ queries: jobs.slice(0, FOLLOWED).map((j) => jobQuery(j.serverId, j.jobId)) });
  const outcomes = details.map((d) => (d.data ? jobOutcome(d.data.status) : undefined));
  const firstError = details.find((d) => d.data?.error)?.data?.error?.message;
  const { intent, message } = jobsNotice(jobs, outcomes, firstError);
  const first = jobs[0];
  const open = () => {
    if (!first) return;
    connect(first.serverId);
    void navigate(jobs.length === 1 ? `/monitoring/jobs?job=${encodeURIComponent(first.jobId)}` : '/monitoring/jobs');
  };
  return (
    <MessageBar intent={intent} role={intent === 'error' ? 'alert' : 'status'} className={styles.notice}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}{' '}
        <Link as="button" onClick={open}>
          {jobs.length === 1 ? 'Open the job in Jobs' : 'Open Jobs'}
        </Link>
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" size="small" aria-label="Dismiss" onClick={onDismiss}>
            ✕
          </Button>
        }
      />
    </MessageBar>
  );
}

export function CommandFeedback({ command }: { command: ReturnType<typeof useCommand> }) {
  const styles = useStyles();
  const f = command.feedback;
  if (!f) return null;
  if (f.jobs) return <JobsFeedback title={f.title} jobs={f.jobs} onDismiss={command.clear} />;
  return (
    <MessageBar intent={f.intent} role={f.intent === 'error' ? 'alert' : 'status'} className={styles.notice}>
      <MessageBarBody>
        <MessageBarTitle>{f.title}</MessageBarTitle>
        {f.message}
        {f.code && f.intent === 'error' ? ` (${f.code})` : ''}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" size="small" aria-label="Dismiss" onClick={command.clear}>
            ✕
          </Button>
        }
      />
    </MessageBar>
  );
}
