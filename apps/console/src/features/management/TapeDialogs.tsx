import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Checkbox, Field, Input } from '@fluentui/react-components';
import { Empty, ErrorState, Loading } from '../../components/states';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatTime } from '../../shell/format';
import { tapeContentsQuery } from './queries';

const cell = { borderBottom: '1px solid var(--colorNeutralStroke2)', padding: '4px 8px', textAlign: 'left' } as const;

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
  const contents = useQuery(tapeContentsQuery(serverId, tapeId));
  return (
    <ConfirmDialog title="View tape contents" cancel="Close" onClose={onClose} stacked size="wider">
      <p style={{ margin: 0 }}>Tape {barcode}</p>
      {contents.isPending && <Loading label="Reading the tape…" />}
      {contents.isError && <ErrorState error={contents.error} />}
      {contents.data?.length === 0 && <Empty>The tape holds no data sets.</Empty>}
      {contents.data && contents.data.length > 0 && (
        <table aria-label="Data sets" style={{ borderCollapse: 'collapse', fontSize: 13 }}>
          <thead>
            <tr>
              <th style={cell}>Data source</th>
              <th style={cell}>Computer</th>
              <th style={cell}>Time</th>
              <th style={cell}>Size</th>
            </tr>
          </thead>
          <tbody>
            {contents.data.map((d, i) => (
              <tr key={i}>
                <td style={cell}>{d.dataSource}</td>
                <td style={cell}>{d.computer}</td>
                <td style={cell}>{formatTime(d.time)}</td>
                <td style={cell}>{d.sizeGb} GB</td>
              </tr>
            ))}
          </tbody>
        </table>
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
