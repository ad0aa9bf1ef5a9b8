// Shared by the scripts behind npm start, npm test and npm run <task>: find or bootstrap pnpm,
// install with the lockfile, make sure native modules load under the Node in use.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { serverArgs } from '../apps/bff/server-command.mjs';

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
    throw new Error(
      `Could not run pnpm ${PNPM_VERSION} through npx. Install it with: npm install -g pnpm@${PNPM_VERSION}`,
    );
  }
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

export function pnpm(args, opts) {
  const [cmd, ...pre] = (pnpmCommand.cached ??= pnpmCommand());
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
  const loads = () =>
    spawnSync(process.execPath, ['-e', probe], { cwd: resolve(root, 'packages/db'), stdio: 'pipe' }).status === 0;
  if (!loads()) {
    log(`better-sqlite3 does not load under Node ${process.versions.node}; rebuilding it for this Node`);
    if (pnpm(['rebuild', '--recursive', 'better-sqlite3']) !== 0 || !loads())
      throw new Error(`better-sqlite3 could not be loaded under Node ${process.versions.node}`);
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

/** The server compiled and bundled (apps/bff/build.mjs → apps/bff/dist/server.mjs), run by serverCommand. */
export function buildServer() {
  log('Building the server (esbuild)');
  const status = pnpm(['--filter', '@dpm/bff', 'build']);
  if (status !== 0) throw new Error('The server build failed');
}

/** Debian's Chromium, which the e2e tests, the UI benchmark and the demos drive. */
export function ensureChromium() {
  if (existsSync('/usr/bin/chromium') || process.env.CHROMIUM_PATH) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      'Debian Chromium (/usr/bin/chromium) is missing and this is not root. ' +
        'Install it: sudo apt-get update && sudo apt-get install -y chromium',
    );
  }
  log('Installing Debian Chromium (apt-get install chromium)');
  if (
    run('apt-get', ['update', '-qq']) !== 0 ||
    run('apt-get', ['install', '-y', '-qq', 'chromium'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }) !== 0
  ) {
    throw new Error('apt-get install chromium failed');
  }
}

/** The server as one node process running its build (signals reach it directly): buildServer first. */
export const serverCommand = [process.execPath, ...serverArgs('apps/bff/dist/server.mjs')];

/**
 * Playwright records video (page.screencast, recordVideo) through an ffmpeg binary it looks for at
 * <browsers path>/ffmpeg-<revision>/ffmpeg-<platform>. Its own download host is out of reach here,
 * so on Linux x64 the static ffmpeg (with VP8) of the npm package @ffmpeg-installer/linux-x64, an
 * optional dependency of @dpm/e2e, is put there. Returns the path; throws with what is missing.
 */
export function ensureFfmpeg() {
  const e2e = resolve(root, 'e2e');
  const requireFromE2e = createRequire(resolve(e2e, 'package.json'));
  const testPkg = requireFromE2e.resolve('@playwright/test/package.json');
  const corePkg = createRequire(testPkg).resolve('playwright-core/package.json');
  const browsers = JSON.parse(readFileSync(resolve(dirname(corePkg), 'browsers.json'), 'utf8')).browsers;
  const revision = browsers.find((b) => b.name === 'ffmpeg')?.revision;
  if (!revision) throw new Error(`playwright-core ${dirname(corePkg)} names no ffmpeg revision in browsers.json`);
  const names = { linux: 'ffmpeg-linux', darwin: 'ffmpeg-mac', win32: 'ffmpeg-win64.exe' };
  const name = names[process.platform];
  if (!name) throw new Error(`Playwright records no video on ${process.platform}`);
  const target = resolve(playwrightBrowsersPath(), `ffmpeg-${revision}`, name);
  if (existsSync(target)) return target;
  let source = null;
  if (process.platform === 'linux' && process.arch === 'x64') {
    try {
      source = resolve(dirname(requireFromE2e.resolve('@ffmpeg-installer/linux-x64/package.json')), 'ffmpeg');
    } catch {
      source = null;
    }
  }
  if (!source || !existsSync(source)) {
    throw new Error(
      [
        `Video needs an ffmpeg binary at ${target}, and none is there.`,
        process.platform === 'linux' && process.arch === 'x64'
          ? 'The npm package @ffmpeg-installer/linux-x64 (an optional dependency of @dpm/e2e) is missing: ' +
            'run pnpm install again.'
          : `No npm package of this project ships one for ${process.platform}-${process.arch}: ` +
            "let Playwright's command line fetch its own ffmpeg where its download host is reachable, " +
            'or copy an ffmpeg build with VP8 (libvpx) to that path.',
        'Without it, `pnpm demo <name> --pace fast --no-video` still runs a demo as a test.',
      ].join('\n'),
    );
  }
  log(`Putting the ffmpeg of @ffmpeg-installer/linux-x64 where Playwright records video: ${target}`);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(source, target);
  chmodSync(target, 0o755);
  return target;
}

/** Where Playwright keeps its browsers and ffmpeg (PLAYWRIGHT_BROWSERS_PATH, or its default per platform). */
export function playwrightBrowsersPath() {
  const env = process.env.PLAYWRIGHT_BROWSERS_PATH;
  if (env && env !== '0') return resolve(env);
  if (env === '0')
    throw new Error(
      'PLAYWRIGHT_BROWSERS_PATH=0 keeps browsers inside node_modules; unset it or name a folder to record demos.',
    );
  if (process.platform === 'darwin') return resolve(homedir(), 'Library', 'Caches', 'ms-playwright');
  if (process.platform === 'win32')
    return resolve(process.env.LOCALAPPDATA ?? resolve(homedir(), 'AppData', 'Local'), 'ms-playwright');
  return resolve(process.env.XDG_CACHE_HOME ?? resolve(homedir(), '.cache'), 'ms-playwright');
}
