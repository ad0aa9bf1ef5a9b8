import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/client';

// A 401 anywhere means the session ended (idle or absolute timeout, sign-out elsewhere):
// asking again who is signed in brings the sign-in page back.
export const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 1,
      refetchOnWindowFocus: false,
    },
  },
  queryCache: new QueryCache({
    onError: (err) => {
      if (err instanceof ApiError && err.status === 401)
        void queryClient.invalidateQueries({ queryKey: ['auth', 'me'] });
    },
  }),
});
