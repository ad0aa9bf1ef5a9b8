// npm run <task> (dev, bench, dpm, unit, e2e, …): the same Node and install as npm start, then the
// task. Anything else is handed to pnpm as it is: `node scripts/run.mjs exec vitest run <file>`.
import { ensureSupportedNode } from './node.mjs';
import { buildConsole, buildServer, ensureChromium, install, installIfStale, pnpm } from './lib.mjs';
import { runDemos } from './demo.mjs';

await ensureSupportedNode();

/** Each task: what it needs first, then the pnpm commands it runs in order (extra arguments go to the last). */
const TASKS = {
  dev: { setup: [install], steps: [['--parallel', '--filter', '@dpm/bff', '--filter', '@dpm/console', 'dev']] },
  bench: {
    setup: [install, ensureChromium, buildServer],
    steps: [
      ['--filter', '@dpm/bff', 'bench'],
      ['--filter', '@dpm/bff', 'bench:soak'],
      ['--filter', '@dpm/console', 'build'],
      ['--filter', '@dpm/console', 'first-load-size'],
      ['--filter', '@dpm/e2e', 'bench'],
    ],
  },
  'bench:soak': { setup: [install, buildServer], steps: [['--filter', '@dpm/bff', 'bench:soak']] },
  dpm: { setup: [installIfStale], steps: [['--silent', '--filter', '@dpm/cli', 'dpm']] },
  build: {
    setup: [installIfStale],
    steps: [
      ['--filter', '@dpm/console', 'build'],
      ['--filter', '@dpm/bff', 'build'],
    ],
  },
  typecheck: { setup: [installIfStale], steps: [['-r', '--no-bail', 'typecheck']] },
  lint: {
    setup: [installIfStale],
    steps: [
      ['exec', 'prettier', '--check', '.', '--log-level=warn'],
      ['exec', 'eslint', '.', '--max-warnings=0'],
    ],
  },
  format: { setup: [installIfStale], steps: [['exec', 'prettier', '--write', '.', '--log-level=warn']] },
  unit: { setup: [installIfStale], steps: [['exec', 'vitest', 'run']] },
  e2e: {
    setup: [installIfStale, ensureChromium, buildConsole, buildServer],
    steps: [['--filter', '@dpm/e2e', 'test']],
  },
  'db:generate': { setup: [installIfStale], steps: [['--filter', '@dpm/db', 'generate']] },
};

const [name, ...rest] = process.argv.slice(2);
const task = name === undefined ? undefined : TASKS[name];
try {
  if (name === 'demo') {
    // pnpm demo [<name>… | --all] [--pace fast|normal] [--headed] [--no-video]: scripts/demo.mjs.
    process.exit(runDemos(rest));
  } else if (task) {
    for (const setup of task.setup) setup();
    for (const [i, step] of task.steps.entries()) {
      const status = pnpm(i === task.steps.length - 1 ? [...step, ...rest] : step);
      if (status !== 0) process.exit(status);
    }
  } else {
    if (name === undefined)
      throw new Error(`Name a task (${[...Object.keys(TASKS), 'demo'].join(', ')}) or pnpm arguments.`);
    installIfStale();
    process.exit(pnpm([name, ...rest]));
  }
} catch (err) {
  console.error(`\n✖ ${err.message}`);
  process.exit(2);
}
