import type { MiddlewareHandler } from 'hono';
import { roleRefusal } from '@dpm/domain/roles';
import type { AppDeps, AppEnv } from '../deps';
import { accessOf, allows, matchedApiRoute } from './permissions';
import { authenticate } from './service';
import { requestHeader } from '../security';

/**
 * Every /api route passes here: the matched route's access is looked up (declared with the route,
 * from the operation it runs), the caller is authenticated (session cookie or API token) and
 * authorized by role. A refusal is a 401 or 403 that changes nothing; the audit hook records it,
 * reads included.
 */
export function authorize(d: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // The console's SPA fallback (GET *, main.ts) matches every path too; only API routes count.
    const route = matchedApiRoute(c);
    if (!route) return next();
    const access = accessOf(c.req.method, route);
    c.set('principal', null);
    if (access.kind === 'public') return next();
    const headers = { authorization: requestHeader(c, 'authorization'), cookie: requestHeader(c, 'cookie') };
    const principal = authenticate(d.db, d.auth, headers, Date.now());
    if (!principal) {
      c.get('audit').set({ detail: 'Not signed in.' });
      return c.json(
        {
          error: { code: 'UNAUTHENTICATED', message: 'Sign in to use the DPM console.', requestId: c.get('requestId') },
        },
        401,
      );
    }
    c.set('principal', principal);
    c.set('actor', principal.username);
    if (!allows(principal.role, access)) {
      const message =
        access.kind === 'role'
          ? roleRefusal(access.role, { name: principal.username, role: principal.role })
          : 'Not allowed.';
      return c.json({ error: { code: 'FORBIDDEN', message, requestId: c.get('requestId') } }, 403);
    }
    await next();
  };
}
