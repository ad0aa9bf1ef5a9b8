import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Field, Input, Link, Text } from '@fluentui/react-components';
import { PaneTitle } from '../../shell/Panes';
import { OperationButton, offerOf } from '../../components/operations';
import type { useCommand } from '../../components/command';
import { ErrorState } from '../../components/states';
import { formatTime } from '../../shell/format';
import { readinessQuery, readinessRunsQuery, reportingKey, reportingOperationsQuery } from './queries';
import { runReadinessCheck, setDpmdbGoal } from './commands';
import { cell, ResultBadge } from './ReadinessCheck';

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
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 8 }} className="no-print">
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
  return (
    <section aria-labelledby="readiness-history" style={{ display: 'grid', gap: 6 }}>
      <h2 id="readiness-history" style={{ fontSize: 14, margin: 0 }}>
        History
      </h2>
      {runs.isError && <ErrorState error={runs.error} />}
      {runs.data && items.length === 0 && <Text>No run yet.</Text>}
      {items.length > 0 && (
        <table aria-label="Readiness check history" style={{ borderCollapse: 'collapse', fontSize: 13 }}>
          <thead>
            <tr>
              <th style={cell}>Run</th>
              <th style={cell}>Result</th>
              <th style={cell}>Failed</th>
              <th style={cell}>Warnings</th>
              <th style={cell}>By</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r, i) => (
              <tr
                key={r.id}
                aria-current={(runId ?? items[0]?.id) === r.id ? 'true' : undefined}
                style={{
                  background: (runId ?? items[0]?.id) === r.id ? 'var(--colorNeutralBackground1Selected)' : undefined,
                }}
              >
                <td style={cell}>
                  <Link as="button" onClick={() => onSelect(i === 0 ? null : r.id)}>
                    {formatTime(r.at)}
                  </Link>
                </td>
                <td style={cell}>
                  <ResultBadge result={r.result} />
                </td>
                <td style={cell}>{r.failed}</td>
                <td style={cell}>{r.warnings}</td>
                <td style={cell}>{r.actor}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
