import { useId, type ReactNode } from 'react';
import { Caption1, Checkbox, Field, Input, Radio, RadioGroup, Select, Text } from '@fluentui/react-components';
import { Fields } from '../../../shell/Panes';
import { formatGb, formatTime } from '../../../shell/format';
import { LIMITS } from '@dpm/domain/protection/goals';
import {
  diskAllocation,
  effectiveSyncMinutes,
  fromUtcInput,
  hasReplicaMembers,
  isApplication,
  SYNC_CHOICES,
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

export function MethodPage({ s, set, errors }: PageProps) {
  const errorId = useId();
  return (
    <>
      <div role="group" aria-label="Data protection method" aria-describedby={errors.method ? errorId : undefined} aria-invalid={errors.method ? true : undefined} style={{ display: 'grid' }}>
        <Checkbox label="I want short-term protection using Disk" checked={s.disk} onChange={(_, d) => set({ disk: d.checked === true })} />
        <Checkbox label="I want long-term protection using tape" checked={s.tape} onChange={(_, d) => set({ tape: d.checked === true })} />
        <Checkbox label="I want online protection" checked={s.online} onChange={(_, d) => set({ online: d.checked === true })} />
      </div>
      <GroupError id={errorId} message={errors.method} />
      <Hint>Seed 001 recommends a dedicated protection group for a DPM server's database, on disk and on tape (two copies off-site).</Hint>
    </>
  );
}

export function ShortTermPage({ s, set, errors, ctx }: PageProps) {
  const replicas = hasReplicaMembers(s, ctx);
  const minutes = effectiveSyncMinutes(s, ctx);
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
        <Radio value="beforeRecoveryPoint" label="Just before a recovery point" />
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
      {replicas && <Hint>Replicas of another DPM server are selected: seed 001 recommends synchronizing every 24 hours.</Hint>}
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

export function LongTermPage({ s, set, errors }: PageProps) {
  return (
    <>
      <Field label="Retention range" hint={`Up to ${LIMITS.tapeRetentionYears} years.`} {...invalid(errors, 'tapeRetentionYears')}>
        <Input type="number" contentAfter="years" value={s.tapeRetentionYears} onChange={(_, d) => set({ tapeRetentionYears: d.value })} style={{ maxWidth: 180 }} />
      </Field>
      <Field label="Backups a day" hint="DPM runs at most one scheduled tape backup a day." {...invalid(errors, 'tapeBackupsPerDay')}>
        <Input type="number" value={s.tapeBackupsPerDay} onChange={(_, d) => set({ tapeBackupsPerDay: d.value })} style={{ maxWidth: 120 }} />
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
        <Hint>No tape library is attached to {ctx.serverName}; the tape backups wait until one is.</Hint>
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
      <Field label="Copies" hint="Seed 001 recommends two copies, kept off-site." {...invalid(errors, 'tapeCopies')}>
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
  const members = Object.values(s.members);
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
  if (s.tape) items.push(['Tape', `${s.tapeBackupsPerDay} a day at ${s.tapeBackupTime}, kept ${s.tapeRetentionYears} years, ${s.tapeCopies} copies, library ${library}${s.encrypt ? ', encrypted' : ''}`]);
  if (s.online) items.push(['Online recovery points', s.onlineRecoveryPoints]);
  if (ctx.mode === 'create') items.push(['Replica creation method', s.replicaCreation === 'Later' ? `Later, at ${formatTime(fromUtcInput(s.laterAt))}` : s.replicaCreation]);
  items.push([
    'Consistency check',
    [s.runIfInconsistent ? 'if a replica becomes inconsistent' : null, s.dailyCheck ? `daily at ${s.dailyCheckAt} UTC` : null].filter((x): x is string => x !== null).join('; ') || 'none',
  ]);
  return <Fields items={items} />;
}
