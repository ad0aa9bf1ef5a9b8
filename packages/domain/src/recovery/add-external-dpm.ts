import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, refuse } from '../errors';
import { onlineServer } from '../guards';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export const VAULT_CREDENTIALS_VALID_MS = 2 * 24 * 60 * 60_000;

/** CREDENTIALS_EXPIRED (seed 001): vault credentials are valid for two days after download. */
export function checkVaultCredentials(issuedAt: number, now: number): DomainError | null {
  if (now - issuedAt > VAULT_CREDENTIALS_VALID_MS) {
    return refuse(
      'CREDENTIALS_EXPIRED',
      'The vault credentials have expired: they are valid for two days after you download them. Download new vault ' +
        'credentials.',
      'credentials',
    );
  }
  if (issuedAt > now) return refuse('INVALID_INPUT', 'The vault credentials are dated in the future.', 'credentials');
  return null;
}

export interface AddExternalDpm {
  serverId: string;
  /** When the vault credentials file was downloaded (simulated time). */
  credentialsIssuedAt: number;
  vault: string;
}

/**
 * Add External DPM (seed 001): vault credentials are valid for two days after they were
 * downloaded (CREDENTIALS_EXPIRED). The passphrase is checked by the caller and never reaches
 * the domain.
 */
/** Add External DPM: on an online server. */
export function whyNotAddExternal(view: View, target: Targets['server']): DomainError | null {
  const server = onlineServer(view, target.serverId);
  return isDomainError(server) ? server : null;
}

export function addExternalDpm(slice: Estate, cmd: AddExternalDpm, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const server = onlineServer(draft, cmd.serverId);
  if (isDomainError(server)) return server;
  const credentials = checkVaultCredentials(cmd.credentialsIssuedAt, ctx.now);
  if (credentials) return credentials;
  draft.update('servers', server.id, { externalDpm: { vault: cmd.vault, addedAt: ctx.now } });
  draft.emit({
    type: 'server.external-dpm-added',
    serverId: server.id,
    subjectId: server.id,
    summary: `External DPM vault ${cmd.vault} added on ${server.name}`,
  });
  return draft.outcome();
}

export const addExternalOperation = defineOperation<'server', AddExternalDpm>({
  id: 'recovery.add-external-dpm',
  name: 'Add External DPM',
  kind: 'server',
  area: 'Recovery',
  role: 'Administrator',
  whyNot: whyNotAddExternal,
  run: addExternalDpm,
});
