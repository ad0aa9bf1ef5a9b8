import { createRoute, z } from '@hono/zod-openapi';
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { inTransaction } from '@dpm/db/client';
import {
  insertUser,
  listUsers,
  revokeUserSessions,
  updateUser,
  userById,
  userByName,
  type User,
} from '@dpm/db/accounts-repository';
import { ROLES } from '@dpm/domain/roles';
import { staleRefusal } from '@dpm/domain/revisions';
import type { AppDeps, AppEnv } from '../deps';
import { Id, Revision } from '../schemas';
import { Refused } from '../http-errors';
import { hashPassword, passwordProblem } from '../auth/passwords';
import { declared, refusals, router } from './route-kit';

const TAG = 'Users';
const ADMINISTRATORS = { kind: 'role', role: 'Administrator' } as const;
const Role = z.enum(ROLES);
const UserRow = z
  .object({
    id: z.string(),
    username: z.string(),
    role: Role,
    disabled: z.boolean(),
    createdAt: z.number(),
    passwordChangedAt: z.number(),
    revision: Revision,
  })
  .openapi('User');
const UserParams = z.object({ userId: Id.openapi({ param: { name: 'userId', in: 'path' } }) });
const ExpectedRevision = {
  expectedRevision: z
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ description: 'The revision of the user the page showed (STALE)' }),
};
const json = <S extends z.ZodType>(schema: S) => ({ required: true, content: { 'application/json': { schema } } });
const ok = { description: 'Done', content: { 'application/json': { schema: UserRow } } };
const responses = { 200: ok, 400: refusals[400], 404: refusals[404], 409: refusals[409] } as const;

const list = declared(
  createRoute({
    method: 'get',
    path: '/users',
    tags: [TAG],
    responses: {
      200: { description: 'Console accounts', content: { 'application/json': { schema: z.array(UserRow) } } },
    },
  }),
  ADMINISTRATORS,
);
const create = declared(
  createRoute({
    method: 'post',
    path: '/users',
    tags: [TAG],
    request: {
      body: json(
        z
          .object({
            username: z
              .string()
              .min(1)
              .max(64)
              .regex(/^[a-zA-Z0-9._-]+$/, 'letters, digits, dot, dash or underscore'),
            role: Role,
            password: z.string().min(1).max(1024),
          })
          .strict(),
      ),
    },
    responses,
  }),
  ADMINISTRATORS,
);
const setRole = declared(
  createRoute({
    method: 'post',
    path: '/users/{userId}/role',
    tags: [TAG],
    request: { params: UserParams, body: json(z.object({ role: Role, ...ExpectedRevision }).strict()) },
    responses,
  }),
  ADMINISTRATORS,
);
const setPassword = declared(
  createRoute({
    method: 'post',
    path: '/users/{userId}/password',
    tags: [TAG],
    request: {
      params: UserParams,
      body: json(z.object({ password: z.string().min(1).max(1024), ...ExpectedRevision }).strict()),
    },
    responses,
  }),
  ADMINISTRATORS,
);
const setDisabled = declared(
  createRoute({
    method: 'post',
    path: '/users/{userId}/disabled',
    tags: [TAG],
    request: { params: UserParams, body: json(z.object({ disabled: z.boolean(), ...ExpectedRevision }).strict()) },
    responses,
  }),
  ADMINISTRATORS,
);

const view = (u: User) => ({
  id: u.id,
  username: u.username,
  role: u.role,
  disabled: u.disabled,
  createdAt: u.createdAt,
  passwordChangedAt: u.passwordChangedAt,
  revision: u.revision,
});

