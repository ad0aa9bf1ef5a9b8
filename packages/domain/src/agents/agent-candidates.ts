import type { Estate } from '../model';
import { formatVersion } from '../model';

export interface AgentCandidate {
  computerId: string;
  name: string;
  fqdn: string;
  /** The DPM version when the computer is a DPM server (attaching it needs the same major.minor). */
  dpmVersion: string | null;
  hasAgent: boolean;
  owner: string | null;
}

/**
 * Protection Agent Installation Wizard › Select Computers: the computers of the server's domain it
 * has no agent on yet, filtered by a name search.
 */
export function agentCandidates(estate: Estate, serverId: string, search: string): AgentCandidate[] {
  const server = estate.servers[serverId];
  const own = server ? estate.computers[server.computerId] : undefined;
  if (!server || !own) return [];
  const needle = search.trim().toLowerCase();
  const out: AgentCandidate[] = [];
  for (const c of Object.values(estate.computers)) {
    if (c.id === own.id || c.domain !== own.domain) continue;
    if (c.agent && (c.agent.ownerId === serverId || c.agent.attachedTo.includes(serverId))) continue;
    if (needle && !c.name.toLowerCase().includes(needle) && !c.fqdn.includes(needle)) continue;
    const dpm = c.dpmServerId ? estate.servers[c.dpmServerId] : undefined;
    const owner = c.agent?.ownerId ? estate.servers[c.agent.ownerId] : undefined;
    out.push({ computerId: c.id, name: c.name, fqdn: c.fqdn, dpmVersion: dpm ? formatVersion(dpm.version) : null, hasAgent: c.agent !== null, owner: owner?.name ?? null });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name)).slice(0, 500);
}
