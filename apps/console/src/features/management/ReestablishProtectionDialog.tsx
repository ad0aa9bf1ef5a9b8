import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { api, unwrap } from '../../api/client';
import { CommandFeedback, useCommand } from '../../components/command';
import { ErrorState, Loading } from '../../components/states';
import { agentChecksQuery } from './queries';

const cell = { borderBottom: '1px solid var(--colorNeutralStroke2)', padding: '4px 8px', textAlign: 'left', verticalAlign: 'top' } as const;

/**
 * Re-establish protection (seed 000, after a primary was rebuilt): the checks on the protected
 * computer — SetDpmServer, Distributed COM Users, DPMRADCOMTrustedMachines,
 * DPMRADmTrustedMachines, DPM RA Service — each passed or failed, and, once confirmed, the fix
 * of what is missing.
 */
export function ReestablishProtectionDialog({ serverId, serverName, computerId, computer, revision, onClose }: { serverId: string; serverName: string; computerId: string; computer: string; revision: number; onClose: () => void }) {
  const checks = useQuery(agentChecksQuery(serverId, computerId));
  const command = useCommand(serverId);
  const [confirming, setConfirming] = useState(false);
  const failed = checks.data?.filter((c) => !c.ok) ?? [];
  const fixed = command.feedback?.intent === 'success';

  const fix = async () => {
    await command.run('Re-establish protection', async () =>
      unwrap(await api.servers[':serverId'].agents[':computerId'].reestablish.$post({ param: { serverId, computerId }, json: { expectedRevision: revision } })),
    );
    setConfirming(false);
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby={undefined} style={{ maxWidth: 720 }}>
        <DialogBody>
          <DialogTitle>Re-establish protection</DialogTitle>
          <DialogContent style={{ display: 'grid', gap: 10 }}>
            <p style={{ margin: 0, fontSize: 13 }}>
              What {computer} needs so that {serverName} can protect it again: the agent reports to {serverName}, its account is a member of the local groups, and it
              has Launch and Activation Permissions on DPM RA Service.
            </p>
            {checks.isPending && <Loading label="Checking…" />}
            {checks.isError && <ErrorState error={checks.error} />}
            {checks.data && (
              <table aria-label="Checks" style={{ borderCollapse: 'collapse', fontSize: 13 }}>
                <thead>
                  <tr>
                    <th style={cell}>Check</th>
                    <th style={cell}>Result</th>
                    <th style={cell}>Detail</th>
                  </tr>
                </thead>
                <tbody>
                  {checks.data.map((c) => (
                    <tr key={c.check}>
                      <th scope="row" style={{ ...cell, fontWeight: 400 }}>
                        {c.check}
                      </th>
                      <td style={{ ...cell, color: c.ok ? 'var(--colorPaletteGreenForeground1)' : 'var(--colorPaletteRedForeground1)', fontWeight: 600 }}>{c.ok ? 'Passed' : 'Failed'}</td>
                      <td style={cell}>{c.detail}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {checks.data && failed.length === 0 && !fixed && (
              <p style={{ margin: 0, fontSize: 13 }} role="status">
                Every check passed: {computer} accepts {serverName}.
              </p>
            )}
            {confirming && (
              <MessageBar intent="warning">
                <MessageBarBody>
                  <MessageBarTitle>Fix {failed.length} missing setting(s) on {computer}?</MessageBarTitle>
                  Runs SetDpmServer -dpmServerName {serverName} on {computer}, adds {serverName} to Distributed COM Users, DPMRADCOMTrustedMachines and DPMRADmTrustedMachines,
                  and grants it full Launch and Activation Permissions on DPM RA Service.
                </MessageBarBody>
              </MessageBar>
            )}
            {command.feedback && (command.feedback.intent === 'error' || fixed) && <CommandFeedback command={command} />}
          </DialogContent>
          <DialogActions>
            {confirming ? (
              <>
                <Button appearance="primary" disabled={command.pending} onClick={() => void fix()}>
                  Confirm
                </Button>
                <Button onClick={() => setConfirming(false)}>Back</Button>
              </>
            ) : (
              <>
                <Button
                  appearance="primary"
                  disabled={!checks.data || failed.length === 0}
                  onClick={() => {
                    command.clear();
                    setConfirming(true);
                  }}
                >
                  Fix missing settings
                </Button>
                <Button onClick={onClose}>Close</Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
