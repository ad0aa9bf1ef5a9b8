import { useId, type ReactNode } from 'react';
import { Caption1, Checkbox, Field, Input, Radio, RadioGroup, Text, makeStyles } from '@fluentui/react-components';
import { Fields } from '../../../shell/Panes';
import { formatGb, formatTime } from '../../../shell/format';
import { diskAllocation, effectiveSyncMinutes, sortedMembers, tapeSummary, type WizardState } from './model';
import { fromUtcInput, syncLabel } from './time-input';
import { GroupError, Hint, invalid, type PageProps } from './page-parts';

const useStyles = makeStyles({
  refusal: { marginLeft: '30px', color: 'var(--colorNeutralForeground3)' },
  methods: { display: 'grid' },
  scroll: { maxHeight: '220px', overflow: 'auto' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: '13px' },
  th: { textAlign: 'left', padding: '2px 6px', borderBottom: '1px solid var(--colorNeutralStroke2)' },
  td: { padding: '2px 6px' },
  error: { color: 'var(--colorPaletteRedForeground1)' },
  dateTime: { maxWidth: '260px' },
  time: { maxWidth: '120px' },
  list: { margin: 0, paddingLeft: '16px' },
});

export function TypePage() {
  return (
    <>
      <Text as="p">
        A protection group is a collection of data sources that share the same protection configuration.
      </Text>
      <RadioGroup aria-label="Protection group type" value="Servers">
        <Radio value="Servers" label="Servers" />
      </RadioGroup>
      <Hint>
        Protect file servers, SQL Server databases, system state and DPM servers: their DPMDB, folders, volumes and the
        replicas they hold.
      </Hint>
    </>
  );
}

/**
 * Select Data Protection Method: a method the server can't give the group (online protection
 * before the server is registered in a backup vault, tape with no library attached) is greyed
 * out with the server's reason, and a method the group has already stays as it is.
 */
export function MethodPage({ s, set, errors, ctx }: PageProps) {
  const styles = useStyles();
  const errorId = useId();
  const method = (
    label: string,
    checked: boolean,
    refusal: string | undefined,
    patch: (on: boolean) => Partial<WizardState>,
  ) => (
    <>
      <Checkbox
        label={label}
        checked={checked}
        disabled={refusal !== undefined && !checked}
        onChange={(_, d) => set(patch(d.checked === true))}
      />
      {refusal !== undefined && <Caption1 className={styles.refusal}>{refusal}</Caption1>}
    </>
  );
  return (
    <>
      <div
        role="group"
        aria-label="Data protection method"
        aria-describedby={errors.method ? errorId : undefined}
        aria-invalid={errors.method ? true : undefined}
        className={styles.methods}
      >
        {method('I want short-term protection using Disk', s.disk, ctx.methodRefusals.Disk, (on) => ({ disk: on }))}
        {method('I want long-term protection using tape', s.tape, ctx.methodRefusals.Tape, (on) => ({ tape: on }))}
        {method('I want online protection', s.online, ctx.methodRefusals.Online, (on) => ({ online: on }))}
      </div>
      <GroupError id={errorId} message={errors.method} />
      <Hint>
        A dedicated protection group is recommended for a DPM server's database, on disk and on tape (two copies
        off-site).
      </Hint>
    </>
  );
}

export function DiskPage({ s, ctx, freeGb }: PageProps & { freeGb: number | undefined }) {
  const styles = useStyles();
  const { members, dataGb, allocatedGb } = diskAllocation(s);
  return (
    <>
      <Text as="p">DPM allocates 1.5 times the size of each data source in the storage pool of {ctx.serverName}.</Text>
      <div className={styles.scroll}>
        <table aria-label="Disk allocation" className={styles.table}>
          <thead>
            <tr>
              {['Data Source', 'Computer', 'Data size', 'Disk allocation'].map((h) => (
                <th key={h} className={styles.th}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.key}>
                <td className={styles.td}>{m.name}</td>
                <td className={styles.td}>{m.computer}</td>
                <td className={styles.td}>{formatGb(m.sizeGb)}</td>
                <td className={styles.td}>{formatGb(Math.ceil(m.sizeGb * 1.5))}</td>
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
        <Text role="alert" className={styles.error}>
          The storage pool of {ctx.serverName} has {formatGb(freeGb)} free, less than the {formatGb(allocatedGb)} this
          group needs. Add disks to the storage pool.
        </Text>
      )}
    </>
  );
}

