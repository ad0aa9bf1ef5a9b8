import type { DomainError, ErrorCode } from '@dpm/domain/errors';

/** A domain refusal on its way to the client; mapped to its HTTP status in one place (app.ts). */
export class Refused extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
  }
}

/** A request the caller's role may not make, found beyond the route table (the body decides). */
export class Forbidden extends Error {}

/** Rule codes are refusals of a valid request (422); the others say what kind of refusal it is. */
export function statusOf(code: ErrorCode): 400 | 401 | 404 | 409 | 422 {
  switch (code) {
    case 'INVALID_INPUT':
      return 400;
    case 'CREDENTIALS_INVALID':
      return 401;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'INVALID_STATE':
    case 'SERVER_UNAVAILABLE':
      return 409;
    default:
      return 422;
  }
}
