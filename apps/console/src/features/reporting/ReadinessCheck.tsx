import { useState } from 'react';
import { countResults } from '@dpm/domain/reporting/readiness';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useNavigate } from 'react-router';
import { Badge, Checkbox, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { dpmdbReportQuery } from './queries';
import { useConnectedServer } from '../../shell/server-context';
import { Empty, ErrorState, Loading } from '../../components/states';
import { formatTime } from '../../shell/format';
import { useLayoutStyles } from '../../components/layout';
import { Cell, PlainTable, RowHeader } from '../../components/PlainTable';
import { readinessQuery, readinessRunQuery } from './queries';
import { useReportingStyles } from './styles';

const useStyles = makeStyles({
  subheading: { margin: '12px 0 0' },
  summary: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    flexWrap: 'wrap',
  },
});
type Result = 'Passed' | 'Warning' | 'Failed';
const COLOR: Record<Result, 'success' | 'warning' | 'danger'> = {
  Passed: 'success',
  Warning: 'warning',
  Failed: 'danger',
};

export function ResultBadge({ result }: { result: Result }) {
  return (
    <Badge appearance="filled" color={COLOR[result]}>
      {result}
    </Badge>
  );
}

/** A row of the readiness per DPM server: the estate's or one server's result and counts. */
function ResultRow({
  name,
  result,
  failed,
  warnings,
}: {
  name: string;
  result: Result;
  failed: number;
  warnings: number;
}) {
  return (
    <tr>
      <RowHeader>{name}</RowHeader>
      <Cell>
        <ResultBadge result={result} />
      </Cell>
      <Cell>{failed}</Cell>
      <Cell>{warnings}</Cell>
    </tr>
  );
}

/** How each DPM server's database is protected (seed 001), as the readiness check reads it. */
function DpmdbProtection() {
  const report = useQuery(dpmdbReportQuery());
  const layout = useLayoutStyles();
  const styles = useStyles();
  return (
    <section aria-label="DPM database protection" className={layout.stack}>
      <h3 className={mergeClasses(layout.heading, styles.subheading)}>DPM database protection</h3>
      {report.isError && <ErrorState error={report.error} />}
      {report.data && (
        <PlainTable columns={['Server', 'Methods', 'Latest copy', 'In a disaster']}>
          {report.data.map((r) => (
            <tr key={r.serverId}>
              <Cell>{r.server}</Cell>
              <Cell>
                {r.methods.length === 0 ? 'None' : r.methods.map((m) => `${m.method}: ${m.detail}`).join('; ')}
              </Cell>
              <Cell>
                {formatTime(
                  r.methods.reduce<number | null>(
                    (a, m) => (m.latest !== null && (a === null || m.latest > a) ? m.latest : a),
                    null,
                  ),
                )}
              </Cell>
              <Cell>{r.assessment}</Cell>
            </tr>
          ))}
        </PlainTable>
      )}
    </section>
  );
}

/** The readiness check's display: the run chosen in the history (the latest by default), every check a row. */
export function ReadinessDisplay({ runId }: { runId: number | null }) {
  const latest = useQuery(readinessQuery());
  const chosen = useQuery({ ...readinessRunQuery(runId ?? 0), enabled: runId !== null });
  const run = runId === null ? latest.data?.latest : chosen.data;
  const [showPassed, setShowPassed] = useState(true);
  const { connect } = useConnectedServer();
  const navigate = useNavigate();
  const rows = run?.report.servers.flatMap((s) => s.checks).filter((c) => showPassed || c.result !== 'Passed') ?? [];
  const styles = useStyles();
  const reporting = useReportingStyles();
  return (
    <div className={mergeClasses('report-document', reporting.document)}>
      <header>
        <h2 className={reporting.documentTitle}>Readiness check</h2>
        <p className={reporting.documentLead}>
          Could each DPM server be rebuilt after a disaster, judged by the rules of the DPM documents: its database
          protected off the server and recent, the tape that holds it found, a secondary with the same version, the
          chaining rules, the agents, the trusted machines groups, the certificates of its tapes and the vault
          credentials.
        </p>
      </header>
      {(latest.isPending || (runId !== null && chosen.isPending)) && <Loading label="Loading the readiness check…" />}
      {latest.isError && <ErrorState error={latest.error} />}
      {latest.data && !run && <Empty>No readiness check has run yet. Run readiness check to record the first.</Empty>}
      {run && (
        <>
          <p className={styles.summary}>
            <ResultBadge result={run.result} /> Run {formatTime(run.at)} by {run.actor}: {run.passed} passed,{' '}
            {run.warnings} warnings, {run.failed}
            {' failed. Goal for the newest copy of each DPM database: '}
            {run.goalHours} hours.
          </p>
          <PlainTable label="Readiness per DPM server" columns={['DPM server', 'Result', 'Failed', 'Warnings']}>
            <ResultRow name="Entire estate" result={run.result} failed={run.failed} warnings={run.warnings} />
            {run.report.servers.map((s) => {
              const counts = countResults(s.checks);
              return (
                <ResultRow
                  key={s.serverId}
                  name={s.server}
                  result={s.result}
                  failed={counts.Failed}
                  warnings={counts.Warning}
                />
              );
            })}
          </PlainTable>
          <Checkbox
            className="no-print"
            label="Show passed checks"
            checked={showPassed}
            onChange={(_, d) => setShowPassed(d.checked === true)}
          />
          <PlainTable
            label="Readiness checks"
            columns={['DPM server', 'Check', 'Result', 'Rule code', 'Details', 'Fix']}
          >
            {rows.map((c) => (
              <tr key={`${c.serverId}-${c.check}-${c.code}`}>
                <Cell>{c.server}</Cell>
                <Cell>{c.check}</Cell>
                <Cell>
                  <ResultBadge result={c.result} />
                </Cell>
                <Cell>
                  <code>{c.code}</code>
                </Cell>
                <Cell>{c.message}</Cell>
                <Cell>
                  {c.fix && (
                    <RouterLink
                      to={c.fix.path}
                      onClick={(e) => {
                        e.preventDefault();
                        if (!c.fix) return;
                        connect(c.fix.serverId);
                        void navigate(c.fix.path);
                      }}
                    >
                      {c.fix.control}
                    </RouterLink>
                  )}
                </Cell>
              </tr>
            ))}
          </PlainTable>
        </>
      )}
      <DpmdbProtection />
    </div>
  );
}
