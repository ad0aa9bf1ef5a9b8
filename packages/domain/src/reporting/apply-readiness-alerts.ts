import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import { describe, raiseAlert, resolveAlert } from '../alerts/alerts';
import type { ReadinessReport } from './readiness';
import { defineOperation } from '../operations/operation';

export interface ApplyReadinessAlerts {
  report: ReadinessReport;
}

/**
 * Run readiness check, on the estate's side: each DPM server whose readiness check failed gets
 * a Readiness check failed alert naming the failed checks (its description follows the latest
 * run), and a server that passes again has it resolved.
 */
export function applyReadinessAlerts(slice: Estate, cmd: ApplyReadinessAlerts, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  for (const s of cmd.report.servers) {
    if (!draft.get('servers', s.serverId)) continue;
    const failed = s.checks.filter((c) => c.result === 'Failed');
    if (failed.length === 0) {
      resolveAlert(draft, ctx, 'Readiness check failed', s.serverId, s.serverId);
      continue;
    }
    const detail = `Failed: ${failed.map((c) => `${c.check} (${c.code}): ${c.message}`).join(' ')}`;
    const subject = {
      serverId: s.serverId,
      subjectId: s.serverId,
      computerId: null,
      groupId: null,
      affectedArea: s.server,
    };
    const alert = raiseAlert(draft, ctx, 'Readiness check failed', subject, detail);
    // Already active from an earlier run: its description says what fails now.
    const description = describe(draft, 'Readiness check failed', subject, detail);
    if (alert.description !== description) draft.update('alerts', alert.id, { description });
  }
  const { counts, result } = cmd.report;
  draft.emit({
    type: 'readiness.checked',
    serverId: null,
    subjectId: 'readiness',
    summary:
      `Readiness check: ${result} (${counts.Failed} failed, ${counts.Warning} warnings, ${counts.Passed} ` + `passed)`,
  });
  return draft.outcome();
}

/**
 * Run readiness check (Reporting › Readiness check, and the Readiness check failed alert's
 * Recommended action): an Operator's, as alerts are. The check itself is a read of the estate
 * (readiness.ts); running it records its findings as alerts, so it is always allowed.
 */
export const runReadinessCheckOperation = defineOperation<'estate', ApplyReadinessAlerts>({
  id: 'reporting.readiness-check',
  name: 'Run readiness check',
  kind: 'estate',
  area: 'Reporting',
  role: 'Operator',
  whyNot: () => null,
  run: applyReadinessAlerts,
});
