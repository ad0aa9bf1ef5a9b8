import type { DomainError, ErrorCode } from '@dpm/domain/errors';

/** A domain refusal on its way to the client; mapped to its HTTP status in one place (app.ts). */
export class Refused extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
  }
}

/** Rule codes are refusals of a valid request (422); the others say what kind of refusal it is. */
export function statusOf(code: ErrorCode): 400 | 401 | 403 | 404 | 409 | 422 {
  switch (code) {
    case 'INVALID_INPUT':
      return 400;
    case 'CREDENTIALS_INVALID':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    // A request whose intent is already met, or made from a view that has changed since.
    case 'ALREADY_SWITCHED':
    case 'NOT_SWITCHED':
    case 'STALE':
    case 'CONFLICT':
    case 'INVALID_STATE':
    case 'SERVER_UNAVAILABLE':
      return 409;
    default:
      return 422;
  }
}
