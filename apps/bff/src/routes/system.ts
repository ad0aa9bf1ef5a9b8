import { createRoute, z } from '@hono/zod-openapi';
import { databaseState } from '@dpm/db/estate-repository';
import type { AppDeps } from '../deps';
import { ErrorBody } from '../schemas';
import { Refused } from '../http-errors';
import { declared, router } from './route-kit';
import { refuse } from '@dpm/domain/errors';

const Health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    database: z.object({ ok: z.boolean(), seed: z.string().nullable(), migrations: z.number(), servers: z.number() }),
  })
  .openapi('Health');

const Clock = z
  .object({ now: z.number(), iso: z.string(), mode: z.enum(['real', 'manual']), speed: z.number(), wallAt: z.number() })
  .openapi('Clock');

const health = declared(
  createRoute({
    method: 'get',
    path: '/health',
    tags: ['System'],
    responses: {
      200: { description: 'Version and database state', content: { 'application/json': { schema: Health } } },
    },
  }),
  { kind: 'public' },
);
const clock = createRoute({
  method: 'get',
  path: '/clock',
  tags: ['System'],
  responses: { 200: { description: 'The simulated clock', content: { 'application/json': { schema: Clock } } } },
});
/** Moving the simulated clock changes what every job and schedule does: an Administrator's rehearsal step. */
const advance = declared(
  createRoute({
    method: 'post',
    path: '/clock/advance',
    tags: ['System'],
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z
              .object({
                minutes: z
                  .number()
                  .int()
                  .min(1)
                  .max(60 * 24 * 30),
              })
              .strict(),
          },
        },
      },
    },
    responses: {
      200: { description: 'The clock after moving', content: { 'application/json': { schema: Clock } } },
      409: { description: 'The clock runs in real time', content: { 'application/json': { schema: ErrorBody } } },
    },
  }),
  { kind: 'role', role: 'Administrator', operation: 'clock.advance' },
);

export function systemRoutes(d: AppDeps) {
  const clockBody = () => ({
    now: d.store.now,
    iso: new Date(d.store.now).toISOString(),
    mode: d.config.clock,
    speed: d.config.clock === 'real' ? d.config.clockSpeed : 0,
    wallAt: Date.now(),
  });
  return router()
    .openapi(health, (c) => {
      const { ok, seed, migrations } = databaseState(d.db);
      return c.json(
        {
          status: ok ? ('ok' as const) : ('degraded' as const),
          version: d.version,
          // Anyone may ask: the state, never where the file lives (the startup log says that).
          database: { ok, seed, migrations, servers: Object.keys(d.store.estate.servers).length },
        },
        200,
      );
    })
    .openapi(clock, (c) => c.json(clockBody(), 200))
    .openapi(advance, async (c) => {
      if (d.config.clock !== 'manual') {
        throw new Refused(
          refuse(
            'INVALID_STATE',
            'The clock runs in real time (DPM_CLOCK=real); it can be advanced only when DPM_CLOCK=manual.',
            'minutes',
          ),
        );
      }
      const { minutes } = c.req.valid('json');
      await d.store.advanceBy(minutes * 60_000, true);
      return c.json(clockBody(), 200);
    });
}
