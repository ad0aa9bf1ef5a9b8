/**
 * What DPM offers on a member in each protection status, and on a tape in each of its states, as
 * its context menu and Actions pane show it: the catalogue's offers for an Administrator checked
 * against DPM's documentation (seeds 000 to 002 and the replica state machine of the model). A
 * change to a precondition that changes what an administrator is offered fails here, where the
 * table says why DPM offers it.
 */
import { describe, expect, it } from 'vitest';
import { FIXTURE_EPOCH, demo, scenario1 } from '../fixtures/scenarios';
import type { Estate, ProtectionStatus } from '../model';
import { PROTECTION_STATUSES } from '../model';
import { viewOf } from '../view';
import { availableOperations } from './catalogue';
import { tapeStatus } from '../library/tape-status';
import { structuredCopy } from '../test-support';

const ADMIN = { name: 'admin', role: 'Administrator' as const };
const PRIMARY_MEMBER = 'rep-DS1-PS1-C';

/** The member in `status`, as the model reaches it (an inactive replica has left its group). */
function memberIn(status: ProtectionStatus, dataRestored = false): Estate {
  const e = structuredCopy(scenario1());
  const r = e.replicas[PRIMARY_MEMBER];
  if (!r) throw new Error('no member');
  e.replicas[r.id] = {
    ...r,
    status,
    dataRestored,
    groupId: status === 'Inactive replica available' ? null : r.groupId,
  };
  return e;
}

function enabledOn(e: Estate): string[] {
  return availableOperations(viewOf(e), 'member', { serverId: 'srv-DS1', replicaId: PRIMARY_MEMBER }, ADMIN)
    .filter((o) => o.enabled)
    .map((o) => o.name);
}

const EDIT = ['Modify protection group', 'Modify disk allocation', 'Stop protection of member'];

/** Per status, what is enabled on a member the server protects directly, and why DPM says so. */
const MEMBER_OFFERS: Record<ProtectionStatus, { enabled: string[]; why: string }> = {
  OK: {
    enabled: ['Create recovery point', 'Perform consistency check', ...EDIT],
    why: 'a consistent replica takes recovery points and may be checked at any time',
  },
  'Replica creation pending': { enabled: EDIT, why: 'nothing to check or copy before the initial replica exists' },
  'Manual replica creation pending': {
    enabled: [...EDIT, 'Restore to replica'],
    why: 'seed 000: only a replica with this status can be recovered to; the data is copied before any check',
  },
  'Replica is inconsistent': {
    enabled: ['Perform consistency check', ...EDIT],
    why: 'seed 000 / 001: a consistency check makes it consistent; no recovery point from an inconsistent replica',
  },
  'Replica inconsistent, verification in progress': {
    enabled: ['Perform consistency check', ...EDIT],
    why: 'a check may be asked again while one verifies',
  },
  'Replica is missing': { enabled: EDIT, why: 'seed 000: DpmSync -ReallocateReplica comes first' },
  'Replica is invalid': {
    enabled: EDIT,
    why: 'seed 000: only removing protection (Stop protection, Delete replica) leads out',
  },
  'Inactive replica available': {
    enabled: ['Remove inactive protection'],
    why: 'protection stopped with the replica retained: only its removal is left',
  },
};

describe('what a member offers in each protection status (the replica state machine)', () => {
  for (const status of PROTECTION_STATUSES) {
    it(`${status}: ${MEMBER_OFFERS[status].why}`, () => {
      expect(enabledOn(memberIn(status)).sort()).toEqual([...MEMBER_OFFERS[status].enabled].sort());
    });
  }

  it(
    'Manual replica creation pending with its data restored: the consistency check that continues protection (seed ' +
      '000)',
    () => {
      expect(enabledOn(memberIn('Manual replica creation pending', true))).toContain('Perform consistency check');
    },
  );

  it(
    "Switch Disaster Protection is offered on the secondary's copy of a primary's data, not on the primary (seeds " +
      '000, 001)',
    () => {
      const e = scenario1();
      const onSecondary = availableOperations(
        viewOf(e),
        'member',
        { serverId: 'srv-DS3', replicaId: 'rep-DS3-DS1-PS1-C' },
        ADMIN,
      ).find((o) => o.id === 'protection.switch');
      expect(onSecondary?.intents?.map((i) => [i.intent, i.enabled])).toEqual([
        ['to-secondary', true],
        ['to-primary', false],
      ]);
      const onPrimary = availableOperations(
        viewOf(e),
        'member',
        { serverId: 'srv-DS1', replicaId: PRIMARY_MEMBER },
        ADMIN,
      ).find((o) => o.id === 'protection.switch');
      expect(onPrimary?.enabled).toBe(false);
    },
  );
});

/** Per tape status on the demo estate's library, what is enabled (Management › Libraries). */
const TAPE_OFFERS: Record<string, { enabled: string[]; why: string }> = {
  written: {
    enabled: ['View tape contents', 'Mark as free', 'Erase tape', 'Remove tape'],
    why: 'a tape this server wrote: its contents are in the catalog',
  },
  kept: {
    enabled: ['View tape contents', 'Remove tape'],
    why: 'a tape this server wrote that holds recovery points it keeps: neither freed nor erased before they expire',
  },
  Free: { enabled: ['View tape contents', 'Erase tape', 'Remove tape'], why: 'already free: nothing to mark' },
  Imported: {
    enabled: ['Recatalog imported tape', 'Mark as free', 'Erase tape', 'Remove tape'],
    why: 'seed 000 step 9: recatalog before its data can be seen or recovered',
  },
  Unknown: {
    enabled: ['Identify unknown tape', 'Remove tape'],
    why: 'its header was never read: identify it before anything else',
  },
};

describe('what a tape offers in each of its states', () => {
  const e = demo();
  const view = viewOf(e);
  const server = e.servers['srv-DS1'];
  if (!server) throw new Error('no DS1');
  const byState = new Map<string, string>();
  for (const t of Object.values(e.tapes)) {
    if (t.libraryId !== 'lib-DS1-1' || t.location === 'Offsite') continue;
    const status = tapeStatus(t, server);
    const kept = Object.values(e.recoveryPoints).some(
      (p) => p.tapeId === t.id && p.serverId === server.id && p.expiresAt > FIXTURE_EPOCH,
    );
    byState.set(['Free', 'Imported', 'Unknown'].includes(status) ? status : kept ? 'kept' : 'written', t.id);
  }

  it('the demo library holds a tape in each state', () => {
    expect([...byState.keys()].sort()).toEqual(Object.keys(TAPE_OFFERS).sort());
  });

  for (const [state, { enabled, why }] of Object.entries(TAPE_OFFERS)) {
    it(`${state}: ${why}`, () => {
      const tapeId = byState.get(state) ?? '';
      const offered = availableOperations(view, 'tape', { serverId: 'srv-DS1', tapeId }, ADMIN)
        .filter((o) => o.enabled)
        .map((o) => o.name);
      expect(offered.sort()).toEqual([...enabled].sort());
    });
  }
});
