import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors';
import { scenario1 } from '../fixtures/scenarios';
import { DAY, MINUTE, World, expectRefusal } from '../test-support';
import { addExternalDpm } from './add-external-dpm';
import { clearExternalDpm } from './clear-external-dpm';

describe('addExternalDpm', () => {
  it('refuses vault credentials downloaded two days and a minute ago: CREDENTIALS_EXPIRED (seed 001)', () => {
    const w = new World(scenario1());
    expectRefusal(
      w.estate,
      (s) =>
        addExternalDpm(
          s,
          { serverId: 'srv-DS2', vault: 'contoso-vault', credentialsIssuedAt: w.now - 2 * DAY - MINUTE },
          w.ctx(),
        ),
      'CREDENTIALS_EXPIRED',
      ['vault credentials', 'two days'],
    );
  });

  it('accepts credentials up to two days old and adds the vault on the server; Clear External DPM forgets it', () => {
    const w = new World(scenario1());
    w.run(addExternalDpm, { serverId: 'srv-DS2', vault: 'contoso-vault', credentialsIssuedAt: w.now - 2 * DAY });
    expect(w.estate.servers['srv-DS2']?.externalDpm).toEqual({ vault: 'contoso-vault', addedAt: w.now });
    const future = addExternalDpm(
      w.estate,
      { serverId: 'srv-DS2', vault: 'v', credentialsIssuedAt: w.now + MINUTE },
      w.ctx(),
    );
    expect(isDomainError(future) && future.code).toBe('INVALID_INPUT');
    w.run(clearExternalDpm, { serverId: 'srv-DS2' });
    expect(w.estate.servers['srv-DS2']?.externalDpm).toBeNull();
    expectRefusal(w.estate, (s) => clearExternalDpm(s, { serverId: 'srv-DS2' }, w.ctx()), 'INVALID_STATE', ['DS2']);
  });
});
