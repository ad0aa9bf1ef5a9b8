import { describe, expect, it } from 'vitest';
import { scenario1, FIXTURE_EPOCH } from '../fixtures/scenarios';
import { DAY, World, ctxAt, expectRefusal } from '../test-support';
import { addDisk } from './add-disk';
import { registerOnline } from './register-online';
import { poolCapacityGb } from './disk-layout';

describe('Add disk', () => {
  it('adds capacity to the storage pool and refuses a size out of range', () => {
    const w = new World(scenario1());
    w.run(addDisk, { serverId: 'srv-DS1', sizeGb: 4000 });
    expect(poolCapacityGb(w.estate.servers['srv-DS1'] ?? { disks: [] })).toBe(24_000);
    expectRefusal(w.estate, (s) => addDisk(s, { serverId: 'srv-DS1', sizeGb: 0 }, ctxAt()), 'INVALID_INPUT');
  });
});

describe('Register (online)', () => {
  const cmd = {
    serverId: 'srv-DS1',
    vault: 'ContosoVault',
    credentialsIssuedAt: FIXTURE_EPOCH - DAY,
    passphraseLength: 20,
  };
  it('registers with credentials up to two days old', () => {
    const w = new World(scenario1());
    w.run(registerOnline, cmd);
    expect(w.estate.servers['srv-DS1']?.online).toEqual({ vault: 'ContosoVault', registeredAt: FIXTURE_EPOCH });
  });
  it('refuses expired vault credentials: CREDENTIALS_EXPIRED', () => {
    expectRefusal(
      scenario1(),
      (s) => registerOnline(s, { ...cmd, credentialsIssuedAt: FIXTURE_EPOCH - 3 * DAY }, ctxAt()),
      'CREDENTIALS_EXPIRED',
      ['two days'],
    );
  });
  it('refuses a passphrase shorter than 16 characters', () => {
    expectRefusal(scenario1(), (s) => registerOnline(s, { ...cmd, passphraseLength: 15 }, ctxAt()), 'INVALID_INPUT', [
      '16 characters',
    ]);
  });
});
