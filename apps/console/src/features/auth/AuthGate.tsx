import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { meQuery, SessionContext } from './session';
import { SignInPage } from './SignInPage';
import { ErrorState, Loading } from '../../components/states';

/** Shows the console to a signed-in user, the sign-in page to everyone else. */
export function AuthGate({ children }: { children: ReactNode }) {
  const me = useQuery(meQuery());
  if (me.isPending) return <Loading label="Checking your session…" />;
  if (me.isError) return <ErrorState error={me.error} title="The console could not reach the server" />;
  if (!me.data) return <SignInPage />;
  return <SessionContext.Provider value={me.data}>{children}</SessionContext.Provider>;
}
