import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { DataSourceKind, Estate, Version } from '../model';
import { refuse } from '../errors';
import { DPM_CONFIG_FOLDER, DPM_SCRIPTING_FOLDER } from '../fixtures/builder';
import { newComputer, newComputerProblem } from './add-computer';
import { poolDisks } from '../server/disk-layout';
import { defineOperation } from '../operations/operation';
import { whyNotAddToEstate } from './add-computer';

export interface AddDpmServer {
  name: string;
  fqdn: string;
  version: Version;
  storagePoolGb: number;
}

/**
 * Estate › Add DPM server: a computer with DPM installed (its DPMDB, Config and Scripting
 * folders, C:\ and system state as data sources), a storage pool, and no agents yet.
 */
export function addDpmServer(slice: Estate, cmd: AddDpmServer, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const name = cmd.name.trim().toUpperCase();
  const problem = newComputerProblem(draft, name, cmd.fqdn.trim());
  if (problem) return problem;
  const v = cmd.version;
  if (![v.major, v.minor, v.build, v.rollup].every((n) => Number.isInteger(n) && n >= 0 && n <= 99_999))
    return refuse(
      'INVALID_INPUT',
      'A DPM version is major.minor.build and an update rollup, all whole numbers.',
      'version',
    );
  if (!Number.isInteger(cmd.storagePoolGb) || cmd.storagePoolGb < 0 || cmd.storagePoolGb > 1_048_576)
    return refuse('INVALID_INPUT', 'The storage pool has 0 to 1,048,576 GB.', 'storagePoolGb');
  const serverId = ctx.newId('srv');
  const computer = draft.put('computers', {
    ...newComputer(ctx.newId('cmp'), name, cmd.fqdn.trim()),
    dpmServerId: serverId,
  });
  draft.put('servers', {
    id: serverId,
    name,
    fqdn: computer.fqdn,
    computerId: computer.id,
    version: v,
    state: 'Online',
    vssWriter: 'Running',
    service: 'Running',
    dbVersion: v,
    generation: 1,
    dbRestorePending: false,
    installedAt: ctx.now,
    restoredFrom: null,
    dbHistory: [{ from: ctx.now, to: null }],
    disks: poolDisks(serverId, cmd.storagePoolGb),
    certificates: [],
    replicaRestoreFailures: {},
    online: null,
    externalDpm: null,
  });
  const sources: [DataSourceKind, string, number][] = [
    ['DPMDB', `DPMDB_${name}`, 6],
    ['Folder', DPM_CONFIG_FOLDER, 1],
    ['Folder', DPM_SCRIPTING_FOLDER, 1],
    ['Volume', 'C:\\', 80],
    ['System state', 'System Protection', 20],
  ];
  for (const [kind, dsName, sizeGb] of sources)
    draft.put('dataSources', { id: ctx.newId('ds'), computerId: computer.id, kind, name: dsName, sizeGb });
  draft.emit({ type: 'estate.server-added', serverId, subjectId: serverId, summary: `Added the DPM server ${name}` });
  return draft.outcome();
}

export const addDpmServerOperation = defineOperation<'estate', AddDpmServer>({
  id: 'estate.add-dpm-server',
  name: 'Add DPM server',
  kind: 'estate',
  area: 'Estate',
  role: 'Administrator',
  whyNot: whyNotAddToEstate,
  run: addDpmServer,
});
