import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { keys } from '../api/keys';

/** The estate's simulated clock (the header's time, the wizards' "now"). */
export const clockQuery = () =>
  queryOptions({ queryKey: keys.clock, queryFn: async () => unwrap(await api.clock.$get()) });
