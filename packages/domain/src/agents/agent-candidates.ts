import type { Estate } from '../model';
import { formatVersion } from '../model';
import type { Reason } from '../operations/operation';
import { viewOf } from '../view';
import { hasAgent, whyNotAttachComputer } from './attach-agent';

export interface AgentCandidate {
  computerId: string;
  name: string;
  fqdn: string;
  /** The DPM version when the computer is a DPM server (attaching it needs the same major.minor). */
  dpmVersion: string | null;
  /** A DPM server always has its agent (seed 001); another computer once one was installed. */
  hasAgent: boolean;
  owner: string | null;
  /** Why this server can't install or attach the agent there, per method (greyed out on Select Computers). */
  whyNot: { Install: Reason | null; Attach: Reason | null };
}

const reason = (e: { code: string; message: string } | null): Reason | null =>
  e ? { code: e.code, message: e.message } : null;

/**
 * Protection Agent Installation Wizard › Select Computers: the computers of the server's domain it
 * has no agent on yet, filtered by a name search, each with why it can't take the agent by each
 * method (the domain's decision, the same the wizard's Install or Attach makes).
 */
export function agentCandidates(estate: Estate, serverId: string, search: string): AgentCandidate[] {
  const server = estate.servers[serverId];
  const own = server ? estate.computers[server.computerId] : undefined;
  if (!server || !own) return [];
  const view = viewOf(estate);
  const needle = search.trim().toLowerCase();
  const out: AgentCandidate[] = [];
  for (const c of Object.values(estate.computers)) {
    if (c.id === own.id || c.domain !== own.domain) continue;
    if (c.agent && (c.agent.ownerId === serverId || c.agent.attachedTo.includes(serverId))) continue;
    if (needle && !c.name.toLowerCase().includes(needle) && !c.fqdn.includes(needle)) continue;
    const dpm = c.dpmServerId ? estate.servers[c.dpmServerId] : undefined;
    const owner = c.agent?.ownerId ? estate.servers[c.agent.ownerId] : undefined;
    out.push({
      computerId: c.id,
      name: c.name,
      fqdn: c.fqdn,
      dpmVersion: dpm ? formatVersion(dpm.version) : null,
      hasAgent: hasAgent(c),
      owner: owner?.name ?? null,
      whyNot: {
        Install: reason(whyNotAttachComputer(view, server, c, 'Install')),
        Attach: reason(whyNotAttachComputer(view, server, c, 'Attach')),
      },
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name)).slice(0, 500);
}
