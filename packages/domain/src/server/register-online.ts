import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import { isDomainError, refuse } from '../errors';
import { onlineServer } from '../guards';
import { checkVaultCredentials } from '../recovery/add-external-dpm';
import type { DomainError } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export const MIN_PASSPHRASE_LENGTH = 16;

export interface RegisterOnline {
  serverId: string;
  vault: string;
  /** When the vault credentials file was downloaded (simulated time). */
  credentialsIssuedAt: number;
  /** Only the length of the passphrase reaches the domain; the BFF keeps its scrypt hash. */
  passphraseLength: number;
}

/**
 * Management › Online › Register (seed 001): vault credentials are valid for two days
 * (CREDENTIALS_EXPIRED); the encryption passphrase has at least 16 characters.
 */
/** Register: on an online server. */
export function whyNotRegister(view: View, target: Targets['server']): DomainError | null {
  const server = onlineServer(view, target.serverId);
  return isDomainError(server) ? server : null;
}

export function registerOnline(slice: Estate, cmd: RegisterOnline, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const server = onlineServer(draft, cmd.serverId);
  if (isDomainError(server)) return server;
  const credentials = checkVaultCredentials(cmd.credentialsIssuedAt, ctx.now);
  if (credentials) return credentials;
  if (cmd.passphraseLength < MIN_PASSPHRASE_LENGTH)
    return refuse(
      'INVALID_INPUT',
      `The passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters.`,
      'passphrase',
    );
  if (server.online?.vault === cmd.vault)
    return refuse('INVALID_STATE', `${server.name} is already registered with the vault ${cmd.vault}.`, 'vault');
  draft.update('servers', server.id, { online: { vault: cmd.vault, registeredAt: ctx.now } });
  draft.emit({
    type: 'server.registered-online',
    serverId: server.id,
    subjectId: server.id,
    summary: `Registered ${server.name} with the vault ${cmd.vault}`,
  });
  return draft.outcome();
}

export const registerOnlineOperation = defineOperation<'server', RegisterOnline>({
  id: 'online.register',
  name: 'Register',
  kind: 'server',
  area: 'Management',
  role: 'Administrator',
  whyNot: whyNotRegister,
  run: registerOnline,
});
