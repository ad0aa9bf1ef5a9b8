import { createContext, useContext } from 'react';
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../api/client';

export type Role = 'Administrator' | 'Operator' | 'Reader';

export interface Session {
  username: string;
  role: Role;
}

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

/** Nobody is signed in any more (Sign out, a password change): forget every view of the estate; the sign-in page follows. */
export function forgetSession(client: QueryClient): void {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
  client.setQueryData(meQuery().queryKey, null);
}

const RANK: Record<Role, number> = { Reader: 1, Operator: 2, Administrator: 3 };

/**
 * The console's mirror of the server's role table (apps/bff/src/auth/permissions.ts): it only
 * disables controls and says why; the server decides.
 */
export function useRole() {
  const session = useContext(SessionContext);
  const role = session?.role ?? 'Reader';
  return {
    session,
    role,
    /** Null when the role may do it, else the sentence for the disabled control's tooltip. */
    needs: (needed: Role): string | null => (RANK[role] >= RANK[needed] ? null : `Requires the ${needed} role; you are signed in as ${session?.username ?? 'a Reader'} (${role}).`),
  };
}
