/**
 * How Node runs the server's build (dist/server.mjs, made by build.mjs). Every place that starts
 * it takes its flags from here: npm start (scripts/lib.mjs), npm test's e2e and the demos
 * (e2e/server.ts), the bench and the soak.
 *
 * --expose-gc: one full collection once the estate is loaded, before serving (main.ts).
 * --max-semi-space-size=16 (MB): on a heap the size of `large`'s, V8 grows the young generation to
 * 64 MB a semi-space during the first reads and keeps it, about 75 MB of RSS an idle server holds
 * for nothing; at 16 a day's advance of `large` measured the same (bench/side-by-side.ts).
 * --heap-growing-percent=30: after each full collection V8 lets the heap grow to 1.3 times what
 * was live (by default up to 4 times, on how fast the program allocates). A clock advance makes a
 * day's rows and as much garbage, and the peak of RSS was whatever V8 let grow before collecting
 * it: a one-day advance of `large` peaked at 381-459 MB over four runs, at 383-391 MB with this
 * flag (the advance as long: 6.0-6.6 s against 5.9-7.6 s). Node 22 and 24 both take it.
 */
export const SERVER_NODE_FLAGS = ['--expose-gc', '--max-semi-space-size=16', '--heap-growing-percent=30'];

/** node's arguments to run the server's build at `entry` (a path from the caller's directory). */
export function serverArgs(entry) {
  return [...SERVER_NODE_FLAGS, entry];
}
