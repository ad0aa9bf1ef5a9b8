import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import {
  Button,
  Text,
  Tree,
  TreeItem,
  TreeItemLayout,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { GROUP_BY, REPORT_IDS, REPORT_NAMES, type ReportGroupBy, type ReportId } from '@dpm/domain/reporting/document';
import { PERIODS, type Period } from '@dpm/domain/reporting/period';
import { serversQuery } from '../servers/queries';
import { useConnectedServer } from '../../shell/server-context';
import { Panes, PaneTitle } from '../../shell/Panes';
import { Choice } from '../../components/GroupBy';
import { OperationButton, offerOf } from '../../components/operations';
import { CommandFeedback, useCommand } from '../../components/command';
import { Empty, ErrorState, Loading } from '../../components/states';
import { ReportDocumentView } from './ReportDocumentView';
import { ScheduleDialog, type ScheduleValues } from './ScheduleDialog';
import { AvailableReports } from './AvailableReports';
import { ReadinessDisplay } from './ReadinessCheck';
import { ReadinessActions, ReadinessHistory } from './ReadinessActions';
import {
  availableReportQuery,
  exportHref,
  reportQuery,
  reportsListQuery,
  reportingKey,
  reportingOperationsQuery,
  type ReportRequest,
  type ScheduleRow,
} from './queries';
import { useReportingStyles } from './styles';
import './print.css';
import { createSchedule, deleteSchedule, modifySchedule } from './commands';

const useStyles = makeStyles({
  nav: { padding: tokens.spacingHorizontalXS },
  current: { fontWeight: tokens.fontWeightSemibold },
  other: { fontWeight: tokens.fontWeightRegular },
  display: { display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' },
  scroll: { flex: 1, minHeight: 0, overflow: 'auto' },
  options: {
    display: 'flex',
    gap: tokens.spacingHorizontalL,
    flexWrap: 'wrap',
    padding: tokens.spacingHorizontalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

const READINESS = 'readiness';
const ESTATE = 'Entire estate';

type Displayed = { kind: 'report'; request: ReportRequest; at: number } | { kind: 'copy'; copyId: string } | null;

function isReportId(v: string | null): v is ReportId {
  return v !== null && (REPORT_IDS as readonly string[]).includes(v);
}

function ViewedReport({ request, at }: { request: ReportRequest; at: number }) {
  const report = useQuery(reportQuery(request, at));
  if (report.isPending) return <Loading label="Producing the report…" />;
  if (report.isError) return <ErrorState error={report.error} title="The report could not be produced" />;
  return <ReportDocumentView doc={report.data} />;
}

function KeptReport({ copyId }: { copyId: string }) {
  const copy = useQuery(availableReportQuery(copyId));
  if (copy.isPending) return <Loading label="Opening the available report…" />;
  if (copy.isError) return <ErrorState error={copy.error} title="The available report could not be opened" />;
  return <ReportDocumentView doc={copy.data} />;
}

/**
 * Reporting: DPM's six reports for the connected DPM server or the whole estate, over a period
 * ending now on the simulated clock, exported as CSV or PDF, printed, scheduled (kept as
 * Available reports and mailed); and, beyond DPM, the readiness check.
 */
export function ReportingPage() {
  const { serverId } = useConnectedServer();
  const [params, setParams] = useSearchParams();
  const selected = params.get('view');
  const readiness = selected === READINESS;
  const reportId: ReportId = isReportId(selected) ? selected : 'status';
  const servers = useQuery(serversQuery());
  const reports = useQuery(reportsListQuery());
  const offers = useQuery(reportingOperationsQuery()).data;
  const server = servers.data?.find((s) => s.id === serverId);
  const [period, setPeriod] = useState<Period>('Week');
  const [groupBy, setGroupBy] = useState<ReportGroupBy>('Protection group');
  const [estate, setEstate] = useState(false);
  const [shown, setShown] = useState<Displayed>(null);
  const [scheduling, setScheduling] = useState<{ schedule: ScheduleRow | null } | null>(null);
  const [runId, setRunId] = useState<number | null>(null);
  const command = useCommand(serverId);
  const client = useQueryClient();

  const request: ReportRequest = { reportId, serverId: estate ? null : serverId, period, groupBy };
  const scopeName = estate ? ESTATE : (server?.name ?? serverId);
  const select = (view: string) => {
    setParams({ view });
    setShown(null);
    command.clear();
  };
  const save = async (values: ScheduleValues, schedule: ScheduleRow | null) => {
    const target = schedule
      ? { reportId: schedule.reportId, serverId: schedule.serverId, period: schedule.period, groupBy: schedule.groupBy }
      : request;
    const body = { ...target, ...values };
    if (schedule) await modifySchedule(schedule.id, body, schedule.version);
    else await createSchedule(body);
    await client.invalidateQueries({ queryKey: reportingKey });
  };
  const remove = (s: ScheduleRow) =>
    command.run('Delete schedule', async () => {
      await deleteSchedule(s.id);
      await client.invalidateQueries({ queryKey: reportingKey });
    });
  const description = reports.data?.find((r) => r.id === reportId)?.description;
  const styles = useStyles();
  const reporting = useReportingStyles();

  const nav = (
    <div className={mergeClasses(styles.nav, 'no-print')}>
      <PaneTitle>Reports</PaneTitle>
      <Tree aria-label="Reports">
        {REPORT_IDS.map((id) => (
          <TreeItem key={id} itemType="leaf" value={id}>
            <TreeItemLayout
              onClick={() => select(id)}
              aria-current={!readiness && id === reportId ? 'true' : undefined}
              className={!readiness && id === reportId ? styles.current : styles.other}
            >
              {REPORT_NAMES[id]}
            </TreeItemLayout>
          </TreeItem>
        ))}
      </Tree>
      <PaneTitle>Beyond DPM</PaneTitle>
      <Tree aria-label="Beyond DPM">
        <TreeItem itemType="leaf" value={READINESS}>
          <TreeItemLayout
            onClick={() => select(READINESS)}
            aria-current={readiness ? 'true' : undefined}
            className={readiness ? styles.current : styles.other}
          >
            Readiness check
          </TreeItemLayout>
        </TreeItem>
      </Tree>
    </div>
  );

  if (readiness) {
    return (
      <Panes
        nav={nav}
        display={
          <div className={styles.display}>
            <CommandFeedback command={command} />
            <div className={styles.scroll}>
              <ReadinessDisplay runId={runId} />
            </div>
          </div>
        }
        details={<ReadinessHistory runId={runId} onSelect={setRunId} />}
        actions={<ReadinessActions runId={runId} onRun={() => setRunId(null)} command={command} />}
      />
    );
  }

  return (
    <>
      <Panes
        nav={nav}
        display={
          <div className={styles.display}>
            <div role="toolbar" aria-label="Report options" className={mergeClasses('no-print', styles.options)}>
              <Choice label="Period" options={PERIODS} value={period} onChange={setPeriod} minWidth={120} />
              <Choice
                label="Scope"
                options={[server?.name ?? serverId, ESTATE]}
                value={scopeName}
                onChange={(v) => setEstate(v === ESTATE)}
                minWidth={140}
              />
              <Choice label="Group by" options={GROUP_BY} value={groupBy} onChange={setGroupBy} minWidth={160} />
            </div>
            <CommandFeedback command={command} />
            <div className={styles.scroll}>
              {shown?.kind === 'report' ? (
                <ViewedReport request={shown.request} at={shown.at} />
              ) : shown?.kind === 'copy' ? (
                <KeptReport copyId={shown.copyId} />
              ) : (
                <Empty>
                  {REPORT_NAMES[reportId]}: choose the period, the scope and how to group, then View. {description}
                </Empty>
              )}
            </div>
          </div>
        }
        details={
          <AvailableReports
            reportId={reportId}
            onOpen={(copyId) => setShown({ kind: 'copy', copyId })}
            onChange={(s) => setScheduling({ schedule: s })}
            onDelete={(s) => void remove(s)}
          />
        }
        actions={
          <div className={mergeClasses(reporting.actions, 'no-print')}>
            <PaneTitle>{REPORT_NAMES[reportId]}</PaneTitle>
            {description && <Text size={200}>{description}</Text>}
            <Button appearance="primary" onClick={() => setShown({ kind: 'report', request, at: Date.now() })}>
              View
            </Button>
            <OperationButton
              offer={offerOf(offers, 'reporting.schedule')}
              onClick={() => setScheduling({ schedule: null })}
            />
            <Button as="a" href={exportHref(request, 'csv')} download>
              CSV
            </Button>
            <Button as="a" href={exportHref(request, 'pdf')} download>
              PDF
            </Button>
            <Button disabled={!shown} onClick={() => window.print()}>
              Print
            </Button>
          </div>
        }
      />
      {scheduling && (
        <ScheduleDialog
          request={
            scheduling.schedule
              ? {
                  reportId: scheduling.schedule.reportId,
                  serverId: scheduling.schedule.serverId,
                  period: scheduling.schedule.period,
                  groupBy: scheduling.schedule.groupBy,
                }
              : request
          }
          scopeName={scheduling.schedule ? scheduling.schedule.scope : scopeName}
          initial={scheduling.schedule ?? undefined}
          onSave={(values) => save(values, scheduling.schedule)}
          onClose={() => setScheduling(null)}
        />
      )}
    </>
  );
}
