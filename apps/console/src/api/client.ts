import { hc } from 'hono/client';
import type { ApiType } from '@dpm/bff/app';

/** The typed API client: a renamed field in the BFF breaks this build, not the user. */
export const api = hc<ApiType>('/api', { init: { credentials: 'same-origin' } });

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly target?: string,
  ) {
    super(message);
  }
}

/** The body type of a typed response's 200 answer. */
type OkBody<R> = R extends { status: 200; json(): Promise<infer T> } ? T : never;

/** Unwraps a response: the JSON body, or an ApiError carrying DPM's code and sentence. */
export async function unwrap<R extends { ok: boolean; status: number; json(): Promise<unknown> }>(
  res: R,
): Promise<OkBody<R>> {
  if (res.ok) return (await res.json()) as OkBody<R>;
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* a body that is not JSON falls through to the generic message */
  }
  const error = (body as { error?: { code?: string; message?: string; target?: string } } | null)?.error;
  throw new ApiError(
    res.status,
    error?.code ?? 'HTTP_ERROR',
    error?.message ?? `The server answered ${res.status}.`,
    error?.target,
  );
}
