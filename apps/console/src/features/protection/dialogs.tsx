import { useState, type ReactNode } from 'react';
import { Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { Offer } from '../../components/operations';
import { enabledIntents } from '../../components/operations';
import type { SwitchDirection } from './commands';
import { useLayoutStyles } from '../../components/layout';

/** Stop protection of member / of group: Retain replicas on disk or Delete replica on disk. */
export function StopProtectionDialog({
  title,
  children,
  onClose,
  onConfirm,
}: {
  title: string;
  children: ReactNode;
  onClose: () => void;
  onConfirm: (retainReplica: boolean) => void;
}) {
  const [choice, setChoice] = useState<'retain' | 'delete'>('retain');
  return (
    <ConfirmDialog
      title={title}
      confirm="Stop protection"
      onClose={onClose}
      onConfirm={() => onConfirm(choice === 'retain')}
    >
      <p>
        {children} Retained replicas and their recovery points stay under Inactive Protection until you remove them.
      </p>
      <RadioGroup
        aria-label="Replica"
        value={choice}
        onChange={(_, d) => setChoice(d.value === 'delete' ? 'delete' : 'retain')}
      >
        <Radio value="retain" label="Retain replicas on disk" />
        <Radio value="delete" label="Delete replica on disk" />
      </RadioGroup>
    </ConfirmDialog>
  );
}

/** What the switch is about, in the administrator's words. */
export interface SwitchSubject {
  /** "C:\ on PS1", or "the members of DS1 protection". */
  what: string;
  /** The secondary: the server the console is connected to. */
  secondary: string;
  /** The primary DPM server the data source is protected by (for a group, its members' primaries). */
  primary: string;
}

/**
 * Switch Disaster Protection (seeds 000, 001). The menu item keeps DPM's one name; the dialog
 * names the direction the server offers now, and the request says it, so a colleague's switch a
 * moment earlier is refused instead of undone. A group with switched and unswitched members
 * offers both directions.
 */
export function SwitchDialog({
  offer,
  subject,
  onClose,
  onConfirm,
}: {
  offer: Offer;
  subject: SwitchSubject;
  onClose: () => void;
  onConfirm: (direction: SwitchDirection) => void;
}) {
  const layout = useLayoutStyles();
  const directions = enabledIntents(offer).filter(
    (i): i is SwitchDirection => i === 'to-secondary' || i === 'to-primary',
  );
  const [direction, setDirection] = useState<SwitchDirection | undefined>(directions[0]);
  const sentence = (d: SwitchDirection) =>
    d === 'to-secondary'
      ? `Switch protection of ${subject.what} to ${subject.secondary}`
      : `Switch protection of ${subject.what} back to ${subject.primary}`;
  return (
    <ConfirmDialog
      title="Switch Disaster Protection"
      confirm="Switch"
      disabled={direction === undefined}
      onClose={onClose}
      onConfirm={() => direction && onConfirm(direction)}
    >
      {directions.length > 1 ? (
        <RadioGroup
          aria-label="Direction"
          value={direction}
          onChange={(_, d) => setDirection(d.value === 'to-primary' ? 'to-primary' : 'to-secondary')}
        >
          {directions.map((d) => (
            <Radio key={d} value={d} label={sentence(d)} />
          ))}
        </RadioGroup>
      ) : (
        direction && <p className={layout.strong}>{sentence(direction)}</p>
      )}
      {direction === 'to-secondary' && (
        <p>
          {subject.secondary} takes ownership of the protection agent and protects {subject.what} directly instead of
          through {subject.primary}. The other data sources of the same computer that {subject.secondary} protects
          follow the agent and switch with it. The replicas appear as inconsistent until you run a consistency check.
        </p>
      )}
      {direction === 'to-primary' && (
        <p>
          The data sources of the same computer switch back together. {subject.primary} raises an Agent Ownership
          Required alert and must take ownership of the agent; its replicas then need a consistency check. The replicas
          on {subject.secondary} become inconsistent until a consistency check runs.
        </p>
      )}
      {direction === undefined && <p>{offer.reason?.message}</p>}
    </ConfirmDialog>
  );
}

/** Modify disk allocation: the replica volume's size in the storage pool; the server decides. */
export function DiskAllocationDialog({
  row,
  onClose,
  onConfirm,
}: {
  row: { dataSource: string; computer: string };
  onClose: () => void;
  onConfirm: (allocatedGb: number) => void;
}) {
  const [value, setValue] = useState('');
  const gb = Number(value);
  const invalid = value !== '' && (!Number.isFinite(gb) || gb <= 0) ? 'Enter a size in GB.' : undefined;
  return (
    <ConfirmDialog
      title="Modify disk allocation"
      confirm="OK"
      disabled={value === '' || invalid !== undefined}
      onClose={onClose}
      onConfirm={() => onConfirm(gb)}
    >
      <p>
        Space for the replica of {row.dataSource} on {row.computer} in the storage pool. It must hold the data source
        and fit in the pool's unallocated space.
      </p>
      <Field label="Replica volume (GB)" validationMessage={invalid}>
        <Input type="number" min={1} value={value} onChange={(_, d) => setValue(d.value)} />
      </Field>
    </ConfirmDialog>
  );
}
