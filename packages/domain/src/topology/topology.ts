import type { Estate, DpmServer, Replica } from '../model';
import { sameVersion, formatVersion } from '../model';
import type { RuleCode } from '../errors';

/**
 * Who protects whom, derived from the replicas (seeds 001, 004). An edge A → B of kind
 * `secondary` means server A protects DPM server B (its DPMDB, volumes, folders or replicas);
 * `primary` means A protects computer B directly; `switched` means A protects computer B
 * directly after Switch Disaster Protection; `self` means A protects its own DPMDB or system state.
 */
export type EdgeKind = 'primary' | 'secondary' | 'switched' | 'self';

export interface Edge {
  from: string;
  /** A server id for `secondary` and `self`, a computer id otherwise. */
  to: string;
  kind: EdgeKind;
}

export interface TopologyViolation {
  code: RuleCode;
  message: string;
  serverIds: string[];
}

export interface ServerRole {
  serverId: string;
  name: string;
  primary: boolean;
  secondary: boolean;
  /** Names of the computers and servers it protects, sorted. */
  protecting: string[];
  /** Names of the servers protecting it. */
  protectedBy: string[];
  failed: boolean;
}

export interface Topology {
  edges: Edge[];
  servers: ServerRole[];
  chains: string[][];
  cycles: string[][];
  violations: TopologyViolation[];
}

function isActive(r: Replica): boolean {
  return r.groupId !== null;
}

export function computeEdges(estate: Estate): Edge[] {
  const seen = new Set<string>();
  const edges: Edge[] = [];
  const add = (e: Edge) => {
    const key = `${e.from}|${e.to}|${e.kind}`;
    if (!seen.has(key)) {
      seen.add(key);
      edges.push(e);
    }
  };
  for (const r of Object.values(estate.replicas)) {
    if (!isActive(r)) continue;
    const ds = estate.dataSources[r.dataSourceId];
    if (!ds) continue;
    const computer = estate.computers[ds.computerId];
    if (r.switched) {
      add({ from: r.serverId, to: ds.computerId, kind: 'switched' });
    } else if (r.sourceServerId !== null) {
      add({ from: r.serverId, to: r.sourceServerId, kind: 'secondary' });
    } else if (computer?.dpmServerId) {
      const kind: EdgeKind = computer.dpmServerId === r.serverId ? 'self' : 'secondary';
      add({ from: r.serverId, to: computer.dpmServerId, kind });
    } else {
      add({ from: r.serverId, to: ds.computerId, kind: 'primary' });
    }
  }
  return edges;
}

/** Servers that protect `serverId` as its secondary (not counting itself). */
export function protectorsOf(edges: readonly Edge[], serverId: string): string[] {
  return [...new Set(edges.filter((e) => e.kind === 'secondary' && e.to === serverId).map((e) => e.from))];
}

/** Servers that `serverId` protects as secondary. */
export function protectedBy(edges: readonly Edge[], serverId: string): string[] {
  return [...new Set(edges.filter((e) => e.kind === 'secondary' && e.from === serverId).map((e) => e.to))];
}

/**
 * True when `from` already reaches `to` through the chain, through at least one other server
 * (seed 004: DPM3 protects DPM1's data because it is the secondary of DPM2).
 */
