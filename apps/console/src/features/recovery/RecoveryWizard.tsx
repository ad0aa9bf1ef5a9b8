import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
} from '@fluentui/react-components';
import {
  DATABASE_STATES,
  EXISTING_VERSION_BEHAVIOURS,
  RESTORE_SECURITY,
  databaseNameRefusal,
  latestRefusal,
  needsDestination,
  recoversFiles,
  recoversToInstance,
  type DatabaseState,
  type ExistingVersionBehaviour,
  type RecoveryType,
  type RestoreSecurity,
} from '@dpm/domain/recovery/recovery-types';
import { offerOf } from '../../components/operations';
import { CommandFeedback, useCommand } from '../../components/command';
import { ErrorState, Loading } from '../../components/states';
import { Fields } from '../../shell/Panes';
import { formatGb, formatTime } from '../../shell/format';
import { restoreTargetsQuery } from './queries';
import { recover as recoverPoint, restoreToReplica } from './commands';
import {
  databaseOf,
  DESTINATION_LABEL,
  pagesOf,
  type RecoverySelection,
  type SelectedPoint,
} from './recovery-wizard-pages';

export type { RecoverySelection };

/**
 * The Recovery Wizard (console-terms.md › Recovery): the selected recovery point, the recovery
 * types the server offers for it (each enabled, or disabled with the reason: an Operator does not
 * overwrite the original data, a tape must be in the library…), plus Restore to replica when
 * another DPM server's replica of it waits for data (seed 000), the destination, then Recover.
 */
