/**
 * How Node runs the server's build (dist/server.mjs, made by build.mjs). Every place that starts
 * it takes its flags from here: npm start (scripts/lib.mjs), npm test's e2e and the demos
 * (e2e/server.ts), the bench and the soak.
 *
 * --expose-gc: one full collection once the estate is loaded, before serving (main.ts).
 * --max-semi-space-size=16 (MB): on a heap the size of `large`'s, V8 grows the young generation to
 * 64 MB a semi-space during the first reads and keeps it, about 75 MB of RSS an idle server holds
 * for nothing; at 16 a day's advance of `large` measured the same (bench/side-by-side.ts).
 */
export const SERVER_NODE_FLAGS = ['--expose-gc', '--max-semi-space-size=16'];

/** node's arguments to run the server's build at `entry` (a path from the caller's directory). */
export function serverArgs(entry) {
  return [...SERVER_NODE_FLAGS, entry];
}
