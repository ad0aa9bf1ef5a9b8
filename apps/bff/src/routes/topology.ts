import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { PageQuery, ServerParams, pageOf } from '../schemas';
import { ProtectedItem, ServerListItem, Topology, TopologyMatch } from '../schemas-topology';
import { NoQuery, readRoute, router } from './route-kit';
import { serverOr404 } from './lookups';
import { findInTopology, protectsOf } from '@dpm/domain/topology/estate-graph';
import { preserialized, readModelRoute, serverReadModel } from '../read-models';
import { formatVersion } from '@dpm/domain/model';
import { decodeCursor, encodeCursor } from '@dpm/db/views/paging';

const TAG = 'Servers';
const NoParams = z.object({});

const ProtectsQuery = z
  .object({
    search: z.string().max(200).optional(),
    kind: z.enum(['computer', 'server']).optional(),
    ...PageQuery,
  })
  .strict();
const SearchQuery = z
  .object({ q: z.string().min(1).max(200), limit: z.coerce.number().int().min(1).max(50).default(10) })
  .strict();
const ServerListQuery = z.object({ search: z.string().max(200).optional(), ...PageQuery }).strict();

const topology = readModelRoute(
  readRoute(
    TAG,
    '/topology',
    "Protection topology: the DPM servers, who protects whom, each server's computers counted, and the findings",
    NoParams,
    NoQuery,
    Topology,
  ),
);
const search = readRoute(
  TAG,
  '/topology/search',
  'A DPM server or computer by name, with the servers that protect it',
  NoParams,
  SearchQuery,
  z.object({ items: z.array(TopologyMatch), total: z.number() }),
);
const serverList = readRoute(
  TAG,
  '/topology/servers',
  'The DPM servers by name, searched and paged (Connect to DPM server)',
  NoParams,
  ServerListQuery,
  pageOf(ServerListItem),
);
const protects = readRoute(
  TAG,
  '/servers/{serverId}/protects',
  'What a DPM server protects (Protects): its computers and the DPM servers it is the secondary of, by name, ' +
    'searched and paged',
  ServerParams,
  ProtectsQuery,
  pageOf(ProtectedItem),
);

/**
 * A keyset page of rows already sorted by name then id: the cursor holds the last row's name
 * and id, so a page continues where the previous one ended even when rows come and go.
 */
function pageByName<T extends { id: string; name: string }>(
  rows: readonly T[],
  cursor: string | undefined,
  limit: number,
) {
  const after = decodeCursor(cursor);
  const start =
    after === null ? 0 : rows.findIndex((r) => r.name > String(after.v) || (r.name === after.v && r.id > after.id));
  const from = start < 0 ? rows.length : start;
  const items = rows.slice(from, from + limit);
  const last = items[items.length - 1];
  return {
    items,
    total: rows.length,
    nextCursor: from + limit < rows.length && last ? encodeCursor({ v: last.name, id: last.id }) : null,
  };
}

const matches = (name: string, search: string | undefined) =>
  !search || name.toLowerCase().includes(search.trim().toLowerCase());
const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The protection topology at estate scale (seeds 001, 004): the drawing's data with computers
 * counted per server, and the lists behind each count, searched and paged on the server.
 */
export function topologyRoutes(d: AppDeps) {
  return router()
    .openapi(topology, (c) => preserialized(c, serverReadModel(d.store).topologyJson()))
    .openapi(search, (c) => {
      const { q, limit } = c.req.valid('query');
      return c.json(findInTopology(d.store.estate, q, limit), 200);
    })
    .openapi(serverList, (c) => {
      const { search: text, cursor, limit } = c.req.valid('query');
      const rows = Object.values(d.store.estate.servers)
        .filter((s) => matches(s.name, text) || matches(s.fqdn, text))
        .map((s) => ({ id: s.id, name: s.name, fqdn: s.fqdn, version: formatVersion(s.version), state: s.state }))
        .sort(byName);
      return c.json(pageByName(rows, cursor, limit), 200);
    })
    .openapi(protects, (c) => {
      const { serverId } = c.req.valid('param');
      const { search: text, kind, cursor, limit } = c.req.valid('query');
      serverOr404(d, serverId);
      const rows = protectsOf(d.store.estate, serverId).filter(
        (r) => (kind === undefined || r.kind === kind) && matches(r.name, text),
      );
      return c.json(pageByName(rows, cursor, limit), 200);
    });
}
