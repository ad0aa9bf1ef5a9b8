import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useNavigate } from 'react-router';
import { Badge, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useConnectedServer } from '../../shell/server-context';
import { ErrorState, Loading } from '../../components/states';
import { runbookQuery } from './queries';
import { useLayoutStyles } from '../../components/layout';

const useStyles = makeStyles({
  runbook: { marginTop: tokens.spacingVerticalL },
  heading: { margin: '0 0 4px' },
  lead: { margin: '0 0 8px', fontSize: '13px', color: tokens.colorNeutralForeground2 },
  steps: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXXL,
    display: 'grid',
    gap: tokens.spacingVerticalMNudge,
    fontSize: '13px',
  },
  step: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', flexWrap: 'wrap' },
});

/** Id of the action button on this page that performs a runbook step, so the step can focus it. */
export const actionId = (control: string) => `server-action-${control.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

/** Steps performed on the secondary DPM server rather than on the server being recovered (seed 000). */
const ON_SECONDARY = new Set(['switch', 'restore-replicas']);

/**
 * Recover a DPM server: the steps of seeds 000 and 001, each Done or Not done as derived by the
 * server from the estate, what it needs, and a link to the control that performs it. A link to
 * another work area connects the console to the server the step runs on first.
 */
export function Runbook({ serverId, secondaryId }: { serverId: string; secondaryId: string | null }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const runbook = useQuery(runbookQuery(serverId));
  const { connect } = useConnectedServer();
  const navigate = useNavigate();
  const done = runbook.data?.filter((s) => s.done).length ?? 0;

  return (
    <section aria-labelledby="runbook-heading" className={styles.runbook}>
      <h2 id="runbook-heading" className={mergeClasses(layout.title, styles.heading)}>
        Recover a DPM server
      </h2>
      {runbook.isPending && <Loading label="Loading the runbook…" />}
      {runbook.isError && <ErrorState error={runbook.error} />}
      {runbook.data && (
        <>
          <p className={styles.lead}>
            {done} of {runbook.data.length} steps done. Each step is read from the estate, never ticked by hand.
          </p>
          <ol aria-labelledby="runbook-heading" className={styles.steps}>
            {runbook.data.map((step) => {
              const local = step.link.path === `/servers/${serverId}`;
              const target = ON_SECONDARY.has(step.key) && secondaryId ? secondaryId : serverId;
              return (
                <li key={step.key}>
                  <div className={styles.step}>
                    <strong>{step.title}</strong>
                    <Badge
                      appearance={step.done ? 'filled' : 'outline'}
                      color={step.done ? 'success' : step.optional ? 'informative' : 'warning'}
                    >
                      {step.done ? 'Done' : 'Not done'}
                    </Badge>
                    {step.optional && <span className={layout.muted}>Optional</span>}
                  </div>
                  <div>{step.needs}</div>
                  <div>
                    {local ? (
                      <a
                        href={`#${actionId(step.link.control)}`}
                        onClick={(e) => {
                          e.preventDefault();
                          document.getElementById(actionId(step.link.control))?.focus();
                        }}
                      >
                        {step.link.control}
                      </a>
                    ) : (
                      <RouterLink
                        to={step.link.path}
                        onClick={(e) => {
                          e.preventDefault();
                          connect(target);
                          void navigate(step.link.path);
                        }}
                      >
                        {step.link.control}
                      </RouterLink>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
