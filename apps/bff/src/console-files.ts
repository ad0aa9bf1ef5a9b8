import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Context } from 'hono';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { getMimeType } from 'hono/utils/mime';
import type { AppEnv } from './deps';

/** A browser's navigation asks for text/html; fetch() and scripts ask for JSON, or for anything. */
export function acceptsHtml(accept: string | undefined): boolean {
  return accept !== undefined && /(^|,)\s*(text\/html|text\/\*|\*\/\*)\s*(;|,|$)/i.test(accept);
}

const isApi = (path: string) => path === '/api' || path.startsWith('/api/');

/** The encodings the build writes beside a file, by preference: brotli is the smaller. */
const ENCODINGS = [
  { name: 'br', ext: '.br' },
  { name: 'gzip', ext: '.gz' },
] as const;
type Encoding = (typeof ENCODINGS)[number]['name'];

interface Variant {
  body: Uint8Array;
  etag: string;
}

interface ConsoleFile {
  type: string;
  /** Built under assets/ with its content's hash in its name: it never changes under that name. */
  immutable: boolean;
  identity: Variant;
  encoded: Partial<Record<Encoding, Variant>>;
}

/** A year, the longest a cache is asked to keep anything; a hashed asset never changes. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Anything else (the page itself) is stored but asked about again each time: 304 while unchanged. */
export const REVALIDATE = 'no-cache';

/**
 * The encoding to send for an Accept-Encoding header, of those the file has: brotli, then gzip,
 * each unless refused (q=0); null for the file as it is.
 */
export function negotiateEncoding(accept: string | undefined, available: readonly Encoding[]): Encoding | null {
  if (!accept) return null;
  const q = new Map<string, number>();
  for (const part of accept.split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    const weight = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = weight === undefined ? 1 : Number(weight.slice(2));
    if (token) q.set(token, Number.isFinite(value) ? value : 0);
  }
  const accepted = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  return ENCODINGS.map((e) => e.name).find((name) => available.includes(name) && accepted(name)) ?? null;
}

/** Whether an If-None-Match header names this ETag (weak comparison, as for GET). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === etag);
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/**
 * The built console read once, each file with its precompressed copies (written by the build,
 * see apps/console/precompress.ts) and an ETag per representation. Requests are answered from
 * this table by exact path: nothing a request names reaches the file system.
 */
function loadConsole(dist: string): Map<string, ConsoleFile> {
  const files = new Map<string, ConsoleFile>();
  const compressed = new Set(ENCODINGS.map((e) => e.ext));
  for (const path of walk(dist)) {
    const rel = relative(dist, path).split(sep).join('/');
    if (rel.startsWith('.vite/') || [...compressed].some((ext) => rel.endsWith(ext))) continue;
    const body = readFileSync(path);
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
    const encoded: ConsoleFile['encoded'] = {};
    for (const e of ENCODINGS) {
      if (existsSync(path + e.ext)) encoded[e.name] = { body: readFileSync(path + e.ext), etag: `"${hash}-${e.name}"` };
    }
    files.set(`/${rel}`, {
      type: getMimeType(rel) ?? 'application/octet-stream',
      immutable: rel.startsWith('assets/'),
      identity: { body, etag: `"${hash}"` },
      encoded,
    });
  }
  return files;
}

/** One file as the request accepts it: compressed if it may be, 304 if the browser holds it already. */
function send(c: Context<AppEnv>, file: ConsoleFile): Response {
  const available = Object.keys(file.encoded) as Encoding[];
  const encoding = negotiateEncoding(c.req.header('accept-encoding'), available);
  const variant = (encoding && file.encoded[encoding]) || file.identity;
  c.header('Cache-Control', file.immutable ? IMMUTABLE : REVALIDATE);
  c.header('ETag', variant.etag);
  // Caches between keep each encoding apart, whichever this answer is.
  if (available.length > 0) c.header('Vary', 'Accept-Encoding');
  if (matches(c.req.header('if-none-match'), variant.etag)) return c.body(null, 304);
  c.header(
    'Content-Type',
    file.type.startsWith('text/') || file.type.includes('javascript') || file.type.includes('json')
      ? `${file.type.split(';')[0]}; charset=utf-8`
      : file.type,
  );
  if (encoding) c.header('Content-Encoding', encoding);
  return c.body(variant.body as Uint8Array<ArrayBuffer>, 200);
}

/**
 * Serves the built console from `dist`: its files, and its page for every deep link
 * (/servers/srv-DS1, /protection) a browser navigates to. /api/* stays the API's alone, so an
 * unknown API path is its JSON 404, never the page. False when the console is not built.
 *
 * Hashed assets are kept by browsers for a year without asking again; the page is revalidated
 * by its ETag on every load (304 while unchanged), so a new build is seen at the next reload.
 * Each file goes out brotli- or gzip-compressed as the request's Accept-Encoding allows.
 */
export function serveConsole(app: OpenAPIHono<AppEnv>, dist: string): boolean {
  if (!existsSync(resolve(dist, 'index.html'))) return false;
  const files = loadConsole(resolve(dist));
  const index = files.get('/index.html');
  if (!index) return false;
  app.get('*', (c, next) => {
    const path = c.req.path;
    if (isApi(path)) return next();
    const file = path === '/' ? index : files.get(path);
    if (file) return send(c, file);
    return acceptsHtml(c.req.header('accept')) ? send(c, index) : next();
  });
  return true;
}
