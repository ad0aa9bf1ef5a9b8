import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { AppDeps } from './deps';
import { accessOf, allows } from './auth/permissions';
import { authenticate } from './auth/service';
import { serverReadModel } from './read-models';
import { API_JSON_HEADERS, rawHeader } from './security';

type ShortcutDeps = Pick<AppDeps, 'db' | 'auth' | 'store'>;

/**
 * The reads every console makes most, answered from a read model's bytes (read-models.ts) with the
 * same answer as the app's route. The DPM server list is asked at every start and again after each
 * change to a server or an alert, by every console open; through the app's middleware (its routing,
 * the audit's record, the checks of a change) it costs twice what sending its bytes does.
 */
const SHORTCUTS = new Map<string, (d: ShortcutDeps) => Uint8Array>([
  ['/api/servers', (d) => serverReadModel(d.store).serversJson()],
]);

/**
 * The server's request listener: a plain GET of a read model (the exact path, no query) by a
 * caller whose credential authenticates with a role the route allows is answered here; every
 * other request goes to the app, which answers it as it answers any: a refusal (not signed in, not
 * allowed) is the app's own and audited there, a query is checked there, HEAD answered there.
 */
export function withReadShortcuts(
  d: ShortcutDeps,
  app: (req: IncomingMessage, res: ServerResponse) => unknown,
): RequestListener {
  return (req, res) => {
    let bytes: Uint8Array | null;
    try {
      bytes = shortcutAnswer(d, req);
    } catch {
      // The app meets the same failure (the database gone, say) and answers it: a 500 with a
      // request id, logged, rather than an exception out of the server's listener.
      bytes = null;
    }
    if (bytes === null) {
      void app(req, res);
      return;
    }
    res.writeHead(200, { ...API_JSON_HEADERS, 'X-Request-Id': randomUUID(), 'Content-Length': bytes.byteLength });
    res.end(bytes);
  };
}

/** The read model's bytes for a request the shortcut answers; null for one it leaves to the app. */
function shortcutAnswer(d: ShortcutDeps, req: IncomingMessage): Uint8Array | null {
  if (req.method !== 'GET' || req.url === undefined) return null;
  const bytesOf = SHORTCUTS.get(req.url);
  if (!bytesOf) return null;
  const headers = {
    authorization: rawHeader(req.rawHeaders, 'authorization'),
    cookie: rawHeader(req.rawHeaders, 'cookie'),
  };
  const principal = authenticate(d.db, d.auth, headers, Date.now());
  if (!principal || !allows(principal.role, accessOf('GET', req.url))) return null;
  return bytesOf(d);
}
