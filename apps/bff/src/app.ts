import { OpenAPIHono, z } from '@hono/zod-openapi';
import { randomUUID } from 'node:crypto';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps, AppEnv } from './deps';
import { clientAddress } from './deps';
import { Forbidden, Refused, statusOf } from './http-errors';
import { appendAudit } from '@dpm/db/audit-repository';
import { systemRoutes } from './routes/system';
import { serverRoutes } from './routes/servers';
import { protectionRoutes } from './routes/protection';
import { monitoringRoutes } from './routes/monitoring';
import { recoveryRoutes } from './routes/recovery';
import { managementRoutes } from './routes/management';
import { managementOperationRoutes } from './routes/management-operations';
import { estateRoutes } from './routes/estate';
import { eventRoutes } from './routes/events';
import { authRoutes } from './routes/auth';
import { userRoutes } from './routes/users';
import { auditRoutes } from './routes/audit';
import { reportingRoutes } from './routes/reporting';
import { authorize } from './auth/middleware';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The BFF: every route under /api, described by /api/openapi.json. Errors are mapped here and
 * only here: a domain refusal keeps its code and sentence, bad input names its field, anything
 * else is a 500 with a request id and no detail.
 */
export function createApi(d: AppDeps) {
  const api = new OpenAPIHono<AppEnv>()
    .route('/', systemRoutes(d))
    .route('/', serverRoutes(d))
    .route('/', protectionRoutes(d))
    .route('/', monitoringRoutes(d))
    .route('/', recoveryRoutes(d))
    .route('/', managementRoutes(d))
    .route('/', managementOperationRoutes(d))
    .route('/', estateRoutes(d))
    .route('/', authRoutes(d))
    .route('/', userRoutes(d))
    .route('/', auditRoutes(d))
    .route('/', reportingRoutes(d));
  return api;
}

export type ApiType = ReturnType<typeof createApi>;

export function createApp(d: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('requestId', randomUUID());
    c.set('actor', 'anonymous');
    c.set('principal', null);
    await next();
    c.header('X-Request-Id', c.get('requestId'));
  });
  // Every mutating request is audited, and every refusal of any request: the verbs, the store and
  // the authorization middleware audit their own; this audits what they never reached (a body
  // that is not JSON or too large, another origin, invalid input answered by the router, a
  // wrong path id, a route that does not exist).
  app.use('/api/*', async (c, next) => {
    c.set('audited', false);
    await next();
    const status = c.res.status;
    const mutating = MUTATING.has(c.req.method);
    // 5xx are logged with their request id instead; a read is audited only when refused access.
    if (c.get('audited') || status >= 500 || !(mutating || status === 401 || status === 403)) return;
    const body = status >= 400 ? ((await c.res.clone().json().catch(() => null)) as { error?: { code?: string; message?: string } } | null) : null;
    appendAudit(d.db, {
      at: Date.now(),
      simulatedAt: d.store.now,
      actor: c.get('actor'),
      action: `${c.req.method} ${c.req.path}`,
      target: c.req.path,
      outcome: status >= 400 ? 'refused' : 'success',
      code: status >= 400 ? (body?.error?.code ?? String(status)) : null,
      address: clientAddress(c),
      detail: (body?.error?.message ?? '').slice(0, 500),
    });
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    }),
  );
  app.use('/api/*', bodyLimit({ maxSize: 256 * 1024, onError: (c) => c.json({ error: { code: 'INVALID_INPUT', message: 'The request body is larger than 256 KiB.', target: 'body' } }, 413) }));
  // JSON mutations only, and only from this console's own origin (CSRF: csrf() skips JSON).
  app.use('/api/*', async (c, next) => {
    if (MUTATING.has(c.req.method)) {
      const type = c.req.header('content-type') ?? '';
      if (!type.toLowerCase().startsWith('application/json')) {
        return c.json({ error: { code: 'INVALID_INPUT', message: 'Send the request body as application/json.', target: 'content-type' } }, 415);
      }
      const origin = c.req.header('origin');
      // Sec-Fetch-Site is sent by browsers even where Origin is not: only this origin (or the
      // user typing, "none") may change the estate from a browser. Scripts use API tokens.
      const site = c.req.header('sec-fetch-site');
      if ((origin !== undefined && origin !== new URL(c.req.url).origin) || (site !== undefined && site !== 'same-origin' && site !== 'none')) {
        return c.json({ error: { code: 'FORBIDDEN', message: 'Cross-origin requests may not change the estate.', target: 'origin' } }, 403);
      }
    }
    await next();
  });
  app.use('/api/*', authorize(d));
  app.route('/api', createApi(d));
  app.route('/api', eventRoutes(d));
  // The stream is a plain Hono route (server-sent events); it is described here all the same.
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/events',
    tags: ['System'],
    summary: 'Live changes as server-sent events',
    description:
      'Events: `hello` (data: {"lastId"}), then `change` for every committed change (id; data: {"id","at","type","serverId","subjectId","summary"}), and `heartbeat` every 15 s. Reconnect with Last-Event-ID (or ?lastEventId=) to receive what was missed.',
    request: { query: z.object({ lastEventId: z.string().optional() }), headers: z.object({ 'last-event-id': z.string().optional() }) },
    responses: { 200: { description: 'The event stream', content: { 'text/event-stream': { schema: z.string() } } }, 401: { description: 'Not signed in' } },
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'DPM Console API', version: d.version, description: 'The backend-for-frontend of the DPM web console.' },
  });
  app.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: `No route for ${c.req.method} ${new URL(c.req.url).pathname}.` } }, 404));
  app.onError((err, c) => {
    const requestId = c.get('requestId');
    if (err instanceof Forbidden) {
      c.set('audited', true);
      appendAudit(d.db, { at: Date.now(), simulatedAt: d.store.now, actor: c.get('actor'), action: `${c.req.method} ${c.req.path}`, target: c.req.path, outcome: 'refused', code: 'FORBIDDEN', address: clientAddress(c), detail: err.message });
      return c.json({ error: { code: 'FORBIDDEN', message: err.message, requestId } }, 403);
    }
    if (err instanceof Refused) {
      const { code, message, target } = err.error;
      return c.json({ error: { code, message, ...(target ? { target } : {}), requestId } }, statusOf(code));
    }
    if (err instanceof SyntaxError || (err as { status?: number }).status === 400) {
      return c.json({ error: { code: 'INVALID_INPUT', message: 'The request body is not valid JSON.', target: 'body', requestId } }, 400);
    }
    d.log.error({ err, requestId, path: c.req.path }, 'request failed');
    return c.json({ error: { code: 'INTERNAL', message: 'The server could not complete the request.', requestId } }, 500);
  });
  return app;
}
