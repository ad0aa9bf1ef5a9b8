import type { Context } from 'hono';
import type { Actor, Availability, ObjectKind, Targets } from '@dpm/domain/operations/operation';
import { availableOperations } from '@dpm/domain/operations/catalogue';
import { viewOf } from '@dpm/domain/view';
import { roleRefusal } from '@dpm/domain/roles';
import type { AppDeps, AppEnv } from '../deps';
import { accessOf, allows, routeKey } from '../auth/permissions';

/** Who a request acts as, for the catalogue: the signed-in user and their role. */
export function actorOf(c: Context<AppEnv>): Actor {
  const principal = c.get('principal');
  return { name: principal?.username ?? c.get('actor'), role: principal?.role ?? 'Reader' };
}

/** What the request's user can do to an object of a kind: each operation, enabled or with its reason. */
export function offered<K extends ObjectKind>(
  d: AppDeps,
  c: Context<AppEnv>,
  kind: K,
  target: Targets[K],
): Availability[] {
  return availableOperations(viewOf(d.store.estate), kind, target, actorOf(c));
}

/** The same for many objects of one list, sharing one view of the estate. */
export function offeredFor<K extends ObjectKind>(
  d: AppDeps,
  c: Context<AppEnv>,
  kind: K,
): (target: Targets[K]) => Availability[] {
  const view = viewOf(d.store.estate);
  const actor = actorOf(c);
  return (target) => availableOperations(view, kind, target, actor);
}

/**
 * A control that is no DPM operation of the estate (a report schedule, a setting) offered as the
 * route behind it allows the request's user: enabled, or disabled with the role it needs.
 */
export function routeOffer(
  c: Context<AppEnv>,
  control: { id: string; name: string; area: Availability['area'] },
  method: string,
  path: string,
): Availability {
  const access = accessOf(method, routeKey(method, path).slice(method.length + 1));
  const actor = actorOf(c);
  const enabled = allows(actor.role, access);
  const reason =
    enabled || access.kind !== 'role' ? null : { code: 'FORBIDDEN', message: roleRefusal(access.role, actor) };
  return { ...control, enabled, reason };
}
