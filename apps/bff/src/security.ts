import type { Context } from 'hono';

/**
 * Sent with every answer: API, static files, deep links and errors. Frame-ancestors 'none' and
 * X-Frame-Options DENY say the same: no page may frame the console.
 */
export const SECURITY_HEADERS: readonly [string, string][] = [
  [
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src " +
      "'self'; font-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  ],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'no-referrer'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
];

/** Every JSON answer of the API: the security headers, never stored. */
export const API_JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  ...Object.fromEntries(SECURITY_HEADERS),
  'Cache-Control': 'no-store',
  'Content-Type': 'application/json',
});
const complete = new WeakSet<Response>();

/**
 * A 200 of JSON bytes with every header the API's answers carry, in one plain object written as it
 * is: no Headers object is built, filled and read back for it. app.ts sends it untouched.
 */
export function completeJsonAnswer(bytes: Uint8Array, requestId: string): Response {
  const res = new Response(bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: { ...API_JSON_HEADERS, 'X-Request-Id': requestId },
  });
  complete.add(res);
  return res;
}

/** Whether an answer was made by completeJsonAnswer: its headers are all there already. */
export function isCompleteAnswer(res: Response): boolean {
  return complete.has(res);
}

/** The client's address: the socket's, as @hono/node-server exposes it (no proxy headers trusted). */
export function clientAddress(c: Context): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

/**
 * A header of the request, as Headers.get gives it (repeated ones joined by ", "), read from the
 * name/value list Node's parser made where there is one: @hono/node-server builds a Headers object
 * (every name and value validated again) on the first c.req.header(), a cost paid per request.
 */
export function requestHeader(c: Context, name: Lowercase<string>): string | undefined {
  const raw = (c.env as { incoming?: { rawHeaders?: string[] } } | undefined)?.incoming?.rawHeaders;
  return raw ? rawHeader(raw, name) : c.req.header(name);
}

/** A header in Node's name/value list (IncomingMessage.rawHeaders), as Headers.get gives it. */
export function rawHeader(raw: readonly string[], name: Lowercase<string>): string | undefined {
  let value: string | undefined;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const key = raw[i] ?? '';
    if (key.length !== name.length || key.toLowerCase() !== name) continue;
    const v = raw[i + 1] ?? '';
    value = value === undefined ? v : `${value}, ${v}`;
  }
  return value;
}
