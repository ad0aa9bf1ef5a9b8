import type { Logger } from 'pino';
import type { EstateStore } from './store';

export interface ClockInfo {
  mode: 'real' | 'manual';
  speed: number;
}

/**
 * Drives the simulated clock in real time: every second of wall time moves it by `speed`
 * seconds. Returns a stop function. Manual mode installs no timer at all.
 */
export function startRealClock(store: EstateStore, speed: number, log: Logger, intervalMs = 1000): () => void {
  let last = Date.now();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    const wall = Date.now();
    const step = Math.round((wall - last) * speed);
    last = wall;
    if (step <= 0) return;
    busy = true;
    store
      .advanceTo(store.now + step)
      .catch((err: unknown) => log.error({ err }, 'clock tick failed'))
      .finally(() => {
        busy = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
