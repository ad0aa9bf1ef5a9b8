import type { InferResponseType } from 'hono/client';
import type { api } from '../../api/client';

type Protection = (typeof api.servers)[':serverId']['protection'];

/** A member of the members list, as the API answers it (its operations included). */
export type MemberRow = InferResponseType<Protection['members']['$get'], 200>['items'][number];
/** A protection group of the groups list. */
export type GroupRow = InferResponseType<Protection['groups']['$get'], 200>[number];
