import type { RuleCode } from '../errors';
import type { Replica } from '../model';
import { formatVersion } from '../model';
import { rowsWhere } from '../draft';
import { protectedBy, protectorsOf } from '../topology/topology';
import type { ServerScope } from './readiness-rules';
import { READINESS_CHECKS, list } from './readiness-rules';

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

/** Encrypted tapes are read only where their certificate is installed (TAPE_CERTIFICATE). */
export function certificateChecks(scope: ServerScope) {
  const { estate, server, servers, written, add } = scope;
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
}

/**
 * A secondary for every primary, running the same version (seeds 001, 002), the protection chain, and the VSS
 * writer the other servers back the database up with.
 */
export function chainChecks(scope: ServerScope, elsewhere: Replica[]) {
  const { server, topology, nameOf, add, here } = scope;
  const role = topology.servers.find((s) => s.serverId === server.id);
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
}
