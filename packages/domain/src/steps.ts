/**
 * Work done in steps: a generator that pauses (yields) between small pieces of a long
 * computation, so that a caller sharing the thread (the server's event loop) can answer others
 * between them. Pausing changes nothing: the result is the same whenever and however often the
 * caller resumes, as long as nothing else changes the estate meanwhile.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs steps to the end at once, for a caller that does not share the thread. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done === true) return r.value;
  }
}
