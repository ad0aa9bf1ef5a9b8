import type { Estate } from '../model';
import { formatVersion } from '../model';
import type { RuleCode } from '../errors';
import { rowsWhere } from '../draft';
import type { TopologyScan } from './topology';
import { chainsOf, cyclesOf, scanTopology, violationsOf } from './topology';

/**
 * The protection topology at estate scale: the DPM servers and who protects whom among them,
 * with each server's protected computers counted rather than listed. A server protecting 125
 * computers is one node saying so; its computers are read page by page (protectsOf) or found by
 * name (findInTopology). Everything is derived from one pass over the replicas (scanTopology).
 */

/** A server's computers are named in the topology when there are at most this many. */
export const INLINE_COMPUTERS = 10;

export interface GraphComputer {
  id: string;
  name: string;
  /** Protected by this server after Switch Disaster Protection (seeds 000, 001). */
  switched: boolean;
}

export interface GraphServer {
  serverId: string;
  name: string;
  version: string;
  state: 'Online' | 'Failed' | 'Not installed';
  failed: boolean;
  /** Protects computers directly. */
  primary: boolean;
  /** Protects another DPM server. */
  secondary: boolean;
  /** Protects its own DPMDB or system state. */
  protectsItself: boolean;
  /** Names of the DPM servers it protects as their secondary, sorted. */
  protectsServers: string[];
  /** Names of the DPM servers protecting it, sorted. */
  protectedBy: string[];
  /** How many computers it protects directly (primary or switched protection). */
  computers: number;
  /** Those computers, sorted by name, when there are at most INLINE_COMPUTERS; otherwise none (they are paged). */
  computerList: GraphComputer[];
}

/** Secondary protection between two DPM servers: `from` protects `to` (seed 004's arrows). */
export interface GraphLink {
  from: string;
  to: string;
}

/**
 * What the topology tells an administrator: the DPM rules the estate breaks (errors, with the
 * rule's code) and a primary left without a secondary (a warning: nothing refuses it, but seeds
 * 001 and 004 protect a primary's database and replicas on a secondary so that its loss can be
 * recovered from, or switched to, the secondary).
 */
export type FindingCode = RuleCode | 'NO_SECONDARY';

export interface Finding {
  code: FindingCode;
  severity: 'error' | 'warning';
  message: string;
  serverIds: string[];
}

export interface TopologyGraph {
  servers: GraphServer[];
  links: GraphLink[];
  findings: Finding[];
  chains: string[][];
  cycles: string[][];
  /** Computers protected directly by at least one DPM server. */
  protectedComputers: number;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function topologyGraph(estate: Estate, scan: TopologyScan = scanTopology(estate)): TopologyGraph {
  const nameOf = (id: string) => estate.servers[id]?.name ?? estate.computers[id]?.name ?? id;
  const servers = Object.values(estate.servers).sort((a, b) => byText(a.name, b.name));
  const protectedComputers = new Set<string>();
  const nodes: GraphServer[] = servers.map((s) => {
    const computers = scan.computers.get(s.id) ?? new Map<string, { primary: boolean; switched: boolean }>();
    for (const id of computers.keys()) protectedComputers.add(id);
    const computerList =
      computers.size <= INLINE_COMPUTERS
        ? [...computers]
            .map(([id, how]) => ({ id, name: nameOf(id), switched: how.switched && !how.primary }))
            .sort((a, b) => byText(a.name, b.name))
        : [];
    return {
      serverId: s.id,
      name: s.name,
      version: formatVersion(s.version),
      state: s.state,
      failed: s.state !== 'Online',
      primary: computers.size > 0,
      secondary: (scan.protects.get(s.id)?.size ?? 0) > 0,
      protectsItself: scan.ownDatabase.has(s.id),
      protectsServers: [...(scan.protects.get(s.id) ?? [])].map(nameOf).sort(byText),
      protectedBy: [...(scan.protectors.get(s.id) ?? [])].map(nameOf).sort(byText),
      computers: computers.size,
      computerList,
    };
  });
  const links: GraphLink[] = [];
  for (const s of servers)
    for (const to of [...(scan.protects.get(s.id) ?? [])].sort((a, b) => byText(nameOf(a), nameOf(b))))
      links.push({ from: s.id, to });

  const findings: Finding[] = violationsOf(scan, estate).map((v) => ({ ...v, severity: 'error' }));
  for (const n of nodes) {
    if (!n.primary || n.protectedBy.length > 0) continue;
    findings.push({
      code: 'NO_SECONDARY',
      severity: 'warning',
      message:
        `${n.name} protects ${n.computers === 1 ? '1 computer' : `${n.computers} computers`} but no secondary ` +
        `DPM server protects it: if it fails, its database and replicas can't be restored from a secondary, nor ` +
        `protection switched to one.`,
      serverIds: [n.serverId],
    });
  }
  return {
    servers: nodes,
    links,
    findings,
    chains: chainsOf(scan, estate),
    cycles: cyclesOf(scan, estate),
    protectedComputers: protectedComputers.size,
  };
}

export type ProtectionHow = 'primary' | 'switched' | 'secondary';

/** One thing a DPM server protects: a computer directly, or another DPM server as its secondary. */
export interface ProtectedItem {
  id: string;
  name: string;
  kind: 'computer' | 'server';
  how: ProtectionHow;
}

/**
 * Everything `serverId` protects, sorted by name then id (the order a keyset page continues
 * in), read through the replicas of that server only.
 */
export function protectsOf(estate: Estate, serverId: string): ProtectedItem[] {
  const found = new Map<string, ProtectedItem>();
  for (const r of rowsWhere(estate, 'replicas', 'serverId', serverId)) {
    if (r.groupId === null) continue;
    const ds = estate.dataSources[r.dataSourceId];
    if (!ds) continue;
    const owner = r.sourceServerId ?? estate.computers[ds.computerId]?.dpmServerId ?? null;
    if (r.switched || owner === null) {
      const computer = estate.computers[ds.computerId];
      const how: ProtectionHow = r.switched ? 'switched' : 'primary';
      const known = found.get(ds.computerId);
      // A computer partly switched is still protected directly: primary wins.
      if (!known || (known.how === 'switched' && how === 'primary'))
        found.set(ds.computerId, { id: ds.computerId, name: computer?.name ?? ds.computerId, kind: 'computer', how });
    } else if (owner !== serverId && !found.has(owner)) {
      found.set(owner, { id: owner, name: estate.servers[owner]?.name ?? owner, kind: 'server', how: 'secondary' });
    }
  }
  return [...found.values()].sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id));
}

