import { useId, type ReactNode } from 'react';
import { Caption1, Checkbox, Field, Input, Radio, RadioGroup, Select, Text } from '@fluentui/react-components';
import { Fields } from '../../../shell/Panes';
import { formatGb, formatTime } from '../../../shell/format';
import { LIMITS, justBeforeRecoveryPointAvailable } from '@dpm/domain/protection/goals';
import { TAPE_FREQUENCIES, TAPE_RETENTION_UNITS, type TapeFrequency, type TapeRetentionUnit } from '@dpm/domain/model';
import {
  diskAllocation,
  effectiveSyncMinutes,
  fromUtcInput,
  hasReplicaMembers,
  isApplication,
  sortedMembers,
  SYNC_CHOICES,
  tapeSummary,
  syncLabel,
  type FieldErrors,
  type FieldId,
  type WizardContext,
  type WizardState,
} from './model';

export interface PageProps {
  s: WizardState;
  set: (patch: Partial<WizardState>) => void;
  errors: FieldErrors;
  ctx: WizardContext;
}

/** Props a Fluent Field takes to show the error of one field. */
function invalid(errors: FieldErrors, id: FieldId) {
  const message = errors[id];
  return message ? { validationState: 'error' as const, validationMessage: message } : {};
}

/** The error of a group of controls (checkboxes, the tree), linked to the group by id. */
export function GroupError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <Text id={id} role="alert" style={{ color: 'var(--colorPaletteRedForeground1)', fontSize: 13 }}>
      {message}
    </Text>
  );
}

function Hint({ children }: { children: ReactNode }) {
  return <Caption1 style={{ color: 'var(--colorNeutralForeground3)', display: 'block' }}>{children}</Caption1>;
}

export function TypePage() {
  return (
    <>
      <Text as="p">A protection group is a collection of data sources that share the same protection configuration.</Text>
      <RadioGroup aria-label="Protection group type" value="Servers">
        <Radio value="Servers" label="Servers" />
      </RadioGroup>
      <Hint>Protect file servers, SQL Server databases, system state and DPM servers: their DPMDB, folders, volumes and the replicas they hold.</Hint>
    </>
  );
}

/**
 * Select Data Protection Method: a method the server can't give the group (online protection
 * before the server is registered in a backup vault, tape with no library attached) is greyed
 * out with the server's reason, and a method the group has already stays as it is.
 */
export function MethodPage({ s, set, errors, ctx }: PageProps) {
  const errorId = useId();
  const method = (label: string, checked: boolean, refusal: string | undefined, patch: (on: boolean) => Partial<WizardState>) => (
    <>
      <Checkbox label={label} checked={checked} disabled={refusal !== undefined && !checked} onChange={(_, d) => set(patch(d.checked === true))} />
      {refusal !== undefined && <Caption1 style={{ marginLeft: 30, color: 'var(--colorNeutralForeground3)' }}>{refusal}</Caption1>}
    </>
  );
  return (
    <>
      <div role="group" aria-label="Data protection method" aria-describedby={errors.method ? errorId : undefined} aria-invalid={errors.method ? true : undefined} style={{ display: 'grid' }}>
        {method('I want short-term protection using Disk', s.disk, ctx.methodRefusals.Disk, (on) => ({ disk: on }))}
        {method('I want long-term protection using tape', s.tape, ctx.methodRefusals.Tape, (on) => ({ tape: on }))}
        {method('I want online protection', s.online, ctx.methodRefusals.Online, (on) => ({ online: on }))}
      </div>
      <GroupError id={errorId} message={errors.method} />
      <Hint>A dedicated protection group is recommended for a DPM server's database, on disk and on tape (two copies off-site).</Hint>
    </>
  );
}

