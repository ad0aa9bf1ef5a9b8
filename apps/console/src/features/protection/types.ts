import type { InferResponseType } from 'hono/client';
import type { api } from '../../api/client';

type Protection = (typeof api.servers)[':serverId']['protection'];

/** A member of the members list, as the API answers it (its operations included). */
export type MemberRow = InferResponseType<Protection['members']['$get'], 200>['items'][number];
/** A member's details (the Details pane). */
export type MemberDetail = InferResponseType<Protection['members'][':replicaId']['$get'], 200>;
/** A computer the server can protect, with its data sources and the replicas it holds. */
export type ProtectableComputer = InferResponseType<Protection['protectable']['$get'], 200>[number];
/** A protection group of the groups list. */
export type GroupRow = InferResponseType<Protection['groups']['$get'], 200>[number];

/**
 * How a member is named in lists: a data source protected directly, the replica a primary holds
 * (secondary protection), or, after Switch Disaster Protection, the data source this server now
 * protects directly in place of that primary.
 */
export function memberLabel(m: { dataSource: string; sourceServer: string | null; switched: boolean }): string {
  if (!m.sourceServer) return m.dataSource;
  return m.switched
    ? `${m.dataSource} (switched from ${m.sourceServer})`
    : `${m.dataSource} (replica on ${m.sourceServer})`;
}
