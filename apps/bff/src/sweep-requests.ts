import { createHash } from 'node:crypto';
import type { Db } from '@dpm/db/client';
import type { testApp } from './test-app';
import { row } from './test-app';

/** What the outside sweep sends: schema samples, the classes of bad request, and the database's fingerprint. */

export type Schema = {
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
export type Operation = {
  method: 'GET' | 'POST';
  path: string;
  params: string[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
};
export type Doc = {
  paths: Record<string, Record<string, Omit<Operation, 'method' | 'path' | 'params'>>>;
  components?: { schemas?: Record<string, Schema> };
};

/** A value the schema accepts: only required properties (`full`: every property), one item per array. */
export function sample(doc: Doc, schema: Schema, full: boolean): unknown {
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
export function stringPaths(value: unknown, path: string[] = []): string[][] {
  if (typeof value === 'string') return [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
}

export function withValue(value: unknown, path: string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head = '', ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string, unknown>;
  copy[head] = withValue(copy[head], rest, replacement);
  return copy;
}

/** The database but its audit trail, and the estate in memory: what no refusal may change. */
export function fingerprint(t: ReturnType<typeof testApp>): string {
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

export const audited = (db: Db) => row<{ n: number }>(db, 'SELECT count(*) AS n FROM audit').n;

/** Prototype names, which a plain object answers to, and ids that name nothing. */
export const ID_CLASS = [
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
export const PATH_TRICKS = [
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
export const MEDIA_TYPES = [
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
export const GARBAGE = [
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
export const BAD_TEXT = [
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
export const DEEP = ['['.repeat(10_000) + ']'.repeat(10_000), '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)];
export const MEGABYTE = 'x'.repeat(1024 * 1024);

/** Bodies that reach the path's ids: a sample alone can't satisfy a rule between fields. */
export const BODY_OVERRIDES: Record<string, unknown> = {
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
export function openObjects(doc: Doc, schema: Schema, path: string, seen = new Set<Schema>()): string[] {
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
