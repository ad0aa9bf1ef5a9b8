import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Logger } from 'pino';
import type { Db } from '@dpm/db/client';
import type { EstateStore } from './store';
import type { Config } from './config';
import type { AuthSettings, Principal } from './auth/service';
import type { SignInThrottle } from './auth/throttle';
import type { AuditRecord } from './audit/hook';
import type { Actor } from '@dpm/domain/operations/operation';
import type { ReportingService } from './reporting/service';

export interface AppDeps {
  auth: AuthSettings & { throttle: SignInThrottle };
  store: EstateStore;
  /** Scheduled reports and their mail (Reporting work area). */
  reporting: ReportingService;
  db: Db;
  config: Pick<Config, 'clock' | 'clockSpeed' | 'seed' | 'dbFile' | 'publicOrigin'>;
  log: Logger;
  version: string;
}

/** `audit`: the request's audit entry (audit/hook.ts), written once. */
export type AppEnv = { Variables: { requestId: string; actor: string; principal: Principal | null; audit: AuditRecord } };

/** A router whose invalid input answers 400 naming the field, never reaching a handler. */
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

/** Who a request acts as, for the catalogue: the signed-in user and their role. */
export function actorOf(c: Context<AppEnv>): Actor {
  const principal = c.get('principal');
  return { name: principal?.username ?? c.get('actor'), role: principal?.role ?? 'Reader' };
}
