// Shared by the scripts behind npm start, npm test and npm run <task>: find or bootstrap pnpm,
// install with the lockfile, make sure native modules load under the Node in use.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, resolve } from 'node:path';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
export const PNPM_VERSION = pkg.packageManager.split('@')[1];

/** Progress for a person; on stderr, so that a command's own output (dpm --json) stays clean. */
export function log(message) {
  process.stderr.write(`\n▶ ${message}\n`);
}

export function run(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: process.env, ...opts });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function works(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'pipe', cwd: root, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** The pnpm command: an installed pnpm 10, or pnpm fetched from the npm registry through npx. */
export function pnpmCommand() {
  const installed = works('pnpm', ['--version']);
  if (installed && installed.startsWith('10.')) return ['pnpm'];
  log(`pnpm ${PNPM_VERSION} is not installed; using it through npx (npm registry)`);
  if (works('npx', ['--yes', `pnpm@${PNPM_VERSION}`, '--version']) === null) {
    throw new Error(`Could not run pnpm ${PNPM_VERSION} through npx. Install it with: npm install -g pnpm@${PNPM_VERSION}`);
  }
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

export function pnpm(args, opts) {
  const [cmd, ...pre] = pnpmCommand.cached ??= pnpmCommand();
  return run(cmd, [...pre, ...args], opts);
}

const stamp = resolve(root, 'node_modules', '.dpm-node-version');

/**
 * Native modules are loaded by the Node in use: a module built for another Node fails with
 * "compiled against a different Node.js version". better-sqlite3 13 ships N-API prebuilds that
 * every Node >= 22 loads, so this finds nothing to do; it rebuilds only what really fails to load.
 */
function ensureNativeModules() {
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === process.version) return;
  const probe = "const D=require('better-sqlite3');const d=new D(':memory:');d.prepare('select 1').get();d.close()";
  const loads = () => spawnSync(process.execPath, ['-e', probe], { cwd: resolve(root, 'packages/db'), stdio: 'pipe' }).status === 0;
  if (!loads()) {
    log(`better-sqlite3 does not load under Node ${process.versions.node}; rebuilding it for this Node`);
    if (pnpm(['rebuild', '--recursive', 'better-sqlite3']) !== 0 || !loads()) throw new Error(`better-sqlite3 could not be loaded under Node ${process.versions.node}`);
  }
  writeFileSync(stamp, process.version);
}

export function install() {
  log(`Installing dependencies (pnpm install --frozen-lockfile) on Node ${process.versions.node}`);
  const status = pnpm(['install', '--frozen-lockfile', '--reporter=append-only']);
  if (status !== 0) throw new Error('pnpm install failed');
  ensureNativeModules();
}

/** Installs only when node_modules is missing or older than the lockfile (commands run often, such as dpm). */
export function installIfStale() {
  const marker = resolve(root, 'node_modules', '.modules.yaml');
  if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(resolve(root, 'pnpm-lock.yaml')).mtimeMs) {
    install();
    return;
  }
  ensureNativeModules();
}

export function buildConsole() {
  log('Building the console (vite build)');
  const status = pnpm(['--filter', '@dpm/console', 'build']);
  if (status !== 0) throw new Error('The console build failed');
}

/** Debian's Chromium, which the e2e tests, the UI benchmark and the demos drive. */
export function ensureChromium() {
  if (existsSync('/usr/bin/chromium') || process.env.CHROMIUM_PATH) return;
  if (process.getuid?.() !== 0) {
    throw new Error('Debian Chromium (/usr/bin/chromium) is missing and this is not root. Install it: sudo apt-get update && sudo apt-get install -y chromium');
  }
  log('Installing Debian Chromium (apt-get install chromium)');
  if (run('apt-get', ['update', '-qq']) !== 0 || run('apt-get', ['install', '-y', '-qq', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }) !== 0) {
    throw new Error('apt-get install chromium failed');
  }
}

/** The server as one node process with tsx's loader (signals reach it directly). */
export const serverCommand = [process.execPath, '--import', pathToFileURL(resolve(root, 'apps/bff/node_modules/tsx/dist/loader.mjs')).href, 'apps/bff/src/main.ts'];