export function reachesIndirectly(edges: readonly Edge[], from: string, to: string): boolean {
  const visited = new Set<string>([from]);
  const queue = protectedBy(edges, from).filter((s) => s !== to);
  for (const s of queue) visited.add(s);
  while (queue.length > 0) {
    const s = queue.shift() as string;
    for (const next of protectedBy(edges, s)) {
      if (next === to) return true;
      if (!visited.has(next)) {
        visited.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}

/** The servers that protect their own DPMDB or system state (seed 004: that breaks the chain), in one pass. */
export function ownDatabaseProtectors(estate: Estate): Set<string> {
  const found = new Set<string>();
  for (const r of Object.values(estate.replicas)) {
    if (!isActive(r) || r.sourceServerId !== null) continue;
    const ds = estate.dataSources[r.dataSourceId];
    if (ds && (ds.kind === 'DPMDB' || ds.kind === 'System state') && estate.servers[r.serverId]?.computerId === ds.computerId) found.add(r.serverId);
  }
  return found;
}

/** True when the server protects its own DPMDB or system state (seed 004 breaks the chain). */
export function protectsOwnDatabase(estate: Estate, server: DpmServer): boolean {
  return ownDatabaseProtectors(estate).has(server.id);
}

export function analyseTopology(estate: Estate): Topology {
  const edges = computeEdges(estate);
  const selfProtecting = ownDatabaseProtectors(estate);
  const servers = Object.values(estate.servers).sort((a, b) => a.name.localeCompare(b.name));
  const nameOf = (id: string) => estate.servers[id]?.name ?? estate.computers[id]?.name ?? id;

  const roles: ServerRole[] = servers.map((s) => {
    const out = edges.filter((e) => e.from === s.id && e.kind !== 'self');
    const protecting = [...new Set(out.map((e) => nameOf(e.to)))].sort();
    return {
      serverId: s.id,
      name: s.name,
      primary: out.some((e) => e.kind === 'primary' || e.kind === 'switched'),
      secondary: out.some((e) => e.kind === 'secondary'),
      protecting,
      protectedBy: protectorsOf(edges, s.id).map(nameOf).sort(),
      failed: s.state !== 'Online',
    };
  });

  const violations: TopologyViolation[] = [];
  for (const s of servers) {
    const protectors = protectorsOf(edges, s.id);
    if (protectors.length > 1) {
      violations.push({
        code: 'ALREADY_PROTECTED_BY_DPM',
        message: `${s.name} is protected by ${protectors.map(nameOf).join(' and ')}; a DPM server can be protected by only one other DPM server.`,
        serverIds: [s.id, ...protectors],
      });
    }
    if (protectors.length > 0 && selfProtecting.has(s.id)) {
      violations.push({
        code: 'SELF_PROTECTION_BREAKS_CHAIN',
        message: `${s.name} protects its own database or system state, which breaks the chain: it can't be protected by ${protectors.map(nameOf).join(', ')}.`,
        serverIds: [s.id],
      });
    }
    for (const t of protectedBy(edges, s.id)) {
      if (reachesIndirectly(edges, s.id, t)) {
        violations.push({
          code: 'CHAIN_INDIRECT',
          message: `${s.name} already protects ${nameOf(t)} through the chain, so it can't act directly as its secondary.`,
          serverIds: [s.id, t],
        });
      }
      const other = estate.servers[t];
      if (other && !sameVersion(other.version, s.version)) {
        violations.push({
          code: 'VERSION_MISMATCH',
          message: `${s.name} runs DPM ${formatVersion(s.version)} but ${other.name} runs ${formatVersion(other.version)}; all servers in a primary/secondary configuration must run the same version and update rollup.`,
          serverIds: [s.id, t],
        });
      }
    }
  }
  const byComputer = new Map<string, Set<string>>();
  for (const e of edges) {
    if (e.kind !== 'primary') continue;
    const set = byComputer.get(e.to) ?? new Set<string>();
    set.add(e.from);
    byComputer.set(e.to, set);
  }
  for (const [computerId, protectors] of byComputer) {
    if (protectors.size > 1) {
      const names = [...protectors].map(nameOf).sort();
      violations.push({
        code: 'ALREADY_PROTECTED',
        message: `${nameOf(computerId)} is protected directly by ${names.join(' and ')}; a data source can be protected only once.`,
        serverIds: [...protectors],
      });
    }
  }

  return { edges, servers: roles, chains: findChains(edges, estate), cycles: findCycles(edges, estate), violations };
}

/** Maximal secondary chains, from the end of the chain (least protected) to the top. */
function findChains(edges: readonly Edge[], estate: Estate): string[][] {
  const chains: string[][] = [];
  const ids = Object.keys(estate.servers).sort((a, b) => (estate.servers[a]?.name ?? '').localeCompare(estate.servers[b]?.name ?? ''));
  for (const id of ids) {
    if (protectedBy(edges, id).length > 0) continue;
    const chain = [id];
    let cur = id;
    const seen = new Set([id]);
    for (;;) {
      const up = protectorsOf(edges, cur)[0];
      if (up === undefined || seen.has(up)) break;
      chain.push(up);
      seen.add(up);
      cur = up;
    }
    if (chain.length > 1) chains.push(chain.map((s) => estate.servers[s]?.name ?? s));
  }
  return chains;
}

function findCycles(edges: readonly Edge[], estate: Estate): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  for (const e of edges) {
    if (e.kind !== 'secondary') continue;
    const back = edges.some((f) => f.kind === 'secondary' && f.from === e.to && f.to === e.from);
    const key = [e.from, e.to].sort().join('|');
    if (back && !seen.has(key)) {
      seen.add(key);
      cycles.push([e.from, e.to].map((s) => estate.servers[s]?.name ?? s).sort());
    }
  }
  return cycles;
}
