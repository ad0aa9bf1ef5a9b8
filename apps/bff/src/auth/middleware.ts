import type { MiddlewareHandler } from 'hono';
import { appendAudit } from '@dpm/db/audit-repository';
import type { AppDeps, AppEnv } from '../deps';
import { clientAddress } from '../deps';
import { allows, permissionOf, roleFor } from './permissions';
import { authenticate } from './service';

/**
 * Every /api route passes here: the matched route is looked up in the permission table, the
 * caller is authenticated (session cookie or API token) and authorized by role. A refusal is
 * a 401 or 403 that changes nothing, and is audited, reads included.
 */
export function authorize(d: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // The console's SPA fallback (GET *, main.ts) matches every path too; only API routes count.
    const route = c.req.matchedRoutes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).at(-1);
    if (!route) return next();
    const permission = permissionOf(c.req.method, route.path);
    c.set('principal', null);
    if (permission === 'public') return next();
    const principal = authenticate(d.db, d.auth, c, Date.now());
    const audit = (actor: string, code: string, detail: string) => {
      c.set('audited', true);
      appendAudit(d.db, {
        at: Date.now(),
        simulatedAt: d.store.now,
        actor,
        action: `${c.req.method} ${route.path}`,
        target: new URL(c.req.url).pathname,
        outcome: 'refused',
        code,
        address: clientAddress(c),
        detail,
      });
    };
    if (!principal) {
      audit('anonymous', 'UNAUTHENTICATED', 'Not signed in.');
      return c.json({ error: { code: 'UNAUTHENTICATED', message: 'Sign in to use the DPM console.', requestId: c.get('requestId') } }, 401);
    }
    c.set('principal', principal);
    c.set('actor', principal.username);
    if (!allows(principal.role, permission)) {
      const message = `This needs the ${roleFor(permission)} role; ${principal.username} is ${principal.role === 'Operator' ? 'an' : 'a'} ${principal.role}.`;
      audit(principal.username, 'FORBIDDEN', message);
      return c.json({ error: { code: 'FORBIDDEN', message, requestId: c.get('requestId') } }, 403);
    }
    await next();
  };
}
