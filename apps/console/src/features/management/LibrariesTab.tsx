import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  ToggleButton,
} from '@fluentui/react-components';
import { librariesQuery, serversQuery } from '../../api/queries';
import { api, unwrap } from '../../api/client';
import { useConnectedServer } from '../../shell/server-context';
import { RoleButton } from '../../components/RoleButton';
import { useRole } from '../auth/session';
import { Fields, Panes, PaneTitle } from '../../shell/Panes';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { Empty, ErrorState, Loading } from '../../components/states';
import { CommandFeedback, useCommand } from '../../components/command';
import { formatTime } from '../../shell/format';
import { tapeContentsQuery } from './queries';

const cell = { borderBottom: '1px solid var(--colorNeutralStroke2)', padding: '4px 8px', textAlign: 'left' } as const;

/** View tape contents: the data sets on the tape, or DPM's refusal (TAPE_CERTIFICATE for an encrypted tape). */
function TapeContentsDialog({ serverId, tapeId, barcode, onClose }: { serverId: string; tapeId: string; barcode: string; onClose: () => void }) {
  const contents = useQuery(tapeContentsQuery(serverId, tapeId));
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby={undefined} style={{ maxWidth: 720 }}>
        <DialogBody>
          <DialogTitle>View tape contents</DialogTitle>
          <DialogContent style={{ display: 'grid', gap: 8 }}>
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
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Close</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** Add tape (I/E port): the barcode of the tape the operator inserts. */
function AddTapeDialog({ onAdd, onClose }: { onAdd: (barcode: string, cleaning: boolean) => Promise<unknown>; onClose: () => void }) {
  const [barcode, setBarcode] = useState('');
  const [cleaning, setCleaning] = useState(false);
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Add tape (I/E port)</DialogTitle>
          <DialogContent style={{ display: 'grid', gap: 8 }}>
            <Field label="Barcode">
              <Input value={barcode} onChange={(_, d) => setBarcode(d.value)} />
            </Field>
            <Checkbox label="Cleaning tape" checked={cleaning} onChange={(_, d) => setCleaning(d.checked === true)} />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={barcode.trim() === ''} onClick={() => void onAdd(barcode.trim(), cleaning).then(onClose)}>
              Add tape
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** Management › Libraries: the library, its tapes, and every library and tape operation of console-terms.md. */
export function LibrariesTab() {
  const { serverId } = useConnectedServer();
  const libraries = useQuery(librariesQuery(serverId));
  const servers = useQuery(serversQuery());
  const command = useCommand(serverId);
  const { needs } = useRole();
  const [selectedTape, setSelectedTape] = useState<string | null>(null);
  const [viewing, setViewing] = useState<{ id: string; barcode: string } | null>(null);
  const [adding, setAdding] = useState(false);
  // A DPM server may have several libraries (and stand-alone drives): the one chosen in the Navigation pane.
  const [libraryId, setLibraryId] = useState<string | null>(null);
  const library = libraries.data?.find((l) => l.id === libraryId) ?? libraries.data?.[0];
  type Tape = NonNullable<typeof library>['tapes'][number];
  const tape = library?.tapes.find((t) => t.id === selectedTape);
  const serverName = servers.data?.find((s) => s.id === serverId)?.name ?? '';
  const lib = api.servers[':serverId'].libraries[':libraryId'];
  const tapes = api.servers[':serverId'].tapes[':tapeId'];
  const run = (label: string, call: () => Promise<unknown>) => command.run(label, call);

  const libraryOps = (l: NonNullable<typeof library>) => {
    const param = { serverId, libraryId: l.id };
    return {
      rescan: () => run('Rescan', async () => unwrap(await lib.rescan.$post({ param, json: {} }))),
      inventory: (kind: 'Fast' | 'Detailed') => run(`${kind} inventory`, async () => unwrap(await lib.inventory.$post({ param, json: { kind } }))),
      door: (locked: boolean) => run(locked ? 'Lock library door' : 'Unlock library door', async () => unwrap(await lib.door.$post({ param, json: { locked } }))),
      enabled: (enabled: boolean) => run(enabled ? 'Enable library' : 'Disable library', async () => unwrap(await lib.enabled.$post({ param, json: { enabled } }))),
      clean: () => run('Clean drive', async () => unwrap(await lib['clean-drive'].$post({ param, json: {} }))),
      add: (barcode: string, cleaning: boolean) => run('Add tape (I/E port)', async () => unwrap(await lib.tapes.$post({ param, json: { barcode, cleaning } }))),
    };
  };

  const unknown = 'Run a detailed inventory or Identify unknown tape first.';
  const tapeOps = (t: Tape) => {
    const param = { serverId, tapeId: t.id };
    return [
      { name: 'Recatalog imported tape', run: () => run('Recatalog imported tape', async () => unwrap(await tapes.recatalog.$post({ param, json: {} }))), disabled: needs('Operator') ?? (t.status !== 'Imported' ? 'Only an imported tape is recataloged.' : null) },
      { name: 'Identify unknown tape', run: () => run('Identify unknown tape', async () => unwrap(await tapes.identify.$post({ param, json: {} }))), disabled: needs('Operator') ?? (t.status !== 'Unknown' ? 'Only an unknown tape is identified.' : null) },
      { name: 'View tape contents', run: () => Promise.resolve(setViewing({ id: t.id, barcode: t.barcode || t.id })), disabled: t.status === 'Unknown' ? unknown : null },
      { name: 'Mark as free', run: () => run('Mark as free', async () => unwrap(await tapes['mark-free'].$post({ param, json: {} }))), disabled: needs('Administrator') ?? (t.status === 'Free' ? 'The tape is already free.' : t.status === 'Unknown' ? unknown : null) },
      { name: 'Erase tape', run: () => run('Erase tape', async () => unwrap(await tapes.erase.$post({ param, json: {} }))), disabled: needs('Administrator') ?? (t.status === 'Unknown' ? unknown : null) },
      { name: 'Remove tape', run: () => run('Remove tape', async () => unwrap(await tapes.remove.$post({ param, json: {} }))), disabled: needs('Administrator') ?? (t.location === 'Offsite' ? 'The tape is not in the library.' : null) },
    ];
  };

  const columns = useMemo<Column<Tape>[]>(
    () => [
      { key: 'slot', header: 'Slot', width: '60px', render: (t) => (t.slot === null ? t.location : String(t.slot)) },
      { key: 'barcode', header: 'Barcode', width: '110px', render: (t) => t.barcode || '—' },
      { key: 'label', header: 'Label', width: 'minmax(160px, 1.5fr)', render: (t) => t.label ?? '—' },
      { key: 'status', header: 'Status', width: 'minmax(140px, 1fr)', render: (t) => (t.location === 'Offsite' ? 'Removed' : t.status) },
      { key: 'sets', header: 'Data Sets', width: '90px', render: (t) => String(t.dataSets) },
      { key: 'expiry', header: 'Expiry', width: '170px', render: (t) => formatTime(t.expiry) },
      { key: 'writer', header: 'Written by', width: '100px', render: (t) => t.writtenBy ?? '—' },
    ],
    [],
  );
  const ops = library ? libraryOps(library) : null;

  return (
    <Panes
      nav={
        <div style={{ padding: 8 }}>
          <PaneTitle>Libraries</PaneTitle>
          {libraries.data?.map((l) => (
            <section key={l.id} aria-label={l.name} style={{ marginBottom: 8 }}>
              <ToggleButton appearance="subtle" checked={l.id === library?.id} onClick={() => { setLibraryId(l.id); setSelectedTape(null); }} style={{ fontWeight: 600 }}>
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
          {libraries.data?.length === 0 && <Empty>No tape library is attached to {serverName}.</Empty>}
          {library && (
            <VirtualTable
              label="Tapes"
              rows={library.tapes}
              getId={(t) => t.id}
              columns={columns}
              selectedId={selectedTape}
              onSelect={(t) => setSelectedTape(t.id)}
              menu={(t) =>
                tapeOps(t).map((o) => (
                  <MenuItem key={o.name} disabled={o.disabled !== null} title={o.disabled ?? undefined} onClick={() => void o.run()}>
                    {o.name}
                  </MenuItem>
                ))
              }
            />
          )}
          {viewing && <TapeContentsDialog serverId={serverId} tapeId={viewing.id} barcode={viewing.barcode} onClose={() => setViewing(null)} />}
          {adding && ops && <AddTapeDialog onAdd={ops.add} onClose={() => setAdding(false)} />}
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
        library && ops ? (
          <div style={{ display: 'grid', gap: 6 }}>
            <PaneTitle>Library</PaneTitle>
            <RoleButton needs="Operator" onClick={() => void ops.rescan()}>Rescan</RoleButton>
            <Menu>
              <MenuTrigger disableButtonEnhancement>
                <RoleButton needs="Operator">Inventory libraries…</RoleButton>
              </MenuTrigger>
              <MenuPopover>
                <MenuList>
                  <MenuItem onClick={() => void ops.inventory('Fast')}>Fast inventory</MenuItem>
                  <MenuItem onClick={() => void ops.inventory('Detailed')}>Detailed inventory</MenuItem>
                </MenuList>
              </MenuPopover>
            </Menu>
            <RoleButton needs="Administrator" onClick={() => setAdding(true)}>Add tape (I/E port)</RoleButton>
            {library.doorLocked ? <RoleButton needs="Administrator" onClick={() => void ops.door(false)}>Unlock library door</RoleButton> : <RoleButton needs="Administrator" onClick={() => void ops.door(true)}>Lock library door</RoleButton>}
            <RoleButton needs="Operator" onClick={() => void ops.clean()}>Clean drive</RoleButton>
            {library.enabled ? <RoleButton needs="Administrator" onClick={() => void ops.enabled(false)}>Disable library</RoleButton> : <RoleButton needs="Administrator" onClick={() => void ops.enabled(true)}>Enable library</RoleButton>}
            {tape && (
              <>
                <PaneTitle>Tape</PaneTitle>
                {tapeOps(tape).map((o) => (
                  <Button key={o.name} disabled={o.disabled !== null} title={o.disabled ?? undefined} onClick={() => void o.run()}>
                    {o.name}
                  </Button>
                ))}
              </>
            )}
          </div>
        ) : undefined
      }
    />
  );
}
