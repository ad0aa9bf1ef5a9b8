import { eq } from 'drizzle-orm';
import type { Db } from './client';
import { domainAccounts, vaultPassphrases } from './schema';

/**
 * The simulated domain's administrator account, for the Protection Agent Installation Wizard's
 * Enter Credentials page: CONTOSO\dpmadmin with the password "Contoso-DPM-2026!" (README), kept
 * here only as its scrypt hash (N = 2^15, r = 8, p = 1, as apps/bff/src/auth/passwords.ts).
 */
export const DEFAULT_DOMAIN_ACCOUNTS: readonly { account: string; passwordHash: string }[] = [
  {
    account: 'CONTOSO\\dpmadmin',
    passwordHash: 'scrypt$32768$8$1$EJmPBgoM35n43W-LAsl3cQ$V4RYx3sVizNertGMHkYEg1pBImWMRowkMEzwxStYYoY',
  },
];

/** DOMAIN\user with the domain upper-cased and the user lower-cased; a bare user name gets CONTOSO. */
export function normalizeAccount(account: string): string {
  const [domain, user] = account.includes('\\') ? account.split('\\', 2) : ['CONTOSO', account];
  return `${(domain ?? '').trim().toUpperCase()}\\${(user ?? '').trim().toLowerCase()}`;
}

/** Adds the default domain accounts when the store is empty (first start, or a database from before it existed). */
export function ensureDomainAccounts(db: Db): void {
  const n = (db.$client.prepare('SELECT count(*) AS n FROM domain_accounts').get() as { n: number }).n;
  if (n > 0) return;
  for (const a of DEFAULT_DOMAIN_ACCOUNTS)
    db.insert(domainAccounts)
      .values({ account: normalizeAccount(a.account), passwordHash: a.passwordHash })
      .run();
}

export function domainAccountHash(db: Db, account: string): string | undefined {
  return db
    .select()
    .from(domainAccounts)
    .where(eq(domainAccounts.account, normalizeAccount(account)))
    .get()?.passwordHash;
}

export function setVaultPassphrase(db: Db, serverId: string, passphraseHash: string, at: number): void {
  db.insert(vaultPassphrases)
    .values({ serverId, passphraseHash, setAt: at })
    .onConflictDoUpdate({ target: vaultPassphrases.serverId, set: { passphraseHash, setAt: at } })
    .run();
}

export function vaultPassphraseSetAt(db: Db, serverId: string): number | null {
  return db.select().from(vaultPassphrases).where(eq(vaultPassphrases.serverId, serverId)).get()?.setAt ?? null;
}
