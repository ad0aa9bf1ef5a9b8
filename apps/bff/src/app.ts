import { OpenAPIHono, z } from '@hono/zod-openapi';
import { randomUUID } from 'node:crypto';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { AppDeps, AppEnv } from './deps';
import { Refused, statusOf } from './http-errors';
import { auditHook } from './audit/hook';
import { systemRoutes } from './routes/system';
import { serverRoutes } from './routes/servers';
import { serverRecoveryRoutes } from './routes/server-recovery';
import { topologyRoutes } from './routes/topology';
import { protectionRoutes } from './routes/protection';
import { protectionGroupRoutes } from './routes/protection-groups';
import { monitoringRoutes } from './routes/monitoring';
import { recoveryRoutes } from './routes/recovery';
import { agentRoutes } from './routes/agents';
import { libraryRoutes } from './routes/libraries';
import { diskRoutes } from './routes/disks';
import { onlineRoutes } from './routes/online';
import { estateRoutes } from './routes/estate';
import { eventRoutes } from './routes/events';
import { authRoutes } from './routes/auth';
import { userRoutes } from './routes/users';
import { auditRoutes } from './routes/audit';
import { reportingRoutes } from './routes/reporting';
import { reportScheduleRoutes } from './routes/report-schedules';
import { readinessRoutes } from './routes/readiness';
import { authorize } from './auth/middleware';
import { matchedApiRoute } from './auth/permissions';
import { SECURITY_HEADERS, isCompleteAnswer } from './security';
import { answersFromReadModel } from './read-models';
import { MAX_URL_LENGTH, isJsonMediaType, jsonProblem, originProblem, queryProblem } from './request-checks';

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
    .route('/', serverRecoveryRoutes(d))
    .route('/', topologyRoutes(d))
    .route('/', protectionGroupRoutes(d))
    .route('/', protectionRoutes(d))
    .route('/', monitoringRoutes(d))
    .route('/', recoveryRoutes(d))
    .route('/', agentRoutes(d))
    .route('/', libraryRoutes(d))
    .route('/', diskRoutes(d))
    .route('/', onlineRoutes(d))
    .route('/', estateRoutes(d))
    .route('/', authRoutes(d))
    .route('/', userRoutes(d))
    .route('/', auditRoutes(d))
    .route('/', reportingRoutes(d))
    .route('/', reportScheduleRoutes(d))
    .route('/', readinessRoutes(d));
  return api;
}

export type ApiType = ReturnType<typeof createApi>;

const refusal = (code: string, message: string, target: string) => ({ error: { code, message, target } });

