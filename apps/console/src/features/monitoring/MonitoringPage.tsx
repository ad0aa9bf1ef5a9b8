import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Checkbox, Dropdown, Link, Option, Tab, TabList, Text, ProgressBar } from '@fluentui/react-components';
import { alertsQuery, jobsQuery } from '../../api/queries';
import { api, unwrap } from '../../api/client';
import { useConnectedServer } from '../../shell/server-context';
import { Fields, Panes, PaneTitle } from '../../shell/Panes';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { Empty, ErrorState, Loading } from '../../components/states';
import { CommandFeedback, useCommand } from '../../components/command';
import { formatDuration, formatGb, formatTime } from '../../shell/format';

type AlertGroupBy = 'None' | 'Protection group' | 'Computer' | 'Severity' | 'Status';
type JobGroupBy = 'None' | 'Protection Group' | 'Computer' | 'Status' | 'Type';

export function MonitoringPage() {
  const { tab = 'alerts' } = useParams();
  const navigate = useNavigate();
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <TabList selectedValue={tab} onTabSelect={(_, d) => navigate(`/monitoring/${String(d.value)}`)} style={{ padding: '0 12px' }}>
        <Tab value="alerts">Alerts</Tab>
        <Tab value="jobs">Jobs</Tab>
      </TabList>
      <div style={{ flex: 1, minHeight: 0 }}>{tab === 'jobs' ? <JobsTab /> : <AlertsTab />}</div>
    </div>
  );
}

