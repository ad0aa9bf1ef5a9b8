import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
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
import { restoreTargetsQuery } from './queries';
import { recover as recoverPoint, restoreToReplica } from './commands';
import {
  databaseOf,
  DESTINATION_LABEL,
  pagesOf,
  type RecoverySelection,
  type SelectedPoint,
} from './recovery-wizard-pages';
import {
  DatabaseNameField,
  DatabaseStateChoice,
  FileRecoveryOptions,
  RecoveryTypeChoice,
  RestoreToReplicaOptions,
} from './RecoveryWizardFields';
import { RecoveryStarted, RecoverySummary, ReviewRecoverySelection, WizardPageList } from './RecoveryWizardReview';
import { useLayoutStyles } from '../../components/layout';
import { WizardFooter } from '../../components/WizardFooter';

export type { RecoverySelection };

const useStyles = makeStyles({
  surface: { maxWidth: '760px' },
  /** The list of the wizard's pages beside the page shown. */
  pages: { display: 'grid', gridTemplateColumns: '200px 1fr', gap: tokens.spacingHorizontalL, minHeight: '280px' },
  page: { display: 'grid', gap: tokens.spacingVerticalMNudge, alignContent: 'start' },
});

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
  const styles = useStyles();
  const layout = useLayoutStyles();
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
      <DialogSurface aria-describedby={undefined} className={styles.surface}>
        <DialogBody>
          <DialogTitle>Recovery Wizard</DialogTitle>
          <DialogContent>
            <div className={styles.pages}>
              <WizardPageList pages={pages} page={page} />
              <section aria-labelledby="recovery-wizard-page" className={styles.page}>
                <h3 id="recovery-wizard-page" className={layout.title}>
                  {current}
                </h3>
                {current === 'Review Recovery Selection' && (
                  <ReviewRecoverySelection source={source} point={point} items={items} latest={latest} />
                )}
                {current === 'Select Recovery Type' && (
                  <>
                    {targets.isPending && <Loading label="Looking for replicas waiting for their data…" />}
                    {targets.isError && <ErrorState error={targets.error} />}
                    <RecoveryTypeChoice
                      choices={choices}
                      value={type}
                      onChange={(value) => setType(types.find((t) => t === value) ?? null)}
                      holders={targetList.map((t) => t.server)}
                      dataSource={source.dataSource}
                    />
                  </>
                )}
                {current === 'Specify Database State' && (
                  <DatabaseStateChoice value={databaseState} onChange={setDatabaseState} />
                )}
                {current === 'Specify Recovery Options' && type === 'Restore to replica' && (
                  <RestoreToReplicaOptions
                    targets={targetList}
                    value={target?.replicaId ?? ''}
                    onChange={setTargetId}
                    simulateFailure={simulateFailure}
                    onSimulateFailure={setSimulateFailure}
                  />
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
                  <DatabaseNameField value={databaseName} onChange={setDatabaseName} problem={nameProblem} />
                )}
                {current === 'Specify Recovery Options' && type !== null && recoversFiles(type) && (
                  <FileRecoveryOptions
                    existingVersion={existingVersion}
                    onExistingVersion={setExistingVersion}
                    restoreSecurity={restoreSecurity}
                    onRestoreSecurity={setRestoreSecurity}
                  />
                )}
                {current === 'Specify Recovery Options' &&
                  type !== null &&
                  type !== 'Restore to replica' &&
                  !destinationSpec &&
                  !recoversFiles(type) && (
                    <p className={layout.text}>
                      {type === 'Copy to tape'
                        ? 'DPM copies the recovery point to a free tape in the library.'
                        : `DPM recovers ${source.dataSource} to where it was protected on ` +
                          `${source.computer}, overwriting it.`}
                    </p>
                  )}
                {current === 'Summary' && type !== null && (
                  <RecoverySummary
                    source={source}
                    point={point}
                    latest={latest}
                    type={type}
                    destination={where(type)}
                    databaseName={databaseName}
                    databaseState={databaseState}
                    existingVersion={existingVersion}
                    restoreSecurity={restoreSecurity}
                    simulateFailure={simulateFailure}
                  />
                )}
                {started && <RecoveryStarted location={point.location} />}
                {command.feedback?.intent === 'error' && <CommandFeedback command={command} />}
              </section>
            </div>
          </DialogContent>
          <WizardFooter
            done={started}
            closeRef={closeRef}
            onClose={onClose}
            canGoBack={page > 0}
            onBack={() => {
              command.clear();
              setPage((p) => p - 1);
            }}
            last={page === pages.length - 1}
            canGoOn={canGoOn}
            onNext={() => setPage((p) => p + 1)}
            finish="Recover"
            finishing={command.pending}
            onFinish={() => void recover()}
          />
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
