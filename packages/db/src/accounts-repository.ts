import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from './client';
import { apiTokens, sessions, users, type Role } from './schema';

export type User = typeof users.$inferSelect;
/** A new account: its revision starts at the first unless given. */
export type NewUser = typeof users.$inferInsert;
export type Session = typeof sessions.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
export type { Role };

export function userByName(db: Db, username: string): User | undefined {
  return db.select().from(users).where(eq(users.username, username.toLowerCase())).get();
}

export function userById(db: Db, id: string): User | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export function listUsers(db: Db): User[] {
  return db.select().from(users).orderBy(users.username).all();
}

export function countUsers(db: Db): number {
  return (db.$client.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

export function insertUser(db: Db, user: NewUser): void {
  db.insert(users)
    .values({ ...user, username: user.username.toLowerCase() })
    .run();
}

export function updateUser(
  db: Db,
  id: string,
  patch: Partial<Pick<User, 'role' | 'passwordHash' | 'passwordChangedAt' | 'disabled' | 'revision'>>,
): void {
  db.update(users).set(patch).where(eq(users.id, id)).run();
}

export function deleteUser(db: Db, id: string): void {
  db.delete(users).where(eq(users.id, id)).run();
}

export function insertSession(db: Db, session: Session): void {
  db.insert(sessions).values(session).run();
}

export function sessionById(db: Db, id: string): Session | undefined {
  return db.select().from(sessions).where(eq(sessions.id, id)).get();
}

export function touchSession(db: Db, id: string, at: number): void {
  db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id)).run();
}

export function revokeSession(db: Db, id: string, at: number): void {
  db.update(sessions).set({ revokedAt: at }).where(eq(sessions.id, id)).run();
}

/** Revokes every live session of a user (password or role changed, account disabled). */
export function revokeUserSessions(db: Db, userId: string, at: number): void {
  db.update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .run();
}

export function insertToken(db: Db, token: ApiToken): void {
  db.insert(apiTokens).values(token).run();
}

export function tokenByHash(db: Db, hash: string): ApiToken | undefined {
  return db.select().from(apiTokens).where(eq(apiTokens.tokenHash, hash)).get();
}

export function tokensOf(db: Db, userId: string): ApiToken[] {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(apiTokens.createdAt).all();
}

export function touchToken(db: Db, id: string, at: number): void {
  db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id)).run();
}

export function revokeToken(db: Db, id: string, at: number): void {
  db.update(apiTokens).set({ revokedAt: at }).where(eq(apiTokens.id, id)).run();
}