function AlertsTab() {
  const { serverId } = useConnectedServer();
  const [showInactive, setShowInactive] = useState(false);
  const [groupBy, setGroupBy] = useState<AlertGroupBy>('Severity');
  const [selected, setSelected] = useState<string | null>(null);
  const alerts = useInfiniteQuery(alertsQuery(serverId, showInactive));
  const command = useCommand(serverId);
  type Row = NonNullable<typeof alerts.data>['pages'][number]['items'][number];
  const group = useMemo(() => groupKey<Row>(groupBy), [groupBy]);
  const rows = useMemo(() => {
    const all = alerts.data?.pages.flatMap((p) => p.items) ?? [];
    return group ? [...all].sort((a, b) => group(a).localeCompare(group(b))) : all;
  }, [alerts.data, group]);
  const alert = rows.find((r) => r.id === selected);

  const columns: Column<Row>[] = [
    { key: 'severity', header: 'Severity', width: '100px', render: (r) => r.severity },
    { key: 'name', header: 'Alert', width: 'minmax(200px, 2fr)', render: (r) => r.name },
    { key: 'area', header: 'Affected area', width: 'minmax(160px, 2fr)', render: (r) => r.affectedArea },
    { key: 'since', header: 'Occurred since', width: '180px', render: (r) => formatTime(r.raisedAt) },
    { key: 'state', header: 'Status', width: '90px', render: (r) => (r.acknowledged && r.state === 'Active' ? 'Active (acknowledged)' : r.state) },
  ];

  const takeOwnership = (computerId: string) =>
    command.run('Take Ownership', async () =>
      unwrap(await api.servers[':serverId'].agents[':computerId']['take-ownership'].$post({ param: { serverId, computerId }, json: {} })),
    );
  const runConsistencyCheck = (replicaId: string) =>
    command.run('Run a synchronization job with consistency check', async () =>
      unwrap(await api.servers[':serverId'].protection['consistency-checks'].$post({ param: { serverId }, json: { replicaIds: [replicaId] } })),
    );
  const createRecoveryPoint = (replicaId: string) =>
    command.run('Create a recovery point', async () =>
      unwrap(await api.servers[':serverId'].protection['recovery-points'].$post({ param: { serverId }, json: { replicaIds: [replicaId], location: 'Disk' } })),
    );
  const inactivate = (alertId: string) =>
    command.run('Inactivate', async () => unwrap(await api.servers[':serverId'].alerts[':alertId'].inactivate.$post({ param: { serverId, alertId }, json: {} })));
  const acknowledge = (alertId: string) =>
    command.run('Acknowledge', async () => unwrap(await api.servers[':serverId'].alerts[':alertId'].acknowledge.$post({ param: { serverId, alertId }, json: { comment: '' } })));

  const recommended = (r: Row) => {
    if (!r.recommendedAction) return <Text>No action is needed; the alert clears when its condition does.</Text>;
    const action = r.recommendedAction;
    const onClick = () => {
      if (action === 'Take Ownership') void takeOwnership(r.subjectId);
      else if (action === 'Create a recovery point') void createRecoveryPoint(r.subjectId);
      else void runConsistencyCheck(r.subjectId);
    };
    return (
      <Link as="button" onClick={onClick} disabled={command.pending}>
        {action}
      </Link>
    );
  };

  return (
    <Panes
      nav={
        <div style={{ padding: 8, display: 'grid', gap: 8 }}>
          <PaneTitle>Alerts</PaneTitle>
          <Checkbox label="Show inactive alerts" checked={showInactive} onChange={(_, d) => setShowInactive(Boolean(d.checked))} />
          <label style={{ fontSize: 13 }}>
            Group by
            <Dropdown aria-label="Group by" value={groupBy} selectedOptions={[groupBy]} onOptionSelect={(_, d) => setGroupBy(d.optionValue as AlertGroupBy)} style={{ minWidth: 180 }}>
              {(['None', 'Protection group', 'Computer', 'Severity', 'Status'] as const).map((g) => (
                <Option key={g} value={g}>
                  {g}
                </Option>
              ))}
            </Dropdown>
          </label>
        </div>
      }
      display={
        <>
          <CommandFeedback command={command} />
          {alerts.isPending && <Loading label="Loading alerts…" />}
          {alerts.isError && <ErrorState error={alerts.error} />}
          {alerts.data && rows.length === 0 && <Empty>No {showInactive ? '' : 'active '}alerts on this DPM server.</Empty>}
          {rows.length > 0 && (
            <VirtualTable
              label="Alerts"
              rows={rows}
              total={alerts.data?.pages[0]?.total}
              getId={(r) => r.id}
              columns={columns}
              selectedId={selected}
              onSelect={(r) => setSelected(r.id)}
              groupOf={group ?? undefined}
              onEndReached={alerts.hasNextPage && !alerts.isFetchingNextPage ? () => void alerts.fetchNextPage() : undefined}
            />
          )}
        </>
      }
      details={
        alert ? (
          <div>
            <h3 style={{ margin: '0 0 8px', fontSize: 15 }}>{alert.name}</h3>
            <Fields
              items={[
                ['Severity', alert.severity],
                ['Status', alert.state],
                ['Affected area', alert.affectedArea],
                ['Occurred since', formatTime(alert.raisedAt)],
                ['Description', alert.description],
                ['Recommended action', recommended(alert)],
                [
                  'Resolution',
                  alert.state === 'Active' ? (
                    <Link as="button" onClick={() => void inactivate(alert.id)}>
                      Inactivate
                    </Link>
                  ) : (
                    `Inactive since ${formatTime(alert.resolvedAt)}`
                  ),
                ],
                ...(alert.acknowledged ? ([['Acknowledged', `by ${alert.acknowledged.by} at ${formatTime(alert.acknowledged.at)}`]] as [string, string][]) : []),
              ]}
            />
          </div>
        ) : (
          <Empty>Select an alert to see its details.</Empty>
        )
      }
      actions={
        alert && alert.state === 'Active' ? (
          <div style={{ display: 'grid', gap: 6 }}>
            <PaneTitle>Actions</PaneTitle>
            <Button onClick={() => void inactivate(alert.id)}>Inactivate</Button>
            <Button onClick={() => void acknowledge(alert.id)} disabled={alert.acknowledged !== null} title={alert.acknowledged ? 'Already acknowledged' : undefined}>
              Acknowledge
            </Button>
          </div>
        ) : undefined
      }
    />
  );
}

function groupKey<T extends { group: string | null; computer: string | null; severity: string; state: string }>(by: AlertGroupBy): ((r: T) => string) | null {
  switch (by) {
    case 'Protection group':
      return (r) => r.group ?? '(no protection group)';
    case 'Computer':
      return (r) => r.computer ?? '(no computer)';
    case 'Severity':
      return (r) => String(['Critical', 'Warning', 'Information'].indexOf(r.severity));
    case 'Status':
      return (r) => r.state;
    default:
      return null;
  }
}

