import type { PrintDocument } from './document';
import { formatUtc } from './document';
import type { ReadinessReport } from './readiness-rules';

/** A readiness check run as a printable document (exported like a report). */
export function readinessDocument(report: ReadinessReport): PrintDocument {
  return {
    title: 'Readiness check',
    subtitle: [
      `Entire estate · ${report.result} · goal for the newest DPM database copy: ${report.dpmdbGoalHours} hours`,
      `Run ${formatUtc(report.at)} (simulated clock)`,
    ],
    fileName: `readiness-check-${formatUtc(report.at)
      .slice(0, 16)
      .replace(/[^0-9]+/g, '-')}`,
    sections: [
      {
        kind: 'facts',
        id: 'summary',
        title: 'Summary',
        items: [
          { label: 'Result', value: report.result, kind: 'text' },
          { label: 'Checks passed', value: report.counts.Passed, kind: 'number' },
          { label: 'Warnings', value: report.counts.Warning, kind: 'number' },
          { label: 'Checks failed', value: report.counts.Failed, kind: 'number' },
        ],
      },
      {
        kind: 'table',
        id: 'servers',
        title: 'DPM servers',
        columns: [
          { key: 'server', header: 'DPM server', kind: 'text' },
          { key: 'result', header: 'Result', kind: 'text' },
          { key: 'failed', header: 'Failed', kind: 'number' },
          { key: 'warnings', header: 'Warnings', kind: 'number' },
        ],
        rows: report.servers.map((s) => [
          s.server,
          s.result,
          s.checks.filter((c) => c.result === 'Failed').length,
          s.checks.filter((c) => c.result === 'Warning').length,
        ]),
        empty: 'The estate has no DPM servers.',
      },
      {
        kind: 'table',
        id: 'checks',
        title: 'Checks',
        columns: [
          { key: 'server', header: 'DPM server', kind: 'text' },
          { key: 'check', header: 'Check', kind: 'text' },
          { key: 'result', header: 'Result', kind: 'text' },
          { key: 'code', header: 'Rule code', kind: 'text' },
          { key: 'message', header: 'Details', kind: 'text' },
          { key: 'fix', header: 'Fix', kind: 'text' },
        ],
        rows: report.servers.flatMap((s) =>
          s.checks.map((c) => [c.server, c.check, c.result, c.code, c.message, c.fix ? c.fix.control : null]),
        ),
        groupColumn: 0,
        empty: 'No check ran.',
      },
    ],
  };
}
