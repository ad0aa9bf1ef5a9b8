// npm start: install, build, migrate, seed on first start, and serve the console and the API.
import { spawn } from 'node:child_process';
import { ensureSupportedNode } from './node.mjs';
import { buildConsole, buildServer, install, log, root, serverCommand } from './lib.mjs';

await ensureSupportedNode();
try {
  install();
  buildConsole();
  buildServer();
} catch (err) {
  console.error(`\n✖ ${err.message}`);
  process.exit(1);
}
log(
  `Starting the DPM console on Node ${process.versions.node} ` +
    '(PORT, HOST, DPM_DATA_DIR, DPM_SEED, DPM_CLOCK, DPM_CLOCK_SPEED: see README)',
);
const [node, ...args] = serverCommand;
const child = spawn(node, args, { cwd: root, stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
