import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { bool, revision } from './schema-columns';
import type { Role } from '@dpm/domain/roles';
export type { Role };

/** Console accounts. Passwords are stored as scrypt hashes only (apps/bff/src/auth/passwords.ts). */
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').$type<Role>().notNull(),
    /** Changed by a role change, a password reset or disabling (STALE on Users). */
    revision: revision(),
    disabled: bool('disabled').notNull().default(false),
    createdAt: integer('created_at').notNull(),
    passwordChangedAt: integer('password_changed_at').notNull(),
  },
  (t) => [uniqueIndex('users_username').on(t.username)],
);

/** Sign-in sessions; the id is the SHA-256 of the cookie's token, never the token itself. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** Personal API tokens for scripts and the dpm command line, stored as SHA-256 hashes. */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash').on(t.tokenHash), index('api_tokens_user').on(t.userId)],
);

/**
 * The simulated Active Directory's accounts the Protection Agent Installation Wizard checks
 * credentials against (Enter Credentials). Passwords are stored as scrypt hashes only.
 */
export const domainAccounts = sqliteTable('domain_accounts', {
  /** DOMAIN\user, upper-cased domain and lower-cased user (CONTOSO\dpmadmin). */
  account: text('account').primaryKey(),
  passwordHash: text('password_hash').notNull(),
});

/** Online protection: the encryption passphrase of a server's vault registration, as a scrypt hash only. */
export const vaultPassphrases = sqliteTable('vault_passphrases', {
  serverId: text('server_id').primaryKey(),
  passphraseHash: text('passphrase_hash').notNull(),
  setAt: integer('set_at').notNull(),
});
