// Shared by start.mjs and test.mjs: find or bootstrap pnpm, install with the lockfile.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, resolve } from 'node:path';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
export const PNPM_VERSION = pkg.packageManager.split('@')[1];

export function log(message) {
  process.stdout.write(`\n▶ ${message}\n`);
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

export function install() {
  log('Installing dependencies (pnpm install --frozen-lockfile)');
  const status = pnpm(['install', '--frozen-lockfile', '--reporter=append-only']);
  if (status !== 0) throw new Error('pnpm install failed');
}

export function buildConsole() {
  log('Building the console (vite build)');
  const status = pnpm(['--filter', '@dpm/console', 'build']);
  if (status !== 0) throw new Error('The console build failed');
}

/** The server as one node process with tsx's loader (signals reach it directly). */
export const serverCommand = [process.execPath, '--import', pathToFileURL(resolve(root, 'apps/bff/node_modules/tsx/dist/loader.mjs')).href, 'apps/bff/src/main.ts'];
