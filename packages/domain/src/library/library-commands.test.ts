import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors';
import { demo } from '../fixtures/scenarios';
import { DS1_LIBRARY, World, ctxAt, expectRefusal } from '../test-support';
import type { Estate } from '../model';
import { setLibraryDoor } from './set-library-door';
import { setLibraryEnabled } from './set-library-enabled';
import { cleanDrive } from './clean-drive';
import { addTape } from './add-tape';
import { removeTape } from './remove-tape';
import { identifyUnknownTape } from './identify-unknown-tape';
import { tapeContents } from './tape-contents';
import { inventoryLibrary } from './inventory';

function withEncryptedTape(estate: Estate): Estate {
  const tape = estate.tapes['tape-DS2017L8'];
  if (!tape) throw new Error('no DS2017L8');
  return { ...estate, tapes: { ...estate.tapes, [tape.id]: { ...tape, encryptedWith: 'CN=DS2 Tape Encryption' } } };
}

/** The same tape, as if DS1 had recataloged it: its contents are known, still encrypted. */
function withEncryptedRecatalogedTape(estate: Estate): Estate {
  const e = withEncryptedTape(estate);
  const tape = e.tapes['tape-DS2017L8'];
  if (!tape) throw new Error('no DS2017L8');
  return { ...e, tapes: { ...e.tapes, [tape.id]: { ...tape, catalogedBy: { serverId: 'srv-DS1', generation: 1 } } } };
}

describe('library door and enable', () => {
  it('unlocks and locks the door, refusing the state it is already in', () => {
    const w = new World(demo());
    expectRefusal(
      w.estate,
      (s) => setLibraryDoor(s, { serverId: 'srv-DS1', libraryId: DS1_LIBRARY, locked: true }, ctxAt()),
      'INVALID_STATE',
      ['Tape Library 1'],
    );
    w.run(setLibraryDoor, { serverId: 'srv-DS1', libraryId: DS1_LIBRARY, locked: false });
    expect(w.estate.libraries[DS1_LIBRARY]?.doorLocked).toBe(false);
  });

  it('a disabled library refuses tape work until enabled; disabling refuses while a job runs', () => {
    const w = new World(demo());
    w.run(inventoryLibrary, { serverId: 'srv-DS1', libraryId: DS1_LIBRARY, kind: 'Fast' });
    expectRefusal(
      w.estate,
      (s) => setLibraryEnabled(s, { serverId: 'srv-DS1', libraryId: DS1_LIBRARY, enabled: false }, ctxAt()),
      'CONFLICT',
      ['Tape Library 1'],
    );
    w.advance(15);
    w.run(setLibraryEnabled, { serverId: 'srv-DS1', libraryId: DS1_LIBRARY, enabled: false });
    expectRefusal(
      w.estate,
      (s) => identifyUnknownTape(s, { serverId: 'srv-DS1', tapeId: 'tape-UNK010L8' }, ctxAt()),
      'INVALID_STATE',
      ['disabled'],
    );
    expectRefusal(
      w.estate,
      (s) => setLibraryEnabled(s, { serverId: 'srv-DS1', libraryId: DS1_LIBRARY, enabled: false }, ctxAt()),
      'INVALID_STATE',
      ['disabled'],
    );
    w.run(setLibraryEnabled, { serverId: 'srv-DS1', libraryId: DS1_LIBRARY, enabled: true });
    expect(w.estate.libraries[DS1_LIBRARY]?.enabled).toBe(true);
  });
});

describe('tapes', () => {
  it('adds a tape through the I/E port into the first free slot, then removes it', () => {
    const w = new World(demo());
    const out = w.run(addTape, { serverId: 'srv-DS1', libraryId: DS1_LIBRARY, barcode: 'new100l8', cleaning: false });
    const put = out.changes.find((c) => c.op === 'put' && c.entity === 'tapes');
    const id = put?.op === 'put' && put.entity === 'tapes' ? put.value.id : '';
    expect(w.estate.tapes[id]).toMatchObject({ barcode: 'NEW100L8', slot: 18, headerRead: false });
    expectRefusal(
      w.estate,
      (s) => addTape(s, { serverId: 'srv-DS1', libraryId: DS1_LIBRARY, barcode: 'NEW100L8', cleaning: false }, ctxAt()),
      'CONFLICT',
      ['NEW100L8'],
    );
    w.run(removeTape, { serverId: 'srv-DS1', tapeId: id });
    expect(w.estate.tapes[id]?.location).toBe('Offsite');
    expectRefusal(w.estate, (s) => removeTape(s, { serverId: 'srv-DS1', tapeId: id }, ctxAt()), 'INVALID_STATE', [
      'NEW100L8',
    ]);
  });

  it('identifies an unknown tape once', () => {
    const w = new World(demo());
    w.run(identifyUnknownTape, { serverId: 'srv-DS1', tapeId: 'tape-UNK010L8' });
    expect(w.estate.tapes['tape-UNK010L8']).toMatchObject({ headerRead: true, free: true });
    expectRefusal(
      w.estate,
      (s) => identifyUnknownTape(s, { serverId: 'srv-DS1', tapeId: 'tape-UNK010L8' }, ctxAt()),
      'INVALID_STATE',
      ['UNK010L8'],
    );
  });

  it('cleans a drive only with a cleaning tape in the library', () => {
    const w = new World(demo());
    expectRefusal(
      w.estate,
      (s) => cleanDrive(s, { serverId: 'srv-DS1', libraryId: DS1_LIBRARY }, ctxAt()),
      'INVALID_STATE',
      ['cleaning tape'],
    );
    w.run(addTape, { serverId: 'srv-DS1', libraryId: DS1_LIBRARY, barcode: 'CLN001L8', cleaning: true });
    w.run(cleanDrive, { serverId: 'srv-DS1', libraryId: DS1_LIBRARY });
    expect(w.jobs('Drive cleaning', { libraryId: DS1_LIBRARY })).toHaveLength(1);
    expectRefusal(
      w.estate,
      (s) => cleanDrive(s, { serverId: 'srv-DS1', libraryId: DS1_LIBRARY }, ctxAt()),
      'CONFLICT',
      ['Tape Library 1'],
    );
  });

  it('lists the data sets of a tape, and an encrypted tape needs its certificate: TAPE_CERTIFICATE', () => {
    const estate = demo();
    const rows = tapeContents(estate, { serverId: 'srv-DS1', tapeId: 'tape-DS1002L8' });
    expect(rows).toEqual([
      expect.objectContaining({ dataSource: 'C:\\', computer: 'PS1' }),
      expect.objectContaining({ dataSource: 'D:\\', computer: 'PS1' }),
    ]);
    const refused = tapeContents(withEncryptedRecatalogedTape(estate), {
      serverId: 'srv-DS1',
      tapeId: 'tape-DS2017L8',
    });
    expect(isDomainError(refused) && refused.code).toBe('TAPE_CERTIFICATE');
    expect(isDomainError(tapeContents(estate, { serverId: 'srv-DS1', tapeId: 'tape-UNK010L8' }))).toBe(true);
  });

  it("shows an imported tape's contents only once it is recataloged: NOT_CATALOGED (seeds 000, 001)", () => {
    const refused = tapeContents(demo(), { serverId: 'srv-DS1', tapeId: 'tape-DS2017L8' });
    expect(isDomainError(refused) && refused.code).toBe('NOT_CATALOGED');
    expect(isDomainError(tapeContents(demo(), { serverId: 'srv-DS2', tapeId: 'tape-DS1002L8' })) && 'NOT_FOUND').toBe(
      'NOT_FOUND',
    );
  });
});
