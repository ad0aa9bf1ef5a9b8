import { useState } from 'react';
import { countResults } from '@dpm/domain/reporting/readiness';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useNavigate } from 'react-router';
import { Badge, Checkbox } from '@fluentui/react-components';
import { dpmdbReportQuery } from './queries';
import { useConnectedServer } from '../../shell/server-context';
import { Empty, ErrorState, Loading } from '../../components/states';
import { formatTime } from '../../shell/format';
import { readinessQuery, readinessRunQuery } from './queries';

export const cell = {
  borderBottom: '1px solid var(--colorNeutralStroke2)',
  padding: '4px 8px',
  textAlign: 'left',
  verticalAlign: 'top',
} as const;
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

/** How each DPM server's database is protected (seed 001), as the readiness check reads it. */
function DpmdbProtection() {
  const report = useQuery(dpmdbReportQuery());
  return (
    <section aria-label="DPM database protection" style={{ display: 'grid', gap: 6 }}>
      <h3 style={{ fontSize: 14, margin: '12px 0 0' }}>DPM database protection</h3>
      {report.isError && <ErrorState error={report.error} />}
      {report.data && (
        <table style={{ borderCollapse: 'collapse', fontSize: 13 }}>
          <thead>
            <tr>
              <th style={cell}>Server</th>
              <th style={cell}>Methods</th>
              <th style={cell}>Latest copy</th>
              <th style={cell}>In a disaster</th>
            </tr>
          </thead>
          <tbody>
            {report.data.map((r) => (
              <tr key={r.serverId}>
                <td style={cell}>{r.server}</td>
                <td style={cell}>
                  {r.methods.length === 0 ? 'None' : r.methods.map((m) => `${m.method}: ${m.detail}`).join('; ')}
                </td>
                <td style={cell}>
                  {formatTime(
                    r.methods.reduce<number | null>(
                      (a, m) => (m.latest !== null && (a === null || m.latest > a) ? m.latest : a),
                      null,
                    ),
                  )}
                </td>
                <td style={cell}>{r.assessment}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
  return (
    <div className="report-document" style={{ padding: 12, display: 'grid', gap: 8 }}>
      <header>
        <h2 style={{ fontSize: 18, margin: 0 }}>Readiness check</h2>
        <p style={{ margin: '2px 0 0', fontSize: 13, color: 'var(--colorNeutralForeground2)' }}>
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
          <p style={{ margin: 0, fontSize: 14, display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
            <ResultBadge result={run.result} /> Run {formatTime(run.at)} by {run.actor}: {run.passed} passed,{' '}
            {run.warnings} warnings, {run.failed}
            {' failed. Goal for the newest copy of each DPM database: '}
            {run.goalHours} hours.
          </p>
          <table aria-label="Readiness per DPM server" style={{ borderCollapse: 'collapse', fontSize: 13 }}>
            <thead>
              <tr>
                <th scope="col" style={cell}>
                  DPM server
                </th>
                <th scope="col" style={cell}>
                  Result
                </th>
                <th scope="col" style={cell}>
                  Failed
                </th>
                <th scope="col" style={cell}>
                  Warnings
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row" style={cell}>
                  Entire estate
                </th>
                <td style={cell}>
                  <ResultBadge result={run.result} />
                </td>
                <td style={cell}>{run.failed}</td>
                <td style={cell}>{run.warnings}</td>
              </tr>
              {run.report.servers.map((s) => {
                const counts = countResults(s.checks);
                return (
                  <tr key={s.serverId}>
                    <th scope="row" style={cell}>
                      {s.server}
                    </th>
                    <td style={cell}>
                      <ResultBadge result={s.result} />
                    </td>
                    <td style={cell}>{counts.Failed}</td>
                    <td style={cell}>{counts.Warning}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <Checkbox
            className="no-print"
            label="Show passed checks"
            checked={showPassed}
            onChange={(_, d) => setShowPassed(d.checked === true)}
          />
          <table aria-label="Readiness checks" style={{ borderCollapse: 'collapse', fontSize: 13 }}>
            <thead>
              <tr>
                <th scope="col" style={cell}>
                  DPM server
                </th>
                <th scope="col" style={cell}>
                  Check
                </th>
                <th scope="col" style={cell}>
                  Result
                </th>
                <th scope="col" style={cell}>
                  Rule code
                </th>
                <th scope="col" style={cell}>
                  Details
                </th>
                <th scope="col" style={cell}>
                  Fix
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={`${c.serverId}-${c.check}-${c.code}`}>
                  <td style={cell}>{c.server}</td>
                  <td style={cell}>{c.check}</td>
                  <td style={cell}>
                    <ResultBadge result={c.result} />
                  </td>
                  <td style={cell}>
                    <code>{c.code}</code>
                  </td>
                  <td style={cell}>{c.message}</td>
                  <td style={cell}>
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
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <DpmdbProtection />
    </div>
  );
}
