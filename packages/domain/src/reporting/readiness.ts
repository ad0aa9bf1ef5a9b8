import type { Computer, DpmServer, Estate, Replica, Tape } from '../model';
import { formatVersion } from '../model';
import { rowsWhere } from '../draft';
import type { RuleCode } from '../errors';
import { analyseTopology, protectedBy, protectorsOf } from '../topology/topology';
import { connectivityChecks } from '../agents/connectivity';
import { compareText, dpmdbOf, pointsOf } from './scope';
import { tapeSetsByDataSource, tapeWhere } from './dpmdb-backups';
import type { PrintDocument } from './document';
import { formatUtc } from './document';

/**
 * Readiness check: for each DPM server, could it be rebuilt after a disaster, judged by the rules
 * of the documents (seeds 000, 001, 002, 004). DPM has no such check; the idea is Veeam Recovery
 * Orchestrator's plan readiness check. Each check says Passed, Warning or Failed, the rule it
 * verifies, a sentence, and where in the console the fix is. Rules decided elsewhere in the
 * domain (topology violations, agent connectivity, certificates) are asked, not restated.
 */
export type ReadinessResult = 'Passed' | 'Warning' | 'Failed';

/** The rule codes of the domain (errors.ts), and the readiness rules that are not refusals of a command. */
export type ReadinessCode =
  | RuleCode
  | 'SERVER_STATE'
  | 'DPMDB_OFF_SERVER'
  | 'DPMDB_COPY_AGE'
  | 'DPMDB_TAPE_LOCATED'
  | 'SECONDARY_SERVER'
  | 'AGENT_ACCESS_DENIED'
  | 'VAULT_CREDENTIALS';

export interface ReadinessFix {
  /** The DPM server to connect to before following the link. */
  serverId: string;
  path: string;
  control: string;
}

export interface ReadinessCheck {
  serverId: string;
  server: string;
  check: string;
  result: ReadinessResult;
  code: ReadinessCode;
  message: string;
  fix: ReadinessFix | null;
}

export interface ServerReadiness {
  serverId: string;
  server: string;
  result: ReadinessResult;
  checks: ReadinessCheck[];
}

export interface ReadinessReport {
  at: number;
  dpmdbGoalHours: number;
  result: ReadinessResult;
  counts: Record<ReadinessResult, number>;
  servers: ServerReadiness[];
}

export interface ReadinessOptions {
  now: number;
  /** How old the newest copy of a DPMDB may be (the administrator's goal), hours. */
  dpmdbGoalHours: number;
}

export const DEFAULT_DPMDB_GOAL_HOURS = 24;

/** The checks by name, as the console lists them. */
export const READINESS_CHECKS = {
  state: 'DPM server online',
  offServer: 'DPM database protected off the server',
  age: 'Newest copy of the DPM database within the goal',
  tape: 'Tape with the newest DPM database backup located',
  certificates: 'Tape encryption certificates available',
  secondary: 'Secondary DPM server for the primary',
  version: 'Same version and update rollup',
  vss: 'SQL Server VSS Writer running',
  agents: 'Agents owned by this server',
  trust: 'Trusted machines groups and DCOM permissions',
  vault: 'Vault credentials for online protection',
} as const;

const CHAIN_RULES: { code: RuleCode; check: string; passed: (name: string) => string }[] = [
  {
    code: 'CHAIN_INDIRECT',
    check: 'No secondary protects through the chain and directly',
    passed: (n) => `${n} is not protected directly by a server that already protects it through the chain.`,
  },
  {
    code: 'ALREADY_PROTECTED_BY_DPM',
    check: 'Protected by at most one DPM server',
    passed: (n) => `${n} is protected by at most one other DPM server.`,
  },
  {
    code: 'SELF_PROTECTION_BREAKS_CHAIN',
    check: 'Chain not broken by self-protection',
    passed: (n) => `${n} does not protect its own database or system state while another DPM server protects it.`,
  },
];

const RANK: Record<ReadinessResult, number> = { Passed: 0, Warning: 1, Failed: 2 };
/** How many checks passed, warned and failed. */
export function countResults(checks: readonly { result: ReadinessResult }[]): Record<ReadinessResult, number> {
  const counts: Record<ReadinessResult, number> = { Passed: 0, Warning: 0, Failed: 0 };
  for (const c of checks) counts[c.result] += 1;
  return counts;
}

export function worst(results: Iterable<ReadinessResult>): ReadinessResult {
  let out: ReadinessResult = 'Passed';
  for (const r of results) if (RANK[r] > RANK[out]) out = r;
  return out;
}

