import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppDeps, AppEnv } from '../deps';
import type { BusEvent } from '../events';

/**
 * GET /api/events: one server-sent events stream of committed changes (jobs, alerts, protection
 * statuses, the clock). Each event has an id; a client that reconnects with Last-Event-ID gets
 * what it missed. A heartbeat every 15 s keeps proxies from closing the stream.
 */
export function eventRoutes(d: AppDeps, heartbeatMs = 15_000) {
  return new Hono<AppEnv>().get('/events', (c) =>
    streamSSE(c, async (stream) => {
      const last = Number(c.req.header('Last-Event-ID') ?? c.req.query('lastEventId') ?? NaN);
      const queue: BusEvent[] = Number.isFinite(last) ? d.store.bus.since(last) : [];
      let wake: (() => void) | null = null;
      const unsubscribe = d.store.bus.subscribe((e) => {
        queue.push(e);
        wake?.();
      });
      stream.onAbort(() => {
        unsubscribe();
        wake?.();
      });
      await stream.writeSSE({
        event: 'hello',
        data: JSON.stringify({ lastId: d.store.bus.lastId }),
        id: String(d.store.bus.lastId),
      });
      while (!stream.aborted) {
        while (queue.length > 0) {
          const e = queue.shift() as BusEvent;
          await stream.writeSSE({ event: 'change', id: String(e.id), data: JSON.stringify(e) });
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, heartbeatMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
        if (queue.length === 0 && !stream.aborted)
          await stream.writeSSE({ event: 'heartbeat', data: String(Date.now()) });
      }
      unsubscribe();
    }),
  );
}
