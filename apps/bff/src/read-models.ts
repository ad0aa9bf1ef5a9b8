import type { Context } from 'hono';
import type { Change } from '@dpm/domain/command';
import { rowsWhere } from '@dpm/domain/draft';
import type { Estate, Replica } from '@dpm/domain/model';
import { formatVersion } from '@dpm/domain/model';
import { supportedMoveOptions } from '@dpm/domain/errors';
import { dbHistoryNote } from '@dpm/domain/server/db-history';
import type { TopologyGraph } from '@dpm/domain/topology/estate-graph';
import { topologyGraph } from '@dpm/domain/topology/estate-graph';
import type { EstateStore } from './store';
import type { AppEnv } from './deps';
import { routeKey } from './auth/permissions';
import { completeJsonAnswer } from './security';

/** What of a replica the topology reads: who protects whom, and through which data source. */
const TOPOLOGY_FIELDS = [
  'serverId',
  'groupId',
  'sourceServerId',
  'switched',
  'dataSourceId',
] as const satisfies readonly (keyof Replica)[];

/** Whether a row's change alters one of `fields` (a new or removed row always does). */
function alters<T extends { id: string }>(table: Record<string, T>, c: Change, fields: readonly (keyof T)[]): boolean {
  if (c.op === 'del') return true;
  const next = c.value as unknown as T;
  const before = table[next.id];
  return before === undefined || fields.some((f) => before[f] !== next[f]);
}

function touchesTopology(c: Change, estate: Estate): boolean {
  switch (c.entity) {
    case 'servers':
      return true;
    case 'computers':
      // An agent's status moves with every job; the topology reads names and who protects whom.
      return alters(estate.computers, c, ['name', 'dpmServerId']);
    case 'dataSources':
      return alters(estate.dataSources, c, ['computerId', 'kind']);
    case 'replicas':
      return alters(estate.replicas, c, TOPOLOGY_FIELDS);
    default:
      return false;
  }
}

/**
 * The DPM server list and the protection topology, kept from the change stream rather than
 * computed per request: a committed change that can alter them (a server, a computer, a data
 * source, who a replica protects, an alert) marks them out of date, and the next request builds
 * them once, as the JSON bytes every later request is answered with. A tick that only moves jobs and
 * replica statuses leaves the topology as it is.
 */
export class ServerReadModel {
  private graph: TopologyGraph | null = null;
  private graphText: Uint8Array | null = null;
  private listText: Uint8Array | null = null;

  constructor(private readonly store: EstateStore) {
    store.onChanges((changes, estate) => {
      for (const c of changes) {
        if (this.graph !== null && touchesTopology(c, estate)) {
          this.graph = null;
          this.graphText = null;
          this.listText = null;
          return;
        }
        if (c.entity === 'alerts') this.listText = null;
      }
    });
  }

  topology(): TopologyGraph {
    this.graph ??= topologyGraph(this.store.estate);
    return this.graph;
  }

  topologyJson(): Uint8Array {
    this.graphText ??= Buffer.from(JSON.stringify(this.topology()));
    return this.graphText;
  }

  serversJson(): Uint8Array {
    this.listText ??= Buffer.from(JSON.stringify(serverList(this.store.estate, this.topology())));
    return this.listText;
  }
}

function serverList(e: Estate, graph: TopologyGraph) {
  const roles = new Map(graph.servers.map((r) => [r.serverId, r]));
  return Object.values(e.servers)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((s) => {
      const role = roles.get(s.id);
      const alerts = rowsWhere(e, 'alerts', 'serverId', s.id).filter((a) => a.state === 'Active');
      return {
        id: s.id,
        name: s.name,
        fqdn: s.fqdn,
        version: formatVersion(s.version),
        versionParts: s.version,
        state: s.state,
        service: s.service,
        vssWriter: s.vssWriter,
        dbRestorePending: s.dbRestorePending,
        primary: role?.primary ?? false,
        secondary: role?.secondary ?? false,
        // Counted, not listed: a primary of the large estate protects 125 computers
        // (GET /servers/{serverId}/protects pages them).
        protects: {
          servers: role?.protectsServers ?? [],
          computers: role?.computers ?? 0,
          computerNames: role?.computerList.map((x) => x.name) ?? [],
        },
        protectedBy: role?.protectedBy ?? [],
        activeAlerts: alerts.length,
        criticalAlerts: alerts.filter((a) => a.severity === 'Critical').length,
        externalDpm: s.externalDpm,
        moveOptions: [...supportedMoveOptions(s, role?.protectedBy ?? [])],
        dbHistoryNote: dbHistoryNote(s),
      };
    });
}

const models = new WeakMap<EstateStore, ServerReadModel>();

/** The store's server read model, started on first use. */
export function serverReadModel(store: EstateStore): ServerReadModel {
  let model = models.get(store);
  if (!model) models.set(store, (model = new ServerReadModel(store)));
  return model;
}

const answeredFromReadModel = new Set<string>();

/** A GET answered from a read model (preserialized): app.ts lets its answer carry its own headers. */
export function readModelRoute<R extends { method: string; path: string }>(route: R): R {
  answeredFromReadModel.add(routeKey(route.method, route.path));
  return route;
}

/** Whether the matched route (`GET /api/…` with :params) answers from a read model. */
export function answersFromReadModel(key: string): boolean {
  return answeredFromReadModel.has(key);
}

/**
 * A 200 answered with JSON bytes a read model already holds, with every header of an API answer
 * (security.ts), precomputed; typed as the route's response.
 */
export function preserialized(c: Context<AppEnv>, bytes: Uint8Array): never {
  return completeJsonAnswer(bytes, c.get('requestId')) as never;
}