export function ReplicaPage({ s, set, errors }: PageProps) {
  const styles = useStyles();
  return (
    <>
      <RadioGroup
        aria-label="Replica creation method"
        value={s.replicaCreation}
        onChange={(_, d) =>
          set({ replicaCreation: d.value === 'Later' ? 'Later' : d.value === 'Manually' ? 'Manually' : 'Now' })
        }
      >
        <Radio value="Now" label="Now" />
        <Radio value="Later" label="Later" />
        <Radio value="Manually" label="Manually" />
      </RadioGroup>
      {s.replicaCreation === 'Later' && (
        <Field label="Replica creation time (UTC)" {...invalid(errors, 'laterAt')}>
          <Input
            type="datetime-local"
            value={s.laterAt}
            onChange={(_, d) => set({ laterAt: d.value })}
            className={styles.dateTime}
          />
        </Field>
      )}
      <Hint>
        {s.replicaCreation === 'Manually'
          ? 'Each replica stays "Manual replica creation pending" until its data ' +
            'is restored to the replica and a consistency check runs.'
          : 'Replica creation jobs copy the data over the network; each replica is ' +
            '"Replica creation pending" until its job completes.'}
      </Hint>
    </>
  );
}

export function ConsistencyPage({ s, set, errors }: PageProps) {
  const styles = useStyles();
  return (
    <>
      <Checkbox
        label="Run a consistency check if a replica becomes inconsistent"
        checked={s.runIfInconsistent}
        onChange={(_, d) => set({ runIfInconsistent: d.checked === true })}
      />
      <Checkbox
        label="Run a daily consistency check according to the following schedule"
        checked={s.dailyCheck}
        onChange={(_, d) => set({ dailyCheck: d.checked === true })}
      />
      {s.dailyCheck && (
        <Field label="Start time" hint="Time of day (UTC), hh:mm." {...invalid(errors, 'dailyCheckAt')}>
          <Input value={s.dailyCheckAt} onChange={(_, d) => set({ dailyCheckAt: d.value })} className={styles.time} />
        </Field>
      )}
    </>
  );
}

export function SummaryPage({ s, ctx, existingMembers }: PageProps & { existingMembers: number }) {
  const styles = useStyles();
  const members = sortedMembers(s);
  const { allocatedGb } = diskAllocation(s);
  const methods = [
    s.disk ? 'Short-term using Disk' : null,
    s.tape ? 'Long-term using tape' : null,
    s.online ? 'Online' : null,
  ].filter((m): m is string => m !== null);
  const library = ctx.libraries?.find((l) => l.id === s.libraryId)?.name ?? 'none';
  const items: [string, ReactNode][] = [
    ['Protection group name', s.name.trim()],
    [
      ctx.mode === 'create' ? 'Members' : 'Members to add',
      members.length === 0 ? (
        ctx.mode === 'create' ? (
          'none'
        ) : (
          `none (the group keeps its ${existingMembers} members)`
        )
      ) : (
        <ul className={styles.list}>
          {members.map((m) => (
            <li key={m.key}>
              {m.sourceServerId ? `${m.name} (replica on ${m.computer})` : `${m.name} on ${m.computer}`}
            </li>
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
  if (ctx.mode === 'create')
    items.push([
      'Replica creation method',
      s.replicaCreation === 'Later' ? `Later, at ${formatTime(fromUtcInput(s.laterAt))}` : s.replicaCreation,
    ]);
  items.push([
    'Consistency check',
    [
      s.runIfInconsistent ? 'if a replica becomes inconsistent' : null,
      s.dailyCheck ? `daily at ${s.dailyCheckAt} UTC` : null,
    ]
      .filter((x): x is string => x !== null)
      .join('; ') || 'none',
  ]);
  return <Fields items={items} />;
}
