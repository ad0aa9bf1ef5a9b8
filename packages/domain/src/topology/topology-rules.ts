import type { Estate } from '../model';
import { sameVersion, formatVersion } from '../model';
import type { TopologyScan, TopologyViolation } from './topology';

/** The rules of seeds 001, 002 and 004 that the estate as it stands breaks, server by server. */
export function violationsOf(scan: TopologyScan, estate: Estate): TopologyViolation[] {
  const servers = Object.values(estate.servers).sort((a, b) => a.name.localeCompare(b.name));
  const nameOf = (id: string) => estate.servers[id]?.name ?? estate.computers[id]?.name ?? id;
  const violations: TopologyViolation[] = [];
  for (const s of servers) {
    const protectors = [...(scan.protectors.get(s.id) ?? [])];
    if (protectors.length > 1) {
      violations.push({
        code: 'ALREADY_PROTECTED_BY_DPM',
        message:
          `${s.name} is protected by ${protectors.map(nameOf).join(' and ')}; a DPM server can be protected ` +
          `by only one other DPM server.`,
        serverIds: [s.id, ...protectors],
      });
    }
    if (protectors.length > 0 && scan.ownDatabase.has(s.id)) {
      violations.push({
        code: 'SELF_PROTECTION_BREAKS_CHAIN',
        message:
          `${s.name} protects its own database or system state, which breaks the chain: it can't be protected ` +
          `by ${protectors.map(nameOf).join(', ')}.`,
        serverIds: [s.id],
      });
    }
    for (const t of scan.protects.get(s.id) ?? []) {
      if (reachesThroughChain(scan, s.id, t)) {
        violations.push({
          code: 'CHAIN_INDIRECT',
          message:
            `${s.name} already protects ${nameOf(t)} through the chain, so it can't act directly as its ` +
            `secondary.`,
          serverIds: [s.id, t],
        });
      }
      const other = estate.servers[t];
      if (other && !sameVersion(other.version, s.version)) {
        violations.push({
          code: 'VERSION_MISMATCH',
          message:
            `${s.name} runs DPM ${formatVersion(s.version)} but ${other.name} runs ` +
            `${formatVersion(other.version)}; all servers in a primary/secondary configuration must run the same ` +
            `version and update rollup.`,
          serverIds: [s.id, t],
        });
      }
    }
  }
  const byComputer = new Map<string, Set<string>>();
  for (const [serverId, computers] of scan.computers) {
    for (const [computerId, how] of computers) {
      if (!how.primary) continue;
      const set = byComputer.get(computerId) ?? new Set<string>();
      set.add(serverId);
      byComputer.set(computerId, set);
    }
  }
  for (const [computerId, protectors] of byComputer) {
    if (protectors.size > 1) {
      const names = [...protectors].map(nameOf).sort();
      violations.push({
        code: 'ALREADY_PROTECTED',
        message:
          `${nameOf(computerId)} is protected directly by ${names.join(' and ')}; a data source can be ` +
          `protected only once.`,
        serverIds: [...protectors],
      });
    }
  }
  return violations;
}

/** reachesIndirectly over a scan's adjacency maps. */
function reachesThroughChain(scan: TopologyScan, from: string, to: string): boolean {
  const visited = new Set<string>([from]);
  const queue = [...(scan.protects.get(from) ?? [])].filter((s) => s !== to);
  for (const s of queue) visited.add(s);
  for (let i = 0; i < queue.length; i += 1) {
    for (const next of scan.protects.get(queue[i] as string) ?? []) {
      if (next === to) return true;
      if (!visited.has(next)) {
        visited.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}

/** Maximal secondary chains, from the end of the chain (least protected) to the top. */
export function chainsOf(scan: TopologyScan, estate: Estate): string[][] {
  const chains: string[][] = [];
  const ids = Object.keys(estate.servers).sort((a, b) =>
    (estate.servers[a]?.name ?? '').localeCompare(estate.servers[b]?.name ?? ''),
  );
  for (const id of ids) {
    if ((scan.protects.get(id)?.size ?? 0) > 0) continue;
    const chain = [id];
    let cur = id;
    const seen = new Set([id]);
    for (;;) {
      const up = scan.protectors.get(cur)?.values().next().value;
      if (up === undefined || seen.has(up)) break;
      chain.push(up);
      seen.add(up);
      cur = up;
    }
    if (chain.length > 1) chains.push(chain.map((s) => estate.servers[s]?.name ?? s));
  }
  return chains;
}

/** Pairs of DPM servers that protect each other (seed 004, cyclic protection), sorted. */
export function cyclesOf(scan: TopologyScan, estate: Estate): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  for (const [from, tos] of scan.protects) {
    for (const to of tos) {
      const key = [from, to].sort().join('|');
      if (scan.protects.get(to)?.has(from) && !seen.has(key)) {
        seen.add(key);
        cycles.push([from, to].map((s) => estate.servers[s]?.name ?? s).sort());
      }
    }
  }
  return cycles.sort((a, b) => a.join().localeCompare(b.join()));
}
