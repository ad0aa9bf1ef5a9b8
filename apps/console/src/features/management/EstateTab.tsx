import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Field, Input, makeStyles, mergeClasses } from '@fluentui/react-components';
import { useConnectedServer } from '../../shell/server-context';
import { OperationButton, OperationButtons, offerOf, type Offer } from '../../components/operations';
import { Panes, PaneTitle } from '../../shell/Panes';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { ErrorState, Loading } from '../../components/states';
import { CommandFeedback, useCommand } from '../../components/command';
import { formatGb } from '../../shell/format';
import { estateQuery } from './queries';
import { parseVersion } from '../../shell/format';
import { setVssWriter, removeDpmServer, uncleanShutdown, removeComputer, addDpmServer, addComputer } from './commands';
import { useLayoutStyles } from '../../components/layout';

/**
 * Management › Estate: beyond DPM, the simulated domain. Add and remove computers and DPM
 * servers, start or stop a server's SQL Server VSS Writer service (VSS_WRITER_STOPPED), and
 * simulate an unclean shutdown (its replicas become inconsistent until a consistency check).
 */
const useStyles = makeStyles({
  servers: { flex: 1, minHeight: '160px' },
  computers: { flex: 2, minHeight: '200px' },
});

export function EstateTab() {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { serverId } = useConnectedServer();
  const estate = useQuery(estateQuery());
  const command = useCommand(serverId);
  const [name, setName] = useState('');
  const [fqdn, setFqdn] = useState('');
  const [version, setVersion] = useState('10.19.260');
  const [rollup, setRollup] = useState('1');
  const [selected, setSelected] = useState<string | null>(null);
  type ServerRow = NonNullable<typeof estate.data>['servers'][number];
  type ComputerRow = NonNullable<typeof estate.data>['computers'][number];
  const server = estate.data?.servers.find((s) => s.id === selected);
  const computer = estate.data?.computers.find((c) => c.id === selected && c.dpmServerId === null);
  const v = parseVersion(version, rollup);
  // The selected computer, or the computer of the selected DPM server: either can shut down uncleanly.
  const shutdownOf =
    computer ?? estate.data?.computers.find((c) => server !== undefined && c.dpmServerId === server.id);
  /** The estate's operations on a DPM server or a computer, as the server offers them. */
  const perform = (offer: Offer, target: { serverId?: string; computerId?: string }) => {
    const { serverId: sid = '', computerId = '' } = target;
    switch (offer.id) {
      case 'estate.start-vss-writer':
      case 'estate.stop-vss-writer':
        return command.run(offer.name, () =>
          setVssWriter(sid, offer.id === 'estate.start-vss-writer' ? 'Running' : 'Stopped'),
        );
      case 'estate.remove-dpm-server':
        return command.run(offer.name, () => removeDpmServer(sid));
      case 'estate.unclean-shutdown':
        return command.run(offer.name, () => uncleanShutdown(computerId));
      case 'estate.remove-computer':
        return command.run(offer.name, () => removeComputer(computerId));
      default:
        return undefined;
    }
  };
  const inEstate = (o: Offer) => o.area === 'Estate';
  const serverColumns: Column<ServerRow>[] = [
    { key: 'name', header: 'DPM server', width: '110px', render: (s) => s.name },
    { key: 'fqdn', header: 'FQDN', width: 'minmax(160px, 1fr)', render: (s) => s.fqdn },
    { key: 'version', header: 'DPM version', width: '150px', render: (s) => s.version },
    { key: 'state', header: 'State', width: '90px', render: (s) => s.state },
    { key: 'vss', header: 'SQL Server VSS Writer', width: '150px', render: (s) => s.vssWriter },
    { key: 'pool', header: 'Storage pool', width: '110px', render: (s) => formatGb(s.storagePoolGb) },
  ];
  const computerColumns: Column<ComputerRow>[] = [
    { key: 'name', header: 'Computer', width: '120px', render: (c) => c.name },
    { key: 'fqdn', header: 'FQDN', width: 'minmax(160px, 1fr)', render: (c) => c.fqdn },
    { key: 'owner', header: 'Agent owner', width: '120px', render: (c) => c.agentOwner ?? '—' },
    { key: 'sources', header: 'Data sources', width: '110px', render: (c) => String(c.dataSources) },
  ];
  const add = (kind: 'computer' | 'server') =>
    void command.run(kind === 'server' ? 'Add DPM server' : 'Add computer', () =>
      kind === 'server' && v ? addDpmServer(name.trim(), fqdn.trim(), v) : addComputer(name.trim(), fqdn.trim()),
    );
  return (
    <Panes
      display={
        <div className={mergeClasses(layout.column, layout.spaced)}>
          <CommandFeedback command={command} />
          {estate.isPending && <Loading label="Loading the estate…" />}
          {estate.isError && <ErrorState error={estate.error} />}
          {estate.data && (
            <>
              <div className={styles.servers}>
                <VirtualTable
                  label="DPM servers"
                  rows={estate.data.servers}
                  getId={(s) => s.id}
                  columns={serverColumns}
                  selectedId={selected}
                  onSelect={(s) => setSelected(s.id)}
                />
              </div>
              <div className={styles.computers}>
                <VirtualTable
                  label="Computers"
                  rows={estate.data.computers.filter((c) => c.dpmServerId === null)}
                  getId={(c) => c.id}
                  columns={computerColumns}
                  selectedId={selected}
                  onSelect={(c) => setSelected(c.id)}
                />
              </div>
            </>
          )}
        </div>
      }
      actions={
        <div className={layout.stack}>
          <PaneTitle>Estate</PaneTitle>
          <Field label="Name">
            <Input value={name} onChange={(_, d) => setName(d.value)} />
          </Field>
          <Field label="FQDN">
            <Input value={fqdn} onChange={(_, d) => setFqdn(d.value)} placeholder="name.contoso.com" />
          </Field>
          <Field label="DPM version">
            <Input value={version} onChange={(_, d) => setVersion(d.value)} />
          </Field>
          <Field label="Update rollup">
            <Input value={rollup} onChange={(_, d) => setRollup(d.value)} />
          </Field>
          <OperationButton
            offer={offerOf(estate.data?.operations, 'estate.add-computer')}
            disabled={name.trim() === '' || fqdn.trim() === ''}
            onClick={() => add('computer')}
          />
          <OperationButton
            offer={offerOf(estate.data?.operations, 'estate.add-dpm-server')}
            disabled={name.trim() === '' || fqdn.trim() === '' || v === null}
            onClick={() => add('server')}
          />
          {server && (
            <>
              <PaneTitle>{server.name}</PaneTitle>
              <OperationButtons
                offers={server.operations}
                onChoose={(offer) => void perform(offer, { serverId: server.id })}
              />
              {shutdownOf && (
                <OperationButtons
                  offers={shutdownOf.operations.filter((o) => inEstate(o) && o.id !== 'estate.remove-computer')}
                  onChoose={(offer) => void perform(offer, { computerId: shutdownOf.id })}
                />
              )}
            </>
          )}
          {computer && (
            <>
              <PaneTitle>{computer.name}</PaneTitle>
              <OperationButtons
                offers={computer.operations.filter(inEstate)}
                onChoose={(offer) => void perform(offer, { computerId: computer.id })}
              />
            </>
          )}
        </div>
      }
    />
  );
}
