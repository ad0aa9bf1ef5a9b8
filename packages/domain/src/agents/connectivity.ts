import type { Draft } from '../draft';
import type { AgentSecurity, Computer, DpmServer } from '../model';

export type ConnectivityCheck =
  'SetDpmServer' | 'Distributed COM Users' | 'DPMRADCOMTrustedMachines' | 'DPMRADmTrustedMachines' | 'DPM RA Service';

export interface CheckResult {
  check: ConnectivityCheck;
  ok: boolean;
  detail: string;
}

export function accountOf(computer: Pick<Computer, 'domain'>, server: Pick<DpmServer, 'name'>): string {
  return `${computer.domain.split('.')[0]?.toUpperCase() ?? ''}\\${server.name}`;
}

/**
 * What seed 000 has an administrator verify on a protected computer so that its DPM server can
 * talk to the agent: the agent reports to the server (SetDpmServer), the server's account is in
 * the three local groups, and it has Launch and Activation Permissions on DPM RA Service.
 */
export function connectivityChecks(computer: Computer, server: DpmServer): CheckResult[] {
  const account = accountOf(computer, server);
  const s = computer.security;
  const member = (list: string[], check: ConnectivityCheck): CheckResult => ({
    check,
    ok: list.includes(account),
    detail: list.includes(account) ? `${account} is a member of ${check}.` : `${account} is not a member of ${check}.`,
  });
  return [
    {
      check: 'SetDpmServer',
      ok: computer.agent?.dpmServerName === server.name,
      detail:
        computer.agent?.dpmServerName === server.name
          ? `The agent reports to ${server.name}.`
          : `The agent reports to ${computer.agent?.dpmServerName ?? 'no DPM server'}; run SetDpmServer ` +
            `-dpmServerName ${server.name}.`,
    },
    member(s.distributedComUsers, 'Distributed COM Users'),
    member(s.dpmRadComTrustedMachines, 'DPMRADCOMTrustedMachines'),
    member(s.dpmRadmTrustedMachines, 'DPMRADmTrustedMachines'),
    {
      check: 'DPM RA Service',
      ok: s.dcomLaunchActivation.includes(account),
      detail: s.dcomLaunchActivation.includes(account)
        ? `${account} has Launch and Activation Permissions on DPM RA Service.`
        : `${account} is missing from the Launch and Activation Permissions of DPM RA Service.`,
    },
  ];
}

/** The first failed check as DPM words the failure of a protection job, or null when all pass. */
export function connectivityError(computer: Computer, server: DpmServer): { code: string; message: string } | null {
  // Every protection job asks this when it starts and when it ends: the checks' sentences are
  // written only when one fails.
  const account = accountOf(computer, server);
  const s = computer.security;
  const allPass =
    computer.agent?.dpmServerName === server.name &&
    s.distributedComUsers.includes(account) &&
    s.dpmRadComTrustedMachines.includes(account) &&
    s.dpmRadmTrustedMachines.includes(account) &&
    s.dcomLaunchActivation.includes(account);
  if (allPass) return null;
  const failed = connectivityChecks(computer, server).find((c) => !c.ok);
  if (!failed) return null;
  return {
    code: 'AGENT_ACCESS_DENIED',
    message:
      `The DPM protection agent on ${computer.name} could not be contacted by ${server.name} (access denied). ` +
      `${failed.detail}`,
  };
}

/**
 * The security of a computer after a DPM server configured its agent (install, attach, Take
 * Ownership, Switch Disaster Protection, SetDpmServer): the server's account in the three local
 * groups and in the Launch and Activation Permissions of DPM RA Service.
 */
export function trustServer(computer: Computer, server: DpmServer): AgentSecurity {
  const account = accountOf(computer, server);
  const add = (list: string[]) => (list.includes(account) ? list : [...list, account]);
  const s = computer.security;
  return {
    distributedComUsers: add(s.distributedComUsers),
    dpmRadComTrustedMachines: add(s.dpmRadComTrustedMachines),
    dpmRadmTrustedMachines: add(s.dpmRadmTrustedMachines),
    dcomLaunchActivation: add(s.dcomLaunchActivation),
  };
}

/**
 * What the owning server learns when it contacts a computer's agent (Refresh Information, a
 * protection job): an agent that refuses it shows status Error with the reason; one that answers
 * again is OK. Other statuses (Disabled, Unreachable, Incompatible) have their own causes and stay.
 */
export function recordContact(draft: Draft, computerId: string, server: DpmServer): void {
  const computer = draft.get('computers', computerId);
  const agent = computer?.agent;
  if (!computer || !agent || agent.ownerId !== server.id) return;
  const error = connectivityError(computer, server);
  if (error && (agent.status === 'OK' || agent.status === 'Error') && agent.error !== error.message) {
    draft.update('computers', computer.id, { agent: { ...agent, status: 'Error', error: error.message } });
  } else if (!error && agent.status === 'Error') {
    draft.update('computers', computer.id, { agent: { ...agent, status: 'OK', error: null } });
  }
}
