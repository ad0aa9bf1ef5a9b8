import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CommandFeedback, useCommand } from '../../components/command';
import { ErrorState, Loading } from '../../components/states';
import { agentChecksQuery } from './queries';
import { agentCommand } from './commands';

const useStyles = makeStyles({
  text: { margin: 0, fontSize: '13px' },
  table: { borderCollapse: 'collapse', fontSize: '13px' },
  cell: {
    borderBottom: '1px solid var(--colorNeutralStroke2)',
    padding: '4px 8px',
    textAlign: 'left',
    verticalAlign: 'top',
  },
  check: { fontWeight: 400 },
  result: { fontWeight: 600 },
  passed: { color: 'var(--colorPaletteGreenForeground1)' },
  failed: { color: 'var(--colorPaletteRedForeground1)' },
});

/**
 * Re-establish protection (seed 000, after a primary was rebuilt): the checks on the protected
 * computer — SetDpmServer, Distributed COM Users, DPMRADCOMTrustedMachines,
 * DPMRADmTrustedMachines, DPM RA Service — each passed or failed, and, once confirmed, the fix
 * of what is missing.
 */
export function ReestablishProtectionDialog({
  serverId,
  serverName,
  computerId,
  computer,
  revision,
  onClose,
}: {
  serverId: string;
  serverName: string;
  computerId: string;
  computer: string;
  revision: number;
  onClose: () => void;
}) {
  const styles = useStyles();
  const checks = useQuery(agentChecksQuery(serverId, computerId));
  const command = useCommand(serverId);
  const [confirming, setConfirming] = useState(false);
  const failed = checks.data?.filter((c) => !c.ok) ?? [];
  const fixed = command.feedback?.intent === 'success';

  const fix = async () => {
    await command.run('Re-establish protection', () => agentCommand(serverId, computerId, 'reestablish', revision));
    setConfirming(false);
  };

  const actions = confirming ? (
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
  );

  return (
    <ConfirmDialog title="Re-establish protection" onClose={onClose} stacked size="wider" actions={actions}>
      <p className={styles.text}>
        What {computer} needs so that {serverName} can protect it again: the agent reports to {serverName}, its account
        is a member of the local groups, and it has Launch and Activation Permissions on DPM RA Service.
      </p>
      {checks.isPending && <Loading label="Checking…" />}
      {checks.isError && <ErrorState error={checks.error} />}
      {checks.data && (
        <table aria-label="Checks" className={styles.table}>
          <thead>
            <tr>
              <th className={styles.cell}>Check</th>
              <th className={styles.cell}>Result</th>
              <th className={styles.cell}>Detail</th>
            </tr>
          </thead>
          <tbody>
            {checks.data.map((c) => (
              <tr key={c.check}>
                <th scope="row" className={mergeClasses(styles.cell, styles.check)}>
                  {c.check}
                </th>
                <td className={mergeClasses(styles.cell, styles.result, c.ok ? styles.passed : styles.failed)}>
                  {c.ok ? 'Passed' : 'Failed'}
                </td>
                <td className={styles.cell}>{c.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {checks.data && failed.length === 0 && !fixed && (
        <p className={styles.text} role="status">
          Every check passed: {computer} accepts {serverName}.
        </p>
      )}
      {confirming && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>
              Fix {failed.length} missing setting(s) on {computer}?
            </MessageBarTitle>
            Runs SetDpmServer -dpmServerName {serverName} on {computer}, adds {serverName} to Distributed COM Users,
            DPMRADCOMTrustedMachines and DPMRADmTrustedMachines, and grants it full Launch and Activation Permissions on
            DPM RA Service.
          </MessageBarBody>
        </MessageBar>
      )}
      {command.feedback && (command.feedback.intent === 'error' || fixed) && <CommandFeedback command={command} />}
    </ConfirmDialog>
  );
}
