import { Checkbox, Field, Input, Radio, RadioGroup, Select, Text, makeStyles } from '@fluentui/react-components';
import { LIMITS, justBeforeRecoveryPointAvailable } from '@dpm/domain/protection/goals';
import { TAPE_FREQUENCIES, TAPE_RETENTION_UNITS, type TapeFrequency, type TapeRetentionUnit } from '@dpm/domain/model';
import { effectiveSyncMinutes, hasReplicaMembers, isApplication } from './model';
import { SYNC_CHOICES } from './time-input';
import { Hint, invalid, type PageProps } from './page-parts';

const useStyles = makeStyles({
  narrow: { maxWidth: '180px' },
  medium: { maxWidth: '220px' },
  wide: { maxWidth: '320px' },
  row: { display: 'flex', gap: '8px' },
  number: { maxWidth: '120px' },
  unit: { maxWidth: '140px' },
  error: { color: 'var(--colorPaletteRedForeground1)' },
});

/** The goals pages: short-term (disk), long-term (tape), library and tape details, online. */
export function ShortTermPage({ s, set, errors, ctx }: PageProps) {
  const styles = useStyles();
  const replicas = hasReplicaMembers(s, ctx);
  const minutes = effectiveSyncMinutes(s, ctx);
  // Seed 002: replicas protected on disk only have no "Just before a recovery point".
  const justBefore = justBeforeRecoveryPointAvailable(replicas, s.tape);
  const members = Object.values(s.members);
  const files = members.some((m) => !isApplication(m.kind));
  const apps = members.some((m) => isApplication(m.kind));
  return (
    <>
      <Field
        label="Retention range"
        hint={`From ${LIMITS.retentionDays.min} to ${LIMITS.retentionDays.max} days.`}
        {...invalid(errors, 'retentionDays')}
      >
        <Input
          type="number"
          contentAfter="days"
          value={s.retentionDays}
          onChange={(_, d) => set({ retentionDays: d.value })}
          className={styles.narrow}
        />
      </Field>
      <RadioGroup
        aria-label="Synchronization"
        value={s.syncMode}
        onChange={(_, d) => set({ syncMode: d.value === 'beforeRecoveryPoint' ? 'beforeRecoveryPoint' : 'interval' })}
      >
        <Radio value="interval" label="Synchronization frequency" />
        <Radio
          value="beforeRecoveryPoint"
          label="Just before a recovery point"
          disabled={!justBefore && s.syncMode !== 'beforeRecoveryPoint'}
        />
      </RadioGroup>
      <Field label="Synchronize every" {...invalid(errors, 'syncFrequency')}>
        <Select
          value={String(s.syncMode === 'interval' ? minutes : (s.syncMinutes ?? 15))}
          disabled={s.syncMode !== 'interval'}
          onChange={(_, d) => set({ syncMinutes: Number(d.value) })}
          className={styles.medium}
        >
          {SYNC_CHOICES.map((c) => (
            <option key={c.minutes} value={c.minutes}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
      {replicas && (
        <Hint>
          Replicas of another DPM server are selected: synchronizing every 24 hours is recommended
          {justBefore
            ? ''
            : ', and "Just before a recovery point" is not available for replicas protected on disk only'}
          .
        </Hint>
      )}
      <Field
        label="Recovery point times"
        hint={
          `Times of day (UTC), e.g. 08:00, 20:00. For file ` +
          `data${files ? '' : ' (none selected)'}: at most ` +
          `${LIMITS.fileRecoveryPoints} recovery points are kept.`
        }
        {...invalid(errors, 'recoveryPointTimes')}
      >
        <Input
          value={s.recoveryPointTimes}
          onChange={(_, d) => set({ recoveryPointTimes: d.value })}
          className={styles.wide}
        />
      </Field>
      <Field
        label="Express full backup times"
        hint={
          `Times of day (UTC). For application data such as SQL databases and ` +
          `the DPMDB${apps ? '' : ' (none selected)'}: at most ` +
          `${LIMITS.expressFulls} express full backups are kept.`
        }
        {...invalid(errors, 'expressFullTimes')}
      >
        <Input
          value={s.expressFullTimes}
          onChange={(_, d) => set({ expressFullTimes: d.value })}
          className={styles.wide}
        />
      </Field>
    </>
  );
}

/** Specify Long-Term Goals: DPM's retention range (one week to 99 years) and frequency of backup (daily to yearly). */
export function LongTermPage({ s, set, errors }: PageProps) {
  const styles = useStyles();
  return (
    <>
      <Field
        label="Retention range"
        hint={`From 1 week to ${LIMITS.tapeRetentionYears} years.`}
        {...invalid(errors, 'tapeRetention')}
      >
        <div className={styles.row}>
          <Input
            type="number"
            aria-label="Retention range"
            value={s.tapeRetentionCount}
            onChange={(_, d) => set({ tapeRetentionCount: d.value })}
            className={styles.number}
          />
          <Select
            aria-label="Retention unit"
            value={s.tapeRetentionUnit}
            onChange={(_, d) =>
              set({
                tapeRetentionUnit: TAPE_RETENTION_UNITS.find((u) => u === d.value) ?? ('Weeks' as TapeRetentionUnit),
              })
            }
            className={styles.unit}
          >
            {TAPE_RETENTION_UNITS.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </Select>
        </div>
      </Field>
      <Field
        label="Frequency of backup"
        hint="DPM runs at most one scheduled tape backup a day."
        {...invalid(errors, 'tapeFrequency')}
      >
        <Select
          value={s.tapeFrequency}
          onChange={(_, d) =>
            set({ tapeFrequency: TAPE_FREQUENCIES.find((f) => f === d.value) ?? ('Weekly' as TapeFrequency) })
          }
          className={styles.narrow}
        >
          {TAPE_FREQUENCIES.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Backup time" hint="Time of day (UTC), hh:mm." {...invalid(errors, 'tapeBackupTime')}>
        <Input
          value={s.tapeBackupTime}
          onChange={(_, d) => set({ tapeBackupTime: d.value })}
          className={styles.number}
        />
      </Field>
    </>
  );
}

export function LibraryPage({ s, set, errors, ctx }: PageProps) {
  const styles = useStyles();
  const libraries = ctx.libraries;
  return (
    <>
      {libraries === undefined ? (
        <Hint>Loading the libraries of {ctx.serverName}…</Hint>
      ) : libraries.length === 0 ? (
        <Text role="alert" className={styles.error}>
          No enabled tape library is attached to {ctx.serverName}: long-term protection on tape needs one.
        </Text>
      ) : (
        <Field label="Library" {...invalid(errors, 'libraryId')}>
          <Select value={s.libraryId} onChange={(_, d) => set({ libraryId: d.value })} className={styles.wide}>
            <option value="">Select a library</option>
            {libraries.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field
        label="Copies"
        hint="Two copies, kept off-site, are recommended for a DPM database."
        {...invalid(errors, 'tapeCopies')}
      >
        <Input
          type="number"
          value={s.tapeCopies}
          onChange={(_, d) => set({ tapeCopies: d.value })}
          className={styles.number}
        />
      </Field>
      <Checkbox
        label="Encrypt backed up data"
        checked={s.encrypt}
        onChange={(_, d) => set({ encrypt: d.checked === true })}
      />
      <Hint>
        An encrypted tape can be read on another DPM server only where the certificate that encrypted it is installed.
      </Hint>
    </>
  );
}

export function OnlinePage({ s, set, errors }: PageProps) {
  const styles = useStyles();
  return (
    <Field
      label="Online recovery points"
      hint={`At most ${LIMITS.onlineRecoveryPoints}.`}
      {...invalid(errors, 'onlineRecoveryPoints')}
    >
      <Input
        type="number"
        value={s.onlineRecoveryPoints}
        onChange={(_, d) => set({ onlineRecoveryPoints: d.value })}
        className={styles.number}
      />
    </Field>
  );
}