export function createApp(d: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('requestId', randomUUID());
    c.set('actor', 'anonymous');
    c.set('principal', null);
    // Set before the answer exists, they become part of whatever answer the context creates; an
    // answer built without them (a Response made elsewhere) gets them after. Headers set on a
    // finished answer's own Headers object can be lost by @hono/node-server's response cache.
    // A read model's answer (read-models.ts) brings every header itself, as one plain object.
    const api = c.req.path.startsWith('/api/');
    const route = api && c.req.method === 'GET' ? matchedApiRoute(c) : undefined;
    if (!(route && answersFromReadModel(`GET ${route}`))) {
      for (const [name, value] of SECURITY_HEADERS) c.header(name, value);
      if (api) c.header('Cache-Control', 'no-store');
      c.header('X-Request-Id', c.get('requestId'));
    }
    await next();
    if (isCompleteAnswer(c.res)) return;
    if (c.res.headers.get('X-Frame-Options') !== 'DENY') {
      for (const [name, value] of SECURITY_HEADERS) c.header(name, value);
      c.header('X-Request-Id', c.get('requestId'));
    }
    // An answer of the API is never stored, the event stream's no-cache included.
    if (api && c.res.headers.get('Cache-Control') !== 'no-store') c.header('Cache-Control', 'no-store');
  });
  // Every mutating request is audited, and every refusal of any request, once (audit/hook.ts).
  app.use('/api/*', auditHook(d));
  app.use('/api/*', async (c, next) => {
    if (c.req.url.length > MAX_URL_LENGTH)
      return c.json(refusal('INVALID_INPUT', `The address is longer than ${MAX_URL_LENGTH} characters.`, 'url'), 414);
    const query = queryProblem(c.req.queries());
    if (query) return c.json(refusal('INVALID_INPUT', query.message, query.target), 400);
    await next();
  });
  const limit = bodyLimit({
    maxSize: 256 * 1024,
    onError: (c) => c.json(refusal('INVALID_INPUT', 'The request body is larger than 256 KiB.', 'body'), 413),
  });
  // A GET or HEAD carries no body (@hono/node-server passes none on), and asking would build the
  // request's full Request object for nothing.
  app.use('/api/*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next)));
  // A change is JSON (application/json, nothing like it), from this console's own origin unless an
  // API token sends it, and its body is empty or JSON whose every text is text (no control
  // characters, no lone surrogates). An empty body is read as {}, so a body-less route takes
  // either; the route's schema then decides on the rest.
  app.use('/api/*', async (c, next) => {
    if (!MUTATING.has(c.req.method)) return next();
    if (!isJsonMediaType(c.req.header('content-type'))) {
      return c.json(refusal('INVALID_INPUT', 'Send the request body as application/json.', 'content-type'), 415);
    }
    const origin = originProblem(
      {
        origin: c.req.header('origin'),
        secFetchSite: c.req.header('sec-fetch-site'),
        authorization: c.req.header('authorization'),
      },
      d.config.publicOrigin,
    );
    if (origin) return c.json(refusal('FORBIDDEN', origin.message, origin.target), 403);
    const text = await c.req.text();
    let body: unknown = {};
    if (text.trim() === '') {
      // The validators read the body through Hono's cache of its text: an empty one reads as {}.
      (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve('{}');
    } else {
      try {
        body = JSON.parse(text);
      } catch {
        return c.json(refusal('INVALID_INPUT', 'The request body is not valid JSON.', 'body'), 400);
      }
    }
    const problem = jsonProblem(body);
    if (problem) return c.json(refusal('INVALID_INPUT', problem.message, problem.target), 400);
    await next();
  });
  app.use('/api/*', authorize(d));
  // A change to the estate waits for the one before it, a clock advance included (it takes its
  // own turn): an advance pauses to answer requests, and a command must not change the estate it
  // is deciding on. Signing in and out changes no estate and does not wait.
  app.use('/api/*', (c, next) =>
    !MUTATING.has(c.req.method) || c.req.path === '/api/clock/advance' || c.req.path.startsWith('/api/auth/')
      ? next()
      : d.store.exclusive(next),
  );
  app.route('/api', createApi(d));
  app.route('/api', eventRoutes(d));
  // The stream is a plain Hono route (server-sent events); it is described here all the same.
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/events',
    tags: ['System'],
    summary: 'Live changes as server-sent events',
    description:
      'Events: `hello` (data: {"lastId"}), then `change` for every committed change (id; data: ' +
      '{"id","at","type","serverId","subjectId","summary"}), and `heartbeat` every 15 s. Reconnect with ' +
      'Last-Event-ID (or ?lastEventId=) to receive what was missed.',
    request: {
      query: z.object({ lastEventId: z.string().optional() }),
      headers: z.object({ 'last-event-id': z.string().optional() }),
    },
    responses: {
      200: { description: 'The event stream', content: { 'text/event-stream': { schema: z.string() } } },
      401: { description: 'Not signed in' },
    },
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'DPM Console API',
      version: d.version,
      description: 'The backend-for-frontend of the DPM web console.',
    },
  });
  app.notFound((c) =>
    c.json(
      { error: { code: 'NOT_FOUND', message: `No route for ${c.req.method} ${new URL(c.req.url).pathname}.` } },
      404,
    ),
  );
  app.onError((err, c) => {
    const requestId = c.get('requestId');
    if (err instanceof Refused) {
      const { code, message, target, changed } = err.error;
      return c.json(
        { error: { code, message, ...(target ? { target } : {}), ...(changed ? { changed } : {}), requestId } },
        statusOf(code),
      );
    }
    if (
      err instanceof SyntaxError ||
      (!(err instanceof HTTPException) && (err as { status?: number }).status === 400)
    ) {
      return c.json(
        { error: { code: 'INVALID_INPUT', message: 'The request body is not valid JSON.', target: 'body', requestId } },
        400,
      );
    }
    // Hono's own refusals (a validator's 400 or 415): the request's fault, so never a 500.
    if (err instanceof HTTPException && err.status >= 400 && err.status < 500) {
      const status = err.status as 400 | 413 | 415;
      return c.json(
        {
          error: {
            code: 'INVALID_INPUT',
            message:
              status === 415
                ? 'Send the request body as application/json.'
                : err.message || 'The request is not valid.',
            target: status === 415 ? 'content-type' : 'body',
            requestId,
          },
        },
        status,
      );
    }
    d.log.error({ err, requestId, path: c.req.path }, 'request failed');
    return c.json(
      { error: { code: 'INTERNAL', message: 'The server could not complete the request.', requestId } },
      500,
    );
  });
  return app;
}
