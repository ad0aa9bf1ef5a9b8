import { describe, expect, it } from 'vitest';
import { testApp } from './test-app';

describe('bad input', () => {
  it('refuses an oversized body with 413 before reading it all', async () => {
    const t = testApp('scenario-1');
    const res = await t.json('/api/servers/srv-DS1/protection/consistency-checks', {
      replicaIds: Array.from({ length: 40_000 }, (_, i) => `rep-${i}`),
    });
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
    expect(body.error).toEqual({
      code: 'INTERNAL',
      message: 'The server could not complete the request.',
      requestId: res.headers.get('x-request-id'),
    });
    expect(JSON.stringify(body)).not.toContain('/secret/path');
  });
});
