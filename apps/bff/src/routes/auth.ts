import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import {
  revokeSession,
  revokeToken,
  revokeUserSessions,
  tokensOf,
  updateUser,
  userById,
  userByName,
} from '@dpm/db/accounts-repository';
import type { AppDeps, AppEnv } from '../deps';
import { clientAddress } from '../security';
import { ErrorBody, Id } from '../schemas';
import { DUMMY_HASH, hashPassword, passwordProblem, verifyPassword } from '../auth/passwords';
import {
  SECURE_SESSION_COOKIE,
  SESSION_COOKIE,
  isHttps,
  issueToken,
  startSession,
  type Principal,
} from '../auth/service';
import { declared, refusals, router } from './route-kit';
import { ROLES, type Role } from '@dpm/domain/roles';
import { accessOf, allows, routeKey } from '../auth/permissions';
import { addressKey } from '../auth/throttle';

/** The audit trail's actor for a sign-in with a name that is no account. */
export const UNKNOWN_ACCOUNT = 'unknown account';

const TAG = 'Accounts';
const Capabilities = z.object({ users: z.boolean(), audit: z.boolean(), clock: z.boolean() }).openapi({
  description:
    'The console pages this user may open, as the routes behind them allow: Users, the Audit log, Advance clock',
});
const Me = z.object({ username: z.string(), role: z.enum(ROLES), capabilities: Capabilities }).openapi('Me');
const Ok = z.object({ ok: z.literal(true) });
const Token = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.number(),
    lastUsedAt: z.number().nullable(),
    revokedAt: z.number().nullable(),
  })
  .openapi('ApiToken');
const json = <S extends z.ZodType>(schema: S) => ({ required: true, content: { 'application/json': { schema } } });
const answer = <S extends z.ZodType>(description: string, schema: S) => ({
  description,
  content: { 'application/json': { schema } },
});
const SignIn = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(1024) }).strict();

const signIn = declared(
  createRoute({
    method: 'post',
    path: '/auth/sign-in',
    tags: [TAG],
    request: { body: json(SignIn) },
    responses: {
      200: answer('Signed in; the session cookie is set', Me),
      400: refusals[400],
      401: answer('Wrong user name or password', ErrorBody),
      429: answer('Too many failed attempts', ErrorBody),
    },
  }),
  { kind: 'public' },
);
const self = { kind: 'self' } as const;
const signOut = declared(
  createRoute({
    method: 'post',
    path: '/auth/sign-out',
    tags: [TAG],
    request: { body: json(z.object({}).strict()) },
    responses: { 200: answer('Signed out', Ok) },
  }),
  self,
);
const me = declared(
  createRoute({ method: 'get', path: '/auth/me', tags: [TAG], responses: { 200: answer('The signed-in user', Me) } }),
  self,
);
const password = declared(
  createRoute({
    method: 'post',
    path: '/auth/password',
    tags: [TAG],
    request: {
      body: json(
        z.object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(1).max(1024) }).strict(),
      ),
    },
    responses: {
      200: answer('Changed; every session of the user is signed out', Ok),
      400: refusals[400],
      401: answer('Wrong current password', ErrorBody),
    },
  }),
  self,
);
const listTokens = declared(
  createRoute({
    method: 'get',
    path: '/auth/tokens',
    tags: [TAG],
    responses: { 200: answer('Your API tokens', z.array(Token)) },
  }),
  self,
);
const createToken = declared(
  createRoute({
    method: 'post',
    path: '/auth/tokens',
    tags: [TAG],
    request: { body: json(z.object({ name: z.string().min(1).max(64) }).strict()) },
    responses: {
      200: answer('The new token, shown this once', Token.extend({ token: z.string() })),
      400: refusals[400],
    },
  }),
  self,
);
const revokeTokenRoute = declared(
  createRoute({
    method: 'post',
    path: '/auth/tokens/{tokenId}/revoke',
    tags: [TAG],
    request: {
      params: z.object({ tokenId: Id.openapi({ param: { name: 'tokenId', in: 'path' } }) }),
      body: json(z.object({}).strict()),
    },
    responses: { 200: answer('Revoked', Ok), 404: refusals[404] },
  }),
  self,
);

/** What a role may open, from the access the routes behind each page declare (no second list). */
function capabilitiesOf(role: Role) {
  const may = (method: string, path: string) =>
    allows(role, accessOf(method, routeKey(method, path).slice(method.length + 1)));
  return { users: may('GET', '/users'), audit: may('GET', '/audit'), clock: may('POST', '/clock/advance') };
}

function principalOf(c: Context<AppEnv>): Principal {
  const p = c.get('principal');
  if (!p) throw new Error('route reached without a principal');
  return p;
}

