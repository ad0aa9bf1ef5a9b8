import { main } from './main';

const code = await main(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  fetch,
  env: process.env,
});
// Writes to a pipe are asynchronous: exit once what was written has gone, or a long answer
// (get-jobs --json of a server with a fortnight of history) is cut short.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
