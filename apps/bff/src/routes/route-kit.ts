import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Db } from '@dpm/db/client';
import { isDomainError } from '@dpm/domain/errors';
import type { DpmServer } from '@dpm/domain/model';
import type { Availability, ObjectKind, Operation, Targets } from '@dpm/domain/operations/operation';
import { availableOperations } from '@dpm/domain/operations/catalogue';
import { knownServer } from '@dpm/domain/guards';
import { viewOf } from '@dpm/domain/view';
import { roleAllows, roleRefusal } from '@dpm/domain/roles';
import type { Role } from '@dpm/domain/roles';
import type { AppDeps, AppEnv } from '../deps';
import { actorOf } from '../deps';
import { Refused } from '../http-errors';
import type { Access } from '../auth/permissions';
import { accessOf, allows, declareAccess, routeKey } from '../auth/permissions';
import { CommandResult, ErrorBody } from '../schemas';

export const refusals = {
  400: { description: 'Invalid input; the message names the field', content: { 'application/json': { schema: ErrorBody } } },
  403: { description: 'The role of the signed-in user may not do this', content: { 'application/json': { schema: ErrorBody } } },
  404: { description: 'Not found', content: { 'application/json': { schema: ErrorBody } } },
  409: { description: 'Not possible in the current state, already done (ALREADY_SWITCHED, NOT_SWITCHED) or changed since it was shown (STALE)', content: { 'application/json': { schema: ErrorBody } } },
  422: { description: 'Refused by a DPM rule; the code names it', content: { 'application/json': { schema: ErrorBody } } },
} as const;

export const commandResponses = {
  200: { description: 'Done; the jobs it started are listed', content: { 'application/json': { schema: CommandResult } } },
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
  declareAccess('post', path, { kind: 'role', role: roleOf(list), operation: list.length === 1 ? first?.id : undefined });
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
  const jobs = result.changes.flatMap((ch) => (ch.op === 'put' && ch.entity === 'jobs' && ch.value.status === 'Scheduled' ? [{ jobId: ch.value.id, serverId: ch.value.serverId, type: ch.value.type }] : []));
  return { ok: true as const, events: result.events, jobIds: jobs.map((j) => j.jobId), jobs };
}

/** A DPM server of the estate, whatever its state, or 404: what every read under /servers/{id} starts from. */
export function serverOr404(d: AppDeps, serverId: string): DpmServer {
  const server = knownServer(viewOf(d.store.estate), serverId);
  if (isDomainError(server)) throw new Refused(server);
  return server;
}

/** What the request's user can do to an object of a kind: each operation, enabled or with its reason. */
export function offered<K extends ObjectKind>(d: AppDeps, c: Context<AppEnv>, kind: K, target: Targets[K]): Availability[] {
  return availableOperations(viewOf(d.store.estate), kind, target, actorOf(c));
}

/** The same for many objects of one list, sharing one view of the estate. */
export function offeredFor<K extends ObjectKind>(d: AppDeps, c: Context<AppEnv>, kind: K): (target: Targets[K]) => Availability[] {
  const view = viewOf(d.store.estate);
  const actor = actorOf(c);
  return (target) => availableOperations(view, kind, target, actor);
}

/**
 * A control that is no DPM operation of the estate (a report schedule, a setting) offered as the
 * route behind it allows the request's user: enabled, or disabled with the role it needs.
 */
export function routeOffer(c: Context<AppEnv>, control: { id: string; name: string; area: Availability['area'] }, method: string, path: string): Availability {
  const access = accessOf(method, routeKey(method, path).slice(method.length + 1));
  const actor = actorOf(c);
  const enabled = allows(actor.role, access);
  const reason = enabled || access.kind !== 'role' ? null : { code: 'FORBIDDEN', message: roleRefusal(access.role, actor) };
  return { ...control, enabled, reason };
}
