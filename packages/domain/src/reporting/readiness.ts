import type { Estate, Tape } from '../model';
import { rowsWhere } from '../draft';
import { analyseTopology } from '../topology/topology';
import { compareText } from './scope';
import { tapeSetsByDataSource } from './dpmdb-backups';
import type {
  ReadinessCheck,
  ReadinessCode,
  ReadinessFix,
  ReadinessOptions,
  ReadinessReport,
  ReadinessResult,
  ServerReadiness,
  ServerScope,
} from './readiness-rules';
import { READINESS_CHECKS, countResults, worst } from './readiness-rules';
import { dpmdbChecks } from './readiness-dpmdb';
import { certificateChecks, chainChecks } from './readiness-chain';
import { agentChecks, vaultChecks } from './readiness-agents';

export type {
  ReadinessCheck,
  ReadinessCode,
  ReadinessFix,
  ReadinessOptions,
  ReadinessReport,
  ReadinessResult,
  ServerReadiness,
} from './readiness-rules';
export { DEFAULT_DPMDB_GOAL_HOURS, READINESS_CHECKS, countResults, worst } from './readiness-rules';
export { readinessDocument } from './readiness-document';

/** Runs every readiness check on every DPM server of the estate (the checks are described in readiness-rules.ts). */
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

    if (server.state !== 'Online') {
      add(
        READINESS_CHECKS.state,
        'Warning',
        'SERVER_STATE',
        `${server.name} is ${server.state === 'Failed' ? 'failed' : 'not installed'}: follow Recover a DPM server.`,
        here(`/servers/${server.id}`, 'Recover a DPM server'),
      );
    }

    const scope: ServerScope = { estate, opts, server, servers, topology, tapeSets, written, own, nameOf, add, here };
    const elsewhere = dpmdbChecks(scope);
    certificateChecks(scope);
    chainChecks(scope, elsewhere);
    agentChecks(scope);
    vaultChecks(scope);

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
