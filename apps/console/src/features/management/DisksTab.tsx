import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Field, Input, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { disksQuery } from './queries';
import { serverOperationsQuery } from '../servers/queries';
import { useConnectedServer } from '../../shell/server-context';
import { OperationButton, OperationButtons, offerOf, type Offer } from '../../components/operations';
import { Fields, Panes, PaneTitle } from '../../shell/Panes';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { Empty, ErrorState, Loading } from '../../components/states';
import { CommandFeedback, useCommand } from '../../components/command';
import { formatGb } from '../../shell/format';
import { poolReplicasQuery } from './queries';
import { addDisk, diskCommand } from './commands';
import { useLayoutStyles } from '../../components/layout';

/**
 * Management › Disks: the storage pool's disks with their capacity, allocated and free space, the
 * replicas that use each; Add disk, Remove disk, and Simulate disk failure (a rehearsal: the
 * replicas on the disk become Replica is missing until DpmSync -ReallocateReplica).
 */
const useStyles = makeStyles({
  pool: { padding: tokens.spacingHorizontalM },
  allocated: { marginTop: tokens.spacingVerticalM, maxWidth: '400px' },
  disks: { marginTop: tokens.spacingVerticalM },
  replicas: { flex: 1, minHeight: '200px' },
});

export function DisksTab() {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { serverId } = useConnectedServer();
  const disks = useQuery(disksQuery(serverId));
  const replicas = useQuery(poolReplicasQuery(serverId));
  const command = useCommand(serverId);
  const serverOps = useQuery(serverOperationsQuery(serverId));
  const [size, setSize] = useState('1000');
  const [selected, setSelected] = useState<string | null>(null);
  type Row = NonNullable<typeof replicas.data>[number];
  type DiskRow = NonNullable<typeof disks.data>['disks'][number];
  const disk = disks.data?.disks.find((k) => k.id === selected);
  const diskColumns: Column<DiskRow>[] = [
    { key: 'name', header: 'Disk', width: '90px', render: (k) => k.name },
    { key: 'size', header: 'Capacity', width: '110px', render: (k) => formatGb(k.sizeGb) },
    { key: 'allocated', header: 'Allocated', width: '110px', render: (k) => formatGb(k.allocatedGb) },
    { key: 'free', header: 'Free', width: '110px', render: (k) => formatGb(k.freeGb) },
    { key: 'replicas', header: 'Replicas', width: '90px', render: (k) => String(k.replicas) },
    { key: 'state', header: 'State', width: 'minmax(90px, 1fr)', render: (k) => (k.missing ? 'Missing' : 'Healthy') },
  ];
  const onDisk = (offer: Offer, k: DiskRow) => {
    switch (offer.id) {
      case 'disks.simulate-failure':
        return command.run(offer.name, () => diskCommand(serverId, k.id, 'simulate-failure'));
      case 'disks.remove':
        return command.run(offer.name, () => diskCommand(serverId, k.id, 'remove'));
      default:
        return undefined;
    }
  };
  const columns: Column<Row>[] = [
    { key: 'ds', header: 'Data Source', width: 'minmax(180px, 2fr)', render: (r) => r.dataSource },
    { key: 'computer', header: 'Computer', width: '120px', render: (r) => r.computer },
    { key: 'allocated', header: 'Allocated', width: '110px', render: (r) => formatGb(r.allocatedGb) },
    { key: 'disks', header: 'Disks', width: '120px', render: (r) => r.disks.join(', ') || '—' },
    {
      key: 'status',
      header: 'Protection Status',
      width: 'minmax(160px, 1fr)',
      render: (r) => (r.inStoragePool ? r.status : `${r.status} (not in the pool)`),
    },
  ];
  const sizeGb = Number(size);
  return (
    <Panes
      display={
        <div className={layout.column}>
          <CommandFeedback command={command} />
          <div className={styles.pool}>
            {disks.isPending && <Loading label="Loading the storage pool…" />}
            {disks.isError && <ErrorState error={disks.error} />}
            {disks.data && (
              <>
                <PaneTitle>Storage pool</PaneTitle>
                <Fields
                  items={[
                    ['Total capacity', formatGb(disks.data.storagePoolGb)],
                    ['Allocated', formatGb(disks.data.allocatedGb)],
                    ['Unallocated', formatGb(disks.data.freeGb)],
                    ['Replica volumes', String(disks.data.replicas)],
                  ]}
                />
                <ProgressBar
                  value={disks.data.storagePoolGb > 0 ? disks.data.allocatedGb / disks.data.storagePoolGb : 0}
                  aria-label="Storage pool allocated"
                  className={styles.allocated}
                />
                <div className={styles.disks} style={{ height: Math.min(240, 44 + 34 * disks.data.disks.length) }}>
                  <VirtualTable
                    label="Disks"
                    rows={disks.data.disks}
                    getId={(k) => k.id}
                    columns={diskColumns}
                    selectedId={selected}
                    onSelect={(k) => setSelected(k.id)}
                  />
                </div>
              </>
            )}
          </div>
          <div className={styles.replicas}>
            {replicas.data?.length === 0 && <Empty>No replica uses the storage pool.</Empty>}
            {replicas.data && replicas.data.length > 0 && (
              <VirtualTable
                label="Replicas in the storage pool"
                rows={replicas.data}
                getId={(r) => r.id}
                columns={columns}
              />
            )}
          </div>
        </div>
      }
      actions={
        <div className={layout.stack}>
          <PaneTitle>Disks</PaneTitle>
          <Field label="Disk size (GB)">
            <Input type="number" value={size} onChange={(_, d) => setSize(d.value)} />
          </Field>
          <OperationButton
            offer={offerOf(serverOps.data, 'disks.add')}
            disabled={!Number.isInteger(sizeGb) || sizeGb < 1}
            onClick={() => void command.run('Add disk', () => addDisk(serverId, sizeGb))}
          />
          {disk && (
            <>
              <PaneTitle>{disk.name}</PaneTitle>
              <OperationButtons offers={disk.operations} onChoose={(offer) => void onDisk(offer, disk)} />
            </>
          )}
        </div>
      }
    />
  );
}
