import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMMUTABLE, negotiateEncoding, REVALIDATE, serveConsole } from './console-files';
import { testApp } from './test-app';

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** A GET on the real server with node:http, which (unlike fetch) leaves the body as it came. */
function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const h: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h[k] = v;
        done({ status: res.statusCode ?? 0, headers: h, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', fail);
    req.end();
  });
}

const PAGE = '<!doctype html><title>DPM</title><script type="module" src="/assets/index-Ab12Cd34.js"></script>';
const SCRIPT = `export const areas = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `work area ${i}`))};`;

describe('the console files: compressed as accepted, hashed assets kept, the page revalidated', () => {
  const t = testApp('empty');
  const dist = mkdtempSync(join(tmpdir(), 'dpm-dist-'));
  mkdirSync(join(dist, 'assets'));
  mkdirSync(join(dist, '.vite'));
  const write = (name: string, text: string, compress = true) => {
    writeFileSync(join(dist, name), text);
    if (!compress) return;
    writeFileSync(join(dist, `${name}.br`), brotliCompressSync(Buffer.from(text)));
    writeFileSync(join(dist, `${name}.gz`), gzipSync(Buffer.from(text)));
  };
  write('index.html', PAGE);
  write('assets/index-Ab12Cd34.js', SCRIPT);
  write('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>', false);
  writeFileSync(join(dist, '.vite', 'manifest.json'), '{}');
  serveConsole(t.raw, dist);
  let server: ReturnType<typeof serve>;
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((ready) => {
      server = serve({ fetch: t.raw.fetch, port: 0, hostname: '127.0.0.1' }, () => ready());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
  const chromium = { 'accept-encoding': 'gzip, deflate, br, zstd' };

  it('a hashed asset: brotli to a browser that takes it, kept a year, immutable', async () => {
    const res = await get(`${base}/assets/index-Ab12Cd34.js`, chromium);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
    expect(res.body.length).toBeLessThan(SCRIPT.length);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers.etag).toMatch(/^"[\w-]+-br"$/);
  });

  it('gzip where brotli is not accepted, the file as it is where nothing is', async () => {
    const gz = await get(`${base}/assets/index-Ab12Cd34.js`, { 'accept-encoding': 'gzip, br;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);
    expect(gz.headers.vary).toBe('Accept-Encoding');

    const plain = await get(`${base}/assets/index-Ab12Cd34.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
    // Each representation has its own ETag, so a cache never mixes them up.
    expect(new Set([gz.headers.etag, plain.headers.etag]).size).toBe(2);
  });

  it('the page: no-cache with an ETag, 304 while unchanged, for / and for every deep link', async () => {
    const first = await get(`${base}/`, { ...html, ...chromium });
    expect(first.status).toBe(200);
    expect(first.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(first.body).toString()).toBe(PAGE);
    expect(first.headers['content-type']).toMatch(/^text\/html/);
    expect(first.headers['cache-control']).toBe(REVALIDATE);
    const etag = first.headers.etag ?? '';
    expect(etag).toMatch(/^"[\w-]+-br"$/);

    for (const path of ['/', '/index.html', '/protection', '/servers/srv-DS1', '/monitoring/alerts?alert=a-1']) {
      const again = await get(`${base}${path}`, { ...html, ...chromium, 'if-none-match': etag });
      expect(again.status, path).toBe(304);
      expect(again.body.length, path).toBe(0);
      expect(again.headers.etag, path).toBe(etag);
      expect(again.headers['cache-control'], path).toBe(REVALIDATE);
      expect(again.headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    }
    // A weak or listed tag matches too; another build's tag does not.
    expect(
      (await get(`${base}/protection`, { ...html, ...chromium, 'if-none-match': `"other", W/${etag}` })).status,
    ).toBe(304);
    const changed = await get(`${base}/protection`, { ...html, ...chromium, 'if-none-match': '"an-older-build-br"' });
    expect(changed.status).toBe(200);
    expect(brotliDecompressSync(changed.body).toString()).toBe(PAGE);
  });

  it('a hashed asset the browser holds: 304 with the same caching', async () => {
    const first = await get(`${base}/assets/index-Ab12Cd34.js`, chromium);
    const again = await get(`${base}/assets/index-Ab12Cd34.js`, {
      ...chromium,
      'if-none-match': first.headers.etag ?? '',
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['cache-control']).toBe(IMMUTABLE);
    expect(again.headers.vary).toBe('Accept-Encoding');
  });

  it('a file the build did not compress goes out as it is, revalidated, without Vary', async () => {
    const res = await get(`${base}/favicon.svg`, chromium);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.headers['cache-control']).toBe(REVALIDATE);
    expect(res.headers.vary).toBeUndefined();
  });

  it('keeps every security header on compressed answers and 304s', async () => {
    const etag = (await get(`${base}/assets/index-Ab12Cd34.js`, chromium)).headers.etag ?? '';
    for (const res of [
      await get(`${base}/assets/index-Ab12Cd34.js`, chromium),
      await get(`${base}/assets/index-Ab12Cd34.js`, { ...chromium, 'if-none-match': etag }),
    ]) {
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("the build's manifest, unknown assets and the API are not the console's files", async () => {
    expect((await get(`${base}/.vite/manifest.json`)).status).toBe(404);
    expect((await get(`${base}/assets/index-Ab12Cd34.js.br`)).status).toBe(404);
    expect((await get(`${base}/assets/missing-00000000.js`, chromium)).status).toBe(404);
    const api = await get(`${base}/api/health`, chromium);
    expect(api.headers['cache-control']).toBe('no-store');
    expect(api.headers.etag).toBeUndefined();
  });
});

describe('negotiateEncoding', () => {
  const both = ['br', 'gzip'] as const;
  it.each([
    [undefined, null],
    ['', null],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['identity', null],
    ['*', 'br'],
    ['*;q=0', null],
    ['*, br;q=0', 'gzip'],
    ['GZIP;Q=1', 'gzip'],
  ] as const)('%s → %s', (accept, expected) => {
    expect(negotiateEncoding(accept, both)).toBe(expected);
  });
  it('only among the copies the file has', () => {
    expect(negotiateEncoding('br, gzip', ['gzip'])).toBe('gzip');
    expect(negotiateEncoding('br', ['gzip'])).toBeNull();
  });
});
