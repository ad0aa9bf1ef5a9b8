import { useQuery } from '@tanstack/react-query';
import { dpmdbReportQuery, groupsQuery, serversQuery } from '../../api/queries';
import { useConnectedServer } from '../../shell/server-context';
import { Panes, PaneTitle } from '../../shell/Panes';
import { ErrorState, Loading } from '../../components/states';
import { formatTime } from '../../shell/format';

const cell = { border: '1px solid var(--colorNeutralStroke2)', padding: '4px 8px', textAlign: 'left', verticalAlign: 'top' } as const;

/** Reporting: the connected server's protection at a glance, and how every DPMDB is protected. */
export function ReportingPage() {
  const { serverId } = useConnectedServer();
  const servers = useQuery(serversQuery());
  const groups = useQuery(groupsQuery(serverId));
  const report = useQuery(dpmdbReportQuery());
  const server = servers.data?.find((s) => s.id === serverId);
  return (
    <Panes
      display={
        <div style={{ padding: 12, overflow: 'auto', display: 'grid', gap: 16 }}>
          <section aria-label="Status report">
            <PaneTitle>Status report — {server?.name}</PaneTitle>
            {groups.isPending && <Loading label="Loading…" />}
            {groups.isError && <ErrorState error={groups.error} />}
            {server && groups.data && (
              <table style={{ borderCollapse: 'collapse', fontSize: 13 }}>
                <tbody>
                  <tr>
                    <th style={cell}>DPM version</th>
                    <td style={cell}>{server.version}</td>
                  </tr>
                  <tr>
                    <th style={cell}>Protection groups</th>
                    <td style={cell}>{groups.data.length}</td>
                  </tr>
                  <tr>
                    <th style={cell}>Protected members</th>
                    <td style={cell}>{groups.data.reduce((n, g) => n + g.members, 0)}</td>
                  </tr>
                  <tr>
                    <th style={cell}>Active alerts</th>
                    <td style={cell}>
                      {server.activeAlerts} ({server.criticalAlerts} critical)
                    </td>
                  </tr>
                  <tr>
                    <th style={cell}>Role</th>
                    <td style={cell}>{[server.primary ? 'Primary' : null, server.secondary ? 'Secondary' : null].filter(Boolean).join(' and ') || 'Not protecting anything'}</td>
                  </tr>
                </tbody>
              </table>
            )}
          </section>
          <section aria-label="DPM database protection">
            <PaneTitle>DPM database protection</PaneTitle>
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
                      <td style={cell}>{r.methods.length === 0 ? 'None' : r.methods.map((m) => `${m.method}: ${m.detail}`).join('; ')}</td>
                      <td style={cell}>{formatTime(r.methods.reduce<number | null>((a, m) => (m.latest !== null && (a === null || m.latest > a) ? m.latest : a), null))}</td>
                      <td style={cell}>{r.assessment}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      }
    />
  );
}
