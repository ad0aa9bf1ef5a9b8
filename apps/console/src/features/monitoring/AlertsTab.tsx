import { GroupBy } from '../../components/GroupBy';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Checkbox, Field, Link, Text } from '@fluentui/react-components';
import { alertsQuery, type AlertGrouping } from './queries';
import { acknowledgeAlert, inactivateAlert } from './commands';
import { agentCommand, updateAgents } from '../management/commands';
import { checkConsistency, createRecoveryPoints } from '../protection/commands';
import { useConnectedServer } from '../../shell/server-context';
import { Fields, Panes, PaneTitle } from '../../shell/Panes';
import type { Column } from '../../components/VirtualTable';
import { PagedTable, usePagedRows } from '../../components/PagedTable';
import { Empty } from '../../components/states';
import { CommandFeedback, useCommand } from '../../components/command';
import { OperationButton, offerOf, reasonOf, type Offer } from '../../components/operations';
import { formatTime } from '../../shell/format';
import { useLayoutStyles } from '../../components/layout';

// The acknowledgement's comment shows once an alert is chosen: its control is fetched then.
const Textarea = lazy(async () => ({ default: (await import('../../components/textarea')).Textarea }));

const GROUP_BY = ['None', 'Protection group', 'Computer', 'Severity', 'Status'] as const;
type AlertGroupBy = (typeof GROUP_BY)[number];
const ALERT_GROUPING: Record<AlertGroupBy, AlertGrouping | undefined> = {
  None: undefined,
  'Protection group': 'group',
  Computer: 'computer',
  Severity: 'severity',
  Status: 'state',
};

interface Groupable {
  group: string | null;
  computer: string | null;
  severity: string;
  state: string;
}

/** The heading of an alert's group; the server sends each group whole and in DPM's order. */
function alertGroup<T extends Groupable>(by: AlertGroupBy): ((r: T) => string) | null {
  switch (by) {
    case 'Protection group':
      return (r) => r.group ?? '(no protection group)';
    case 'Computer':
      return (r) => r.computer ?? '(no computer)';
    case 'Severity':
      return (r) => r.severity;
    case 'Status':
      return (r) => r.state;
    default:
      return null;
  }
}

