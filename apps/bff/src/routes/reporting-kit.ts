import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { inTransaction, type Db } from '@dpm/db/client';
import { notFound as unknown } from '@dpm/domain/errors';
import type { AppDeps, AppEnv } from '../deps';
import { Refused } from '../http-errors';

/** What the Reporting routes share: request and answer shapes, 404s, files, audited changes. */
export const TAG = 'Reporting';
export const Format = z.enum(['csv', 'pdf']);

export const json = <S extends z.ZodType>(schema: S) => ({
  required: true,
  content: { 'application/json': { schema } },
});
export const ok = <S extends z.ZodType>(description: string, schema: S) => ({
  description,
  content: { 'application/json': { schema } },
});
export const file = {
  description: 'The file (text/csv or application/pdf)',
  content: {
    'text/csv': { schema: z.string() },
    'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
  },
};

export const notFound = (what: string, id: string) => new Refused(unknown(what, id));

export async function sendFile(
  c: Context<AppEnv>,
  f: { filename: string; contentType: string; content: Buffer | string },
) {
  c.header('Content-Disposition', `attachment; filename="${f.filename}"`);
  return c.body(typeof f.content === 'string' ? f.content : new Uint8Array(f.content), 200, {
    'Content-Type': f.contentType,
  });
}

/** A change outside the estate and its audit entry, in one transaction. */
export function auditedChange(
  d: AppDeps,
  c: Context<AppEnv>,
  action: string,
  target: string,
  detail: string,
  apply: (tx: Db) => void,
): void {
  const audit = c.get('audit');
  audit.set({ action, target });
  inTransaction(d.db, (tx) => {
    apply(tx);
    audit.write(tx, 'success', null, detail);
  });
}
