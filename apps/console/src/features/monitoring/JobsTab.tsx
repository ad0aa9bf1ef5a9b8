import { Choice, GroupBy } from '../../components/GroupBy';
import { JOB_STATUSES, JOB_TYPES, type JobStatus, type JobType } from '@dpm/domain/model';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { MessageBar, MessageBarBody, ProgressBar, Toolbar, makeStyles, tokens } from '@fluentui/react-components';
import { serversQuery } from '../servers/queries';
import { cancelJob, retryJob } from './commands';
import { useConnectedServer } from '../../shell/server-context';
import { Fields, Panes, PaneTitle } from '../../shell/Panes';
import type { Column } from '../../components/VirtualTable';
import { PagedTable, usePagedRows } from '../../components/PagedTable';
import { Empty, ErrorState } from '../../components/states';
import { CommandFeedback, useCommand } from '../../components/command';
import { OperationButtons, type Offer } from '../../components/operations';
import { OperationMenuItem } from '../../components/OperationMenuItem';
import { formatDuration, formatGb, formatTime } from '../../shell/format';

import { jobQuery, jobsQuery, type JobDetail, type JobGrouping, type JobRow } from './queries';
import { useLayoutStyles } from '../../components/layout';

const GROUP_BY = ['None', 'Protection Group', 'Computer', 'Status', 'Type'] as const;
type JobGroupBy = (typeof GROUP_BY)[number];
const JOB_GROUPING: Record<JobGroupBy, JobGrouping | undefined> = {
  None: undefined,
  'Protection Group': 'group',
  Computer: 'computer',
  Status: 'status',
  Type: 'type',
};

/** A job that has started and not finished: its progress shows beside its status. */
const running = (r: Pick<JobRow, 'startedAt' | 'finishedAt'>) => r.startedAt !== null && r.finishedAt === null;

const useStyles = makeStyles({
  progress: { display: 'flex', gap: tokens.spacingHorizontalSNudge, alignItems: 'center' },
  bar: { width: '50px' },
  options: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: '6px 8px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  note: { margin: tokens.spacingHorizontalSNudge },
});