const HOUR = 60 * 60_000;
const hours = (ms: number) =>
  ms < 2 * HOUR ? `${Math.max(0, Math.round(ms / 60_000))} minutes` : `${Math.round(ms / HOUR)} hours`;
const list = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

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

export function readinessCheck(estate: Estate, opts: ReadinessOptions): ReadinessReport {
  const topology = analyseTopology(estate);
  const tapeSets = tapeSetsByDataSource(estate);
  const written = new Map<string, Tape[]>();
  for (const t of Object.values(estate.tapes)) {
    if (!t.writtenBy || t.free) continue;
    const list = written.get(t.writtenBy.serverId);
    if (list) list.push(t);
    else written.set(t.writtenBy.serverId, [t]);
  }
  const servers = Object.values(estate.servers).sort((a, b) => compareText(a.name, b.name));
  const nameOf = (id: string) => estate.servers[id]?.name ?? estate.computers[id]?.name ?? id;
  const goal = opts.dpmdbGoalHours * HOUR;

  const results: ServerReadiness[] = servers.map((server) => {
    const checks: ReadinessCheck[] = [];
    const add = (
      check: string,
      result: ReadinessResult,
      code: ReadinessCode,
      message: string,
      fix: ReadinessFix | null = null,
    ) => checks.push({ serverId: server.id, server: server.name, check, result, code, message, fix });
    const here = (path: string, control: string): ReadinessFix => ({ serverId: server.id, path, control });
    const own = rowsWhere(estate, 'replicas', 'serverId', server.id);
    const role = topology.servers.find((s) => s.serverId === server.id);

    if (server.state !== 'Online') {
      add(
        READINESS_CHECKS.state,
        'Warning',
        'SERVER_STATE',
        `${server.name} is ${server.state === 'Failed' ? 'failed' : 'not installed'}: follow Recover a DPM server.`,
        here(`/servers/${server.id}`, 'Recover a DPM server'),
      );
    }

    // The DPMDB, held off the server (seed 001, "Back up the DPM database").
    const dpmdb = dpmdbOf(estate, server);
    const dbReplicas = dpmdb
      ? rowsWhere(estate, 'replicas', 'dataSourceId', dpmdb.id).filter((r) => r.groupId !== null)
      : [];
    const elsewhere = dbReplicas.filter((r) => r.serverId !== server.id);
    const copies: { time: number; where: string }[] = [];
    if (dpmdb) {
      for (const rp of rowsWhere(estate, 'replicas', 'dataSourceId', dpmdb.id).flatMap((r) => pointsOf(estate, r.id))) {
        if (rp.external || rp.location === 'Tape' || (rp.location === 'Disk' && rp.serverId === server.id)) continue;
        copies.push({ time: rp.time, where: rp.location === 'Online' ? 'online' : nameOf(rp.serverId) });
      }
      for (const r of elsewhere)
        if (r.status === 'OK' && r.lastSyncAt !== null) copies.push({ time: r.lastSyncAt, where: nameOf(r.serverId) });
      for (const { tape, set } of tapeSets.get(dpmdb.id) ?? [])
        copies.push({ time: set.time, where: `tape ${tape.barcode}` });
    }
    const holders = [...new Set(copies.map((c) => c.where))].sort();
    if (holders.length > 0) {
      add(
        READINESS_CHECKS.offServer,
        'Passed',
        'DPMDB_OFF_SERVER',
        `Copies of ${server.name}'s database are held on ${list(holders)}.`,
      );
    } else {
      const pending = elsewhere.find((r) => r.status !== 'OK');
      const selfOnly = dbReplicas.some((r) => r.serverId === server.id);
      add(
        READINESS_CHECKS.offServer,
        'Failed',
        'DPMDB_OFF_SERVER',
        pending
          ? `${nameOf(pending.serverId)} protects ${server.name}'s database, but its replica is "${pending.status}": ` +
              `no copy exists off the server yet.`
          : selfOnly
            ? `Only ${server.name}'s own storage pool holds its database: not a good option for disaster recovery. ` +
              `Protect it on a secondary DPM server, on tape or online.`
            : `Nothing protects the database of ${server.name}: after a failure it must be rebuilt by hand and its ` +
              `disk-based recovery points are lost.`,
        pending
          ? { serverId: pending.serverId, path: '/protection', control: 'Perform consistency check' }
          : here('/protection', 'Create protection group'),
      );
    }
    const newest = copies.reduce<number | null>((m, c) => (m === null || c.time > m ? c.time : m), null);
    if (newest === null) {
      add(
        READINESS_CHECKS.age,
        'Failed',
        'DPMDB_COPY_AGE',
        `No copy of ${server.name}'s database exists off the server; the goal is ${opts.dpmdbGoalHours} hours.`,
        here('/protection', 'Create protection group'),
      );
    } else {
      const age = opts.now - newest;
      add(
        READINESS_CHECKS.age,
        age <= goal ? 'Passed' : 'Warning',
        'DPMDB_COPY_AGE',
        `The newest copy of ${server.name}'s database off the server is ${hours(age)} old; the goal is ` +
          `${opts.dpmdbGoalHours} hours.`,
        age <= goal
          ? null
          : { serverId: elsewhere[0]?.serverId ?? server.id, path: '/protection', control: 'Create recovery point' },
      );
    }

    // The tape to rebuild from, found by its barcode (seeds 000 and 001).
    const onTape = dpmdb ? [...(tapeSets.get(dpmdb.id) ?? [])].sort((a, b) => b.set.time - a.set.time)[0] : undefined;
    if (onTape) {
      const t = onTape.tape;
      const library = t.libraryId ? estate.libraries[t.libraryId] : undefined;
      const inLibrary = library !== undefined && t.location !== 'Offsite';
      const label = `${t.inventoried ? t.barcode : 'with no barcode read'}${t.label ? ` (${t.label})` : ''}`;
      if (!t.inventoried) {
        add(
          READINESS_CHECKS.tape,
          'Failed',
          'DPMDB_TAPE_LOCATED',
          `The tape with the newest backup of ${server.name}'s database has not been scanned: its barcode is not ` +
            `known. Run an inventory.`,
          library
            ? { serverId: library.serverId, path: '/management/libraries', control: 'Inventory libraries…' }
            : null,
        );
      } else if (!inLibrary && t.location !== 'Offsite') {
        add(
          READINESS_CHECKS.tape,
          'Failed',
          'DPMDB_TAPE_LOCATED',
          `Tape ${label} holds the newest backup of ${server.name}'s database but is neither in a library nor marked ` +
            `off-site.`,
          here('/management/libraries', 'Add tape (I/E port)'),
        );
      } else {
        add(
          READINESS_CHECKS.tape,
          'Passed',
          'DPMDB_TAPE_LOCATED',
          `Tape ${label} holds the newest tape backup of ${server.name}'s database: ${tapeWhere(estate, t)}.` +
            (t.location === 'Offsite' ? '' : ' Two copies of it stored off-site are recommended.'),
        );
      }
    }

    // Encrypted tapes are read only where their certificate is installed (TAPE_CERTIFICATE).
    const certificates = [
      ...new Set((written.get(server.id) ?? []).map((t) => t.encryptedWith).filter((c): c is string => c !== null)),
    ].sort();
    for (const cert of certificates) {
      const readers = servers.filter(
        (s) =>
          s.id !== server.id &&
          s.state === 'Online' &&
          s.certificates.includes(cert) &&
          rowsWhere(estate, 'libraries', 'serverId', s.id).length > 0,
      );
      if (readers.length > 0)
        add(
          READINESS_CHECKS.certificates,
          'Passed',
          'TAPE_CERTIFICATE',
          `The certificate "${cert}" that encrypted ${server.name}'s tapes is installed on ` +
            `${list(readers.map((s) => s.name))}, which has a library.`,
        );
      else
        add(
          READINESS_CHECKS.certificates,
          'Failed',
          'TAPE_CERTIFICATE',
          `${server.name}'s tapes are encrypted with "${cert}", installed on no other DPM server with a library: if ` +
            `${server.name} is lost, they can be read only where that certificate is installed.`,
        );
    }

    // A secondary for every primary, running the same version (seeds 001, 002).
    const protectors = protectorsOf(topology.edges, server.id);
    if (role?.primary) {
      if (protectors.length > 0)
        add(
          READINESS_CHECKS.secondary,
          'Passed',
          'SECONDARY_SERVER',
          `${server.name} is protected by ${list(protectors.map(nameOf))}, which can restore its database and ` +
            `replicas.`,
        );
      else
        add(
          READINESS_CHECKS.secondary,
          'Warning',
          'SECONDARY_SERVER',
          `No secondary DPM server protects ${server.name}: after a rebuild, its replicas can be re-created only ` +
            `from tape or from the protected computers.`,
          here('/topology', 'Protection topology'),
        );
    }
    const partners = [...new Set([...protectors, ...protectedBy(topology.edges, server.id)])];
    if (partners.length > 0) {
      const mismatch = topology.violations.filter(
        (v) => v.code === 'VERSION_MISMATCH' && v.serverIds.includes(server.id),
      );
      if (mismatch.length > 0)
        add(
          READINESS_CHECKS.version,
          'Failed',
          'VERSION_MISMATCH',
          mismatch.map((v) => v.message).join(' '),
          here('/topology', 'Protection topology'),
        );
      else
        add(
          READINESS_CHECKS.version,
          'Passed',
          'VERSION_MISMATCH',
          `${server.name} runs DPM ${formatVersion(server.version)}, as do ${list(partners.map(nameOf).sort())}, ` +
            `which it protects or is protected by.`,
        );
    }
    for (const rule of CHAIN_RULES) {
      const broken = topology.violations.filter((v) => v.code === rule.code && v.serverIds.includes(server.id));
      if (broken.length > 0)
        add(
          rule.check,
          'Failed',
          rule.code,
          broken.map((v) => v.message).join(' '),
          here('/topology', 'Protection topology'),
        );
      else add(rule.check, 'Passed', rule.code, rule.passed(server.name));
    }
    if (elsewhere.length > 0) {
      if (server.vssWriter === 'Running')
        add(
          READINESS_CHECKS.vss,
          'Passed',
          'VSS_WRITER_STOPPED',
          `The SQL Server VSS Writer service runs on ${server.name}, so its database can be backed up by ` +
            `${list([...new Set(elsewhere.map((r) => nameOf(r.serverId)))])}.`,
        );
      else
        add(
          READINESS_CHECKS.vss,
          'Failed',
          'VSS_WRITER_STOPPED',
          `The SQL Server VSS Writer service is stopped on ${server.name}: its database can't be backed up by ` +
            `another DPM server until it runs.`,
          here('/management/estate', 'Start SQL Server VSS Writer'),
        );
    }

    // Agents owned by the right server (NOT_OWNER), and the groups and DCOM permissions seed 000 checks.
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

    // Online protection needs the vault registration (and its passphrase) to recover (seed 001).
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

    return { serverId: server.id, server: server.name, result: worst(checks.map((c) => c.result)), checks };
  });

  const counts = countResults(results.flatMap((s) => s.checks));
  return {
    at: opts.now,
    dpmdbGoalHours: opts.dpmdbGoalHours,
    result: worst(results.map((s) => s.result)),
    counts,
    servers: results,
  };
}

