// npm test: install what is needed, then typecheck, lint, unit and route tests, and e2e against
// the real server in Debian's Chromium. Ends with one summary line.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureSupportedNode } from './node.mjs';
import { buildConsole, buildServer, ensureChromium, install, log, pnpm, root } from './lib.mjs';

await ensureSupportedNode();

const results = resolve(root, '.test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const steps = [];
function step(name, fn) {
  const started = Date.now();
  let ok = false;
  try {
    ok = fn() === 0;
  } catch (err) {
    console.error(`✖ ${name}: ${err.message}`);
  }
  steps.push({ name, ok, seconds: Math.round((Date.now() - started) / 100) / 10 });
  if (!ok) console.error(`✖ ${name} failed`);
  return ok;
}

try {
  install();
  ensureChromium();
} catch (err) {
  console.error(`\n✖ ${err.message}`);
  process.exit(1);
}

step('typecheck', () => pnpm(['-r', '--no-bail', 'typecheck']));
step('format', () => pnpm(['exec', 'prettier', '--check', '.', '--log-level=warn']));
step('lint', () => pnpm(['exec', 'eslint', '.', '--max-warnings=0']));
step('unit and route tests', () =>
  pnpm([
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${resolve(results, 'vitest.json')}`,
  ]),
);
step('console and server build', () => (buildConsole(), buildServer(), 0));
step('e2e', () =>
  pnpm(['--filter', '@dpm/e2e', 'test'], { env: { ...process.env, E2E_RESULTS: resolve(results, 'e2e.json') } }),
);

function count(file, pick) {
  try {
    return pick(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return { passed: 0, failed: 0, skipped: 0 };
  }
}
const unit = count(resolve(results, 'vitest.json'), (j) => ({
  passed: j.numPassedTests,
  failed: j.numFailedTests,
  skipped: j.numPendingTests + (j.numTodoTests ?? 0),
}));
const e2e = count(resolve(results, 'e2e.json'), (j) => ({
  passed: j.stats.expected,
  failed: j.stats.unexpected + (j.stats.flaky ?? 0),
  skipped: j.stats.skipped,
}));

log(`Summary (Node ${process.versions.node})`);
for (const s of steps) console.log(`${s.ok ? '✔' : '✖'} ${s.name} (${s.seconds}s)`);
console.log(`unit: ${unit.passed} passed, ${unit.failed} failed; e2e: ${e2e.passed} passed, ${e2e.failed} failed`);
const failedSteps = steps.filter((s) => !s.ok).length;
const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed + (failedSteps > 0 && unit.failed + e2e.failed === 0 ? failedSteps : 0);
console.log(
  `tests: ${passed} passed, ${failed} failed, ${unit.skipped + e2e.skipped} skipped (Node ${process.versions.node})`,
);
process.exit(failedSteps > 0 ? 1 : 0);
