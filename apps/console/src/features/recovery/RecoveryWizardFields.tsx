import { Checkbox, Field, Input, Radio, RadioGroup, mergeClasses } from '@fluentui/react-components';
import {
  DATABASE_STATES,
  EXISTING_VERSION_BEHAVIOURS,
  RESTORE_SECURITY,
  type DatabaseState,
  type ExistingVersionBehaviour,
  type RecoveryType,
  type RestoreSecurity,
} from '@dpm/domain/recovery/recovery-types';
import { useLayoutStyles } from '../../components/layout';

/** Specify Database State, for a database recovered to a SQL instance. */
export function DatabaseStateChoice({
  value: databaseState,
  onChange: setDatabaseState,
}: {
  value: DatabaseState;
  onChange: (state: DatabaseState) => void;
}) {
  return (
    <RadioGroup
      aria-label="Database state"
      value={databaseState}
      onChange={(_, d) => setDatabaseState(DATABASE_STATES.find((x) => x === d.value) ?? 'Leave database operational')}
    >
      {DATABASE_STATES.map((x) => (
        <Radio key={x} value={x} label={x} />
      ))}
    </RadioGroup>
  );
}

/** Specify Recovery Options for files: the existing version recovery behavior and the security applied. */
export function FileRecoveryOptions({
  existingVersion,
  onExistingVersion: setExistingVersion,
  restoreSecurity,
  onRestoreSecurity: setRestoreSecurity,
}: {
  existingVersion: ExistingVersionBehaviour;
  onExistingVersion: (behaviour: ExistingVersionBehaviour) => void;
  restoreSecurity: RestoreSecurity;
  onRestoreSecurity: (security: RestoreSecurity) => void;
}) {
  return (
    <>
      <RadioGroup
        aria-label="Existing version recovery behavior"
        value={existingVersion}
        onChange={(_, d) => setExistingVersion(EXISTING_VERSION_BEHAVIOURS.find((x) => x === d.value) ?? 'Create copy')}
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
            RESTORE_SECURITY.find((x) => x === d.value) ?? 'Apply the security settings of the destination computer',
          )
        }
      >
        {RESTORE_SECURITY.map((x) => (
          <Radio key={x} value={x} label={x} />
        ))}
      </RadioGroup>
    </>
  );
}

/** Select Recovery Type: each type the server offers, or greyed out with the reason. */
export function RecoveryTypeChoice({
  choices,
  value,
  onChange,
  holders,
  dataSource,
}: {
  choices: { type: RecoveryType; enabled: boolean; reason: string | undefined }[];
  value: RecoveryType | null;
  onChange: (value: string) => void;
  /** The DPM servers whose replica of the data source waits for its data. */
  holders: string[];
  dataSource: string;
}) {
  const layout = useLayoutStyles();
  return (
    <>
      <RadioGroup aria-label="Recovery type" value={value ?? ''} onChange={(_, d) => onChange(d.value)}>
        {choices.map((c) => (
          <Radio
            key={c.type}
            value={c.type}
            label={c.enabled ? c.type : `${c.type} — ${c.reason ?? 'not available'}`}
            disabled={!c.enabled}
          />
        ))}
      </RadioGroup>
      {holders.length > 0 && (
        <p className={mergeClasses(layout.note, layout.secondary)}>
          Restore to replica is available: {holders.join(', ')} holds a replica of {dataSource} in Manual replica
          creation pending.
        </p>
      )}
    </>
  );
}

/** Specify Recovery Options for Restore to replica: the replica to restore, and a rehearsed failure. */
export function RestoreToReplicaOptions({
  targets,
  value,
  onChange,
  simulateFailure,
  onSimulateFailure,
}: {
  targets: { replicaId: string; server: string; replicaPath: string }[];
  value: string;
  onChange: (replicaId: string) => void;
  simulateFailure: boolean;
  onSimulateFailure: (simulate: boolean) => void;
}) {
  return (
    <>
      <RadioGroup aria-label="Replica to restore" value={value} onChange={(_, d) => onChange(d.value)}>
        {targets.map((t) => (
          <Radio key={t.replicaId} value={t.replicaId} label={`${t.server}: ${t.replicaPath}`} />
        ))}
      </RadioGroup>
      <Checkbox
        checked={simulateFailure}
        onChange={(_, d) => onSimulateFailure(d.checked === true)}
        label="Rehearse a failed restore (the replica becomes inconsistent, as DPM marks it after a failed restore)"
      />
    </>
  );
}

/** Specify Recovery Options for Recover to any SQL instance: the recovered database's name, refused with the reason. */
export function DatabaseNameField({
  value,
  onChange,
  problem: nameProblem,
}: {
  value: string;
  onChange: (name: string) => void;
  problem: string | null;
}) {
  return (
    <Field
      label="Database name"
      hint="The name of the recovered database on that instance."
      required
      validationMessage={nameProblem ?? undefined}
      validationState={nameProblem ? 'error' : 'none'}
    >
      <Input value={value} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}