export function authRoutes(d: AppDeps) {
  /**
   * What the audit hook writes for this request: who (for a sign-in, the account, never what was
   * typed for an unknown one), what, and the detail.
   */
  const audit = (c: Context<AppEnv>, actor: string, action: string, detail: string) =>
    c.get('audit').set({ actor, action, target: actor, detail });

  return router()
    .openapi(signIn, async (c) => {
      const { username, password: given } = c.req.valid('json');
      const now = Date.now();
      const name = username.toLowerCase();
      const address = addressKey(clientAddress(c));
      const user = userByName(d.db, name);
      // A name that is no account may be a password typed in the wrong field: it is never recorded.
      const actor = user ? user.username : UNKNOWN_ACCOUNT;
      const wait = d.auth.throttle.attempt(name, address, now);
      if (wait > 0) {
        audit(c, actor, 'auth.sign-in', 'Too many failed sign-ins from this address.');
        const seconds = Math.ceil(wait / 1000);
        c.header('Retry-After', String(seconds));
        return c.json(
          {
            error: {
              code: 'THROTTLED',
              message:
                `Too many failed sign-ins. Try again in ` +
                `${seconds < 120 ? `${seconds} second(s)` : `${Math.ceil(seconds / 60)} minute(s)`}.`,
            },
          },
          429,
        );
      }
      const ok = await verifyPassword(given, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !ok || user.disabled) {
        audit(c, actor, 'auth.sign-in', user?.disabled ? 'The account is disabled.' : 'Wrong user name or password.');
        return c.json(
          {
            error: {
              code: 'CREDENTIALS_INVALID',
              message: 'The user name or password is incorrect.',
              target: 'password',
            },
          },
          401,
        );
      }
      d.auth.throttle.succeeded(name, address);
      const session = startSession(d.db, d.auth, user.id, now);
      const secure = isHttps(c);
      setCookie(c, secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, session.secret, {
        httpOnly: true,
        sameSite: 'Strict',
        secure,
        path: '/',
        maxAge: Math.floor(d.auth.absoluteMs / 1000),
      });
      audit(c, user.username, 'auth.sign-in', 'Signed in.');
      return c.json({ username: user.username, role: user.role, capabilities: capabilitiesOf(user.role) }, 200);
    })
    .openapi(signOut, (c) => {
      const p = principalOf(c);
      if (p.sessionId) revokeSession(d.db, p.sessionId, Date.now());
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      deleteCookie(c, SECURE_SESSION_COOKIE, { path: '/', secure: true });
      audit(c, p.username, 'auth.sign-out', 'Signed out.');
      return c.json({ ok: true as const }, 200);
    })
    .openapi(me, (c) => {
      const p = principalOf(c);
      return c.json({ username: p.username, role: p.role, capabilities: capabilitiesOf(p.role) }, 200);
    })
    .openapi(password, async (c) => {
      const p = principalOf(c);
      const { currentPassword, newPassword } = c.req.valid('json');
      const user = userById(d.db, p.userId);
      if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
        audit(c, p.username, 'auth.password', 'Wrong current password.');
        return c.json(
          {
            error: {
              code: 'CREDENTIALS_INVALID',
              message: 'The current password is incorrect.',
              target: 'currentPassword',
            },
          },
          401,
        );
      }
      const problem = passwordProblem(newPassword, user.username);
      if (problem) return c.json({ error: { code: 'INVALID_INPUT', message: problem, target: 'newPassword' } }, 400);
      const now = Date.now();
      updateUser(d.db, user.id, { passwordHash: await hashPassword(newPassword), passwordChangedAt: now });
      revokeUserSessions(d.db, user.id, now);
      audit(c, p.username, 'auth.password', 'Password changed; sessions revoked.');
      return c.json({ ok: true as const }, 200);
    })
    .openapi(listTokens, (c) => {
      const p = principalOf(c);
      return c.json(
        tokensOf(d.db, p.userId).map(({ id, name, createdAt, lastUsedAt, revokedAt }) => ({
          id,
          name,
          createdAt,
          lastUsedAt,
          revokedAt,
        })),
        200,
      );
    })
    .openapi(createToken, (c) => {
      const p = principalOf(c);
      const { token, secret } = issueToken(d.db, p.userId, c.req.valid('json').name, Date.now());
      audit(c, p.username, 'auth.token-create', `API token "${token.name}" created.`);
      return c.json(
        {
          id: token.id,
          name: token.name,
          createdAt: token.createdAt,
          lastUsedAt: null,
          revokedAt: null,
          token: secret,
        },
        200,
      );
    })
    .openapi(revokeTokenRoute, (c) => {
      const p = principalOf(c);
      const { tokenId } = c.req.valid('param');
      const token = tokensOf(d.db, p.userId).find((t) => t.id === tokenId);
      if (!token)
        return c.json(
          { error: { code: 'NOT_FOUND', message: 'You have no API token with that id.', target: 'tokenId' } },
          404,
        );
      revokeToken(d.db, token.id, Date.now());
      audit(c, p.username, 'auth.token-revoke', `API token "${token.name}" revoked.`);
      return c.json({ ok: true as const }, 200);
    });
}
