import { useQuery } from '@tanstack/react-query';
import { Button, Link, Text } from '@fluentui/react-components';
import type { ReportId } from '@dpm/domain/reporting/document';
import { OperationButton, offerOf } from '../../components/operations';
import { ErrorState } from '../../components/states';
import { formatTime } from '../../shell/format';
import {
  availableReportsQuery,
  reportingOperationsQuery,
  schedulesQuery,
  type ScheduleRow as Schedule,
} from './queries';

const cell = {
  borderBottom: '1px solid var(--colorNeutralStroke2)',
  padding: '3px 8px',
  textAlign: 'left',
  verticalAlign: 'top',
} as const;

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
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <section aria-labelledby="report-schedules" style={{ display: 'grid', gap: 4 }}>
        <h2 id="report-schedules" style={{ fontSize: 14, margin: 0 }}>
          Schedules
        </h2>
        {schedules.isError && <ErrorState error={schedules.error} />}
        {schedules.data && mine.length === 0 && (
          <Text size={200}>
            This report is not scheduled. Schedule runs it on the simulated clock and keeps its copies here.
          </Text>
        )}
        {mine.map((s) => (
          <div key={s.id} style={{ display: 'flex', gap: 8, alignItems: 'baseline', flexWrap: 'wrap', fontSize: 13 }}>
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
      <section aria-labelledby="available-reports" style={{ display: 'grid', gap: 4 }}>
        <h2 id="available-reports" style={{ fontSize: 14, margin: 0 }}>
          Available reports
        </h2>
        {copies.isError && <ErrorState error={copies.error} />}
        {copies.data && kept.length === 0 && <Text size={200}>No copy kept yet.</Text>}
        {kept.length > 0 && (
          <table aria-label="Available reports" style={{ borderCollapse: 'collapse', fontSize: 13 }}>
            <thead>
              <tr>
                <th style={cell}>Produced</th>
                <th style={cell}>Scope</th>
                <th style={cell}>Period</th>
                <th style={cell}>E-mail</th>
                <th style={cell}>Files</th>
              </tr>
            </thead>
            <tbody>
              {kept.map((c) => (
                <tr key={c.id}>
                  <td style={cell}>
                    <Link as="button" onClick={() => onOpen(c.id)}>
                      {formatTime(c.generatedAt)}
                    </Link>
                  </td>
                  <td style={cell}>{c.scope}</td>
                  <td style={cell}>{c.period}</td>
                  <td style={cell} title={c.mailDetail ?? undefined}>
                    {c.mailStatus}
                    {c.mailStatus === 'Sent' && c.recipients.length > 0 ? ` to ${c.recipients.join(', ')}` : ''}
                  </td>
                  <td style={cell}>
                    <Button
                      as="a"
                      size="small"
                      appearance="transparent"
                      href={`/api/available-reports/${c.id}/download?format=csv`}
                      download
                      aria-label={`CSV of the report produced ${formatTime(c.generatedAt)}`}
                    >
                      CSV
                    </Button>
                    <Button
                      as="a"
                      size="small"
                      appearance="transparent"
                      href={`/api/available-reports/${c.id}/download?format=pdf`}
                      download
                      aria-label={`PDF of the report produced ${formatTime(c.generatedAt)}`}
                    >
                      PDF
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
