import type { Context } from 'hono';
import type { Role } from '@dpm/domain/roles';
import { roleAllows } from '@dpm/domain/roles';

/**
 * Who may call a route, declared where the route is defined (routes/route-kit.ts): a route that
 * runs a DPM operation needs the role the operation's catalogue entry names; the others say
 * themselves (anyone, a signed-in user on their own account, or a role). Nothing else keeps a
 * second list. An undeclared read needs a Reader; an undeclared mutation an Administrator, so a
 * route that forgets to say fails closed.
 */
export type Access = { kind: 'public' } | { kind: 'self' } | { kind: 'role'; role: Role; operation?: string };

const ROUTES = new Map<string, Access>();

/** Hono's form of an OpenAPI path under /api: /servers/{serverId} → /api/servers/:serverId. */
export function routeKey(method: string, openApiPath: string): string {
  return `${method.toUpperCase()} /api${openApiPath.replace(/\{(\w+)\}/g, ':$1')}`;
}

export function declareAccess(method: string, openApiPath: string, access: Access): void {
  ROUTES.set(routeKey(method, openApiPath), access);
}

/** The access of a matched route (its Hono path, /api/… with :params). */
export function accessOf(method: string, routePath: string): Access {
  const declared = ROUTES.get(`${method.toUpperCase()} ${routePath}`);
  if (declared) return declared;
  return { kind: 'role', role: method === 'GET' || method === 'HEAD' ? 'Reader' : 'Administrator' };
}

export function allows(role: Role, access: Access): boolean {
  return access.kind !== 'role' || roleAllows(role, access.role);
}

/** The API route a request matched (Hono's path, /api/… with :params), if any: the console's fallback is none. */
export function matchedApiRoute(c: Context): string | undefined {
  return c.req.matchedRoutes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).at(-1)?.path;
}
