import { resolve } from 'node:path';
import { z } from 'zod';
import { SEED_NAMES } from '@dpm/domain/fixtures/scenarios';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DPM_DATA_DIR: z.string().min(1).default('./data'),
  DPM_SEED: z.enum(SEED_NAMES).default('demo'),
  DPM_CLOCK: z.enum(['real', 'manual']).default('real'),
  DPM_CLOCK_SPEED: z.coerce.number().positive().max(100_000).default(1),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  DPM_CONSOLE_DIST: z.string().optional(),
  DPM_ADMIN_PASSWORD: z.string().min(1).max(128).optional(),
  DPM_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  DPM_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'an http:// or https:// URL, such as https://dpm.contoso.com' })
    .optional(),
  DPM_SMTP_URL: z
    .string()
    .url()
    .refine((u) => /^smtps?:\/\//i.test(u), 'must be an smtp:// or smtps:// URL')
    .optional(),
  DPM_SMTP_FROM: z.string().min(3).max(320).default('DPM Reporting <dpm-reports@localhost>'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  dbFile: string;
  seed: (typeof SEED_NAMES)[number];
  clock: 'real' | 'manual';
  clockSpeed: number;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  /** auto: one readable line per event at a terminal, JSON lines otherwise. */
  logFormat: z.infer<typeof Env>['LOG_FORMAT'];
  consoleDist: string | null;
  adminPassword: string | undefined;
  sessionIdleMinutes: number;
  /**
   * The origin browsers load the console from (DPM_PUBLIC_URL, by default the bound address):
   * the only one whose cookie-authenticated requests may change anything. Never the request's Host.
   */
  publicOrigin: string;
  /** DPM_PUBLIC_URL was given (otherwise publicOrigin follows the port actually bound). */
  publicUrlSet: boolean;
  /** Reporting mails through this SMTP server; null: mail is not configured. */
  smtpUrl: string | null;
  smtpFrom: string;
};

/** http://HOST:PORT as a browser writes it (IPv6 in brackets). */
export function boundOrigin(host: string, port: number): string {
  return new URL(`http://${host.includes(':') ? `[${host}]` : host}:${port}`).origin;
}

/** Settings from the environment (README › Settings); a bad value stops the start with its name. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid setting ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DPM_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    dbFile: resolve(dataDir, 'dpm-console.sqlite'),
    seed: e.DPM_SEED,
    clock: e.DPM_CLOCK,
    clockSpeed: e.DPM_CLOCK_SPEED,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    consoleDist: e.DPM_CONSOLE_DIST ?? null,
    adminPassword: e.DPM_ADMIN_PASSWORD,
    sessionIdleMinutes: e.DPM_SESSION_IDLE_MINUTES,
    publicOrigin: e.DPM_PUBLIC_URL ? new URL(e.DPM_PUBLIC_URL).origin : boundOrigin(e.HOST, e.PORT),
    publicUrlSet: e.DPM_PUBLIC_URL !== undefined,
    smtpUrl: e.DPM_SMTP_URL ?? null,
    smtpFrom: e.DPM_SMTP_FROM,
  };
}
