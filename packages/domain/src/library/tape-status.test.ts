import { describe, expect, it } from 'vitest';
import { demo } from '../fixtures/scenarios';
import type { Tape } from '../model';
import { isCataloged, isImported, tapeStatus } from './tape-status';

const DS1 = { id: 'srv-DS1', generation: 1 };
const tape = (id: string): Tape => {
  const t = demo().tapes[id];
  if (!t) throw new Error(id);
  return t;
};

describe('tapeStatus (Management › Libraries, seed 000)', () => {
  it('shows the demo library as DS1 sees it', () => {
    expect(tapeStatus(tape('tape-DS1001L8'), DS1)).toBe('DS1-DPMDB-Tape-0001');
    expect(tapeStatus(tape('tape-DS2017L8'), DS1)).toBe('Imported');
    expect(tapeStatus(tape('tape-FREE03L8'), DS1)).toBe('Free');
    expect(tapeStatus(tape('tape-UNK010L8'), DS1)).toBe('Unknown');
    expect(tapeStatus({ ...tape('tape-DS1001L8'), suspect: true }, DS1)).toBe('Suspect');
    expect(tapeStatus({ ...tape('tape-FREE03L8'), cleaning: true }, DS1)).toBe('Cleaning');
  });

  it("shows DS1's own tape as Imported once DS1 is reinstalled (a new DPMDB generation)", () => {
    expect(tapeStatus(tape('tape-DS1001L8'), { id: 'srv-DS1', generation: 2 })).toBe('Imported');
    expect(isCataloged(tape('tape-DS1001L8'), { id: 'srv-DS1', generation: 2 })).toBe(false);
    expect(
      isCataloged(
        { ...tape('tape-DS1001L8'), catalogedBy: { serverId: 'srv-DS1', generation: 2 } },
        { id: 'srv-DS1', generation: 2 },
      ),
    ).toBe(true);
  });

  it('never calls a free or blank tape imported', () => {
    expect(isImported(tape('tape-FREE03L8'), DS1)).toBe(false);
    expect(isImported({ ...tape('tape-DS2017L8'), free: true }, DS1)).toBe(false);
    expect(isCataloged(tape('tape-DS1001L8'), DS1)).toBe(true);
  });
});
