import { createContext, useContext } from 'react';
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, ApiError, unwrap } from '../../api/client';

/** The signed-in user, their role and the pages it opens (the server decides each). */
export type Session = InferResponseType<typeof api.auth.me.$get, 200>;

/** The signed-in user; null when the server says nobody is (401). */
export const meQuery = () =>
  queryOptions({
    queryKey: ['auth', 'me'],
    queryFn: async (): Promise<Session | null> => {
      try {
        return await unwrap(await api.auth.me.$get());
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
  });

export const SessionContext = createContext<Session | null>(null);

/**
 * Nobody is signed in any more (Sign out, a password change): forget every view of the estate; the sign-in page
 * follows.
 */
export function forgetSession(client: QueryClient): void {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
  client.setQueryData(meQuery().queryKey, null);
}

/**
 * The signed-in user. What they may do is not decided here: each object comes with its
 * operations (enabled, or disabled with the reason) and the session with the pages it opens.
 */
export function useSession(): Session | null {
  return useContext(SessionContext);
}
