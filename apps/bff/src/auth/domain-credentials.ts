import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import { domainAccountHash, normalizeAccount } from '@dpm/db/domain-accounts-repository';
import { refuse } from '@dpm/domain/errors';
import type { AppDeps, AppEnv } from '../deps';
import { Refused } from '../http-errors';
import { DUMMY_HASH, verifyPassword } from './passwords';

/** Enter Credentials: a domain account, DOMAIN\user (or user, in CONTOSO) and its password. */
export const DomainCredentials = z
  .object({ userName: z.string().min(1).max(256), password: z.string().min(1).max(256) })
  .strict()
  .openapi('DomainCredentials');

/**
 * Checks the wizard's domain account against the simulated domain's accounts (scrypt hashes).
 * The password is never stored, logged, audited or returned; a wrong one is audited as a refusal
 * naming only the account.
 */
export async function checkDomainCredentials(
  d: AppDeps,
  c: Context<AppEnv>,
  credentials: z.infer<typeof DomainCredentials>,
  action: string,
  target: string,
): Promise<void> {
  const stored = domainAccountHash(d.db, credentials.userName);
  const ok = await verifyPassword(credentials.password, stored ?? DUMMY_HASH);
  if (ok && stored !== undefined) return;
  const account = normalizeAccount(credentials.userName);
  const message = `The user name or password of the domain account ${account} is incorrect.`;
  c.get('audit').set({ action, target });
  throw new Refused(refuse('INVALID_INPUT', message, 'credentials'));
}
