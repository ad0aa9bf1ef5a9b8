import { useQuery } from '@tanstack/react-query';
import { Button, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReportId } from '@dpm/domain/reporting/document';
import { OperationButton, offerOf } from '../../components/operations';
import { ErrorState } from '../../components/states';
import { formatTime } from '../../shell/format';
import { useLayoutStyles } from '../../components/layout';
import { Cell, PlainTable } from '../../components/PlainTable';
import { useReportingStyles } from './styles';
import {
  availableReportsQuery,
  reportingOperationsQuery,
  schedulesQuery,
  type ScheduleRow as Schedule,
} from './queries';

const useStyles = makeStyles({
  panel: { display: 'grid', gap: tokens.spacingVerticalM },
  schedule: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'baseline',
    flexWrap: 'wrap',
    fontSize: '13px',
  },
});

/**
 * Details pane of a report: its schedules, and the Available reports they kept (newest first),
 * each downloadable as CSV or PDF, with what became of its mail.
 */
export function AvailableReports({
  reportId,
  onChange,
  onDelete,
  onOpen,
}: {
  reportId: ReportId;
  onChange: (s: Schedule) => void;
  onDelete: (s: Schedule) => void;
  onOpen: (copyId: string) => void;
}) {
  const schedules = useQuery(schedulesQuery());
  const copies = useQuery(availableReportsQuery());
  const offers = useQuery(reportingOperationsQuery()).data;
  const mine = (schedules.data ?? []).filter((s) => s.reportId === reportId);
  const kept = (copies.data ?? []).filter((c) => c.reportId === reportId);
  const styles = useStyles();
  const layout = useLayoutStyles();
  const reporting = useReportingStyles();
  return (
    <div className={styles.panel}>
      <section aria-labelledby="report-schedules" className={reporting.section}>
        <h2 id="report-schedules" className={layout.heading}>
          Schedules
        </h2>
        {schedules.isError && <ErrorState error={schedules.error} />}
        {schedules.data && mine.length === 0 && (
          <Text size={200}>
            This report is not scheduled. Schedule runs it on the simulated clock and keeps its copies here.
          </Text>
        )}
        {mine.map((s) => (
          <div key={s.id} className={styles.schedule}>
            <span>
              {s.scope}, {s.period.toLowerCase()}: {s.description}; keeps {s.keep};{' '}
              {s.recipients.length > 0 ? `mailed as ${s.format} ` + `to ${s.recipients.join(', ')}` : 'not mailed'};
              next {formatTime(s.nextRunAt)}.
            </span>
            <OperationButton
              offer={offerOf(offers, 'reporting.change-schedule')}
              size="small"
              onClick={() => onChange(s)}
            />
            <OperationButton
              offer={offerOf(offers, 'reporting.delete-schedule')}
              size="small"
              onClick={() => onDelete(s)}
            />
          </div>
        ))}
      </section>
      <section aria-labelledby="available-reports" className={reporting.section}>
        <h2 id="available-reports" className={layout.heading}>
          Available reports
        </h2>
        {copies.isError && <ErrorState error={copies.error} />}
        {copies.data && kept.length === 0 && <Text size={200}>No copy kept yet.</Text>}
        {kept.length > 0 && (
          <PlainTable
            label="Available reports"
            density="compact"
            columns={['Produced', 'Scope', 'Period', 'E-mail', 'Files']}
          >
            {kept.map((c) => (
              <tr key={c.id}>
                <Cell>
                  <Link as="button" onClick={() => onOpen(c.id)}>
                    {formatTime(c.generatedAt)}
                  </Link>
                </Cell>
                <Cell>{c.scope}</Cell>
                <Cell>{c.period}</Cell>
                <Cell title={c.mailDetail ?? undefined}>
                  {c.mailStatus}
                  {c.mailStatus === 'Sent' && c.recipients.length > 0 ? ` to ${c.recipients.join(', ')}` : ''}
                </Cell>
                <Cell>
                  <Download copyId={c.id} format="csv" producedAt={c.generatedAt} />
                  <Download copyId={c.id} format="pdf" producedAt={c.generatedAt} />
                </Cell>
              </tr>
            ))}
          </PlainTable>
        )}
      </section>
    </div>
  );
}

/** A copy's file to download, in CSV or PDF. */
function Download({ copyId, format, producedAt }: { copyId: string; format: 'csv' | 'pdf'; producedAt: number }) {
  return (
    <Button
      as="a"
      size="small"
      appearance="transparent"
      href={`/api/available-reports/${copyId}/download?format=${format}`}
      download
      aria-label={`${format.toUpperCase()} of the report produced ${formatTime(producedAt)}`}
    >
      {format.toUpperCase()}
    </Button>
  );
}