function JobsTab() {
  const { serverId } = useConnectedServer();
  const jobs = useInfiniteQuery(jobsQuery(serverId));
  const [selected, setSelected] = useState<string | null>(null);
  const [groupBy, setGroupBy] = useState<JobGroupBy>('None');
  type Row = NonNullable<typeof jobs.data>['pages'][number]['items'][number];
  const group = useMemo((): ((r: Row) => string) | null => {
    switch (groupBy) {
      case 'Protection Group':
        return (r) => r.group ?? '(none)';
      case 'Computer':
        return (r) => r.computer ?? '(none)';
      case 'Status':
        return (r) => r.status;
      case 'Type':
        return (r) => r.type;
      default:
        return null;
    }
  }, [groupBy]);
  const rows = useMemo(() => {
    const all = jobs.data?.pages.flatMap((p) => p.items) ?? [];
    return group ? [...all].sort((a, b) => group(a).localeCompare(group(b))) : all;
  }, [jobs.data, group]);
  const job = rows.find((r) => r.id === selected);
  const elapsed = (r: Row) => (r.startedAt ? formatDuration((r.finishedAt ?? Date.now()) - r.startedAt) : '—');
  const columns: Column<Row>[] = [
    { key: 'source', header: 'Source', width: 'minmax(160px, 2fr)', render: (r) => r.source ?? r.library ?? r.tape ?? '—' },
    { key: 'computer', header: 'Computer', width: '110px', render: (r) => r.computer ?? '—' },
    { key: 'group', header: 'Protection Group', width: '140px', render: (r) => r.group ?? '—' },
    { key: 'type', header: 'Type', width: '160px', render: (r) => r.type },
    { key: 'start', header: 'Start Time', width: '170px', render: (r) => formatTime(r.startedAt ?? r.scheduledAt) },
    { key: 'elapsed', header: 'Time Elapsed', width: '100px', render: (r) => (r.finishedAt || r.status !== 'In progress' ? elapsed(r) : 'running') },
    { key: 'data', header: 'Data Transferred', width: '130px', render: (r) => formatGb(r.transferredGb) },
    {
      key: 'status',
      header: 'Status',
      width: '150px',
      render: (r) =>
        r.status === 'In progress' ? (
          <span style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
            In progress <ProgressBar value={r.totalGb > 0 ? r.transferredGb / r.totalGb : 0} style={{ width: 50 }} aria-label={`Progress of ${r.type}`} />
          </span>
        ) : (
          r.status
        ),
    },
  ];
  return (
    <Panes
      nav={
        <div style={{ padding: 8 }}>
          <PaneTitle>Jobs</PaneTitle>
          <label style={{ fontSize: 13 }}>
            Group by
            <Dropdown aria-label="Group by" value={groupBy} selectedOptions={[groupBy]} onOptionSelect={(_, d) => setGroupBy(d.optionValue as JobGroupBy)} style={{ minWidth: 180 }}>
              {(['None', 'Protection Group', 'Computer', 'Status', 'Type'] as const).map((g) => (
                <Option key={g} value={g}>
                  {g}
                </Option>
              ))}
            </Dropdown>
          </label>
        </div>
      }
      display={
        <>
          {jobs.isPending && <Loading label="Loading jobs…" />}
          {jobs.isError && <ErrorState error={jobs.error} />}
          {jobs.data && rows.length === 0 && <Empty>No jobs on this DPM server yet.</Empty>}
          {rows.length > 0 && (
            <VirtualTable
              label="Jobs"
              rows={rows}
              total={jobs.data?.pages[0]?.total}
              getId={(r) => r.id}
              columns={columns}
              selectedId={selected}
              onSelect={(r) => setSelected(r.id)}
              groupOf={group ?? undefined}
              onEndReached={jobs.hasNextPage && !jobs.isFetchingNextPage ? () => void jobs.fetchNextPage() : undefined}
            />
          )}
        </>
      }
      details={
        job ? (
          <Fields
            items={[
              ['Type', job.type],
              ['Status', job.status],
              ['Source', job.source ?? job.library ?? '—'],
              ['Computer', job.computer ?? '—'],
              ['Scheduled', formatTime(job.scheduledAt)],
              ['Started', formatTime(job.startedAt)],
              ['Finished', formatTime(job.finishedAt)],
              ['Data transferred', `${formatGb(job.transferredGb)} of ${formatGb(job.totalGb)}`],
              ...Object.entries(job.params).map(([k, v]) => [k, v] as [string, string]),
              ...(job.error ? ([['Error', `${job.error.message} (${job.error.code})`]] as [string, string][]) : []),
            ]}
          />
        ) : (
          <Empty>Select a job to see what it did.</Empty>
        )
      }
    />
  );
}
