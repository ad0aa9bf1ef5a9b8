import { createRoute, z } from '@hono/zod-openapi';
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { appendAudit } from '@dpm/db/audit-repository';
import { insertUser, listUsers, revokeUserSessions, updateUser, userById, userByName, type User } from '@dpm/db/accounts-repository';
import type { AppDeps, AppEnv } from '../deps';
import { clientAddress, router } from '../deps';
import { ErrorBody, Id } from '../schemas';
import { hashPassword, passwordProblem } from '../auth/passwords';
import { refusals } from './route-kit';

const TAG = 'Users';
const Role = z.enum(['Administrator', 'Operator', 'Reader']);
const UserRow = z.object({ id: z.string(), username: z.string(), role: Role, disabled: z.boolean(), createdAt: z.number(), passwordChangedAt: z.number() }).openapi('User');
const UserParams = z.object({ userId: Id.openapi({ param: { name: 'userId', in: 'path' } }) });
const json = <S extends z.ZodType>(schema: S) => ({ required: true, content: { 'application/json': { schema } } });
const ok = { description: 'Done', content: { 'application/json': { schema: UserRow } } };
const responses = { 200: ok, 400: refusals[400], 404: refusals[404], 409: { description: 'Not possible', content: { 'application/json': { schema: ErrorBody } } } } as const;

const list = createRoute({ method: 'get', path: '/users', tags: [TAG], responses: { 200: { description: 'Console accounts', content: { 'application/json': { schema: z.array(UserRow) } } } } });
const create = createRoute({
  method: 'post',
  path: '/users',
  tags: [TAG],
  request: { body: json(z.object({ username: z.string().min(1).max(64).regex(/^[a-zA-Z0-9._-]+$/, 'letters, digits, dot, dash or underscore'), role: Role, password: z.string().min(1).max(1024) }).strict()) },
  responses,
});
const setRole = createRoute({ method: 'post', path: '/users/{userId}/role', tags: [TAG], request: { params: UserParams, body: json(z.object({ role: Role }).strict()) }, responses });
const setPassword = createRoute({ method: 'post', path: '/users/{userId}/password', tags: [TAG], request: { params: UserParams, body: json(z.object({ password: z.string().min(1).max(1024) }).strict()) }, responses });
const setDisabled = createRoute({ method: 'post', path: '/users/{userId}/disabled', tags: [TAG], request: { params: UserParams, body: json(z.object({ disabled: z.boolean() }).strict()) }, responses });

const view = (u: User) => ({ id: u.id, username: u.username, role: u.role, disabled: u.disabled, createdAt: u.createdAt, passwordChangedAt: u.passwordChangedAt });

/** The Users page: accounts and roles, for Administrators. A change signs the user out everywhere. */
export function userRoutes(d: AppDeps) {
  const audit = (c: Context<AppEnv>, action: string, target: string, detail: string) => {
    c.set('audited', true);
    appendAudit(d.db, { at: Date.now(), simulatedAt: d.store.now, actor: c.get('actor'), action, target, outcome: 'success', code: null, address: clientAddress(c), detail });
  };
  const admins = () => listUsers(d.db).filter((u) => u.role === 'Administrator' && !u.disabled);
  const conflict = (message: string) => ({ error: { code: 'CONFLICT', message } });
  const notFound = { error: { code: 'NOT_FOUND', message: 'No such user.', target: 'userId' } };

  return router()
    .openapi(list, (c) => c.json(listUsers(d.db).map(view), 200))
    .openapi(create, async (c) => {
      const { username, role, password } = c.req.valid('json');
      if (userByName(d.db, username)) return c.json(conflict(`A user named ${username.toLowerCase()} already exists.`), 409);
      const problem = passwordProblem(password, username);
      if (problem) return c.json({ error: { code: 'INVALID_INPUT', message: problem, target: 'password' } }, 400);
      const now = Date.now();
      const user: User = { id: randomUUID(), username: username.toLowerCase(), passwordHash: await hashPassword(password), role, disabled: false, createdAt: now, passwordChangedAt: now };
      insertUser(d.db, user);
      audit(c, 'user.create', user.username, `User ${user.username} created as ${role}.`);
      return c.json(view(user), 200);
    })
    .openapi(setRole, (c) => {
      const { userId } = c.req.valid('param');
      const { role } = c.req.valid('json');
      const user = userById(d.db, userId);
      if (!user) return c.json(notFound, 404);
      if (user.role === 'Administrator' && role !== 'Administrator' && admins().length <= 1) return c.json(conflict('The last Administrator keeps the role.'), 409);
      updateUser(d.db, user.id, { role });
      revokeUserSessions(d.db, user.id, Date.now());
      audit(c, 'user.role', user.username, `Role of ${user.username}: ${user.role} → ${role}; sessions revoked.`);
      return c.json(view({ ...user, role }), 200);
    })
    .openapi(setPassword, async (c) => {
      const { userId } = c.req.valid('param');
      const user = userById(d.db, userId);
      if (!user) return c.json(notFound, 404);
      const { password } = c.req.valid('json');
      const problem = passwordProblem(password, user.username);
      if (problem) return c.json({ error: { code: 'INVALID_INPUT', message: problem, target: 'password' } }, 400);
      const now = Date.now();
      updateUser(d.db, user.id, { passwordHash: await hashPassword(password), passwordChangedAt: now });
      revokeUserSessions(d.db, user.id, now);
      audit(c, 'user.password', user.username, `Password of ${user.username} reset; sessions revoked.`);
      return c.json(view({ ...user, passwordChangedAt: now }), 200);
    })
    .openapi(setDisabled, (c) => {
      const { userId } = c.req.valid('param');
      const { disabled } = c.req.valid('json');
      const user = userById(d.db, userId);
      if (!user) return c.json(notFound, 404);
      if (disabled && user.role === 'Administrator' && admins().length <= 1) return c.json(conflict('The last Administrator can\'t be disabled.'), 409);
      updateUser(d.db, user.id, { disabled });
      if (disabled) revokeUserSessions(d.db, user.id, Date.now());
      audit(c, disabled ? 'user.disable' : 'user.enable', user.username, `User ${user.username} ${disabled ? 'disabled' : 'enabled'}.`);
      return c.json(view({ ...user, disabled }), 200);
    });
}
