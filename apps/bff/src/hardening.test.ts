import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Db } from '@dpm/db/client';
import { testApp } from './test-app';

function fingerprint(db: Db): string {
  const tables = ['servers', 'computers', 'data_sources', 'protection_groups', 'replicas', 'recovery_points', 'libraries', 'tapes', 'jobs', 'alerts', 'users', 'sessions', 'api_tokens', 'meta'];
  const h = createHash('sha256');
  for (const t of tables) h.update(JSON.stringify(db.$client.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()));
  return h.digest('hex');
}

const PATH_TRICKS = ['..%2F..%2Fetc%2Fpasswd', '%00', 'a'.repeat(400), "'%3B%20DROP%20TABLE%20servers%3B--", '%E2%80%AE', '..'];
const BODIES: [string, string][] = [
  ['malformed JSON', '{"replicaIds": ['],
  ['wrong types', '{"replicaIds": 5, "name": 7, "minutes": "ten", "serverId": [], "retainReplica": "yes", "kind": 3}'],
  ['missing fields', '{}'],
  ['unknown field', '{"unexpected": true, "replicaIds": ["rep-DS1-PS1-C"], "__proto__": {"admin": true}}'],
  ['long strings', JSON.stringify({ name: 'x'.repeat(5000), replicaIds: ['y'.repeat(5000)], dbLocation: 'z'.repeat(5000), comment: 'c'.repeat(5000), username: 'u'.repeat(5000), password: 'p'.repeat(5000) })],
  ['wrong JSON root', '[1, 2, 3]'],
];

describe('bad input on every route', () => {
  it('never answers 5xx and changes nothing', { timeout: 180_000 }, async () => {
    const t = testApp('scenario-1');
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const ops = Object.entries(doc.paths).flatMap(([path, o]) => Object.keys(o).map((m) => ({ method: m.toUpperCase(), path })));
    let requests = 0;
    for (const op of ops) {
      const paths = op.path.includes('{') ? PATH_TRICKS.map((trick) => `/api${op.path.replace(/\{\w+\}/g, trick)}`) : [`/api${op.path}`];
      for (const path of paths) {
        const bodies = op.method === 'GET' ? [['query tricks', '']] : BODIES;
        for (const [what, body] of bodies) {
          const before = fingerprint(t.db);
          const url = op.method === 'GET' ? `${path}?limit=-1&cursor=%FF%FE&sort=${'s'.repeat(300)}&unknown=1` : path;
          const res = await t.app.request(url, op.method === 'GET' ? {} : { method: op.method, headers: { 'content-type': 'application/json' }, body });
          requests += 1;
          expect(res.status, `${op.method} ${path} with ${what}`).toBeLessThan(500);
          if (res.status >= 400) expect(fingerprint(t.db), `${op.method} ${path} with ${what} changed the database`).toBe(before);
          if (res.status >= 400 && res.headers.get('content-type')?.includes('json')) {
            const body = (await res.json()) as { error?: { code?: string; message?: string } };
            expect(body.error?.message, `${op.method} ${path} with ${what} explains itself`).toBeTruthy();
          }
        }
      }
    }
    expect(requests).toBeGreaterThan(200);
  });

  it('refuses an oversized body with 413 before reading it all', async () => {
    const t = testApp('scenario-1');
    const res = await t.json('/api/servers/srv-DS1/protection/consistency-checks', { replicaIds: Array.from({ length: 40_000 }, (_, i) => `rep-${i}`) });
    expect(res.status).toBe(413);
  });

  it('answers an unexpected failure with a generic 500 and a request id, details only in the log', async () => {
    const t = testApp('scenario-1');
    t.store.execute = () => {
      throw new Error('disk I/O error at /secret/path');
    };
    const res = await t.json('/api/servers/srv-DS1/protection/consistency-checks', { replicaIds: ['rep-DS1-PS1-C'] });
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body.error).toEqual({ code: 'INTERNAL', message: 'The server could not complete the request.', requestId: res.headers.get('x-request-id') });
    expect(JSON.stringify(body)).not.toContain('/secret/path');
  });
});
