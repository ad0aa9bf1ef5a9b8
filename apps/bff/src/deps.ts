import type { Logger } from 'pino';
import type { Db } from '@dpm/db/client';
import type { EstateStore } from './store';
import type { Config } from './config';
import type { AuthSettings, Principal } from './auth/service';
import type { SignInThrottle } from './auth/throttle';
import type { AuditRecord } from './audit/hook';
import type { ReportingService } from './reporting/service';

export interface AppDeps {
  auth: AuthSettings & { throttle: SignInThrottle };
  store: EstateStore;
  /** Scheduled reports and their mail (Reporting work area). */
  reporting: ReportingService;
  db: Db;
  /** Reads for the lists, on their own connection: only committed rows (see openReader). */
  reads: Db;
  config: Pick<Config, 'clock' | 'clockSpeed' | 'seed' | 'dbFile' | 'publicOrigin'>;
  log: Logger;
  version: string;
}

/** `audit`: the request's audit entry (audit/hook.ts), written once. */
export type AppEnv = {
  Variables: { requestId: string; actor: string; principal: Principal | null; audit: AuditRecord };
};
