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
import { rescanLibrary } from './rescan';

function withEncryptedTape(estate: Estate): Estate {
  const tape = estate.tapes['tape-DS2017L8'];
  if (!tape) throw new Error('no DS2017L8');
  return { ...estate, tapes: { ...estate.tapes, [tape.id]: { ...tape, encryptedWith: 'CN=DS2 Tape Encryption' } } };
}

describe('library door and enable', () => {
  it('unlocks and locks the door, refusing the state it is already in', () => {
    const w = new World(demo());
    expectRefusal(w.estate, (s) => setLibraryDoor(s, { libraryId: DS1_LIBRARY, locked: true }, ctxAt()), 'INVALID_STATE', ['Tape Library 1']);
    w.run(setLibraryDoor, { libraryId: DS1_LIBRARY, locked: false });
    expect(w.estate.libraries[DS1_LIBRARY]?.doorLocked).toBe(false);
  });

  it('a disabled library refuses tape work until enabled; disabling refuses while a job runs', () => {
    const w = new World(demo());
    w.run(rescanLibrary, { libraryId: DS1_LIBRARY });
    expectRefusal(w.estate, (s) => setLibraryEnabled(s, { libraryId: DS1_LIBRARY, enabled: false }, ctxAt()), 'CONFLICT', ['Tape Library 1']);
    w.advance(5);
    w.run(setLibraryEnabled, { libraryId: DS1_LIBRARY, enabled: false });
    expectRefusal(w.estate, (s) => identifyUnknownTape(s, { tapeId: 'tape-UNK010L8' }, ctxAt()), 'INVALID_STATE', ['disabled']);
    expectRefusal(w.estate, (s) => setLibraryEnabled(s, { libraryId: DS1_LIBRARY, enabled: false }, ctxAt()), 'INVALID_STATE', ['disabled']);
    w.run(setLibraryEnabled, { libraryId: DS1_LIBRARY, enabled: true });
    expect(w.estate.libraries[DS1_LIBRARY]?.enabled).toBe(true);
  });
});

describe('tapes', () => {
  it('adds a tape through the I/E port into the first free slot, then removes it', () => {
    const w = new World(demo());
    const out = w.run(addTape, { libraryId: DS1_LIBRARY, barcode: 'new100l8', cleaning: false });
    const put = out.changes.find((c) => c.op === 'put' && c.entity === 'tapes');
    const id = put?.op === 'put' && put.entity === 'tapes' ? put.value.id : '';
    expect(w.estate.tapes[id]).toMatchObject({ barcode: 'NEW100L8', slot: 12, headerRead: false });
    expectRefusal(w.estate, (s) => addTape(s, { libraryId: DS1_LIBRARY, barcode: 'NEW100L8', cleaning: false }, ctxAt()), 'CONFLICT', ['NEW100L8']);
    w.run(removeTape, { tapeId: id });
    expect(w.estate.tapes[id]?.location).toBe('Offsite');
    expectRefusal(w.estate, (s) => removeTape(s, { tapeId: id }, ctxAt()), 'INVALID_STATE', ['NEW100L8']);
  });

  it('identifies an unknown tape once', () => {
    const w = new World(demo());
    w.run(identifyUnknownTape, { tapeId: 'tape-UNK010L8' });
    expect(w.estate.tapes['tape-UNK010L8']).toMatchObject({ headerRead: true, free: true });
    expectRefusal(w.estate, (s) => identifyUnknownTape(s, { tapeId: 'tape-UNK010L8' }, ctxAt()), 'INVALID_STATE', ['UNK010L8']);
  });

  it('cleans a drive only with a cleaning tape in the library', () => {
    const w = new World(demo());
    expectRefusal(w.estate, (s) => cleanDrive(s, { libraryId: DS1_LIBRARY }, ctxAt()), 'INVALID_STATE', ['cleaning tape']);
    w.run(addTape, { libraryId: DS1_LIBRARY, barcode: 'CLN001L8', cleaning: true });
    w.run(cleanDrive, { libraryId: DS1_LIBRARY });
    expect(w.jobs('Drive cleaning', { libraryId: DS1_LIBRARY })).toHaveLength(1);
    expectRefusal(w.estate, (s) => cleanDrive(s, { libraryId: DS1_LIBRARY }, ctxAt()), 'CONFLICT', ['Tape Library 1']);
  });

  it('lists the data sets of a tape, and an encrypted tape needs its certificate: TAPE_CERTIFICATE', () => {
    const estate = demo();
    const rows = tapeContents(estate, 'tape-DS1002L8');
    expect(rows).toEqual([expect.objectContaining({ dataSource: 'C:\\', computer: 'PS1' }), expect.objectContaining({ dataSource: 'D:\\', computer: 'PS1' })]);
    const refused = tapeContents(withEncryptedTape(estate), 'tape-DS2017L8');
    expect(isDomainError(refused) && refused.code).toBe('TAPE_CERTIFICATE');
    expect(isDomainError(tapeContents(estate, 'tape-UNK010L8'))).toBe(true);
  });
});