export function ShortTermPage({ s, set, errors, ctx }: PageProps) {
  const replicas = hasReplicaMembers(s, ctx);
  const minutes = effectiveSyncMinutes(s, ctx);
  // Seed 002: replicas protected on disk only have no "Just before a recovery point".
  const justBefore = justBeforeRecoveryPointAvailable(replicas, s.tape);
  const members = Object.values(s.members);
  const files = members.some((m) => !isApplication(m.kind));
  const apps = members.some((m) => isApplication(m.kind));
  return (
    <>
      <Field label="Retention range" hint={`From ${LIMITS.retentionDays.min} to ${LIMITS.retentionDays.max} days.`} {...invalid(errors, 'retentionDays')}>
        <Input type="number" contentAfter="days" value={s.retentionDays} onChange={(_, d) => set({ retentionDays: d.value })} style={{ maxWidth: 180 }} />
      </Field>
      <RadioGroup aria-label="Synchronization" value={s.syncMode} onChange={(_, d) => set({ syncMode: d.value === 'beforeRecoveryPoint' ? 'beforeRecoveryPoint' : 'interval' })}>
        <Radio value="interval" label="Synchronization frequency" />
        <Radio value="beforeRecoveryPoint" label="Just before a recovery point" disabled={!justBefore && s.syncMode !== 'beforeRecoveryPoint'} />
      </RadioGroup>
      <Field label="Synchronize every" {...invalid(errors, 'syncFrequency')}>
        <Select value={String(s.syncMode === 'interval' ? minutes : (s.syncMinutes ?? 15))} disabled={s.syncMode !== 'interval'} onChange={(_, d) => set({ syncMinutes: Number(d.value) })} style={{ maxWidth: 220 }}>
          {SYNC_CHOICES.map((c) => (
            <option key={c.minutes} value={c.minutes}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
      {replicas && (
        <Hint>
          Replicas of another DPM server are selected: synchronizing every 24 hours is recommended{justBefore ? '' : ', and "Just before a recovery point" is not available for replicas protected on disk only'}.
        </Hint>
      )}
      <Field
        label="Recovery point times"
        hint={`Times of day (UTC), e.g. 08:00, 20:00. For file data${files ? '' : ' (none selected)'}: at most ${LIMITS.fileRecoveryPoints} recovery points are kept.`}
        {...invalid(errors, 'recoveryPointTimes')}
      >
        <Input value={s.recoveryPointTimes} onChange={(_, d) => set({ recoveryPointTimes: d.value })} style={{ maxWidth: 320 }} />
      </Field>
      <Field
        label="Express full backup times"
        hint={`Times of day (UTC). For application data such as SQL databases and the DPMDB${apps ? '' : ' (none selected)'}: at most ${LIMITS.expressFulls} express full backups are kept.`}
        {...invalid(errors, 'expressFullTimes')}
      >
        <Input value={s.expressFullTimes} onChange={(_, d) => set({ expressFullTimes: d.value })} style={{ maxWidth: 320 }} />
      </Field>
    </>
  );
}

/** Specify Long-Term Goals: DPM's retention range (one week to 99 years) and frequency of backup (daily to yearly). */
export function LongTermPage({ s, set, errors }: PageProps) {
  return (
    <>
      <Field label="Retention range" hint={`From 1 week to ${LIMITS.tapeRetentionYears} years.`} {...invalid(errors, 'tapeRetention')}>
        <div style={{ display: 'flex', gap: 8 }}>
          <Input type="number" aria-label="Retention range" value={s.tapeRetentionCount} onChange={(_, d) => set({ tapeRetentionCount: d.value })} style={{ maxWidth: 120 }} />
          <Select aria-label="Retention unit" value={s.tapeRetentionUnit} onChange={(_, d) => set({ tapeRetentionUnit: TAPE_RETENTION_UNITS.find((u) => u === d.value) ?? ('Weeks' as TapeRetentionUnit) })} style={{ maxWidth: 140 }}>
            {TAPE_RETENTION_UNITS.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </Select>
        </div>
      </Field>
      <Field label="Frequency of backup" hint="DPM runs at most one scheduled tape backup a day." {...invalid(errors, 'tapeFrequency')}>
        <Select value={s.tapeFrequency} onChange={(_, d) => set({ tapeFrequency: TAPE_FREQUENCIES.find((f) => f === d.value) ?? ('Weekly' as TapeFrequency) })} style={{ maxWidth: 180 }}>
          {TAPE_FREQUENCIES.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Backup time" hint="Time of day (UTC), hh:mm." {...invalid(errors, 'tapeBackupTime')}>
        <Input value={s.tapeBackupTime} onChange={(_, d) => set({ tapeBackupTime: d.value })} style={{ maxWidth: 120 }} />
      </Field>
    </>
  );
}

export function LibraryPage({ s, set, errors, ctx }: PageProps) {
  const libraries = ctx.libraries;
  return (
    <>
      {libraries === undefined ? (
        <Hint>Loading the libraries of {ctx.serverName}…</Hint>
      ) : libraries.length === 0 ? (
        <Text role="alert" style={{ color: 'var(--colorPaletteRedForeground1)' }}>
          No enabled tape library is attached to {ctx.serverName}: long-term protection on tape needs one.
        </Text>
      ) : (
        <Field label="Library" {...invalid(errors, 'libraryId')}>
          <Select value={s.libraryId} onChange={(_, d) => set({ libraryId: d.value })} style={{ maxWidth: 320 }}>
            <option value="">Select a library</option>
            {libraries.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label="Copies" hint="Two copies, kept off-site, are recommended for a DPM database." {...invalid(errors, 'tapeCopies')}>
        <Input type="number" value={s.tapeCopies} onChange={(_, d) => set({ tapeCopies: d.value })} style={{ maxWidth: 120 }} />
      </Field>
      <Checkbox label="Encrypt backed up data" checked={s.encrypt} onChange={(_, d) => set({ encrypt: d.checked === true })} />
      <Hint>An encrypted tape can be read on another DPM server only where the certificate that encrypted it is installed.</Hint>
    </>
  );
}

export function OnlinePage({ s, set, errors }: PageProps) {
  return (
    <Field label="Online recovery points" hint={`At most ${LIMITS.onlineRecoveryPoints}.`} {...invalid(errors, 'onlineRecoveryPoints')}>
      <Input type="number" value={s.onlineRecoveryPoints} onChange={(_, d) => set({ onlineRecoveryPoints: d.value })} style={{ maxWidth: 120 }} />
    </Field>
  );
}

export function DiskPage({ s, ctx, freeGb }: PageProps & { freeGb: number | undefined }) {
  const { members, dataGb, allocatedGb } = diskAllocation(s);
  return (
    <>
      <Text as="p">DPM allocates 1.5 times the size of each data source in the storage pool of {ctx.serverName}.</Text>
      <div style={{ maxHeight: 220, overflow: 'auto' }}>
        <table aria-label="Disk allocation" style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13 }}>
          <thead>
            <tr>
              {['Data Source', 'Computer', 'Data size', 'Disk allocation'].map((h) => (
                <th key={h} style={{ textAlign: 'left', padding: '2px 6px', borderBottom: '1px solid var(--colorNeutralStroke2)' }}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.key}>
                <td style={{ padding: '2px 6px' }}>{m.name}</td>
                <td style={{ padding: '2px 6px' }}>{m.computer}</td>
                <td style={{ padding: '2px 6px' }}>{formatGb(m.sizeGb)}</td>
                <td style={{ padding: '2px 6px' }}>{formatGb(Math.ceil(m.sizeGb * 1.5))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Fields
        items={[
          ['Total data size', formatGb(dataGb)],
          ['Disk space to allocate', formatGb(allocatedGb)],
          ['Free in the storage pool', freeGb === undefined ? '…' : formatGb(freeGb)],
        ]}
      />
      {freeGb !== undefined && allocatedGb > freeGb && (
        <Text role="alert" style={{ color: 'var(--colorPaletteRedForeground1)' }}>
          The storage pool of {ctx.serverName} has {formatGb(freeGb)} free, less than the {formatGb(allocatedGb)} this group needs. Add disks to the storage pool.
        </Text>
      )}
    </>
  );
}

export function ReplicaPage({ s, set, errors }: PageProps) {
  return (
    <>
      <RadioGroup aria-label="Replica creation method" value={s.replicaCreation} onChange={(_, d) => set({ replicaCreation: d.value === 'Later' ? 'Later' : d.value === 'Manually' ? 'Manually' : 'Now' })}>
        <Radio value="Now" label="Now" />
        <Radio value="Later" label="Later" />
        <Radio value="Manually" label="Manually" />
      </RadioGroup>
      {s.replicaCreation === 'Later' && (
        <Field label="Replica creation time (UTC)" {...invalid(errors, 'laterAt')}>
          <Input type="datetime-local" value={s.laterAt} onChange={(_, d) => set({ laterAt: d.value })} style={{ maxWidth: 260 }} />
        </Field>
      )}
      <Hint>
        {s.replicaCreation === 'Manually'
          ? 'Each replica stays "Manual replica creation pending" until its data is restored to the replica and a consistency check runs.'
          : 'Replica creation jobs copy the data over the network; each replica is "Replica creation pending" until its job completes.'}
      </Hint>
    </>
  );
}

export function ConsistencyPage({ s, set, errors }: PageProps) {
  return (
    <>
      <Checkbox label="Run a consistency check if a replica becomes inconsistent" checked={s.runIfInconsistent} onChange={(_, d) => set({ runIfInconsistent: d.checked === true })} />
      <Checkbox label="Run a daily consistency check according to the following schedule" checked={s.dailyCheck} onChange={(_, d) => set({ dailyCheck: d.checked === true })} />
      {s.dailyCheck && (
        <Field label="Start time" hint="Time of day (UTC), hh:mm." {...invalid(errors, 'dailyCheckAt')}>
          <Input value={s.dailyCheckAt} onChange={(_, d) => set({ dailyCheckAt: d.value })} style={{ maxWidth: 120 }} />
        </Field>
      )}
    </>
  );
}

export function SummaryPage({ s, ctx, existingMembers }: PageProps & { existingMembers: number }) {
  const members = sortedMembers(s);
  const { allocatedGb } = diskAllocation(s);
  const methods = [s.disk ? 'Short-term using Disk' : null, s.tape ? 'Long-term using tape' : null, s.online ? 'Online' : null].filter((m): m is string => m !== null);
  const library = ctx.libraries?.find((l) => l.id === s.libraryId)?.name ?? 'none';
  const items: [string, ReactNode][] = [
    ['Protection group name', s.name.trim()],
    [
      ctx.mode === 'create' ? 'Members' : 'Members to add',
      members.length === 0 ? (ctx.mode === 'create' ? 'none' : `none (the group keeps its ${existingMembers} members)`) : (
        <ul style={{ margin: 0, paddingLeft: 16 }}>
          {members.map((m) => (
            <li key={m.key}>{m.sourceServerId ? `${m.name} (replica on ${m.computer})` : `${m.name} on ${m.computer}`}</li>
          ))}
        </ul>
      ),
    ],
    ['Data protection method', methods.join(', ')],
  ];
  if (s.disk) {
    items.push(
      ['Retention range', `${s.retentionDays} days`],
      ['Synchronization frequency', syncLabel(effectiveSyncMinutes(s, ctx))],
      ['Recovery point times', s.recoveryPointTimes || 'none'],
      ['Express full backup times', s.expressFullTimes || 'none'],
    );
    if (members.length > 0) items.push(['Disk space to allocate', formatGb(allocatedGb)]);
  }
  if (s.tape) items.push(['Tape', tapeSummary(s, library)]);
  if (s.online) items.push(['Online recovery points', s.onlineRecoveryPoints]);
  if (ctx.mode === 'create') items.push(['Replica creation method', s.replicaCreation === 'Later' ? `Later, at ${formatTime(fromUtcInput(s.laterAt))}` : s.replicaCreation]);
  items.push([
    'Consistency check',
    [s.runIfInconsistent ? 'if a replica becomes inconsistent' : null, s.dailyCheck ? `daily at ${s.dailyCheckAt} UTC` : null].filter((x): x is string => x !== null).join('; ') || 'none',
  ]);
  return <Fields items={items} />;
}
