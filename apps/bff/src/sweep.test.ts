import { describe, expect, it } from 'vitest';
import { row, testApp } from './test-app';
import { rowsOf } from '@dpm/domain/table-index';
import type { Operation, Doc } from './sweep-requests';
import {
  sample,
  stringPaths,
  withValue,
  fingerprint,
  audited,
  ID_CLASS,
  PATH_TRICKS,
  MEDIA_TYPES,
  GARBAGE,
  BAD_TEXT,
  DEEP,
  MEGABYTE,
  BODY_OVERRIDES,
  openObjects,
} from './sweep-requests';

/**
 * An outside sweep, generated from /api/openapi.json: every route gets every class of bad request
 * an attacker or a careless client sends, and each must be refused with its 4xx (never a 5xx),
 * audited exactly once when it is a change (a read only when access is refused), and leave the
 * estate and every table but the audit trail as they were.
 */

describe('an outside sweep of every route of the OpenAPI document', () => {
  it('every request body refuses fields it does not name', async () => {
    const t = testApp('empty');
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as Doc;
    const open = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).flatMap(([m, op]) => {
        const schema = op.requestBody?.content['application/json']?.schema;
        return schema ? openObjects(doc, schema, `${m.toUpperCase()} ${path} body`) : [];
      }),
    );
    expect(open).toEqual([]);
  });

  it(
    'refuses every class of bad request with its 4xx, audits each change once, and changes nothing',
    { timeout: 120_000 },
    async () => {
      const t = testApp('demo');
      const doc = (await (await t.app.request('/api/openapi.json')).json()) as Doc;
      const e = t.store.estate;
      const on = <T extends { serverId?: string | null }>(rows: Record<string, T>) =>
        Object.entries(rows).find(([, r]) => r.serverId === 'srv-DS1')?.[0];
      const library = on(e.libraries);
      const token = row<{ id: string }>(t.db, 'SELECT id FROM api_tokens LIMIT 1').id;
      const cookie = await t.session();
      // Real ids for the parameters a request does not aim at, so the one it aims at decides.
      const real = new Map<string, string | undefined>([
        ['serverId', 'srv-DS1'],
        ['groupId', on(e.groups)],
        ['replicaId', on(e.replicas)],
        ['jobId', rowsOf(e, 'jobs').find((j) => j.serverId === 'srv-DS1')?.id],
        ['alertId', on(e.alerts)],
        ['dataSourceId', Object.values(e.replicas).find((r) => r.serverId === 'srv-DS1')?.dataSourceId],
        ['computerId', Object.values(e.computers).find((c) => c.agent?.ownerId === 'srv-DS1')?.id],
        ['libraryId', library],
        ['tapeId', Object.values(e.tapes).find((tp) => tp.libraryId === library)?.id],
        ['diskId', e.servers['srv-DS1']?.disks[0]?.id],
        ['tokenId', token],
        ['userId', 'user-admin'],
      ]);
      const ops: Operation[] = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
        Object.entries(byMethod).map(([m, op]) => ({
          ...op,
          method: m.toUpperCase() as 'GET' | 'POST',
          path,
          params: [...path.matchAll(/\{(\w+)\}/g)].map((x) => x[1] ?? ''),
        })),
      );
      expect(ops.length).toBeGreaterThan(90);

      let requests = 0;
      const failures: string[] = [];
      for (const op of ops) {
        const before = fingerprint(t);
        const key = `${op.method} ${op.path}`;
        const schema = op.requestBody?.content['application/json']?.schema;
        const minimal = BODY_OVERRIDES[key] ?? (schema ? sample(doc, schema, false) : {});
        const full = schema ? sample(doc, schema, true) : {};
        // The query a route requires (an export's format), so that only the part under test is wrong.
        const query = (op.parameters ?? [])
          .filter((p) => p.in === 'query' && p.required)
          .map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(String(sample(doc, p.schema ?? {}, false)))}`)
          .join('&');
        const pathWith = (param: string | null, value: string) =>
          op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
            name === param ? value : encodeURIComponent(real.get(name) ?? 'unknown-id'),
          ) + (query ? `?${query}` : '');

        /** `headers` without an Authorization header: a browser's request, with the session cookie. */
        const send = async (
          what: string,
          url: string,
          init: { contentType?: string | null; body?: string; headers?: Record<string, string> },
          expected: number[],
          target?: string,
        ) => {
          const auditBefore = audited(t.db);
          const headers: Record<string, string> = { ...init.headers };
          const contentType = init.contentType === undefined ? 'application/json' : init.contentType;
          if (contentType !== null) headers['content-type'] = contentType;
          const res = await (init.headers ? t.raw : t.app).request(
            url,
            op.method === 'GET' ? {} : { method: op.method, headers, body: init.body ?? JSON.stringify(minimal) },
          );
          requests += 1;
          const label = `${key} ${what} → ${res.status}`;
          const text = await res.text();
          if (!expected.includes(res.status))
            failures.push(`${label}, expected ${expected.join('/')}: ${text.slice(0, 200)}`);
          if (target !== undefined && res.status === 400) {
            const got = (JSON.parse(text) as { error?: { target?: string } }).error?.target;
            if (got !== target) failures.push(`${label}: names "${got ?? ''}", not "${target}"`);
          }
          const entries = audited(t.db) - auditBefore;
          const want = op.method !== 'GET' || res.status === 401 || res.status === 403 ? 1 : 0;
          if (entries !== want) failures.push(`${label}: ${entries} audit entries, expected ${want}`);
          if (want === 1) {
            const last = row<{ outcome: string }>(t.db, 'SELECT outcome FROM audit ORDER BY id DESC LIMIT 1');
            if (last.outcome !== 'refused') failures.push(`${label}: audited as ${last.outcome}`);
          }
        };

        for (const param of op.params) {
          for (const id of ID_CLASS) await send(`with ${param} = ${id}`, `${pathWith(param, id)}`, {}, [404]);
          for (const trick of PATH_TRICKS)
            await send(`with ${param} = ${trick.slice(0, 40)}`, `${pathWith(param, trick)}`, {}, [400, 404]);
          await send(`with a 1 MB ${param}`, `${pathWith(param, MEGABYTE)}`, {}, [414]);
        }
        const url = `${pathWith(null, '')}`;
        const and = url.includes('?') ? '&' : '?';
        await send('with a control character in the query', `${url}${and}search=%00`, {}, [400], 'search');
        await send('with an escape sequence as a query name', `${url}${and}%1B%5B31m=1`, {}, [400]);
        await send('with a 1 MB query', `${url}${and}search=${MEGABYTE}`, {}, [414]);
        if (op.method === 'GET') continue;

        // A signed-in browser's change from anywhere but the console's own pages (DNS rebinding included).
        await send(
          'with the session cookie and neither Origin nor Sec-Fetch-Site',
          url,
          { headers: { cookie } },
          [403],
        );
        await send(
          'with the session cookie from another origin',
          url,
          { headers: { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } },
          [403],
        );
        await send(
          'with the session cookie, Host and Origin both evil.example',
          url.replace(/^/, 'http://evil.example'),
          { headers: { cookie, host: 'evil.example', origin: 'http://evil.example' } },
          [403],
        );
        await send(
          'with the session cookie and Sec-Fetch-Site: none',
          url,
          { headers: { cookie, 'sec-fetch-site': 'none' } },
          [403],
        );
        for (const type of MEDIA_TYPES)
          await send(`as ${type || 'no media type'}`, url, { contentType: type === '' ? null : type }, [415]);
        for (const body of GARBAGE)
          await send(`with the body ${JSON.stringify(body.slice(0, 30))}`, url, { body }, [400]);
        for (const body of DEEP) await send('with 10,000-deep JSON', url, { body }, [400]);
        await send(
          'with a control character in a field name',
          url,
          { body: JSON.stringify({ ...(full as object), '\u0000': 1 }) },
          [400],
        );
        for (const field of stringPaths(full)) {
          const name = field.join('.');
          for (const bad of BAD_TEXT) {
            // A multi-line field (the Acknowledge comment) takes a line break, and then only the schema decides.
            if (bad === 'line\nbreak' && field.at(-1) === 'comment') continue;
            await send(
              `with ${JSON.stringify(bad)} in ${name}`,
              url,
              { body: JSON.stringify(withValue(full, field, bad)) },
              [400],
              name,
            );
          }
          await send(`with a 1 MB ${name}`, url, { body: JSON.stringify(withValue(full, field, MEGABYTE)) }, [413]);
        }
        await send(
          'with a 1 MB body',
          url,
          { body: JSON.stringify({ ...(full as object), padding: MEGABYTE }) },
          [413],
        );
        if (fingerprint(t) !== before) failures.push(`${key}: a refused request changed the database or the estate`);
      }
      expect(failures.slice(0, 80)).toEqual([]);
      expect(requests).toBeGreaterThan(3000);
    },
  );
});
