import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Checkbox, Field, Input, makeStyles } from '@fluentui/react-components';
import { Empty, ErrorState, Loading } from '../../components/states';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatTime } from '../../shell/format';
import { tapeContentsQuery } from './queries';
import { Cell, PlainTable } from '../../components/PlainTable';

const useStyles = makeStyles({ tape: { margin: 0 } });

/** View tape contents: the data sets on the tape, or DPM's refusal (TAPE_CERTIFICATE for an encrypted tape). */
export function TapeContentsDialog({
  serverId,
  tapeId,
  barcode,
  onClose,
}: {
  serverId: string;
  tapeId: string;
  barcode: string;
  onClose: () => void;
}) {
  const styles = useStyles();
  const contents = useQuery(tapeContentsQuery(serverId, tapeId));
  return (
    <ConfirmDialog title="View tape contents" cancel="Close" onClose={onClose} stacked size="wider">
      <p className={styles.tape}>Tape {barcode}</p>
      {contents.isPending && <Loading label="Reading the tape…" />}
      {contents.isError && <ErrorState error={contents.error} />}
      {contents.data?.length === 0 && <Empty>The tape holds no data sets.</Empty>}
      {contents.data && contents.data.length > 0 && (
        <PlainTable label="Data sets" columns={['Data source', 'Computer', 'Time', 'Size']}>
          {contents.data.map((d, i) => (
            <tr key={i}>
              <Cell>{d.dataSource}</Cell>
              <Cell>{d.computer}</Cell>
              <Cell>{formatTime(d.time)}</Cell>
              <Cell>{d.sizeGb} GB</Cell>
            </tr>
          ))}
        </PlainTable>
      )}
    </ConfirmDialog>
  );
}

/** Add tape (I/E port): the barcode of the tape the operator inserts. */
export function AddTapeDialog({
  onAdd,
  onClose,
}: {
  onAdd: (barcode: string, cleaning: boolean) => Promise<unknown>;
  onClose: () => void;
}) {
  const [barcode, setBarcode] = useState('');
  const [cleaning, setCleaning] = useState(false);
  return (
    <ConfirmDialog
      title="Add tape (I/E port)"
      confirm="Add tape"
      disabled={barcode.trim() === ''}
      onConfirm={() => void onAdd(barcode.trim(), cleaning).then(onClose)}
      onClose={onClose}
      stacked
    >
      <Field label="Barcode">
        <Input value={barcode} onChange={(_, d) => setBarcode(d.value)} />
      </Field>
      <Checkbox label="Cleaning tape" checked={cleaning} onChange={(_, d) => setCleaning(d.checked === true)} />
    </ConfirmDialog>
  );
}
