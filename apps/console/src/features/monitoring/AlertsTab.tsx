import { GroupBy } from '../../components/GroupBy';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Checkbox, Field, Link, Text, Textarea } from '@fluentui/react-components';
import { alertsQuery, type AlertGrouping } from '../../api/queries';
import { api, unwrap } from '../../api/client';
import { useConnectedServer } from '../../shell/server-context';
import { Fields, Panes, PaneTitle } from '../../shell/Panes';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { Empty, ErrorState, Loading } from '../../components/states';
import { CommandFeedback, useCommand } from '../../components/command';
import { RoleButton } from '../../components/RoleButton';
import { useRole } from '../auth/session';
import { formatTime } from '../../shell/format';
import { ALERT_STATE_ORDER, SEVERITY_ORDER, groupRows } from './grouping';

const GROUP_BY = ['None', 'Protection group', 'Computer', 'Severity', 'Status'] as const;
type AlertGroupBy = (typeof GROUP_BY)[number];
const ALERT_GROUPING: Record<AlertGroupBy, AlertGrouping | undefined> = { None: undefined, 'Protection group': 'group', Computer: 'computer', Severity: 'severity', Status: 'state' };

interface Groupable {
  group: string | null;
  computer: string | null;
  severity: string;
  state: string;
}

function alertGroup<T extends Groupable>(by: AlertGroupBy): { of: ((r: T) => string) | null; order: readonly string[] } {
  switch (by) {
    case 'Protection group':
      return { of: (r) => r.group ?? '(no protection group)', order: [] };
    case 'Computer':
      return { of: (r) => r.computer ?? '(no computer)', order: [] };
    case 'Severity':
      return { of: (r) => r.severity, order: SEVERITY_ORDER };
    case 'Status':
      return { of: (r) => r.state, order: ALERT_STATE_ORDER };
    default:
      return { of: null, order: [] };
  }
}

export function AlertsTab() {
  const { serverId } = useConnectedServer();
  const [showInactive, setShowInactive] = useState(false);
  const [groupBy, setGroupBy] = useState<AlertGroupBy>('Severity');
  // The header's critical alerts lead here with ?alert=<id>: that alert is selected.
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const wanted = params.get('alert');
  const [selected, setSelected] = useState<string | null>(wanted);
  useEffect(() => {
    if (wanted) setSelected(wanted);
  }, [wanted]);
  const alerts = useInfiniteQuery(alertsQuery(serverId, showInactive, ALERT_GROUPING[groupBy]));
  const command = useCommand(serverId);
  const { needs } = useRole();
  const [comment, setComment] = useState('');
  type Row = NonNullable<typeof alerts.data>['pages'][number]['items'][number];
  const group = useMemo(() => alertGroup<Row>(groupBy), [groupBy]);
  const rows = useMemo(() => groupRows(alerts.data?.pages.flatMap((p) => p.items) ?? [], group.of, group.order), [alerts.data, group]);
  const alert = rows.find((r) => r.id === selected);

  const groupOf = group.of;
  const columns: Column<Row>[] = [
    ...(groupOf ? [{ key: 'group-by', header: 'Group', width: 'minmax(120px, 1fr)', render: (r: Row) => <strong>{groupOf(r)}</strong> }] : []),
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
    command.run('Acknowledge', async () => unwrap(await api.servers[':serverId'].alerts[':alertId'].acknowledge.$post({ param: { serverId, alertId }, json: { comment: comment.trim() } }))).then((done) => done !== undefined && setComment(''));

  const recommended = (r: Row) => {
    if (!r.recommendedAction) return <Text>No action is needed; the alert clears when its condition does.</Text>;
    const action = r.recommendedAction;
    // Take Ownership changes protection (Administrator); a consistency check, a recovery point or a readiness check is an Operator's.
    const denied = needs(action === 'Take Ownership' ? 'Administrator' : 'Operator');
    const onClick = () => {
      // Reporting › Readiness check lists what fails, each with its fix; running it again verifies.
      if (action === 'Run readiness check') void navigate('/reporting?view=readiness');
      else if (action === 'Take Ownership') void takeOwnership(r.subjectId);
      else if (action === 'Create a recovery point') void createRecoveryPoint(r.subjectId);
      else void runConsistencyCheck(r.subjectId);
    };
    return (
      <Link as="button" onClick={onClick} disabled={command.pending || denied !== null} title={denied ?? undefined}>
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
          <GroupBy options={GROUP_BY} value={groupBy} onChange={setGroupBy} minWidth={180} />
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
              groupOf={groupOf ?? undefined}
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
                    <Link as="button" onClick={() => void inactivate(alert.id)} disabled={needs('Operator') !== null} title={needs('Operator') ?? undefined}>
                      Inactivate
                    </Link>
                  ) : (
                    `Inactive since ${formatTime(alert.resolvedAt)}`
                  ),
                ],
                ...(alert.acknowledged
                  ? ([['Acknowledged', `by ${alert.acknowledged.by} at ${formatTime(alert.acknowledged.at)}${alert.acknowledged.comment ? `: ${alert.acknowledged.comment}` : ''}`]] as [string, string][])
                  : []),
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
            <RoleButton needs="Operator" onClick={() => void inactivate(alert.id)}>
              Inactivate
            </RoleButton>
            {alert.acknowledged === null && (
              <Field label="Comment" hint="Optional; kept with the acknowledgement.">
                <Textarea value={comment} maxLength={500} onChange={(_, d) => setComment(d.value)} resize="vertical" />
              </Field>
            )}
            <RoleButton needs="Operator" onClick={() => void acknowledge(alert.id)} disabled={alert.acknowledged !== null} title={alert.acknowledged ? 'Already acknowledged' : undefined}>
              Acknowledge
            </RoleButton>
          </div>
        ) : undefined
      }
    />
  );
}
