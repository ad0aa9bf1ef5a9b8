import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** The signed-in user's API tokens. Not part of the estate: the page fetches them again after its commands. */
export const tokensQuery = () =>
  queryOptions({ queryKey: ['auth', 'tokens'], queryFn: async () => unwrap(await api.auth.tokens.$get()) });
