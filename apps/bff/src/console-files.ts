import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppEnv } from './deps';

/** A browser's navigation asks for text/html; fetch() and scripts ask for JSON, or for anything. */
export function acceptsHtml(accept: string | undefined): boolean {
  return accept !== undefined && /(^|,)\s*(text\/html|text\/\*|\*\/\*)\s*(;|,|$)/i.test(accept);
}

const isApi = (path: string) => path === '/api' || path.startsWith('/api/');

/**
 * Serves the built console from `dist`: its files, and its page for every deep link
 * (/servers/srv-DS1, /protection) a browser navigates to. /api/* stays the API's alone, so an
 * unknown API path is its JSON 404, never the page. False when the console is not built.
 */
export function serveConsole(app: OpenAPIHono<AppEnv>, dist: string): boolean {
  if (!existsSync(resolve(dist, 'index.html'))) return false;
  const index = readFileSync(resolve(dist, 'index.html'), 'utf8');
  const files = serveStatic({ root: dist });
  app.get('*', (c, next) => (isApi(c.req.path) ? next() : files(c, next)));
  app.get('*', (c, next) => (isApi(c.req.path) || !acceptsHtml(c.req.header('accept')) ? next() : c.html(index)));
  return true;
}
