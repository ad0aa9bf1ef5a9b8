import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { openDb, openReader, privateDataFolder } from '@dpm/db/client';
import { getMeta } from '@dpm/db/estate-repository';
import { META_CLOCK, seedIfNew } from '@dpm/db/seed';
import { boundOrigin, loadConfig } from './config';
import { EventBus } from './events';
import { EstateStore } from './store';
import { createApp } from './app';
import { withReadShortcuts } from './read-shortcut';
import { serveConsole } from './console-files';
import { startRealClock } from './clock';
import { bootstrapAdmin } from './auth/service';
import { authSettings } from './auth/settings';
import { writeFileSync } from 'node:fs';
import { ReportingService } from './reporting/service';
import { smtpMailer } from './reporting/mailer';
import { createLogger } from './logger';

const VERSION = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

export async function start() {
  const config = loadConfig(process.env);
  const log = createLogger(config.logLevel, config.logFormat);
  // The folder holds password and token hashes: its owner only (an existing one is tightened too).
  if (!privateDataFolder(config.dataDir))
    log.warn(
      { dataDir: config.dataDir },
      'the data folder is shared (sticky bit): give DPM_DATA_DIR a folder of its own',
    );
  const db = openDb(config.dbFile);
  const seeded = seedIfNew(db, config.seed, Date.now());
  const reads = openReader(db, config.dbFile);
  const simulatedNow = Number(getMeta(db, META_CLOCK));
  const store = new EstateStore(db, new EventBus(), log, simulatedNow, { reads });
  // Loading a large estate leaves as much garbage as estate: one full collection before serving
  // gives that memory back (about 40 MB of RSS on `large`). The server's command runs node with
  // --expose-gc (server-command.mjs); started without it, this is skipped.
  (globalThis as { gc?: () => void }).gc?.();
  const admin = await bootstrapAdmin(db, config.adminPassword, Date.now());
  if (admin.generatedPassword) {
    const file = resolve(config.dataDir, 'initial-admin-password');
    writeFileSync(file, `${admin.generatedPassword}\n`, { mode: 0o600 });
    // Printed this once, as the first start's only way to sign in; it is in the file above too.
    log.warn(
      { user: 'admin', file },
      `Initial administrator: user admin, password ${admin.generatedPassword} (also in ${file}, readable by its ` +
        `owner only)`,
    );
  } else if (admin.created) {
    log.info({ user: 'admin' }, 'Administrator admin created with DPM_ADMIN_PASSWORD');
  }
  const reporting = new ReportingService(
    db,
    store,
    config.smtpUrl ? smtpMailer(config.smtpUrl, config.smtpFrom) : null,
    log,
  );
  const auth = authSettings(config.sessionIdleMinutes);
  const app = createApp({
    store,
    reporting,
    db,
    reads,
    config,
    log,
    version: VERSION,
    auth,
  });

  const dist = config.consoleDist ?? fileURLToPath(new URL('../../console/dist', import.meta.url));
  if (!serveConsole(app, dist)) {
    log.warn({ dist }, 'the console is not built; serving the API only (run pnpm build)');
  }

  const stopClock = config.clock === 'real' ? startRealClock(store, config.clockSpeed, log) : () => undefined;
  const server = createServer(
    withReadShortcuts({ db, auth, store }, getRequestListener(app.fetch, { hostname: config.host })),
  );
  server.listen(config.port, config.host, () => {
    const info = server.address() as AddressInfo;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${info.port}`;
    // PORT=0: the bound port is known only now.
    if (!config.publicUrlSet) config.publicOrigin = boundOrigin(config.host, info.port);
    log.info(
      {
        url,
        publicOrigin: config.publicOrigin,
        dataDir: config.dataDir,
        database: config.dbFile,
        seed: seeded ? config.seed : `existing (${getMeta(db, 'seed') ?? '?'})`,
        clock: config.clock,
        speed: config.clockSpeed,
        mail: config.smtpUrl ? 'DPM_SMTP_URL set' : 'not configured',
      },
      `DPM console listening on ${url}; data in ${config.dataDir}`,
    );
    if (!isLoopback(config.host))
      log.warn({ host: config.host }, 'listening beyond loopback without HTTPS: put a TLS-terminating proxy in front');
    if (!config.publicUrlSet && !isLoopback(config.host)) {
      log.warn(
        { publicOrigin: config.publicOrigin },
        'set DPM_PUBLIC_URL to the address browsers use: signed-in changes from any other origin are refused',
      );
    }
  });
  // Idle keep-alive connections are closed by the client first (it subtracts a margin from this
  // hint), never by the server while a request is on its way: Node's 5 s default races with
  // clients such as undici's fetch on a busy machine ("other side closed").
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const shutdown = () => {
    stopClock();
    server.close();
    if (reads !== db) reads.$client.close();
    db.$client.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  return { app, store, server };
}

start().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
