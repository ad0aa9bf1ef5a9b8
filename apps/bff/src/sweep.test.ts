import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Db } from '@dpm/db/client';
import { row, testApp } from './test-app';

/**
 * An outside sweep, generated from /api/openapi.json: every route gets every class of bad request
 * an attacker or a careless client sends, and each must be refused with its 4xx (never a 5xx),
 * audited exactly once when it is a change (a read only when access is refused), and leave the
 * estate and every table but the audit trail as they were.
 */

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
};
type Operation = {
  method: 'GET' | 'POST';
  path: string;
  params: string[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
};
type Doc = {
  paths: Record<string, Record<string, Omit<Operation, 'method' | 'path' | 'params'>>>;
  components?: { schemas?: Record<string, Schema> };
};

/** A value the schema accepts: only required properties (`full`: every property), one item per array. */
function sample(doc: Doc, schema: Schema, full: boolean): unknown {
  if (schema.$ref) return sample(doc, doc.components?.schemas?.[schema.$ref.split('/').at(-1) ?? ''] ?? {}, full);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return sample(doc, choices.find((s) => s.type !== 'null') ?? choices[0] ?? {}, full);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => sample(doc, s, full)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const keys = full ? Object.keys(schema.properties ?? {}) : (schema.required ?? []);
      return Object.fromEntries(keys.map((k) => [k, sample(doc, schema.properties?.[k] ?? {}, full)]));
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () => sample(doc, schema.items ?? {}, full));
    case 'string':
      return 'abc'.padEnd(schema.minLength ?? 0, 'x');
    case 'integer':
    case 'number':
      return Math.min(schema.maximum ?? Number.MAX_SAFE_INTEGER, Math.max(schema.minimum ?? 1, 1));
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return schema.default ?? {};
  }
}

/** The paths of every string in a value, as the validators name fields (a.0.b). */
function stringPaths(value: unknown, path: string[] = []): string[][] {
  if (typeof value === 'string') return [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
}

function withValue(value: unknown, path: string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head = '', ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string, unknown>;
  copy[head] = withValue(copy[head], rest, replacement);
  return copy;
}

/** The database but its audit trail, and the estate in memory: what no refusal may change. */
function fingerprint(t: ReturnType<typeof testApp>): string {
  const tables = (
    t.db.$client
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('audit') AND name NOT LIKE 'sqlite_%' " +
          "AND name NOT LIKE '__drizzle%' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
  const h = createHash('sha256');
  for (const table of tables)
    h.update(table).update(JSON.stringify(t.db.$client.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all()));
  h.update(JSON.stringify(t.store.estate));
  return h.digest('hex');
}

const audited = (db: Db) => row<{ n: number }>(db, 'SELECT count(*) AS n FROM audit').n;

/** Prototype names, which a plain object answers to, and ids that name nothing. */
const ID_CLASS = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  '__defineGetter__',
  'prototype',
  'srv-NOPE',
  'x',
];
/** Path tricks: traversal, NUL, overlong, bidi override, encoded dots, spaces, unicode. */
const PATH_TRICKS = [
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  '%0d%0aSet-Cookie:%20x=1',
  'a'.repeat(400),
  '%E2%80%AE',
  '..',
  '%2e%2e',
  'x%20y',
  '%F0%9F%92%A9',
  '%ED%A0%80',
  "'%3B%20DROP%20TABLE%20servers%3B--",
];
const MEDIA_TYPES = [
  'application/jsonx',
  'text/plain',
  'application/json-patch+json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json;',
  'application/json, text/html',
  'APPLICATION/JSONX',
  'text/json',
  '',
];
const GARBAGE = [
  'this is not json {{{',
  '{',
  '{"a":',
  '[1, 2',
  'null',
  '[]',
  '"text"',
  '42',
  'true',
  '{"unexpected": true}',
  '{"__proto__": {"admin": true}}',
  '\u0000',
  '{}garbage',
  '{"a": 1}{"b": 2}',
];
const BAD_TEXT = [
  '\u0000',
  'a\u0007b',
  '\u001b[31mred',
  'line\nbreak',
  'tab\there',
  'del\u007f',
  '\ud800',
  'x\udc00',
  '\udbff',
];
const DEEP = ['['.repeat(10_000) + ']'.repeat(10_000), '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)];
const MEGABYTE = 'x'.repeat(1024 * 1024);

/** Bodies that reach the path's ids: a sample alone can't satisfy a rule between fields. */
const BODY_OVERRIDES: Record<string, unknown> = {
  'POST /api/servers/{serverId}/protection/stop': { replicaIds: ['abc'], retainReplica: false },
  'POST /api/servers/{serverId}/protection/switch': { replicaIds: ['abc'], direction: 'to-secondary' },
  'POST /api/servers/{serverId}/protection/consistency-checks': { replicaIds: ['abc'] },
  'POST /api/servers/{serverId}/recovery/recover': {
    recoveryPointId: 'abc',
    recoveryType: 'Recover to an alternate location',
    destination: 'abc',
  },
};

/** The objects of a schema that accept fields they don't name (JSON Schema's additionalProperties). */
function openObjects(doc: Doc, schema: Schema, path: string, seen = new Set<Schema>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  if (schema.$ref)
    return openObjects(doc, doc.components?.schemas?.[schema.$ref.split('/').at(-1) ?? ''] ?? {}, path, seen);
  const nested = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])].flatMap((s) =>
    openObjects(doc, s, path, seen),
  );
  if (schema.items) nested.push(...openObjects(doc, schema.items, `${path}[]`, seen));
  for (const [k, v] of Object.entries(schema.properties ?? {}))
    nested.push(...openObjects(doc, v, `${path}.${k}`, seen));
  const type = Array.isArray(schema.type) ? schema.type : [schema.type];
  return type.includes('object') && (schema as { additionalProperties?: unknown }).additionalProperties !== false
    ? [path, ...nested]
    : nested;
}

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
        ['jobId', on(e.jobs)],
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