/** A readiness check run as a printable document (exported like a report). */
export function readinessDocument(report: ReadinessReport): PrintDocument {
  return {
    title: 'Readiness check',
    subtitle: [
      `Entire estate · ${report.result} · goal for the newest DPM database copy: ${report.dpmdbGoalHours} hours`,
      `Run ${formatUtc(report.at)} (simulated clock)`,
    ],
    fileName: `readiness-check-${formatUtc(report.at)
      .slice(0, 16)
      .replace(/[^0-9]+/g, '-')}`,
    sections: [
      {
        kind: 'facts',
        id: 'summary',
        title: 'Summary',
        items: [
          { label: 'Result', value: report.result, kind: 'text' },
          { label: 'Checks passed', value: report.counts.Passed, kind: 'number' },
          { label: 'Warnings', value: report.counts.Warning, kind: 'number' },
          { label: 'Checks failed', value: report.counts.Failed, kind: 'number' },
        ],
      },
      {
        kind: 'table',
        id: 'servers',
        title: 'DPM servers',
        columns: [
          { key: 'server', header: 'DPM server', kind: 'text' },
          { key: 'result', header: 'Result', kind: 'text' },
          { key: 'failed', header: 'Failed', kind: 'number' },
          { key: 'warnings', header: 'Warnings', kind: 'number' },
        ],
        rows: report.servers.map((s) => [
          s.server,
          s.result,
          s.checks.filter((c) => c.result === 'Failed').length,
          s.checks.filter((c) => c.result === 'Warning').length,
        ]),
        empty: 'The estate has no DPM servers.',
      },
      {
        kind: 'table',
        id: 'checks',
        title: 'Checks',
        columns: [
          { key: 'server', header: 'DPM server', kind: 'text' },
          { key: 'check', header: 'Check', kind: 'text' },
          { key: 'result', header: 'Result', kind: 'text' },
          { key: 'code', header: 'Rule code', kind: 'text' },
          { key: 'message', header: 'Details', kind: 'text' },
          { key: 'fix', header: 'Fix', kind: 'text' },
        ],
        rows: report.servers.flatMap((s) =>
          s.checks.map((c) => [c.server, c.check, c.result, c.code, c.message, c.fix ? c.fix.control : null]),
        ),
        groupColumn: 0,
        empty: 'No check ran.',
      },
    ],
  };
}
