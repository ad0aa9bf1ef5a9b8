import type { DpmServer, Estate, Replica, Tape } from '../model';
import type { RuleCode } from '../errors';
import type { analyseTopology } from '../topology/topology';
import type { tapeSetsByDataSource } from './dpmdb-backups';

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

export const HOUR = 60 * 60_000;
export const hours = (ms: number) =>
  ms < 2 * HOUR ? `${Math.max(0, Math.round(ms / 60_000))} minutes` : `${Math.round(ms / HOUR)} hours`;
export const list = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/** What the checks of one DPM server read: the estate, the server, and where each check is added. */
export interface ServerScope {
  estate: Estate;
  opts: ReadinessOptions;
  server: DpmServer;
  /** Every DPM server of the estate, by name. */
  servers: DpmServer[];
  topology: ReturnType<typeof analyseTopology>;
  tapeSets: ReturnType<typeof tapeSetsByDataSource>;
  /** The tapes each DPM server wrote that are not free. */
  written: Map<string, Tape[]>;
  /** The server's own replicas. */
  own: Replica[];
  nameOf: (id: string) => string;
  add: (
    check: string,
    result: ReadinessResult,
    code: ReadinessCode,
    message: string,
    fix?: ReadinessFix | null,
  ) => void;
  here: (path: string, control: string) => ReadinessFix;
}
