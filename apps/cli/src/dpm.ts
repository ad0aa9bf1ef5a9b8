import { main } from './main';

process.exit(
  await main(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    fetch,
    env: process.env,
  }),
);