export function RecoveryWizard({
  serverId,
  source,
  point,
  items = [],
  latest = false,
  onClose,
}: {
  serverId: string;
  source: RecoverySelection;
  point: SelectedPoint;
  items?: string[];
  latest?: boolean;
  onClose: () => void;
}) {
  const command = useCommand(serverId);
  const targets = useQuery(restoreTargetsQuery(serverId, source.dataSourceId));
  const [page, setPage] = useState(0);
  const [type, setType] = useState<RecoveryType | null>(null);
  const [destination, setDestination] = useState('');
  const [targetId, setTargetId] = useState<string | null>(null);
  const [simulateFailure, setSimulateFailure] = useState(false);
  const [databaseState, setDatabaseState] = useState<DatabaseState>('Leave database operational');
  const [databaseName, setDatabaseName] = useState(databaseOf(source.dataSource));
  const [existingVersion, setExistingVersion] = useState<ExistingVersionBehaviour>('Create copy');
  const [restoreSecurity, setRestoreSecurity] = useState<RestoreSecurity>(
    'Apply the security settings of the destination computer',
  );
  const [started, setStarted] = useState(false);
  // The Recover button that had the focus is gone once the recovery started: the focus moves to
  // Close, inside the dialog, so Escape and Enter still reach it.
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (started) closeRef.current?.focus();
  }, [started]);

  // The replicas that can take the data now (the others say why not, on the server).
  const targetList = (targets.data ?? []).filter((t) => t.whyNot === null);
  const recoverOffer = offerOf(point.operations, 'recovery.recover');
  // With Recovery time › Latest, a database goes to its original instance only (the domain's latestRefusal).
  const offered = (recoverOffer?.intents ?? []).map((i) => {
    const type = i.intent as RecoveryType;
    const notWithLatest = latest ? latestRefusal(source.kind, type) : null;
    return {
      type,
      enabled: i.enabled && notWithLatest === null,
      reason: i.reason?.message ?? notWithLatest ?? undefined,
    };
  });
  // Restore to replica brings back a whole replica, never chosen items.
  const restore =
    targetList.length > 0 && items.length === 0
      ? [{ type: 'Restore to replica' as RecoveryType, enabled: true, reason: undefined }]
      : [];
  const choices = [...offered, ...restore];
  const types: RecoveryType[] = choices.filter((c) => c.enabled).map((c) => c.type);
  const target =
    targetList.find((t) => t.replicaId === targetId) ?? (targetList.length === 1 ? targetList[0] : undefined);
  const destinationSpec = type ? DESTINATION_LABEL[type] : undefined;

  const pages = pagesOf(type);
  const current = pages[page] ?? 'Summary';
  const nameProblem = type === 'Recover to any SQL instance' ? databaseNameRefusal(databaseName) : null;
  const canGoOn =
    current === 'Review Recovery Selection' ||
    current === 'Specify Database State' ||
    (current === 'Select Recovery Type' && type !== null) ||
    (current === 'Specify Recovery Options' &&
      type !== null &&
      (type === 'Restore to replica'
        ? target !== undefined
        : (!needsDestination(type) || destination.trim() !== '') && nameProblem === null));

  const recover = async () => {
    if (!type) return;
    const result =
      type === 'Restore to replica'
        ? target &&
          (await command.run('Restore to replica', () =>
            restoreToReplica(target.serverId, {
              replicaId: target.replicaId,
              recoveryPointId: point.id,
              simulateFailure,
            }),
          ))
        : await command.run('Recover', () =>
            recoverPoint(serverId, {
              recoveryPointId: point.id,
              recoveryType: type,
              destination: needsDestination(type) ? destination.trim() : null,
              ...(items.length > 0 ? { items } : {}),
              ...(latest ? { latest } : {}),
              ...(recoversToInstance(type) ? { databaseState } : {}),
              ...(type === 'Recover to any SQL instance' ? { databaseName: databaseName.trim() } : {}),
              ...(recoversFiles(type) ? { existingVersion, restoreSecurity } : {}),
            }),
          );
    if (result) setStarted(true);
  };

  const where = (t: RecoveryType): string => {
    if (t === 'Restore to replica') return target ? `The replica on ${target.server} (${target.replicaPath})` : '—';
    if (needsDestination(t)) return destination.trim();
    return t === 'Copy to tape' ? 'A free tape in the library' : `The original location on ${source.computer}`;
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby={undefined} style={{ maxWidth: 760 }}>
        <DialogBody>
          <DialogTitle>Recovery Wizard</DialogTitle>
          <DialogContent>
            <div style={{ display: 'grid', gridTemplateColumns: '200px 1fr', gap: 16, minHeight: 280 }}>
              <ol
                aria-label="Wizard pages"
                style={{ margin: 0, paddingLeft: 20, fontSize: 13, display: 'grid', gap: 6, alignContent: 'start' }}
              >
                {pages.map((p, i) => (
                  <li
                    key={p}
                    aria-current={i === page ? 'step' : undefined}
                    style={{
                      fontWeight: i === page ? 600 : 400,
                      color: i > page ? 'var(--colorNeutralForeground3)' : undefined,
                    }}
                  >
                    {p}
                  </li>
                ))}
              </ol>
              <section
                aria-labelledby="recovery-wizard-page"
                style={{ display: 'grid', gap: 10, alignContent: 'start' }}
              >
                <h3 id="recovery-wizard-page" style={{ margin: 0, fontSize: 15 }}>
                  {current}
                </h3>
                {current === 'Review Recovery Selection' && (
                  <Fields
                    items={[
                      ['Data source', source.dataSource],
                      ['Computer', source.computer],
                      ['Recovery point', latest ? `Latest (${formatTime(point.time)})` : formatTime(point.time)],
                      [
                        'Location',
                        point.location +
                          (point.tape ? ` (tape ${point.tape})` : '') +
                          (source.external ? ', External DPM Tapes' : ''),
                      ],
                      [
                        'Recoverable items',
                        point.hasDatabase
                          ? 'The DPM database (DPMDB) as it was at this time'
                          : items.length > 0
                            ? items.join('; ')
                            : 'The whole data source',
                      ],
                      ['Size', items.length > 0 ? 'The chosen items' : formatGb(point.sizeGb)],
                    ]}
                  />
                )}
                {current === 'Select Recovery Type' && (
                  <>
                    {targets.isPending && <Loading label="Looking for replicas waiting for their data…" />}
                    {targets.isError && <ErrorState error={targets.error} />}
                    <RadioGroup
                      aria-label="Recovery type"
                      value={type ?? ''}
                      onChange={(_, d) => setType(types.find((t) => t === d.value) ?? null)}
                    >
                      {choices.map((c) => (
                        <Radio
                          key={c.type}
                          value={c.type}
                          label={c.enabled ? c.type : `${c.type} — ${c.reason ?? 'not available'}`}
                          disabled={!c.enabled}
                        />
                      ))}
                    </RadioGroup>
                    {targetList.length > 0 && (
                      <p style={{ fontSize: 12, margin: 0, color: 'var(--colorNeutralForeground2)' }}>
                        {'Restore to replica is available: '}
                        {targetList.map((t) => t.server).join(', ')} holds a replica of {source.dataSource} in Manual
                        replica creation pending.
                      </p>
                    )}
                  </>
                )}
                {current === 'Specify Database State' && (
                  <RadioGroup
                    aria-label="Database state"
                    value={databaseState}
                    onChange={(_, d) =>
                      setDatabaseState(DATABASE_STATES.find((x) => x === d.value) ?? 'Leave database operational')
                    }
                  >
                    {DATABASE_STATES.map((x) => (
                      <Radio key={x} value={x} label={x} />
                    ))}
                  </RadioGroup>
                )}
                {current === 'Specify Recovery Options' && type === 'Restore to replica' && (
                  <>
                    <RadioGroup
                      aria-label="Replica to restore"
                      value={target?.replicaId ?? ''}
                      onChange={(_, d) => setTargetId(d.value)}
                    >
                      {targetList.map((t) => (
                        <Radio key={t.replicaId} value={t.replicaId} label={`${t.server}: ${t.replicaPath}`} />
                      ))}
                    </RadioGroup>
                    <Checkbox
                      checked={simulateFailure}
                      onChange={(_, d) => setSimulateFailure(d.checked === true)}
                      label={
                        'Rehearse a failed restore (the replica becomes inconsistent, ' +
                        'as DPM marks it after a failed restore)'
                      }
                    />
                  </>
                )}
                {current === 'Specify Recovery Options' &&
                  type !== null &&
                  type !== 'Restore to replica' &&
                  destinationSpec && (
                    <Field label={destinationSpec.label} hint={destinationSpec.hint} required>
                      <Input
                        value={destination}
                        placeholder={destinationSpec.placeholder}
                        onChange={(_, d) => setDestination(d.value)}
                      />
                    </Field>
                  )}
                {current === 'Specify Recovery Options' && type === 'Recover to any SQL instance' && (
                  <Field
                    label="Database name"
                    hint="The name of the recovered database on that instance."
                    required
                    validationMessage={nameProblem ?? undefined}
                    validationState={nameProblem ? 'error' : 'none'}
                  >
                    <Input value={databaseName} onChange={(_, d) => setDatabaseName(d.value)} />
                  </Field>
                )}
                {current === 'Specify Recovery Options' && type !== null && recoversFiles(type) && (
                  <>
                    <RadioGroup
                      aria-label="Existing version recovery behavior"
                      value={existingVersion}
                      onChange={(_, d) =>
                        setExistingVersion(EXISTING_VERSION_BEHAVIOURS.find((x) => x === d.value) ?? 'Create copy')
                      }
                    >
                      {EXISTING_VERSION_BEHAVIOURS.map((x) => (
                        <Radio key={x} value={x} label={x} />
                      ))}
                    </RadioGroup>
                    <RadioGroup
                      aria-label="Restore security"
                      value={restoreSecurity}
                      onChange={(_, d) =>
                        setRestoreSecurity(
                          RESTORE_SECURITY.find((x) => x === d.value) ??
                            'Apply the security settings of the destination computer',
                        )
                      }
                    >
                      {RESTORE_SECURITY.map((x) => (
                        <Radio key={x} value={x} label={x} />
                      ))}
                    </RadioGroup>
                  </>
                )}
                {current === 'Specify Recovery Options' &&
                  type !== null &&
                  type !== 'Restore to replica' &&
                  !destinationSpec &&
                  !recoversFiles(type) && (
                    <p style={{ fontSize: 13, margin: 0 }}>
                      {type === 'Copy to tape'
                        ? 'DPM copies the recovery point to a free tape in the library.'
                        : `DPM recovers ${source.dataSource} to where it was protected on ` +
                          `${source.computer}, overwriting it.`}
                    </p>
                  )}
                {current === 'Summary' && type !== null && (
                  <Fields
                    items={[
                      ['Data source', `${source.dataSource} on ${source.computer}`],
                      [
                        'Recovery point',
                        `${latest ? 'Latest: ' : ''}${formatTime(point.time)} ` +
                          `(${point.location}${point.tape ? `, tape ${point.tape}` : ''})`,
                      ],
                      ['Recovery type', type],
                      ['Destination', where(type)],
                      ...(type === 'Recover to any SQL instance'
                        ? ([['Database name', databaseName.trim()]] as [string, string][])
                        : []),
                      ...(recoversToInstance(type) ? ([['Database state', databaseState]] as [string, string][]) : []),
                      ...(recoversFiles(type)
                        ? ([
                            ['Existing version recovery behavior', existingVersion],
                            ['Restore security', restoreSecurity],
                          ] as [string, string][])
                        : []),
                      ...(type === 'Restore to replica' && simulateFailure
                        ? ([['Rehearsal', 'The restore job fails']] as [string, string][])
                        : []),
                    ]}
                  />
                )}
                {started && (
                  <MessageBar intent="success" role="status">
                    <MessageBarBody>
                      <MessageBarTitle>Recovery started</MessageBarTitle>
                      The {point.location === 'Tape' ? 'Tape recovery' : 'Disk recovery'} job runs now; follow it in
                      Monitoring › Jobs.
                    </MessageBarBody>
                  </MessageBar>
                )}
                {command.feedback?.intent === 'error' && <CommandFeedback command={command} />}
              </section>
            </div>
          </DialogContent>
          <DialogActions>
            {started ? (
              <Button ref={closeRef} appearance="primary" onClick={onClose}>
                Close
              </Button>
            ) : (
              <>
                <Button
                  disabledFocusable={page === 0}
                  onClick={() => {
                    command.clear();
                    setPage((p) => p - 1);
                  }}
                >
                  Back
                </Button>
                {page < pages.length - 1 ? (
                  // disabledFocusable: the focus stays on Next while the page waits for a choice.
                  <Button appearance="primary" disabledFocusable={!canGoOn} onClick={() => setPage((p) => p + 1)}>
                    Next
                  </Button>
                ) : (
                  <Button appearance="primary" disabledFocusable={command.pending} onClick={() => void recover()}>
                    Recover
                  </Button>
                )}
                <Button onClick={onClose}>Cancel</Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
