import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { parse } from 'hono/utils/cookie';
import type { Db } from '@dpm/db/client';
import type { Role } from '@dpm/db/accounts-repository';
import {
  countUsers,
  insertSession,
  insertToken,
  insertUser,
  sessionById,
  tokenByHash,
  touchSession,
  touchToken,
  userById,
  userByName,
  type ApiToken,
} from '@dpm/db/accounts-repository';
import { digest, newSecret } from './secrets';
import { hashPassword, passwordProblem } from './passwords';
import { credentialCache, type Verified } from './credential-cache';

export interface Principal {
  userId: string;
  username: string;
  role: Role;
  sessionId: string | null;
}

export interface AuthSettings {
  idleMs: number;
  absoluteMs: number;
}

export const SESSION_COOKIE = 'dpm_session';
export const SECURE_SESSION_COOKIE = '__Host-dpm_session';
/** API tokens carry a prefix so a leaked one is recognisable in logs and scanners. */
export const TOKEN_PREFIX = 'dpmt_';

export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

/** The session cookie's value (the __Host- one first), as hono/cookie's getCookie reads it. */
function sessionCookie(header: string | undefined): string | undefined {
  if (!header) return undefined;
  return parse(header, SECURE_SESSION_COOKIE)[SECURE_SESSION_COOKIE] ?? parse(header, SESSION_COOKIE)[SESSION_COOKIE];
}

/** A session is touched (its idle timer moved on) and a token's last use noted once a minute at most. */
const TOUCH_MS = 60_000;

/**
 * The signed-in user of a request: an API token (Authorization: Bearer) or the session cookie.
 * A credential verified before is answered from the connection's cache (credential-cache.ts)
 * while its clocks allow it without a write; any change to the accounts empties the cache first.
 */
export function authenticate(
  db: Db,
  settings: AuthSettings,
  headers: { authorization: string | undefined; cookie: string | undefined },
  now: number,
): Principal | null {
  const header = headers.authorization;
  const bearer = header?.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : null;
  const secret = bearer ?? sessionCookie(headers.cookie);
  if (!secret) return null;
  const hash = digest(secret);
  const key = `${bearer !== null ? 'token' : 'session'}:${hash}`;
  const cache = credentialCache(db);
  const known = cache.get(key, now);
  if (
    known &&
    now < known.expiresAt &&
    known.lastSeenAt !== null &&
    now - known.lastSeenAt <= TOUCH_MS &&
    (bearer !== null || now - known.lastSeenAt < settings.idleMs)
  )
    return known.principal;
  const verified = bearer !== null ? verifyToken(db, hash, now) : verifySession(db, settings, hash, now);
  if (verified) cache.set(key, verified);
  return verified?.principal ?? null;
}

function verifyToken(db: Db, hash: string, now: number): Verified | null {
  const token = tokenByHash(db, hash);
  if (!token || token.revokedAt !== null) return null;
  const user = userById(db, token.userId);
  if (!user || user.disabled) return null;
  let lastSeenAt = token.lastUsedAt;
  if (lastSeenAt === null || now - lastSeenAt > TOUCH_MS) touchToken(db, token.id, (lastSeenAt = now));
  const principal = Object.freeze({ userId: user.id, username: user.username, role: user.role, sessionId: null });
  return { principal, expiresAt: Infinity, lastSeenAt };
}

function verifySession(db: Db, settings: AuthSettings, hash: string, now: number): Verified | null {
  const session = sessionById(db, hash);
  if (!session || session.revokedAt !== null || now >= session.expiresAt || now - session.lastSeenAt >= settings.idleMs)
    return null;
  const user = userById(db, session.userId);
  if (!user || user.disabled || session.createdAt < user.passwordChangedAt) return null;
  // One write a minute at most keeps the idle timer honest without a write per request.
  let lastSeenAt = session.lastSeenAt;
  if (now - lastSeenAt > TOUCH_MS) touchSession(db, session.id, (lastSeenAt = now));
  const principal = Object.freeze({ userId: user.id, username: user.username, role: user.role, sessionId: session.id });
  return { principal, expiresAt: session.expiresAt, lastSeenAt };
}

/** Starts a session: a new random token in the cookie, only its hash on the server. */
export function startSession(
  db: Db,
  settings: AuthSettings,
  userId: string,
  now: number,
): { secret: string; expiresAt: number } {
  const secret = newSecret();
  const expiresAt = now + settings.absoluteMs;
  insertSession(db, { id: digest(secret), userId, createdAt: now, lastSeenAt: now, expiresAt, revokedAt: null });
  return { secret, expiresAt };
}

export interface BootstrapResult {
  created: boolean;
  generatedPassword: string | null;
}

/**
 * The first start creates the administrator `admin`, with DPM_ADMIN_PASSWORD or a generated
 * password that the caller prints once and writes to a file only the owner can read.
 */
export async function bootstrapAdmin(db: Db, configured: string | undefined, now: number): Promise<BootstrapResult> {
  if (countUsers(db) > 0) return { created: false, generatedPassword: null };
  const password = configured ?? newSecret().slice(0, 24);
  const problem = passwordProblem(password, 'admin');
  if (problem) throw new Error(`DPM_ADMIN_PASSWORD: ${problem}`);
  insertUser(db, {
    id: randomUUID(),
    username: 'admin',
    passwordHash: await hashPassword(password),
    role: 'Administrator',
    disabled: false,
    createdAt: now,
    passwordChangedAt: now,
  });
  return { created: true, generatedPassword: configured ? null : password };
}

/** Creates a personal API token; the secret is returned this once, only its hash is kept. */
export function issueToken(db: Db, userId: string, name: string, now: number): { token: ApiToken; secret: string } {
  const secret = newSecret(TOKEN_PREFIX);
  const token: ApiToken = {
    id: randomUUID(),
    userId,
    name,
    tokenHash: digest(secret),
    createdAt: now,
    lastUsedAt: null,
    revokedAt: null,
  };
  insertToken(db, token);
  return { token, secret };
}

/** A token for the administrator `admin` (route tests and benchmarks call the API as it). */
export function adminToken(db: Db, now: number): string {
  const admin = userByName(db, 'admin');
  if (!admin) throw new Error('no administrator: call bootstrapAdmin first');
  return issueToken(db, admin.id, 'automation', now).secret;
}
