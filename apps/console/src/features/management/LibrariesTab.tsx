import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Menu,
  MenuList,
  MenuPopover,
  MenuTrigger,
  ToggleButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { librariesQuery } from './queries';
import { serverOperationsQuery, serversQuery } from '../servers/queries';
import { useConnectedServer } from '../../shell/server-context';
import { OperationButton, OperationButtons, offerOf, reasonOf, type Offer } from '../../components/operations';
import { OperationMenuItem } from '../../components/OperationMenuItem';
import { Fields, Panes, PaneTitle } from '../../shell/Panes';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { Empty, ErrorState, Loading } from '../../components/states';
import { CommandFeedback, useCommand } from '../../components/command';
import { formatTime } from '../../shell/format';
import { rescanLibraries, inventory, lockDoor, enableLibrary, cleanDrive, addTape, tapeCommand } from './commands';

import { AddTapeDialog, TapeContentsDialog } from './TapeDialogs';
import { useLayoutStyles } from '../../components/layout';

/** Management › Libraries: the library, its tapes, and every library and tape operation of console-terms.md. */
const useStyles = makeStyles({
  nav: { padding: tokens.spacingHorizontalS },
  library: { marginBottom: tokens.spacingVerticalS },
});

export function LibrariesTab() {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { serverId } = useConnectedServer();
  const libraries = useQuery(librariesQuery(serverId));
  const servers = useQuery(serversQuery());
  const serverOps = useQuery(serverOperationsQuery(serverId));
  const rescanOffer = offerOf(serverOps.data, 'libraries.rescan');
  const command = useCommand(serverId);
  const [selectedTape, setSelectedTape] = useState<string | null>(null);
  const [viewing, setViewing] = useState<{ id: string; barcode: string } | null>(null);
  const [adding, setAdding] = useState(false);
  // A DPM server may have several libraries (and stand-alone drives): the one chosen in the Navigation pane.
  const [libraryId, setLibraryId] = useState<string | null>(null);
  const library = libraries.data?.find((l) => l.id === libraryId) ?? libraries.data?.[0];
  type Tape = NonNullable<typeof library>['tapes'][number];
  const tape = library?.tapes.find((t) => t.id === selectedTape);
  const serverName = servers.data?.find((s) => s.id === serverId)?.name ?? '';
  const run = (label: string, call: () => Promise<unknown>) => command.run(label, call);

  type LibraryRow = NonNullable<typeof library>;
  /** A library's operation, as the server offers it; one with a dialog opens it. */
  const onLibrary = (offer: Offer, l: LibraryRow) => {
    const expectedRevision = l.revision.n;
    switch (offer.id) {
      case 'libraries.fast-inventory':
      case 'libraries.detailed-inventory': {
        const kind = offer.id === 'libraries.fast-inventory' ? 'Fast' : 'Detailed';
        return run(offer.name, () => inventory(serverId, l.id, kind));
      }
      case 'libraries.lock-door':
      case 'libraries.unlock-door': {
        const locked = offer.id === 'libraries.lock-door';
        return run(offer.name, () => lockDoor(serverId, l.id, locked, expectedRevision));
      }
      case 'libraries.disable':
      case 'libraries.enable': {
        const enabled = offer.id === 'libraries.enable';
        return run(offer.name, () => enableLibrary(serverId, l.id, enabled, expectedRevision));
      }
      case 'libraries.clean-drive':
        return run(offer.name, () => cleanDrive(serverId, l.id));
      case 'libraries.add-tape':
        return setAdding(true);
      default:
        return undefined;
    }
  };
  /** Rescan: the server detects its libraries (after a reinstall, the only way its new database learns of them). */
  const rescan = (offer: Offer) => run(offer.name, () => rescanLibraries(serverId));
  const addTapeTo = (l: LibraryRow) => (barcode: string, cleaning: boolean) =>
    run('Add tape (I/E port)', () => addTape(serverId, l.id, barcode, cleaning));

  /** A tape's operation, as the server offers it. */
  const onTape = (offer: Offer, t: Tape) => {
    switch (offer.id) {
      case 'tapes.recatalog':
        return run(offer.name, () => tapeCommand(serverId, t.id, 'recatalog'));
      case 'tapes.identify':
        return run(offer.name, () => tapeCommand(serverId, t.id, 'identify'));
      case 'tapes.view-contents':
        return setViewing({ id: t.id, barcode: t.barcode || t.id });
      case 'tapes.mark-free':
        return run(offer.name, () => tapeCommand(serverId, t.id, 'mark-free'));
      case 'tapes.erase':
        return run(offer.name, () => tapeCommand(serverId, t.id, 'erase'));
      case 'tapes.remove':
        return run(offer.name, () => tapeCommand(serverId, t.id, 'remove'));
      default:
        return undefined;
    }
  };
  /** Library operations shown as their own buttons; the inventories sit in the Inventory libraries… menu. */
  const INVENTORIES = ['libraries.fast-inventory', 'libraries.detailed-inventory'];

  const columns = useMemo<Column<Tape>[]>(
    () => [
      { key: 'slot', header: 'Slot', width: '60px', render: (t) => (t.slot === null ? t.location : String(t.slot)) },
      { key: 'barcode', header: 'Barcode', width: '110px', render: (t) => t.barcode || '—' },
      { key: 'label', header: 'Label', width: 'minmax(160px, 1.5fr)', render: (t) => t.label ?? '—' },
      {
        key: 'status',
        header: 'Status',
        width: 'minmax(140px, 1fr)',
        render: (t) => (t.location === 'Offsite' ? 'Removed' : t.status),
      },
      { key: 'sets', header: 'Data Sets', width: '90px', render: (t) => String(t.dataSets) },
      { key: 'expiry', header: 'Expiry', width: '170px', render: (t) => formatTime(t.expiry) },
      { key: 'writer', header: 'Written by', width: '100px', render: (t) => t.writtenBy ?? '—' },
    ],
    [],
  );

  return (
    <Panes
      nav={
        <div className={styles.nav}>
          <PaneTitle>Libraries</PaneTitle>
          {libraries.data?.map((l) => (
            <section key={l.id} aria-label={l.name} className={styles.library}>
              <ToggleButton
                appearance="subtle"
                checked={l.id === library?.id}
                onClick={() => {
                  setLibraryId(l.id);
                  setSelectedTape(null);
                }}
                className={layout.strong}
              >
                {l.name}
              </ToggleButton>
              <Fields
                items={[
                  ['Library', l.name],
                  ['Drives', l.drives.map((d) => `${d.name}${d.needsCleaning ? ' (needs cleaning)' : ''}`).join(', ')],
                  ['Slots', String(l.slots)],
                  ['Door', l.doorLocked ? 'Locked' : 'Unlocked'],
                  ['State', l.enabled ? (l.available ? 'Enabled' : 'Not available') : 'Disabled'],
                  ['Last rescan', formatTime(l.lastRescanAt)],
                ]}
              />
            </section>
          ))}
        </div>
      }
      display={
        <>
          <CommandFeedback command={command} />
          {libraries.isPending && <Loading label="Loading libraries…" />}
          {libraries.isError && <ErrorState error={libraries.error} />}
          {libraries.data?.length === 0 && (
            <Empty>{serverName} knows no tape library. Click Rescan to detect the libraries attached to it.</Empty>
          )}
          {library && (
            <VirtualTable
              label="Tapes"
              rows={library.tapes}
              getId={(t) => t.id}
              columns={columns}
              selectedId={selectedTape}
              onSelect={(t) => setSelectedTape(t.id)}
              menu={(t) =>
                t.operations.map((o) => (
                  <OperationMenuItem key={o.id} offer={o} onChoose={(offer) => void onTape(offer, t)} />
                ))
              }
            />
          )}
          {viewing && (
            <TapeContentsDialog
              serverId={serverId}
              tapeId={viewing.id}
              barcode={viewing.barcode}
              onClose={() => setViewing(null)}
            />
          )}
          {adding && library && <AddTapeDialog onAdd={addTapeTo(library)} onClose={() => setAdding(false)} />}
        </>
      }
      details={
        tape ? (
          <Fields
            items={[
              ['Barcode', tape.barcode || '—'],
              ['Label', tape.label ?? '—'],
              ['Status', tape.status],
              ['Location', tape.location],
              ['Data sets', String(tape.dataSets)],
              ['Written by', tape.writtenBy ?? '—'],
              ['Encrypted', tape.encrypted ? 'Yes' : 'No'],
              ['Holds a DPM database backup', tape.hasDatabaseBackup ? 'Yes' : 'No'],
            ]}
          />
        ) : (
          <Empty>Select a tape to see its details.</Empty>
        )
      }
      actions={
        <div className={layout.stack}>
          <PaneTitle>Libraries</PaneTitle>
          <OperationButton offer={rescanOffer} onClick={() => rescanOffer && void rescan(rescanOffer)} />
          {library && (
            <>
              <PaneTitle>Library</PaneTitle>
              <Menu>
                <MenuTrigger disableButtonEnhancement>
                  <Button
                    disabledFocusable={INVENTORIES.every((id) => !offerOf(library.operations, id)?.enabled)}
                    title={reasonOf(offerOf(library.operations, INVENTORIES[0] ?? ''))}
                  >
                    Inventory libraries…
                  </Button>
                </MenuTrigger>
                <MenuPopover>
                  <MenuList>
                    {library.operations
                      .filter((o) => INVENTORIES.includes(o.id))
                      .map((o) => (
                        <OperationMenuItem key={o.id} offer={o} onChoose={(offer) => void onLibrary(offer, library)} />
                      ))}
                  </MenuList>
                </MenuPopover>
              </Menu>
              <OperationButtons
                offers={library.operations.filter((o) => !INVENTORIES.includes(o.id))}
                onChoose={(offer) => void onLibrary(offer, library)}
              />
              {tape && (
                <>
                  <PaneTitle>Tape</PaneTitle>
                  <OperationButtons offers={tape.operations} onChoose={(offer) => void onTape(offer, tape)} />
                </>
              )}
            </>
          )}
        </div>
      }
    />
  );
}
