import type { Role } from '@dpm/db/accounts-repository';

/**
 * Who may call what: the one table every route is checked against (the middleware in
 * auth/middleware.ts looks the matched route up here).
 * - public: anyone; read: any signed-in user; self: a signed-in user on their own account;
 * - operate: Operators and Administrators (run jobs, consistency checks, inventories, recovery
 *   to an alternate location, alerts);
 * - administer: Administrators only (protection changes, switch, DPMDB restore, tape erase,
 *   agents, users). A mutating route missing from the table is administer: it fails closed.
 */
export type Permission = 'public' | 'read' | 'self' | 'operate' | 'administer';

const TABLE: Record<string, Permission> = {
  'GET /api/health': 'public',
  'POST /api/auth/sign-in': 'public',
  'POST /api/auth/sign-out': 'self',
  'GET /api/auth/me': 'self',
  'POST /api/auth/password': 'self',
  'GET /api/auth/tokens': 'self',
  'POST /api/auth/tokens': 'self',
  'POST /api/auth/tokens/:tokenId/revoke': 'self',
  'POST /api/servers/:serverId/protection/consistency-checks': 'operate',
  'POST /api/servers/:serverId/protection/recovery-points': 'operate',
  'POST /api/servers/:serverId/jobs/:jobId/retry': 'operate',
  'POST /api/servers/:serverId/jobs/:jobId/cancel': 'operate',
  'POST /api/servers/:serverId/libraries/:libraryId/rescan': 'operate',
  'POST /api/servers/:serverId/libraries/:libraryId/inventory': 'operate',
  'POST /api/servers/:serverId/tapes/:tapeId/recatalog': 'operate',
  'POST /api/servers/:serverId/tapes/:tapeId/identify': 'operate',
  'POST /api/servers/:serverId/libraries/:libraryId/clean-drive': 'operate',
  'POST /api/servers/:serverId/agents/refresh': 'operate',
  'POST /api/servers/:serverId/alerts/:alertId/inactivate': 'operate',
  'POST /api/servers/:serverId/alerts/:alertId/acknowledge': 'operate',
  // Operators recover to an alternate location only; the route refuses the original location.
  'POST /api/servers/:serverId/recovery/recover': 'operate',
  // A readiness check raises and resolves alerts: an Operator's, as alerts are.
  'POST /api/readiness/run': 'operate',
  'GET /api/audit': 'operate',
  'GET /api/audit.csv': 'operate',
  'GET /api/users': 'administer',
};

export function permissionOf(method: string, routePath: string): Permission {
  const listed = TABLE[`${method} ${routePath}`];
  if (listed) return listed;
  return method === 'GET' || method === 'HEAD' ? 'read' : 'administer';
}

const RANK: Record<Role, number> = { Reader: 1, Operator: 2, Administrator: 3 };
const NEEDS: Record<Exclude<Permission, 'public'>, number> = { read: 1, self: 1, operate: 2, administer: 3 };

export function allows(role: Role, permission: Permission): boolean {
  return permission === 'public' || RANK[role] >= NEEDS[permission];
}

/** The role a permission needs, for the sentence of a refusal and the console's disabled controls. */
export function roleFor(permission: Permission): Role {
  return permission === 'administer' ? 'Administrator' : permission === 'operate' ? 'Operator' : 'Reader';
}

/** Recovery types an Operator may use: everything but overwriting the original data. */
export const OPERATOR_RECOVERY_TYPES = new Set(['Recover to an alternate location', 'Copy to a network folder', 'Recover to any SQL instance', 'Copy to tape']);
