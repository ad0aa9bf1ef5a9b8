import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** The console's users. Not part of the estate: the page fetches them again after its commands. */
export const usersQuery = () =>
  queryOptions({ queryKey: ['users'], queryFn: async () => unwrap(await api.users.$get()) });
