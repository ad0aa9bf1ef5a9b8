import type { Computer, DpmServer, Estate, Replica } from '../model';
import { rowsWhere } from '../draft';
import { connectivityChecks } from '../agents/connectivity';
import { compareText } from './scope';
import type { ServerScope } from './readiness-rules';
import { READINESS_CHECKS, list } from './readiness-rules';

/** Where a server's own protected computers and its secondaries' primaries stand: the agents it must own. */
function agentsToOwn(
  estate: Estate,
  server: DpmServer,
  replicas: Replica[],
): { computer: Computer; switchedTo: string | null }[] {
  const out = new Map<string, { computer: Computer; switchedTo: string | null }>();
  for (const r of replicas) {
    if (r.groupId === null) continue;
    let computerId: string | undefined;
    if (r.sourceServerId !== null && !r.switched) computerId = estate.servers[r.sourceServerId]?.computerId;
    else computerId = estate.dataSources[r.dataSourceId]?.computerId;
    if (!computerId || computerId === server.computerId || out.has(computerId)) continue;
    const computer = estate.computers[computerId];
    if (!computer) continue;
    // Switch Disaster Protection made a secondary protect this computer directly: the primary
    // does not own the agent until it switches back (seed 000).
    const switched =
      r.sourceServerId === null
        ? rowsWhere(estate, 'dataSources', 'computerId', computerId)
            .flatMap((d) => rowsWhere(estate, 'replicas', 'dataSourceId', d.id))
            .find((x) => x.switched && x.groupId !== null && x.serverId !== server.id)
        : undefined;
    out.set(computerId, {
      computer,
      switchedTo: switched ? (estate.servers[switched.serverId]?.name ?? switched.serverId) : null,
    });
  }
  return [...out.values()].sort((a, b) => compareText(a.computer.name, b.computer.name));
}

/** Agents owned by the right server (NOT_OWNER), and the groups and DCOM permissions seed 000 checks. */
export function agentChecks(scope: ServerScope) {
  const { estate, server, own, nameOf, add, here } = scope;
  const agents = agentsToOwn(estate, server, own);
  if (agents.length > 0) {
    const notOwned = agents.filter((a) => a.computer.agent?.ownerId !== server.id);
    const switched = notOwned.filter((a) => a.switchedTo !== null);
    const lost = notOwned.filter((a) => a.switchedTo === null);
    if (lost.length > 0) {
      const pending = lost.some((a) => a.computer.agent?.pendingOwnerId === server.id);
      const ownedBy = (owner: string | null | undefined) => (owner ? `owned by ${nameOf(owner)}` : 'no owner');
      const computers = list(lost.map((a) => `${a.computer.name} (${ownedBy(a.computer.agent?.ownerId)})`));
      add(
        READINESS_CHECKS.agents,
        'Failed',
        'NOT_OWNER',
        `${server.name} does not own the protection agent on ${computers}: ` +
          `protection of it stops until ${server.name} takes ownership.`,
        pending ? here('/monitoring/alerts', 'Take Ownership') : here('/management/agents', 'Install'),
      );
    } else if (switched.length > 0) {
      add(
        READINESS_CHECKS.agents,
        'Warning',
        'NOT_OWNER',
        `Protection of ${list(switched.map((a) => `${a.computer.name} (switched to ${a.switchedTo ?? ''})`))} is ` +
          `switched to a secondary DPM server; switch it back when ${server.name} can protect it again.`,
        here('/protection', 'Switch Disaster Protection'),
      );
    } else {
      add(
        READINESS_CHECKS.agents,
        'Passed',
        'NOT_OWNER',
        `${server.name} owns the protection agents of the ${agents.length} ` +
          `computer${agents.length === 1 ? '' : 's'} it protects.`,
      );
    }
    const denied = agents
      .filter((a) => a.computer.agent?.ownerId === server.id)
      .map((a) => ({ name: a.computer.name, failed: connectivityChecks(a.computer, server).filter((c) => !c.ok) }))
      .filter((a) => a.failed.length > 0);
    if (denied.length > 0) {
      add(
        READINESS_CHECKS.trust,
        'Failed',
        'AGENT_ACCESS_DENIED',
        denied.map((d) => `${d.name}: ${d.failed.map((f) => f.detail).join(' ')}`).join(' '),
        here('/management/agents', 'Re-establish protection'),
      );
    } else {
      add(
        READINESS_CHECKS.trust,
        'Passed',
        'AGENT_ACCESS_DENIED',
        `${server.name} is in the trusted machines groups and the DPM RA Service permissions of every computer ` +
          `whose agent it owns.`,
      );
    }
  }
}

/** Online protection needs the vault registration (and its passphrase) to recover (seed 001). */
export function vaultChecks(scope: ServerScope) {
  const { estate, server, add, here } = scope;
  const online = rowsWhere(estate, 'groups', 'serverId', server.id).some((g) => g.online !== null);
  if (online) {
    if (server.online)
      add(
        READINESS_CHECKS.vault,
        'Passed',
        'VAULT_CREDENTIALS',
        `${server.name} is registered with the vault ${server.online.vault}; keep its passphrase to recover from ` +
          `it on another DPM server.`,
      );
    else
      add(
        READINESS_CHECKS.vault,
        'Failed',
        'VAULT_CREDENTIALS',
        `${server.name} protects data online but is not registered with a vault: register it with vault ` +
          `credentials and a passphrase.`,
        here('/management/online', 'Register'),
      );
  }
}