export function AlertsTab() {
  const layout = useLayoutStyles();
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
  const [comment, setComment] = useState('');
  type Row = NonNullable<typeof alerts.data>['pages'][number]['items'][number];
  const groupOf = useMemo(() => alertGroup<Row>(groupBy), [groupBy]);
  const rows = usePagedRows(alerts);
  const alert = rows.find((r) => r.id === selected);

  const columns: Column<Row>[] = [
    ...(groupOf
      ? [
          {
            key: 'group-by',
            header: 'Group',
            width: 'minmax(120px, 1fr)',
            render: (r: Row) => <strong>{groupOf(r)}</strong>,
          },
        ]
      : []),
    { key: 'severity', header: 'Severity', width: '100px', render: (r) => r.severity },
    { key: 'name', header: 'Alert', width: 'minmax(200px, 2fr)', render: (r) => r.name },
    { key: 'area', header: 'Affected area', width: 'minmax(160px, 2fr)', render: (r) => r.affectedArea },
    { key: 'since', header: 'Occurred since', width: '180px', render: (r) => formatTime(r.raisedAt) },
    {
      key: 'state',
      header: 'Status',
      width: '90px',
      render: (r) => (r.acknowledged && r.resolvedAt === null ? `${r.state} (acknowledged)` : r.state),
    },
  ];

  const inactivate = (offer: Offer, alertId: string) =>
    command.run(offer.name, () => inactivateAlert(serverId, alertId));
  const acknowledge = (offer: Offer, alertId: string) =>
    command
      .run(offer.name, () => acknowledgeAlert(serverId, alertId, comment.trim()))
      .then((done) => done !== undefined && setComment(''));

  /** The Recommended action link: the operation that fixes the alert, on its object, as the server offers it. */
  const recommended = (r: Row) => {
    const action = r.recommended;
    if (!action) return <Text>No action is needed; the alert clears when its condition does.</Text>;
    const target = action.target;
    const onClick = () => {
      const on = target.serverId ?? serverId;
      const computerId = target.computerId ?? '';
      const replicaId = target.replicaId ?? '';
      switch (action.id) {
        case 'agents.take-ownership':
          return command.run(action.name, () => agentCommand(on, computerId, 'take-ownership'));
        case 'agents.reestablish':
          return command.run(action.name, () => agentCommand(on, computerId, 'reestablish'));
        case 'agents.enable-protection':
          return command.run(action.name, () => agentCommand(on, computerId, 'enable-protection'));
        case 'agents.update':
          return command.run(action.name, () => updateAgents(on, [computerId]));
        case 'protection.consistency-check':
          return command.run(action.name, () => checkConsistency(on, { replicaIds: [replicaId] }));
        case 'protection.create-recovery-point':
          return command.run(action.name, () => createRecoveryPoints(on, [replicaId]));
        case 'reporting.readiness-check':
          // Reporting › Readiness check lists what fails, each with its fix; running it again verifies.
          return void navigate('/reporting?view=readiness');
        default:
          return undefined;
      }
    };
    return (
      <Link
        as="button"
        onClick={() => void onClick()}
        disabled={command.pending || !action.enabled}
        title={reasonOf(action)}
      >
        {action.name}
      </Link>
    );
  };

  return (
    <Panes
      nav={
        <div className={layout.panel}>
          <PaneTitle>Alerts</PaneTitle>
          <Checkbox
            label="Show inactive alerts"
            checked={showInactive}
            onChange={(_, d) => setShowInactive(Boolean(d.checked))}
          />
          <GroupBy options={GROUP_BY} value={groupBy} onChange={setGroupBy} minWidth={180} />
        </div>
      }
      display={
        <>
          <CommandFeedback command={command} />
          <PagedTable
            query={alerts}
            rows={rows}
            loading="Loading alerts…"
            empty={`No ${showInactive ? '' : 'active '}alerts on this DPM server.`}
            label="Alerts"
            getId={(r) => r.id}
            columns={columns}
            selectedId={selected}
            onSelect={(r) => setSelected(r.id)}
            groupOf={groupOf ?? undefined}
          />
        </>
      }
      details={
        alert ? (
          <div>
            <h3 className={layout.detailsTitle}>{alert.name}</h3>
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
                  alert.resolvedAt !== null ? (
                    `Inactive since ${formatTime(alert.resolvedAt)}`
                  ) : (
                    <ResolutionLink
                      offer={offerOf(alert.operations, 'alerts.inactivate')}
                      onClick={(offer) => void inactivate(offer, alert.id)}
                    />
                  ),
                ],
                ...(alert.acknowledged
                  ? ([
                      [
                        'Acknowledged',
                        `by ${alert.acknowledged.by} at ` +
                          `${formatTime(alert.acknowledged.at)}` +
                          `${alert.acknowledged.comment ? `: ${alert.acknowledged.comment}` : ''}`,
                      ],
                    ] as [string, string][])
                  : []),
              ]}
            />
          </div>
        ) : (
          <Empty>Select an alert to see its details.</Empty>
        )
      }
      actions={
        alert ? (
          <div className={layout.stack}>
            <PaneTitle>Actions</PaneTitle>
            <OperationButton
              offer={offerOf(alert.operations, 'alerts.inactivate')}
              onClick={() => void inactivate(offerOf(alert.operations, 'alerts.inactivate') as Offer, alert.id)}
            />
            {offerOf(alert.operations, 'alerts.acknowledge')?.enabled && (
              <Field label="Comment" hint="Optional; kept with the acknowledgement.">
                <Suspense fallback={null}>
                  <Textarea
                    value={comment}
                    maxLength={500}
                    onChange={(_, d) => setComment(d.value)}
                    resize="vertical"
                  />
                </Suspense>
              </Field>
            )}
            <OperationButton
              offer={offerOf(alert.operations, 'alerts.acknowledge')}
              onClick={() => void acknowledge(offerOf(alert.operations, 'alerts.acknowledge') as Offer, alert.id)}
            />
          </div>
        ) : undefined
      }
    />
  );
}

/** Resolution › Inactivate, as a link, with the reason when it can't be chosen. */
function ResolutionLink({ offer, onClick }: { offer: Offer | undefined; onClick: (offer: Offer) => void }) {
  if (!offer) return null;
  return (
    <Link as="button" onClick={() => onClick(offer)} disabled={!offer.enabled} title={reasonOf(offer)}>
      {offer.name}
    </Link>
  );
}
