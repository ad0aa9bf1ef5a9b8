import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { ServerParams } from '../schemas';
import { registerOnlineOperation } from '@dpm/domain/server/register-online';
import { setVaultPassphrase, vaultPassphraseSetAt } from '@dpm/db/domain-accounts-repository';
import { hashPassword } from '../auth/passwords';
import { NoQuery, operationRoute, readRoute, router, run } from './route-kit';
import { serverOr404 } from './lookups';

const TAG = 'Management';
const OnlineRegistration = z
  .object({
    registered: z.boolean(),
    vault: z.string().nullable(),
    registeredAt: z.number().nullable(),
    passphraseSetAt: z.number().nullable(),
  })
  .openapi('OnlineRegistration');

const online = readRoute(
  TAG,
  '/servers/{serverId}/online',
  'Online: vault registration',
  ServerParams,
  NoQuery,
  OnlineRegistration,
);
const register = operationRoute(
  registerOnlineOperation,
  '/servers/{serverId}/online/register',
  ServerParams,
  z
    .object({
      vault: z.string().min(1).max(100),
      credentialsIssuedAt: z.number().int(),
      passphrase: z.string().min(1).max(1024),
    })
    .strict(),
  'Register (vault credentials valid two days; passphrase of at least 16 characters, kept only as a scrypt hash)',
);

/** Management › Online: registration with an online backup vault. */
export function onlineRoutes(d: AppDeps) {
  return router()
    .openapi(online, (c) => {
      const { serverId } = c.req.valid('param');
      const server = serverOr404(d, serverId);
      return c.json(
        {
          registered: server.online !== null,
          vault: server.online?.vault ?? null,
          registeredAt: server.online?.registeredAt ?? null,
          passphraseSetAt: vaultPassphraseSetAt(d.db, serverId),
        },
        200,
      );
    })
    .openapi(register, async (c) => {
      const { serverId } = c.req.valid('param');
      const { passphrase, ...body } = c.req.valid('json');
      // The domain decides on the passphrase's length only; the passphrase itself is hashed here
      // and kept nowhere else (not in the estate, the audit trail or the log).
      const length = [...passphrase].length;
      const hash = length >= 16 ? await hashPassword(passphrase) : null;
      const now = d.store.now;
      return c.json(
        run(
          d,
          c,
          registerOnlineOperation,
          { serverId, ...body, passphraseLength: length },
          { target: serverId, alongside: hash ? (tx) => setVaultPassphrase(tx, serverId, hash, now) : undefined },
        ),
        200,
      );
    });
}
