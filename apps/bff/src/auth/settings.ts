import { SignInThrottle } from './throttle';
import type { AuthSettings } from './service';

const MINUTE = 60_000;

/** Session timeouts and the sign-in throttle: 30 minutes idle by default, 12 hours at most. */
export function authSettings(idleMinutes = 30): AuthSettings & { throttle: SignInThrottle } {
  return {
    idleMs: idleMinutes * MINUTE,
    absoluteMs: 12 * 60 * MINUTE,
    throttle: new SignInThrottle(),
  };
}