/** A server or computer found by name, with the DPM servers that protect it. */
export interface TopologyMatch {
  kind: 'server' | 'computer';
  id: string;
  name: string;
  protectedBy: { serverId: string; name: string; how: ProtectionHow }[];
}

/** The DPM servers protecting a computer directly (through its data sources' replicas). */
function protectorsOfComputer(estate: Estate, computerId: string): TopologyMatch['protectedBy'] {
  const found = new Map<string, ProtectionHow>();
  for (const ds of rowsWhere(estate, 'dataSources', 'computerId', computerId)) {
    for (const r of rowsWhere(estate, 'replicas', 'dataSourceId', ds.id)) {
      if (r.groupId === null || r.sourceServerId !== null) continue;
      if (found.get(r.serverId) !== 'primary') found.set(r.serverId, r.switched ? 'switched' : 'primary');
    }
  }
  return [...found]
    .map(([serverId, how]) => ({ serverId, name: estate.servers[serverId]?.name ?? serverId, how }))
    .sort((a, b) => byText(a.name, b.name));
}

/** The DPM servers protecting a DPM server as its secondary: they hold its data or copies of its replicas. */
function protectorsOfServer(estate: Estate, serverId: string): TopologyMatch['protectedBy'] {
  const server = estate.servers[serverId];
  const found = new Set<string>();
  for (const r of rowsWhere(estate, 'replicas', 'sourceServerId', serverId))
    if (r.groupId !== null && !r.switched) found.add(r.serverId);
  for (const ds of server ? rowsWhere(estate, 'dataSources', 'computerId', server.computerId) : []) {
    for (const r of rowsWhere(estate, 'replicas', 'dataSourceId', ds.id))
      if (r.groupId !== null && !r.switched && r.sourceServerId === null && r.serverId !== serverId)
        found.add(r.serverId);
  }
  return [...found]
    .map((id) => ({ serverId: id, name: estate.servers[id]?.name ?? id, how: 'secondary' as const }))
    .sort((a, b) => byText(a.name, b.name));
}

/**
 * Servers and computers whose name contains `query` (case-insensitive): an exact name first,
 * then names that start with it, then the others, each group by name. `total` counts them all.
 */
export function findInTopology(
  estate: Estate,
  query: string,
  limit: number,
): { items: TopologyMatch[]; total: number } {
  const q = query.trim().toLowerCase();
  if (q === '') return { items: [], total: 0 };
  const rank = (name: string) => {
    const n = name.toLowerCase();
    return n === q ? 0 : n.startsWith(q) ? 1 : n.includes(q) ? 2 : -1;
  };
  const hits: { kind: 'server' | 'computer'; id: string; name: string; rank: number }[] = [];
  for (const s of Object.values(estate.servers)) {
    const r = rank(s.name);
    if (r >= 0) hits.push({ kind: 'server', id: s.id, name: s.name, rank: r });
  }
  for (const c of Object.values(estate.computers)) {
    // A DPM server's own computer is found as the server.
    if (c.dpmServerId !== null) continue;
    const r = rank(c.name);
    if (r >= 0) hits.push({ kind: 'computer', id: c.id, name: c.name, rank: r });
  }
  hits.sort((a, b) => a.rank - b.rank || byText(a.name, b.name) || byText(a.id, b.id));
  const items = hits.slice(0, limit).map((h): TopologyMatch => ({
    kind: h.kind,
    id: h.id,
    name: h.name,
    protectedBy: h.kind === 'computer' ? protectorsOfComputer(estate, h.id) : protectorsOfServer(estate, h.id),
  }));
  return { items, total: hits.length };
}
