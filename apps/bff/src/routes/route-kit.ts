import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Db } from '@dpm/db/client';
import { isDomainError } from '@dpm/domain/errors';
import type { ObjectKind, Operation } from '@dpm/domain/operations/operation';
import { roleAllows } from '@dpm/domain/roles';
import type { Role } from '@dpm/domain/roles';
import type { AppDeps, AppEnv } from '../deps';
import { actorOf } from './offers';
import { Refused } from '../http-errors';
import type { Access } from '../auth/permissions';
import { declareAccess } from '../auth/permissions';
import { CommandResult, ErrorBody } from '../schemas';

/** A router whose invalid input answers 400 naming the field, never reaching a handler. */
export function router() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const field = issue?.path.join('.') || (result.target ?? 'body');
        return c.json(
          {
            error: {
              code: 'INVALID_INPUT',
              message: `Invalid value for "${field}": ${issue?.message ?? 'invalid'}.`,
              target: field,
              requestId: c.get('requestId'),
            },
          },
          400,
        );
      }
      return undefined;
    },
  });
}

export const refusals = {
  400: {
    description: 'Invalid input; the message names the field',
    content: { 'application/json': { schema: ErrorBody } },
  },
  403: {
    description: 'The role of the signed-in user may not do this',
    content: { 'application/json': { schema: ErrorBody } },
  },
  404: { description: 'Not found', content: { 'application/json': { schema: ErrorBody } } },
  409: {
    description:
      'Not possible in the current state, already done (ALREADY_SWITCHED, NOT_SWITCHED) or changed since it was ' +
      'shown (STALE)',
    content: { 'application/json': { schema: ErrorBody } },
  },
  422: {
    description: 'Refused by a DPM rule; the code names it',
    content: { 'application/json': { schema: ErrorBody } },
  },
} as const;

export const commandResponses = {
  200: {
    description: 'Done; the jobs it started are listed',
    content: { 'application/json': { schema: CommandResult } },
  },
  ...refusals,
} as const;

/** The strongest role among operations a route may run (Lock / Unlock library door share one). */
function roleOf(ops: readonly Operation<ObjectKind, never, string>[]): Role {
  return ops.reduce<Role>((role, op) => (roleAllows(role, op.role) ? role : op.role), 'Reader');
}

/**
 * A POST that runs a DPM operation of the catalogue (or one of a pair a body chooses between):
 * its OpenAPI entry, and its access, the role the operation needs. No other list says it.
 */
export function operationRoute<Path extends string, P extends z.ZodObject, B extends z.ZodType>(
  ops: Operation<ObjectKind, never, string> | readonly Operation<ObjectKind, never, string>[],
  path: Path,
  params: P,
  body: B,
  summary?: string,
) {
  const list = Array.isArray(ops) ? ops : [ops as Operation<ObjectKind, never, string>];
  const first = list[0];
  declareAccess('post', path, {
    kind: 'role',
    role: roleOf(list),
    operation: list.length === 1 ? first?.id : undefined,
  });
  return createRoute({
    method: 'post',
    path,
    tags: [first?.area ?? 'DPM'],
    summary: summary ?? list.map((op) => op.name).join(' / '),
    request: { params, body: { required: true, content: { 'application/json': { schema: body } } } },
    responses: commandResponses,
  });
}

/** A GET answering one schema; any signed-in user may read unless `access` says otherwise. */
export function readRoute<Path extends string, P extends z.ZodObject, Q extends z.ZodObject, R extends z.ZodType>(
  tag: string,
  path: Path,
  summary: string,
  params: P,
  query: Q,
  response: R,
  access?: Access,
) {
  if (access) declareAccess('get', path, access);
  return createRoute({
    method: 'get',
    path,
    tags: [tag],
    summary,
    request: { params, query },
    responses: {
      200: { description: summary, content: { 'application/json': { schema: response } } },
      400: refusals[400],
      404: refusals[404],
    },
  });
}

/** A route outside the catalogue (accounts, users, the clock), with the access it declares. */
export function declared<R extends { method: string; path: string }>(route: R, access: Access): R {
  declareAccess(route.method, route.path, access);
  return route;
}

export const NoQuery = z.object({}).strict();
export const NoBody = z.object({}).strict();

/**
 * Runs an operation as the request's user through the store. Its changes and its audit entry are
 * committed together; a refusal becomes the mapped HTTP error (and the hook audits it).
 */
export function run<C>(
  d: AppDeps,
  c: Context<AppEnv>,
  op: Operation<ObjectKind, C, string>,
  cmd: C,
  opts: { target?: string; alongside?: (tx: Db) => void } = {},
) {
  const audit = c.get('audit');
  audit.set({ action: op.id, ...(opts.target !== undefined ? { target: opts.target } : {}) });
  const result = d.store.execute(op, cmd, actorOf(c), (tx, outcome) => {
    opts.alongside?.(tx);
    audit.write(tx, 'success', null, outcome.events.map((e) => e.summary).join('; '));
  });
  if (isDomainError(result)) throw new Refused(result);
  const jobs = result.changes.flatMap((ch) =>
    ch.op === 'put' && ch.entity === 'jobs' && ch.value.status === 'Scheduled'
      ? [{ jobId: ch.value.id, serverId: ch.value.serverId, type: ch.value.type }]
      : [],
  );
  return { ok: true as const, events: result.events, jobIds: jobs.map((j) => j.jobId), jobs };
}
