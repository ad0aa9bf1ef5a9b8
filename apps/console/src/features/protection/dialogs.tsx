import { useState, type ReactNode } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Radio, RadioGroup } from '@fluentui/react-components';

interface ConfirmProps {
  onClose: () => void;
}

/** Stop protection of member / of group: Retain replicas on disk or Delete replica on disk. */
export function StopProtectionDialog({ title, children, onClose, onConfirm }: ConfirmProps & { title: 'Stop protection of member' | 'Stop protection of group'; children: ReactNode; onConfirm: (retainReplica: boolean) => void }) {
  const [choice, setChoice] = useState<'retain' | 'delete'>('retain');
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            <p>{children} Retained replicas and their recovery points stay under Inactive Protection until you remove them.</p>
            <RadioGroup aria-label="Replica" value={choice} onChange={(_, d) => setChoice(d.value === 'delete' ? 'delete' : 'retain')}>
              <Radio value="retain" label="Retain replicas on disk" />
              <Radio value="delete" label="Delete replica on disk" />
            </RadioGroup>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onConfirm(choice === 'retain')}>
              Stop protection
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** Switch Disaster Protection: what happens, then Switch (seeds 000, 001; domain-rules.md). */
export function SwitchDialog({ children, onClose, onConfirm }: ConfirmProps & { children: ReactNode; onConfirm: () => void }) {
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Switch Disaster Protection</DialogTitle>
          <DialogContent>{children}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              Switch
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** Modify disk allocation: the replica volume's size in the storage pool; the server decides. */
export function DiskAllocationDialog({ row, onClose, onConfirm }: ConfirmProps & { row: { dataSource: string; computer: string }; onConfirm: (allocatedGb: number) => void }) {
  const [value, setValue] = useState('');
  const gb = Number(value);
  const invalid = value !== '' && (!Number.isFinite(gb) || gb <= 0) ? 'Enter a size in GB.' : undefined;
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Modify disk allocation</DialogTitle>
          <DialogContent>
            <p>
              Space for the replica of {row.dataSource} on {row.computer} in the storage pool. It must hold the data source and fit in the pool's unallocated space.
            </p>
            <Field label="Replica volume (GB)" validationMessage={invalid}>
              <Input type="number" min={1} value={value} onChange={(_, d) => setValue(d.value)} />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={value === '' || invalid !== undefined} onClick={() => onConfirm(gb)}>
              OK
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
