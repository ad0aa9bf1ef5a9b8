import { Throttle } from './throttle';
import type { AuthSettings } from './service';

const MINUTE = 60_000;

/** Session timeouts and sign-in throttles: 30 minutes idle by default, 12 hours at most. */
export function authSettings(idleMinutes = 30): AuthSettings & { throttle: { account: Throttle; address: Throttle } } {
  return {
    idleMs: idleMinutes * MINUTE,
    absoluteMs: 12 * 60 * MINUTE,
    throttle: { account: new Throttle(5, 15 * MINUTE), address: new Throttle(20, 15 * MINUTE) },
  };
}
