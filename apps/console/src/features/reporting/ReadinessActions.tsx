import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Field, Input, Link, Text, mergeClasses } from '@fluentui/react-components';
import { PaneTitle } from '../../shell/Panes';
import { OperationButton, offerOf } from '../../components/operations';
import type { useCommand } from '../../components/command';
import { ErrorState } from '../../components/states';
import { formatTime } from '../../shell/format';
import { readinessQuery, readinessRunsQuery, reportingKey, reportingOperationsQuery } from './queries';
import { runReadinessCheck, setDpmdbGoal } from './commands';
import { ResultBadge } from './ReadinessCheck';
import { useLayoutStyles } from '../../components/layout';
import { Cell, PlainTable } from '../../components/PlainTable';
import { useReportingStyles } from './styles';

/** Actions: Run readiness check, its exports, and the administrator's goal for the newest DPMDB copy. */
export function ReadinessActions({
  runId,
  onRun,
  command,
}: {
  runId: number | null;
  onRun: () => void;
  command: ReturnType<typeof useCommand>;
}) {
  const client = useQueryClient();
  const latest = useQuery(readinessQuery());
  const offers = useQuery(reportingOperationsQuery()).data;
  const shown = runId ?? latest.data?.latest?.id ?? null;
  const [goal, setGoal] = useState<string | null>(null);
  const saveGoal = useMutation({
    mutationFn: setDpmdbGoal,
    onSuccess: () => {
      setGoal(null);
      void client.invalidateQueries({ queryKey: reportingKey });
    },
  });
  const run = () =>
    command
      // Its result and the alerts it raises reach the views through the live stream.
      .run('Run readiness check', runReadinessCheck)
      .then(onRun);
  const value = goal ?? String(latest.data?.dpmdbGoalHours ?? '');
  const reporting = useReportingStyles();
  return (
    <div className={mergeClasses(reporting.actions, 'no-print')}>
      <PaneTitle>Readiness check</PaneTitle>
      <OperationButton
        offer={offerOf(offers, 'reporting.readiness-check')}
        appearance="primary"
        disabled={command.pending}
        onClick={() => void run()}
      />
      {shown !== null && (
        <>
          <Button as="a" href={`/api/readiness/runs/${shown}/export?format=csv`} download>
            CSV
          </Button>
          <Button as="a" href={`/api/readiness/runs/${shown}/export?format=pdf`} download>
            PDF
          </Button>
        </>
      )}
      <Button onClick={() => window.print()}>Print</Button>
      <Field
        label="Goal for the newest DPM database copy (hours)"
        validationMessage={saveGoal.error instanceof Error ? saveGoal.error.message : undefined}
      >
        <Input type="number" min={1} value={value} onChange={(_, d) => setGoal(d.value)} />
      </Field>
      <OperationButton
        offer={offerOf(offers, 'reporting.readiness-goal')}
        disabled={goal === null || saveGoal.isPending}
        onClick={() => saveGoal.mutate(Number(value))}
      />
    </div>
  );
}

/** Details: the history of runs, newest first; choosing one shows it. */
export function ReadinessHistory({ runId, onSelect }: { runId: number | null; onSelect: (id: number | null) => void }) {
  const runs = useQuery(readinessRunsQuery());
  const items = runs.data?.items ?? [];
  const layout = useLayoutStyles();
  const reporting = useReportingStyles();
  return (
    <section aria-labelledby="readiness-history" className={layout.stack}>
      <h2 id="readiness-history" className={layout.heading}>
        History
      </h2>
      {runs.isError && <ErrorState error={runs.error} />}
      {runs.data && items.length === 0 && <Text>No run yet.</Text>}
      {items.length > 0 && (
        <PlainTable label="Readiness check history" columns={['Run', 'Result', 'Failed', 'Warnings', 'By']}>
          {items.map((r, i) => (
            <tr
              key={r.id}
              aria-current={(runId ?? items[0]?.id) === r.id ? 'true' : undefined}
              className={(runId ?? items[0]?.id) === r.id ? reporting.selected : undefined}
            >
              <Cell>
                <Link as="button" onClick={() => onSelect(i === 0 ? null : r.id)}>
                  {formatTime(r.at)}
                </Link>
              </Cell>
              <Cell>
                <ResultBadge result={r.result} />
              </Cell>
              <Cell>{r.failed}</Cell>
              <Cell>{r.warnings}</Cell>
              <Cell>{r.actor}</Cell>
            </tr>
          ))}
        </PlainTable>
      )}
    </section>
  );
}
