import { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { Db } from '@dpm/db/client';
import type { EstateStore } from './store';
import type { Config } from './config';
import type { Command } from './store';
import type { Context } from 'hono';
import { Refused } from './http-errors';
import { isDomainError, notFound } from '@dpm/domain/errors';
import type { DpmServer } from '@dpm/domain/model';
import type { AuthSettings, Principal } from './auth/service';
import type { Throttle } from './auth/throttle';
import type { ReportingService } from './reporting/service';

export interface AppDeps {
  auth: AuthSettings & { throttle: { account: Throttle; address: Throttle } };
  store: EstateStore;
  /** Scheduled reports and their mail (Reporting work area). */
  reporting: ReportingService;
  db: Db;
  config: Pick<Config, 'clock' | 'clockSpeed' | 'seed' | 'dbFile'>;
  log: Logger;
  version: string;
}

/** `audited`: this request already wrote its audit entry (app.ts audits the refusals that did not). */
export type AppEnv = { Variables: { requestId: string; actor: string; principal: Principal | null; audited: boolean } };

/**
 * A router whose invalid input answers 400 naming the field, never reaching a handler.
 */
export function router() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const field = issue?.path.join('.') || (result.target ?? 'body');
        return c.json(
          { error: { code: 'INVALID_INPUT', message: `Invalid value for "${field}": ${issue?.message ?? 'invalid'}.`, target: field, requestId: c.get('requestId') } },
          400,
        );
      }
      return undefined;
    },
  });
}

/** Runs a domain verb through the store; a refusal becomes the mapped HTTP error. */
export function run<C>(d: AppDeps, c: Context<AppEnv>, action: string, command: Command<C>, cmd: C, target: string, alongside?: (tx: Db) => void) {
  const address = clientAddress(c);
  // The store audits the outcome, accepted or refused, in the command's transaction.
  c.set('audited', true);
  const result = d.store.execute(action, command, cmd, { name: c.get('actor'), address }, target, alongside);
  if (isDomainError(result)) throw new Refused(result);
  return {
    ok: true as const,
    events: result.events,
    jobIds: result.changes.flatMap((ch) => (ch.op === 'put' && ch.entity === 'jobs' && ch.value.status === 'Scheduled' ? [ch.value.id] : [])),
  };
}

export function serverOr404(d: AppDeps, serverId: string): DpmServer {
  const server = d.store.estate.servers[serverId];
  if (!server) throw new Refused(notFound('DPM server', serverId));
  return server;
}

/** The client's address: the socket's, as @hono/node-server exposes it (no proxy headers trusted). */
export function clientAddress(c: Context): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

/** A library of the server in the path, or 404: a library id may not reach another server's. */
export function libraryOn(d: AppDeps, serverId: string, libraryId: string): void {
  if (d.store.estate.libraries[libraryId]?.serverId !== serverId) throw new Refused(notFound('library', libraryId));
}

/** A tape in a library of the server in the path, or 404. */
export function tapeOn(d: AppDeps, serverId: string, tapeId: string): void {
  const library = d.store.estate.tapes[tapeId]?.libraryId;
  if (!library || d.store.estate.libraries[library]?.serverId !== serverId) throw new Refused(notFound('tape', tapeId));
}