/** The Users page: accounts and roles, for Administrators. A change signs the user out everywhere. */
export function userRoutes(d: AppDeps) {
  const admins = () => listUsers(d.db).filter((u) => u.role === 'Administrator' && !u.disabled);
  const conflict = (message: string) => ({ error: { code: 'CONFLICT', message } });
  const notFound = { error: { code: 'NOT_FOUND', message: 'No such user.', target: 'userId' } };

  /**
   * Applies an Administrator's change to an account and writes its audit entry in one
   * transaction. An edit made from a revision of the account that has changed since is refused
   * (STALE) with who changed it and when, and changes nothing.
   */
  const change = (
    c: Context<AppEnv>,
    user: User,
    expected: number | undefined,
    patch: Partial<Pick<User, 'role' | 'passwordHash' | 'passwordChangedAt' | 'disabled'>>,
    revoke: boolean,
    action: string,
    detail: string,
  ): User => {
    const stale = staleRefusal(`The account ${user.username}`, user.revision, expected, 'userId');
    if (stale) throw new Refused(stale);
    const now = Date.now();
    const revision = { n: user.revision.n + 1, by: c.get('actor'), at: now };
    const audit = c.get('audit');
    audit.set({ action, target: user.username });
    inTransaction(d.db, (tx) => {
      updateUser(tx, user.id, { ...patch, revision });
      if (revoke) revokeUserSessions(tx, user.id, now);
      audit.write(tx, 'success', null, detail);
    });
    return { ...user, ...patch, revision };
  };

  return router()
    .openapi(list, (c) => c.json(listUsers(d.db).map(view), 200))
    .openapi(create, async (c) => {
      const { username, role, password } = c.req.valid('json');
      c.get('audit').set({ action: 'user.create', target: username.toLowerCase() });
      if (userByName(d.db, username))
        return c.json(conflict(`A user named ${username.toLowerCase()} already exists.`), 409);
      const problem = passwordProblem(password, username);
      if (problem) return c.json({ error: { code: 'INVALID_INPUT', message: problem, target: 'password' } }, 400);
      const now = Date.now();
      const user: User = {
        id: randomUUID(),
        username: username.toLowerCase(),
        passwordHash: await hashPassword(password),
        role,
        disabled: false,
        createdAt: now,
        passwordChangedAt: now,
        revision: { n: 1, by: c.get('actor'), at: now },
      };
      const audit = c.get('audit');
      inTransaction(d.db, (tx) => {
        insertUser(tx, user);
        audit.write(tx, 'success', null, `User ${user.username} created as ${role}.`);
      });
      return c.json(view(user), 200);
    })
    .openapi(setRole, (c) => {
      const { userId } = c.req.valid('param');
      const { role, expectedRevision } = c.req.valid('json');
      const user = userById(d.db, userId);
      if (!user) return c.json(notFound, 404);
      if (user.role === 'Administrator' && role !== 'Administrator' && admins().length <= 1)
        return c.json(conflict('The last Administrator keeps the role.'), 409);
      const next = change(
        c,
        user,
        expectedRevision,
        { role },
        true,
        'user.role',
        `Role of ${user.username}: ${user.role} → ${role}; sessions revoked.`,
      );
      return c.json(view(next), 200);
    })
    .openapi(setPassword, async (c) => {
      const { userId } = c.req.valid('param');
      const user = userById(d.db, userId);
      if (!user) return c.json(notFound, 404);
      const { password, expectedRevision } = c.req.valid('json');
      const problem = passwordProblem(password, user.username);
      if (problem) return c.json({ error: { code: 'INVALID_INPUT', message: problem, target: 'password' } }, 400);
      const hash = await hashPassword(password);
      const next = change(
        c,
        user,
        expectedRevision,
        { passwordHash: hash, passwordChangedAt: Date.now() },
        true,
        'user.password',
        `Password of ${user.username} reset; sessions revoked.`,
      );
      return c.json(view(next), 200);
    })
    .openapi(setDisabled, (c) => {
      const { userId } = c.req.valid('param');
      const { disabled, expectedRevision } = c.req.valid('json');
      const user = userById(d.db, userId);
      if (!user) return c.json(notFound, 404);
      if (disabled && user.role === 'Administrator' && admins().length <= 1)
        return c.json(conflict("The last Administrator can't be disabled."), 409);
      const next = change(
        c,
        user,
        expectedRevision,
        { disabled },
        disabled,
        disabled ? 'user.disable' : 'user.enable',
        `User ${user.username} ${disabled ? 'disabled' : 'enabled'}.`,
      );
      return c.json(view(next), 200);
    });
}