export function JobsTab() {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { serverId } = useConnectedServer();
  const [status, setStatus] = useState<JobStatus | 'All'>('All');
  const [type, setType] = useState<JobType | 'All'>('All');
  // Filters are applied by the server, over every job, not only the pages already loaded. DPM
  // opens the Jobs tab grouped by status.
  const [groupBy, setGroupBy] = useState<JobGroupBy>('Status');
  const jobs = useInfiniteQuery(
    jobsQuery(serverId, {
      status: status === 'All' ? undefined : status,
      type: type === 'All' ? undefined : type,
      groupBy: JOB_GROUPING[groupBy],
    }),
  );
  // A command's notice leads here with ?job=<id>: that job is selected and its details shown.
  const [params] = useSearchParams();
  const wanted = params.get('job');
  const [selected, setSelected] = useState<string | null>(wanted);
  useEffect(() => {
    if (wanted) setSelected(wanted);
  }, [wanted]);
  const command = useCommand(serverId);
  const historyNote = useQuery(serversQuery()).data?.find((s) => s.id === serverId)?.dbHistoryNote;
  const details = useQuery({ ...jobQuery(serverId, selected ?? ''), enabled: selected !== null });

  // The server sends each group whole and in DPM's order; the console only heads them.
  const groupOf = useMemo((): ((r: JobRow) => string) | null => {
    switch (groupBy) {
      case 'Protection Group':
        return (r) => r.group ?? '(no protection group)';
      case 'Computer':
        return (r) => r.computer ?? '(no computer)';
      case 'Status':
        return (r) => r.status;
      case 'Type':
        return (r) => r.type;
      default:
        return null;
    }
  }, [groupBy]);
  const rows = usePagedRows(jobs);
  const job = rows.find((r) => r.id === selected);
  const detail = details.data && details.data.id === selected ? details.data : undefined;

  const perform = (offer: Offer, r: JobRow) => {
    switch (offer.id) {
      case 'jobs.retry':
        return command.run(offer.name, () => retryJob(serverId, r.id));
      case 'jobs.cancel':
        return command.run(offer.name, () => cancelJob(serverId, r.id));
      default:
        return undefined;
    }
  };

  const columns: Column<JobRow>[] = [
    ...(groupOf
      ? [
          {
            key: 'group-by',
            header: 'Group',
            width: 'minmax(90px, 1fr)',
            render: (r: JobRow) => <strong>{groupOf(r)}</strong>,
          },
        ]
      : []),
    {
      key: 'source',
      header: 'Source',
      width: 'minmax(110px, 2fr)',
      render: (r) => r.source ?? r.library ?? r.tape ?? '—',
    },
    { key: 'computer', header: 'Computer', width: '90px', render: (r) => r.computer ?? '—' },
    { key: 'group', header: 'Protection Group', width: 'minmax(125px, 1fr)', render: (r) => r.group ?? '—' },
    { key: 'type', header: 'Type', width: '140px', render: (r) => r.type },
    { key: 'start', header: 'Start Time', width: '155px', render: (r) => formatTime(r.startedAt ?? r.scheduledAt) },
    {
      key: 'elapsed',
      header: 'Time Elapsed',
      width: '95px',
      render: (r) =>
        r.startedAt && r.finishedAt ? formatDuration(r.finishedAt - r.startedAt) : running(r) ? 'running' : '—',
    },
    { key: 'data', header: 'Data Transferred', width: '120px', render: (r) => formatGb(r.transferredGb) },
    {
      key: 'status',
      header: 'Status',
      width: '170px',
      render: (r) =>
        running(r) ? (
          <span className={styles.progress}>
            {r.status}{' '}
            <ProgressBar
              value={r.totalGb > 0 ? r.transferredGb / r.totalGb : 0}
              className={styles.bar}
              aria-label={`Progress of ${r.type}`}
            />
            {r.totalGb > 0 ? `${Math.round((100 * r.transferredGb) / r.totalGb)}%` : ''}
          </span>
        ) : (
          r.status
        ),
    },
  ];

  return (
    <Panes
      display={
        <>
          {/* Group by sits above the list, as in the DPM console, leaving the list the width of its eight columns. */}
          <Toolbar aria-label="Job list options" className={styles.options}>
            <Choice
              label="Status"
              options={['All', ...JOB_STATUSES] as const}
              value={status}
              onChange={setStatus}
              minWidth={130}
            />
            <Choice
              label="Type"
              options={['All', ...JOB_TYPES] as const}
              value={type}
              onChange={setType}
              minWidth={190}
            />
            <GroupBy options={GROUP_BY} value={groupBy} onChange={setGroupBy} />
          </Toolbar>
          <CommandFeedback command={command} />
          {historyNote && (
            <MessageBar intent="info" className={styles.note}>
              <MessageBarBody>{historyNote}</MessageBarBody>
            </MessageBar>
          )}
          <PagedTable
            query={jobs}
            rows={rows}
            loading="Loading jobs…"
            empty={
              status === 'All' && type === 'All' ? 'No jobs on this DPM server yet.' : 'No job matches the filter.'
            }
            label="Jobs"
            getId={(r) => r.id}
            columns={columns}
            selectedId={selected}
            onSelect={(r) => setSelected(r.id)}
            groupOf={groupOf ?? undefined}
            menu={(r) =>
              r.operations.map((o) => (
                <OperationMenuItem key={o.id} offer={o} onChoose={(offer) => void perform(offer, r)} />
              ))
            }
          />
        </>
      }
      details={
        job ? (
          <JobDetailsView job={job} detail={detail} loading={details.isPending} error={details.error} />
        ) : (
          <Empty>Select a job to see what it did.</Empty>
        )
      }
      actions={
        job ? (
          <div className={layout.stack}>
            <PaneTitle>Actions</PaneTitle>
            <OperationButtons offers={job.operations} onChoose={(offer) => void perform(offer, job)} />
          </div>
        ) : undefined
      }
    />
  );
}

/** The Details pane of a job: what it did, the data it moved and, for a failure, what to do. */
function JobDetailsView({
  job,
  detail,
  loading,
  error,
}: {
  job: JobRow;
  detail: JobDetail | undefined;
  loading: boolean;
  error: unknown;
}) {
  const layout = useLayoutStyles();
  if (error) return <ErrorState error={error} title="The console could not load the job's details" />;
  const help = detail?.help ?? null;
  return (
    <div>
      <h3 className={layout.detailsTitle}>
        {job.type} — {job.status}
      </h3>
      <Fields
        items={[
          ['What it did', detail?.summary ?? (loading ? 'Loading…' : '—')],
          ['Outcome', detail?.outcome ?? job.status],
          ['Data transferred', `${formatGb(job.transferredGb)} of ${formatGb(job.totalGb)}`],
          ...(job.error ? ([['Error', `${job.error.message} (${job.error.code})`]] as [string, string][]) : []),
          ...(help
            ? ([
                ['What it means', help.meaning],
                ['What to do', help.action],
              ] as [string, string][])
            : []),
          ['Source', job.source ?? job.library ?? job.tape ?? '—'],
          ['Computer', job.computer ?? '—'],
          ['Protection Group', job.group ?? '—'],
          ['Scheduled', formatTime(job.scheduledAt)],
          ['Started', formatTime(job.startedAt)],
          ['Finished', formatTime(job.finishedAt)],
          ...Object.entries(detail?.params ?? {}).map(([k, v]) => [k, v] as [string, string]),
          ...(detail?.retryOf ? ([['Retry of', 'a failed job of the same type']] as [string, string][]) : []),
          ...(detail?.retriedBy ? ([['Retried', 'a new job runs this work again']] as [string, string][]) : []),
        ]}
      />
    </div>
  );
}
